package netmap

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// smallNetwork is a fixed network of six people in three groups.
func smallNetwork() ([]Node, []Edge) {
	green := color.NRGBA{0x00, 0x9E, 0x73, 0xFF}
	orange := color.NRGBA{0xE6, 0x9F, 0x00, 0xFF}
	grey := color.NRGBA{0x99, 0x99, 0x99, 0xFF}
	nodes := []Node{
		{ID: 1, Label: "Ana Ruiz", Group: "Platform", Distance: 0.1, Size: 5, Color: green, Shape: DoubleRing, Prominent: true},
		{ID: 2, Label: "Ben Ode", Group: "Platform", Distance: 0.6, Size: 3, Color: grey, Shape: Square},
		{ID: 3, Label: "Carla Diaz", Group: "Sales", Distance: 0.9, Size: 4, Color: orange, Shape: Diamond, Marked: true, Prominent: true},
		{ID: 4, Label: "Dan Wu", Group: "Sales", Distance: 0.4, Size: 2, Color: green, Shape: Circle},
		{ID: 5, Label: "Eve Stone", Group: "", Distance: 1, Size: 1, Color: grey, Shape: Ring, Marked: true},
		{ID: 6, Label: "Finn Lee", Group: "Design", Distance: 0.3, Size: 4, Color: orange, Shape: Triangle, Prominent: true},
	}
	edges := []Edge{
		{From: 2, To: 1, Color: grey, Arrow: true},
		{From: 1, To: 3, Color: grey, Arrow: true},
		{From: 4, To: 3, Color: green},
		{From: 6, To: 1, Color: orange, Dashed: true},
		{From: 5, To: 99, Color: grey}, // to nobody on the map: left out
	}
	return nodes, edges
}

// generated is a network of n people in thirty groups with three ties
// each, three in four within the group, like the sample network at scale.
func generated(n int) ([]Node, []Edge) {
	rng := rand.New(rand.NewPCG(1, 2))
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{ID: int64(i + 1), Label: fmt.Sprintf("Person %d", i+1),
			Group: fmt.Sprintf("Team %d", rng.IntN(30)), Distance: rng.Float64(), Size: 1 + rng.IntN(5),
			Shape:  Shape(rng.IntN(6)),
			Marked: rng.IntN(4) == 0}
		// One colour per shape, as the map gives each stance both.
		nodes[i].Color = color.NRGBA{uint8(40 * nodes[i].Shape), 0x80, 0x80, 0xFF}
		nodes[i].Prominent = nodes[i].Size >= 4
	}
	byGroup := map[string][]int64{}
	for _, nd := range nodes {
		byGroup[nd.Group] = append(byGroup[nd.Group], nd.ID)
	}
	edges := make([]Edge, 3*n)
	for i := range edges {
		from := int64(1 + rng.IntN(n))
		to := int64(1 + rng.IntN(n))
		if mates := byGroup[nodes[from-1].Group]; rng.IntN(4) > 0 {
			to = mates[rng.IntN(len(mates))]
		}
		edges[i] = Edge{From: from, To: to,
			Color: color.NRGBA{0x80, 0x80, 0x80, 0xFF}, Dashed: i%7 == 0, Arrow: i%2 == 0}
	}
	return nodes, edges
}

func TestLayoutPlacesByDistanceAndGroup(t *testing.T) {
	nodes, edges := smallNetwork()
	l := NewLayout(nodes, edges)
	if len(l.refs) != 4 {
		t.Errorf("%d edges on the map, want 4 (the one to nobody left out)", len(l.refs))
	}
	// Groups: the biggest first, the nameless last.
	var labels []string
	for _, s := range l.Sectors {
		labels = append(labels, s.Label)
	}
	if fmt.Sprint(labels) != "[Platform Sales Design No group]" {
		t.Errorf("sectors %v, want [Platform Sales Design No group]", labels)
	}
	// Warm (small distance) nodes sit nearer the centre than cold ones.
	dist := func(id int64) float64 {
		x, y, ok := l.Position(id)
		if !ok {
			t.Fatalf("node %d not placed", id)
		}
		return x*x + y*y
	}
	if !(dist(1) < dist(2) && dist(2) < dist(3) && dist(3) < dist(5)) {
		t.Errorf("radii out of order: %v %v %v %v", dist(1), dist(2), dist(3), dist(5))
	}
	// Each node's angle lies in its sector.
	for _, n := range nodes {
		x, y, _ := l.Position(n.ID)
		var s Sector
		for _, sec := range l.Sectors {
			if sec.Label == n.Group || (n.Group == "" && sec.Label == Ungrouped) {
				s = sec
			}
		}
		a := math.Atan2(x, -y) // clockwise from twelve o'clock
		if a < 0 {
			a += 2 * math.Pi
		}
		if a < s.Start || a > s.End {
			t.Errorf("%s at angle %.2f, outside its sector %.2f–%.2f", n.Label, a, s.Start, s.End)
		}
	}
	if got := fmt.Sprint(l.Neighbours(1)); got != "[2 3 6]" {
		t.Errorf("neighbours of 1 = %s, want [2 3 6]", got)
	}
	// The same input gives the same picture.
	again := NewLayout(nodes, edges)
	for _, n := range nodes {
		x1, y1, _ := l.Position(n.ID)
		x2, y2, _ := again.Position(n.ID)
		if x1 != x2 || y1 != y2 {
			t.Errorf("%s moved between two layouts of the same network", n.Label)
		}
	}
}

