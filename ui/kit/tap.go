package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TapArea makes its content tappable, with the pointing-hand cursor. Tab
// reaches it too: it is then ringed in the focus colour, and Enter or
// Space taps it.
type TapArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
	ring    *canvas.Rectangle
	focused bool
}

// NewTapArea makes content tappable: a tap runs onTap.
func NewTapArea(content fyne.CanvasObject, onTap func()) *TapArea {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	ring.CornerRadius = theme.InputRadiusSize()
	t := &TapArea{content: content, onTap: onTap, ring: ring}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped implements fyne.Tappable.
func (t *TapArea) Tapped(*fyne.PointEvent) { t.onTap() }

// Cursor shows that the area can be clicked.
func (t *TapArea) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained rings the area: the keyboard is on it.
func (t *TapArea) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost takes the ring away.
func (t *TapArea) FocusLost() { t.focused = false; t.Refresh() }

// Refresh draws the ring in the theme's colour of now (after a switch
// between light and dark too) while the keyboard is on the area.
func (t *TapArea) Refresh() {
	t.setRing(color.Transparent)
	if t.focused {
		t.setRing(theme.Color(theme.ColorNamePrimary))
	}
	t.BaseWidget.Refresh()
}

// TypedKey taps the area on Enter or Space.
func (t *TapArea) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		t.onTap()
	}
}

// TypedRune ignores text typed while the area has the keyboard.
func (t *TapArea) TypedRune(rune) {}

// Focused reports whether the ring shows: the keyboard is on the area.
func (t *TapArea) Focused() bool { return t.focused }

func (t *TapArea) setRing(c color.Color) {
	t.ring.StrokeColor = c
	t.ring.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (t *TapArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.content, t.ring))
}
