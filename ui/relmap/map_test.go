package relmap_test

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/netmap"
	"rapport/ui/relmap"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// navigator records what the map asked of the window, in words.
type navigator struct {
	win fyne.Window
	kittest.Recorder
}

func (n *navigator) OpenPerson(id int64)               { n.Ask("open person %d", id) }
func (n *navigator) LogInteraction(id int64)           { n.Ask("log interaction %d", id) }
func (n *navigator) ScheduleMeeting(id int64)          { n.Ask("schedule meeting %d", id) }
func (n *navigator) NewPromise(id int64)               { n.Ask("new promise %d", id) }
func (n *navigator) ShowError(title string, err error) { n.Ask("error %s: %v", title, err) }
func (n *navigator) Window() fyne.Window               { return n.win }

// mapEnv is the map shown in a test window on a store, with what it
// asked of the window, and its controls found by what they say.
type mapEnv struct {
	*relmap.Screen
	nav                               *navigator
	win                               fyne.Window
	root                              fyne.CanvasObject
	view                              *netmap.Map
	viewMode                          *widget.RadioGroup
	groupBy, group, stance, influence *widget.Select
	archived, sensitive               *widget.Check
	search                            *widget.Entry
}

// IDs of the people mapStore holds, in the order it adds them.
const (
	mapDanaID int64 = iota + 1 // Platform, Northwind: champion, influence 5
	mapAnaID                   // Platform, Northwind: supporter, influence 4, overdue
	mapBenID                   // Data, Contoso: skeptic, influence 2, never contacted
	mapCarlID                  // Data, Northwind: blocker, influence 4
	mapEvaID                   // Data, Contoso: champion, influence 3, no cadence
	mapFinnID                  // Platform, Contoso: neutral, influence 3, in the trash
)

// Promises mapStore holds for Dana.
const (
	danaOwed   = "Send the migration plan"  // mine, due Thursday
	danaOwes   = "Introduce me to the CTO"  // theirs, overdue by 3 days
	danaKept   = "Review the design doc"    // mine, kept: not pending
	anaPending = "Share the Q3 roadmap"     // mine, Ana's: not Dana's
	danaLetGo  = "Book the offsite meeting" // mine, released: not pending
)

// mapPerson is someone with everything the map draws set.
func mapPerson(name, title, team, org string, stance model.Stance, influence, cadence int) model.Person {
	p := model.NewPerson(name)
	p.Title, p.Team, p.Organisation = title, team, org
	p.Relation, p.Stance, p.Influence, p.CadenceDays = model.RelationPeer, stance, influence, cadence
	return p
}

