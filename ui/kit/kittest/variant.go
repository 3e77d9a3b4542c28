package kittest

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// SwitchTheme draws a (an app from NewApp) in the variant v, as Settings'
// light/dark choice does: the app's theme is replaced and every window is
// told to refresh. In this theme every colour differs between light and
// dark (dark colours are nudged where Fyne's are the same in both, as its
// primary and error colours are), so a test can tell a colour read before
// a switch from one read after it.
func SwitchTheme(a fyne.App, v fyne.ThemeVariant) {
	a.Settings().SetTheme(withKit{variantTheme{Theme: theme.DefaultTheme(), variant: v}})
}

// variantTheme is a theme held to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color implements fyne.Theme: the held variant's colour, nudged in dark.
func (t variantTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	c := t.Theme.Color(name, t.variant)
	if t.variant != theme.VariantDark {
		return c
	}
	r, g, b, al := c.RGBA()
	return color.NRGBA{R: uint8(r>>8) ^ 0x11, G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(al >> 8)}
}
