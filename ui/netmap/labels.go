package netmap

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Label placement, in widget units.
const (
	labelGap   = 3.0  // between a node's edge and a label beside it
	leaderNear = 12.0 // how much further off a label on a leader line sits
	leaderFar  = 28.0 // and, when that is taken too, further still
	viewInset  = 2.0  // labels keep this far inside the view
	labelCellW = 64.0 // of the grid of placed labels
	labelCellH = 24.0
	// mustName is the first rank named only where it covers no other
	// node (see Map.mustName).
	mustName = 4
	// labelRanks is how many ranks labelRank gives.
	labelRanks = 8
)

// rect is a box in widget units.
type rect struct{ x0, y0, x1, y1 float64 }

func (a rect) overlaps(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// touchesCircle reports whether the box reaches the circle of radius r
// around (cx, cy).
func (a rect) touchesCircle(cx, cy, r float64) bool {
	dx := cx - min(max(cx, a.x0), a.x1)
	dy := cy - min(max(cy, a.y0), a.y1)
	return dx*dx+dy*dy < r*r
}

// segment is a leader line from a node to its label, in widget units.
type segment struct{ x0, y0, x1, y1 float64 }

// labelDirs are the spots tried around a node, in order of preference:
// right, left, above, below, then the diagonals.
var labelDirs = [8][2]float64{{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}}

// labelSpot is the box of a w×h label in direction dir at d from (x, y):
// beside the point to the right or left, centred above or below it, or
// off a corner.
func labelSpot(x, y, w, h, d float64, dir [2]float64) rect {
	if dir[0] != 0 && dir[1] != 0 {
		d *= 0.72 // a corner as far off as a side
	}
	var x0, y0 float64
	switch {
	case dir[0] > 0:
		x0 = x + d
	case dir[0] < 0:
		x0 = x - d - w
	default:
		x0 = x - w/2
	}
	switch {
	case dir[1] > 0:
		y0 = y + d
	case dir[1] < 0:
		y0 = y - d - h
	default:
		y0 = y - h/2
	}
	return rect{x0, y0, x0 + w, y0 + h}
}

// labelGrid buckets placed label boxes by the cells of the view they
// cover, so a new box is tested against its neighbours only.
type labelGrid struct {
	cols, rows int
	cells      [][]int32
	boxes      []rect
}

func (g *labelGrid) reset(w, h float64) {
	g.cols, g.rows = max(int(w/labelCellW)+1, 1), max(int(h/labelCellH)+1, 1)
	if n := g.cols * g.rows; cap(g.cells) < n {
		g.cells = make([][]int32, n)
	} else {
		g.cells = g.cells[:n]
		for i := range g.cells {
			g.cells[i] = g.cells[i][:0]
		}
	}
	g.boxes = g.boxes[:0]
}

// span is the cells a box covers, clamped to the view.
func (g *labelGrid) span(b rect) (x0, y0, x1, y1 int) {
	cl := func(v float64, n int, cell float64) int { return min(max(int(v/cell), 0), n-1) }
	return cl(b.x0, g.cols, labelCellW), cl(b.y0, g.rows, labelCellH), cl(b.x1, g.cols, labelCellW), cl(b.y1, g.rows, labelCellH)
}

func (g *labelGrid) add(b rect) {
	k := int32(len(g.boxes))
	g.boxes = append(g.boxes, b)
	x0, y0, x1, y1 := g.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			g.cells[y*g.cols+x] = append(g.cells[y*g.cols+x], k)
		}
	}
}

// hits reports whether b overlaps a placed box.
func (g *labelGrid) hits(b rect) bool {
	x0, y0, x1, y1 := g.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, k := range g.cells[y*g.cols+x] {
				if b.overlaps(g.boxes[k]) {
					return true
				}
			}
		}
	}
	return false
}

// placement is one run of label placement over the current view.
type placement struct {
	m        *Map
	w, h     float64 // the view
	ns       float64 // node glyph scale
	reserved []rect  // sector names and the centre
	grid     *labelGrid
}

