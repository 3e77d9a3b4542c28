package today

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// reachShown is how many reach risks Today lists before "and N more".
const reachShown = 5

// reachStore is the read behind "Where your reach is thin", apart from
// Today's one read so that it stays fast: the store has it (storage's
// Store.ReachRisks). A store without it gets no section.
type reachStore interface {
	ReachRisks(ctx context.Context, now time.Time) ([]model.Risk, error)
}

// reach is the part "Where your reach is thin": panel members who hear
// for the user from one champion, influential people reached through one
// person, cold brokers, each with its next step. They are read apart from
// Today's report, off the UI goroutine, each time the report is shown (in
// the background, beside the report's own read: readAhead); the part says
// it is looking until then.
type reach struct {
	s     *Screen
	store reachStore
	root  fyne.CanvasObject
	box   *fyne.Container
	ahead *reachRead // begun beside the report's read, for fill to take
}

// reachRead is a read of the reach risks at now, done once done is closed.
type reachRead struct {
	now   time.Time
	done  chan struct{}
	risks []model.Risk
	err   error
}

// newReach makes the part, or returns nil for a store without the read.
func newReach(s *Screen) *reach {
	store, ok := s.store.(reachStore)
	if !ok {
		return nil
	}
	box := container.NewVBox(kit.Quiet("Looking for single points of failure…"))
	root := container.NewVBox(section("Where your reach is thin", theme.IconNameWarning), box)
	return &reach{s: s, store: store, root: root, box: box}
}

func (k *reach) object() fyne.CanvasObject { return k.root }

// readAhead begins reading the risks at now, beside the report's read
// in the background, so that they are there when the report shows: read
// after it, they came some 100 ms after the rest of the first screen.
func (k *reach) readAhead(now time.Time) {
	r := &reachRead{now: now, done: make(chan struct{})}
	k.ahead = r
	go func() {
		defer close(r.done)
		r.risks, r.err = k.store.ReachRisks(context.Background(), now)
	}()
}

func (k *reach) fill(r model.Today) {
	now := r.Now
	if now.IsZero() {
		now = k.s.now()
	}
	ahead := k.ahead
	k.ahead = nil
	kit.OffUI(func() {
		var risks []model.Risk
		var err error
		if ahead != nil && ahead.now.Equal(now) {
			<-ahead.done
			risks, err = ahead.risks, ahead.err
		} else {
			risks, err = k.store.ReachRisks(context.Background(), now)
		}
		fyne.Do(func() {
			k.box.Objects = k.s.reachRows(risks, err)
			k.box.Refresh()
			kit.RefreshScrolls(k.s.root)
		})
	})
}

// reachRows are the rows of the reach risks, at most reachShown and then
// how many more, or what to say when there are none or the read failed.
func (s *Screen) reachRows(risks []model.Risk, err error) []fyne.CanvasObject {
	switch {
	case err != nil:
		return []fyne.CanvasObject{kit.Quiet("Could not look for single points of failure: " + err.Error())}
	case len(risks) == 0:
		return []fyne.CanvasObject{kit.Quiet("No single point of failure: everyone influential is within reach " +
			"through more than one person, and every panel member hears of you from more than one champion.")}
	}
	var rows []fyne.CanvasObject
	for _, r := range risks[:min(len(risks), reachShown)] {
		rows = append(rows, s.reachRow(r))
	}
	if more := len(risks) - reachShown; more > 0 {
		rows = append(rows, kit.Quiet("And "+strconv.Itoa(more)+" more: the map's filter \"Only through one person\" shows them all."))
	}
	return rows
}

// reachRow is a reach risk in words, opening the first person it names.
func (s *Screen) reachRow(r model.Risk) fyne.CanvasObject {
	text := widget.NewLabel(r.Text)
	text.Wrapping = fyne.TextWrapWord
	open := widget.NewButton("Open", func() { s.nav.OpenPerson(r.PersonIDs[0]) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, kit.NewThemedIcon(theme.IconNameWarning), open, text)
}
