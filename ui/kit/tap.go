package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TapArea makes its content tappable, with the pointing-hand cursor.
type TapArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

// NewTapArea makes content tappable: a tap runs onTap.
func NewTapArea(content fyne.CanvasObject, onTap func()) *TapArea {
	t := &TapArea{content: content, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped implements fyne.Tappable.
func (t *TapArea) Tapped(*fyne.PointEvent) { t.onTap() }

// Cursor shows that the area can be clicked.
func (t *TapArea) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer implements fyne.Widget.
func (t *TapArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }
