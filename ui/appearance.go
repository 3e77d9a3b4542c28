package ui

import (
	"image/color"
	"math"
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
// quiet colour of secondary text (colorNameQuiet) and a focus that shows.
func applyAppearance(app fyne.App, a appearance) {
	base := app.Settings().Theme()
	if t, ok := base.(appTheme); ok {
		base = t.Theme
	}
	t := appTheme{Theme: base, colours: &sync.Map{}}
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
	// colours keeps the colours made readable (readableColor), which are
	// asked for on every draw of every text; nil: worked out each time.
	colours *sync.Map // colourKey → color.Color
}

// colourKey names a colour of the theme in one variant, with the base
// theme's value it is made from (which may follow the user's settings).
type colourKey struct {
	name    fyne.ThemeColorName
	variant fyne.ThemeVariant
	base    color.NRGBA
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
	if !textColors[name] && name != theme.ColorNamePrimary {
		return t.Theme.Color(name, variant)
	}
	if t.colours == nil {
		return t.readableColor(name, variant)
	}
	key := colourKey{name, variant, color.NRGBAModel.Convert(t.Theme.Color(name, variant)).(color.NRGBA)}
	if c, ok := t.colours.Load(key); ok {
		return c.(color.Color)
	}
	c := t.readableColor(name, variant)
	t.colours.Store(key, c)
	return c
}

// readableColor is the theme's colour name in variant, made readable: a
// text colour reaches minTextContrast on every background, and the
// primary fill under the text drawn on it.
func (t appTheme) readableColor(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	c := t.Theme.Color(name, variant)
	if name == theme.ColorNameForeground && variant == theme.VariantLight {
		// Fyne's light text is mid grey (#565656): too close to the quiet
		// grey for secondary text to be both readable and quieter.
		c = lightForeground
	}
	if textColors[name] {
		// Text in these colours must read at 4.5:1 (WCAG AA) on every
		// background it is drawn on; Fyne's orange, red and green do not
		// on white (2.2:1 for the "overlooked" captions).
		for _, bg := range textBackgrounds {
			c = readableOn(c, t.Theme.Color(bg, variant), minTextContrast)
		}
	}
	if name == theme.ColorNamePrimary {
		// A fill under text (the high-importance button): the text on it
		// must read, which Fyne's blue under white does not in dark (4.3:1).
		c = readableOn(c, t.Color(theme.ColorNameForegroundOnPrimary, variant), minTextContrast)
	}
	return c
}

// lightForeground is the text colour in light: near black, 13:1 on white.
var lightForeground = color.NRGBA{R: 0x2b, G: 0x2b, B: 0x2b, A: 0xff}

// minTextContrast is the least contrast of text on its background: WCAG
// AA for text of normal size.
const minTextContrast = 4.5

// textColors are the theme's colours that text is drawn in (labels of
// warning, danger and success importance, links and accented figures,
// hints), made readable by appTheme. Primary is a fill, not one of them:
// text in the accent colour uses Hyperlink.
var textColors = map[fyne.ThemeColorName]bool{
	theme.ColorNameForeground: true, theme.ColorNameWarning: true, theme.ColorNameError: true,
	theme.ColorNameSuccess: true, theme.ColorNameHyperlink: true, theme.ColorNamePlaceHolder: true,
}

// textBackgrounds are the backgrounds text is drawn on: the window, cards
// and inputs, menus and pop-ups.
var textBackgrounds = []fyne.ThemeColorName{
	theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameOverlayBackground,
	theme.ColorNameMenuBackground,
}

// readableOn is c, darkened on a light background or lightened on a dark
// one just enough to reach ratio against bg; c itself when it does.
func readableOn(c, bg color.Color, ratio float64) color.Color {
	if contrastRatio(c, bg) >= ratio {
		return c
	}
	toward := color.NRGBA{A: 0xff}
	if luminance(bg) < 0.18 {
		toward = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	from := color.NRGBAModel.Convert(c).(color.NRGBA)
	for step := 1; step <= 20; step++ {
		mixed := mix(from, toward, float64(step)/20)
		if contrastRatio(mixed, bg) >= ratio {
			return mixed
		}
	}
	return toward
}

// mix is a weighted blend of a and b: share of b.
func mix(a, b color.NRGBA, share float64) color.NRGBA {
	ch := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-share) + float64(y)*share)) }
	return color.NRGBA{R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: a.A}
}

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is the WCAG contrast ratio of two colours.
func contrastRatio(a, b color.Color) float64 {
	l1, l2 := luminance(a), luminance(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
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
	base    *theme.ThemedResource // the base theme's own, so another base theme gets its own copies
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
	key := themedIconKey{name, t.variantOf(), tr}
	if cached, ok := themedIcons.Load(key); ok {
		return cached.(*theme.ThemedResource)
	}
	own := *tr
	ours := compactIcon(&own)
	themedIcons.Store(key, ours)
	return ours
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