func TestLayoutGathersManyGroupsIntoOther(t *testing.T) {
	nodes, _ := generated(600)
	for i := range nodes {
		nodes[i].Group = fmt.Sprintf("Org %d", i%40)
	}
	l := NewLayout(nodes, nil)
	if len(l.Sectors) != maxSectors || l.Sectors[len(l.Sectors)-1].Label != otherGroup {
		t.Fatalf("%d sectors ending with %q, want %d ending with Other", len(l.Sectors), l.Sectors[len(l.Sectors)-1].Label, maxSectors)
	}
	total := 0
	for _, s := range l.Sectors {
		total += s.Count
	}
	if total != 600 {
		t.Errorf("sectors hold %d nodes, want 600", total)
	}
}

// newTestMap shows a map of the small network in a test window.
func newTestMap(t *testing.T) (*Map, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	m := New()
	m.SetLayout(NewLayout(smallNetwork()))
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(640, 480))
	return m, w
}

// onCanvas is a position in the map's coordinates as a position on the
// window's canvas.
func onCanvas(m *Map, pos fyne.Position) fyne.Position {
	return pos.Add(fyne.CurrentApp().Driver().AbsolutePositionForObject(m))
}

func TestTapSelectsTheNodeUnderThePointer(t *testing.T) {
	m, w := newTestMap(t)
	var tapped []int64
	m.OnTapped = func(id int64) { tapped = append(tapped, id) }
	for _, id := range []int64{3, 1, 6} {
		pos, ok := m.NodePosition(id)
		if !ok {
			t.Fatalf("node %d has no position", id)
		}
		test.TapCanvas(w.Canvas(), onCanvas(m, pos))
		if m.Selected() != id {
			t.Errorf("tapped node %d, selected %d", id, m.Selected())
		}
	}
	test.TapCanvas(w.Canvas(), onCanvas(m, fyne.NewPos(3, 3))) // a corner: nobody
	if fmt.Sprint(tapped) != "[3 1 6 0]" || m.Selected() != 0 {
		t.Errorf("tapped %v, selected %d; want [3 1 6 0] and nothing selected", tapped, m.Selected())
	}
}

func TestZoomKeepsThePointUnderThePointer(t *testing.T) {
	m, _ := newTestMap(t)
	before, _ := m.NodePosition(3)
	z := m.Zoom()
	m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: before}, Scrolled: fyne.Delta{DY: 20}})
	after, _ := m.NodePosition(3)
	if m.Zoom() <= z {
		t.Errorf("scrolling up zoomed from %.3f to %.3f, want closer", z, m.Zoom())
	}
	if d := after.Subtract(before); d.X*d.X+d.Y*d.Y > 0.01 {
		t.Errorf("node under the pointer moved by %v while zooming", d)
	}
	m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 30, DY: -10}})
	moved, _ := m.NodePosition(3)
	if moved.Subtract(after) != fyne.NewPos(30, -10) {
		t.Errorf("dragging by (30, -10) moved the node by %v", moved.Subtract(after))
	}
	m.FitAll()
	if m.Zoom() != z {
		t.Errorf("fit all zoom %.3f, want the first fit %.3f", m.Zoom(), z)
	}
	for i := 0; i < 40; i++ {
		m.ZoomOut()
	}
	if m.Zoom() < z/2-1e-9 {
		t.Errorf("zoomed out to %.3f, below half the fit %.3f", m.Zoom(), z)
	}
}

