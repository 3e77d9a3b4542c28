package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ThemedRect is a rounded rectangle whose fill and stroke are colours of
// the theme, read afresh on every Refresh: it follows a switch between
// light and dark at once, as Fyne's own widgets do, where a
// canvas.Rectangle filled once keeps the old theme's colour.
type ThemedRect struct {
	widget.BaseWidget
	// Fill and Stroke name the theme's colours; an empty Stroke draws no
	// outline.
	Fill, Stroke fyne.ThemeColorName
	// StrokeWidth is the outline's width.
	StrokeWidth float32
	// Radius is the corner radius; the theme's input radius when 0.
	Radius float32
}

// NewThemedRect is a rectangle filled with the theme's colour fill.
func NewThemedRect(fill fyne.ThemeColorName) *ThemedRect {
	r := &ThemedRect{Fill: fill}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *ThemedRect) CreateRenderer() fyne.WidgetRenderer {
	rect := canvas.NewRectangle(color.Transparent)
	rr := &themedRectRenderer{r: r, rect: rect}
	rr.Refresh()
	return rr
}

type themedRectRenderer struct {
	r    *ThemedRect
	rect *canvas.Rectangle
}

func (rr *themedRectRenderer) Layout(size fyne.Size) { rr.rect.Resize(size) }

func (rr *themedRectRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (rr *themedRectRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.rect} }

func (rr *themedRectRenderer) Destroy() {}

// Refresh reads the colours from the theme in use now.
func (rr *themedRectRenderer) Refresh() {
	th := rr.r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	rr.rect.FillColor = th.Color(rr.r.Fill, v)
	rr.rect.StrokeColor, rr.rect.StrokeWidth = color.Transparent, 0
	if rr.r.Stroke != "" {
		rr.rect.StrokeColor, rr.rect.StrokeWidth = th.Color(rr.r.Stroke, v), rr.r.StrokeWidth
	}
	rr.rect.CornerRadius = rr.r.Radius
	if rr.rect.CornerRadius == 0 {
		rr.rect.CornerRadius = th.Size(theme.SizeNameInputRadius)
	}
	rr.rect.Refresh()
}

// ThemedText is a line of text in a colour of the theme, read afresh on
// every Refresh (see ThemedRect).
type ThemedText struct {
	widget.BaseWidget
	Text      string
	Color     fyne.ThemeColorName
	TextStyle fyne.TextStyle
	// SizeName names the theme's text size; the text size when empty.
	SizeName fyne.ThemeSizeName
	// Grow is added to the theme's size (a badge's text is a little
	// larger than a caption).
	Grow float32
}

// NewThemedText is text in the theme's colour c.
func NewThemedText(text string, c fyne.ThemeColorName) *ThemedText {
	t := &ThemedText{Text: text, Color: c}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *ThemedText) CreateRenderer() fyne.WidgetRenderer {
	r := &themedTextRenderer{t: t, text: canvas.NewText(t.Text, color.Transparent)}
	r.Refresh()
	return r
}

type themedTextRenderer struct {
	t    *ThemedText
	text *canvas.Text
}

func (r *themedTextRenderer) Layout(size fyne.Size) { r.text.Resize(size) }

func (r *themedTextRenderer) MinSize() fyne.Size { return r.text.MinSize() }

func (r *themedTextRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.text} }

func (r *themedTextRenderer) Destroy() {}

// Refresh reads the colour and size from the theme in use now.
func (r *themedTextRenderer) Refresh() {
	th := r.t.Theme()
	size := r.t.SizeName
	if size == "" {
		size = theme.SizeNameText
	}
	r.text.Text, r.text.TextStyle = r.t.Text, r.t.TextStyle
	r.text.Color = th.Color(r.t.Color, fyne.CurrentApp().Settings().ThemeVariant())
	r.text.TextSize = th.Size(size) + r.t.Grow
	r.text.Refresh()
}

// ThemedIcon is a theme's icon, looked up by name afresh on every Refresh:
// after a switch between light and dark it is drawn in the new colours at
// once, where a widget.Icon made from theme.CalendarIcon() keeps the
// resource, and so the picture, it was made with.
type ThemedIcon struct {
	widget.Icon
	name fyne.ThemeIconName
	// tint names the theme's colour the icon is drawn in; the icon's own
	// colours when empty.
	tint fyne.ThemeColorName
	// base and tinted are the last icon looked up and its tinted copy,
	// kept so that a Refresh with no switch keeps the resource (and so
	// does not draw the picture again).
	base, tinted fyne.Resource
	tintColor    color.Color
}

// NewThemedIcon is the theme's icon called name.
func NewThemedIcon(name fyne.ThemeIconName) *ThemedIcon {
	i := &ThemedIcon{name: name}
	i.Resource = i.lookUp()
	i.ExtendBaseWidget(i)
	return i
}

// NewThemedColoredIcon is the theme's icon called name drawn in the
// theme's colour tint, as theme.NewColoredResource draws it, recoloured
// at once after a switch between light and dark.
func NewThemedColoredIcon(name fyne.ThemeIconName, tint fyne.ThemeColorName) *ThemedIcon {
	i := &ThemedIcon{name: name, tint: tint}
	i.Resource = i.lookUp()
	i.ExtendBaseWidget(i)
	return i
}

// SetName shows the theme's icon called name instead.
func (i *ThemedIcon) SetName(name fyne.ThemeIconName) {
	i.name = name
	i.Refresh()
}

// Refresh looks the icon up in the theme in use now and redraws it.
func (i *ThemedIcon) Refresh() {
	i.Resource = i.lookUp()
	i.Icon.Refresh()
}

func (i *ThemedIcon) lookUp() fyne.Resource {
	th, v := theme.DefaultTheme(), theme.VariantDark
	if a := fyne.CurrentApp(); a != nil {
		th, v = a.Settings().Theme(), a.Settings().ThemeVariant()
	}
	res := th.Icon(i.name)
	if i.tint == "" {
		return res
	}
	c := th.Color(i.tint, v)
	if res != i.base || i.tinted == nil || c != i.tintColor {
		i.base, i.tintColor = res, c
		i.tinted = theme.NewColoredResource(res, i.tint)
	}
	return i.tinted
}
