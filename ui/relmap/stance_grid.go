package relmap

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

const (
	gridInfluences = 5  // rows: influence 5 at the top down to 1
	gridChipCap    = 12 // chips a cell shows before "+N more"
	// gridMinColumn is the narrowest a stance column gets: below it the
	// grid scrolls sideways rather than squeeze names to nothing.
	gridMinColumn = float32(90)
)

// stanceGrid is the influence × stance view of the network.
//
// Rows are influence 5 down to 1, columns the stances in display order;
// each cell lists its people as chips, coldest first, and is tinted by its
// advice quarter, whose heading and hint sit in a band above its rows. A
// cell shows at most gridChipCap chips until it is expanded, so a network
// of thousands still makes a few hundred widgets.
type stanceGrid struct {
	onTap    func(personID int64)
	selected int64

	cells    [gridInfluences][]*gridCell // [5 − influence][stance column]
	stances  []model.Stance
	legend   fyne.CanvasObject
	colHeads []fyne.CanvasObject
	rowHeads [gridInfluences]*widget.Label
	quarters [4]*gridQuarter // by model.Advice
	body     *fyne.Container
	layout   *gridLayout
	scroll   *container.Scroll
	probe    *gridChip // an empty chip: the height of a row of chips
	// tips show the whole name of a shortened chip under the pointer,
	// over the cells.
	tips *kit.TipLayer
}

// gridCell is one influence × stance cell and the chips it shows.
type gridCell struct {
	g         *stanceGrid
	influence int
	stance    model.Stance
	people    []model.NetworkPerson // coldest first
	expanded  bool

	tint  *gridTint
	flow  *flowLayout
	box   *fyne.Container // the chips, then the more button when there is one
	chips []*gridChip     // the first shown(): on show; the rest kept for reuse
	more  *widget.Button  // "+N more" or "Show fewer"
}

// gridQuarter is the heading band of one advice quarter.
type gridQuarter struct {
	tint    *gridTint
	heading *widget.RichText
}