// mapStore holds a small network across two teams (Platform, Data) and two
// organisations (Northwind, Contoso): six people, one in the trash, five
// ties of every kind (one to the person in the trash), contacts that make
// warmth differ, and promises both ways with Dana.
func mapStore(t *testing.T) *storage.Store {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t, clock)
	for i, p := range []model.Person{
		mapPerson("Dana Reyes", "Director", "Platform", "Northwind", model.StanceChampion, 5, 30),
		mapPerson("Ana Ruiz", "VP", "Platform", "Northwind", model.StanceSupporter, 4, 30),
		mapPerson("Ben Okafor", "Engineer", "Data", "Contoso", model.StanceSkeptic, 2, 30),
		mapPerson("Carl Xu", "PM", "Data", "Northwind", model.StanceBlocker, 4, 60),
		mapPerson("Eva Lind", "Analyst", "Data", "Contoso", model.StanceChampion, 3, 0),
		mapPerson("Finn Moss", "Designer", "Platform", "Contoso", model.StanceNeutral, 3, 30),
	} {
		if err := st.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if p.ID != int64(i+1) {
			t.Fatalf("%s stored with ID %d, want %d", p.Name, p.ID, i+1)
		}
	}
	days := func(n int) time.Time { return testNow.AddDate(0, 0, -n) }
	for _, i := range []model.Interaction{
		{Kind: model.KindCoffee, At: days(5), PersonIDs: []int64{mapDanaID}},
		{Kind: model.KindHelpGiven, At: days(40), PersonIDs: []int64{mapDanaID}},
		{Kind: model.KindLunch, At: days(50), PersonIDs: []int64{mapAnaID}},
		{Kind: model.KindMessage, At: days(10), PersonIDs: []int64{mapCarlID}},
		{Kind: model.KindThanksPublic, At: days(100), PersonIDs: []int64{mapEvaID}},
	} {
		if err := st.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []model.Promise{
		{Direction: model.DirectionMine, PersonID: mapDanaID, What: danaOwed, MadeOn: days(7),
			DueOn: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), Status: model.PromiseOpen},
		{Direction: model.DirectionTheirs, PersonID: mapDanaID, What: danaOwes, MadeOn: days(20),
			DueOn: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Status: model.PromiseOpen},
		{Direction: model.DirectionMine, PersonID: mapDanaID, What: danaKept, MadeOn: days(30),
			DueOn: days(12), Status: model.PromiseKept, ResolvedOn: days(13)},
		{Direction: model.DirectionMine, PersonID: mapDanaID, What: danaLetGo, MadeOn: days(30),
			Status: model.PromiseReleased, ResolvedOn: days(3)},
		{Direction: model.DirectionMine, PersonID: mapAnaID, What: anaPending, MadeOn: days(2),
			Status: model.PromiseOpen},
	} {
		if err := st.CreatePromise(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tie := range []model.Tie{
		{FromID: mapDanaID, ToID: mapAnaID, Kind: model.TieReportsTo},
		{FromID: mapDanaID, ToID: mapCarlID, Kind: model.TieInfluences},
		{FromID: mapDanaID, ToID: mapEvaID, Kind: model.TieCloseTo},
		{FromID: mapCarlID, ToID: mapDanaID, Kind: model.TieAtOddsWith},
		{FromID: mapBenID, ToID: mapFinnID, Kind: model.TieCloseTo},
	} {
		if err := st.CreateTie(ctx, &tie); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.ArchivePerson(ctx, mapFinnID); err != nil {
		t.Fatal(err)
	}
	return st
}

// openMap shows the map on st in a test window the size of the app's,
// as the window shows it.
func openMap(t *testing.T, st relmap.Store) *mapEnv {
	t.Helper()
	kittest.NewApp(t)
	nav := &navigator{}
	s := relmap.New(st, nav, clock)
	root := s.Content()
	win := test.NewTempWindow(t, root)
	win.Resize(fyne.NewSize(1600, 900)) // wide enough for whole names on the grid's chips
	nav.win = win
	selectOf := func(selected string) *widget.Select {
		return kittest.FindSelect(root, func(w *widget.Select) bool { return w.Selected == selected })
	}
	check := func(text string) *widget.Check {
		return kittest.Find(root, func(c *widget.Check) bool { return c.Text == text })
	}
	return &mapEnv{Screen: s, nav: nav, win: win, root: root,
		view:     kittest.Find[*netmap.Map](root, nil),
		viewMode: kittest.Find[*widget.RadioGroup](root, nil),
		groupBy:  selectOf(groupByTeam), group: selectOf("Every team"),
		stance: selectOf(anyStance), influence: selectOf(anyInfluence),
		archived: check("Trash"), sensitive: check("Knows sensitive things"),
		search: kittest.Entry(root, "Find a person: name, title, team, organisation or email"),
	}
}

// The filters' words, as the map offers them.
const (
	groupByTeam  = "By team"
	groupByOrg   = "By organisation"
	anyStance    = "Any stance"
	anyInfluence = "Any influence"
	mapViewName  = "Map"
	gridViewName = "Grid"
)

// countText is the line below the map that counts what is on show.
func (s *mapEnv) countText() string {
	l := kittest.Find(s.root, func(l *widget.Label) bool {
		return l.Importance == widget.LowImportance && countLine.MatchString(l.Text)
	})
	if l == nil {
		return ""
	}
	return l.Text
}

// countLine is how the count below the map starts.
var countLine = regexp.MustCompile(`^\d+ (person|people)\b`)

// card is the side card's column of rows, nil when the card is hidden.
func (s *mapEnv) card() *fyne.Container {
	sc := kittest.Find(s.root, func(sc *container.Scroll) bool {
		pad, ok := sc.Content.(*fyne.Container)
		if !ok || len(pad.Objects) != 1 {
			return false
		}
		_, ok = pad.Objects[0].(*fyne.Container)
		return ok
	})
	if sc == nil {
		return container.NewVBox()
	}
	return sc.Content.(*fyne.Container).Objects[0].(*fyne.Container)
}

// cardShown reports whether the side card is on show.
func (s *mapEnv) cardShown() bool { return len(s.card().Objects) > 0 }

// nodeNames lists the labels of the map's nodes, sorted.
func nodeNames(s *mapEnv) []string {
	var out []string
	for _, n := range s.view.Layout().Nodes {
		out = append(out, n.Label)
	}
	slices.Sort(out)
	return out
}

// sectorNames lists the map's sectors as "Label · count", sorted.
func sectorNames(s *mapEnv) []string {
	var out []string
	for _, sec := range s.view.Layout().Sectors {
		out = append(out, fmt.Sprintf("%s · %d", sec.Label, sec.Count))
	}
	slices.Sort(out)
	return out
}

// cardLines is the side card line by line: the words of each of its rows
// joined by spaces ("Reports to Ana Ruiz").
func cardLines(s *mapEnv) []string {
	var out []string
	for _, o := range s.card().Objects {
		if words := kittest.Words(o); len(words) > 0 {
			out = append(out, strings.Join(words, " "))
		}
	}
	return out
}

// cardHas reports whether the card shows line: one text of it exactly, or
// the words of one of its rows or groups joined by spaces. It does not
// mind how the card nests its rows.
func cardHas(s *mapEnv, line string) bool {
	var found bool
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found {
			return
		}
		words := kittest.Words(o)
		if strings.Join(words, " ") == line || slices.Contains(words, line) {
			found = true
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(v.Content)
		}
	}
	for _, o := range s.card().Objects {
		walk(o)
	}
	return found
}

// findButton is the button with text somewhere in o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// hasButton reports whether the card has a button with text.
func hasButton(s *mapEnv, text string) bool {
	for _, c := range test.LaidOutObjects(s.card()) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

// mapAt is where a point of the map widget is on the window's canvas.
func mapAt(e *mapEnv, pos fyne.Position) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(e.view).Add(pos)
}

// nodeAt is where the person with id is drawn, in the map's coordinates;
// it must be inside the widget and hit that node.
func nodeAt(t *testing.T, e *mapEnv, id int64) fyne.Position {
	t.Helper()
	v := e.view
	pos, ok := v.NodePosition(id)
	if !ok {
		t.Fatalf("person %d is not on the map", id)
	}
	if size := v.Size(); pos.X < 0 || pos.Y < 0 || pos.X > size.Width || pos.Y > size.Height {
		t.Fatalf("person %d drawn at %v, outside the map's %v", id, pos, size)
	}
	if got := v.NodeAt(pos); got != id {
		t.Fatalf("the node at person %d's position is %d", id, got)
	}
	return pos
}

// tapNode taps the person's node on the window, as a user clicks it.
func tapNode(t *testing.T, e *mapEnv, id int64) {
	t.Helper()
	test.TapCanvas(e.win.Canvas(), mapAt(e, nodeAt(t, e, id)))
}

// tapMapCentre taps "You" at the centre of the map, where nobody is.
func tapMapCentre(t *testing.T, e *mapEnv) {
	t.Helper()
	v := e.view
	mid := fyne.NewPos(v.Size().Width/2, v.Size().Height/2)
	if id := v.NodeAt(mid); id != 0 {
		t.Fatalf("person %d sits at the centre of the map", id)
	}
	test.TapCanvas(e.win.Canvas(), mapAt(e, mid))
}

// networkPerson is the person with id as the store reads the network now.
func networkPerson(t *testing.T, st relmap.Store, id int64) model.NetworkPerson {
	t.Helper()
	net, err := st.Network(context.Background(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range net.People {
		if p.Person.ID == id {
			return p
		}
	}
	t.Fatalf("no person %d in the network", id)
	return model.NetworkPerson{}
}

func TestMapShowsActivePeopleAndArchivedOnRequest(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)

	want := []string{"Ana Ruiz", "Ben Okafor", "Carl Xu", "Dana Reyes", "Eva Lind"}
	if got := nodeNames(s); !slices.Equal(got, want) {
		t.Fatalf("map shows %v, want %v", got, want)
	}
	if got, want := s.countText(), "5 people · 4 ties · 1 overdue for contact"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
	if s.view.Selected() != 0 || !cardHas(s, "Reading the map") {
		t.Errorf("with nobody selected the card shows %q, want the legend", cardLines(s))
	}
	for _, n := range s.view.Layout().Nodes {
		overdue := n.ID == mapAnaID // Ben, never contacted, is not overdue yet
		if n.Dimmed || n.Marked != overdue {
			t.Errorf("%s: dimmed %v, marked overdue %v; want not dimmed, marked %v", n.Label, n.Dimmed, n.Marked, overdue)
		}
	}
	// Warmth sets the distance from the centre: Dana, just met, nearer than
	// Ana, past her cadence, nearer than Ben, never contacted.
	dist := map[int64]float64{}
	for _, n := range s.view.Layout().Nodes {
		dist[n.ID] = n.Distance
	}
	if !(dist[mapDanaID] < dist[mapAnaID] && dist[mapAnaID] < dist[mapBenID] && dist[mapBenID] == 1) {
		t.Errorf("distances Dana %.2f, Ana %.2f, Ben %.2f: want warmer nearer, never contacted at the edge",
			dist[mapDanaID], dist[mapAnaID], dist[mapBenID])
	}
	if got, want := s.view.Tooltip(mapAnaID), fmt.Sprintf("Ana Ruiz · VP · Platform · Northwind · Supporter · warmth %d · overdue for contact",
		networkPerson(t, st, mapAnaID).Warmth); got != want {
		t.Errorf("Ana's tooltip = %q, want %q", got, want)
	}

	s.archived.SetChecked(true)
	want = []string{"Ana Ruiz", "Ben Okafor", "Carl Xu", "Dana Reyes", "Eva Lind", "Finn Moss"}
	if got := nodeNames(s); !slices.Equal(got, want) {
		t.Fatalf("with archived shown the map shows %v, want %v", got, want)
	}
	for _, n := range s.view.Layout().Nodes {
		if n.Dimmed != (n.ID == mapFinnID) {
			t.Errorf("%s dimmed = %v; only Finn, in the trash, should be", n.Label, n.Dimmed)
		}
		if n.ID == mapFinnID && n.Marked {
			t.Error("Finn, in the trash, is marked overdue")
		}
	}
	if got, want := s.countText(), "6 people · 5 ties · 1 overdue for contact"; got != want {
		t.Errorf("count with archived = %q, want %q", got, want)
	}

	s.archived.SetChecked(false)
	if got := nodeNames(s); slices.Contains(got, "Finn Moss") {
		t.Errorf("unticking Trash leaves %v", got)
	}
}

func TestMapTapSelectsAndCardTellsAboutThem(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)

	tapNode(t, s, mapDanaID)
	if s.view.Selected() != mapDanaID || s.view.Selected() != mapDanaID {
		t.Fatalf("after tapping Dana selected = %d (map %d), want %d", s.view.Selected(), s.view.Selected(), mapDanaID)
	}
	dana := networkPerson(t, st, mapDanaID)
	for _, want := range []string{
		"Dana Reyes",
		"Director · Platform · Northwind",
		"Champion · influence ●●●●●",
		fmt.Sprintf("Warmth %d of 100", dana.Warmth),
		"• last coffee 5 days ago",
		"• within the 30-day cadence",
		"You owe Dana · 1",
		"• " + danaOwed + " · due Thursday",
		"Dana owes you · 1",
		"• " + danaOwes + " · overdue by 3 days",
		"Ties · 4",
		"Reports to Ana Ruiz",
		"Influences Carl Xu",
		"Close to Eva Lind",
		"At odds with Carl Xu", // stored as Carl's tie, read from Dana's side
		"Log interaction Schedule coffee Promise Open page",
	} {
		if !cardHas(s, want) {
			t.Errorf("Dana's card has no line %q; it shows:\n%s", want, strings.Join(cardLines(s), "\n"))
		}
	}
	if dana.Warmth < 75 || dana.Warmth > 100 {
		t.Errorf("Dana's warmth = %d, want within 75–100 (in touch within her cadence)", dana.Warmth)
	}
	if cardHas(s, "Overdue for contact") {
		t.Error("Dana's card says she is overdue; she was met 5 days ago")
	}
	// Only Dana's pending promises: not those kept or let go, nor Ana's.
	for _, line := range cardLines(s) {
		for _, other := range []string{danaKept, danaLetGo, anaPending} {
			if strings.Contains(line, other) {
				t.Errorf("Dana's card lists %q, not pending or not hers", line)
			}
		}
	}

	// Someone else: their own card, never contacted and so not overdue.
	tapNode(t, s, mapBenID)
	if s.view.Selected() != mapBenID {
		t.Fatalf("after tapping Ben selected = %d", s.view.Selected())
	}
	for _, want := range []string{"Ben Okafor", "Warmth 0 of 100", "• never contacted", "• a 30-day cadence from the first contact",
		"• balance 0.0 credits", "Nothing pending either way.",
		"Close to Finn Moss (in the trash)"} {
		if !cardHas(s, want) {
			t.Errorf("Ben's card has no line %q; it shows:\n%s", want, strings.Join(cardLines(s), "\n"))
		}
	}
	if cardHas(s, "Overdue for contact") {
		t.Errorf("Ben, never contacted, is marked overdue on his card")
	}

	// The background clears the selection back to the legend.
	tapMapCentre(t, s)
	if s.view.Selected() != 0 || s.view.Selected() != 0 {
		t.Errorf("after tapping the background selected = %d (map %d), want nobody", s.view.Selected(), s.view.Selected())
	}
	if !cardHas(s, "Reading the map") || cardHas(s, "Ben Okafor") {
		t.Errorf("after tapping the background the card shows %q, want the legend", cardLines(s))
	}
	if cardHas(s, "Promises") || cardHas(s, "Nothing pending either way.") {
		t.Errorf("the legend keeps Ben's promises: %q", cardLines(s))
	}
}

func TestMapOpensThePersonsPage(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)

	tapNode(t, s, mapCarlID)
	test.Tap(findButton(t, s.card(), "Open page"))
	if want := []string{fmt.Sprintf("open person %d", mapCarlID)}; !slices.Equal(s.nav.Asked, want) {
		t.Fatalf("Open page asked %q, want %q", s.nav.Asked, want)
	}

	// Back on the map (the window builds it again), the selection is kept.
	s.Content()
	if s.view.Selected() != mapCarlID || !cardHas(s, "Carl Xu") {
		t.Errorf("back on the map selected = %d, want Carl still", s.view.Selected())
	}
	if p, ok := s.Selected(); !ok || p.ID != mapCarlID {
		t.Errorf("Selected() = %d, %v; want Carl", p.ID, ok)
	}

	// Someone in the trash: the card says so and offers only their page.
	s.archived.SetChecked(true)
	tapNode(t, s, mapFinnID)
	if !cardHas(s, "In the trash since "+testNow.Local().Format("2 January 2006")+".") {
		t.Errorf("Finn's card does not say he is in the trash: %q", cardLines(s))
	}
	if hasButton(s, "Log interaction") || hasButton(s, "Promise") {
		t.Error("Finn's card, in the trash, offers to log an interaction or a promise")
	}
	s.nav.Asked = nil
	test.Tap(findButton(t, s.card(), "Open page"))
	if want := []string{fmt.Sprintf("open person %d", mapFinnID)}; !slices.Equal(s.nav.Asked, want) {
		t.Fatalf("Open page for Finn asked %q, want %q", s.nav.Asked, want)
	}
}

