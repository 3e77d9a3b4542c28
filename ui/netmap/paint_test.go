package netmap

import (
	"image/color"
	"math"
	"testing"
)

func TestShapeDistances(t *testing.T) {
	const r = 10.0
	tests := []struct {
		name   string
		d      sdf
		dx, dy float64
		inside bool
	}{
		{"circle centre", circleSDF(r), 0, 0, true},
		{"circle just outside", circleSDF(r), r + 1, 0, false},
		{"square corner inside", squareSDF(r), r - 1, r - 1, true},
		{"square corner outside", squareSDF(r), r + 1, r - 1, false},
		{"diamond tip inside", diamondSDF(r), r - 1, 0, true},
		{"diamond corner outside", diamondSDF(r), r * 0.6, r * 0.6, false},
		{"triangle centre", triangleSDF(r), 0, 0, true},
		{"triangle bottom tip inside", triangleSDF(r), 0, r * 0.9, true},
		{"triangle above top edge", triangleSDF(r), 0, -r * 0.6, false},
		{"triangle top corner inside", triangleSDF(r), r * 0.8, -r * 0.45, true},
		{"ring on the line", ringSDF(r, 2), r, 0, true},
		{"ring hole", ringSDF(r, 2), 0, 0, false},
	}
	for _, tt := range tests {
		if got := tt.d(tt.dx, tt.dy) < 0; got != tt.inside {
			t.Errorf("%s: inside = %v (distance %.2f), want %v", tt.name, got, tt.d(tt.dx, tt.dy), tt.inside)
		}
	}
	// The distance is in pixels: a point 3 px outside a circle is 3 away.
	if d := circleSDF(r)(r+3, 0); math.Abs(d-3) > 1e-9 {
		t.Errorf("circle distance = %v, want 3", d)
	}
}

func TestArrowHeadCoversItsInside(t *testing.T) {
	for _, dir := range [][2]float64{{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {math.Sqrt2 / 2, math.Sqrt2 / 2}} {
		var p painter
		p.reset(40, 40)
		p.arrowHead(20, 20, dir[0], dir[1], 10, inkOf(color.NRGBA{A: 255}, 1))
		// A point inside, just behind the tip, is painted; one ahead is not.
		in := p.img.RGBAAt(int(20-dir[0]*4), int(20-dir[1]*4))
		out := p.img.RGBAAt(int(20+dir[0]*5), int(20+dir[1]*5))
		if in.A < 200 || out.A != 0 {
			t.Errorf("arrow along %v: alpha inside %d (want ≥ 200), ahead %d (want 0)", dir, in.A, out.A)
		}
	}
}

func TestLineIsClippedAndDashed(t *testing.T) {
	var p painter
	p.reset(50, 10)
	black := inkOf(color.NRGBA{A: 255}, 1)
	p.line(-1000, 5, 1000, 5, black, 0) // far beyond the image: clipped, not a panic
	for x := 0; x < 50; x++ {
		if p.img.RGBAAt(x, 5).A == 0 {
			t.Fatalf("solid line missing at x=%d", x)
		}
	}
	p.reset(50, 10)
	p.line(0, 5, 49, 5, black, 4)
	gaps := 0
	for x := 0; x < 50; x++ {
		if p.img.RGBAAt(x, 5).A == 0 {
			gaps++
		}
	}
	if gaps < 15 || gaps > 30 {
		t.Errorf("dashed line has %d empty pixels of 50, want about half", gaps)
	}
}
