package kit_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// nameRows are requirement names beside a fixed-width part, in a
// NameColumn over a TipLayer, in a window of the given width.
func nameRows(t *testing.T, width float32, names ...string) ([]*kit.ShortLabel, *kit.TipLayer) {
	t.Helper()
	tips := kit.NewTipLayer()
	grid := container.New(&kit.NameColumn{Min: 160})
	var labels []*kit.ShortLabel
	for _, n := range names {
		l := kit.NewShortLabel(n, false, tips)
		labels = append(labels, l)
		grid.Add(l)
		grid.Add(widget.NewLabel("gap 2 × importance 5 = 10"))
	}
	w := test.NewWindow(container.NewStack(container.NewVBox(grid), tips.Object()))
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(width, 400))
	return labels, tips
}

// TestNameColumnUsesTheRoom checks a long name shows whole when the
// window has room for it, is cut only in a narrow one, and then shows
// whole on hover (and not when it is not cut).
func TestNameColumnUsesTheRoom(t *testing.T) {
	kittest.NewApp(t)
	long := "People management: 1:1s, feedback, performance conversations"
	wide, _ := nameRows(t, 1200, long, "Led hiring")
	for _, l := range wide {
		if got := kittest.Drawn(l); l.Cut() || got != l.Text {
			t.Errorf("at 1200 wide %q is drawn %q (%v wide of %v)", l.Text, got, l.Size().Width, l.FullWidth())
		}
	}
	narrow, tips := nameRows(t, 420, long, "Led hiring")
	if got := kittest.Drawn(narrow[0]); !narrow[0].Cut() || !strings.HasSuffix(got, "…") {
		t.Fatalf("at 420 wide %q is drawn %q (%v wide)", long, got, narrow[0].Size().Width)
	}
	if narrow[1].Cut() {
		t.Errorf("at 420 wide the short name is cut too")
	}
	if narrow[0].Size().Width < 160 {
		t.Errorf("the names' column is %v wide, want at least its minimum 160", narrow[0].Size().Width)
	}
	narrow[1].MouseIn(nil)
	if got := tips.Text(); got != "" {
		t.Errorf("hovering a name shown whole shows %q", got)
	}
	narrow[0].MouseIn(nil)
	if got := tips.Text(); got != long {
		t.Errorf("hovering the cut name shows %q, want it whole", got)
	}
	narrow[0].MouseOut()
	if got := tips.Text(); got != "" {
		t.Errorf("after the pointer left, the tip still shows %q", got)
	}
}
