package netmap

import (
	"image"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Limits of the view.
const (
	maxZoom       = 6.0
	labelZoom     = 1.1 // from this zoom every node in view may carry its label
	fewNodes      = 80  // a map this small may name everyone at any zoom
	maxLabels     = 160 // labels drawn at once, most important first
	fitMargin     = 48  // widget units kept around the outer ring when fitting: room for the sector names
	zoomStep      = 1.25
	scrollZoomPer = 0.015 // zoom factor per scrolled unit: e^(0.015 × 10) ≈ 1.16 a wheel notch
)

// Map is the relationship map widget. Give it a Layout; it fits the whole
// map into view until the user pans or zooms. Tap a node to select it
// (OnTapped), drag to pan, scroll to zoom around the pointer; hovering a
// node shows its tooltip. It takes no double tap: a widget that does gets
// its single taps only after the double-tap delay, and selecting must feel
// instant.
type Map struct {
	widget.BaseWidget

	// OnTapped is called with the ID of the node tapped, or 0 when the
	// background was tapped.
	OnTapped func(id int64)
	// Tooltip gives the text shown while the pointer rests on a node;
	// nil shows its label.
	Tooltip func(id int64) string
	// CentreLabel is written at the centre of the map.
	CentreLabel string

	layout      *Layout
	zoom        float64 // widget units per world unit
	ox, oy      float64 // where the world's origin is, in widget units
	fitted      bool    // the view follows the size until the user moves it
	selected    int64
	highlighted map[int64]bool
	hover       int // node index under the pointer, or -1
	hoverAt     fyne.Position
	size        fyne.Size
	paint       painter
	back        backdrop     // the guides and ties, reused while only the pan changes
	renderer    *mapRenderer // once created, for repainting the tooltip alone
	// labelBoxes are where labels are, in widget units, so the picture
	// can lay a backing under them that keeps them readable over lines.
	labelBoxes []rect
	leaders    []segment // lines from nodes to labels set off them
	labelled   []int64   // the IDs of the nodes named, in placing order
	reserved   []rect    // boxes labels keep off: sector names, the centre
	labelGrid  labelGrid
	// widths are the nodes' label widths, measured for widthsOf at
	// widthsAt.
	widths   []float64
	widthsOf *Layout
	widthsAt float32
}

var (
	_ fyne.Widget       = (*Map)(nil)
	_ fyne.Tappable     = (*Map)(nil)
	_ fyne.Draggable    = (*Map)(nil)
	_ fyne.Scrollable   = (*Map)(nil)
	_ desktop.Hoverable = (*Map)(nil)
)

// New returns an empty map.
func New() *Map {
	m := &Map{layout: NewLayout(nil, nil), zoom: 1, fitted: true, hover: -1, CentreLabel: "You"}
	m.ExtendBaseWidget(m)
	return m
}

// SetLayout shows a new layout, keeping the selection when its node is
// still there and the view unless the map still fits itself.
func (m *Map) SetLayout(l *Layout) {
	m.layout = l
	if _, ok := l.index[m.selected]; !ok {
		m.selected = 0
	}
	m.hover = -1
	if m.fitted {
		m.fit()
	}
	m.Refresh()
}

// Layout is the layout on show.
func (m *Map) Layout() *Layout { return m.layout }

// Select selects the node with the given ID (0 for none): its ties are
// drawn strong, everyone not tied to it faint. It does not call OnTapped.
func (m *Map) Select(id int64) {
	if _, ok := m.layout.index[id]; !ok {
		id = 0
	}
	if id == m.selected {
		return
	}
	m.selected = id
	m.Refresh()
}

// Selected is the ID of the selected node, or 0.
func (m *Map) Selected() int64 { return m.selected }

// SetHighlighted marks the nodes with the given IDs (search matches): they
// get a halo and their labels, the rest turn faint. Nil or empty clears it.
func (m *Map) SetHighlighted(ids []int64) {
	if len(ids) == 0 {
		if m.highlighted == nil {
			return
		}
		m.highlighted = nil
	} else {
		m.highlighted = make(map[int64]bool, len(ids))
		for _, id := range ids {
			m.highlighted[id] = true
		}
	}
	m.Refresh()
}

// Zoom is the current zoom, widget units per world unit.
func (m *Map) Zoom() float64 { return m.zoom }

// ZoomIn zooms in a step around the middle of the view.
func (m *Map) ZoomIn() { m.zoomAround(zoomStep, m.middle()) }

// ZoomOut zooms out a step around the middle of the view.
func (m *Map) ZoomOut() { m.zoomAround(1/zoomStep, m.middle()) }

// FitAll zooms and pans so the whole map is in view, and keeps it so as
// the widget is resized until the user pans or zooms.
func (m *Map) FitAll() {
	m.fitted = true
	m.fit()
	m.Refresh()
}

// CentreOn pans so the node with the given ID is in the middle of the
// view, keeping the zoom.
func (m *Map) CentreOn(id int64) {
	x, y, ok := m.layout.Position(id)
	if !ok {
		return
	}
	mid := m.middle()
	m.ox, m.oy = float64(mid.X)-x*m.zoom, float64(mid.Y)-y*m.zoom
	m.fitted = false
	m.Refresh()
}

// NodePosition is where the node with the given ID is drawn, in the
// widget's coordinates.
func (m *Map) NodePosition(id int64) (fyne.Position, bool) {
	x, y, ok := m.layout.Position(id)
	if !ok {
		return fyne.Position{}, false
	}
	return fyne.NewPos(float32(m.ox+x*m.zoom), float32(m.oy+y*m.zoom)), true
}

// NodeAt is the ID of the node drawn at pos (widget coordinates), or 0.
func (m *Map) NodeAt(pos fyne.Position) int64 {
	if i := m.nodeIndexAt(pos); i >= 0 {
		return m.layout.Nodes[i].ID
	}
	return 0
}

func (m *Map) nodeIndexAt(pos fyne.Position) int {
	w := point{(float64(pos.X) - m.ox) / m.zoom, (float64(pos.Y) - m.oy) / m.zoom}
	// Be forgiving with small nodes: 4 widget units of slack.
	return m.layout.nodeAt(w, 4/m.zoom)
}

func (m *Map) middle() fyne.Position { return fyne.NewPos(m.size.Width/2, m.size.Height/2) }

// fitZoom is the zoom at which the whole map fits the widget.
func (m *Map) fitZoom() float64 {
	if m.size.Width <= 0 || m.size.Height <= 0 {
		return 1
	}
	side := float64(min(m.size.Width, m.size.Height)) - 2*fitMargin
	return max(side, 40) / (2 * m.layout.Outer)
}

func (m *Map) fit() {
	m.zoom = m.fitZoom()
	mid := m.middle()
	m.ox, m.oy = float64(mid.X), float64(mid.Y)
}

// zoomAround multiplies the zoom by f, keeping the world point under at
// where it is.
func (m *Map) zoomAround(f float64, at fyne.Position) {
	z := min(max(m.zoom*f, m.fitZoom()/2), maxZoom)
	if z == m.zoom {
		return
	}
	wx, wy := (float64(at.X)-m.ox)/m.zoom, (float64(at.Y)-m.oy)/m.zoom
	m.zoom = z
	m.ox, m.oy = float64(at.X)-wx*z, float64(at.Y)-wy*z
	m.fitted = false
	m.Refresh()
}

// Tapped selects the node under the pointer and reports it.
func (m *Map) Tapped(ev *fyne.PointEvent) {
	id := m.NodeAt(ev.Position)
	m.Select(id)
	if m.OnTapped != nil {
		m.OnTapped(id)
	}
}

// Dragged pans the map.
func (m *Map) Dragged(ev *fyne.DragEvent) {
	m.ox += float64(ev.Dragged.DX)
	m.oy += float64(ev.Dragged.DY)
	m.fitted = false
	m.hover = -1
	m.Refresh()
}

// DragEnd ends a pan.
func (m *Map) DragEnd() {}

// Scrolled zooms around the pointer.
func (m *Map) Scrolled(ev *fyne.ScrollEvent) {
	m.zoomAround(math.Exp(float64(ev.Scrolled.DY)*scrollZoomPer), ev.Position)
}

// MouseIn starts hovering.
func (m *Map) MouseIn(ev *desktop.MouseEvent) { m.MouseMoved(ev) }

// MouseMoved shows the tooltip of the node under the pointer.
func (m *Map) MouseMoved(ev *desktop.MouseEvent) {
	i := m.nodeIndexAt(ev.Position)
	if i == m.hover && i < 0 {
		return
	}
	m.hover, m.hoverAt = i, ev.Position
	m.refreshTip()
}

// MouseOut hides the tooltip.
func (m *Map) MouseOut() {
	if m.hover >= 0 {
		m.hover = -1
		m.refreshTip()
	}
}

// refreshTip redraws the tooltip alone.
func (m *Map) refreshTip() {
	if r := m.renderer; r != nil {
		r.placeTip()
		canvas.Refresh(r.tipBox)
		for _, t := range r.tipLines {
			canvas.Refresh(t)
		}
	}
}

// Cursor is the pointer over the map: a hand over a node.
func (m *Map) Cursor() desktop.Cursor {
	if m.hover >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer builds the map's renderer.
func (m *Map) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{m: m}
	m.renderer = r
	r.raster = canvas.NewRaster(r.draw)
	r.centre = canvas.NewText("", color.Black)
	r.centre.TextStyle.Bold = true
	r.tipBox = canvas.NewRectangle(color.Black)
	for i := range r.tipLines {
		r.tipLines[i] = canvas.NewText("", color.Black)
	}
	return r
}

// mapRenderer draws the map: one raster for the picture and text objects
// for what is read.
type mapRenderer struct {
	m       *Map
	raster  *canvas.Raster
	centre  *canvas.Text
	labels  []*canvas.Text // pooled; the first shown of them are in use
	shown   int
	sectors []*canvas.Text
	tipBox  *canvas.Rectangle
	// tipLines are the tooltip's lines: a long one is broken at its
	// " · " so that it fits the view.
	tipLines [maxTipLines]*canvas.Text
	objects  []fyne.CanvasObject
}

func (r *mapRenderer) Destroy() {}

func (r *mapRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 200) }

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *mapRenderer) Layout(size fyne.Size) {
	m := r.m
	if size != m.size {
		m.size = size
		if m.fitted {
			m.fit()
		}
	}
	r.raster.Resize(size)
	r.place()
}

