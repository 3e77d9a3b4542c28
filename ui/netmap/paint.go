package netmap

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
)

// painter draws anti-aliased shapes and lines straight into an RGBA image
// (premultiplied alpha), far faster than thousands of canvas objects.
type painter struct {
	img  *image.RGBA
	w, h int
	// stamps are node glyphs drawn once and copied, by their look.
	stamps map[nodeLook]*image.RGBA
}

// maxStamps bounds the glyph cache; past it the cache starts again.
const maxStamps = 4096

// stamp draws the node glyph k centred on (cx, cy), rounded to the pixel,
// from a cache: a network has thousands of nodes but few distinct looks.
func (p *painter) stamp(cx, cy float64, k nodeLook) {
	img, ok := p.stamps[k]
	if !ok {
		// Room for the glyph and the alert dot beside it.
		half := int(math.Ceil(k.radius*1.25+max(k.radius*0.38, 2.2*k.scale)+2*k.scale)) + 1
		var s painter
		s.reset(2*half, 2*half)
		drawNode(&s, float64(half), float64(half), k)
		img = s.img
		if p.stamps == nil || len(p.stamps) >= maxStamps {
			p.stamps = make(map[nodeLook]*image.RGBA)
		}
		p.stamps[k] = img
	}
	half := img.Rect.Dx() / 2
	x0, y0 := int(math.Round(cx))-half, int(math.Round(cy))-half
	p.blit(img, x0, y0)
}

// blit lays src over the image with its top-left corner at (x0, y0).
// A fully opaque source pixel is copied: laying it over keeps nothing of
// what was there (scalePixel by 1/256 of bytes below 256 is 0).
func (p *painter) blit(src *image.RGBA, x0, y0 int) {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	xs, xe := max(0, -x0), min(sw, p.w-x0)
	for y := max(0, -y0); y < sh && y0+y < p.h; y++ {
		srow := src.Pix[y*src.Stride:]
		drow := p.img.Pix[(y0+y)*p.img.Stride:]
		for x := xs; x < xe; x++ {
			s := srow[x*4 : x*4+4 : x*4+4]
			a := s[3]
			if a == 0 {
				continue
			}
			d := drow[(x0+x)*4 : (x0+x)*4+4 : (x0+x)*4+4]
			if a == 255 {
				copy(d, s)
				continue
			}
			binary.LittleEndian.PutUint32(d, binary.LittleEndian.Uint32(s)+
				scalePixel(binary.LittleEndian.Uint32(d), 256-uint32(a)))
		}
	}
}

// reset makes the painter's image w×h pixels and clears it, reusing the
// image's memory when it is big enough.
func (p *painter) reset(w, h int) {
	if !p.size(w, h) {
		clear(p.img.Pix)
	}
}

// size makes the painter's image w×h pixels, reusing the image's memory
// when it is big enough, and reports whether the image is new (and so
// clear); a reused one keeps whatever its bytes held.
func (p *painter) size(w, h int) bool {
	p.w, p.h = w, h
	if p.img == nil || cap(p.img.Pix) < w*h*4 {
		p.img = image.NewRGBA(image.Rect(0, 0, w, h))
		return true
	}
	p.img.Pix = p.img.Pix[:w*h*4]
	p.img.Stride = w * 4
	p.img.Rect = image.Rect(0, 0, w, h)
	return false
}

// ink is a colour ready to blend: premultiplied components 0–255, as
// floats for partial coverage and as integers for the fast path.
type ink struct {
	r, g, b, a     float64
	ir, ig, ib, ia uint32
	packed         uint32 // ir, ig, ib, ia in the bytes of a little-endian pixel
}

// inkOf is c at the given opacity (0–1).
func inkOf(c color.NRGBA, opacity float64) ink {
	a := float64(c.A) / 255 * min(max(opacity, 0), 1)
	k := ink{r: float64(c.R) * a, g: float64(c.G) * a, b: float64(c.B) * a, a: 255 * a}
	k.ir, k.ig, k.ib, k.ia = uint32(k.r+0.5), uint32(k.g+0.5), uint32(k.b+0.5), uint32(k.a+0.5)
	k.packed = k.ir | k.ig<<8 | k.ib<<16 | k.ia<<24
	return k
}

