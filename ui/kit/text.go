package kit

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Subheading is a bold italic line heading a part of a list.
func Subheading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Italic: true})
}

// Quiet is a muted line saying a list is empty and why that is fine.
func Quiet(text string) fyne.CanvasObject {
	return QuietText(text, theme.SizeNameText)
}

// QuietCentred is quiet text with its lines centred: what an empty
// place says.
func QuietCentred(text string) *widget.RichText {
	t := QuietText(text, theme.SizeNameText)
	t.Segments[0].(*widget.TextSegment).Style.Alignment = fyne.TextAlignCenter
	return t
}

// QuietText is secondary text, wrapping, in the quiet colour and the
// given size: a hint, a note, a count.
func QuietText(text string, size fyne.ThemeSizeName) *widget.RichText {
	t := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: ColorNameQuiet, SizeName: size, TextStyle: fyne.TextStyle{}}})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// CardHeading is a small bold heading: in the side card, and over the
// sections of a page.
func CardHeading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// Wrapped is a label that wraps to the card's width.
func Wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Tight is a column of lines closer together than a VBox sets them, for
// a list read as one block.
func Tight() *fyne.Container {
	return container.New(layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding()))
}

// Bullet is one wrapped line of a list.
func Bullet(text string) *widget.Label { return Wrapped("• " + text) }

// FirstName is the first word of a name, for a friendlier sentence.
func FirstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}

// ValueLabel shows what is known about a person: wrapped, and selectable
// so it can be copied.
func ValueLabel(text string) *widget.Label {
	v := widget.NewLabel(text)
	v.Wrapping = fyne.TextWrapWord
	v.Selectable = true
	return v
}

// ColorNameQuiet is the colour of secondary text: hints, notes and
// counts. Fyne's own choice for such text (the disabled colour of a
// low-importance label) is barely visible, 1.3:1 on the light background;
// this one is quieter than the text around it but still 4.5:1 or more on
// the background, as WCAG asks of small text.
const ColorNameQuiet fyne.ThemeColorName = "rapportQuiet"

// QuietColor is the colour of ColorNameQuiet in the theme variant: what
// the app's theme answers for it.
func QuietColor(variant fyne.ThemeVariant) color.Color {
	if variant == theme.VariantLight {
		return color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff} // 5.3:1 on white, 4.7:1 on the input grey
	}
	return color.NRGBA{R: 0x9c, G: 0x9c, B: 0xa0, A: 0xff} // 6.7:1 on Fyne's dark grey, 5.3:1 on its menus
}
