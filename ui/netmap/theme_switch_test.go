package netmap

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"rapport/ui/kit/kittest"
)

// pixelsOf is a copy of img's pixels.
func pixelsOf(img image.Image) []byte {
	b := img.Bounds()
	out := image.NewNRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out.Pix
}

// TestMapAndLegendFollowTheSwitch: after a switch between light and dark
// the map's picture and its legend's samples are painted in the new
// theme's colours (they read the theme each time they are drawn, nothing
// is kept from the last painting), and switching back paints the first
// picture again.
func TestMapAndLegendFollowTheSwitch(t *testing.T) {
	a := kittest.NewApp(t)
	kittest.SwitchTheme(a, theme.VariantLight)
	m := New()
	m.SetLayout(NewLayout(smallNetwork()))
	glyph := NewGlyph(Circle, color.NRGBA{R: 0x3d, G: 0x8b, B: 0xd9, A: 0xff}, true)
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(640, 480))
	sample := glyph.(*fyne.Container).Objects[0].(*canvas.Raster)
	r := test.WidgetRenderer(m).(*mapRenderer)

	paint := func() (mapPix, glyphPix []byte) {
		return pixelsOf(r.draw(640, 480)), pixelsOf(sample.Generator(18, 18))
	}
	light, lightGlyph := paint()
	kittest.SwitchTheme(a, theme.VariantDark)
	dark, darkGlyph := paint()
	if bytes.Equal(light, dark) {
		t.Error("the map is painted the same in light and dark")
	}
	if bytes.Equal(lightGlyph, darkGlyph) {
		t.Error("the legend's sample is painted the same in light and dark")
	}
	fg := a.Settings().Theme().Color(theme.ColorNameForeground, theme.VariantDark)
	for _, l := range r.labels[:r.shown] {
		if l.Color != fg && l.Color != a.Settings().Theme().Color(theme.ColorNameDisabled, theme.VariantDark) {
			t.Errorf("label %q is in %v after the switch, want dark's %v", l.Text, l.Color, fg)
		}
	}
	kittest.SwitchTheme(a, theme.VariantLight)
	again, againGlyph := paint()
	if !bytes.Equal(light, again) || !bytes.Equal(lightGlyph, againGlyph) {
		t.Error("switching back to light does not paint the light picture again")
	}
}
