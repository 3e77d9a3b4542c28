package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// dialogWithSlot shows a dialog titled title over win holding a toast slot.
func dialogWithSlot(win fyne.Window, title string) dialog.Dialog {
	slot := kit.NewToastSlot()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(title), slot), win)
	d.Show()
	kit.HoldToasts(win.Canvas(), slot, d)
	return d
}

func TestTheToastShowsInTheNewestDialogWithASlot(t *testing.T) {
	kittest.NewApp(t)
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	win.Resize(fyne.NewSize(1024, 640))
	first := dialogWithSlot(win, "First")
	firstTop := kittest.TopDialog(win)
	kit.ShowToastInDialogs(win.Canvas(), func() fyne.CanvasObject { return widget.NewLabel("Saved.") })
	if !kittest.Shows(firstTop, "Saved.") {
		t.Errorf("the only dialog does not show the toast")
	}
	second := dialogWithSlot(win, "Second")
	if !kittest.Shows(kittest.TopDialog(win), "Saved.") || kittest.Shows(firstTop, "Saved.") {
		t.Errorf("with a second dialog open, the toast shows in the second %v, in the first %v; want only the second",
			kittest.Shows(kittest.TopDialog(win), "Saved."), kittest.Shows(firstTop, "Saved."))
	}
	second.Hide()
	if !kittest.Shows(firstTop, "Saved.") {
		t.Errorf("after the second dialog closed, the first does not show the toast")
	}
	kit.ShowToastInDialogs(win.Canvas(), nil)
	if kittest.Shows(firstTop, "Saved.") {
		t.Errorf("the toast still shows in the dialog after it hid")
	}
	first.Hide()
}
