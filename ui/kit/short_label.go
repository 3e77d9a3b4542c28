package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TipLayer is a layer over part of a window where a shortened text shows
// whole, in a box just below it (above it near the bottom), while the
// pointer is on it: see ShortLabel. Put Object over the content, as in
// container.NewStack(content, tips.Object()); the layer takes no events,
// so what is under it works as before. The colours are read from the
// theme each time the box shows, so they follow a theme switch.
type TipLayer struct {
	box  *canvas.Rectangle
	text *widget.Label
	root *fyne.Container
}

// NewTipLayer is an empty layer, its box hidden.
func NewTipLayer() *TipLayer {
	l := &TipLayer{box: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), text: widget.NewLabel("")}
	l.text.Wrapping = fyne.TextWrapWord
	l.root = container.NewWithoutLayout(l.box, l.text)
	l.box.Hide()
	l.text.Hide()
	return l
}

// Object is what to stack over the content.
func (l *TipLayer) Object() fyne.CanvasObject { return l.root }

// Text is the text on show, "" when the box is hidden.
func (l *TipLayer) Text() string {
	if !l.text.Visible() {
		return ""
	}
	return l.text.Text
}

// Bounds is where the box shows in the layer: its top left corner and its
// size.
func (l *TipLayer) Bounds() (fyne.Position, fyne.Size) { return l.box.Position(), l.box.Size() }

// Show shows text whole just below over (above it when there is no room
// below), as wide as it needs up to the layer's width, inside the layer.
func (l *TipLayer) Show(over fyne.CanvasObject, text string) {
	app := fyne.CurrentApp()
	d := app.Driver()
	at := d.AbsolutePositionForObject(over).Subtract(d.AbsolutePositionForObject(l.root))
	th := app.Settings().Theme()
	v := app.Settings().ThemeVariant()
	area := l.root.Size()
	l.text.SetText(text)
	full := fyne.MeasureText(text, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width + 2*th.Size(theme.SizeNameInnerPadding)
	width := max(min(full+1, area.Width-4), 40)
	l.text.Resize(fyne.NewSize(width, 0))
	box := fyne.NewSize(width, l.text.MinSize().Height)
	pos := fyne.NewPos(at.X, at.Y+over.Size().Height+2)
	if pos.Y+box.Height > area.Height {
		pos.Y = at.Y - box.Height - 2
	}
	pos.X = max(min(pos.X, area.Width-box.Width-2), 0)
	l.box.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	l.box.StrokeColor, l.box.StrokeWidth = th.Color(theme.ColorNameSeparator, v), 1
	l.box.CornerRadius = th.Size(theme.SizeNameInputRadius)
	l.box.Move(pos)
	l.box.Resize(box)
	l.text.Move(pos)
	l.text.Resize(box)
	l.box.Show()
	l.text.Show()
	l.root.Refresh() // the window repaints the layer only when told so
}

// Hide hides the box.
func (l *TipLayer) Hide() {
	l.box.Hide()
	l.text.Hide()
	l.root.Refresh()
}

// ShortLabel is a one-line label that takes the width it is given and
// cuts its text with an ellipsis only when that is too short, showing the
// whole text in Tips while the pointer is on it.
type ShortLabel struct {
	widget.Label
	// Tips is the layer that shows the whole text; nil shows none.
	Tips *TipLayer
}

var _ desktop.Hoverable = (*ShortLabel)(nil)

// NewShortLabel is a ShortLabel of text, bold if asked, showing its
// whole text in tips.
func NewShortLabel(text string, bold bool, tips *TipLayer) *ShortLabel {
	l := &ShortLabel{Tips: tips}
	l.Text = text
	l.TextStyle.Bold = bold
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// FullWidth is the width the label needs to show its whole text: the
// width of the same label not cut, and room for an ellipsis, as Fyne's
// truncation keeps that room even for a text that would fit.
func (l *ShortLabel) FullWidth() float32 {
	whole := widget.NewLabelWithStyle(l.Text, l.Alignment, l.TextStyle)
	whole.SizeName = l.SizeName
	size := l.SizeName
	if size == "" {
		size = theme.SizeNameText
	}
	return whole.MinSize().Width + fyne.MeasureText("…", l.Theme().Size(size), l.TextStyle).Width
}

// Cut reports whether the label is too narrow for its whole text.
func (l *ShortLabel) Cut() bool { return l.FullWidth() > l.Size().Width+0.5 }

// MouseIn shows the whole text when it is cut.
func (l *ShortLabel) MouseIn(*desktop.MouseEvent) {
	if l.Tips != nil && l.Cut() {
		l.Tips.Show(l, l.Text)
	}
}

// MouseMoved does nothing: the box stays while the pointer is on the label.
func (l *ShortLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the whole text.
func (l *ShortLabel) MouseOut() {
	if l.Tips != nil {
		l.Tips.Hide()
	}
}