func TestMapTieNameSelectsOrOpensThatPerson(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)
	tapNode(t, s, mapDanaID)

	link := cardLink(t, s, "Ana Ruiz")
	test.TapAt(link, fyne.NewPos(link.MinSize().Width/2, link.Size().Height/2))
	if s.view.Selected() != mapAnaID || s.view.Selected() != mapAnaID || !cardHas(s, "Ana Ruiz") {
		t.Fatalf("tapping Ana's name on Dana's card selects %d, want Ana", s.view.Selected())
	}
	if len(s.nav.Asked) != 0 {
		t.Errorf("tapping a name on the card asked the window %q, want it to stay on the map", s.nav.Asked)
	}

	// Finn is not on the map: his name opens his page from the trash.
	tapNode(t, s, mapBenID)
	link = cardLink(t, s, "Finn Moss (in the trash)")
	test.TapAt(link, fyne.NewPos(link.MinSize().Width/2, link.Size().Height/2))
	if want := []string{fmt.Sprintf("open person %d", mapFinnID)}; !slices.Equal(s.nav.Asked, want) {
		t.Fatalf("tapping Finn's name asked %q, want %q", s.nav.Asked, want)
	}
}

// cardLink is the link with text on the side card.
func cardLink(t *testing.T, s *mapEnv, text string) *widget.Hyperlink {
	t.Helper()
	for _, o := range test.LaidOutObjects(s.card()) {
		if l, ok := o.(*widget.Hyperlink); ok && l.Text == text {
			return l
		}
	}
	t.Fatalf("no link %q on the card: %q", text, cardLines(s))
	return nil
}

