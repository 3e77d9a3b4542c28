package kit_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestAMultiLineFieldIsBroughtIntoViewAsABox: Tab onto notes below the
// fold whose cursor is on their last line shows the box from its top, as
// far as it fits, not the line of the cursor.
func TestAMultiLineFieldIsBroughtIntoViewAsABox(t *testing.T) {
	kittest.NewApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 500))
	first := kit.Entry("", "First")
	gap := canvas.NewRectangle(nil)
	gap.SetMinSize(fyne.NewSize(10, 600))
	notes := kit.MultiLine(strings.Repeat("a line of notes\n", 60), "Notes", 30)
	notes.CursorRow = 59
	s := container.NewVScroll(container.NewVBox(first, gap, notes))
	d := dialog.NewCustomWithoutButtons("Notes", s, w)
	defer d.Hide()
	d.Resize(fyne.NewSize(400, 300))
	d.Show()
	w.Canvas().Focus(first)
	kit.FollowFocus(w.Canvas(), s, d)

	w.Canvas().FocusNext()
	if w.Canvas().Focused() != notes {
		t.Fatalf("Tab went to %T, want the notes", w.Canvas().Focused())
	}
	top := notes.Position().Y
	if notes.Size().Height <= s.Size().Height {
		t.Fatalf("the notes (%v) fit the scroll (%v): nothing to show", notes.Size(), s.Size())
	}
	if got := s.Offset.Y; got > top || got < top-20 {
		t.Errorf("Tab to notes %v high at row %v scrolled to %v, want just above their top", notes.Size().Height, top, got)
	}
}
