package ui

import (
	"image/color"
	"rapport/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// An appearance is the user's choice between light and dark: following
// the system (the desktop's dark-mode setting, or $FYNE_THEME), or one of
// the two always. It belongs to this computer, not to the data, so it is
// kept in the app's preferences rather than the database.
type appearance string

// The appearances offered in Settings.
const (
	appearanceSystem appearance = ""
	appearanceLight  appearance = "light"
	appearanceDark   appearance = "dark"
)

// prefAppearance is the preference key of the appearance.
const prefAppearance = "appearance"

// appearances are the choices in the order Settings offers them.
var appearances = []appearance{appearanceSystem, appearanceLight, appearanceDark}

// label is how Settings names the appearance.
func (a appearance) label() string {
	switch a {
	case appearanceLight:
		return "Light"
	case appearanceDark:
		return "Dark"
	default:
		return "Follow the system"
	}
}

// appearanceFromLabel is the appearance Settings names label; unknown
// labels follow the system.
func appearanceFromLabel(label string) appearance {
	for _, a := range appearances {
		if a.label() == label {
			return a
		}
	}
	return appearanceSystem
}

// savedAppearance is the appearance in app's preferences; anything
// unknown there follows the system.
func savedAppearance(app fyne.App) appearance {
	switch a := appearance(app.Preferences().String(prefAppearance)); a {
	case appearanceLight, appearanceDark:
		return a
	default:
		return appearanceSystem
	}
}

// setAppearance remembers a in app's preferences and applies it.
func setAppearance(app fyne.App, a appearance) {
	app.Preferences().SetString(prefAppearance, string(a))
	applyAppearance(app, a)
}

// applyAppearance draws app in a: the app's theme, whose variant follows
// the system, or that theme held to light or dark; either way with the
// quiet colour of secondary text (colorNameQuiet) and a focus that shows.
func applyAppearance(app fyne.App, a appearance) {
	base := app.Settings().Theme()
	if t, ok := base.(appTheme); ok {
		base = t.Theme
	}
	t := appTheme{Theme: base}
	switch a {
	case appearanceLight:
		t.fixed, t.variant = true, theme.VariantLight
	case appearanceDark:
		t.fixed, t.variant = true, theme.VariantDark
	}
	app.Settings().SetTheme(t)
}

// appTheme is the app's theme: Fyne's, in the variant the user chose or
// the system's, with colorNameQuiet added.
type appTheme struct {
	fyne.Theme
	fixed   bool // variant overrides the system's
	variant fyne.ThemeVariant
}

var _ fyne.Theme = appTheme{}

// Color implements fyne.Theme.
func (t appTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if t.fixed {
		variant = t.variant
	}
	switch name {
	case kit.ColorNameQuiet:
		return kit.QuietColor(variant)
	case theme.ColorNameFocus:
		return focusColor(variant)
	case theme.ColorNameHover:
		return hoverColor(variant)
	}
	return t.Theme.Color(name, variant)
}

// focusColor marks the button, check or drop-down that has the keyboard.
// Fyne's (its primary blue at 16%) can hardly be told from a grey button
// (1.1:1) and not at all on a blue one; this tints a grey button blue at
// 1.5:1 against its unfocused self and darkens (in dark: lightens) a blue
// one, keeping the text on it readable.
func focusColor(variant fyne.ThemeVariant) color.Color {
	if variant == theme.VariantLight {
		return color.NRGBA{R: 0x00, G: 0x3c, B: 0xc8, A: 0x38}
	}
	return color.NRGBA{R: 0x8c, G: 0xb4, B: 0xff, A: 0x40}
}

// hoverColor is the row of a list under the pointer and, while the list
// has the keyboard, the row the arrows are on: twice as strong as Fyne's
// 6%, which cannot be told from the background.
func hoverColor(variant fyne.ThemeVariant) color.Color {
	if variant == theme.VariantLight {
		return color.NRGBA{A: 0x24}
	}
	return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x24}
}
