package netmap

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestClipEdge(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		ax, ay, bx, by, ra, rb float64
		want                   [6]float64
		ok                     bool
	}{
		{"across", 0, 0, 10, 0, 2, 3, [6]float64{2, 0, 7, 0, 1, 0}, true},
		{"downwards", 0, 0, 0, 20, 5, 5, [6]float64{0, 5, 0, 15, 0, 1}, true},
		{"circles touch", 0, 0, 10, 0, 5, 5, [6]float64{}, false},
		{"under a pixel", 0, 0, 0.5, 0, 0, 0, [6]float64{}, false},
	} {
		x0, y0, x1, y1, ux, uy, ok := clipEdge(tc.ax, tc.ay, tc.bx, tc.by, tc.ra, tc.rb)
		if got := [6]float64{x0, y0, x1, y1, ux, uy}; got != tc.want || ok != tc.ok {
			t.Errorf("%s: got %v %v, want %v %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestEdgeOpacity(t *testing.T) {
	for _, tc := range []struct {
		edges int
		want  float64
	}{
		{0, 0.6}, {150, 0.6}, {600, 0.3}, {100000, 0.14},
	} {
		if got := edgeOpacity(tc.edges); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("edgeOpacity(%d) = %v, want %v", tc.edges, got, tc.want)
		}
	}
}

func TestSectorGroups(t *testing.T) {
	nodes := []Node{{Group: "B"}, {Group: ""}, {Group: "A"}, {Group: "B"}, {Group: "C"}, {Group: "C"}}
	names, byGroup := sectorGroups(nodes)
	if want := []string{"B", "C", "A", Ungrouped}; !slices.Equal(names, want) {
		t.Errorf("names = %v, want %v (largest first, ties by name, the nameless last)", names, want)
	}
	if got := byGroup["B"]; !slices.Equal(got, []int{0, 3}) {
		t.Errorf("B holds %v, want nodes 0 and 3", got)
	}

	// More groups than maxSectors: the smallest (here the nameless one
	// too) are gathered into Other, which comes last.
	nodes = nil
	for g := range maxSectors + 3 {
		for range maxSectors + 3 - g {
			nodes = append(nodes, Node{Group: fmt.Sprintf("G%02d", g)})
		}
	}
	nodes = append(nodes, Node{})
	names, byGroup = sectorGroups(nodes)
	if len(names) != maxSectors || names[len(names)-1] != otherGroup || slices.Contains(names, Ungrouped) {
		t.Fatalf("names = %v, want %d sectors ending with %s", names, maxSectors, otherGroup)
	}
	n := 0
	for _, g := range names {
		n += len(byGroup[g])
	}
	if n != len(nodes) {
		t.Errorf("the sectors hold %d nodes, want all %d", n, len(nodes))
	}
}

func TestLabelSpot(t *testing.T) {
	const x, y, w, h, d = 100.0, 50.0, 40.0, 10.0, 5.0
	for _, tc := range []struct {
		name string
		dir  [2]float64
		want rect
	}{
		{"right, centred on the node", [2]float64{1, 0}, rect{105, 45, 145, 55}},
		{"left", [2]float64{-1, 0}, rect{55, 45, 95, 55}},
		{"above, centred", [2]float64{0, -1}, rect{80, 35, 120, 45}},
		{"below", [2]float64{0, 1}, rect{80, 55, 120, 65}},
		{"off the top-right corner", [2]float64{1, -1}, rect{103.6, 36.4, 143.6, 46.4}},
	} {
		got := labelSpot(x, y, w, h, d, tc.dir)
		if math.Abs(got.x0-tc.want.x0)+math.Abs(got.y0-tc.want.y0)+math.Abs(got.x1-tc.want.x1)+math.Abs(got.y1-tc.want.y1) > 1e-9 {
			t.Errorf("%s: labelSpot = %v, want %v", tc.name, got, tc.want)
		}
	}
	// No spot covers the node's own point.
	for _, dir := range labelDirs {
		if b := labelSpot(x, y, w, h, d, dir); b.touchesCircle(x, y, d-0.5) {
			t.Errorf("the spot %v towards %v covers the node", b, dir)
		}
	}
}
