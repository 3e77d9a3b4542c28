package netmap

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
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

// refFastLine is fastLine without dashes in plain steps: every step of
// the whole line, unclipped, tested against the image, every pixel laid
// over with put.
func refFastLine(p *painter, x0, y0, x1, y1 float64, c ink) {
	dx, dy := x1-x0, y1-y0
	n := int(max(math.Abs(dx), math.Abs(dy)))
	if n == 0 {
		return
	}
	const one = 1 << 16
	x, y := int(x0*one), int(y0*one)
	sx, sy := int(dx/float64(n)*one), int(dy/float64(n)*one)
	for range n + 1 {
		xi, yi := x>>16, y>>16
		x += sx
		y += sy
		if uint(xi) < uint(p.w) && uint(yi) < uint(p.h) {
			p.put(yi*p.img.Stride+xi*4, c)
		}
	}
}

// refBlit is blit as it was: every pixel that is not transparent laid
// over with scalePixel.
func refBlit(p *painter, src *image.RGBA, x0, y0 int) {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	for y := max(0, -y0); y < sh && y0+y < p.h; y++ {
		for x := max(0, -x0); x < sw && x0+x < p.w; x++ {
			s := src.Pix[y*src.Stride+x*4 : y*src.Stride+x*4+4]
			if s[3] == 0 {
				continue
			}
			i := (y0+y)*p.img.Stride + (x0+x)*4
			d := p.img.Pix[i : i+4]
			binary.LittleEndian.PutUint32(d, binary.LittleEndian.Uint32(s)+
				scalePixel(binary.LittleEndian.Uint32(d), 256-uint32(s[3])))
		}
	}
}

// The repaint's fast paths (lines wholly in the image drawn untested,
// opaque glyph pixels copied) paint exactly what the plain steps did,
// over lines and glyphs inside, across and outside the image's edges.
func TestFastPathsPaintTheSamePixels(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var got, want painter
	got.reset(97, 61)
	want.reset(97, 61)
	for range 3000 {
		x0, y0 := rng.Float64()*140-20, rng.Float64()*100-20
		x1, y1 := rng.Float64()*140-20, rng.Float64()*100-20
		c := inkOf(color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}, rng.Float64())
		got.fastLine(x0, y0, x1, y1, c, 0)
		refFastLine(&want, x0, y0, x1, y1, c)
	}
	if !bytes.Equal(got.img.Pix, want.img.Pix) {
		t.Fatal("fastLine painted other pixels than its plain steps")
	}
	for _, look := range []nodeLook{
		{radius: 6, scale: 1, color: color.NRGBA{200, 40, 40, 255}, opacity: 255, fg: color.NRGBA{A: 255}},
		{shape: Square, radius: 11, scale: 1.5, color: color.NRGBA{40, 90, 200, 255}, opacity: 120, marked: true,
			fg: color.NRGBA{A: 255}, alert: color.NRGBA{250, 180, 0, 255}},
	} {
		var s painter
		s.reset(30, 30)
		drawNode(&s, 15, 15, look)
		for range 200 {
			x, y := rng.IntN(130)-30, rng.IntN(90)-30
			got.blit(s.img, x, y)
			refBlit(&want, s.img, x, y)
		}
	}
	if !bytes.Equal(got.img.Pix, want.img.Pix) {
		t.Fatal("blit laid glyphs over differently from the plain blend")
	}
}
