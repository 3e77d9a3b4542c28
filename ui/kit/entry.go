package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a one-line input holding text, with placeholder shown when it
// is empty.
func Entry(text, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}

// MultiLine is a wrapping input of at least rows lines holding text, with
// placeholder shown when it is empty.
func MultiLine(text, placeholder string, rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}
