package kit_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// listOf is a keyboard list of n rows in a test window, with the rows
// opened recorded in opened.
func listOf(t *testing.T, n int, follows bool) (*kit.List, fyne.Window, *[]int) {
	t.Helper()
	kittest.NewApp(t)
	var opened []int
	l := kit.NewList(func() int { return n }, func() fyne.CanvasObject { return widget.NewLabel("row") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(fmt.Sprint("row ", id)) })
	l.SelectFollows = follows
	l.OnSelected = func(id widget.ListItemID) { opened = append(opened, id) }
	w := test.NewWindow(l)
	w.Resize(fyne.NewSize(300, 400))
	t.Cleanup(w.Close)
	return l, w, &opened
}

func TestListMovesWithArrowsAndOpensOnEnter(t *testing.T) {
	tests := []struct {
		name    string
		follows bool
		keys    []fyne.KeyName
		want    []int // rows opened, in order
		at      int   // row highlighted at the end
	}{
		{"down down enter", false, []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn}, []int{2}, 2},
		{"up stops at the top", false, []fyne.KeyName{fyne.KeyUp, fyne.KeyUp, fyne.KeyEnter}, []int{0}, 0},
		{"end then space", false, []fyne.KeyName{fyne.KeyEnd, fyne.KeyDown, fyne.KeySpace}, []int{4}, 4},
		{"enter twice opens twice", false, []fyne.KeyName{fyne.KeyReturn, fyne.KeyReturn}, []int{0, 0}, 0},
		{"selection follows", true, []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp}, []int{1, 2, 1}, 1},
		{"page down and home", true, []fyne.KeyName{fyne.KeyPageDown, fyne.KeyHome}, []int{4, 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, w, opened := listOf(t, 5, tt.follows)
			w.Canvas().Focus(l)
			for _, k := range tt.keys {
				w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
			}
			if fmt.Sprint(*opened) != fmt.Sprint(tt.want) {
				t.Errorf("opened %v, want %v", *opened, tt.want)
			}
			if got := l.Highlighted(); got != tt.at {
				t.Errorf("highlighted row %d, want %d", got, tt.at)
			}
		})
	}
}

func TestListIsReachedWithTab(t *testing.T) {
	kittest.NewApp(t)
	search := kit.Entry("", "Search")
	l := kit.NewList(func() int { return 3 }, func() fyne.CanvasObject { return widget.NewLabel("row") },
		func(widget.ListItemID, fyne.CanvasObject) {})
	w := test.NewWindow(container.NewVBox(search, l))
	t.Cleanup(w.Close)
	w.Canvas().Focus(search)
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != l {
		t.Errorf("Tab from the search went to %T, want the list", w.Canvas().Focused())
	}
}

func TestTabLeavesANotesField(t *testing.T) {
	kittest.NewApp(t)
	notes := kit.MultiLine("", "Notes", 3)
	if notes.AcceptsTab() {
		t.Fatal("a notes field takes Tab: Tab types a tab instead of moving on")
	}
	after := kit.Entry("", "After")
	w := test.NewWindow(container.NewVBox(notes, after))
	t.Cleanup(w.Close)
	w.Canvas().Focus(notes)
	test.Type(notes, "first line")
	w.Canvas().FocusNext() // what the window does with Tab when the field does not take it
	if w.Canvas().Focused() != after {
		t.Errorf("Tab from notes went to %T, want the next field", w.Canvas().Focused())
	}
	w.Canvas().FocusPrevious()
	if w.Canvas().Focused() != notes || notes.Text != "first line" {
		t.Errorf("Shift+Tab went to %T, notes %q", w.Canvas().Focused(), notes.Text)
	}
}

func TestTapAreaIsReachedAndTappedWithTheKeyboard(t *testing.T) {
	kittest.NewApp(t)
	taps := 0
	before := widget.NewButton("before", nil)
	area := kit.NewTapArea(widget.NewLabel("3 promises due"), func() { taps++ })
	w := test.NewWindow(container.NewVBox(before, area))
	t.Cleanup(w.Close)
	w.Canvas().Focus(before)
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != area || !area.Focused() {
		t.Fatalf("Tab went to %T (ring shown %v), want the tappable card", w.Canvas().Focused(), area.Focused())
	}
	area.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	area.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if taps != 2 {
		t.Errorf("Enter and Space tapped %d times, want 2", taps)
	}
	w.Canvas().FocusNext()
	if area.Focused() {
		t.Error("the ring stays after the keyboard left")
	}
}

func TestAClickDoesNotScrollTheListAway(t *testing.T) {
	l, w, _ := listOf(t, 200, true)
	l.Select(0)
	l.ScrollToBottom()
	offset := l.GetScrollOffset()
	// A click on a row near the bottom: the list takes the keyboard, then
	// selects the row.
	w.Canvas().Focus(l)
	l.Select(195)
	if got := l.GetScrollOffset(); got != offset {
		t.Errorf("clicking a row in view moved the list from %v to %v", offset, got)
	}
	if l.Highlighted() != 195 {
		t.Errorf("highlight %d after the click, want 195", l.Highlighted())
	}
}
