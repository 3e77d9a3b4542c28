package relmap

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestGridLegendFollowsTheSwitch: the grid's "Overdue for contact" clock
// is drawn again in the new theme's warning colour after a switch between
// light and dark (a widget.Icon made once from a coloured resource kept
// the old picture until a restart).
func TestGridLegendFollowsTheSwitch(t *testing.T) {
	a := kittest.NewApp(t)
	kittest.SwitchTheme(a, theme.VariantLight)
	g := newStanceGrid(nil)
	w := test.NewWindow(g.legend)
	t.Cleanup(w.Close)
	clock := kittest.Find[*kit.ThemedIcon](g.legend, nil)
	if clock == nil {
		t.Fatal("the legend's clock does not follow the theme (not a kit.ThemedIcon)")
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		before := clock.Resource
		kittest.SwitchTheme(a, v)
		if clock.Resource == before {
			t.Errorf("variant %d: the clock kept the previous theme's picture", v)
		}
		if tr, ok := clock.Resource.(*theme.ThemedResource); !ok || tr.ColorName != theme.ColorNameWarning {
			t.Errorf("variant %d: the clock is %T, want it in the warning colour", v, clock.Resource)
		}
	}
}
