package people

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// pathStore is the read the How to reach section makes, apart from the
// page's one call so that the page stays fast: the store has it
// (storage's Store.WarmPaths). A store without it gets no section.
type pathStore interface {
	WarmPaths(ctx context.Context, personID int64, now time.Time) ([]model.WarmPath, error)
}

// introAsker is what the section asks of the window: the Log form drafted
// as an ask for an introduction. A navigator without it offers no ask.
type introAsker interface {
	AskIntroduction(via, target model.Person)
}

// pathSection is the person page's How to reach: a placeholder until the
// paths are read off the UI goroutine, then the paths, the page's scroll
// laid out again for their room.
func pathSection(s *Screen, pg *personPage) fyne.CanvasObject {
	p := pg.person
	box := container.NewVBox()
	store, ok := s.store.(pathStore)
	if !ok || p.Archived() {
		return box
	}
	var ask func(via, next model.Person)
	if a, ok := s.nav.(introAsker); ok {
		ask = a.AskIntroduction
	}
	box.Add(kit.Quiet("Looking for the warmest way to reach " + kit.FirstName(p.Name) + "…"))
	now := s.now()
	kit.OffUI(func() {
		paths, err := store.WarmPaths(context.Background(), p.ID, now)
		fyne.Do(func() {
			if err != nil {
				box.Objects = []fyne.CanvasObject{kit.Quiet("Could not look for a way to reach them: " + err.Error())}
			} else {
				box.Objects = []fyne.CanvasObject{kit.WarmPaths(p, paths, ask)}
			}
			box.Refresh()
			if pg.scroll != nil {
				pg.scroll.Refresh()
			}
		})
	})
	return container.NewVBox(widget.NewSeparator(), box)
}