func TestMapFilters(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)

	if got, want := sectorNames(s), []string{"Data · 3", "Platform · 2"}; !slices.Equal(got, want) {
		t.Errorf("sectors by team = %v, want %v", got, want)
	}
	s.groupBy.SetSelected(groupByOrg)
	if got, want := sectorNames(s), []string{"Contoso · 2", "Northwind · 3"}; !slices.Equal(got, want) {
		t.Errorf("sectors by organisation = %v, want %v", got, want)
	}
	s.groupBy.SetSelected(groupByTeam)

	tapNode(t, s, mapDanaID)
	s.stance.SetSelected(model.StanceChampion.Label())
	if got, want := nodeNames(s), []string{"Dana Reyes", "Eva Lind"}; !slices.Equal(got, want) {
		t.Errorf("champions only shows %v, want %v", got, want)
	}
	if got, want := s.countText(), "2 people · 1 tie · 3 hidden by the filters"; got != want {
		t.Errorf("count with champions only = %q, want %q", got, want)
	}
	if s.view.Selected() != mapDanaID || !cardHas(s, "Dana Reyes") {
		t.Errorf("Dana, a champion, lost the selection to a filter she passes (selected %d)", s.view.Selected())
	}

	s.stance.SetSelected(anyStance)
	s.influence.SetSelected("Influence 4+")
	if got, want := nodeNames(s), []string{"Ana Ruiz", "Carl Xu", "Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("influence 4+ shows %v, want %v", got, want)
	}
	for _, n := range s.view.Layout().Nodes {
		if n.Size < 4 {
			t.Errorf("influence 4+ shows %s with influence %d", n.Label, n.Size)
		}
	}
	if got, want := s.countText(), "3 people · 3 ties · 1 overdue for contact · 2 hidden by the filters"; got != want {
		t.Errorf("count with influence 4+ = %q, want %q", got, want)
	}
	s.influence.SetSelected("Influence 5")
	if got, want := nodeNames(s), []string{"Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("influence 5 shows %v, want %v", got, want)
	}

	// A filter that leaves the selected person out clears the selection.
	s.influence.SetSelected(anyInfluence)
	s.stance.SetSelected(model.StanceSkeptic.Label())
	if got, want := nodeNames(s), []string{"Ben Okafor"}; !slices.Equal(got, want) {
		t.Errorf("skeptics only shows %v, want %v", got, want)
	}
	if s.view.Selected() != 0 || s.view.Selected() != 0 {
		t.Errorf("Dana filtered out but still selected (%d, map %d)", s.view.Selected(), s.view.Selected())
	}
	if !cardHas(s, "Reading the map") || cardHas(s, "Dana Reyes") {
		t.Errorf("Dana filtered out but the card shows %q", cardLines(s))
	}
	// Bringing her back does not bring the selection back.
	s.stance.SetSelected(anyStance)
	if s.view.Selected() != 0 {
		t.Errorf("clearing the filter reselected %d", s.view.Selected())
	}
}