func (r *mapRenderer) Refresh() {
	r.place()
	r.raster.Refresh()
	canvas.Refresh(r.m)
}

// place positions the texts for the current view and data.
func (r *mapRenderer) place() {
	m := r.m
	fg := theme.Color(theme.ColorNameForeground)
	r.objects = append(r.objects[:0], r.raster)

	// Sector labels, just outside the outer ring.
	for len(r.sectors) < len(m.layout.Sectors) {
		t := canvas.NewText("", fg)
		t.TextStyle.Bold = true
		r.sectors = append(r.sectors, t)
	}
	size := theme.TextSize()
	m.reserved = m.reserved[:0]
	for i, s := range m.layout.Sectors {
		t := r.sectors[i]
		t.Text, t.Color, t.TextSize = sectorLabel(s), theme.Color(theme.ColorNamePlaceHolder), size*0.92
		a := s.Mid()
		rad := m.layout.Outer*m.zoom + 14
		x, y := m.ox+rad*math.Sin(a), m.oy-rad*math.Cos(a)
		ts := t.MinSize()
		switch {
		case math.Sin(a) > 0.2:
			// right half: start at the point
		case math.Sin(a) < -0.2:
			x -= float64(ts.Width)
		default:
			x -= float64(ts.Width) / 2
		}
		if math.Cos(a) < 0 {
			y += 0
		} else {
			y -= float64(ts.Height)
		}
		t.Move(fyne.NewPos(float32(x), float32(y)))
		t.Resize(ts)
		r.objects = append(r.objects, t)
		m.reserved = append(m.reserved, rect{x - 2, y, x + float64(ts.Width) + 2, y + float64(ts.Height)})
	}

	// "You" at the centre.
	r.centre.Text, r.centre.Color, r.centre.TextSize = m.CentreLabel, theme.Color(theme.ColorNameForegroundOnPrimary), size*0.9
	cs := r.centre.MinSize()
	r.centre.Resize(cs)
	r.centre.Move(fyne.NewPos(float32(m.ox)-cs.Width/2, float32(m.oy)-cs.Height/2))
	r.objects = append(r.objects, r.centre)
	you := youRadius(m.zoom)
	m.reserved = append(m.reserved, rect{m.ox - you, m.oy - you, m.ox + you, m.oy + you})

	r.placeLabels(fg, size)

	// Tooltip last, over everything.
	r.placeTip()
	r.objects = append(r.objects, r.tipBox)
	for _, t := range r.tipLines {
		r.objects = append(r.objects, t)
	}
}

