package kit

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// A dialog is a modal overlay: only the top overlay of a window receives
// clicks (Fyne's driver looks for the object under the mouse in the top
// overlay alone), so the window's toast bar, at the foot of the window's
// content, cannot be clicked while a dialog is open. A dialog built with
// a toast slot shows the window's newest toast inside itself instead.

// toastSlots are, for each canvas, the slots of the dialogs open over it
// (newest last) and how to build the bar of the toast on show (nil when
// none shows). Fyne runs UI code on one goroutine; the lock is for tests
// running windows side by side.
var toastSlots = struct {
	sync.Mutex
	open map[fyne.Canvas][]*fyne.Container
	bar  map[fyne.Canvas]func() fyne.CanvasObject
}{open: map[fyne.Canvas][]*fyne.Container{}, bar: map[fyne.Canvas]func() fyne.CanvasObject{}}

// NewToastSlot is an empty place for the window's toast, to put at the
// foot of a dialog's content; once the dialog shows, HoldToasts makes it
// show the toast.
func NewToastSlot() *fyne.Container { return container.NewVBox() }

// HoldToasts makes slot, in dialog d shown over canvas, show the window's
// newest toast for as long as d is open, when d is the newest dialog with
// a slot.
func HoldToasts(canvas fyne.Canvas, slot *fyne.Container, d Hider) {
	toastSlots.Lock()
	toastSlots.open[canvas] = append(toastSlots.open[canvas], slot)
	toastSlots.Unlock()
	fillToastSlots(canvas)
	d.SetOnClosed(func() {
		toastSlots.Lock()
		slots := toastSlots.open[canvas]
		for i, s := range slots {
			if s == slot {
				toastSlots.open[canvas] = append(slots[:i:i], slots[i+1:]...)
				break
			}
		}
		if len(toastSlots.open[canvas]) == 0 {
			delete(toastSlots.open, canvas)
		}
		toastSlots.Unlock()
		fillToastSlots(canvas)
	})
}

// ShowToastInDialogs makes the newest dialog with a toast slot over
// canvas show the bar that bar builds (a fresh one each time it is
// called), and every other slot nothing; a nil bar empties them all.
func ShowToastInDialogs(canvas fyne.Canvas, bar func() fyne.CanvasObject) {
	toastSlots.Lock()
	if bar == nil {
		delete(toastSlots.bar, canvas)
	} else {
		toastSlots.bar[canvas] = bar
	}
	toastSlots.Unlock()
	fillToastSlots(canvas)
}

// fillToastSlots puts the toast on show over canvas in its newest slot
// and empties the others.
func fillToastSlots(canvas fyne.Canvas) {
	toastSlots.Lock()
	slots := append([]*fyne.Container(nil), toastSlots.open[canvas]...)
	bar := toastSlots.bar[canvas]
	toastSlots.Unlock()
	for i, slot := range slots {
		var objects []fyne.CanvasObject
		if bar != nil && i == len(slots)-1 {
			objects = []fyne.CanvasObject{bar()}
		}
		if len(slot.Objects) == 0 && len(objects) == 0 {
			continue
		}
		slot.Objects = objects
		slot.Refresh()
	}
}
