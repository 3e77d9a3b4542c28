// Package relmap is the relationship map: the user's network drawn
// around them (warmer nearer the centre, sized by influence, shaped and
// coloured by stance, grouped by team or organisation), or the same
// people in the influence × stance grid, with filters and a search above
// and a card beside it about the person selected. It reads the network
// in one call (Store.Network) and asks the window, through Navigator, to
// open a page or a form.
package relmap

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/netmap"
)

// Choices of the map's filters.
const (
	groupByTeam    = "By team"
	groupByOrg     = "By organisation"
	anyInfluence   = "Any influence"
	mapViewName    = "Map"
	gridViewName   = "Grid"
	minSearchRunes = 2
)

// minInfluenceChoices are the minimum-influence filter's options, from none
// to 5 only.
var minInfluenceChoices = []string{anyInfluence, "Influence 2+", "Influence 3+", "Influence 4+", "Influence 5"}

// anyStance is the stance filter's choice that keeps every stance.
const anyStance = "Any stance"

// Store is what the map reads: the whole network in one call; who knows
// something sensitive, only when the tint or a card needs it; and, for
// the card of the person selected, their contacts and promises in one
// call.
type Store interface {
	Network(ctx context.Context, now time.Time) (model.Network, error)
	SensitiveKnowers(ctx context.Context) (map[int64]bool, error)
	MapCard(ctx context.Context, personID int64) (model.MapCard, error)
	StanceHistoryAll(ctx context.Context) ([]model.StanceChange, error)
}

// Navigator is what the map asks of the window: to open a person's page,
// or the form for what the card proposes. After a form saves, the window
// reloads the screen on show.
type Navigator interface {
	// OpenPerson shows the person's page.
	OpenPerson(id int64)
	// LogInteraction opens the form to log a contact with the person.
	LogInteraction(personID int64)
	// ScheduleMeeting opens the form for a new meeting with the person.
	ScheduleMeeting(personID int64)
	// NewPromise opens the quick-add form for a promise to or from the
	// person.
	NewPromise(personID int64)
	// ShowError tells the user that something failed, with the cause.
	ShowError(title string, err error)
	// Window is the window the map is on, for its dialogs.
	Window() fyne.Window
}

// Screen is the relationship map: the network drawn around the user, or
// the same people in the influence × stance grid, with filters above and
// a card beside it about the person selected (or a legend when nobody
// is). Content and Reload make it a screen of the window's table.
type Screen struct {
	store Store
	nav   Navigator
	now   func() time.Time
	net   model.Network // as of the moment chosen (as_of.go)
	// live is the network as read; history everyone's stance history,
	// nil until the "as of" drop-down needs it.
	live    model.Network
	history []model.StanceChange
	asOf    *widget.Select
	// shown is the people that pass the filters, and byID every person
	// by ID, archived ones too.
	shown    []model.NetworkPerson
	index    *model.PeopleIndex // of shown, for the search
	byID     map[int64]model.NetworkPerson
	selected int64
	// found is the search's matches among shown, nil when not searching.
	found []int64

	view      *netmap.Map
	grid      *stanceGrid
	body      *fyne.Container   // the map or the grid
	card      *fyne.Container   // the side card
	side      fyne.CanvasObject // the card with its frame
	count     *widget.Label
	viewMode  *widget.RadioGroup
	groupBy   *widget.Select // sectors and the group filter by team or by organisation
	group     *widget.Select // one team or organisation, or every one
	stance    *widget.Select
	influence *widget.Select
	archived  *widget.Check
	sensitive *widget.Check // tint who knows something sensitive
	thin      *widget.Check // only where reach is thin (paths.go)
	thinIDs   map[int64]bool
	search    *widget.Entry
	zoom      *fyne.Container   // zoom buttons, shown with the map only
	page      fyne.CanvasObject // the filters, the map or grid, and the card
	root      *fyne.Container   // the page, or a message when the read failed

	// knowers is who knows something sensitive the user shared, read at
	// most once per reload (when tinted or when a card needs it); nil
	// until read.
	knowers map[int64]bool
}

