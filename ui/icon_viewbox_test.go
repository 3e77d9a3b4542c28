package ui

import (
	"bytes"
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// drawIcon is res drawn at side×side on a test canvas.
func drawIcon(t *testing.T, res fyne.Resource, side float32) *image.NRGBA {
	t.Helper()
	img := canvas.NewImageFromResource(res)
	img.FillMode = canvas.ImageFillContain
	w := test.NewTempWindow(t, img)
	w.SetPadded(false)
	w.Resize(fyne.NewSquareSize(side))
	return w.Canvas().Capture().(*image.NRGBA)
}

// The calendar icon on a 24-unit viewBox looks as Fyne's on its 960-unit
// one, at the sizes icons are drawn, and keeps its name and colour; an
// icon already on a small viewBox is handed back as it is.
func TestCompactIconLooksTheSame(t *testing.T) {
	test.NewTempApp(t)
	cal := theme.DefaultTheme().Icon(theme.IconNameCalendar).(*theme.ThemedResource)
	small := compactIcon(cal)
	if small == cal {
		t.Fatal("the calendar icon (viewBox 960) was not redrawn on a small viewBox")
	}
	if !bytes.Contains(small.Content(), []byte(`viewBox="0 0 24 24"`)) {
		t.Errorf("redrawn icon has no 24-unit viewBox:\n%s", small.Content())
	}
	if small.Name() != cal.Name() || small.ThemeColorName() != cal.ThemeColorName() {
		t.Errorf("redrawn icon is %q in %q, want %q in %q", small.Name(), small.ThemeColorName(), cal.Name(), cal.ThemeColorName())
	}
	for _, side := range []float32{20, 32, 64} {
		got, want := drawIcon(t, small, side), drawIcon(t, cal, side)
		if n, most := differingPixels(got, want); n > 0 {
			t.Errorf("at %v units %d pixels differ, by up to %d of 255", side, n, most)
		}
	}
	home := theme.DefaultTheme().Icon(theme.IconNameHome).(*theme.ThemedResource)
	if compactIcon(home) != home {
		t.Error("the home icon, already on a 24-unit viewBox, was redrawn")
	}
}

// differingPixels counts the pixels of a and b that differ, and the
// largest difference in a channel.
func differingPixels(a, b *image.NRGBA) (n, most int) {
	if a.Rect != b.Rect {
		return len(a.Pix) / 4, 255
	}
	for i := 0; i < len(a.Pix); i += 4 {
		d := 0
		for k := range 4 {
			d = max(d, int(a.Pix[i+k])-int(b.Pix[i+k]), int(b.Pix[i+k])-int(a.Pix[i+k]))
		}
		if d > 0 {
			n++
			most = max(most, d)
		}
	}
	return n, most
}
