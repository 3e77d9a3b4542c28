// Package netmap is the relationship map widget: the user at the centre,
// people on rings by how close they are, in labelled sectors by group,
// sized by weight, drawn in the colour and shape the caller gives them, with
// the ties between them as lines. It knows nothing of the database or of
// what a stance is: the ui package turns people into Nodes and ties into
// Edges.
//
// Dense things (rings, sectors, edges and node glyphs) are painted into one
// raster; only the labels people read are canvas objects. Nothing runs on a
// timer: the map repaints when it is panned, zoomed, resized or given new
// data.
package netmap

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strconv"
)

// Shape is how a node is drawn, so that nodes differ by more than hue.
type Shape uint8

// The node shapes.
const (
	Circle     Shape = iota // a filled disc
	DoubleRing              // a filled disc inside a ring
	Square                  // a filled square
	Diamond                 // a filled square on its point
	Triangle                // a filled triangle pointing down
	Ring                    // an outline only
)

// Node is one person on the map.
type Node struct {
	ID    int64
	Label string // the name shown beside the node
	// Group is the sector the node sits in (a team or an organisation);
	// "" is gathered into a sector of its own.
	Group string
	// Distance from the centre, 0 (at the centre) to 1 (the outer ring).
	Distance float64
	Size     int // 1 (smallest) to 5 (largest)
	Color    color.NRGBA
	Shape    Shape
	Marked   bool // carries a small alert dot (overdue for contact)
	// Prominent nodes keep their label when zoomed out, and are named
	// first (the largest first), over other nodes if need be.
	Prominent bool
	// Key nodes are named before others that are neither prominent nor
	// tied to the selected node (the map's blockers and champions).
	Key bool
	// Dimmed nodes are drawn faint (archived people).
	Dimmed bool
}

// Edge is a line between two nodes, by their IDs.
type Edge struct {
	From, To int64
	Color    color.NRGBA
	Dashed   bool
	Arrow    bool // points at To
}

// Sector is one group's slice of the map, in radians clockwise from twelve
// o'clock.
type Sector struct {
	Label      string
	Start, End float64
	Count      int
}

// Mid is the angle in the middle of the sector.
func (s Sector) Mid() float64 { return (s.Start + s.End) / 2 }

// Ungrouped is the label of the sector of nodes without a group; rename
// it in Sectors to suit.
const Ungrouped = "No group"

// Geometry of the layout, in world units (pixels at zoom 1).
const (
	innerRadius = 56.0  // room for "You" at the centre
	minOuter    = 240.0 // the outer ring of a small network
	spacing     = 26.0  // about the room one node gets, for growing the map with the network
	maxSectors  = 14    // more groups than this are gathered into "Other"
	otherGroup  = "Other"
	cellSize    = 32.0 // of the hit-test grid: more than two of the largest nodes
	nodeGap     = 3.0  // kept between nodes where there is room
	spreadPass  = 10   // rounds of pushing overlapping nodes apart
	// radialGive is how far (as a share of the ring span) a node may move
	// off its exact warmth to make room: about two warmth points.
	radialGive = 0.02
)

// point is a position in world units, the user at (0, 0), y down.
type point struct{ x, y float64 }

// edgeRef is an edge by node positions.
type edgeRef struct {
	a, b int32
	edge *Edge
}

// Layout is where every node goes. It is computed once per network and
// kept while the user pans and zooms.
type Layout struct {
	Nodes   []Node
	Edges   []Edge
	Sectors []Sector
	// Outer is the radius of the outer ring, in world units.
	Outer float64
	// farthest is the farthest a node's centre is from the middle, in
	// world units (spreading nodes apart may push one past Outer).
	farthest float64

	pos    []point
	radius []float64 // node radius in world units
	index  map[int64]int
	refs   []edgeRef // edges with both ends on the map
	adj    [][]int32 // per node, its edges (indexes into refs)
	grid   grid
}

// NewLayout places nodes: each group gets a sector whose angle grows with
// its size (the largest first, from twelve o'clock clockwise); in its
// sector each node sits at a radius set by its Distance, its angle spread by
// the golden ratio so neighbours on a ring stay apart. The outer ring grows
// with the square root of the number of nodes, so density stays readable.
// Edges whose ends are not both nodes are left out. The layout depends only
// on its input: the same network is always drawn the same way.
func NewLayout(nodes []Node, edges []Edge) *Layout {
	l := &Layout{Nodes: nodes, Edges: edges, index: make(map[int64]int, len(nodes))}
	l.Outer = max(minOuter, innerRadius+spacing*math.Sqrt(float64(len(nodes))))
	for i, n := range nodes {
		l.index[n.ID] = i
	}
	groups := l.groupNodes()
	l.pos = make([]point, len(nodes))
	l.radius = make([]float64, len(nodes))
	bounds := make([]polarBounds, len(nodes))
	ringSpan := l.Outer - innerRadius - 18
	for gi, members := range groups {
		s := l.Sectors[gi]
		span := s.End - s.Start
		// Keep nodes off the sector's edges so neighbouring sectors read apart.
		pad := min(span*0.08, 0.06)
		for k, i := range members {
			n := nodes[i]
			f := math.Mod(float64(k)*0.6180339887498949+0.5/float64(len(members)), 1)
			angle := s.Start + pad + f*(span-2*pad)
			d := min(max(n.Distance, 0), 1)
			r := innerRadius + 18 + d*ringSpan
			l.pos[i] = point{r * math.Sin(angle), -r * math.Cos(angle)}
			l.radius[i] = nodeRadius(n.Size)
			bounds[i] = polarBounds{r - radialGive*ringSpan, r + radialGive*ringSpan,
				s.Start + pad/2, s.End - pad/2}
		}
	}
	l.spread(bounds)
	for _, p := range l.pos {
		l.farthest = max(l.farthest, math.Hypot(p.x, p.y))
	}
	l.linkEdges()
	l.buildGrid()
	return l
}

