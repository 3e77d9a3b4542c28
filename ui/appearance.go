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
		return kit.QuietColor(variant)
	}
	return t.Theme.Color(name, variant)
}
