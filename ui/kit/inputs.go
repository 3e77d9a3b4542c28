package kit

import (
	"rapport/model"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a one-line input holding text, with placeholder shown when it
// is empty.
func Entry(text, placeholder string) *TextField {
	e := &TextField{}
	e.ExtendBaseWidget(e)
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}

// MultiLine is a wrapping input of at least rows lines holding text, with
// placeholder shown when it is empty.
func MultiLine(text, placeholder string, rows int) *TextField {
	e := &TextField{}
	e.MultiLine = true
	e.ExtendBaseWidget(e)
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// Choice is a drop-down of the labels of values with selected's label
// chosen.
func Choice[T interface{ Label() string }](values []T, selected T) *Select {
	s := NewSelect(model.Labels(values), nil)
	s.SetSelected(selected.Label())
	return s
}

// Select is a drop-down that hands Esc to OnEscape, so that a form closes
// with Esc while its drop-down has the keyboard: Fyne's own drop-down
// ignores Esc, and Fyne gives keys only to the focused widget.
type Select struct {
	widget.Select
	// OnEscape runs when Esc is pressed on the drop-down; nil: nothing.
	OnEscape func()
}

// NewSelect is a drop-down of options calling changed with the one chosen.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey runs OnEscape on Esc and hands the drop-down every other key.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && s.OnEscape != nil {
		s.OnEscape()
		return
	}
	s.Select.TypedKey(ev)
}

// FocusGained implements fyne.Focusable, and scrolls the drop-down into
// view in a form that follows the focus (see FollowFocus).
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	focusMoved()
}
