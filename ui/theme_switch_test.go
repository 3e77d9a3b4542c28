package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// themedRectOf is the rectangle a ThemedRect draws.
func themedRectOf(t *testing.T, r *kit.ThemedRect) *canvas.Rectangle {
	t.Helper()
	rect, ok := test.WidgetRenderer(r).Objects()[0].(*canvas.Rectangle)
	if !ok {
		t.Fatalf("a ThemedRect draws %T", test.WidgetRenderer(r).Objects()[0])
	}
	return rect
}

// findThemed is the first ThemedRect under o.
func findThemed(o fyne.CanvasObject) *kit.ThemedRect {
	switch x := o.(type) {
	case *kit.ThemedRect:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if r := findThemed(c); r != nil {
				return r
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if r := findThemed(c); r != nil {
				return r
			}
		}
	}
	return nil
}

// findIcon is the first ThemedIcon under o.
func findIcon(o fyne.CanvasObject) *kit.ThemedIcon {
	switch x := o.(type) {
	case *kit.ThemedIcon:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if r := findIcon(c); r != nil {
				return r
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if r := findIcon(c); r != nil {
				return r
			}
		}
	}
	return nil
}

// TestThemeSwitchIsLive switches between light and dark as Settings does
// and checks that what Rapport draws itself (the meeting drag handle, the
// stance badge) and a drop-down's arrow take the new theme's colours and
// icons at once, without being built again. (widget.Icon redraws only
// when its resource changes, so the resource is what is checked.)
func TestThemeSwitchIsLive(t *testing.T) {
	a := test.NewTempApp(t)
	setAppearance(a, appearanceLight)
	w := &Window{app: a}
	handle := newDragHandle(w, model.ScheduledMeeting{}, "page")
	sel := widget.NewSelect([]string{"Light", "Dark"}, nil)
	sel.SetSelected("Light")
	badge := kit.StanceBadge(model.StanceChampion)
	win := test.NewWindow(container.NewVBox(handle, sel, badge))
	win.Resize(fyne.NewSize(400, 300))
	t.Cleanup(win.Close)

	var last fyne.Resource
	for _, a2 := range []appearance{appearanceDark, appearanceLight, appearanceDark} {
		setAppearance(a, a2)
		th, v := a.Settings().Theme(), a.Settings().ThemeVariant()
		bg := findThemed(handle)
		if bg == nil {
			t.Fatal("the drag handle has no themed background")
		}
		rect := themedRectOf(t, bg)
		if want := th.Color(theme.ColorNameButton, v); rect.FillColor != want {
			t.Errorf("%s: handle fill %v, want the theme's button colour %v", a2.label(), rect.FillColor, want)
		}
		if want := th.Color(theme.ColorNamePrimary, v); rect.StrokeColor != want {
			t.Errorf("%s: handle outline %v, want the theme's primary colour %v", a2.label(), rect.StrokeColor, want)
		}

		// widget.Icon redraws only when its resource changes: the arrow and
		// the handle's icon must be the current variant's resources.
		var arrow0 *widget.Icon
		for _, o := range test.WidgetRenderer(sel).Objects() {
			if ic, ok := o.(*widget.Icon); ok {
				arrow0 = ic
			}
		}
		if arrow0 == nil || arrow0.Resource != th.Icon(theme.IconNameArrowDropDown) {
			t.Errorf("%s: the drop-down's arrow is not the theme's current one", a2.label())
		}
		if last != nil && arrow0 != nil && arrow0.Resource == last {
			t.Errorf("%s: the drop-down's arrow kept the previous variant's resource, so it is not redrawn", a2.label())
		}
		if arrow0 != nil {
			last = arrow0.Resource
		}
		if ic := findIcon(handle); ic == nil || ic.Resource != th.Icon(theme.IconNameMenu) {
			t.Errorf("%s: the handle's grip is not the theme's current icon", a2.label())
		}

	}
}