// New is the map reading store at now, going places through nav.
// Nothing is read until it is shown.
func New(store Store, nav Navigator, now func() time.Time) *Screen {
	s := &Screen{store: store, nav: nav, now: now, byID: map[int64]model.NetworkPerson{}, index: model.NewPeopleIndex(nil)}
	s.view = netmap.New()
	s.view.OnTapped = s.selectPerson
	s.view.Tooltip = s.tooltip
	s.grid = newStanceGrid(s.selectPerson)
	s.body = container.NewStack(s.view)
	s.card = container.NewVBox()
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.newFilters()
	s.page = s.layout()
	s.root = container.NewStack(s.page)
	return s
}

// newFilters makes the filters, the view's choice and the search.
func (s *Screen) newFilters() {
	s.viewMode = widget.NewRadioGroup([]string{mapViewName, gridViewName}, func(string) { s.showView() })
	s.viewMode.Horizontal = true
	s.viewMode.Required = true
	s.viewMode.Selected = mapViewName
	s.groupBy = widget.NewSelect([]string{groupByTeam, groupByOrg}, func(string) {
		s.group.Selected = "" // a team is no organisation: start again from every one
		s.apply()
	})
	s.groupBy.Selected = groupByTeam
	s.group = widget.NewSelect(nil, func(string) { s.apply() })
	s.stance = widget.NewSelect(append([]string{anyStance}, model.Labels(model.Stances())...), func(string) { s.apply() })
	s.stance.Selected = anyStance
	s.influence = widget.NewSelect(minInfluenceChoices, func(string) { s.apply() })
	s.influence.Selected = anyInfluence
	s.archived = widget.NewCheck("Trash", func(bool) { s.apply() }) // as on People
	s.asOf = s.newAsOf()
	s.sensitive = widget.NewCheck("Knows sensitive things", func(bool) { s.apply() })
	s.thin = s.newThinFilter()
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Find a person: name, title, team, organisation or email")
	s.search.OnChanged = func(string) { s.applySearch() }
	s.search.OnSubmitted = func(string) { s.jumpToMatch() }
}

// layout is the page: the filters and the search above, the map or the
// grid, the card beside it, and the count below.
func (s *Screen) layout() fyne.CanvasObject {
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), s.view.ZoomOut)
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), s.view.ZoomIn)
	fit := widget.NewButtonWithIcon("Fit all", theme.ZoomFitIcon(), s.view.FitAll)
	for _, b := range []*widget.Button{zoomOut, zoomIn, fit} {
		b.Importance = widget.LowImportance
	}
	s.zoom = container.NewHBox(zoomOut, zoomIn, fit)
	how := widget.NewButtonWithIcon("How is this computed?", theme.QuestionIcon(), func() {
		showCreditsExplainer(s.nav.Window())
	})
	how.Importance = widget.LowImportance

	filters := container.NewHBox(s.viewMode, widget.NewSeparator(), atLeast(150, s.groupBy),
		atLeast(160, s.group), atLeast(130, s.stance), atLeast(140, s.influence))
	// The tint's check sits by the search, where a narrow window still
	// shows it.
	searchRow := container.NewBorder(nil, nil, nil, container.NewHBox(s.sensitive, s.zoom, how), s.search)
	top := container.NewVBox(container.NewHScroll(filters), searchRow)
	s.side = container.NewBorder(nil, nil, widget.NewSeparator(), nil,
		atLeast(300, container.NewVScroll(container.NewPadded(s.card))))
	// Whom the map is of, and when: under it, by the count, where a narrow
	// window has room for them.
	foot := container.NewBorder(nil, nil, nil, container.NewHBox(s.archived, s.thin, atLeast(170, s.asOf)), s.count)
	return container.NewBorder(container.NewPadded(top), foot, nil, s.side, s.body)
}

// Content reads the network and returns the screen drawn from it, for
// the window to show.
func (s *Screen) Content() fyne.CanvasObject {
	s.load()
	return s.root
}

// Reload reads the network again and redraws where it is, keeping the
// filters, the selection and the view.
func (s *Screen) Reload() {
	s.load()
	s.root.Refresh()
}

// Selected is the person selected on the map, as the network read them,
// and whether anyone is.
func (s *Screen) Selected() (model.Person, bool) {
	np, ok := s.byID[s.selected]
	if s.selected == 0 || !ok {
		return model.Person{}, false
	}
	return np.Person, true
}

