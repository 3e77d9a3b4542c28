package kittest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// ButtonBeside is the button whose text is text in the row that shows
// part: the smallest container under root holding both. Nil when no row
// has both. It tells apart the buttons a list repeats on every row
// ("Thank" beside each name).
func ButtonBeside(root fyne.CanvasObject, part, text string) *widget.Button {
	var row fyne.CanvasObject
	size := 0
	Walk(root, func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok {
			return true
		}
		if !Shows(c, part) || Button(c, text) == nil {
			return false
		}
		if n := len(Texts(c)); row == nil || n <= size {
			row, size = c, n
		}
		return true
	})
	if row == nil {
		return nil
	}
	return Button(row, text)
}
