package relmap

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// netPerson is someone for the grid: an ID, a name, where they stand, how
// warm.
func netPerson(id int64, name string, influence int, stance model.Stance, warmth int, overdue bool) model.NetworkPerson {
	p := model.NewPerson(name)
	p.ID, p.Influence, p.Stance = id, influence, stance
	return model.NetworkPerson{Person: p, Warmth: warmth, Overdue: overdue}
}

// gridCellAt is the cell for influence and stance.
func gridCellAt(t *testing.T, g *stanceGrid, influence int, s model.Stance) *gridCell {
	t.Helper()
	c := g.cells[gridInfluences-influence][slices.Index(model.Stances(), s)]
	if c.influence != influence || c.stance != s {
		t.Fatalf("cell at influence %d, %s holds influence %d, %s", influence, s, c.influence, c.stance)
	}
	return c
}

// cellChips are the chips a cell has on show, in order.
func cellChips(c *gridCell) []*gridChip {
	var out []*gridChip
	for _, o := range c.box.Objects {
		if chip, ok := o.(*gridChip); ok && o.Visible() {
			out = append(out, chip)
		}
	}
	return out
}

// cellNames are the names on a cell's chips, in order.
func cellNames(c *gridCell) []string {
	var out []string
	for _, chip := range cellChips(c) {
		out = append(out, chip.person.Person.Name)
	}
	return out
}

// cellMore is the cell's "+N more" or "Show fewer" button, nil when it
// has none on show.
func cellMore(c *gridCell) *widget.Button {
	for _, o := range c.box.Objects {
		if b, ok := o.(*widget.Button); ok && o.Visible() {
			return b
		}
	}
	return nil
}

// allGridNames are the names on every chip in the grid, row by row.
func allGridNames(g *stanceGrid) []string {
	var out []string
	for _, row := range g.cells {
		for _, c := range row {
			out = append(out, cellNames(c)...)
		}
	}
	return out
}

func TestStanceGridPutsPeopleInTheirCell(t *testing.T) {
	test.NewTempApp(t)
	g := newStanceGrid(nil)
	g.setPeople([]model.NetworkPerson{
		netPerson(1, "Dana Reyes", 5, model.StanceChampion, 50, false),
		netPerson(2, "Ben Okafor", 1, model.StanceBlocker, 50, false),
		netPerson(3, "Priya Natarajan", 3, model.StanceSkeptic, 50, false),
		netPerson(4, "Chen Wei", 4, model.StanceUnknown, 50, false),
		netPerson(5, "Out Of Range", 9, model.StanceSupporter, 50, false),
		netPerson(6, "No Stance", 0, "", 50, false),
	}, 0)

	for _, tc := range []struct {
		influence int
		stance    model.Stance
		want      []string
	}{
		{5, model.StanceChampion, []string{"Dana Reyes"}},
		{1, model.StanceBlocker, []string{"Ben Okafor"}},
		{3, model.StanceSkeptic, []string{"Priya Natarajan"}},
		{4, model.StanceUnknown, []string{"Chen Wei"}},
		{5, model.StanceSupporter, []string{"Out Of Range"}}, // influence clamped to 5
		{1, model.StanceUnknown, []string{"No Stance"}},      // to 1, and unknown
	} {
		c := gridCellAt(t, g, tc.influence, tc.stance)
		if got := cellNames(c); !slices.Equal(got, tc.want) {
			t.Errorf("influence %d, %s shows %v, want %v", tc.influence, tc.stance, got, tc.want)
		}
	}
	if got := len(allGridNames(g)); got != 6 {
		t.Errorf("the grid shows %d chips, want 6: %v", got, allGridNames(g))
	}
	if got, want := gridCellAt(t, g, 5, model.StanceChampion).tint.advice, model.AdviceManageClosely; got != want {
		t.Errorf("champion at 5 is tinted %v, want %v", got, want)
	}
	if got, want := gridCellAt(t, g, 3, model.StanceUnknown).tint.advice, model.AdviceKeepInformed; got != want {
		t.Errorf("unknown at 3 is tinted %v, want %v", got, want)
	}
}

