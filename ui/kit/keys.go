package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// SubmitOnEnter makes Enter in every single-line text input under root run
// submit, and Shift+Enter in every multi-line one (Fyne's own rule for
// multi-line entries), unless the input already does something on Enter.
func SubmitOnEnter(root fyne.CanvasObject, submit func()) {
	onEnter := func(string) { submit() }
	walkInputs(root, func(e *widget.Entry) {
		if e.OnSubmitted == nil {
			e.OnSubmitted = onEnter
		}
	})
}

// walkInputs calls visit with every text entry under root, the entry of a
// drop-down entry (a person picker) included, hidden ones too.
func walkInputs(o fyne.CanvasObject, visit func(*widget.Entry)) {
	switch x := o.(type) {
	case *widget.Entry:
		visit(x)
	case *widget.SelectEntry:
		visit(&x.Entry)
	case *fyne.Container:
		for _, c := range x.Objects {
			walkInputs(c, visit)
		}
	case *container.Scroll:
		walkInputs(x.Content, visit)
	}
}

// Hider is a dialog, or anything else shown over a window that can be hidden.
type Hider interface {
	Hide()
	SetOnClosed(func())
}

// CloseOnEscape makes Esc on canvas hide d while d shows and no input has
// the keyboard, and gives canvas back its previous key handler when d
// closes.
func CloseOnEscape(canvas fyne.Canvas, d Hider) {
	previous := canvas.OnTypedKey()
	canvas.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			d.Hide()
			return
		}
		if previous != nil {
			previous(ev)
		}
	})
	d.SetOnClosed(func() { canvas.SetOnTypedKey(previous) })
}