func TestMapImages(t *testing.T) {
	m, w := newTestMap(t)
	m.Tooltip = func(id int64) string { return fmt.Sprintf("person %d", id) }
	test.AssertImageMatches(t, "map_unselected.png", w.Canvas().Capture())
	m.Select(1)
	test.AssertImageMatches(t, "map_selected.png", w.Canvas().Capture())
	m.Select(0)
	m.SetHighlighted([]int64{4})
	test.AssertImageMatches(t, "map_search.png", w.Canvas().Capture())
}

func TestHoverShowsTooltip(t *testing.T) {
	m, w := newTestMap(t)
	m.Tooltip = func(id int64) string { return fmt.Sprintf("Tip for %d", id) }
	pos, _ := m.NodePosition(2)
	test.MoveMouse(w.Canvas(), onCanvas(m, pos))
	if !rendersText(m, "Tip for 2") {
		t.Error("hovering node 2 shows no tooltip")
	}
	test.MoveMouse(w.Canvas(), onCanvas(m, fyne.NewPos(2, 2)))
	if rendersText(m, "Tip for 2") {
		t.Error("the tooltip stays after the pointer left the node")
	}
}

func rendersText(m *Map, s string) bool {
	for _, o := range test.WidgetRenderer(m).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == s {
			return true
		}
	}
	return false
}

func BenchmarkLayout(b *testing.B) {
	nodes, edges := generated(5000)
	b.ReportAllocs()
	for b.Loop() {
		NewLayout(nodes, edges)
	}
}

// BenchmarkRepaint is what a pan costs on the 5,000-person map with 15,000
// ties at 1280×800, fitted into view (everything on screen, the worst
// case): placing the labels and painting the picture. Target ≤ 16 ms.
func BenchmarkRepaint(b *testing.B) {
	test.NewTempApp(b)
	nodes, edges := generated(5000)
	m := New()
	r := test.WidgetRenderer(m).(*mapRenderer)
	r.Layout(fyne.NewSize(1280, 800))
	m.SetLayout(NewLayout(nodes, edges))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.ox += float64(i%2*2 - 1) // a pan, one unit left or right
		r.place()
		m.paintView(1280, 800, 1)
	}
	if r.shown == 0 || r.shown > maxLabels {
		b.Errorf("%d labels placed, want some and at most %d", r.shown, maxLabels)
	}
}

// BenchmarkRepaintSelect is BenchmarkRepaint when every frame changes what
// the ties look like (a click selecting one person, then another), so
// that nothing of the last frame can be reused: the cost of a frame
// painted from nothing.
func BenchmarkRepaintSelect(b *testing.B) {
	test.NewTempApp(b)
	nodes, edges := generated(5000)
	m := New()
	r := test.WidgetRenderer(m).(*mapRenderer)
	r.Layout(fyne.NewSize(1280, 800))
	m.SetLayout(NewLayout(nodes, edges))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.selected = nodes[i%2*100].ID
		r.place()
		m.paintView(1280, 800, 1)
	}
}

// Zoomed out on a big network, only prominent nodes are named, no two
// labels overlap, and the selected node is always named.
func TestLabelsOnABigMapNameOnlyTheProminent(t *testing.T) {
	test.NewTempApp(t)
	nodes, edges := generated(600)
	m := New()
	r := test.WidgetRenderer(m).(*mapRenderer)
	r.Layout(fyne.NewSize(800, 600))
	m.SetLayout(NewLayout(nodes, edges))
	var quiet int64
	for _, n := range nodes {
		if !n.Prominent {
			quiet = n.ID
			break
		}
	}
	m.Select(quiet)
	r.place()
	if m.Zoom() >= labelZoom {
		t.Fatalf("zoom %.2f: the test needs a zoomed-out map", m.Zoom())
	}
	named := map[string]bool{}
	for _, lb := range r.labels[:r.shown] {
		named[lb.Text] = true
	}
	tied := map[int64]bool{}
	for _, id := range m.layout.Neighbours(quiet) {
		tied[id] = true
	}
	for _, n := range nodes {
		if named[n.Label] && !n.Prominent && n.ID != quiet && !tied[n.ID] {
			t.Errorf("%s is named though neither prominent nor selected", n.Label)
		}
	}
	if !named[nodes[quiet-1].Label] {
		t.Errorf("the selected node %s is not named", nodes[quiet-1].Label)
	}
	for i, a := range m.labelBoxes {
		for _, b := range m.labelBoxes[i+1:] {
			if a.overlaps(b) {
				t.Fatalf("labels overlap: %v and %v", a, b)
			}
		}
	}
}