func TestStanceGridHeadings(t *testing.T) {
	test.NewTempApp(t)
	g := newStanceGrid(nil)
	var heads []string
	for _, h := range g.rowHeads {
		heads = append(heads, h.Text)
	}
	if want := []string{"Influence 5", "Influence 4", "Influence 3", "Influence 2", "Influence 1"}; !slices.Equal(heads, want) {
		t.Errorf("row headings %v, want %v", heads, want)
	}
	for a, q := range g.quarters {
		if got, want := q.heading.String(), model.Advice(a).Label()+model.Advice(a).Hint(); got != want {
			t.Errorf("quarter %d heading %q, want %q", a, got, want)
		}
	}
}

func TestStanceGridOrdersColdestFirst(t *testing.T) {
	test.NewTempApp(t)
	g := newStanceGrid(nil)
	g.setPeople([]model.NetworkPerson{
		netPerson(1, "Warm Wendy", 2, model.StanceNeutral, 90, false),
		netPerson(2, "bo Cold", 2, model.StanceNeutral, 10, false),
		netPerson(3, "Al Cold", 2, model.StanceNeutral, 10, true),
		netPerson(4, "Mid Mo", 2, model.StanceNeutral, 40, false),
	}, 0)
	want := []string{"Al Cold", "bo Cold", "Mid Mo", "Warm Wendy"}
	if got := cellNames(gridCellAt(t, g, 2, model.StanceNeutral)); !slices.Equal(got, want) {
		t.Errorf("cell order %v, want %v", got, want)
	}
}

func TestStanceGridTappingAChipTellsTheCaller(t *testing.T) {
	test.NewTempApp(t)
	var tapped []int64
	g := newStanceGrid(func(id int64) { tapped = append(tapped, id) })
	g.setPeople([]model.NetworkPerson{
		netPerson(11, "Dana Reyes", 5, model.StanceChampion, 50, false),
		netPerson(22, "Ben Okafor", 2, model.StanceSkeptic, 50, false),
	}, 11)

	ben := cellChips(gridCellAt(t, g, 2, model.StanceSkeptic))[0]
	test.Tap(ben)
	if !slices.Equal(tapped, []int64{22}) {
		t.Fatalf("onTap got %v, want [22]", tapped)
	}
	dana := cellChips(gridCellAt(t, g, 5, model.StanceChampion))[0]
	if !ben.selected || dana.selected {
		t.Errorf("after the tap Ben selected %v, Dana selected %v; want the mark moved to Ben", ben.selected, dana.selected)
	}
	ben.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if !slices.Equal(tapped, []int64{22, 22}) {
		t.Errorf("space on a focused chip: onTap got %v", tapped)
	}
}

func TestStanceGridMarksSelectedAndOverdue(t *testing.T) {
	test.NewTempApp(t)
	g := newStanceGrid(nil)
	g.setPeople([]model.NetworkPerson{
		netPerson(1, "Dana Reyes", 4, model.StanceSupporter, 20, true),
		netPerson(2, "Ben Okafor", 4, model.StanceSupporter, 30, false),
	}, 2)
	chips := cellChips(gridCellAt(t, g, 4, model.StanceSupporter))
	if len(chips) != 2 {
		t.Fatalf("%d chips, want 2", len(chips))
	}
	dana, ben := chips[0], chips[1]
	if dana.selected || !ben.selected {
		t.Errorf("selected: Dana %v, Ben %v; want only Ben", dana.selected, ben.selected)
	}
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := th.Color(theme.ColorNamePrimary, v)
	dana.Resize(dana.MinSize())
	danaR := test.TempWidgetRenderer(t, dana).(*gridChipRenderer)
	benR := test.TempWidgetRenderer(t, ben).(*gridChipRenderer)
	if benR.bg.FillColor != primary || !benR.text.TextStyle.Bold {
		t.Errorf("Ben's chip is filled %v (bold %v), want the primary colour %v in bold", benR.bg.FillColor, benR.text.TextStyle.Bold, primary)
	}
	if danaR.bg.FillColor == primary || danaR.text.TextStyle.Bold {
		t.Errorf("Dana's chip looks selected")
	}
	if danaR.clock.Hidden || !benR.clock.Hidden {
		t.Errorf("overdue clock shown: Dana %v, Ben %v; want only Dana (overdue)", !danaR.clock.Hidden, !benR.clock.Hidden)
	}
	if danaR.text.Text != "Dana Reyes" {
		t.Errorf("Dana's chip reads %q", danaR.text.Text)
	}
}

