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
func Choice[T interface{ Label() string }](values []T, selected T) *widget.Select {
	s := widget.NewSelect(model.Labels(values), nil)
	s.SetSelected(selected.Label())
	return s
}