// put lays ink over the pixel at byte offset i, fully covered, in
// integer arithmetic: the path of the thousands of faint edges.
func (p *painter) put(i int, c ink) {
	px := p.img.Pix[i : i+4 : i+4]
	d := binary.LittleEndian.Uint32(px)
	binary.LittleEndian.PutUint32(px, c.packed+scalePixel(d, 256-c.ia))
}

// scalePixel multiplies the four bytes of a packed pixel by keep/256
// (keep 1–256: 256 keeps all, 1 keeps none), two bytes per multiply.
func scalePixel(d, keep uint32) uint32 {
	rb := (d & 0x00FF00FF) * keep >> 8 & 0x00FF00FF
	ga := (d >> 8 & 0x00FF00FF) * keep & 0xFF00FF00
	return rb | ga
}

// fastLine draws a one-pixel line without anti-aliasing (a fixed-point
// DDA), several times faster than line: for networks with thousands of
// faint edges, where smoothing is invisible. Its pixels and dashes are
// those of the whole line, wherever the image cuts it: a line reaching
// past the image's side does not change as the view pans.
func (p *painter) fastLine(x0, y0, x1, y1 float64, c ink, dash float64) {
	lo, hi, ok := p.clipRange(x0, y0, x1, y1)
	if !ok {
		return
	}
	dx, dy := x1-x0, y1-y0
	n := int(max(math.Abs(dx), math.Abs(dy)))
	if n == 0 {
		return
	}
	const one = 1 << 16
	sx, sy := int(dx/float64(n)*one), int(dy/float64(n)*one)
	// Only the steps the clipped part spans.
	k0, k1 := max(int(lo*float64(n))-1, 0), min(int(math.Ceil(hi*float64(n)))+1, n)
	x, y := int(x0*one)+k0*sx, int(y0*one)+k0*sy
	// Dashes: on for dashSteps steps, off for as many.
	dashSteps := n + 1
	if dash > 0 {
		dashSteps = max(int(dash/math.Sqrt(dx*dx+dy*dy)*float64(n)), 1)
	}
	w, h, stride := p.w, p.h, p.img.Stride
	// The steps run straight from the first pixel to the last: when both
	// are in the image, so is every one between, and none is tested.
	xn, yn := (x+(k1-k0)*sx)>>16, (y+(k1-k0)*sy)>>16
	inside := uint(x>>16) < uint(w) && uint(y>>16) < uint(h) && uint(xn) < uint(w) && uint(yn) < uint(h)
	if dash <= 0 && inside {
		pix, k := p.img.Pix, c.packed
		for range k1 - k0 + 1 {
			i := (y>>16)*stride + (x>>16)*4
			x += sx
			y += sy
			px := pix[i : i+4 : i+4]
			binary.LittleEndian.PutUint32(px, k+scalePixel(binary.LittleEndian.Uint32(px), 256-c.ia))
		}
		return
	}
	for k := k0; k <= k1; k++ {
		xi, yi := x>>16, y>>16
		x += sx
		y += sy
		if dash > 0 && (k/dashSteps)%2 == 1 {
			continue
		}
		if uint(xi) < uint(w) && uint(yi) < uint(h) {
			p.put(yi*stride+xi*4, c)
		}
	}
}

// circle draws a one-pixel anti-aliased circle outline as a polygon of
// short lines: far cheaper than testing every pixel of its box.
func (p *painter) circle(cx, cy, r float64, c ink) {
	n := max(int(2*math.Pi*r/6), 24)
	px, py := cx, cy-r
	for k := 1; k <= n; k++ {
		a := 2 * math.Pi * float64(k) / float64(n)
		x, y := cx+r*math.Sin(a), cy-r*math.Cos(a)
		p.line(px, py, x, y, c, 0)
		px, py = x, y
	}
}

// blend lays ink over the pixel at (x, y) with coverage cov (0–1).
func (p *painter) blend(x, y int, c ink, cov float64) {
	if x < 0 || y < 0 || x >= p.w || y >= p.h || cov <= 0 {
		return
	}
	if cov > 1 {
		cov = 1
	}
	i := y*p.img.Stride + x*4
	px := p.img.Pix[i : i+4 : i+4]
	keep := 1 - c.a*cov/255
	px[0] = uint8(c.r*cov + float64(px[0])*keep)
	px[1] = uint8(c.g*cov + float64(px[1])*keep)
	px[2] = uint8(c.b*cov + float64(px[2])*keep)
	px[3] = uint8(c.a*cov + float64(px[3])*keep)
}