func TestStanceGridCapsACellUntilExpanded(t *testing.T) {
	test.NewTempApp(t)
	var people []model.NetworkPerson
	for i := range 20 {
		people = append(people, netPerson(int64(i+1), fmt.Sprintf("Person %02d", i), 3, model.StanceBlocker, i, false))
	}
	g := newStanceGrid(nil)
	w := test.NewTempWindow(t, g.content())
	w.Resize(fyne.NewSize(1000, 600))
	g.setPeople(people, 0)
	c := gridCellAt(t, g, 3, model.StanceBlocker)

	if got := len(cellChips(c)); got != gridChipCap {
		t.Fatalf("a cell of 20 shows %d chips, want %d", got, gridChipCap)
	}
	more := cellMore(c)
	if more == nil || more.Text != "+8 more" {
		t.Fatalf("more button = %v, want +8 more", more)
	}
	if got := cellNames(c)[gridChipCap-1]; got != "Person 11" {
		t.Errorf("the last chip before the cap is %q, want the 12th coldest, Person 11", got)
	}
	collapsed := g.body.Size().Height

	test.Tap(more)
	if got := len(cellChips(c)); got != 20 {
		t.Errorf("expanded cell shows %d chips, want 20", got)
	}
	if more := cellMore(c); more == nil || more.Text != "Show fewer" {
		t.Errorf("expanded cell's button = %v, want Show fewer", more)
	}
	if got := g.body.Size().Height; got <= collapsed {
		t.Errorf("the grid is %v tall expanded, %v collapsed: the scroll did not learn the new height", got, collapsed)
	}

	// New people keep the cell expanded; collapsing caps it again.
	g.setPeople(append(people, netPerson(99, "Person 99", 3, model.StanceBlocker, 99, false)), 0)
	if got := len(cellChips(c)); got != 21 {
		t.Errorf("after setPeople the expanded cell shows %d chips, want 21", got)
	}
	test.Tap(cellMore(c))
	if got, more := len(cellChips(c)), cellMore(c); got != gridChipCap || more.Text != "+9 more" {
		t.Errorf("collapsed again: %d chips and %q, want %d and +9 more", got, more.Text, gridChipCap)
	}
	if got := g.body.Size().Height; got != collapsed {
		t.Errorf("collapsed again the grid is %v tall, want %v", got, collapsed)
	}

	// A cell at the cap exactly has no button.
	g.setPeople(people[:gridChipCap], 0)
	if more := cellMore(c); more != nil {
		t.Errorf("a cell of %d shows a %q button", gridChipCap, more.Text)
	}
}

func TestStanceGridStaysSmallWithThousands(t *testing.T) {
	test.NewTempApp(t)
	var people []model.NetworkPerson
	stances := model.Stances()
	for i := range 5000 {
		people = append(people, netPerson(int64(i+1), fmt.Sprintf("Person %04d", i), 1+i%5, stances[i/5%len(stances)], i%101, i%3 == 0))
	}
	g := newStanceGrid(nil)
	w := test.NewTempWindow(t, g.content())
	start := time.Now()
	g.setPeople(people, 17)
	w.Resize(fyne.NewSize(1100, 700))
	took := time.Since(start)

	chips := 0
	for _, row := range g.cells {
		for _, c := range row {
			chips += len(c.chips)
			if more := cellMore(c); more == nil || more.Text != fmt.Sprintf("+%d more", len(c.people)-gridChipCap) {
				t.Errorf("influence %d, %s: more button %v for %d people", c.influence, c.stance, more, len(c.people))
			}
		}
	}
	if max := gridInfluences * len(stances) * gridChipCap; chips > max {
		t.Errorf("5,000 people made %d chips, want at most %d", chips, max)
	}
	t.Logf("5,000 people: %d chips, %v", chips, took)
}

