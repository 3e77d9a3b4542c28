package ui

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"rapport/ui/kit"
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

// variantOf is the variant t draws in now.
func (t appTheme) variantOf() fyne.ThemeVariant {
	if t.fixed {
		return t.variant
	}
	return fyne.CurrentApp().Settings().ThemeVariant()
}

// themedIcons are the icons appTheme hands out, one resource per icon and
// variant (see Icon).
var themedIcons sync.Map // themedIconKey → *theme.ThemedResource

type themedIconKey struct {
	name    fyne.ThemeIconName
	variant fyne.ThemeVariant
}

// Icon implements fyne.Theme: the base theme's icon, as a resource of its
// own for each variant. widget.Icon redraws only when its resource
// changes, so with one resource for both variants a drop-down's arrow kept
// the old variant's colour after a switch (dark on dark: it vanished);
// with one per variant, every widget that asks the theme again on Refresh
// draws the icon in the new colours at once.
func (t appTheme) Icon(name fyne.ThemeIconName) fyne.Resource {
	res := t.Theme.Icon(name)
	tr, ok := res.(*theme.ThemedResource)
	if !ok {
		return res
	}
	key := themedIconKey{name, t.variantOf()}
	if cached, ok := themedIcons.Load(key); ok && cached.(*theme.ThemedResource).Name() == tr.Name() {
		return cached.(*theme.ThemedResource)
	}
	own := *tr
	themedIcons.Store(key, &own)
	return &own
}