// sdf is a signed distance in pixels from a point (dx, dy) relative to a
// shape's centre to its edge: negative inside.
type sdf func(dx, dy float64) float64

// fill paints the shape described by d around (cx, cy), reaching at most
// extent pixels from the centre, anti-aliased over one pixel.
func (p *painter) fill(cx, cy, extent float64, d sdf, c ink) {
	p.fillBox(cx, cy, extent, extent, d, c)
}

// fillBox is fill for a shape reaching ex pixels across and ey down from
// its centre.
func (p *painter) fillBox(cx, cy, ex, ey float64, d sdf, c ink) {
	x0, x1 := int(math.Floor(cx-ex-1)), int(math.Ceil(cx+ex+1))
	y0, y1 := int(math.Floor(cy-ey-1)), int(math.Ceil(cy+ey+1))
	x0, y0 = max(x0, 0), max(y0, 0)
	x1, y1 = min(x1, p.w-1), min(y1, p.h-1)
	for y := y0; y <= y1; y++ {
		dy := float64(y) + 0.5 - cy
		for x := x0; x <= x1; x++ {
			if cov := 0.5 - d(float64(x)+0.5-cx, dy); cov > 0 {
				p.blend(x, y, c, cov)
			}
		}
	}
}

func circleSDF(r float64) sdf {
	return func(dx, dy float64) float64 { return math.Sqrt(dx*dx+dy*dy) - r }
}

// ringSDF is the outline of a circle of radius r, width wide.
func ringSDF(r, width float64) sdf {
	return func(dx, dy float64) float64 { return math.Abs(math.Sqrt(dx*dx+dy*dy)-r) - width/2 }
}

func squareSDF(half float64) sdf {
	return func(dx, dy float64) float64 {
		qx, qy := math.Abs(dx)-half, math.Abs(dy)-half
		return math.Sqrt(max(qx, 0)*max(qx, 0)+max(qy, 0)*max(qy, 0)) + min(max(qx, qy), 0)
	}
}

// roundRect fills a rectangle with rounded corners centred on (cx, cy),
// hw×hh from the centre to its sides: the distance test only where the
// edge is, plain fills inside.
func (p *painter) roundRect(cx, cy, hw, hh, r float64, c ink) {
	d := roundRectSDF(hw, hh, r)
	x0, x1 := max(int(math.Floor(cx-hw)), 0), min(int(math.Ceil(cx+hw)), p.w-1)
	y0, y1 := max(int(math.Floor(cy-hh)), 0), min(int(math.Ceil(cy+hh)), p.h-1)
	inL, inR := cx-hw+r+1, cx+hw-r-1 // columns clear of the rounded corners and edges
	inT, inB := cy-hh+1, cy+hh-1
	for y := y0; y <= y1; y++ {
		fy := float64(y) + 0.5
		rowInside := fy > inT && fy < inB
		for x := x0; x <= x1; x++ {
			fx := float64(x) + 0.5
			if rowInside && fx > inL && fx < inR {
				p.put(y*p.img.Stride+x*4, c)
				continue
			}
			if cov := 0.5 - d(fx-cx, fy-cy); cov > 0 {
				p.blend(x, y, c, cov)
			}
		}
	}
}

// roundRectSDF is a rectangle of half-size hw×hh with corners rounded by
// radius r.
func roundRectSDF(hw, hh, r float64) sdf {
	return func(dx, dy float64) float64 {
		qx, qy := math.Abs(dx)-hw+r, math.Abs(dy)-hh+r
		return math.Sqrt(max(qx, 0)*max(qx, 0)+max(qy, 0)*max(qy, 0)) + min(max(qx, qy), 0) - r
	}
}

func diamondSDF(r float64) sdf {
	return func(dx, dy float64) float64 { return (math.Abs(dx) + math.Abs(dy) - r) / math.Sqrt2 }
}

