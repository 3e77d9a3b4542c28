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
// quiet colour of secondary text (colorNameQuiet).
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

var (
	quietOnLight = color.NRGBA{R: 0x73, G: 0x73, B: 0x73, A: 0xff} // 4.7:1 on white
	quietOnDark  = color.NRGBA{R: 0x9c, G: 0x9c, B: 0xa0, A: 0xff} // 6.7:1 on Fyne's dark grey
)

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
	if name == kit.ColorNameQuiet {
		if variant == theme.VariantLight {
			return quietOnLight
		}
		return quietOnDark
	}
	return t.Theme.Color(name, variant)
}