func newStanceGrid(onTap func(personID int64)) *stanceGrid {
	g := &stanceGrid{onTap: onTap, stances: model.Stances()}
	g.layout = &gridLayout{g: g}
	g.probe = newGridChip(nil)
	var tints, boxes []fyne.CanvasObject // tints first so they sit beneath

	overdue := kit.NewThemedColoredIcon(theme.IconNameHistory, theme.ColorNameWarning)
	note := widget.NewLabel("Overdue for contact    ·    Each cell lists people coldest first")
	note.SizeName = theme.SizeNameCaptionText
	g.legend = container.New(layout.NewCustomPaddedHBoxLayout(0), overdue, note)

	for _, s := range g.stances {
		swatch := canvas.NewRectangle(kit.StanceColor(s))
		swatch.CornerRadius = 3
		swatch.SetMinSize(fyne.NewSquareSize(12))
		label := widget.NewLabelWithStyle(s.Label(), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		g.colHeads = append(g.colHeads, container.NewCenter(container.NewHBox(container.NewCenter(swatch), label)))
	}
	for a := range g.quarters {
		advice := model.Advice(a)
		q := &gridQuarter{tint: newGridTint(advice, true)}
		q.heading = widget.NewRichText(
			&widget.TextSegment{Text: advice.Label(), Style: widget.RichTextStyle{
				ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: advice.Hint(), Style: widget.RichTextStyle{
				ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameCaptionText}})
		q.heading.Wrapping = fyne.TextWrapWord
		g.quarters[a] = q
		tints = append(tints, q.tint)
		boxes = append(boxes, q.heading)
	}
	for r := range gridInfluences {
		influence := gridInfluences - r
		g.rowHeads[r] = widget.NewLabel(fmt.Sprintf("Influence %d", influence))
		for _, s := range g.stances {
			c := &gridCell{g: g, influence: influence, stance: s,
				tint: newGridTint(model.AdviceFor(influence, s), false), flow: newFlowLayout()}
			c.box = container.New(c.flow)
			c.more = widget.NewButton("", c.toggle)
			c.more.Importance = widget.LowImportance
			g.cells[r] = append(g.cells[r], c)
			tints = append(tints, c.tint)
			boxes = append(boxes, c.box)
		}
	}

	objects := append([]fyne.CanvasObject{g.legend}, g.colHeads...)
	for _, l := range g.rowHeads {
		objects = append(objects, l)
	}
	objects = append(append(objects, tints...), boxes...)
	g.tips = kit.NewTipLayer()
	g.body = container.NewStack(container.New(g.layout, objects...), g.tips.Object()) // the tips over the cells
	g.scroll = container.NewVScroll(g.body)
	return g
}

// content is the view: the grid in a vertical scroll. It is built once;
// setPeople updates it in place.
func (g *stanceGrid) content() fyne.CanvasObject { return g.scroll }

// setPeople shows people, already filtered by the caller, each in the cell
// of their influence (clamped to 1–5) and stance (anything unrecognised
// counts as unknown), and marks the one with ID selected. Cells the user
// expanded stay expanded.
func (g *stanceGrid) setPeople(people []model.NetworkPerson, selected int64) {
	g.selected = selected
	var groups [gridInfluences][]([]model.NetworkPerson)
	for r := range groups {
		groups[r] = make([][]model.NetworkPerson, len(g.stances))
	}
	for _, p := range people {
		r, c := g.cellOf(p.Person)
		groups[r][c] = append(groups[r][c], p)
	}
	for r, row := range g.cells {
		for c, cell := range row {
			cell.people = groups[r][c]
			slices.SortFunc(cell.people, colderFirst)
			cell.update()
		}
	}
	g.refresh()
}

// cellOf is the row and column of a person's cell.
func (g *stanceGrid) cellOf(p model.Person) (row, col int) {
	influence := max(1, min(gridInfluences, p.Influence))
	col = slices.Index(g.stances, p.Stance)
	if col < 0 {
		col = slices.Index(g.stances, model.StanceUnknown)
	}
	return gridInfluences - influence, col
}

// colderFirst orders people by warmth, coldest first, then by name.
func colderFirst(a, b model.NetworkPerson) int {
	return cmp.Or(
		cmp.Compare(a.Warmth, b.Warmth),
		cmp.Compare(strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)),
		cmp.Compare(a.Person.ID, b.Person.ID))
}

// choose marks the person with id as selected and tells the caller.
func (g *stanceGrid) choose(id int64) {
	old := g.selected
	g.selected = id
	for _, row := range g.cells {
		for _, cell := range row {
			for _, chip := range cell.chips[:cell.shown()] {
				if chip.person.Person.ID == old || chip.person.Person.ID == id {
					chip.setPerson(chip.person, chip.person.Person.ID == id)
				}
			}
		}
	}
	if g.onTap != nil {
		g.onTap(id)
	}
}

// hoverChip shows the whole name of a chip the pointer is on (in) when
// the chip is too narrow for it, just below the chip (above it at the
// bottom) and inside the grid; otherwise it hides the name.
func (g *stanceGrid) hoverChip(c *gridChip, in bool) {
	if !in || c.MinSize().Width <= c.Size().Width || c.person.Person.Name == "" {
		g.tips.Hide()
		return
	}
	g.tips.Show(c, c.person.Person.Name)
}

// refresh lays the grid out again after cells changed, so the scroll
// learns the new height.
func (g *stanceGrid) refresh() {
	g.scroll.Refresh()
}

// shown is how many of the cell's people have a chip on show.
func (c *gridCell) shown() int {
	if c.expanded || len(c.people) <= gridChipCap {
		return len(c.people)
	}
	return gridChipCap
}

// update puts the cell's people into its chips, reusing the chips it has.
func (c *gridCell) update() {
	n := c.shown()
	for len(c.chips) < n {
		chip := newGridChip(c.g.choose)
		chip.onHover = c.g.hoverChip
		c.chips = append(c.chips, chip)
	}
	if keep := max(n, gridChipCap); len(c.chips) > keep {
		clear(c.chips[keep:]) // a collapsed cell lets go of its many chips
		c.chips = c.chips[:keep:keep]
	}
	objects := make([]fyne.CanvasObject, 0, n+1)
	for i, p := range c.people[:n] {
		c.chips[i].setPerson(p, p.Person.ID == c.g.selected)
		objects = append(objects, c.chips[i])
	}
	if len(c.people) > gridChipCap {
		if c.expanded {
			c.more.SetText("Show fewer")
		} else {
			c.more.SetText(fmt.Sprintf("+%d more", len(c.people)-n))
		}
		objects = append(objects, c.more)
	}
	c.box.Objects = objects
}

// toggle expands a capped cell to show everyone, or collapses it again.
func (c *gridCell) toggle() {
	c.expanded = !c.expanded
	c.update()
	c.g.refresh()
}

// gridLayout places the parts of a stanceGrid: the legend, the stance
// headers, the influence labels and, per quarter, a heading band above its
// cells. Cells are as tall as their wrapped chips, so the height depends on
// the width; MinSize reports the height at the width the scroll around the
// grid gives it.
type gridLayout struct {
	g     *stanceGrid
	width float32 // the width of the last Layout
}

// gridGeometry is where everything goes at one width.
type gridGeometry struct {
	colX, colW       []float32
	rowHeadW         float32
	headY, headH     float32
	bandY, bandH     [2]float32 // the heading bands of the top and bottom halves
	rowY, rowH       [gridInfluences]float32
	minWidth, height float32
}

// spacing is the grid's spacing: the gap between cells of a quarter, the
// wider one between quarters, the inset of chips in a cell and around
// the grid.
func (l *gridLayout) spacing() (cellGap, quarterGap, cellPad, inset float32) {
	p := theme.Padding()
	return p, 3 * p, p + 2, 2 * p
}

func (l *gridLayout) measure(width float32) gridGeometry {
	g := l.g
	cellGap, quarterGap, cellPad, inset := l.spacing()
	var m gridGeometry
	for _, h := range g.rowHeads {
		m.rowHeadW = max(m.rowHeadW, h.MinSize().Width)
	}
	cols := len(g.stances)
	split := g.onSideColumns()
	gaps := float32(cols-2)*cellGap + quarterGap
	fixed := 2*inset + m.rowHeadW + cellGap + gaps
	m.minWidth = fixed + float32(cols)*gridMinColumn
	m.colW = columnWidths(g.columnNeeds(cellPad), width-fixed)
	x := inset + m.rowHeadW + cellGap
	for c := range cols {
		if c > 0 {
			x += cellGap
			if c == split {
				x += quarterGap - cellGap
			}
		}
		m.colX = append(m.colX, x)
		x += m.colW[c]
	}

	y := inset + g.legend.MinSize().Height + cellGap
	m.headY = y
	for _, h := range g.colHeads {
		m.headH = max(m.headH, h.MinSize().Height)
	}
	y += m.headH + cellGap
	chipH := g.probe.MinSize().Height
	for half := range 2 {
		if half == 1 {
			y += quarterGap - cellGap
		}
		m.bandY[half] = y
		for _, a := range g.halfQuarters(half) {
			w := l.quarterWidth(m, a)
			m.bandH[half] = max(m.bandH[half], textHeightAt(g.quarters[a].heading, w))
		}
		y += m.bandH[half] + cellGap
		for r := range gridInfluences {
			if (gridInfluences-r >= model.HighInfluence) != (half == 0) {
				continue
			}
			h := max(chipH, g.rowHeads[r].MinSize().Height-2*cellPad)
			for c, cell := range g.cells[r] {
				h = max(h, cell.flow.heightAt(cell.box.Objects, m.colW[c]-2*cellPad))
			}
			m.rowY[r], m.rowH[r] = y, h+2*cellPad
			y += m.rowH[r] + cellGap
		}
	}
	m.height = y - cellGap + inset
	return m
}

// columnNeeds is how wide each stance column would be to show every
// chip on show in it whole: its widest chip, or its heading, and the
// cell's padding.
func (g *stanceGrid) columnNeeds(cellPad float32) []float32 {
	need := make([]float32, len(g.stances))
	for c, h := range g.colHeads {
		need[c] = h.MinSize().Width
	}
	for _, row := range g.cells {
		for c, cell := range row {
			for _, o := range cell.box.Objects {
				need[c] = max(need[c], o.MinSize().Width+2*cellPad)
			}
		}
	}
	return need
}

// columnWidths shares width among columns that need the given widths:
// when there is room each gets its need and the rest is shared equally;
// when there is not, the columns needing least get their need and the
// others share what is left equally. None is narrower than
// gridMinColumn (the grid then scrolls sideways).
func columnWidths(need []float32, width float32) []float32 {
	out := make([]float32, len(need))
	var total float32
	for i, n := range need {
		out[i] = max(n, gridMinColumn)
		total += out[i]
	}
	if total <= width {
		extra := (width - total) / float32(len(need))
		for i := range out {
			out[i] += extra
		}
		return out
	}
	order := make([]int, len(need))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(out[a], out[b]) })
	left := width
	for k, i := range order {
		share := max(left/float32(len(order)-k), gridMinColumn)
		if out[i] > share {
			for _, j := range order[k:] {
				out[j] = share
			}
			break
		}
		left -= out[i]
	}
	return out
}

