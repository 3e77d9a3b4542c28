package ui

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2/theme"
)

// BenchmarkThemeTextColour asks the app's theme for the text colour, as
// every label does each time it is drawn.
func BenchmarkThemeTextColour(b *testing.B) {
	t := appTheme{Theme: theme.DefaultTheme(), fixed: true, variant: theme.VariantLight, colours: &sync.Map{}}
	for b.Loop() {
		t.Color(theme.ColorNameForeground, theme.VariantLight)
		t.Color(theme.ColorNamePrimary, theme.VariantLight)
	}
}