// polarBounds is where a node may be moved to make room: between two radii
// (about its warmth) and two angles (inside its sector).
type polarBounds struct{ rMin, rMax, aMin, aMax float64 }

// spread pushes overlapping nodes apart, each staying within its bounds,
// for a few rounds or until nothing overlaps. Where a sector is too
// crowded for everyone, some overlap remains: zooming in separates them.
func (l *Layout) spread(bounds []polarBounds) {
	for range spreadPass {
		l.buildGrid()
		moved := false
		for i := range l.pos {
			cx, cy := l.grid.cell(l.pos[i])
			for gx := cx - 1; gx <= cx+1; gx++ {
				for gy := cy - 1; gy <= cy+1; gy++ {
					for j := l.grid.first(gx, gy); j >= 0; j = l.grid.next[j] {
						if int(j) > i && l.separate(i, int(j), bounds) {
							moved = true
						}
					}
				}
			}
		}
		if !moved {
			return
		}
	}
}

// separate moves nodes i and j apart by half their overlap each, and
// reports whether they overlapped.
func (l *Layout) separate(i, j int, bounds []polarBounds) bool {
	p, q := l.pos[i], l.pos[j]
	need := l.radius[i] + l.radius[j] + nodeGap
	dx, dy := q.x-p.x, q.y-p.y
	dist := math.Sqrt(dx*dx + dy*dy)
	if dist >= need {
		return false
	}
	if dist < 1e-6 {
		// On top of each other: part them along the ring.
		a := math.Atan2(p.x, -p.y)
		dx, dy, dist = math.Cos(a), math.Sin(a), 1
	}
	push := (need - dist) / 2
	ux, uy := dx/dist, dy/dist
	l.pos[i] = bounds[i].clamp(point{p.x - ux*push, p.y - uy*push})
	l.pos[j] = bounds[j].clamp(point{q.x + ux*push, q.y + uy*push})
	return true
}

// clamp is the point of the bounds nearest to p, in polar terms.
func (b polarBounds) clamp(p point) point {
	r := min(max(math.Sqrt(p.x*p.x+p.y*p.y), b.rMin), b.rMax)
	a := math.Atan2(p.x, -p.y)
	if a < 0 {
		a += 2 * math.Pi
	}
	// A sector may straddle twelve o'clock only as its end reaching 2π.
	a = min(max(a, b.aMin), b.aMax)
	return point{r * math.Sin(a), -r * math.Cos(a)}
}

// nodeRadius is a node's radius in world units by its size 1–5.
func nodeRadius(size int) float64 { return 3.5 + 1.6*float64(min(max(size, 1), 5)) }

// groupNodes fills Sectors and returns the node positions in each, the
// members of a sector ordered by distance then label.
func (l *Layout) groupNodes() [][]int {
	names, byGroup := sectorGroups(l.Nodes)
	// Each sector's angle: its share of the nodes, with a floor so a
	// group of one still has room for its label.
	total := float64(len(l.Nodes))
	floor := max(total/float64(3*max(len(names), 1)), 1)
	var sum float64
	for _, g := range names {
		sum += float64(len(byGroup[g])) + floor
	}
	out := make([][]int, len(names))
	start := 0.0
	for i, g := range names {
		members := byGroup[g]
		slices.SortStableFunc(members, func(a, b int) int {
			na, nb := l.Nodes[a], l.Nodes[b]
			if c := cmp.Compare(na.Distance, nb.Distance); c != 0 {
				return c
			}
			return cmp.Compare(na.Label, nb.Label)
		})
		span := 2 * math.Pi * (float64(len(members)) + floor) / sum
		l.Sectors = append(l.Sectors, Sector{Label: g, Start: start, End: start + span, Count: len(members)})
		start += span
		out[i] = members
	}
	return out
}