// placeTip shows the tooltip of the node under the pointer beside it,
// wholly inside the view (so nothing beside the map covers it), or hides
// it. The picture does not change with the pointer, so moving it
// repaints only the tooltip.
func (r *mapRenderer) placeTip() {
	m := r.m
	// Emptied rather than hidden: a hidden object is unknown to the canvas,
	// which would then ignore refreshing it alone.
	r.tipBox.Resize(fyne.Size{})
	for _, t := range r.tipLines {
		t.Text = ""
		t.Resize(fyne.Size{})
	}
	if m.hover < 0 || m.hover >= len(m.layout.Nodes) {
		return
	}
	fg, size := theme.Color(theme.ColorNameForeground), theme.TextSize()
	n := m.layout.Nodes[m.hover]
	text := n.Label
	if m.Tooltip != nil {
		text = m.Tooltip(n.ID)
	}
	pad := float32(theme.Padding())
	lines := tipLines(text, float64(m.size.Width-2*pad-4), func(s string) float64 {
		return float64(fyne.MeasureText(s, size, fyne.TextStyle{}).Width)
	})
	var box fyne.Size
	for i, line := range lines {
		t := r.tipLines[i]
		t.Text, t.Color, t.TextSize = line, fg, size
		ts := t.MinSize()
		t.Resize(ts)
		box.Width = max(box.Width, ts.Width)
		box.Height += ts.Height
	}
	box = box.AddWidthHeight(2*pad, pad)
	pos := tipPosition(m.hoverAt, box, m.size)
	r.tipBox.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.tipBox.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.tipBox.StrokeWidth = 1
	r.tipBox.CornerRadius = theme.InputRadiusSize()
	r.tipBox.Move(pos)
	r.tipBox.Resize(box)
	y := pos.Y + pad/2
	for _, t := range r.tipLines[:len(lines)] {
		t.Move(fyne.NewPos(pos.X+pad, y))
		y += t.Size().Height
	}
}

