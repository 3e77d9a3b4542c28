package kit_test

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func TestIsolate(t *testing.T) {
	for _, c := range []struct{ in, isolated, ltr string }{
		{"Dana Reyes", "Dana Reyes", "Dana Reyes"},
		{"محمد العلي", "\u2068محمد العلي\u2069", "\u200eمحمد العلي"},
		{"שרה לוי", "\u2068שרה לוי\u2069", "\u200eשרה לוי"},
		{"Zoë Ångström", "Zoë Ångström", "Zoë Ångström"},
		{"", "", ""},
	} {
		if got := kit.Isolate(c.in); got != c.isolated {
			t.Errorf("Isolate(%q) = %q, want %q", c.in, got, c.isolated)
		}
		if got := kit.LeftToRight(c.in); got != c.ltr {
			t.Errorf("LeftToRight(%q) = %q, want %q", c.in, got, c.ltr)
		}
	}
}

// inkLeft renders text in a label and says where its leftmost drawn
// pixel is, and the picture.
func inkLeft(t *testing.T, text string) (int, image.Image) {
	t.Helper()
	w := test.NewWindow(widget.NewLabel(text))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 40))
	img := w.Canvas().Capture()
	bg := img.At(img.Bounds().Max.X-1, img.Bounds().Max.Y-1)
	for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			if img.At(x, y) != bg {
				return x, img
			}
		}
	}
	t.Fatalf("%q draws nothing", text)
	return 0, img
}

// TestIsolatedNameKeepsItsSpace renders the toast of a person added with
// an Arabic name: bare, Fyne moves the space after the name to the far
// left (the sentence starts right to left), so the name runs into
// "added."; isolated, the text starts at the label's edge like any
// other, and the isolate marks draw nothing.
func TestIsolatedNameKeepsItsSpace(t *testing.T) {
	kittest.NewApp(t)
	name := "محمد العلي"
	edge, _ := inkLeft(t, "Dana added.")
	bare, _ := inkLeft(t, name+" added.")
	isolated, _ := inkLeft(t, kit.Isolate(name)+" added.")
	if isolated > edge+1 {
		t.Errorf("isolated, the text starts at x=%d, want the label's edge %d", isolated, edge)
	}
	if bare <= edge+1 {
		t.Logf("bare, the text starts at x=%d, the edge is %d: Fyne may lay it out right now (see docs/bidi.md)", bare, edge)
	}
	_, plain := inkLeft(t, "x added.")
	_, marked := inkLeft(t, kit.Isolate("x")+"\u2068\u2069 added.")
	if !sameImage(plain, marked) {
		t.Errorf("the isolate marks draw something: %q renders unlike %q", kit.Isolate("x")+"\u2068\u2069 added.", "x added.")
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
		for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func TestIsolateRuns(t *testing.T) {
	const fsi, pdi = "\u2068", "\u2069"
	for _, tc := range []struct{ in, want string }{
		{"Knows the reorg timeline", "Knows the reorg timeline"},
		{"مديرة الهندسة Payments Northwind", fsi + "مديرة الهندسة" + pdi + " Payments Northwind"},
		{"Met نادية, then الحداد.", "Met " + fsi + "نادية" + pdi + ", then " + fsi + "الحداد" + pdi + "."},
		{"Met نادية الحداد.", "Met " + fsi + "نادية الحداد" + pdi + "."},
		{"Ask נועה 3 times", "Ask " + fsi + "נועה" + pdi + " 3 times"},
		{"שלום 3 עולם", fsi + "שלום 3 עולם" + pdi},
	} {
		if got := kit.IsolateRuns(tc.in); got != tc.want {
			t.Errorf("IsolateRuns(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
