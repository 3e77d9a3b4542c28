package kit

import (
	"rapport/model"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// StanceBadge is a stance in words on a rounded chip of its colour.
func StanceBadge(s model.Stance) fyne.CanvasObject {
	bg := canvas.NewRectangle(StanceColor(s))
	bg.CornerRadius = 10
	text := NewThemedText(s.Label(), theme.ColorNameForegroundOnPrimary) // follows a theme switch
	text.TextStyle.Bold = true
	text.SizeName, text.Grow = theme.SizeNameCaptionText, 1
	return container.NewCenter(container.NewStack(bg, container.NewPadded(text)))
}