// placedMap is a map of nodes and edges laid out in a w×h view, its
// labels placed.
func placedMap(tb testing.TB, nodes []Node, edges []Edge, w, h float32) (*Map, *mapRenderer) {
	tb.Helper()
	test.NewTempApp(tb)
	m := New()
	r := test.WidgetRenderer(m).(*mapRenderer)
	r.Layout(fyne.NewSize(w, h))
	m.SetLayout(NewLayout(nodes, edges))
	r.place()
	return m, r
}

// checkLabelBoxes fails when two labels overlap, one covers a sector's
// name or the centre, or one leaves the view.
func checkLabelBoxes(t *testing.T, m *Map) {
	t.Helper()
	for i, a := range m.labelBoxes {
		for _, b := range m.labelBoxes[i+1:] {
			if a.overlaps(b) {
				t.Fatalf("labels overlap: %v and %v", a, b)
			}
		}
		for _, s := range m.reserved {
			if a.overlaps(s) {
				t.Fatalf("label %v covers a sector's name or the centre %v", a, s)
			}
		}
		if a.x0 < 0 || a.y0 < 0 || a.x1 > float64(m.size.Width) || a.y1 > float64(m.size.Height) {
			t.Fatalf("label %v leaves the %v view", a, m.size)
		}
	}
}

func TestLabelsNeverOverlap(t *testing.T) {
	nodes, edges := generated(600)
	small, smallEdges := smallNetwork()
	tests := []struct {
		name  string
		nodes []Node
		edges []Edge
		w, h  float32
		zoom  int // steps in from the fit
	}{
		{"small network", small, smallEdges, 640, 480, 0},
		{"small network in a small view", small, smallEdges, 200, 200, 0},
		{"big network fitted", nodes, edges, 800, 600, 0},
		{"big network zoomed in", nodes, edges, 800, 600, 6},
		{"big network in a wide view", nodes, edges, 1600, 900, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, r := placedMap(t, tt.nodes, tt.edges, tt.w, tt.h)
			for range tt.zoom {
				m.ZoomIn()
			}
			r.place()
			if r.shown == 0 {
				t.Fatal("no label placed")
			}
			checkLabelBoxes(t, m)
		})
	}
}

// Labels go in order of importance: the selected node, the prominent
// (the largest first), the selected node's ties, key nodes, marked nodes,
// then the rest by size; and when room is short, the prominent are named
// more often than the rest.
func TestLabelsFollowImportance(t *testing.T) {
	nodes, edges := generated(70)
	for i := range nodes {
		nodes[i].Key = i%5 == 0
	}
	m, r := placedMap(t, nodes, edges, 260, 260)
	m.Select(nodes[40].ID)
	r.place()
	got := m.Labelled()
	if len(got) == 0 || got[0] != nodes[40].ID {
		t.Fatalf("labelled %v, want the selected node %d first", got, nodes[40].ID)
	}
	neighbour := m.neighbours()
	last := -1
	for _, id := range got {
		n := nodes[id-1]
		k := m.labelRank(n, neighbour)*5 + 5 - n.Size
		if k < last {
			t.Errorf("%s (rank %d, size %d) placed after a less important label", n.Label, m.labelRank(n, neighbour), n.Size)
		}
		last = k
	}
	named := map[int64]bool{}
	for _, id := range got {
		named[id] = true
	}
	var prominent, prominentNamed, rest, restNamed int
	for _, n := range nodes {
		if n.Prominent {
			prominent++
			if named[n.ID] {
				prominentNamed++
			}
		} else {
			rest++
			if named[n.ID] {
				restNamed++
			}
		}
	}
	if restNamed == rest {
		t.Fatalf("everyone named in a 260×260 view: the test needs a crowded map")
	}
	if prominentNamed*rest < restNamed*prominent {
		t.Errorf("named %d of %d prominent nodes and %d of %d others: want the prominent first",
			prominentNamed, prominent, restNamed, rest)
	}
	checkLabelBoxes(t, m)
}

