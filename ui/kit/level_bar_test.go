package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestManagerTickIsVisible: the tick of the manager's view spans its
// cell's width (it was 8 px wide) under the right cell, in the text colour.
func TestManagerTickIsVisible(t *testing.T) {
	kittest.NewApp(t)
	bar := kit.NewLevelBar(2, 4, 3)
	w := test.NewWindow(bar)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(200, 60))
	objs := test.WidgetRenderer(bar).Objects()
	cell := objs[2].(*canvas.Rectangle) // level 3
	tick := objs[len(objs)-1].(*canvas.Rectangle)
	if !tick.Visible() || tick.Size().Width < cell.Size().Width || tick.Size().Height < 4 {
		t.Errorf("tick %v visible %v, want at least as wide as a cell (%v) and 4 px tall", tick.Size(), tick.Visible(), cell.Size())
	}
	if tick.Position().X != cell.Position().X || tick.Position().Y <= cell.Position().Y+cell.Size().Height-1 {
		t.Errorf("tick at %v, want under the cell of level 3 at %v", tick.Position(), cell.Position())
	}
	if tick.FillColor != theme.Color(theme.ColorNameForeground) {
		t.Errorf("tick colour %v, want the text colour", tick.FillColor)
	}
}
