package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func TestFitWindowKeepsADialogInsideASmallWindow(t *testing.T) {
	kittest.NewApp(t)
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	win.Resize(fyne.NewSize(1024, 640))
	room := win.Canvas().Size()
	got := kit.FitWindow(win, fyne.NewSize(640, 900))
	if got.Height >= room.Height || got.Width != 640 {
		t.Errorf("a 640×900 dialog in a %v window is sized %v, want it shorter than the window", room, got)
	}
	if got := kit.FitWindow(win, fyne.NewSize(300, 200)); got != fyne.NewSize(300, 200) {
		t.Errorf("a small dialog was resized to %v", got)
	}
}
