package netmap

import (
	"image/color"
	"math"
)

// backdropMargin is how far past the view's sides, in pixels, the backdrop
// is painted where the map goes on: a pan that far reuses it.
const backdropMargin = 160

// backdrop is the map's guides and ties, the bulk of a frame on a big
// network, painted once and reused while only the pan changes: a pan
// then copies it, shifted, instead of drawing 15,000 lines again. It is
// painted again when anything it shows changes (zoom, selection, search,
// theme, layout) or the pan leaves what it covers.
type backdrop struct {
	p   painter
	key backdropKey
	// x0, y0 are where its top-left pixel was in the view, and ox, oy
	// where the map's centre was, in pixels, when it was painted.
	x0, y0 int
	ox, oy float64
	valid  bool
}

// backdropKey is everything besides the pan that the backdrop depends on.
type backdropKey struct {
	layout       *Layout
	z, ns, scale float64
	sel          int
	searching    bool
	fg           color.NRGBA
}

// box is a rectangle of pixels, x0 ≤ x < x1, y0 ≤ y < y1.
type box struct{ x0, y0, x1, y1 int }

func (b box) empty() bool { return b.x0 >= b.x1 || b.y0 >= b.y1 }

func (b box) intersect(o box) box {
	return box{max(b.x0, o.x0), max(b.y0, o.y0), min(b.x1, o.x1), min(b.y1, o.y1)}
}

func (b box) contains(o box) bool {
	return o.empty() || (o.x0 >= b.x0 && o.y0 >= b.y0 && o.x1 <= b.x1 && o.y1 <= b.y1)
}

// reach is the box, in the view's pixels, outside which the guides and
// ties leave no pixel: the outer ring and the sector dividers past it,
// the farthest node, and room for thick lines and smoothing.
func (v *view) reach() box {
	r := max(v.l.Outer+10, v.l.farthest)*v.z + 10*v.scale + 4
	return box{int(math.Floor(v.ox - r)), int(math.Floor(v.oy - r)), int(math.Ceil(v.ox + r)), int(math.Ceil(v.oy + r))}
}

// paintBackdrop paints the guides and ties into the view's painter,
// which it sizes to the view: from the backdrop when only the pan
// changed (by whole pixels) and it covers what shows, else painting the
// backdrop again first.
func (v *view) paintBackdrop(b *backdrop) {
	key := backdropKey{layout: v.l, z: v.z, ns: v.ns, scale: v.scale, sel: v.sel,
		searching: v.m.highlighted != nil, fg: v.fg}
	dx, dy := v.ox-b.ox, v.oy-b.oy
	sx, sy := int(dx), int(dy)
	lw, lh := b.p.w, b.p.h
	have := box{b.x0 + sx, b.y0 + sy, b.x0 + sx + lw, b.y0 + sy + lh}
	need := v.reach().intersect(box{0, 0, v.w, v.h})
	if !b.valid || b.key != key || dx != float64(sx) || dy != float64(sy) || !have.contains(need) {
		have = b.paint(v, key)
		sx, sy = 0, 0
	}
	v.p.size(v.w, v.h)
	for y := range v.h {
		row := v.p.img.Pix[y*v.p.img.Stride : y*v.p.img.Stride+v.w*4]
		if y < have.y0 || y >= have.y1 || have.x0 >= v.w || have.x1 <= 0 {
			clear(row)
			continue
		}
		from := max(have.x0, 0)
		to := min(have.x1, v.w)
		src := b.p.img.Pix[(y-have.y0)*b.p.img.Stride:]
		clear(row[:from*4])
		copy(row[from*4:to*4], src[(from-have.x0)*4:(to-have.x0)*4])
		clear(row[to*4:])
	}
}

// paint paints the backdrop for v over the view and as much of the map
// around it as lies within backdropMargin, and returns the box it covers
// in the view's pixels.
func (b *backdrop) paint(v *view, key backdropKey) box {
	r := v.reach()
	// The view itself always, so that a map wholly in view is painted at
	// the same coordinates as the view's.
	area := box{
		max(min(0, r.x0), -backdropMargin), max(min(0, r.y0), -backdropMargin),
		min(max(v.w, r.x1), v.w+backdropMargin), min(max(v.h, r.y1), v.h+backdropMargin),
	}
	b.p.reset(area.x1-area.x0, area.y1-area.y0)
	bv := *v
	bv.p, bv.w, bv.h = &b.p, b.p.w, b.p.h
	bv.ox, bv.oy = v.ox-float64(area.x0), v.oy-float64(area.y0)
	bv.paintGuides()
	bv.paintEdges()
	b.key, b.valid = key, true
	b.x0, b.y0, b.ox, b.oy = area.x0, area.y0, v.ox, v.oy
	return area
}
