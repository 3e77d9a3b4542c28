package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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
	case *TextField:
		visit(&x.Entry)
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

// walkFields calls visit with every TextField under root.
func walkFields(o fyne.CanvasObject, visit func(*TextField)) {
	switch x := o.(type) {
	case *TextField:
		visit(x)
	case *fyne.Container:
		for _, c := range x.Objects {
			walkFields(c, visit)
		}
	case *container.Scroll:
		walkFields(x.Content, visit)
	}
}

// Hider is a dialog, or anything else shown over a window that can be hidden.
type Hider interface {
	Hide()
	SetOnClosed(func())
}

// CloseOnEscape makes Esc hide d while d shows: in every TextField under
// root, and on canvas while no input has the keyboard. It gives canvas
// back its previous key handler when d closes.
func CloseOnEscape(canvas fyne.Canvas, root fyne.CanvasObject, d Hider) {
	walkFields(root, func(f *TextField) {
		if f.OnEscape == nil {
			f.OnEscape = d.Hide
		}
	})
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

// TextField is a text input (Entry, MultiLine) that also answers the keys
// of a form while it has the cursor: Esc runs OnEscape, and Ctrl+Enter (Cmd
// on macOS) runs OnSubmitted, from a multi-line field too.
type TextField struct {
	widget.Entry
	// OnEscape runs when Esc is pressed in the field; nil: nothing.
	OnEscape func()

	picker *PersonPicker // the picker the field types into, if any
}

// TypedKey runs OnEscape on Esc and types every other key.
func (f *TextField) TypedKey(ev *fyne.KeyEvent) {
	if f.picker != nil && f.picker.typedKey(ev) {
		return
	}
	if ev.Name == fyne.KeyEscape && f.OnEscape != nil {
		f.OnEscape()
		return
	}
	f.Entry.TypedKey(ev)
}

// FocusLost implements fyne.Focusable.
func (f *TextField) FocusLost() {
	f.Entry.FocusLost()
	if f.picker != nil {
		f.picker.Close()
	}
}

// TypedShortcut runs OnSubmitted on Ctrl+Enter and hands the entry every
// other shortcut.
func (f *TextField) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && f.OnSubmitted != nil &&
		(c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) && c.Modifier == fyne.KeyModifierShortcutDefault {
		f.OnSubmitted(f.Text)
		return
	}
	f.Entry.TypedShortcut(s)
}