// triangleSDF is an equilateral triangle pointing down (y grows down)
// whose circumscribed circle has radius r.
func triangleSDF(r float64) sdf {
	const k = 1.7320508075688772 // √3
	side := r * k / 2            // half the side
	return func(dx, dy float64) float64 {
		// Inigo Quilez's equilateral triangle, centred on its centroid
		// and pointing up in y-up space, which is down on screen.
		px, py := math.Abs(dx)-side, dy+side/k
		if px+k*py > 0 {
			px, py = (px-k*py)/2, (-k*px-py)/2
		}
		px -= min(max(px, -2*side), 0)
		d := math.Sqrt(px*px + py*py)
		if py < 0 {
			return d
		}
		return -d
	}
}

// glyph paints a node of shape s with radius r (pixels) at (cx, cy).
func (p *painter) glyph(cx, cy, r float64, s Shape, c ink, outline ink) {
	switch s {
	case DoubleRing:
		p.fill(cx, cy, r, circleSDF(r*0.72), c)
		p.fill(cx, cy, r+1, ringSDF(r, max(r*0.16, 1.2)), c)
	case Square:
		p.fill(cx, cy, r, squareSDF(r*0.8), c)
	case Diamond:
		p.fill(cx, cy, r*1.1, diamondSDF(r*1.08), c)
	case Triangle:
		p.fill(cx, cy, r*1.2, triangleSDF(r*1.12), c)
	case Ring:
		p.fill(cx, cy, r+1, ringSDF(r*0.86, max(r*0.28, 1.4)), c)
	default:
		p.fill(cx, cy, r, circleSDF(r), c)
	}
	if outline.a > 0 && s != Ring && s != DoubleRing {
		// A hairline keeps light fills apart from the background.
		p.fill(cx, cy, r+1, ringSDF(r, 0.8), outline)
	}
}

// line draws a one-pixel anti-aliased line (Xiaolin Wu) from (x0, y0) to
// (x1, y1). With dash > 0 it leaves gaps of dash pixels every dash pixels.
// Like fastLine's, its pixels and dashes do not depend on where the image
// cuts it.
func (p *painter) line(x0, y0, x1, y1 float64, c ink, dash float64) {
	lo, hi, ok := p.clipRange(x0, y0, x1, y1)
	if !ok {
		return
	}
	// The columns (rows when steep) of the part in the image.
	ca, cb := x0+lo*(x1-x0), x0+hi*(x1-x0)
	steep := math.Abs(y1-y0) > math.Abs(x1-x0)
	if steep {
		ca, cb = y0+lo*(y1-y0), y0+hi*(y1-y0)
		x0, y0, x1, y1 = y0, x0, y1, x1
	}
	if x0 > x1 {
		x0, x1, y0, y1 = x1, x0, y1, y0
	}
	ca, cb = min(ca, cb), max(ca, cb)
	dx := x1 - x0
	gradient := 1.0
	if dx > 0 {
		gradient = (y1 - y0) / dx
	}
	// Dashes are measured along the line.
	stepLen := math.Hypot(1, gradient)
	first := int(math.Round(x0))
	start := max(first, int(math.Floor(ca))-1)
	y := y0 + gradient*(math.Round(x0)-x0)
	if start > first {
		y += gradient * float64(start-first)
	}
	for x := start; x <= min(int(math.Round(x1)), int(math.Ceil(cb))+1); x++ {
		if dash > 0 && int(float64(x-first)*stepLen/dash)%2 == 1 {
			y += gradient
			continue
		}
		yi := math.Floor(y)
		f := y - yi
		if steep {
			p.blend(int(yi), x, c, 1-f)
			p.blend(int(yi)+1, x, c, f)
		} else {
			p.blend(x, int(yi), c, 1-f)
			p.blend(x, int(yi)+1, c, f)
		}
		y += gradient
	}
}

