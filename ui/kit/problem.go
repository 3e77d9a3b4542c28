package kit

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// PageProblem is what shows in place of a page or list that could not be
// read: what failed ("Could not open this person") and why, so no failed
// read goes unseen. A validation error is said in its own words, without
// the wrapping that led to it.
func PageProblem(what string, err error) fyne.CanvasObject {
	msg := err.Error()
	var v *model.ValidationError
	if errors.As(err, &v) {
		msg = v.Error()
	}
	l := widget.NewLabel(fmt.Sprintf("%s: %s", what, msg))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return container.NewCenter(container.New(&MaxWidth{Width: 360}, l))
}

// ScreenProblem is what a whole screen shows when its one read failed:
// what failed ("Could not read the meetings") and why, under an error
// icon, with the reassurance that the rest of the app may still work.
func ScreenProblem(what string, err error) fyne.CanvasObject {
	icon := NewThemedIcon(theme.IconNameError)
	msg := QuietCentred(what + ": " + err.Error() +
		"\nThe other screens may still work; restarting Rapport may help.")
	return container.NewCenter(container.New(&MaxWidth{Width: 480}, container.NewVBox(icon, msg)))
}