// onSideColumns is the number of stance columns on the user's side: the
// columns before the quarters split.
func (g *stanceGrid) onSideColumns() int {
	n := 0
	for _, s := range g.stances {
		if model.AdviceFor(gridInfluences, s) == model.AdviceManageClosely {
			n++
		}
	}
	return n
}

// halfQuarters are the quarters of the top (0) or bottom (1) half.
func (g *stanceGrid) halfQuarters(half int) [2]model.Advice {
	if half == 0 {
		return [2]model.Advice{model.AdviceManageClosely, model.AdviceWinOver}
	}
	return [2]model.Advice{model.AdviceKeepWarm, model.AdviceKeepInformed}
}

// quarterSpan is the x and width of a quarter's columns.
func (l *gridLayout) quarterSpan(m gridGeometry, a model.Advice) (x, w float32) {
	split := l.g.onSideColumns()
	first, last := 0, split-1
	if a == model.AdviceWinOver || a == model.AdviceKeepInformed {
		first, last = split, len(m.colX)-1
	}
	return m.colX[first], m.colX[last] + m.colW[last] - m.colX[first]
}

func (l *gridLayout) quarterWidth(m gridGeometry, a model.Advice) float32 {
	_, w := l.quarterSpan(m, a)
	return w
}

// textHeightAt is the height of wrapped text laid out at width.
func textHeightAt(t *widget.RichText, width float32) float32 {
	if t.Size().Width != width {
		t.Resize(fyne.NewSize(width, t.MinSize().Height))
	}
	return t.MinSize().Height
}