func TestStanceGridSetPeopleReplacesTheContent(t *testing.T) {
	test.NewTempApp(t)
	g := newStanceGrid(nil)
	before := g.content()
	g.setPeople([]model.NetworkPerson{
		netPerson(1, "Dana Reyes", 5, model.StanceChampion, 50, false),
		netPerson(2, "Ben Okafor", 2, model.StanceSkeptic, 50, false),
	}, 1)
	g.setPeople([]model.NetworkPerson{
		netPerson(3, "Priya Natarajan", 5, model.StanceChampion, 50, false),
	}, 0)
	if got, want := allGridNames(g), []string{"Priya Natarajan"}; !slices.Equal(got, want) {
		t.Errorf("after the second setPeople the grid shows %v, want %v", got, want)
	}
	if chip := cellChips(gridCellAt(t, g, 5, model.StanceChampion))[0]; chip.selected {
		t.Error("the reused chip still carries the old selection")
	}
	if g.content() != before {
		t.Error("content() is a new object after setPeople; the caller holds the first")
	}
	g.setPeople(nil, 0)
	if got := allGridNames(g); len(got) != 0 {
		t.Errorf("an empty network shows %v", got)
	}
}

func TestFlowPlace(t *testing.T) {
	sz := fyne.NewSize
	pos := fyne.NewPos
	for _, tc := range []struct {
		name   string
		sizes  []fyne.Size
		width  float32
		pos    []fyne.Position
		out    []fyne.Size
		height float32
	}{
		{"empty", nil, 100, []fyne.Position{}, []fyne.Size{}, 0},
		{"one row", []fyne.Size{sz(30, 10), sz(40, 10)}, 100,
			[]fyne.Position{pos(0, 0), pos(35, 0)}, []fyne.Size{sz(30, 10), sz(40, 10)}, 10},
		{"wraps", []fyne.Size{sz(30, 10), sz(40, 10), sz(50, 10)}, 100,
			[]fyne.Position{pos(0, 0), pos(35, 0), pos(0, 15)}, []fyne.Size{sz(30, 10), sz(40, 10), sz(50, 10)}, 25},
		{"fits exactly", []fyne.Size{sz(45, 10), sz(50, 10)}, 100,
			[]fyne.Position{pos(0, 0), pos(50, 0)}, []fyne.Size{sz(45, 10), sz(50, 10)}, 10},
		{"too wide is narrowed", []fyne.Size{sz(150, 10), sz(20, 10)}, 100,
			[]fyne.Position{pos(0, 0), pos(0, 15)}, []fyne.Size{sz(100, 10), sz(20, 10)}, 25},
		{"centred in a taller row", []fyne.Size{sz(20, 10), sz(20, 20)}, 100,
			[]fyne.Position{pos(0, 5), pos(25, 0)}, []fyne.Size{sz(20, 10), sz(20, 20)}, 20},
	} {
		gotPos, gotOut, gotH := flowPlace(tc.sizes, tc.width, 5, 5)
		if !slices.Equal(gotPos, tc.pos) || !slices.Equal(gotOut, tc.out) || gotH != tc.height {
			t.Errorf("%s: got %v %v %v, want %v %v %v", tc.name, gotPos, gotOut, gotH, tc.pos, tc.out, tc.height)
		}
	}
}

// TestStanceGridGolden pins how the grid renders: the golden markup in
// testdata/ shows every label, colour and position. After a deliberate
// change, copy testdata/failed/stance_grid.xml over it.
func TestStanceGridGolden(t *testing.T) {
	test.NewTempApp(t)
	g := newStanceGrid(nil)
	w := test.NewTempWindow(t, g.content())
	w.Resize(fyne.NewSize(900, 640))
	g.setPeople([]model.NetworkPerson{
		netPerson(1, "Dana Reyes", 5, model.StanceChampion, 80, false),
		netPerson(2, "Zoë Ångström", 4, model.StanceSkeptic, 20, true),
		netPerson(3, "Ben Okafor", 4, model.StanceSkeptic, 60, false),
		netPerson(4, "Priya Natarajan-Fitzgerald", 3, model.StanceSupporter, 40, true),
		netPerson(5, "Chen Wei", 2, model.StanceBlocker, 10, false),
		netPerson(6, "Amara Nwosu", 1, model.StanceUnknown, 0, true),
	}, 3)
	test.AssertRendersToMarkup(t, "stance_grid.xml", w.Canvas())
}

