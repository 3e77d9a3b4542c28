package people

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"rapport/model"
	"rapport/ui/kit"
)

// timelineMark is a row of the timeline, the mark behind it that shows it
// is the one a search opened, and the box of rows it sits in.
type timelineMark struct {
	row  *fyne.Container
	mark *kit.ThemedRect
	box  *fyne.Container
}

// RevealInteraction marks the interaction with id on the timeline of the
// page on show and scrolls the page to it, and reports whether it is
// there; one older than the page's latest model.TimelineLimit is not, and
// a word at the foot says so.
func (s *Screen) RevealInteraction(id int64) bool {
	pg := s.page
	if pg == nil {
		return false
	}
	m, ok := pg.marks[id]
	if !ok {
		s.nav.Toast(fmt.Sprintf("That interaction is older than the latest %d on the timeline.", model.TimelineLimit), nil)
		return false
	}
	for _, other := range pg.marks {
		other.mark.Hide()
	}
	m.mark.Show()
	// Lay the page out first (the scroll would do it when drawn): the
	// row's place is only known then.
	c := pg.scroll.Content
	c.Resize(c.MinSize().Max(pg.scroll.Size()))
	y := pg.body.Position().Y + m.box.Position().Y + m.row.Position().Y - theme.Padding()
	pg.scroll.ScrollToOffset(fyne.NewPos(0, max(y, 0)))
	return true
}

// Revealed is the interaction marked on the page on show, 0 when none is.
func (s *Screen) Revealed() int64 {
	if s.page == nil {
		return 0
	}
	for id, m := range s.page.marks {
		if m.mark.Visible() {
			return id
		}
	}
	return 0
}