// maxTipLines is the most lines a tooltip is broken into.
const maxTipLines = 6

// tipLines breaks a tooltip into lines no wider than width (as measured),
// between its " · "-separated parts, at most maxTipLines of them; a part
// wider than width alone keeps a line of its own.
func tipLines(text string, width float64, measure func(string) float64) []string {
	if measure(text) <= width {
		return []string{text}
	}
	var lines []string
	for _, part := range strings.Split(text, " · ") {
		last := len(lines) - 1
		switch {
		case last < 0:
			lines = append(lines, part)
		case measure(lines[last]+" · "+part) <= width || len(lines) == maxTipLines:
			lines[last] += " · " + part
		default:
			lines = append(lines, part)
		}
	}
	return lines
}

// tipPosition is where a tooltip of size box goes for a pointer at p in
// a view of size view: below and right of the pointer, or above or left
// of it where there is no room, and always inside the view when it fits.
func tipPosition(p fyne.Position, box, view fyne.Size) fyne.Position {
	pos := p.Add(fyne.NewPos(14, 18))
	if pos.X+box.Width > view.Width {
		pos.X = p.X - box.Width - 6
	}
	if pos.Y+box.Height > view.Height {
		pos.Y = p.Y - box.Height - 6
	}
	pos.X = max(min(pos.X, view.Width-box.Width), 0)
	pos.Y = max(min(pos.Y, view.Height-box.Height), 0)
	return pos
}

// nodeScale is how much node glyphs grow with the zoom: less than the map
// does, so they stay legible zoomed out and do not swamp it zoomed in.
func nodeScale(zoom float64) float64 { return min(max(math.Sqrt(zoom), 0.45), 1.8) }

// draw paints the picture at w×h pixels.
func (r *mapRenderer) draw(w, h int) image.Image {
	m := r.m
	scale := 1.0
	if m.size.Width > 0 {
		scale = float64(w) / float64(m.size.Width)
	}
	m.paintView(w, h, scale)
	return m.paint.img
}

// paintView paints the map at w×h pixels, scale pixels per widget unit:
// rings and sectors, edges (from the backdrop when only the pan changed),
// nodes, the labels' backings, and the centre.
func (m *Map) paintView(w, h int, scale float64) {
	v := m.newView(w, h, scale)
	v.paintBackdrop(&m.back)
	v.paintNodes()
	v.paintLeaders(m.leaders)
	v.paintBackings(m.labelBoxes)
	// You, at the centre.
	you := youRadius(m.zoom) * scale
	v.p.fill(v.ox, v.oy, you+1, circleSDF(you), inkOf(v.primary, 1))
}