func TestMapSearchHighlightsAndEnterSelects(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)
	base := "5 people · 4 ties · 1 overdue for contact"

	test.Type(s.search, "o")
	if got := s.countText(); got != base {
		t.Errorf("one letter typed: count = %q, want no search yet (%q)", got, base)
	}
	test.Type(s.search, "k") // "ok": Ben Okafor only
	if got, want := s.countText(), base+" · 1 match found"; got != want {
		t.Errorf("count for %q = %q, want %q", s.search.Text, got, want)
	}
	if s.view.Selected() != 0 {
		t.Errorf("typing selected %d before Enter", s.view.Selected())
	}
	s.search.OnSubmitted(s.search.Text)
	if s.view.Selected() != mapBenID || s.view.Selected() != mapBenID || !cardHas(s, "Ben Okafor") {
		t.Fatalf("Enter on %q selected %d, want Ben", s.search.Text, s.view.Selected())
	}

	s.search.SetText("data") // the team: Ben, Carl and Eva
	if got, want := s.countText(), base+" · 3 matches found"; got != want {
		t.Errorf("count for %q = %q, want %q", s.search.Text, got, want)
	}
	s.search.SetText("fi") // Finn is in the trash, hidden
	if got, want := s.countText(), base+` · no one matches "fi"`; got != want {
		t.Errorf("count for %q = %q, want %q", s.search.Text, got, want)
	}
	s.search.OnSubmitted(s.search.Text)
	if s.view.Selected() != mapBenID {
		t.Errorf("Enter with no match changed the selection to %d", s.view.Selected())
	}
	s.search.SetText("")
	if got := s.countText(); got != base {
		t.Errorf("cleared search: count = %q, want %q", got, base)
	}
}