// nodeHits counts the nodes other than own whose glyph the box covers,
// stopping at limit.
func (p *placement) nodeHits(b rect, own, limit int) int {
	m, l := p.m, p.m.layout
	reach := nodeRadius(5)*p.ns + 1
	toWorld := func(x, y float64) point { return point{(x - m.ox) / m.zoom, (y - m.oy) / m.zoom} }
	cx0, cy0 := l.grid.cell(toWorld(b.x0-reach, b.y0-reach))
	cx1, cy1 := l.grid.cell(toWorld(b.x1+reach, b.y1+reach))
	hits := 0
	for gy := cy0; gy <= cy1; gy++ {
		for gx := cx0; gx <= cx1; gx++ {
			for i := l.grid.first(gx, gy); i >= 0; i = l.grid.next[i] {
				if int(i) == own {
					continue
				}
				q := l.pos[i]
				if b.touchesCircle(m.ox+q.x*m.zoom, m.oy+q.y*m.zoom, l.radius[i]*p.ns+1) {
					if hits++; hits >= limit {
						return hits
					}
				}
			}
		}
	}
	return hits
}

// free reports whether b lies in the view clear of the reserved boxes
// and of the labels placed.
func (p *placement) free(b rect) bool {
	if b.x0 < viewInset || b.y0 < viewInset || b.x1 > p.w-viewInset || b.y1 > p.h-viewInset {
		return false
	}
	for _, r := range p.reserved {
		if b.overlaps(r) {
			return false
		}
	}
	return !p.grid.hits(b)
}

// spot finds where node i's w×h label goes: the first spot around it,
// beside the node then (on a small map, or for a node that must be
// named) further off on a leader line, that covers no other node; failing that, for a node that must be named, the free spot
// covering the fewest. ok is false when there is none.
func (p *placement) spot(i int, w, h float64, must bool) (box rect, leader bool, ok bool) {
	m, l := p.m, p.m.layout
	q := l.pos[i]
	x, y := m.ox+q.x*m.zoom, m.oy+q.y*m.zoom
	nr := l.radius[i] * p.ns
	best, bestHits, bestLeader := rect{}, math.MaxInt, false
	offsets := [3]float64{labelGap, labelGap + leaderNear, labelGap + leaderFar}
	rings := 1 // on a big map, only beside the node: leaders would tangle
	if must || len(l.Nodes) <= fewNodes {
		rings = len(offsets)
	}
	for k, off := range offsets[:rings] {
		for _, dir := range labelDirs {
			b := labelSpot(x, y, w, h, nr+off, dir)
			if !p.free(b) {
				continue
			}
			limit := 1
			if must {
				limit = min(bestHits, 8)
			}
			hits := p.nodeHits(b, i, limit)
			if hits == 0 {
				return b, k > 0, true
			}
			if hits < bestHits {
				best, bestHits, bestLeader = b, hits, k > 0
			}
		}
	}
	if must && bestHits < math.MaxInt {
		return best, bestLeader, true
	}
	return rect{}, false, false
}

// leaderLine is the line from node i's edge to the nearest point of its
// label's box.
func (p *placement) leaderLine(i int, b rect) segment {
	m, l := p.m, p.m.layout
	q := l.pos[i]
	x, y := m.ox+q.x*m.zoom, m.oy+q.y*m.zoom
	ex, ey := min(max(x, b.x0), b.x1), min(max(y, b.y0), b.y1)
	d := math.Hypot(ex-x, ey-y)
	if d < 1 {
		return segment{x, y, ex, ey}
	}
	r := l.radius[i]*p.ns + 1.5
	return segment{x + (ex-x)/d*r, y + (ey-y)/d*r, ex, ey}
}

// placeLabels names the nodes that matter most without letting labels
// overlap each other, the sector names or (where it can) other nodes:
// the selected node, search matches, prominent nodes (the largest first),
// the selected node's ties, key nodes, marked nodes, then the rest by
// size; zoomed out on a big map only the first of these. Each label tries
// spots around its node, then further off with a leader line; one that
// finds no spot is left out.
func (r *mapRenderer) placeLabels(fg color.Color, size float32) {
	m := r.m
	r.shown = 0
	m.labelBoxes, m.leaders, m.labelled = m.labelBoxes[:0], m.leaders[:0], m.labelled[:0]
	if len(m.layout.Nodes) == 0 {
		return
	}
	neighbour := m.neighbours()
	p := &placement{m: m, w: float64(m.size.Width), h: float64(m.size.Height),
		ns: nodeScale(m.zoom), reserved: m.reserved, grid: &m.labelGrid}
	p.grid.reset(p.w, p.h)
	widths := m.labelWidths(size)
	h := math.Ceil(float64(size) * 1.35)
	for _, bucket := range m.labelCandidates(neighbour) {
		for _, i := range bucket {
			if r.shown >= maxLabels {
				return
			}
			n := m.layout.Nodes[i]
			w := widths[i]
			if n.ID == m.selected {
				w = float64(fyne.MeasureText(n.Label, size, fyne.TextStyle{Bold: true}).Width)
			}
			box, leader, ok := p.spot(i, w+6, h, m.mustName(m.labelRank(n, neighbour)))
			if !ok {
				continue
			}
			p.grid.add(rect{box.x0 - 1, box.y0 - 1, box.x1 + 1, box.y1 + 1})
			if leader {
				m.leaders = append(m.leaders, p.leaderLine(i, box))
			}
			r.showLabel(i, box, fg, size, neighbour)
		}
	}
}