// widthHint is the width the grid will be laid out at: the scroll's, or
// the last one laid out before the scroll had a size.
func (l *gridLayout) widthHint() float32 {
	if w := l.g.scroll.Size().Width; w > 0 {
		return w
	}
	return l.width
}

func (l *gridLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	m := l.measure(l.widthHint())
	return fyne.NewSize(m.minWidth, m.height)
}

func (l *gridLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	g := l.g
	_, _, cellPad, inset := l.spacing()
	m := l.measure(size.Width)

	// the clock lines up with the text of the influence labels
	legendX := inset + theme.InnerPadding()
	g.legend.Move(fyne.NewPos(legendX, inset))
	g.legend.Resize(fyne.NewSize(size.Width-legendX-inset, g.legend.MinSize().Height))
	for c, h := range g.colHeads {
		h.Move(fyne.NewPos(m.colX[c], m.headY))
		h.Resize(fyne.NewSize(m.colW[c], m.headH))
	}
	for half := range 2 {
		for _, a := range g.halfQuarters(half) {
			x, w := l.quarterSpan(m, a)
			q := g.quarters[a]
			q.tint.Move(fyne.NewPos(x, m.bandY[half]))
			q.tint.Resize(fyne.NewSize(w, m.bandH[half]))
			q.heading.Move(fyne.NewPos(x, m.bandY[half]))
			q.heading.Resize(fyne.NewSize(w, m.bandH[half]))
		}
	}
	for r, row := range g.cells {
		// the label's text lines up with the text of the first chips
		g.rowHeads[r].Move(fyne.NewPos(inset, m.rowY[r]+cellPad+theme.Padding()-theme.InnerPadding()))
		g.rowHeads[r].Resize(fyne.NewSize(m.rowHeadW, g.rowHeads[r].MinSize().Height))
		for c, cell := range row {
			pos, sz := fyne.NewPos(m.colX[c], m.rowY[r]), fyne.NewSize(m.colW[c], m.rowH[r])
			cell.tint.Move(pos)
			cell.tint.Resize(sz)
			cell.box.Move(pos.AddXY(cellPad, cellPad))
			cell.box.Resize(sz.SubtractWidthHeight(2*cellPad, 2*cellPad))
		}
	}
}

