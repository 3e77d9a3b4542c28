package kit_test

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// drawnText is the canvas text a ThemedText draws.
func drawnText(t *testing.T, tt *kit.ThemedText) *canvas.Text {
	t.Helper()
	text, ok := test.WidgetRenderer(tt).Objects()[0].(*canvas.Text)
	if !ok {
		t.Fatalf("a ThemedText draws %T", test.WidgetRenderer(tt).Objects()[0])
	}
	return text
}

// TestThemedColoredIconFollowsTheSwitch: a tinted icon (the grid's overdue
// clock) takes a new resource when the tint's colour changes, so that
// widget.Icon, which redraws only on a new resource, draws it again.
func TestThemedColoredIconFollowsTheSwitch(t *testing.T) {
	a := kittest.NewApp(t)
	kittest.SwitchTheme(a, theme.VariantLight)
	ic := kit.NewThemedColoredIcon(theme.IconNameHistory, theme.ColorNameWarning)
	w := test.NewWindow(ic)
	t.Cleanup(w.Close)
	before := ic.Resource
	if tr, ok := before.(*theme.ThemedResource); !ok || tr.ColorName != theme.ColorNameWarning {
		t.Fatalf("the icon's resource is %T, want one tinted in the warning colour", before)
	}
	kittest.SwitchTheme(a, theme.VariantDark)
	if ic.Resource == before {
		t.Error("after a switch to dark the tinted icon kept its resource, so it is not drawn again")
	}
	kept := ic.Resource
	ic.Refresh()
	if ic.Resource != kept {
		t.Error("a Refresh without a switch made a new resource: the icon would be drawn again for nothing")
	}
}

// TestFieldProblemFollowsTheSwitch: a problem under a field, shown in
// light, is in dark's error colour after a switch to dark.
func TestFieldProblemFollowsTheSwitch(t *testing.T) {
	a := kittest.NewApp(t)
	kittest.SwitchTheme(a, theme.VariantLight)
	fs := kit.NewFieldSet()
	fs.Add("name", "Name", widget.NewEntry(), "")
	w := test.NewWindow(fs.Content())
	t.Cleanup(w.Close)
	if !fs.Show(errors.New("x"), map[string]string{"name": "Name is missing"}) {
		t.Fatal("the problem is not shown")
	}
	var problem *kit.ThemedText
	kittest.Walk(fs.Content(), func(o fyne.CanvasObject) bool {
		if tt, ok := o.(*kit.ThemedText); ok && tt.Text == "Name is missing" {
			problem = tt
		}
		return true
	})
	if problem == nil {
		t.Fatal("the problem is not a themed text")
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		kittest.SwitchTheme(a, v)
		want := a.Settings().Theme().Color(theme.ColorNameError, v)
		if got := drawnText(t, problem).Color; got != want {
			t.Errorf("variant %d: problem drawn in %v, want the error colour %v", v, got, want)
		}
	}
}

// TestTapRingFollowsTheSwitch: the focus ring of a tap area that has the
// keyboard is redrawn in the new theme's primary colour after a switch.
func TestTapRingFollowsTheSwitch(t *testing.T) {
	a := kittest.NewApp(t)
	kittest.SwitchTheme(a, theme.VariantLight)
	tap := kit.NewTapArea(widget.NewLabel("Dana"), func() {})
	w := test.NewWindow(tap)
	t.Cleanup(w.Close)
	w.Canvas().Focus(tap)
	if !tap.Focused() {
		t.Fatal("the area did not take the keyboard")
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		kittest.SwitchTheme(a, v)
		ring := kittest.Find[*canvas.Rectangle](tap, nil)
		if want := a.Settings().Theme().Color(theme.ColorNamePrimary, v); ring == nil || ring.StrokeColor != want {
			t.Errorf("variant %d: the ring is not in the theme's primary colour %v", v, want)
		}
	}
	w.Canvas().Unfocus()
	if tap.Focused() {
		t.Error("the area still shows the ring after losing the keyboard")
	}
}