// view is one painting of the map: where it goes, at what scale, what is
// selected, and the theme's colours read for it.
type view struct {
	m           *Map
	p           *painter
	l           *Layout
	w, h        int
	scale       float64 // pixels per widget unit
	z           float64 // pixels per layout unit
	ox, oy      float64 // the centre, in pixels
	ns          float64 // how much node glyphs grow, in pixels
	sel         int     // the selected node's index, -1 for none
	neighbour   map[int32]bool
	fg, primary color.NRGBA
	bg, alert   color.NRGBA
}

// newView prepares a painting of m at w×h pixels, scale pixels per widget
// unit.
func (m *Map) newView(w, h int, scale float64) *view {
	l := m.layout
	v := &view{m: m, p: &m.paint, l: l, w: w, h: h, scale: scale, z: m.zoom * scale,
		ox: m.ox * scale, oy: m.oy * scale, ns: nodeScale(m.zoom) * scale, sel: -1,
		neighbour: make(map[int32]bool),
		fg:        toNRGBA(theme.Color(theme.ColorNameForeground)),
		primary:   toNRGBA(theme.Color(theme.ColorNamePrimary)),
		bg:        toNRGBA(theme.Color(theme.ColorNameBackground)),
		alert:     toNRGBA(theme.Color(theme.ColorNameError)),
	}
	if m.selected != 0 {
		v.sel = l.index[m.selected]
		for _, e := range l.adj[v.sel] {
			v.neighbour[l.refs[e].a], v.neighbour[l.refs[e].b] = true, true
		}
	}
	return v
}

// toScreen is where a point of the layout is painted, in pixels.
func (v *view) toScreen(q point) (float64, float64) { return v.ox + q.x*v.z, v.oy + q.y*v.z }

// paintGuides paints the warmth rings (at the inner edge, each quarter,
// and the outer ring) and the sectors' dividers.
func (v *view) paintGuides() {
	l, z, ox, oy := v.l, v.z, v.ox, v.oy
	guide := inkOf(v.fg, 0.10)
	span := l.Outer - innerRadius - 18
	for _, f := range []float64{0, 0.25, 0.5, 0.75, 1} {
		v.p.circle(ox, oy, (innerRadius+18+f*span)*z, guide)
	}
	if len(l.Sectors) > 1 {
		for _, s := range l.Sectors {
			sx, sy := math.Sin(s.Start), -math.Cos(s.Start)
			v.p.line(ox+sx*innerRadius*z, oy+sy*innerRadius*z, ox+sx*(l.Outer+10)*z, oy+sy*(l.Outer+10)*z, guide, 0)
		}
	}
}

// edgeOpacity is how strongly edges are drawn: fainter the more there
// are, between 0.14 and 0.6.
func edgeOpacity(edges int) float64 {
	return min(max(0.6*math.Sqrt(150/float64(max(edges, 1))), 0.14), 0.6)
}

// clipEdge is the part of the segment a–b outside the circles of radius
// ra around a and rb around b, with its direction (ux, uy); ok is false
// when nothing of it is left.
func clipEdge(ax, ay, bx, by, ra, rb float64) (x0, y0, x1, y1, ux, uy float64, ok bool) {
	d := math.Hypot(bx-ax, by-ay)
	if d < 1 || d <= ra+rb {
		return 0, 0, 0, 0, 0, 0, false
	}
	ux, uy = (bx-ax)/d, (by-ay)/d
	return ax + ux*ra, ay + uy*ra, bx - ux*rb, by - uy*rb, ux, uy, true
}

// paintEdges paints the ties: faint when there are many, and under a
// selection or a search all but the selected node's fainter still.
func (v *view) paintEdges() {
	l, p, scale := v.l, v.p, v.scale
	base := edgeOpacity(len(l.refs))
	arrows := len(l.refs) <= 400 && v.ns >= 0.8*scale
	smooth := len(l.refs) <= 2000
	for _, e := range l.refs {
		mine := v.sel >= 0 && (int(e.a) == v.sel || int(e.b) == v.sel)
		opacity := base
		if (v.sel >= 0 || v.m.highlighted != nil) && !mine {
			opacity = base * 0.35
		}
		ax, ay := v.toScreen(l.pos[e.a])
		bx, by := v.toScreen(l.pos[e.b])
		ax, ay, bx, by, ux, uy, ok := clipEdge(ax, ay, bx, by, l.radius[e.a]*v.ns+1, l.radius[e.b]*v.ns+1)
		if !ok {
			continue
		}
		c := inkOf(e.edge.Color, opacity)
		dash := 0.0
		if e.edge.Dashed {
			dash = 4 * scale
		}
		switch {
		case mine:
			c = inkOf(e.edge.Color, 0.95)
			p.thickLine(ax, ay, bx, by, 2*scale, c, dash)
		case smooth:
			p.line(ax, ay, bx, by, c, dash)
		default:
			p.fastLine(ax, ay, bx, by, c, dash)
		}
		if e.edge.Arrow && (arrows || mine) {
			p.arrowHead(bx, by, ux, uy, 7*scale, c)
		}
	}
}

