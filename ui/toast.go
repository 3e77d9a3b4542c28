package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// toast is a bar at the foot of the window that reports what just happened
// and offers to undo it. It hides itself after a while, or when closed.
// While a dialog is open, its overlay covers the bar: the dialog's toast
// slot (see kit.HoldToasts) shows the same message and Undo inside the
// dialog, and Ctrl+Z (Edit → Undo) runs the Undo from anywhere.
type toast struct {
	canvas  fyne.Canvas
	bar     *fyne.Container
	message *widget.Label
	undo    *widget.Button
	close   *widget.Button
	onUndo  func()
	shown   int // counts messages, so an old timer does not hide a newer one
}

// toastDuration is how long a message stays up.
const toastDuration = 10 * time.Second

// newToast is the toast of the window whose canvas is canvas, hidden.
func newToast(canvas fyne.Canvas) *toast {
	t := &toast{canvas: canvas}
	t.bar, t.message, t.undo, t.close = t.newBar()
	t.bar.Hide()
	return t
}

// newBar builds a bar of the toast: its message, Undo and close buttons.
func (t *toast) newBar() (*fyne.Container, *widget.Label, *widget.Button, *widget.Button) {
	message := widget.NewLabel("")
	message.Truncation = fyne.TextTruncateEllipsis
	undo := widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), func() { t.runUndo() })
	closeButton := widget.NewButtonWithIcon("", theme.CancelIcon(), t.hide)
	closeButton.Importance = widget.LowImportance
	bar := container.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(undo, closeButton), message)
	return bar, message, undo, closeButton
}

// dialogBar is a copy of the bar on show, for a dialog's toast slot.
func (t *toast) dialogBar() fyne.CanvasObject {
	bar, message, undo, _ := t.newBar()
	message.SetText(t.message.Text)
	if t.onUndo == nil {
		undo.Hide()
	}
	return bar
}

// show puts message up, with an Undo button when undo is not nil.
func (t *toast) show(message string, undo func()) {
	t.shown++
	n := t.shown
	t.message.SetText(kit.LeftToRight(message))
	t.onUndo = undo
	if undo == nil {
		t.undo.Hide()
	} else {
		t.undo.Show()
	}
	t.bar.Show()
	kit.ShowToastInDialogs(t.canvas, t.dialogBar)
	time.AfterFunc(toastDuration, func() {
		fyne.Do(func() {
			if t.shown == n {
				t.hide()
			}
		})
	})
}

// runUndo hides the toast and runs its Undo; it reports whether there
// was one to run.
func (t *toast) runUndo() bool {
	undo := t.onUndo
	t.hide()
	if undo == nil {
		return false
	}
	undo()
	return true
}

func (t *toast) hide() {
	t.onUndo = nil
	t.bar.Hide()
	kit.ShowToastInDialogs(t.canvas, nil)
}