// flowLayout places objects left to right at their minimum sizes and
// starts a new row when the next one would pass the right edge, like words
// in a paragraph. An object wider than the whole width is narrowed to it.
// Fyne's RowWrapLayout caches its size from the last Layout, so it cannot
// say how tall it would be at a width before being laid out at it; this
// one can (heightAt).
type flowLayout struct {
	hGap, vGap float32
	width      float32 // the width of the last Layout, 0 before
}

func newFlowLayout() *flowLayout {
	p := theme.Padding()
	return &flowLayout{hGap: p, vGap: p}
}

// flowPlace is the geometry of a flow: where each object goes at width,
// its size, and the total height. Objects in a row are centred on the
// row's height.
func flowPlace(sizes []fyne.Size, width, hGap, vGap float32) (pos []fyne.Position, out []fyne.Size, height float32) {
	pos, out = make([]fyne.Position, len(sizes)), make([]fyne.Size, len(sizes))
	var x, y, rowH float32
	start := 0 // first object of the current row
	finishRow := func(end int) {
		for i := start; i < end; i++ {
			pos[i].Y = y + (rowH-out[i].Height)/2
		}
	}
	for i, s := range sizes {
		s.Width = min(s.Width, max(width, 0))
		if i > start && x+s.Width > width {
			finishRow(i)
			y += rowH + vGap
			x, rowH, start = 0, 0, i
		}
		pos[i].X, out[i] = x, s
		x += s.Width + hGap
		rowH = max(rowH, s.Height)
	}
	finishRow(len(sizes))
	if len(sizes) == 0 {
		return pos, out, 0
	}
	return pos, out, y + rowH
}

func visibleMinSizes(objects []fyne.CanvasObject) ([]fyne.CanvasObject, []fyne.Size) {
	var shown []fyne.CanvasObject
	var sizes []fyne.Size
	for _, o := range objects {
		if o.Visible() {
			shown = append(shown, o)
			sizes = append(sizes, o.MinSize())
		}
	}
	return shown, sizes
}

// heightAt is how tall objects flow at width.
func (l *flowLayout) heightAt(objects []fyne.CanvasObject, width float32) float32 {
	_, sizes := visibleMinSizes(objects)
	_, _, h := flowPlace(sizes, width, l.hGap, l.vGap)
	return h
}

// MinSize is as wide as the widest object and as tall as the objects flow
// at the width of the last Layout (or that widest width before one).
func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	_, sizes := visibleMinSizes(objects)
	var widest float32
	for _, s := range sizes {
		widest = max(widest, s.Width)
	}
	width := l.width
	if width <= 0 {
		width = widest
	}
	_, _, h := flowPlace(sizes, width, l.hGap, l.vGap)
	return fyne.NewSize(widest, h)
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	shown, sizes := visibleMinSizes(objects)
	pos, out, _ := flowPlace(sizes, size.Width, l.hGap, l.vGap)
	for i, o := range shown {
		o.Move(pos[i])
		o.Resize(out[i])
	}
}

