package people

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestSensitivityChipFollowsTheSwitch: the sensitivity chip's word is
// drawn in the current theme's colour after a switch between light and
// dark, not in the colour of the theme it was made in.
func TestSensitivityChipFollowsTheSwitch(t *testing.T) {
	a := kittest.NewApp(t)
	kittest.SwitchTheme(a, theme.VariantLight)
	chip := sensitivityChip(model.SensitivityHigh)
	w := test.NewWindow(chip)
	t.Cleanup(w.Close)
	word := kittest.Find(chip, func(tt *kit.ThemedText) bool { return tt.Text == model.SensitivityHigh.Label() })
	if word == nil {
		t.Fatal("the chip's word does not follow the theme (not a kit.ThemedText)")
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		kittest.SwitchTheme(a, v)
		drawn := test.WidgetRenderer(word).Objects()[0].(*canvas.Text)
		if want := a.Settings().Theme().Color(theme.ColorNameForegroundOnPrimary, v); drawn.Color != want {
			t.Errorf("variant %d: the word is drawn in %v, want %v", v, drawn.Color, want)
		}
	}
}