// thickLine draws a line width pixels wide with round ends.
// Its dashes are measured from (x0, y0) wherever the image cuts it.
func (p *painter) thickLine(x0, y0, x1, y1, width float64, c ink, dash float64) {
	cx0, cy0, cx1, cy1 := x0, y0, x1, y1
	if !p.clip(&cx0, &cy0, &cx1, &cy1) {
		return
	}
	length := math.Hypot(x1-x0, y1-y0)
	if length < 0.5 {
		return
	}
	ux, uy := (x1-x0)/length, (y1-y0)/length
	half := width / 2
	minX, maxX := int(math.Floor(min(cx0, cx1)-half-1)), int(math.Ceil(max(cx0, cx1)+half+1))
	minY, maxY := int(math.Floor(min(cy0, cy1)-half-1)), int(math.Ceil(max(cy0, cy1)+half+1))
	minX, minY = max(minX, 0), max(minY, 0)
	maxX, maxY = min(maxX, p.w-1), min(maxY, p.h-1)
	for y := minY; y <= maxY; y++ {
		for x := minX; x <= maxX; x++ {
			px, py := float64(x)+0.5-x0, float64(y)+0.5-y0
			t := px*ux + py*uy
			if dash > 0 && t > 0 && int(t/dash)%2 == 1 {
				continue
			}
			tc := min(max(t, 0), length)
			d := math.Hypot(px-tc*ux, py-tc*uy) - half
			if cov := 0.5 - d; cov > 0 {
				p.blend(x, y, c, cov)
			}
		}
	}
}

// arrowHead draws a filled arrow head with its tip at (x, y), pointing
// along (ux, uy), size pixels long.
func (p *painter) arrowHead(x, y, ux, uy, size float64, c ink) {
	// Corners of the head: the tip, and two points back and to the sides.
	bx, by := x-ux*size, y-uy*size
	ax, ay := bx-uy*size*0.5, by+ux*size*0.5
	cx, cy := bx+uy*size*0.5, by-ux*size*0.5
	minX, maxX := int(math.Floor(min(x, ax, cx))), int(math.Ceil(max(x, ax, cx)))
	minY, maxY := int(math.Floor(min(y, ay, cy))), int(math.Ceil(max(y, ay, cy)))
	minX, minY = max(minX, 0), max(minY, 0)
	maxX, maxY = min(maxX, p.w-1), min(maxY, p.h-1)
	edge := func(x0, y0, x1, y1, px, py float64) float64 {
		// Signed distance to the edge line, positive outside
		// (corners run counter-clockwise on screen).
		ex, ey := x1-x0, y1-y0
		l := math.Hypot(ex, ey)
		return ((px-x0)*ey - (py-y0)*ex) / l
	}
	for py := minY; py <= maxY; py++ {
		for px := minX; px <= maxX; px++ {
			fx, fy := float64(px)+0.5, float64(py)+0.5
			d := max(edge(x, y, ax, ay, fx, fy), edge(ax, ay, cx, cy, fx, fy), edge(cx, cy, x, y, fx, fy))
			if (ax-x)*(cy-y)-(ay-y)*(cx-x) < 0 {
				d = max(-edge(x, y, ax, ay, fx, fy), -edge(ax, ay, cx, cy, fx, fy), -edge(cx, cy, x, y, fx, fy))
			}
			if cov := 0.5 - d; cov > 0 {
				p.blend(px, py, c, cov)
			}
		}
	}
}

// clip trims a segment to the image (with a margin), Liang–Barsky, and
// reports whether any of it is left.
func (p *painter) clip(x0, y0, x1, y1 *float64) bool {
	lo, hi, ok := p.clipRange(*x0, *y0, *x1, *y1)
	if !ok {
		return false
	}
	ox, oy, dx, dy := *x0, *y0, *x1-*x0, *y1-*y0
	*x0, *y0 = ox+lo*dx, oy+lo*dy
	*x1, *y1 = ox+hi*dx, oy+hi*dy
	return true
}

// clipRange is the part of a segment inside the image (with a margin),
// Liang–Barsky, as fractions lo–hi of the way from (x0, y0) to (x1, y1);
// ok is false when none of it is.
func (p *painter) clipRange(x0, y0, x1, y1 float64) (lo, hi float64, ok bool) {
	const m = 2
	lo, hi = 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, e := range [4][2]float64{
		{-dx, x0 + m}, {dx, float64(p.w) + m - x0},
		{-dy, y0 + m}, {dy, float64(p.h) + m - y0},
	} {
		pp, q := e[0], e[1]
		if pp == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		t := q / pp
		if pp < 0 {
			lo = max(lo, t)
		} else {
			hi = min(hi, t)
		}
		if lo > hi {
			return 0, 0, false
		}
	}
	return lo, hi, true
}