// gridTint is the background of a cell, or of a quarter's heading band
// (strong), in its quarter's colour: a theme colour at low alpha, so it
// reads on light and dark themes alike and follows a theme change.
type gridTint struct {
	widget.BaseWidget
	advice model.Advice
	strong bool
}

func newGridTint(a model.Advice, strong bool) *gridTint {
	t := &gridTint{advice: a, strong: strong}
	t.ExtendBaseWidget(t)
	return t
}

func (t *gridTint) CreateRenderer() fyne.WidgetRenderer {
	rect := canvas.NewRectangle(color.Transparent)
	r := &gridTintRenderer{WidgetRenderer: widget.NewSimpleRenderer(rect), rect: rect, t: t}
	r.paint()
	return r
}

type gridTintRenderer struct {
	fyne.WidgetRenderer
	rect *canvas.Rectangle
	t    *gridTint
}

func (r *gridTintRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *gridTintRenderer) Refresh() {
	r.paint()
	r.rect.Refresh()
}

func (r *gridTintRenderer) paint() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	name, alpha := theme.ColorNameForeground, uint8(0x0d)
	switch r.t.advice {
	case model.AdviceManageClosely:
		name, alpha = theme.ColorNamePrimary, 0x1e
	case model.AdviceWinOver:
		name, alpha = theme.ColorNameWarning, 0x1e
	case model.AdviceKeepWarm:
		name, alpha = theme.ColorNameSuccess, 0x1a
	}
	if r.t.strong {
		alpha = alpha * 2
	}
	c := color.NRGBAModel.Convert(th.Color(name, v)).(color.NRGBA)
	c.A = alpha
	r.rect.FillColor = c
	r.rect.CornerRadius = th.Size(theme.SizeNameInputRadius)
}

// gridChip is one person in a cell: their name on a pill, a clock before
// it when they are overdue for contact, filled with the primary colour when
// selected. Tap it, or focus it and press space or return.
type gridChip struct {
	widget.BaseWidget
	person   model.NetworkPerson
	selected bool
	onTap    func(id int64)
	// onHover is told when the pointer comes onto the chip and leaves it.
	onHover func(c *gridChip, in bool)

	hovered, focused bool
}

var (
	_ fyne.Tappable      = (*gridChip)(nil)
	_ fyne.Focusable     = (*gridChip)(nil)
	_ desktop.Hoverable  = (*gridChip)(nil)
	_ desktop.Cursorable = (*gridChip)(nil)
)

func newGridChip(onTap func(id int64)) *gridChip {
	c := &gridChip{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// setPerson shows p on the chip, marked when selected.
func (c *gridChip) setPerson(p model.NetworkPerson, selected bool) {
	same := c.selected == selected && c.person.Person.ID == p.Person.ID &&
		c.person.Person.Name == p.Person.Name && c.person.Overdue == p.Overdue
	c.person, c.selected = p, selected
	if !same {
		c.Refresh()
	}
}

// Tapped selects the chip's person.
func (c *gridChip) Tapped(*fyne.PointEvent) {
	if c.onTap != nil && c.person.Person.ID != 0 {
		c.onTap(c.person.Person.ID)
	}
}

// Cursor is the pointing hand: the chip is a link to the person.
func (c *gridChip) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn shades the chip while the pointer is over it.
func (c *gridChip) MouseIn(*desktop.MouseEvent) {
	c.hovered = true
	c.Refresh()
	if c.onHover != nil {
		c.onHover(c, true)
	}
}

// MouseMoved does nothing: the shade is already on.
func (c *gridChip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the shade off.
func (c *gridChip) MouseOut() {
	c.hovered = false
	c.Refresh()
	if c.onHover != nil {
		c.onHover(c, false)
	}
}

// FocusGained draws the focus ring.
func (c *gridChip) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost takes the focus ring off.
func (c *gridChip) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune does nothing: a chip takes no text.
func (c *gridChip) TypedRune(rune) {}

// TypedKey taps the chip on space or return.
func (c *gridChip) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		c.Tapped(nil)
	}
}

func (c *gridChip) CreateRenderer() fyne.WidgetRenderer {
	r := &gridChipRenderer{c: c, bg: canvas.NewRectangle(color.Transparent),
		hover: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black),
		clock: canvas.NewImageFromResource(theme.HistoryIcon())}
	r.clock.FillMode = canvas.ImageFillContain
	r.objects = []fyne.CanvasObject{r.bg, r.hover, r.clock, r.text}
	r.Refresh()
	return r
}

