package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// FitWindow is size made small enough for a dialog to fit inside win with
// a margin, so that a dialog stays whole (scrolling inside) in a small
// window.
func FitWindow(win fyne.Window, size fyne.Size) fyne.Size {
	room := win.Canvas().Size()
	margin := 4 * theme.Padding()
	if room.Width > 0 && size.Width > room.Width-margin {
		size.Width = room.Width - margin
	}
	if room.Height > 0 && size.Height > room.Height-margin {
		size.Height = room.Height - margin
	}
	return size
}