func TestMapGridViewSelectsFromAChip(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)

	s.viewMode.SetSelected(gridViewName)
	if kittest.Find[*netmap.Map](s.root, nil) != nil || chip(s, "Carl Xu") == nil {
		t.Fatalf("Grid shows %q, want the stance grid and not the map", kittest.Texts(s.root))
	}
	if kittest.Button(s.root, "Fit all") != nil {
		t.Error("the grid view shows the zoom buttons")
	}
	if s.cardShown() {
		t.Error("the grid with nobody selected keeps the card's room")
	}
	if got, want := gridNames(s), []string{"Ana Ruiz", "Ben Okafor", "Carl Xu", "Dana Reyes", "Eva Lind"}; !slices.Equal(got, want) {
		t.Errorf("grid shows %v, want %v", got, want)
	}
	carl := chip(s, "Carl Xu")
	// Tap the chip where it is on the window, as a user does.
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(carl).Add(fyne.NewPos(carl.Size().Width/2, carl.Size().Height/2))
	test.TapCanvas(s.win.Canvas(), at)
	if p, ok := s.Selected(); !ok || p.ID != mapCarlID || !chipMarked(chip(s, "Carl Xu")) {
		t.Fatalf("tapping Carl's chip selected %d (chip marked %v), want Carl", p.ID, chipMarked(chip(s, "Carl Xu")))
	}
	if !s.cardShown() || !cardHas(s, "Carl Xu") || !cardHas(s, "Blocker · influence ●●●●○") {
		t.Errorf("Carl's card shows %q", cardLines(s))
	}

	// A name on the card moves the mark in the grid.
	kittest.TapLink(t, s.card(), "Dana Reyes")
	if p, _ := s.Selected(); p.ID != mapDanaID || !chipMarked(chip(s, "Dana Reyes")) || chipMarked(chip(s, "Carl Xu")) {
		t.Errorf("tapping Dana's name in the grid view: selected %d, Dana's chip marked %v, Carl's %v",
			p.ID, chipMarked(chip(s, "Dana Reyes")), chipMarked(chip(s, "Carl Xu")))
	}

	// The search narrows the grid; back on the map the selection holds.
	s.search.SetText("contoso")
	if got, want := gridNames(s), []string{"Ben Okafor", "Eva Lind"}; !slices.Equal(got, want) {
		t.Errorf("grid for %q shows %v, want %v", s.search.Text, got, want)
	}
	s.search.SetText("")
	s.viewMode.SetSelected(mapViewName)
	if kittest.Find[*netmap.Map](s.root, nil) != s.view || kittest.Button(s.root, "Fit all") == nil {
		t.Error("Map does not bring back the map and its zoom buttons")
	}
	if s.view.Selected() != mapDanaID {
		t.Errorf("the map selects %d after choosing Dana in the grid", s.view.Selected())
	}
}

// chips are the grid's chips on show: one per person, each a widget of
// the grid's own.
func chips(s *mapEnv) []fyne.Widget {
	var out []fyne.Widget
	kittest.Walk(s.root, func(o fyne.CanvasObject) bool {
		if w, ok := o.(fyne.Widget); ok && fmt.Sprintf("%T", w) == "*relmap.gridChip" {
			out = append(out, w)
			return false
		}
		return true
	})
	return out
}

// chip is the grid's chip showing name, nil when none does.
func chip(s *mapEnv, name string) fyne.Widget {
	for _, c := range chips(s) {
		if slices.Contains(kittest.Texts(c), name) {
			return c
		}
	}
	return nil
}

// chipMarked reports whether c is marked as the selection: its name in
// bold.
func chipMarked(c fyne.Widget) bool {
	return c != nil && kittest.Find(c, func(t *canvas.Text) bool { return t.TextStyle.Bold }) != nil
}

// gridNames are the names on the grid's chips, sorted.
func gridNames(s *mapEnv) []string {
	var out []string
	for _, c := range chips(s) {
		out = append(out, kittest.Texts(c)...)
	}
	slices.Sort(out)
	return out
}

// sortedCopy is a sorted copy of a.
func sortedCopy(a []string) []string {
	out := slices.Clone(a)
	slices.Sort(out)
	return out
}

// overlayLabels lists the texts of the labels on the top overlay, in
// order.
func overlayLabels(win fyne.Window) []string {
	top := kittest.TopDialog(win)
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		switch l := o.(type) {
		case *widget.Label:
			out = append(out, l.Text)
		case *widget.RichText:
			out = append(out, l.String())
		}
	}
	return out
}

func TestMapExplainsHowItIsComputed(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)
	if kittest.TopDialog(s.win) != nil {
		t.Fatal("the explainer is open before it was asked for")
	}
	test.Tap(findButton(t, s.root, "How is this computed?"))
	if kittest.TopDialog(s.win) == nil {
		t.Fatal("How is this computed? opened no dialog")
	}
	labels := overlayLabels(s.win)
	paras := strings.Split(model.DefaultCredits.Explain(), "\n\n")
	for _, want := range []string{paras[0], paras[1], "What each is worth, in credits"} {
		if !slices.Contains(labels, want) {
			t.Errorf("the explainer has no paragraph %q", want)
		}
	}
	if !strings.Contains(paras[1], "every 90 days") {
		t.Errorf("the half-life sentence reads %q", paras[1])
	}
	rows := model.DefaultCredits.Table()
	if len(rows) == 0 {
		t.Fatal("the credits table is empty")
	}
	for _, row := range rows {
		i := slices.Index(labels, row.What)
		if i < 1 || labels[i-1] != signed(row.Points) {
			t.Errorf("the explainer has no row %q beside %q", signed(row.Points), row.What)
		}
	}
	// A few rows spelt out, so a change of sign or of the minus is seen.
	for what, points := range map[string]string{"Coffee": "+3", "Help given": "+8", "Ask or favour": "−4", "Promise broken": "−10"} {
		if i := slices.Index(labels, what); i < 1 || labels[i-1] != points {
			t.Errorf("the explainer does not show %s %s", points, what)
		}
	}
	test.Tap(kittest.MustButton(t, kittest.TopDialog(s.win), "Close"))
	if kittest.TopDialog(s.win) != nil {
		t.Error("closing the explainer left an overlay")
	}
}

// TestMapCardAsksForTheForms: the card's buttons ask the window for the
// forms, for the person on the card; what the forms then do is
// TestMapCardLogsAnInteractionAndAddsAPromise in ui.
// signed is a weight as the explainer writes it: "+8", "−2" (a minus
// sign, not a hyphen), "0".
func signed(v float64) string {
	s := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), "-", "−", 1)
	if v > 0 {
		return "+" + s
	}
	return s
}

