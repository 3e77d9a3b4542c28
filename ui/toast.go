package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toast is a bar at the foot of the window that reports what just happened
// and offers to undo it. It hides itself after a while, or when closed.
type toast struct {
	bar     *fyne.Container
	message *widget.Label
	undo    *widget.Button
	close   *widget.Button
	onUndo  func()
	shown   int // counts messages, so an old timer does not hide a newer one
}

// toastDuration is how long a message stays up.
const toastDuration = 10 * time.Second

func newToast() *toast {
	t := &toast{message: widget.NewLabel("")}
	t.message.Truncation = fyne.TextTruncateEllipsis
	t.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), func() {
		undo := t.onUndo
		t.hide()
		if undo != nil {
			undo()
		}
	})
	t.close = widget.NewButtonWithIcon("", theme.CancelIcon(), t.hide)
	t.close.Importance = widget.LowImportance
	t.bar = container.NewBorder(widget.NewSeparator(), nil, nil,
		container.NewHBox(t.undo, t.close), t.message)
	t.bar.Hide()
	return t
}

// show puts message up, with an Undo button when undo is not nil.
func (t *toast) show(message string, undo func()) {
	t.shown++
	n := t.shown
	t.message.SetText(message)
	t.onUndo = undo
	if undo == nil {
		t.undo.Hide()
	} else {
		t.undo.Show()
	}
	t.bar.Show()
	time.AfterFunc(toastDuration, func() {
		fyne.Do(func() {
			if t.shown == n {
				t.hide()
			}
		})
	})
}

func (t *toast) hide() {
	t.onUndo = nil
	t.bar.Hide()
}