// sectorGroups are the sectors' names in order, the largest groups
// first, and the indexes of the nodes in each: the smallest groups
// gathered into Other when there are more than maxSectors, the nameless
// (Ungrouped) and the gathered last.
func sectorGroups(nodes []Node) (names []string, byGroup map[string][]int) {
	byGroup = map[string][]int{}
	for i, n := range nodes {
		g := n.Group
		if g == "" {
			g = Ungrouped
		}
		byGroup[g] = append(byGroup[g], i)
	}
	names = make([]string, 0, len(byGroup))
	for g := range byGroup {
		names = append(names, g)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(len(byGroup[b]), len(byGroup[a])); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(names) > maxSectors {
		var other []int
		for _, g := range names[maxSectors-1:] {
			other = append(other, byGroup[g]...)
		}
		names = append(names[:maxSectors-1:maxSectors-1], otherGroup)
		byGroup[otherGroup] = other
	}
	for _, last := range []string{Ungrouped, otherGroup} {
		if i := slices.Index(names, last); i >= 0 && i < len(names)-1 {
			names = append(slices.Delete(names, i, i+1), last)
		}
	}
	return names, byGroup
}

// linkEdges resolves edges to node positions and indexes them by node.
func (l *Layout) linkEdges() {
	l.refs = make([]edgeRef, 0, len(l.Edges))
	l.adj = make([][]int32, len(l.Nodes))
	for i := range l.Edges {
		e := &l.Edges[i]
		a, okA := l.index[e.From]
		b, okB := l.index[e.To]
		if !okA || !okB || a == b {
			continue
		}
		r := int32(len(l.refs))
		l.refs = append(l.refs, edgeRef{a: int32(a), b: int32(b), edge: e})
		l.adj[a] = append(l.adj[a], r)
		l.adj[b] = append(l.adj[b], r)
	}
}

// buildGrid buckets nodes by position for hit tests.
func (l *Layout) buildGrid() { l.grid.build(l.pos, l.Outer+2*cellSize) }

// grid buckets points into square cells over a square around the centre:
// a linked list per cell, rebuilt without allocating.
type grid struct {
	side int     // cells across
	half float64 // world units from the centre to the grid's edge
	head []int32 // per cell, its first point, or -1
	next []int32 // per point, the next in its cell, or -1
}

func (g *grid) build(pos []point, half float64) {
	g.half = half
	g.side = int(math.Ceil(2*half/cellSize)) + 1
	cells := g.side * g.side
	if cap(g.head) < cells {
		g.head = make([]int32, cells)
	}
	g.head = g.head[:cells]
	for i := range g.head {
		g.head[i] = -1
	}
	if cap(g.next) < len(pos) {
		g.next = make([]int32, len(pos))
	}
	g.next = g.next[:len(pos)]
	for i, p := range pos {
		x, y := g.cell(p)
		c := y*g.side + x
		g.next[i] = g.head[c]
		g.head[c] = int32(i)
	}
}

// cell is the cell holding p, clamped to the grid.
func (g *grid) cell(p point) (int, int) {
	x := int((p.x + g.half) / cellSize)
	y := int((p.y + g.half) / cellSize)
	return min(max(x, 0), g.side-1), min(max(y, 0), g.side-1)
}

// first is the first point in cell (x, y), or -1 (also outside the grid).
func (g *grid) first(x, y int) int32 {
	if x < 0 || y < 0 || x >= g.side || y >= g.side {
		return -1
	}
	return g.head[y*g.side+x]
}

// Position is where the node with the given ID sits, in world units from
// the centre, and whether it is on the map.
func (l *Layout) Position(id int64) (x, y float64, ok bool) {
	i, ok := l.index[id]
	if !ok {
		return 0, 0, false
	}
	return l.pos[i].x, l.pos[i].y, true
}

// nodeAt is the node nearest to world point p within slack world units of
// its edge, or -1.
func (l *Layout) nodeAt(p point, slack float64) int {
	best, bestD := -1, math.Inf(1)
	reach := int(math.Ceil((slack + nodeRadius(5)) / cellSize))
	cx, cy := l.grid.cell(p)
	for gx := cx - reach; gx <= cx+reach; gx++ {
		for gy := cy - reach; gy <= cy+reach; gy++ {
			for i := l.grid.first(gx, gy); i >= 0; i = l.grid.next[i] {
				q := l.pos[i]
				d := math.Hypot(q.x-p.x, q.y-p.y) - l.radius[i]
				if d <= slack && d < bestD {
					best, bestD = int(i), d
				}
			}
		}
	}
	return best
}

// EdgeCount is the number of edges drawn: those with both ends on the map.
func (l *Layout) EdgeCount() int { return len(l.refs) }

// Neighbours are the IDs of the nodes tied to the node with the given ID.
func (l *Layout) Neighbours(id int64) []int64 {
	i, ok := l.index[id]
	if !ok {
		return nil
	}
	var out []int64
	for _, r := range l.adj[i] {
		o := l.refs[r].a
		if int(o) == i {
			o = l.refs[r].b
		}
		out = append(out, l.Nodes[o].ID)
	}
	return out
}

// sectorLabel is "Platform · 12".
func sectorLabel(s Sector) string { return s.Label + " · " + strconv.Itoa(s.Count) }