// mustName reports whether a label of the given rank takes a spot over
// other nodes when no clear one is left: the selected node and search
// matches always, the prominent on a map small enough to name everyone.
func (m *Map) mustName(rank int) bool {
	return rank < 2 || (rank < mustName && len(m.layout.Nodes) <= fewNodes)
}

// labelWidths are the widths of the nodes' labels at size, measured once
// per layout and text size.
func (m *Map) labelWidths(size float32) []float64 {
	if m.widthsOf != m.layout || m.widthsAt != size || len(m.widths) != len(m.layout.Nodes) {
		m.widths = make([]float64, len(m.layout.Nodes))
		for i, n := range m.layout.Nodes {
			m.widths[i] = float64(fyne.MeasureText(n.Label, size, fyne.TextStyle{}).Width)
		}
		m.widthsOf, m.widthsAt = m.layout, size
	}
	return m.widths
}

// neighbours are the IDs of the nodes tied to the selected one.
func (m *Map) neighbours() map[int64]bool {
	neighbour := map[int64]bool{}
	if m.selected != 0 {
		for _, id := range m.layout.Neighbours(m.selected) {
			neighbour[id] = true
		}
	}
	return neighbour
}

// labelRank is how much node n deserves a label, 0 the most; -1 for none.
func (m *Map) labelRank(n Node, neighbour map[int64]bool) int {
	switch {
	case n.ID == m.selected:
		return 0
	case m.highlighted[n.ID]:
		return 1
	case m.highlighted != nil && !neighbour[n.ID]:
		return -1 // while searching, only matches and ties are named
	case n.Prominent && n.Size >= 5:
		return 2
	case n.Prominent:
		return 3
	case neighbour[n.ID]:
		return 4
	case m.zoom < labelZoom && len(m.layout.Nodes) > fewNodes:
		return -1 // zoomed out on a big map: only those above
	case n.Key:
		return 5
	case n.Marked:
		return 6
	}
	return 7
}

// labelCandidates are the indexes of the nodes to name, bucketed by rank
// and then size (cheaper than sorting thousands), the most deserving
// first; within a bucket in the layout's order.
func (m *Map) labelCandidates(neighbour map[int64]bool) [labelRanks * 5][]int {
	var buckets [labelRanks * 5][]int
	for i, n := range m.layout.Nodes {
		if k := m.labelRank(n, neighbour); k >= 0 {
			b := k*5 + 5 - min(max(n.Size, 1), 5)
			buckets[b] = append(buckets[b], i)
		}
	}
	return buckets
}

// showLabel shows node i's name in box, faint when the node is dimmed or
// another is selected (but not its neighbours), and keeps the box for
// the backing painted under it.
func (r *mapRenderer) showLabel(i int, box rect, fg color.Color, size float32, neighbour map[int64]bool) {
	m := r.m
	n := m.layout.Nodes[i]
	t := r.label(r.shown)
	r.shown++
	t.Text = n.Label
	t.TextSize = size
	t.TextStyle.Bold = n.ID == m.selected
	t.Color = fg
	if n.Dimmed || (m.selected != 0 && n.ID != m.selected && !neighbour[n.ID]) {
		t.Color = theme.Color(theme.ColorNameDisabled)
	}
	ts := t.MinSize()
	t.Resize(ts)
	cy := (box.y0 + box.y1) / 2
	t.Move(fyne.NewPos(float32(box.x0+3), float32(cy)-ts.Height/2))
	m.labelBoxes = append(m.labelBoxes, box)
	m.labelled = append(m.labelled, n.ID)
	r.objects = append(r.objects, t)
}

func (r *mapRenderer) label(i int) *canvas.Text {
	for len(r.labels) <= i {
		r.labels = append(r.labels, canvas.NewText("", color.Black))
	}
	return r.labels[i]
}

// Labelled are the IDs of the nodes named in the view on show, in the
// order they were placed: the most deserving first.
func (m *Map) Labelled() []int64 { return slices.Clone(m.labelled) }