func TestColumnWidths(t *testing.T) {
	for _, tc := range []struct {
		name  string
		need  []float32
		width float32
		want  []float32
	}{
		{"room for all: the rest shared", []float32{100, 200, 90}, 600, []float32{170, 270, 160}},
		{"narrow needs lifted to the minimum", []float32{10, 20}, 180, []float32{90, 90}},
		{"short: the wide share what is left", []float32{100, 300, 300}, 500, []float32{100, 200, 200}},
		{"short: only the widest cut", []float32{100, 150, 400}, 500, []float32{100, 150, 250}},
		{"too narrow for the minimum: it holds", []float32{200, 200}, 100, []float32{90, 90}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := columnWidths(tc.need, tc.width); !slices.Equal(got, tc.want) {
				t.Errorf("columnWidths(%v, %v) = %v, want %v", tc.need, tc.width, got, tc.want)
			}
		})
	}
}

// chipText is what a chip reads: its name, or the name shortened.
func chipText(c *gridChip) string { return test.WidgetRenderer(c).(*gridChipRenderer).text.Text }

// longNames are people with long names, as in the sample network, in a
// few columns with the others nearly empty.
func longNames() []model.NetworkPerson {
	return []model.NetworkPerson{
		netPerson(1, "Maximiliane Oyelaran-Castellanos", 5, model.StanceChampion, 60, true),
		netPerson(2, "Bartholomew Achterberg", 3, model.StanceSupporter, 50, false),
		netPerson(3, "Fatima Zahra El Amrani", 3, model.StanceSupporter, 40, false),
		netPerson(4, "Olusegun Adeyemi", 3, model.StanceUnknown, 30, false),
		netPerson(5, "Camille Rousseau", 4, model.StanceSkeptic, 20, true),
		netPerson(6, "Gregor Nowak", 5, model.StanceBlocker, 20, false),
		netPerson(7, "Chen Wei", 2, model.StanceNeutral, 20, false),
	}
}

// The grid gives the columns with long names the room the others do not
// need: at the width the app gives it in a 1920-wide window no name is
// cut, in a 1280-wide one only the two longest; in a narrow one a name
// is shortened, and the pointer on it shows it whole.
func TestStanceGridUsesTheWidthForWholeNames(t *testing.T) {
	test.NewTempApp(t)
	g := newStanceGrid(nil)
	w := test.NewTempWindow(t, g.content())
	g.setPeople(longNames(), 0)
	var chips []*gridChip
	for _, row := range g.cells {
		for _, c := range row {
			chips = append(chips, cellChips(c)...)
		}
	}
	for _, tc := range []struct {
		width float32
		cut   []string
	}{
		{1920 - 220, nil},
		{1280 - 220, []string{"Maximiliane Oyelaran-Castellanos", "Bartholomew Achterberg"}},
	} {
		w.Resize(fyne.NewSize(tc.width, 700))
		var cut []string
		for _, c := range chips {
			if chipText(c) != c.person.Person.Name {
				cut = append(cut, c.person.Person.Name)
			}
		}
		if !slices.Equal(cut, tc.cut) {
			t.Errorf("at %v wide the names cut are %q, want %q", tc.width, cut, tc.cut)
		}
	}

	w.Resize(fyne.NewSize(800, 700))
	long := cellChips(gridCellAt(t, g, 5, model.StanceChampion))[0]
	if got := chipText(long); got == long.person.Person.Name || !strings.HasSuffix(got, "…") {
		t.Fatalf("at 800 wide the longest name reads %q, want it shortened with …", got)
	}
	short := cellChips(gridCellAt(t, g, 2, model.StanceNeutral))[0]
	if got := chipText(short); got != "Chen Wei" {
		t.Errorf("a short name reads %q at 800 wide, want it whole", got)
	}
	long.MouseIn(nil)
	if got := g.tips.Text(); got != long.person.Person.Name {
		t.Errorf("the pointer on the shortened chip shows %q, want the whole name", got)
	}
	at, size := g.tips.Bounds()
	if at.X+size.Width > g.body.Size().Width || at.Y+size.Height > g.body.Size().Height || at.X < 0 {
		t.Errorf("the whole name's box %v+%v leaves the grid %v", at, size, g.body.Size())
	}
	long.MouseOut()
	short.MouseIn(nil)
	if g.tips.Text() != "" {
		t.Error("the whole name stays on show over a chip that is not shortened")
	}
}