// nodeOpacity is how opaque node i is drawn: faint in the trash, and
// fainter when another is selected (but not its neighbours) or when a
// search does not match it.
func (v *view) nodeOpacity(i int, n Node) float64 {
	switch {
	case n.Dimmed:
		return 0.4
	case v.sel >= 0 && i != v.sel && !v.neighbour[int32(i)]:
		return 0.3
	case v.m.highlighted != nil && !v.m.highlighted[n.ID] && i != v.sel:
		return 0.25
	}
	return 1
}

// paintNodes stamps the nodes in view, ringing the selected one and the
// search's matches.
func (v *view) paintNodes() {
	l, scale := v.l, v.scale
	for i, n := range l.Nodes {
		cx, cy := v.toScreen(l.pos[i])
		rad := l.radius[i] * v.ns
		if cx < -rad-4 || cy < -rad-4 || cx > float64(v.w)+rad+4 || cy > float64(v.h)+rad+4 {
			continue
		}
		if i == v.sel || v.m.highlighted[n.ID] {
			v.p.fill(cx, cy, rad+6*scale, ringSDF(rad+3.5*scale, 2*scale), inkOf(v.primary, 1))
		}
		look := nodeLook{shape: n.Shape, radius: quarter(rad), scale: quarter(scale), color: n.Color,
			opacity: uint8(v.nodeOpacity(i, n) * 255), marked: n.Marked, fg: v.fg, bg: v.bg, alert: v.alert}
		v.p.stamp(cx, cy, look)
	}
}

// youRadius is the radius of the disc of the user at the centre, in
// widget units.
func youRadius(zoom float64) float64 { return 22 * min(max(zoom, 0.7), 1.3) }

// paintLeaders paints the lines from nodes to the labels set off them.
func (v *view) paintLeaders(leaders []segment) {
	c := inkOf(v.fg, 0.7)
	s := v.scale
	for _, l := range leaders {
		v.p.line(l.x0*s, l.y0*s, l.x1*s, l.y1*s, c, 0)
	}
}

// paintBackings paints a backing under each label's box, so names stay
// readable over lines.
func (v *view) paintBackings(boxes []rect) {
	backing := inkOf(v.bg, 0.72)
	for _, b := range boxes {
		hw, hh := (b.x1-b.x0)*v.scale/2, (b.y1-b.y0)*v.scale/2
		cx, cy := (b.x0*v.scale + hw), (b.y0*v.scale + hh)
		v.p.roundRect(cx, cy, hw, hh, 4*v.scale, backing)
	}
}

// toNRGBA converts any colour to non-premultiplied RGBA.
func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// nodeLook is everything that decides how a node's glyph looks, so that
// identical glyphs are drawn once and stamped (see painter.stamp).
type nodeLook struct {
	shape         Shape
	radius, scale float64 // in pixels, rounded to quarters
	color         color.NRGBA
	opacity       uint8
	marked        bool
	fg, bg, alert color.NRGBA
}

// quarter rounds v to the nearest quarter, which the eye cannot tell apart
// on a glyph and which keeps the number of distinct glyphs small.
func quarter(v float64) float64 { return math.Round(v*4) / 4 }

// drawNode paints a node's glyph centred at (cx, cy): the shape, a hairline
// outline when it is big enough to need one, and the alert dot.
func drawNode(p *painter, cx, cy float64, k nodeLook) {
	opacity := float64(k.opacity) / 255
	var outline ink
	if k.radius >= 4*k.scale {
		outline = inkOf(k.fg, 0.35*opacity)
	}
	p.glyph(cx, cy, k.radius, k.shape, inkOf(k.color, opacity), outline)
	if k.marked {
		mx, my := cx+k.radius*0.75, cy-k.radius*0.75
		dot := max(k.radius*0.38, 2.2*k.scale)
		p.fill(mx, my, dot+1.5*k.scale, circleSDF(dot+1.2*k.scale), inkOf(k.bg, opacity))
		p.fill(mx, my, dot, circleSDF(dot), inkOf(k.alert, opacity))
	}
}
