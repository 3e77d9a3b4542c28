package relmap

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// onlyThroughOne is the filter that keeps the people where the user's
// reach is thin.
const onlyThroughOne = "Only through one person"

// reachStore is the read behind the filter Only through one person, apart
// from the map's own: the store has it (storage's Store.ReachRisks). A
// store without it leaves the filter keeping everyone.
type reachStore interface {
	ReachRisks(ctx context.Context, now time.Time) ([]model.Risk, error)
}

// introAsker is what the card's paths ask of the window: the Log form
// drafted as an ask for an introduction. A navigator without it offers no
// ask.
type introAsker interface {
	AskIntroduction(via, target model.Person)
}

// newThinFilter makes the check Only through one person.
func (s *Screen) newThinFilter() *widget.Check {
	return widget.NewCheck(onlyThroughOne, func(on bool) {
		s.thinIDs = nil
		store, ok := s.store.(reachStore)
		if !on || !ok {
			s.apply()
			return
		}
		now := s.now()
		kit.OffUI(func() {
			risks, err := store.ReachRisks(context.Background(), now)
			fyne.Do(func() {
				if err != nil {
					s.nav.ShowError("Could not look for where your reach is thin", err)
					return
				}
				ids := map[int64]bool{}
				for _, r := range risks {
					for _, id := range r.PersonIDs {
						ids[id] = true
					}
				}
				s.thinIDs = ids
				s.apply()
			})
		})
	})
}

// keepThin reports whether a person passes the filter Only through one
// person: everyone while it is off or still looking, else those a reach
// risk names (the person reached, the one person in between, the panel
// member and their one champion, the cold broker).
func (s *Screen) keepThin(p model.NetworkPerson) bool {
	return !s.thin.Checked || s.thinIDs == nil || s.thinIDs[p.Person.ID]
}

// cardPaths is the card's How to reach, worked out off the UI goroutine
// from the network the map shows: a placeholder until then. Nothing for
// someone in the trash.
func (s *Screen) cardPaths(p model.Person) fyne.CanvasObject {
	box := container.NewVBox()
	if p.Archived() {
		return box
	}
	var ask func(via, next model.Person)
	if a, ok := s.nav.(introAsker); ok {
		ask = a.AskIntroduction
	}
	box.Add(kit.Quiet("Looking for the warmest way to reach " + kit.FirstName(p.Name) + "…"))
	net := s.net
	kit.OffUI(func() {
		paths := model.NewTieGraph(net).WarmPaths(p.ID)
		fyne.Do(func() {
			box.Objects = []fyne.CanvasObject{kit.WarmPaths(p, paths, ask)}
			box.Refresh()
			if s.side != nil {
				kit.RefreshScrolls(s.side)
			}
		})
	})
	return box
}
