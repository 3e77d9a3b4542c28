package kittest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// TapSuggestion clicks the suggestion labelled label ("Dana Reyes — VP ·
// Platform") among those a person picker under root shows, as a user
// does; it reports whether there was one to click.
func TapSuggestion(root fyne.CanvasObject, label string) bool {
	var row fyne.Tappable // the innermost tappable showing the label
	Walk(root, func(o fyne.CanvasObject) bool {
		t, ok := o.(fyne.Tappable)
		if !ok {
			return true
		}
		if Find(o, func(l *widget.Label) bool { return l.Text == label }) == nil {
			return false
		}
		row = t
		return true
	})
	if row == nil {
		return false
	}
	test.Tap(row)
	return true
}

// PickerEntry is the field of the person picker under root whose
// placeholder is placeholder, nil when none.
func PickerEntry(root fyne.CanvasObject, placeholder string) *kit.TextField {
	return Find(root, func(e *kit.TextField) bool { return e.PlaceHolder == placeholder })
}
