package ui

import (
	"image/color"

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

// applyAppearance draws app in a: the app's theme as it is, whose
// variant follows the system, or that theme held to light or dark.
func applyAppearance(app fyne.App, a appearance) {
	base := app.Settings().Theme()
	fixed, wasFixed := base.(fixedVariant)
	if wasFixed {
		base = fixed.Theme
	}
	switch a {
	case appearanceLight:
		app.Settings().SetTheme(fixedVariant{Theme: base, variant: theme.VariantLight})
	case appearanceDark:
		app.Settings().SetTheme(fixedVariant{Theme: base, variant: theme.VariantDark})
	default:
		if wasFixed {
			app.Settings().SetTheme(base)
		}
	}
}

// fixedVariant is a theme drawn in one variant whatever the system's.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

var _ fyne.Theme = fixedVariant{}

// Color implements fyne.Theme: the colour of name in the fixed variant.
func (t fixedVariant) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(name, t.variant)
}
