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
	text := canvas.NewText(s.Label(), theme.Color(theme.ColorNameForegroundOnPrimary))
	text.TextStyle.Bold = true
	text.TextSize = theme.CaptionTextSize() + 1
	return container.NewCenter(container.NewStack(bg, container.NewPadded(text)))
}
