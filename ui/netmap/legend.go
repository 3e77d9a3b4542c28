package netmap

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// legendSize is the side of a legend sample, in widget units.
const legendSize = 18

// NewGlyph is a legend sample of a node: its shape in its colour, with the
// alert dot when marked, drawn exactly as the map draws it.
func NewGlyph(shape Shape, c color.NRGBA, marked bool) fyne.CanvasObject {
	return newSample(func(p *painter, w, h int, scale float64) {
		cx, cy, r := float64(w)/2, float64(h)/2, 6*scale
		p.glyph(cx, cy, r, shape, inkOf(c, 1), inkOf(toNRGBA(theme.Color(theme.ColorNameForeground)), 0.35))
		if marked {
			dot := 2.6 * scale
			p.fill(cx+r*0.75, cy-r*0.75, dot, circleSDF(dot), inkOf(toNRGBA(theme.Color(theme.ColorNameError)), 1))
		}
	}, legendSize)
}

// NewEdgeSample is a legend sample of an edge: a short line in its colour
// and dash, with its arrow.
func NewEdgeSample(e Edge) fyne.CanvasObject {
	return newSample(func(p *painter, w, h int, scale float64) {
		y := float64(h) / 2
		c := inkOf(e.Color, 0.95)
		dash := 0.0
		if e.Dashed {
			dash = 3 * scale
		}
		end := float64(w) - 2*scale
		p.thickLine(2*scale, y, end, y, 1.6*scale, c, dash)
		if e.Arrow {
			p.arrowHead(end, y, 1, 0, 6*scale, c)
		}
	}, legendSize*1.6)
}

// newSample is a small raster painted by draw at its size in pixels.
func newSample(draw func(p *painter, w, h int, scale float64), width float32) fyne.CanvasObject {
	var p painter
	r := canvas.NewRaster(func(w, h int) image.Image {
		p.reset(w, h)
		draw(&p, w, h, float64(h)/legendSize)
		return p.img
	})
	r.SetMinSize(fyne.NewSize(width, legendSize))
	return container.NewCenter(r)
}