func TestMapCardAsksForTheForms(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)

	tapNode(t, s, mapBenID)
	test.Tap(findButton(t, s.card(), "Log interaction"))
	test.Tap(findButton(t, s.card(), "Schedule coffee"))
	tapNode(t, s, mapDanaID)
	test.Tap(findButton(t, s.card(), "Promise"))
	want := []string{
		fmt.Sprintf("log interaction %d", mapBenID),
		fmt.Sprintf("schedule meeting %d", mapBenID),
		fmt.Sprintf("new promise %d", mapDanaID),
	}
	if !slices.Equal(s.nav.Asked, want) {
		t.Errorf("the card's buttons asked %q, want %q", s.nav.Asked, want)
	}
}

func TestMapTieNameOfAFilteredOutPersonKeepsCardAndMapTogether(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)
	s.stance.SetSelected(model.StanceChampion.Label()) // Ana, a supporter, is hidden
	tapNode(t, s, mapDanaID)
	// The card says she is hidden, and her name opens her page, since the
	// map cannot select her.
	link := cardLink(t, s, "Ana Ruiz (hidden by the filters)")
	test.TapAt(link, fyne.NewPos(link.MinSize().Width/2, link.Size().Height/2))
	if want := []string{fmt.Sprintf("open person %d", mapAnaID)}; !slices.Equal(s.nav.Asked, want) {
		t.Fatalf("tapping a hidden person's name asked %q (selected %d, map %d), want their page",
			s.nav.Asked, s.view.Selected(), s.view.Selected())
	}
}

func TestMapFiltersByTeamOrOrganisation(t *testing.T) {
	st := mapStore(t)
	s := openMap(t, st)
	if got, want := s.group.Options, []string{"Every team", "Data", "Platform"}; !slices.Equal(got, want) {
		t.Errorf("team choices %v, want %v (Finn's team counts only with the trash shown)", got, want)
	}
	s.group.SetSelected("Platform")
	if got, want := nodeNames(s), []string{"Ana Ruiz", "Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("Platform shows %v, want %v", got, want)
	}
	// Organisations: the choice starts again from every one.
	s.groupBy.SetSelected(groupByOrg)
	if s.group.Selected != "Every organisation" || len(nodeNames(s)) != 5 {
		t.Errorf("by organisation: choice %q with %d people, want every organisation and 5", s.group.Selected, len(nodeNames(s)))
	}
	s.group.SetSelected("Contoso")
	if got, want := nodeNames(s), []string{"Ben Okafor", "Eva Lind"}; !slices.Equal(got, want) {
		t.Errorf("Contoso shows %v, want %v", got, want)
	}
	// Someone with no organisation is found under "No organisation".
	ana, err := st.Person(t.Context(), mapAnaID)
	if err != nil {
		t.Fatal(err)
	}
	ana.Organisation = ""
	if err := st.UpdatePerson(t.Context(), &ana); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	if !slices.Contains(s.group.Options, "No organisation") {
		t.Fatalf("choices %v lack No organisation", s.group.Options)
	}
	s.group.SetSelected("No organisation")
	if got, want := nodeNames(s), []string{"Ana Ruiz"}; !slices.Equal(got, want) {
		t.Errorf("No organisation shows %v, want %v", got, want)
	}
	s.group.SetSelected("Every organisation")
	if got := sectorNames(s); !slices.Contains(got, "No organisation · 1") {
		t.Errorf("sectors %v, want one named No organisation", got)
	}
}

// BenchmarkMapSearchKeystroke is a keystroke in the map's search over
// 5,000 people (500 with -short): matching, highlighting and the count.
// The map's repaint it triggers is BenchmarkRepaint in ui/netmap.
func BenchmarkMapSearchKeystroke(b *testing.B) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	net := model.Network{Now: testNow}
	for i := range n {
		p := model.NewPerson(fmt.Sprintf("%s %s %d", firstNames[i%len(firstNames)], lastNames[i%len(lastNames)], i))
		p.ID, p.Team, p.Influence = int64(i+1), fmt.Sprintf("Team %d", i%30), 1+i%5
		net.People = append(net.People, model.NetworkPerson{Person: p, Warmth: (i * 37) % 101})
		if i > 0 {
			net.Ties = append(net.Ties, model.Tie{ID: int64(i), FromID: int64(i + 1), ToID: int64(i/3 + 1), Kind: model.TieReportsTo})
		}
	}
	a := test.NewApp()
	defer a.Quit()
	s := relmap.New(networkStore{net: net}, &navigator{}, clock)
	root := s.Content()
	w := test.NewWindow(root)
	defer w.Close()
	w.Resize(fyne.NewSize(1280-220, 800))
	search := kittest.Entry(root, "Find a person: name, title, team, organisation or email")
	query := "ångström 4"
	for i := 0; b.Loop(); i++ {
		k := i % (len([]rune(query)) + 1)
		search.SetText(string([]rune(query)[:k]))
	}
	search.SetText(query)
	if !kittest.Shows(root, "found") {
		b.Fatal("the search found nobody")
	}
}

// Names for many people, some with letters beyond ASCII.
var (
	firstNames = []string{"Dana", "Zoë", "Ben", "Priya", "Chen", "Amara", "Lukas", "Sofia"}
	lastNames  = []string{"Reyes", "Ångström", "Okafor", "Natarajan", "Wei", "Nwosu", "Berg"}
)