// FocusSearch puts the cursor in the map's search, on canvas.
func (s *Screen) FocusSearch(canvas fyne.Canvas) { canvas.Focus(s.search) }

// load reads the network and redraws from it, or, when the read fails,
// says so in place of the page.
func (s *Screen) load() {
	net, err := s.store.Network(context.Background(), s.now())
	if err != nil {
		s.root.Objects = []fyne.CanvasObject{kit.ScreenProblem("Could not read the relationship map", err)}
		return
	}
	s.root.Objects = []fyne.CanvasObject{s.page}
	s.setNetwork(net)
	s.knowers = nil // read again when next needed
	clear(s.byID)
	for _, p := range s.net.People {
		s.byID[p.Person.ID] = p
	}
	s.apply()
}

// groupOf is the team or organisation a person is grouped by.
func (s *Screen) groupOf(p model.Person) string {
	if s.groupBy.Selected == groupByOrg {
		return p.Organisation
	}
	return p.Team
}

// groupWords are the group filter's first and last choices: "Every team"
// and "No team", or the same for organisations.
func (s *Screen) groupWords() (every, none string) {
	if s.groupBy.Selected == groupByOrg {
		return "Every organisation", "No organisation"
	}
	return "Every team", "No team"
}

// updateGroupChoices offers every team (or organisation) among the people
// who could be shown, keeping the choice when it is still there.
func (s *Screen) updateGroupChoices() {
	every, none := s.groupWords()
	seen := map[string]bool{}
	var names []string
	empty := false
	for _, p := range s.net.People {
		if p.Person.Archived() && !s.archived.Checked {
			continue
		}
		g := s.groupOf(p.Person)
		if g == "" {
			empty = true
		} else if !seen[g] {
			seen[g] = true
			names = append(names, g)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(model.Fold(a), model.Fold(b)) })
	options := append([]string{every}, names...)
	if empty {
		options = append(options, none)
	}
	s.group.Options = options
	if !slices.Contains(options, s.group.Selected) {
		s.group.Selected = every
	}
	s.group.Refresh()
}

// keep reports whether a person passes the filters.
func (s *Screen) keep(p model.NetworkPerson) bool {
	if (p.Person.Archived() && !s.archived.Checked) || !s.keepThin(p) {
		return false
	}
	if every, none := s.groupWords(); s.group.Selected != every {
		g := s.groupOf(p.Person)
		if g != s.group.Selected && (g != "" || s.group.Selected != none) {
			return false
		}
	}
	if s.stance.Selected != anyStance && p.Person.Stance.Label() != s.stance.Selected {
		return false
	}
	return p.Person.Influence >= slices.Index(minInfluenceChoices, s.influence.Selected)+1
}

// apply filters the network and redraws the map, the grid and the card.
func (s *Screen) apply() {
	s.updateGroupChoices()
	s.shown = s.shown[:0]
	for _, p := range s.net.People {
		if s.keep(p) {
			s.shown = append(s.shown, p)
		}
	}
	if !s.isShown(s.selected) {
		s.selected = 0
	}
	var knowers map[int64]bool
	if s.sensitive.Checked {
		knowers = s.sensitiveKnowers()
	}
	nodes := make([]netmap.Node, len(s.shown))
	people := make([]model.PersonSummary, len(s.shown))
	for i, p := range s.shown {
		nodes[i] = s.node(p)
		if knowers[p.Person.ID] {
			nodes[i].Color = frameTint
		}
		people[i] = model.PersonSummary{Person: p.Person}
	}
	s.index = model.NewPeopleIndex(people)
	edges := make([]netmap.Edge, 0, len(s.net.Ties))
	for _, t := range s.net.Ties {
		edges = append(edges, tieEdge(t))
	}
	l := netmap.NewLayout(nodes, edges)
	_, none := s.groupWords()
	for i := range l.Sectors {
		if l.Sectors[i].Label == netmap.Ungrouped {
			l.Sectors[i].Label = none
		}
	}
	s.view.SetLayout(l)
	s.view.Select(s.selected)
	s.applySearch()
	s.showCard()
}