type gridChipRenderer struct {
	c       *gridChip
	bg      *canvas.Rectangle
	hover   *canvas.Rectangle
	clock   *canvas.Image
	text    *canvas.Text
	objects []fyne.CanvasObject
}

func (r *gridChipRenderer) Destroy()                     {}
func (r *gridChipRenderer) Objects() []fyne.CanvasObject { return r.objects }

// metrics are the chip's padding, text size and clock size.
func (r *gridChipRenderer) metrics() (pad, textSize, clock float32) {
	th := r.c.Theme()
	textSize = th.Size(theme.SizeNameText)
	return th.Size(theme.SizeNamePadding), textSize, textSize + 1
}

func (r *gridChipRenderer) style() fyne.TextStyle { return fyne.TextStyle{Bold: r.c.selected} }

func (r *gridChipRenderer) MinSize() fyne.Size {
	pad, textSize, clock := r.metrics()
	name := r.c.person.Person.Name
	if name == "" {
		name = "M" // an empty chip is still as tall as a named one
	}
	s := fyne.MeasureText(name, textSize, r.style())
	w := s.Width + 5*pad
	if r.c.person.Overdue {
		w += clock + pad
	}
	return fyne.NewSize(w, s.Height+2*pad)
}

func (r *gridChipRenderer) Layout(size fyne.Size) {
	pad, textSize, clock := r.metrics()
	for _, o := range []*canvas.Rectangle{r.bg, r.hover} {
		o.Resize(size)
		o.CornerRadius = size.Height / 2
	}
	x := 2.5 * pad
	if r.c.person.Overdue {
		r.clock.Move(fyne.NewPos(x-pad/2, (size.Height-clock)/2))
		r.clock.Resize(fyne.NewSquareSize(clock))
		x += clock + pad/2
	}
	text := ellipsize(r.c.person.Person.Name, size.Width-x-2.5*pad, textSize, r.style())
	if text != r.text.Text {
		r.text.Text = text
		r.text.Refresh()
	}
	th := fyne.MeasureText(text, textSize, r.style()).Height
	r.text.Move(fyne.NewPos(x, (size.Height-th)/2))
	r.text.Resize(fyne.NewSize(size.Width-x, th))
}

func (r *gridChipRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	_, textSize, _ := r.metrics()
	r.text.TextSize, r.text.TextStyle = textSize, r.style()
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.bg.FillColor = th.Color(theme.ColorNameBackground, v)
	r.bg.StrokeColor, r.bg.StrokeWidth = th.Color(theme.ColorNameSeparator, v), 1
	clock := theme.ColorNameWarning
	if c.selected {
		r.text.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
		r.bg.FillColor = th.Color(theme.ColorNamePrimary, v)
		r.bg.StrokeColor = r.bg.FillColor
		clock = theme.ColorNameForegroundOnPrimary
	}
	if c.focused {
		r.bg.StrokeColor, r.bg.StrokeWidth = th.Color(theme.ColorNameFocus, v), 2
	}
	r.hover.FillColor = color.Transparent
	if c.hovered {
		r.hover.FillColor = th.Color(theme.ColorNameHover, v)
	}
	r.clock.Resource = theme.NewColoredResource(theme.HistoryIcon(), clock)
	r.clock.Hidden = !c.person.Overdue
	r.Layout(c.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// ellipsize shortens text with "…" until it fits width.
func ellipsize(text string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	for n := len(runes) - 1; n > 0; n-- {
		short := strings.TrimRight(string(runes[:n]), " ") + "…"
		if fyne.MeasureText(short, size, style).Width <= width {
			return short
		}
	}
	return "…"
}
