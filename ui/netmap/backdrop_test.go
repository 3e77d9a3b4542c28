package netmap

import (
	"bytes"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// freshFrame paints m's current view on a map that has painted nothing
// before, so it owes nothing to a backdrop.
func freshFrame(m *Map, w, h int) []byte {
	f := New()
	f.layout, f.zoom, f.ox, f.oy = m.layout, m.zoom, m.ox, m.oy
	f.selected, f.highlighted = m.selected, m.highlighted
	f.leaders, f.labelBoxes = m.leaders, m.labelBoxes
	f.paintView(w, h, 1)
	return bytes.Clone(f.paint.img.Pix)
}

// A frame painted from the reused backdrop is the frame painted afresh:
// after pans (within the backdrop and past it), a zoom, a selection and a
// search, on a map wholly in view and one zoomed in past the view's sides.
func TestBackdropFramesMatchFreshOnes(t *testing.T) {
	test.NewTempApp(t)
	nodes, edges := generated(400)
	const w, h = 640, 480
	steps := []struct {
		name string
		do   func(m *Map)
	}{
		{"first frame", func(m *Map) {}},
		{"pan right", func(m *Map) { m.ox += 3 }},
		{"pan down", func(m *Map) { m.oy += 7 }},
		{"pan back", func(m *Map) { m.ox -= 3; m.oy -= 7 }},
		{"pan past the margin", func(m *Map) { m.ox -= 400 }},
		{"half-pixel pan", func(m *Map) { m.ox += 0.5 }},
		{"select", func(m *Map) { m.selected = nodes[5].ID }},
		{"pan while selected", func(m *Map) { m.ox += 2 }},
		{"search", func(m *Map) { m.highlighted = map[int64]bool{nodes[9].ID: true} }},
		{"zoom", func(m *Map) { m.zoom *= 1.25 }},
	}
	for _, zoomedIn := range []bool{false, true} {
		m := New()
		m.size = fyne.NewSize(w, h)
		m.SetLayout(NewLayout(nodes, edges))
		if zoomedIn {
			m.zoom *= 3
		}
		for _, s := range steps {
			s.do(m)
			m.paintView(w, h, 1)
			got := m.paint.img.Pix
			want := freshFrame(m, w, h)
			if n, d := differing(got, want); n > 0 {
				t.Errorf("zoomed in %v, %s: %d pixels differ from a fresh frame, at most by %d", zoomedIn, s.name, n, d)
			}
		}
	}
}

func differing(a, b []byte) (int, int) {
	if len(a) != len(b) {
		panic(fmt.Sprintf("frames of %d and %d bytes", len(a), len(b)))
	}
	n, most := 0, 0
	for i := 0; i < len(a); i += 4 {
		if !bytes.Equal(a[i:i+4], b[i:i+4]) {
			n++
			for k := range 4 {
				most = max(most, int(a[i+k])-int(b[i+k]), int(b[i+k])-int(a[i+k]))
			}
		}
	}
	return n, most
}
