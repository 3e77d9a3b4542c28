//go:build ignore

// Command icon_gen draws Rapport's application icon, assets/icon.png.
//
// Run it from the repository root:
//
//	go run assets/icon_gen.go
//
// The icon is a rounded tile with a teal-to-indigo gradient carrying a small
// network: the user as a large node in the middle, linked to the people
// around them, one of them (a champion) in amber. Every shape is a signed
// distance function, sampled on a supersampled grid and averaged, so the
// output is anti-aliased and the same bytes on every run.
package main

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const (
	size = 512 // output width and height in pixels
	ss   = 6   // supersampling factor per axis
)

// rgba is a straight (not premultiplied) colour with channels in [0, 1].
type rgba struct{ r, g, b, a float64 }

func hex(v uint32) rgba {
	return rgba{
		float64(v>>16&0xff) / 255,
		float64(v>>8&0xff) / 255,
		float64(v&0xff) / 255,
		1,
	}
}

func mix(a, b rgba, t float64) rgba {
	return rgba{
		a.r + (b.r-a.r)*t,
		a.g + (b.g-a.g)*t,
		a.b + (b.b-a.b)*t,
		a.a + (b.a-a.a)*t,
	}
}

// over composites src, whose alpha is scaled by cov, over dst.
func over(dst, src rgba, cov float64) rgba {
	sa := src.a * cov
	if sa <= 0 {
		return dst
	}
	oa := sa + dst.a*(1-sa)
	if oa <= 0 {
		return rgba{}
	}
	f := func(s, d float64) float64 { return (s*sa + d*dst.a*(1-sa)) / oa }
	return rgba{f(src.r, dst.r), f(src.g, dst.g), f(src.b, dst.b), oa}
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

func smoothstep(e0, e1, x float64) float64 {
	t := clamp01((x - e0) / (e1 - e0))
	return t * t * (3 - 2*t)
}

// Signed distance functions: negative inside, positive outside.

func sdCircle(px, py, cx, cy, r float64) float64 {
	return math.Hypot(px-cx, py-cy) - r
}

func sdCapsule(px, py, ax, ay, bx, by, r float64) float64 {
	pax, pay := px-ax, py-ay
	bax, bay := bx-ax, by-ay
	h := clamp01((pax*bax + pay*bay) / (bax*bax + bay*bay))
	return math.Hypot(pax-bax*h, pay-bay*h) - r
}

func sdRoundRect(px, py, cx, cy, half, r float64) float64 {
	qx := math.Abs(px-cx) - half + r
	qy := math.Abs(py-cy) - half + r
	return math.Hypot(math.Max(qx, 0), math.Max(qy, 0)) + math.Min(math.Max(qx, qy), 0) - r
}

// node is one person in the mark.
type node struct {
	x, y, r float64
	fill    rgba
}

var (
	tileTop    = hex(0x0FA396) // teal, top left
	tileMid    = hex(0x12637E) // deep cyan
	tileBottom = hex(0x34298F) // indigo, bottom right
	white      = hex(0xFFFFFF)
	amber      = hex(0xFBBF24)
	ink        = rgba{0.04, 0.06, 0.18, 1} // shadow colour

	tileHalf   = 232.0 // the tile spans 24..488
	tileRadius = 104.0

	centre = node{252, 260, 80, white}
	people = []node{
		{378, 136, 56, amber}, // a champion: influential, up and to the right
		{126, 146, 42, white},
		{388, 380, 44, white},
		{136, 376, 50, white},
	}
	linkRadius = 18.0
)

// mark returns the signed distance to the whole white-and-amber mark, and the
// colour of the mark at that point.
func mark(x, y float64) (float64, rgba) {
	d := sdCircle(x, y, centre.x, centre.y, centre.r)
	col := centre.fill
	for _, p := range people {
		d = math.Min(d, sdCapsule(x, y, centre.x, centre.y, p.x, p.y, linkRadius))
	}
	for _, p := range people {
		pd := sdCircle(x, y, p.x, p.y, p.r)
		if pd < 0 {
			col = p.fill
		}
		d = math.Min(d, pd)
	}
	return d, col
}

// shade returns the icon's colour at (x, y) in output pixel units.
func shade(x, y float64) rgba {
	const c = size / 2
	var out rgba

	// Soft drop shadow under the tile.
	sd := sdRoundRect(x, y-6, c, c, tileHalf, tileRadius)
	out = over(out, ink, 0.22*(1-smoothstep(-6, 16, sd)))

	// The tile.
	td := sdRoundRect(x, y, c, c, tileHalf, tileRadius)
	if td > 0 {
		return out
	}
	t := clamp01(((x - 24) + (y - 24)) / (2 * 2 * tileHalf))
	var bg rgba
	if t < 0.5 {
		bg = mix(tileTop, tileMid, t/0.5)
	} else {
		bg = mix(tileMid, tileBottom, (t-0.5)/0.5)
	}
	// A broad light from the top left, and a slightly darker rim.
	glow := 1 - smoothstep(0, 360, math.Hypot(x-110, y-90))
	bg = mix(bg, white, 0.10*glow)
	bg = mix(bg, ink, 0.10*smoothstep(-28, 0, td))
	out = over(out, bg, 1)

	// Soft shadow under the mark, so it sits above the tile.
	md, _ := mark(x-4, y-10)
	out = over(out, ink, 0.30*(1-smoothstep(-10, 14, md)))

	// The mark.
	md, col := mark(x, y)
	if md < 0 {
		out = over(out, col, 1)
	}
	return out
}

func render() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			// Average premultiplied samples.
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := float64(px) + (float64(sx)+0.5)/ss
					y := float64(py) + (float64(sy)+0.5)/ss
					s := shade(x, y)
					r += s.r * s.a
					g += s.g * s.a
					b += s.b * s.a
					a += s.a
				}
			}
			n := float64(ss * ss)
			r, g, b, a = r/n, g/n, b/n, a/n
			var c color.NRGBA
			if a > 0 {
				c = color.NRGBA{
					R: uint8(math.Round(clamp01(r/a) * 255)),
					G: uint8(math.Round(clamp01(g/a) * 255)),
					B: uint8(math.Round(clamp01(b/a) * 255)),
					A: uint8(math.Round(clamp01(a) * 255)),
				}
			}
			img.SetNRGBA(px, py, c)
		}
	}
	return img
}

func main() {
	out := flag.String("o", "assets/icon.png", "output file")
	flag.Parse()

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, render()); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