// node is how a person is drawn: nearer the centre the warmer, sized by
// influence, coloured and shaped by stance; named first when influential,
// then when a blocker or a champion, then when overdue.
func (s *Screen) node(p model.NetworkPerson) netmap.Node {
	return netmap.Node{
		ID:        p.Person.ID,
		Label:     p.Person.Name,
		Group:     s.groupOf(p.Person),
		Distance:  1 - float64(p.Warmth)/100,
		Size:      p.Person.Influence,
		Color:     kit.StanceColor(p.Person.Stance),
		Shape:     stanceShape(p.Person.Stance),
		Marked:    p.Overdue && !p.Person.Archived(),
		Prominent: p.Person.Influence >= model.HighInfluence,
		Key:       p.Person.Stance == model.StanceBlocker || p.Person.Stance == model.StanceChampion,
		Dimmed:    p.Person.Archived(),
	}
}

// frameTint is the colour of the people who know something sensitive the
// user shared, when the map tints them; their shape still tells their
// stance.
var frameTint = color.NRGBA{R: 0xc2, G: 0x18, B: 0x9b, A: 0xff}

// sensitiveKnowers is who knows something of high sensitivity the user
// shared, read from the store once per reload.
func (s *Screen) sensitiveKnowers() map[int64]bool {
	if s.knowers != nil {
		return s.knowers
	}
	k, err := s.store.SensitiveKnowers(context.Background())
	if err != nil {
		s.nav.ShowError("Could not read who knows what you shared", err)
	}
	if k == nil {
		k = map[int64]bool{} // read, if in vain: not again until the next reload
	}
	s.knowers = k
	return k
}

// stanceShape tells stances apart without colour: champions ringed,
// supporters round, neutrals square, skeptics diamonds, blockers
// triangles pointing down, unknowns hollow.
func stanceShape(st model.Stance) netmap.Shape {
	switch st {
	case model.StanceChampion:
		return netmap.DoubleRing
	case model.StanceSupporter:
		return netmap.Circle
	case model.StanceNeutral:
		return netmap.Square
	case model.StanceSkeptic:
		return netmap.Diamond
	case model.StanceBlocker:
		return netmap.Triangle
	}
	return netmap.Ring
}

// tieEdge is how a tie is drawn: reporting lines grey with an arrow to the
// manager, influence blue with an arrow to whom it sways, closeness green,
// and conflict dashed red.
func tieEdge(t model.Tie) netmap.Edge {
	e := netmap.Edge{From: t.FromID, To: t.ToID}
	switch t.Kind {
	case model.TieReportsTo:
		e.Color, e.Arrow = color.NRGBA{R: 0x8a, G: 0x90, B: 0x99, A: 0xff}, true
	case model.TieInfluences:
		e.Color, e.Arrow = color.NRGBA{R: 0x3d, G: 0x8b, B: 0xd9, A: 0xff}, true
	case model.TieCloseTo:
		e.Color = color.NRGBA{R: 0x2e, G: 0x9e, B: 0x5b, A: 0xff}
	default:
		e.Color, e.Dashed = color.NRGBA{R: 0xd6, G: 0x45, B: 0x45, A: 0xff}, true
	}
	return e
}

// showView shows the map or the grid.
func (s *Screen) showView() {
	if s.gridShown() {
		s.body.Objects = []fyne.CanvasObject{s.grid.content()}
		s.zoom.Hide()
	} else {
		s.body.Objects = []fyne.CanvasObject{s.view}
		s.zoom.Show()
	}
	s.applySearch()
	s.showCard()
	s.body.Refresh()
}

// gridShown reports whether the grid is on show rather than the map.
func (s *Screen) gridShown() bool { return s.viewMode.Selected == gridViewName }

// matches are the people shown whose name, title, team, organisation or
// email matches the search, or nil when there is no search.
func (s *Screen) matches() []int64 {
	q := strings.TrimSpace(s.search.Text)
	if len([]rune(q)) < minSearchRunes {
		return nil
	}
	found := []int64{}
	for _, i := range s.index.Match(q, nil) {
		found = append(found, s.shown[i].Person.ID)
	}
	return found
}

