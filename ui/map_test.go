package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

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
func mapStore(t *testing.T) *memStore {
	t.Helper()
	ctx := context.Background()
	st := seeded(t,
		mapPerson("Dana Reyes", "Director", "Platform", "Northwind", model.StanceChampion, 5, 30),
		mapPerson("Ana Ruiz", "VP", "Platform", "Northwind", model.StanceSupporter, 4, 30),
		mapPerson("Ben Okafor", "Engineer", "Data", "Contoso", model.StanceSkeptic, 2, 30),
		mapPerson("Carl Xu", "PM", "Data", "Northwind", model.StanceBlocker, 4, 60),
		mapPerson("Eva Lind", "Analyst", "Data", "Contoso", model.StanceChampion, 3, 0),
		mapPerson("Finn Moss", "Designer", "Platform", "Contoso", model.StanceNeutral, 3, 30),
	)
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

// openMap opens a window on st and shows the map with Ctrl+2.
func openMap(t *testing.T, st *memStore) (*Window, *mapScreen) {
	t.Helper()
	w := newTestWindow(t, st)
	pressShortcut(t, w, fyne.Key2)
	if w.current != screenMap {
		t.Fatalf("Ctrl+2 shows %v, want the map", w.current)
	}
	return w, w.relMap
}

// nodeNames lists the labels of the map's nodes, sorted.
func nodeNames(s *mapScreen) []string {
	var out []string
	for _, n := range s.view.Layout().Nodes {
		out = append(out, n.Label)
	}
	slices.Sort(out)
	return out
}

// sectorNames lists the map's sectors as "Label · count", sorted.
func sectorNames(s *mapScreen) []string {
	var out []string
	for _, sec := range s.view.Layout().Sectors {
		out = append(out, fmt.Sprintf("%s · %d", sec.Label, sec.Count))
	}
	slices.Sort(out)
	return out
}

// textsOf lists the words o shows, depth first: labels, links, buttons,
// and progress bars' own texts.
func textsOf(o fyne.CanvasObject) []string {
	switch v := o.(type) {
	case *fyne.Container:
		var out []string
		for _, c := range v.Objects {
			out = append(out, textsOf(c)...)
		}
		return out
	case *container.Scroll:
		return textsOf(v.Content)
	case *widget.Label:
		return []string{v.Text}
	case *widget.RichText:
		return []string{v.String()}
	case *widget.Hyperlink:
		return []string{v.Text}
	case *widget.Button:
		return []string{v.Text}
	case *widget.ProgressBar:
		if v.TextFormatter != nil {
			return []string{v.TextFormatter()}
		}
	}
	return nil
}

// cardLines is the side card line by line: the words of each of its rows
// joined by spaces ("Reports to Ana Ruiz").
func cardLines(s *mapScreen) []string {
	var out []string
	for _, o := range s.card.Objects {
		if words := textsOf(o); len(words) > 0 {
			out = append(out, strings.Join(words, " "))
		}
	}
	return out
}

// cardHas reports whether the card shows line: one text of it exactly, or
// the words of one of its rows or groups joined by spaces. It does not
// mind how the card nests its rows.
func cardHas(s *mapScreen, line string) bool {
	var found bool
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found {
			return
		}
		words := textsOf(o)
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
	for _, o := range s.card.Objects {
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
func hasButton(s *mapScreen, text string) bool {
	for _, c := range test.LaidOutObjects(s.card) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

// mapAt is where a point of the map widget is on the window's canvas.
func mapAt(w *Window, pos fyne.Position) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(w.relMap.view).Add(pos)
}

// nodeAt is where the person with id is drawn, in the map's coordinates;
// it must be inside the widget and hit that node.
func nodeAt(t *testing.T, w *Window, id int64) fyne.Position {
	t.Helper()
	v := w.relMap.view
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
func tapNode(t *testing.T, w *Window, id int64) {
	t.Helper()
	test.TapCanvas(w.win.Canvas(), mapAt(w, nodeAt(t, w, id)))
}

// tapMapCentre taps "You" at the centre of the map, where nobody is.
func tapMapCentre(t *testing.T, w *Window) {
	t.Helper()
	v := w.relMap.view
	mid := fyne.NewPos(v.Size().Width/2, v.Size().Height/2)
	if id := v.NodeAt(mid); id != 0 {
		t.Fatalf("person %d sits at the centre of the map", id)
	}
	test.TapCanvas(w.win.Canvas(), mapAt(w, mid))
}

// networkPerson is the person with id as the store reads the network now.
func networkPerson(t *testing.T, st *memStore, id int64) model.NetworkPerson {
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
	_, s := openMap(t, st)

	want := []string{"Ana Ruiz", "Ben Okafor", "Carl Xu", "Dana Reyes", "Eva Lind"}
	if got := nodeNames(s); !equal(got, want) {
		t.Fatalf("map shows %v, want %v", got, want)
	}
	if got, want := s.count.Text, "5 people · 4 ties · 2 overdue for contact"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
	if s.selected != 0 || !cardHas(s, "Reading the map") {
		t.Errorf("with nobody selected the card shows %q, want the legend", cardLines(s))
	}
	for _, n := range s.view.Layout().Nodes {
		overdue := n.ID == mapAnaID || n.ID == mapBenID
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
	if got, want := s.tooltip(mapAnaID), fmt.Sprintf("Ana Ruiz · VP · Platform · Northwind · Supporter · warmth %d · overdue for contact",
		networkPerson(t, st, mapAnaID).Warmth); got != want {
		t.Errorf("Ana's tooltip = %q, want %q", got, want)
	}

	s.archived.SetChecked(true)
	want = []string{"Ana Ruiz", "Ben Okafor", "Carl Xu", "Dana Reyes", "Eva Lind", "Finn Moss"}
	if got := nodeNames(s); !equal(got, want) {
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
	if got, want := s.count.Text, "6 people · 5 ties · 2 overdue for contact"; got != want {
		t.Errorf("count with archived = %q, want %q", got, want)
	}

	s.archived.SetChecked(false)
	if got := nodeNames(s); slices.Contains(got, "Finn Moss") {
		t.Errorf("unticking Trash leaves %v", got)
	}
}

func TestMapTapSelectsAndCardTellsAboutThem(t *testing.T) {
	st := mapStore(t)
	w, s := openMap(t, st)

	tapNode(t, w, mapDanaID)
	if s.selected != mapDanaID || s.view.Selected() != mapDanaID {
		t.Fatalf("after tapping Dana selected = %d (map %d), want %d", s.selected, s.view.Selected(), mapDanaID)
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
	var promised []string
	for _, p := range s.cardPromises {
		promised = append(promised, p.What)
	}
	slices.Sort(promised)
	if want := []string{danaOwes, danaOwed}; !equal(promised, want) {
		t.Errorf("card read the promises %q, want Dana's pending ones %q", promised, want)
	}

	// Someone else: their own card, never contacted and overdue.
	tapNode(t, w, mapBenID)
	if s.selected != mapBenID {
		t.Fatalf("after tapping Ben selected = %d", s.selected)
	}
	for _, want := range []string{"Ben Okafor", "Warmth 0 of 100", "• never contacted", "• overdue on a 30-day cadence",
		"• balance 0.0 credits", "Overdue for contact", "Nothing pending either way.",
		"Close to Finn Moss (in the trash)"} {
		if !cardHas(s, want) {
			t.Errorf("Ben's card has no line %q; it shows:\n%s", want, strings.Join(cardLines(s), "\n"))
		}
	}
	if len(s.cardPromises) != 0 {
		t.Errorf("Ben's card read %d promises, want none", len(s.cardPromises))
	}

	// The background clears the selection back to the legend.
	tapMapCentre(t, w)
	if s.selected != 0 || s.view.Selected() != 0 {
		t.Errorf("after tapping the background selected = %d (map %d), want nobody", s.selected, s.view.Selected())
	}
	if !cardHas(s, "Reading the map") || cardHas(s, "Ben Okafor") {
		t.Errorf("after tapping the background the card shows %q, want the legend", cardLines(s))
	}
	if s.cardPromises != nil {
		t.Errorf("legend keeps promises %v", s.cardPromises)
	}
}

func TestMapOpensThePersonsPage(t *testing.T) {
	st := mapStore(t)
	w, s := openMap(t, st)

	tapNode(t, w, mapCarlID)
	test.Tap(findButton(t, s.card, "Open page"))
	if w.current != screenPeople {
		t.Fatalf("Open page shows %v, want the People screen", w.current)
	}
	if got := pageName(w); got != "Carl Xu" {
		t.Fatalf("Open page shows the page of %q, want Carl's", got)
	}

	// Back on the map, the selection is kept.
	pressShortcut(t, w, fyne.Key2)
	if s.selected != mapCarlID || !cardHas(s, "Carl Xu") {
		t.Errorf("back on the map selected = %d, want Carl still", s.selected)
	}

	// Someone in the trash: the card says so, offers only their page, and
	// the page opens from the trash.
	pressShortcut(t, w, fyne.Key2)
	s.archived.SetChecked(true)
	tapNode(t, w, mapFinnID)
	if !cardHas(s, "In the trash since "+testNow.Local().Format("2 January 2006")+".") {
		t.Errorf("Finn's card does not say he is in the trash: %q", cardLines(s))
	}
	if hasButton(s, "Log interaction") || hasButton(s, "Promise") {
		t.Error("Finn's card, in the trash, offers to log an interaction or a promise")
	}
	test.Tap(findButton(t, s.card, "Open page"))
	if got, trash := pageName(w), kittest.Shows(w.content, "In the trash since"); w.current != screenPeople || got != "Finn Moss" || !trash {
		t.Fatalf("Open page for Finn shows %v, page %q, trash %v; want his page in the trash", w.current, got, trash)
	}
}

func TestMapTieNameSelectsOrOpensThatPerson(t *testing.T) {
	st := mapStore(t)
	w, s := openMap(t, st)
	tapNode(t, w, mapDanaID)

	link := cardLink(t, s, "Ana Ruiz")
	test.TapAt(link, fyne.NewPos(link.MinSize().Width/2, link.Size().Height/2))
	if s.selected != mapAnaID || s.view.Selected() != mapAnaID || !cardHas(s, "Ana Ruiz") {
		t.Fatalf("tapping Ana's name on Dana's card selects %d, want Ana", s.selected)
	}
	if w.current != screenMap {
		t.Errorf("tapping a name on the card left the map for %v", w.current)
	}

	// Finn is not on the map: his name opens his page from the trash.
	tapNode(t, w, mapBenID)
	link = cardLink(t, s, "Finn Moss (in the trash)")
	test.TapAt(link, fyne.NewPos(link.MinSize().Width/2, link.Size().Height/2))
	if got := pageName(w); w.current != screenPeople || got != "Finn Moss" {
		t.Fatalf("tapping Finn's name shows %v, page %q; want his page", w.current, got)
	}
}

// cardLink is the link with text on the side card.
func cardLink(t *testing.T, s *mapScreen, text string) *widget.Hyperlink {
	t.Helper()
	for _, o := range test.LaidOutObjects(s.card) {
		if l, ok := o.(*widget.Hyperlink); ok && l.Text == text {
			return l
		}
	}
	t.Fatalf("no link %q on the card: %q", text, cardLines(s))
	return nil
}

func TestMapFilters(t *testing.T) {
	st := mapStore(t)
	w, s := openMap(t, st)

	if got, want := sectorNames(s), []string{"Data · 3", "Platform · 2"}; !equal(got, want) {
		t.Errorf("sectors by team = %v, want %v", got, want)
	}
	s.groupBy.SetSelected(groupByOrg)
	if got, want := sectorNames(s), []string{"Contoso · 2", "Northwind · 3"}; !equal(got, want) {
		t.Errorf("sectors by organisation = %v, want %v", got, want)
	}
	s.groupBy.SetSelected(groupByTeam)

	tapNode(t, w, mapDanaID)
	s.stance.SetSelected(model.StanceChampion.Label())
	if got, want := nodeNames(s), []string{"Dana Reyes", "Eva Lind"}; !equal(got, want) {
		t.Errorf("champions only shows %v, want %v", got, want)
	}
	if got, want := s.count.Text, "2 people · 1 tie · 3 hidden by the filters"; got != want {
		t.Errorf("count with champions only = %q, want %q", got, want)
	}
	if s.selected != mapDanaID || !cardHas(s, "Dana Reyes") {
		t.Errorf("Dana, a champion, lost the selection to a filter she passes (selected %d)", s.selected)
	}

	s.stance.SetSelected(anyStance)
	s.influence.SetSelected("Influence 4+")
	if got, want := nodeNames(s), []string{"Ana Ruiz", "Carl Xu", "Dana Reyes"}; !equal(got, want) {
		t.Errorf("influence 4+ shows %v, want %v", got, want)
	}
	for _, n := range s.view.Layout().Nodes {
		if n.Size < 4 {
			t.Errorf("influence 4+ shows %s with influence %d", n.Label, n.Size)
		}
	}
	if got, want := s.count.Text, "3 people · 3 ties · 1 overdue for contact · 2 hidden by the filters"; got != want {
		t.Errorf("count with influence 4+ = %q, want %q", got, want)
	}
	s.influence.SetSelected("Influence 5")
	if got, want := nodeNames(s), []string{"Dana Reyes"}; !equal(got, want) {
		t.Errorf("influence 5 shows %v, want %v", got, want)
	}

	// A filter that leaves the selected person out clears the selection.
	s.influence.SetSelected(anyInfluence)
	s.stance.SetSelected(model.StanceSkeptic.Label())
	if got, want := nodeNames(s), []string{"Ben Okafor"}; !equal(got, want) {
		t.Errorf("skeptics only shows %v, want %v", got, want)
	}
	if s.selected != 0 || s.view.Selected() != 0 {
		t.Errorf("Dana filtered out but still selected (%d, map %d)", s.selected, s.view.Selected())
	}
	if !cardHas(s, "Reading the map") || cardHas(s, "Dana Reyes") {
		t.Errorf("Dana filtered out but the card shows %q", cardLines(s))
	}
	// Bringing her back does not bring the selection back.
	s.stance.SetSelected(anyStance)
	if s.selected != 0 {
		t.Errorf("clearing the filter reselected %d", s.selected)
	}
}

func TestMapSearchHighlightsAndEnterSelects(t *testing.T) {
	st := mapStore(t)
	_, s := openMap(t, st)
	base := "5 people · 4 ties · 2 overdue for contact"

	test.Type(s.search, "o")
	if got := s.count.Text; got != base {
		t.Errorf("one letter typed: count = %q, want no search yet (%q)", got, base)
	}
	test.Type(s.search, "k") // "ok": Ben Okafor only
	if got, want := s.count.Text, base+" · 1 match found"; got != want {
		t.Errorf("count for %q = %q, want %q", s.search.Text, got, want)
	}
	if s.selected != 0 {
		t.Errorf("typing selected %d before Enter", s.selected)
	}
	s.search.OnSubmitted(s.search.Text)
	if s.selected != mapBenID || s.view.Selected() != mapBenID || !cardHas(s, "Ben Okafor") {
		t.Fatalf("Enter on %q selected %d, want Ben", s.search.Text, s.selected)
	}

	s.search.SetText("data") // the team: Ben, Carl and Eva
	if got, want := s.count.Text, base+" · 3 matches found"; got != want {
		t.Errorf("count for %q = %q, want %q", s.search.Text, got, want)
	}
	s.search.SetText("fi") // Finn is in the trash, hidden
	if got, want := s.count.Text, base+` · no one matches "fi"`; got != want {
		t.Errorf("count for %q = %q, want %q", s.search.Text, got, want)
	}
	s.search.OnSubmitted(s.search.Text)
	if s.selected != mapBenID {
		t.Errorf("Enter with no match changed the selection to %d", s.selected)
	}
	s.search.SetText("")
	if got := s.count.Text; got != base {
		t.Errorf("cleared search: count = %q, want %q", got, base)
	}
}

func TestMapGridViewSelectsFromAChip(t *testing.T) {
	st := mapStore(t)
	w, s := openMap(t, st)

	s.viewMode.SetSelected(gridViewName)
	if len(s.body.Objects) != 1 || s.body.Objects[0] != s.grid.content() {
		t.Fatalf("Grid shows %v, want the stance grid", s.body.Objects)
	}
	if s.zoom.Visible() {
		t.Error("the grid view shows the zoom buttons")
	}
	if s.side.Visible() {
		t.Error("the grid with nobody selected keeps the card's room")
	}
	if got, want := sortedCopy(allGridNames(s.grid)), []string{"Ana Ruiz", "Ben Okafor", "Carl Xu", "Dana Reyes", "Eva Lind"}; !equal(got, want) {
		t.Errorf("grid shows %v, want %v", got, want)
	}
	chips := cellChips(gridCellAt(t, s.grid, 4, model.StanceBlocker))
	if len(chips) != 1 || chips[0].person.Person.ID != mapCarlID {
		t.Fatalf("the influence 4 blocker cell holds %v, want Carl", cellNames(gridCellAt(t, s.grid, 4, model.StanceBlocker)))
	}
	chip := chips[0]
	// Tap the chip where it is on the window, as a user does.
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(chip).Add(fyne.NewPos(chip.Size().Width/2, chip.Size().Height/2))
	test.TapCanvas(w.win.Canvas(), at)
	if s.selected != mapCarlID || !chip.selected {
		t.Fatalf("tapping Carl's chip selected %d (chip marked %v), want Carl", s.selected, chip.selected)
	}
	if !s.side.Visible() || !cardHas(s, "Carl Xu") || !cardHas(s, "Blocker · influence ●●●●○") {
		t.Errorf("Carl's card shows %q", cardLines(s))
	}

	// A name on the card moves the mark in the grid.
	link := cardLink(t, s, "Dana Reyes")
	test.TapAt(link, fyne.NewPos(link.MinSize().Width/2, link.Size().Height/2))
	danaChip := cellChips(gridCellAt(t, s.grid, 5, model.StanceChampion))[0]
	if s.selected != mapDanaID || !danaChip.selected || chip.selected {
		t.Errorf("tapping Dana's name in the grid view: selected %d, Dana's chip marked %v, Carl's %v",
			s.selected, danaChip.selected, chip.selected)
	}

	// The search narrows the grid; back on the map the selection holds.
	s.search.SetText("contoso")
	if got, want := sortedCopy(allGridNames(s.grid)), []string{"Ben Okafor", "Eva Lind"}; !equal(got, want) {
		t.Errorf("grid for %q shows %v, want %v", s.search.Text, got, want)
	}
	s.search.SetText("")
	s.viewMode.SetSelected(mapViewName)
	if s.body.Objects[0] != s.view || !s.zoom.Visible() {
		t.Error("Map does not bring back the map and its zoom buttons")
	}
	if s.view.Selected() != mapDanaID {
		t.Errorf("the map selects %d after choosing Dana in the grid", s.view.Selected())
	}
}

// sortedCopy is a sorted copy of a.
func sortedCopy(a []string) []string {
	out := slices.Clone(a)
	slices.Sort(out)
	return out
}

// overlayLabels lists the texts of the labels on the top overlay, in
// order.
func overlayLabels(w *Window) []string {
	top := w.win.Canvas().Overlays().Top()
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
	w, s := openMap(t, st)
	if w.currentExplainer != nil {
		t.Fatal("the explainer is open before it was asked for")
	}
	test.Tap(findButton(t, s.root, "How is this computed?"))
	if w.currentExplainer == nil {
		t.Fatal("How is this computed? opened no dialog")
	}
	labels := overlayLabels(w)
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
		if i < 1 || labels[i-1] != signedCredits(row.Points) {
			t.Errorf("the explainer has no row %q beside %q", signedCredits(row.Points), row.What)
		}
	}
	// A few rows spelt out, so a change of sign or of the minus is seen.
	for what, points := range map[string]string{"Coffee": "+3", "Help given": "+8", "Ask or favour": "−4", "Promise broken": "−10"} {
		if i := slices.Index(labels, what); i < 1 || labels[i-1] != points {
			t.Errorf("the explainer does not show %s %s", points, what)
		}
	}
	w.currentExplainer.Hide()
	if w.win.Canvas().Overlays().Top() != nil {
		t.Error("closing the explainer left an overlay")
	}
}

func TestMapCardLogsAnInteractionAndAddsAPromise(t *testing.T) {
	st := mapStore(t)
	w, s := openMap(t, st)

	// Ben, never contacted: log a coffee from his card; the map warms up.
	tapNode(t, w, mapBenID)
	test.Tap(findButton(t, s.card, "Log interaction"))
	ie := w.currentInteractionEditor
	if ie == nil {
		t.Fatal("Log interaction opened no form")
	}
	if ie.person.ID != mapBenID || ie.person.Name != "Ben Okafor" {
		t.Fatalf("the interaction form is for %+v, want Ben", ie.person)
	}
	test.Tap(ie.save)
	if w.currentInteractionEditor != nil {
		t.Fatal("the interaction form is still open after Log")
	}
	if got := networkPerson(t, st, mapBenID).LastContact; !got.Equal(testNow) {
		t.Fatalf("Ben's last contact = %v, want now", got)
	}
	warm := networkPerson(t, st, mapBenID).Warmth
	if w.current != screenMap || s.selected != mapBenID {
		t.Errorf("after logging the screen is %v, selected %d; want the map on Ben", w.current, s.selected)
	}
	for _, want := range []string{fmt.Sprintf("Warmth %d of 100", warm), "• last coffee today"} {
		if !cardHas(s, want) {
			t.Errorf("after logging Ben's card has no line %q: %q", want, cardLines(s))
		}
	}
	if cardHas(s, "Overdue for contact") || strings.Contains(s.count.Text, "2 overdue") {
		t.Errorf("Ben still overdue after a coffee today: card %q, count %q", cardLines(s), s.count.Text)
	}

	// Dana: Promise opens the form with her chosen; saving lists it.
	tapNode(t, w, mapDanaID)
	test.Tap(findButton(t, s.card, "Promise"))
	pe := w.currentPromiseEditor
	if pe == nil {
		t.Fatal("Promise opened no form")
	}
	if pe.person.ID != mapDanaID || pe.who.Text != "Dana Reyes" {
		t.Fatalf("the promise form has %q (person %d), want Dana chosen", pe.who.Text, pe.person.ID)
	}
	if got := pe.direction.Selected; got != model.DirectionMine.Label() {
		t.Errorf("the promise form's direction = %q, want %q", got, model.DirectionMine.Label())
	}
	test.Type(pe.what, "Send the hiring plan")
	test.Tap(pe.save)
	if w.currentPromiseEditor != nil {
		t.Fatalf("the promise form is still open: %v", pe.fields.Problem("what"))
	}
	if !cardHas(s, "You owe Dana · 2") || !cardHas(s, "• Send the hiring plan") {
		t.Errorf("after adding a promise Dana's card shows %q", cardLines(s))
	}
	if len(s.cardPromises) != 3 {
		t.Errorf("card read %d pending promises, want 3", len(s.cardPromises))
	}
}

func TestMapTieNameOfAFilteredOutPersonKeepsCardAndMapTogether(t *testing.T) {
	st := mapStore(t)
	w, s := openMap(t, st)
	s.stance.SetSelected(model.StanceChampion.Label()) // Ana, a supporter, is hidden
	tapNode(t, w, mapDanaID)
	// The card says she is hidden, and her name opens her page, since the
	// map cannot select her.
	link := cardLink(t, s, "Ana Ruiz (hidden by the filters)")
	test.TapAt(link, fyne.NewPos(link.MinSize().Width/2, link.Size().Height/2))
	if w.current != screenPeople {
		t.Fatalf("tapping a hidden person's name shows %q (selected %d, map %d), want their page",
			w.current, s.selected, s.view.Selected())
	}
	if got := pageName(w); got != "Ana Ruiz" {
		t.Fatalf("tapping Ana's name opened the page of %q, want Ana's", got)
	}
}

func TestMapShortcutsActOnTheSelectedPerson(t *testing.T) {
	st := mapStore(t)
	w := newTestWindow(t, st)
	w.openPeopleOn(mapCarlID, false) // Carl's page, then the map
	pressShortcut(t, w, fyne.Key2)
	tapNode(t, w, mapDanaID)

	pressShortcut(t, w, fyne.KeyL)
	if e := w.currentInteractionEditor; e != nil && e.person.ID != mapDanaID {
		t.Errorf("Ctrl+L on the map with Dana's card open logs with %s", e.person.Name)
	}
	if e := w.currentInteractionEditor; e != nil {
		e.dialog.Hide()
	}
	pressShortcut(t, w, fyne.KeyP)
	if e := w.currentPromiseEditor; e == nil || e.person.ID != mapDanaID {
		t.Errorf("Ctrl+P on the map with Dana's card open does not choose Dana")
	}
}

func TestMapFiltersByTeamOrOrganisation(t *testing.T) {
	st := mapStore(t)
	_, s := openMap(t, st)
	if got, want := s.group.Options, []string{"Every team", "Data", "Platform"}; !equal(got, want) {
		t.Errorf("team choices %v, want %v (Finn's team counts only with the trash shown)", got, want)
	}
	s.group.SetSelected("Platform")
	if got, want := nodeNames(s), []string{"Ana Ruiz", "Dana Reyes"}; !equal(got, want) {
		t.Errorf("Platform shows %v, want %v", got, want)
	}
	// Organisations: the choice starts again from every one.
	s.groupBy.SetSelected(groupByOrg)
	if s.group.Selected != "Every organisation" || len(nodeNames(s)) != 5 {
		t.Errorf("by organisation: choice %q with %d people, want every organisation and 5", s.group.Selected, len(nodeNames(s)))
	}
	s.group.SetSelected("Contoso")
	if got, want := nodeNames(s), []string{"Ben Okafor", "Eva Lind"}; !equal(got, want) {
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
	s.reload()
	if !slices.Contains(s.group.Options, "No organisation") {
		t.Fatalf("choices %v lack No organisation", s.group.Options)
	}
	s.group.SetSelected("No organisation")
	if got, want := nodeNames(s), []string{"Ana Ruiz"}; !equal(got, want) {
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
	st := newMemStore(func() time.Time { return testNow })
	a := test.NewApp()
	defer a.Quit()
	w := New(a, st, Options{Now: func() time.Time { return testNow }})
	w.win.Resize(fyne.NewSize(1280, 800))
	s := w.relMap
	net := model.Network{Now: testNow}
	for i := range n {
		p := model.NewPerson(fmt.Sprintf("%s %s %d", firstNames[i%len(firstNames)], lastNames[i%len(lastNames)], i))
		p.ID, p.Team, p.Influence = int64(i+1), fmt.Sprintf("Team %d", i%30), 1+i%5
		net.People = append(net.People, model.NetworkPerson{Person: p, Warmth: (i * 37) % 101})
		if i > 0 {
			net.Ties = append(net.Ties, model.Tie{ID: int64(i), FromID: int64(i + 1), ToID: int64(i/3 + 1), Kind: model.TieReportsTo})
		}
	}
	w.show(screenMap)
	s.net = net // the store is empty: hand the screen its network
	for _, p := range net.People {
		s.byID[p.Person.ID] = p
	}
	s.apply()
	query := "ångström 4"
	for i := 0; b.Loop(); i++ {
		k := i % (len([]rune(query)) + 1)
		s.search.SetText(string([]rune(query)[:k]))
	}
	s.search.SetText(query)
	if len(s.found) == 0 {
		b.Fatal("the search found nobody")
	}
}