// networkStore is a store holding only a network, handed out as it is.
type networkStore struct {
	relmap.Store
	net model.Network
	err error
}

func (n networkStore) Network(context.Context, time.Time) (model.Network, error) { return n.net, n.err }

func TestMapSaysWhenTheNetworkCannotBeRead(t *testing.T) {
	e := openMap(t, networkStore{err: errors.New("disk I/O error")})
	if !kittest.Shows(e.root, "Could not read the relationship map: disk I/O error") {
		t.Errorf("a failed read shows %q, want the error in place of the map", kittest.Texts(e.root))
	}
	if kittest.Button(e.root, "How is this computed?") != nil {
		t.Error("a failed read still shows the map's controls")
	}
	if len(e.nav.Asked) != 0 {
		t.Errorf("a failed read asked the window %q, want the message on the page only", e.nav.Asked)
	}
}

// countingStore counts the reads of who knows what the user shared.
type countingStore struct {
	relmap.Store
	knowerReads int
}

func (c *countingStore) SensitiveKnowers(ctx context.Context) (map[int64]bool, error) {
	c.knowerReads++
	return c.Store.SensitiveKnowers(ctx)
}

func TestMapTintsWhoKnowsSensitiveThings(t *testing.T) {
	st := mapStore(t)
	ctx := context.Background()
	for _, d := range []model.Disclosure{
		{PersonID: mapAnaID, Topic: "Interviewing elsewhere", Sensitivity: model.SensitivityHigh, SharedOn: testNow},
		{PersonID: mapEvaID, Topic: "Health", Sensitivity: model.SensitivityHigh, SharedOn: testNow},
		{PersonID: mapEvaID, Topic: "Holiday plans", Sensitivity: model.SensitivityLow, SharedOn: testNow},
		{PersonID: mapBenID, Topic: "Want to lead", Sensitivity: model.SensitivityMedium, SharedOn: testNow},
	} {
		if err := st.CreateDisclosure(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	counted := &countingStore{Store: st}
	s := openMap(t, counted)
	if counted.knowerReads != 0 {
		t.Errorf("the map read who knows what %d times with the tint off and nobody selected", counted.knowerReads)
	}
	tinted := func() []int64 {
		var out []int64
		for _, n := range s.view.Layout().Nodes {
			if n.Color == frameTint {
				out = append(out, n.ID)
			}
		}
		slices.Sort(out)
		return out
	}
	if got := tinted(); len(got) != 0 {
		t.Fatalf("tinted %v with the check off", got)
	}

	s.sensitive.SetChecked(true)
	if got, want := tinted(), []int64{mapAnaID, mapEvaID}; !slices.Equal(got, want) {
		t.Errorf("tinted %v, want exactly the knowers %v", got, want)
	}
	for _, n := range s.view.Layout().Nodes {
		if n.Shape != shapeOf[n.ID] {
			t.Errorf("%s drawn as %v: the tint must keep the stance's shape", n.Label, n.Shape)
		}
	}
	if !strings.Contains(s.countText(), "2 know something sensitive") {
		t.Errorf("count = %q, want it to say 2 know something sensitive", s.countText())
	}
	if !slices.Contains(cardLines(s), "Knows something sensitive") {
		t.Errorf("the legend does not explain the tint; it shows:\n%s", strings.Join(cardLines(s), "\n"))
	}

	tapNode(t, s, mapAnaID)
	if !cardHas(s, "Knows something sensitive you shared") {
		t.Errorf("Ana's card does not say she knows something sensitive; it shows:\n%s", strings.Join(cardLines(s), "\n"))
	}
	tapNode(t, s, mapBenID)
	if cardHas(s, "Knows something sensitive you shared") {
		t.Error("Ben's card says he knows something sensitive; he was told medium things only")
	}
	if counted.knowerReads != 1 {
		t.Errorf("read who knows what %d times since the map was loaded, want once", counted.knowerReads)
	}

	s.sensitive.SetChecked(false)
	if got := tinted(); len(got) != 0 {
		t.Errorf("still tinted %v with the check off", got)
	}
}

// failingCard is a store whose card reads fail.
type failingCard struct{ relmap.Store }

func (failingCard) MapCard(context.Context, int64) (model.MapCard, error) {
	return model.MapCard{}, errors.New("disk I/O error")
}

func TestMapCardSaysWhenItCannotReadThePromises(t *testing.T) {
	e := openMap(t, failingCard{mapStore(t)})
	tapNode(t, e, mapDanaID)
	if !cardHas(e, "Could not read the contacts and promises: disk I/O error") {
		t.Errorf("a failed card read shows:\n%s", strings.Join(cardLines(e), "\n"))
	}
	if !cardHas(e, "Dana Reyes") || !cardHas(e, "Reports to Ana Ruiz") {
		t.Errorf("a failed card read hides what the network knows:\n%s", strings.Join(cardLines(e), "\n"))
	}
}

// frameTint is the colour of those who know something sensitive.
var frameTint = color.NRGBA{R: 0xc2, G: 0x18, B: 0x9b, A: 0xff}

// shapeOf is the shape of each person of mapStore, by stance: champions
// ringed, supporters round, skeptics diamonds, blockers triangles.
var shapeOf = map[int64]netmap.Shape{
	mapDanaID: netmap.DoubleRing, mapAnaID: netmap.Circle, mapBenID: netmap.Diamond,
	mapCarlID: netmap.Triangle, mapEvaID: netmap.DoubleRing, mapFinnID: netmap.Square,
}