// applySearch highlights the matches on the map, or narrows the grid to
// them.
func (s *Screen) applySearch() {
	s.found = s.matches()
	highlight := s.found
	if highlight != nil && len(highlight) == 0 {
		highlight = []int64{-1} // nothing matches: everyone faint
	}
	s.view.SetHighlighted(highlight)
	s.updateGrid()
	s.updateCount()
}

// updateGrid gives the grid its people when it is on show; building
// thousands of chips for a hidden grid would slow every keystroke.
func (s *Screen) updateGrid() {
	if s.gridShown() {
		s.grid.setPeople(s.gridPeople(), s.selected)
	}
}

// jumpToMatch selects the first match and brings it into view.
func (s *Screen) jumpToMatch() {
	if len(s.found) > 0 {
		first := s.found[0]
		s.selectPerson(first)
		s.view.CentreOn(first)
	}
}

// updateCount says how many people and ties are on show.
func (s *Screen) updateCount() {
	overdue := 0
	for _, p := range s.shown {
		if p.Overdue && !p.Person.Archived() {
			overdue++
		}
	}
	parts := []string{kit.Plural(len(s.shown), "person", "people")}
	if !s.gridShown() {
		parts = append(parts, kit.Plural(s.view.Layout().EdgeCount(), "tie", "ties"))
	}
	if overdue > 0 {
		parts = append(parts, fmt.Sprintf("%d overdue for contact", overdue))
	}
	if s.sensitive.Checked {
		knowers := s.sensitiveKnowers()
		n := 0
		for _, p := range s.shown {
			if knowers[p.Person.ID] {
				n++
			}
		}
		verb := "know"
		if n == 1 {
			verb = "knows"
		}
		parts = append(parts, fmt.Sprintf("%d %s something sensitive", n, verb))
	}
	// People in the trash are hidden by choice, not by a filter.
	candidates := 0
	for _, p := range s.net.People {
		if !p.Person.Archived() || s.archived.Checked {
			candidates++
		}
	}
	if hidden := candidates - len(s.shown); hidden > 0 {
		parts = append(parts, fmt.Sprintf("%d hidden by the filters", hidden))
	}
	if found := s.found; found != nil {
		if len(found) == 0 {
			parts = append(parts, fmt.Sprintf("no one matches %q", strings.TrimSpace(s.search.Text)))
		} else {
			parts = append(parts, kit.Plural(len(found), "match", "matches")+" found")
		}
	}
	s.count.SetText(strings.Join(parts, " · "))
}

// isShown reports whether the person with the given ID passes the filters.
func (s *Screen) isShown(id int64) bool {
	return slices.ContainsFunc(s.shown, func(p model.NetworkPerson) bool { return p.Person.ID == id })
}

// selectPerson selects a person (0 for nobody) on both views and shows
// their card.
func (s *Screen) selectPerson(id int64) {
	s.selected = id
	s.view.Select(id)
	s.updateGrid()
	s.showCard()
}

// gridPeople is the people the grid shows: those shown, narrowed by the
// search.
func (s *Screen) gridPeople() []model.NetworkPerson {
	if s.found == nil {
		return s.shown
	}
	keep := make(map[int64]bool, len(s.found))
	for _, id := range s.found {
		keep[id] = true
	}
	return slices.DeleteFunc(slices.Clone(s.shown), func(p model.NetworkPerson) bool { return !keep[p.Person.ID] })
}

// openPerson asks the window for a person's page.
func (s *Screen) openPerson(id int64) {
	if _, ok := s.byID[id]; !ok {
		return
	}
	s.nav.OpenPerson(id)
}

// tooltip is what hovering a person shows: name, role and warmth.
func (s *Screen) tooltip(id int64) string {
	p := s.byID[id]
	parts := []string{p.Person.Name}
	if sub := p.Person.Subtitle(); sub != "" {
		parts = append(parts, sub)
	}
	parts = append(parts, p.Person.Stance.Label(), fmt.Sprintf("warmth %d", p.Warmth))
	if p.Overdue && !p.Person.Archived() {
		parts = append(parts, "overdue for contact")
	}
	return strings.Join(parts, " · ")
}

// atLeast gives o a minimum width, however narrow its own minimum.
func atLeast(width float32, o fyne.CanvasObject) fyne.CanvasObject {
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(width, 0))
	return container.NewStack(strut, o)
}
