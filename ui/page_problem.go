package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// pageProblem is what shows in place of a page that could not be read:
// what failed and why, so no failed read goes unseen.
func pageProblem(what string, err error) fyne.CanvasObject {
	msg := err.Error()
	var v *model.ValidationError
	if errors.As(err, &v) {
		msg = v.Error()
	}
	l := widget.NewLabel(fmt.Sprintf("%s: %s", what, msg))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return container.NewCenter(container.New(&kit.MaxWidth{Width: 360}, l))
}