// Zooming in on a big map names people who had no room zoomed out.
func TestZoomingInRevealsMoreLabels(t *testing.T) {
	nodes, edges := generated(600)
	m, r := placedMap(t, nodes, edges, 800, 600)
	before := map[int64]bool{}
	for _, id := range m.Labelled() {
		before[id] = true
	}
	for range 6 {
		m.ZoomIn()
	}
	r.place()
	revealed := 0
	for _, id := range m.Labelled() {
		if !before[id] {
			revealed++
		}
	}
	if revealed < 10 {
		t.Errorf("zooming in named %d people not named before, want at least 10", revealed)
	}
}

// BenchmarkPlaceLabels is what placing the labels costs on every paint
// and resize, fitted at 1280×800: on a map the size of the sample network
// (40 people) and on 2,000 people.
func BenchmarkPlaceLabels(b *testing.B) {
	for _, n := range []int{40, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			nodes, edges := generated(n)
			m, r := placedMap(b, nodes, edges, 1280, 800)
			fg := color.White
			b.ReportAllocs()
			for b.Loop() {
				r.objects = r.objects[:0]
				r.placeLabels(fg, 14)
			}
			if len(m.labelled) == 0 {
				b.Error("no label placed")
			}
		})
	}
}

func TestTipLines(t *testing.T) {
	chars := func(s string) float64 { return float64(len([]rune(s))) }
	for _, tc := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"Ana · VP · warmth 40", 40, []string{"Ana · VP · warmth 40"}},
		{"Ana · VP · warmth 40", 10, []string{"Ana · VP", "warmth 40"}},
		{"Ana · VP · warmth 40", 4, []string{"Ana", "VP", "warmth 40"}}, // a long part keeps its own line
		{"a · b · c · d · e · f · g · h", 1, []string{"a", "b", "c", "d", "e", "f · g · h"}},
	} {
		if got := tipLines(tc.text, tc.width, chars); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("tipLines(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

func TestTipPosition(t *testing.T) {
	view := fyne.NewSize(400, 300)
	for _, tc := range []struct {
		name string
		at   fyne.Position
		box  fyne.Size
		want fyne.Position
	}{
		{"room below right", fyne.NewPos(10, 10), fyne.NewSize(100, 30), fyne.NewPos(24, 28)},
		{"near the right edge: left of the pointer", fyne.NewPos(380, 10), fyne.NewSize(100, 30), fyne.NewPos(274, 28)},
		{"near the bottom: above", fyne.NewPos(10, 290), fyne.NewSize(100, 30), fyne.NewPos(24, 254)},
		{"wider than either side: kept inside", fyne.NewPos(200, 10), fyne.NewSize(350, 30), fyne.NewPos(0, 28)},
	} {
		if got := tipPosition(tc.at, tc.box, view); got != tc.want {
			t.Errorf("%s: tipPosition = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A long tooltip on a node at the map's right edge is broken into lines
// and stays inside the map, where nothing beside it covers it.
func TestLongTooltipStaysInsideTheMap(t *testing.T) {
	m, w := newTestMap(t)
	w.Resize(fyne.NewSize(360, 360))
	m.Tooltip = func(id int64) string {
		return "Maximiliane Oyelaran-Castellanos · Head of Data Platform Engineering · Data · Northwind · Champion · warmth 62 · overdue for contact"
	}
	pos, _ := m.NodePosition(2) // Ben, on the right
	test.MoveMouse(w.Canvas(), onCanvas(m, pos))
	r := test.WidgetRenderer(m).(*mapRenderer)
	if r.tipLines[1].Text == "" {
		t.Errorf("the long tooltip is one line %q in a 360-wide map", r.tipLines[0].Text)
	}
	box := rect{float64(r.tipBox.Position().X), float64(r.tipBox.Position().Y),
		float64(r.tipBox.Position().X + r.tipBox.Size().Width), float64(r.tipBox.Position().Y + r.tipBox.Size().Height)}
	if box.x1-box.x0 < 10 || box.x0 < 0 || box.y0 < 0 || box.x1 > float64(m.Size().Width) || box.y1 > float64(m.Size().Height) {
		t.Errorf("tooltip box %v leaves the %v map", box, m.Size())
	}
	if text := allText(m); !strings.Contains(text, "Maximiliane Oyelaran-Castellanos") || !strings.Contains(text, "overdue for contact") {
		t.Errorf("the tooltip reads %q, want all of it over several lines", allText(m))
	}
}

func allText(m *Map) string {
	var out []string
	for _, o := range test.WidgetRenderer(m).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			out = append(out, tx.Text)
		}
	}
	return strings.Join(out, " | ")
}
