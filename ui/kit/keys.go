package kit

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	case *SelectEntry:
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

// CloseOnEscape makes Esc close d while d shows on top: in every TextField,
// drop-down entry and Button under root, and on canvas while no input has
// the keyboard. When something under root was changed since, Esc first asks
// whether to discard it (see AskDiscard). Call it once d shows. Esc while
// another dialog is on top of d goes to that one; canvas gets its previous
// key handler back when d closes.
func CloseOnEscape(canvas fyne.Canvas, root fyne.CanvasObject, d Hider) {
	before := inputState(root)
	top := canvas.Overlays().Top()
	escape := func() {
		if root != nil && inputState(root) != before {
			AskDiscard(canvas, d.Hide)
			return
		}
		d.Hide()
	}
	walkFields(root, func(f *TextField) {
		if f.OnEscape == nil {
			f.OnEscape = escape
		}
	})
	walkObjects(root, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *SelectEntry:
			if x.OnEscape == nil {
				x.OnEscape = escape
			}
		case *Select:
			if x.OnEscape == nil {
				x.OnEscape = escape
			}
		case *Button:
			if x.OnEscape == nil {
				x.OnEscape = escape
			}
		}
	})
	previous := canvas.OnTypedKey()
	canvas.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && (top == nil || canvas.Overlays().Top() == top) {
			escape()
			return
		}
		if previous != nil {
			previous(ev)
		}
	})
	d.SetOnClosed(func() { canvas.SetOnTypedKey(previous) })
}

// AskDiscard asks, over canvas, whether to throw away what was typed in a
// dialog that Esc is closing: "Keep editing" (also Esc and Enter) leaves
// it as it is, "Discard" runs discard.
func AskDiscard(canvas fyne.Canvas, discard func()) {
	win := windowOf(canvas)
	if win == nil {
		discard()
		return
	}
	msg := widget.NewLabel("What you typed in this form is not saved yet.")
	previous := canvas.OnTypedKey()
	ask := dialog.NewCustomConfirm("Discard what you typed?", "Discard", "Keep editing", msg, func(ok bool) {
		canvas.SetOnTypedKey(previous) // before discard gives back its own
		if ok {
			discard()
		}
	}, win)
	ask.Show()
	canvas.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
			ask.Hide()
		default:
			if previous != nil {
				previous(ev)
			}
		}
	})
}

// windowOf is the app's window whose canvas is c, nil when none is.
func windowOf(c fyne.Canvas) fyne.Window {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	for _, w := range app.Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

// inputState is what the user has typed and chosen under root, as one
// string to compare: the text of every entry, the choice of every
// drop-down and radio group and the state of every check box.
func inputState(root fyne.CanvasObject) string {
	var b strings.Builder
	walkObjects(root, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			b.WriteString(x.Text)
		case *TextField:
			b.WriteString(x.Text)
		case *SelectEntry:
			b.WriteString(x.Text)
		case *widget.SelectEntry:
			b.WriteString(x.Text)
		case *widget.Select:
			b.WriteString(x.Selected)
		case *widget.RadioGroup:
			b.WriteString(x.Selected)
		case *widget.Check:
			b.WriteString(strconv.FormatBool(x.Checked))
		default:
			return
		}
		b.WriteByte(0)
	})
	return b.String()
}

// walkObjects calls visit with root and every object in its containers
// and scrolls, hidden ones too.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, visit)
		}
	case *container.Scroll:
		walkObjects(x.Content, visit)
	}
}

// TextField is a text input (Entry, MultiLine) that also answers the keys
// of a form while it has the cursor: Esc runs OnEscape, and Ctrl+Enter (Cmd
// on macOS) runs OnSubmitted, from a multi-line field too.
type TextField struct {
	widget.Entry
	// OnEscape runs when Esc is pressed in the field; nil: nothing.
	OnEscape func()
	// OnDown runs when Down is pressed in a one-line field (a search
	// moving into its list); nil: nothing.
	OnDown func()

	picker *PersonPicker // the picker the field types into, if any
}

// AcceptsTab is false: Tab and Shift+Tab move to the next and previous
// input, from a multi-line field too, rather than typing a tab.
func (f *TextField) AcceptsTab() bool { return false }

// TypedKey gives the key to the field's picker first, if it has one and
// its suggestions show; then runs OnEscape on Esc, OnDown on Down in a
// one-line field, and types every other key.
func (f *TextField) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case f.picker != nil && f.picker.typedKey(ev):
	case ev.Name == fyne.KeyEscape && f.OnEscape != nil:
		f.OnEscape()
	case ev.Name == fyne.KeyDown && !f.MultiLine && f.OnDown != nil:
		f.OnDown()
	default:
		f.Entry.TypedKey(ev)
	}
}

// FocusGained implements fyne.Focusable, and scrolls the field into view
// in a form that follows the focus (see FollowFocus).
func (f *TextField) FocusGained() {
	f.Entry.FocusGained()
	focusMoved()
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

// SelectEntry is a drop-down entry (text typed or picked from a list)
// that also closes its form on Esc.
type SelectEntry struct {
	widget.SelectEntry
	// OnEscape runs when Esc is pressed in the entry; nil: nothing.
	OnEscape func()
}

// NewSelectEntry is a drop-down entry offering options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

// TypedKey runs OnEscape on Esc and types every other key.
func (e *SelectEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.SelectEntry.TypedKey(ev)
}

// FocusGained implements fyne.Focusable, and scrolls the entry into view
// in a form that follows the focus (see FollowFocus).
func (e *SelectEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	focusMoved()
}

// Button is a button that Enter presses too, as Space does, while it has
// the keyboard, and that closes its form on Esc.
type Button struct {
	widget.Button
	// OnEscape runs when Esc is pressed on the button; nil: nothing.
	OnEscape func()
}

// NewButton is a button labelled label with icon (nil: none) that runs
// tapped.
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter, runs OnEscape on Esc, and hands
// the button every other key (Space presses it).
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && !b.Disabled():
		b.Tapped(nil)
	case ev.Name == fyne.KeyEscape && b.OnEscape != nil:
		b.OnEscape()
	default:
		b.Button.TypedKey(ev)
	}
}
