package people_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
	"rapport/ui/people"
)

// IDs of the people tieStore holds.
const (
	danaID int64 = iota + 1
	anaID
	benID
	carlID // in the trash
)

// tieStore holds Dana Reyes, Ana Ruiz, Ben Okafor and, in the trash, Carl
// Xu, tied by ties (From, To, Kind and Note are used).
func tieStore(t *testing.T, ties ...model.Tie) *storage.Store {
	t.Helper()
	st := peopleStore(t, "Dana Reyes, Director, Platform", "Ana Ruiz, VP, Platform",
		"Ben Okafor, Engineer, Data", "Carl Xu, PM, Data")
	for _, tie := range ties {
		if err := st.CreateTie(t.Context(), &tie); err != nil {
			t.Fatal(err)
		}
	}
	storetest.Archived(t, st, carlID)
	return st
}

// ties is the Ties section of a page.
type ties struct{ root fyne.CanvasObject }

// openTies shows the page of the person with id and returns its Ties
// section.
func openTies(t *testing.T, s *people.Screen, root fyne.CanvasObject, id int64, archived bool) ties {
	t.Helper()
	s.Open(id, archived)
	return pageTies(t, root)
}

// pageTies is the Ties section of the page on show.
func pageTies(t *testing.T, root fyne.CanvasObject) ties {
	t.Helper()
	return ties{pageSection(t, root, "Ties", func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && l.Text == "Ties"
	})}
}

// rows are the sentences of the section's rows, in order.
func (ts ties) rows() []*widget.RichText {
	var out []*widget.RichText
	kittest.Walk(ts.root, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*widget.RichText); ok && slices.ContainsFunc(r.Segments, func(s widget.RichTextSegment) bool {
			_, link := s.(*widget.HyperlinkSegment)
			return link
		}) {
			out = append(out, r)
		}
		return true
	})
	return out
}

// texts lists the sentences of the section's rows, in order.
func (ts ties) texts() []string {
	var out []string
	for _, r := range ts.rows() {
		out = append(out, r.String())
	}
	return out
}

// remove is the remove button of the row saying text, nil when none.
func (ts ties) remove(t *testing.T, text string) *widget.Button {
	t.Helper()
	row := kittest.Find(ts.root, func(c *fyne.Container) bool {
		return slices.ContainsFunc(c.Objects, func(o fyne.CanvasObject) bool {
			r, ok := o.(*widget.RichText)
			return ok && r.String() == text
		})
	})
	if row == nil {
		t.Fatalf("no row %q among %q", text, ts.texts())
	}
	return kittest.Find[*widget.Button](row, nil)
}

func (ts ties) who() *kit.TextField {
	return kittest.Find(ts.root, func(e *kit.TextField) bool { return e.PlaceHolder == "Type a name" })
}

func (ts ties) kind() *widget.Select { return kittest.FindSelect(ts.root, nil) }

func (ts ties) add() *widget.Button { return kittest.Button(ts.root, "Add tie") }

// problem is what the section says is wrong with the tie to add, "" when
// nothing is shown.
func (ts ties) problem() string {
	l := kittest.Find(ts.root, func(l *widget.Label) bool { return l.Importance == widget.DangerImportance })
	if l == nil {
		return ""
	}
	return l.Text
}

// storedTies lists the ties in the store as "from kind to (note)".
func storedTies(t *testing.T, st *storage.Store) []string {
	t.Helper()
	list, err := st.Ties(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	name := func(id int64) string {
		p, err := st.Person(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		return p.Name
	}
	var out []string
	for _, tie := range list {
		s := name(tie.FromID) + " " + string(tie.Kind) + " " + name(tie.ToID)
		if tie.Note != "" {
			s += " (" + tie.Note + ")"
		}
		out = append(out, s)
	}
	return out
}

// pick types query into the section's person picker and clicks label
// among the suggestions shown under it; it reports whether someone was
// picked (the field then shows their name).
func (ts ties) pick(query, label string) bool {
	who := ts.who()
	who.SetText("")
	test.Type(who, query)
	return kittest.TapSuggestion(ts.root, label) && who.Text != query && who.Text != ""
}

// mustPick is pick, failing the test when nobody was picked.
func (ts ties) mustPick(t *testing.T, query, label string) {
	t.Helper()
	if !ts.pick(query, label) {
		t.Fatalf("choosing %q after typing %q picked nobody", label, query)
	}
}

func TestAddTieWithKindAndPicker(t *testing.T) {
	st := tieStore(t)
	s, nav, root := show(t, st, st)
	ts := openTies(t, s, root, danaID, false)
	if got := ts.texts(); len(got) != 0 {
		t.Fatalf("rows before any tie = %q", got)
	}
	if !kittest.Shows(ts.root, "No ties yet. Say whom Dana reports to") {
		t.Error("an empty Ties section does not say what it is for")
	}

	// Nothing picked, or a name typed but not chosen: named, nothing written.
	test.Tap(ts.add())
	if got, want := ts.problem(), "Person is required"; got != want {
		t.Errorf("problem with nobody picked = %q, want %q", got, want)
	}
	test.Type(ts.who(), "zz")
	test.Tap(ts.add())
	if got, want := ts.problem(), "Person: no one called \"zz\": check the spelling or add them first"; got != want {
		t.Errorf("problem with a name not chosen = %q, want %q", got, want)
	}
	if got := storedTies(t, st); len(got) != 0 {
		t.Fatalf("bad input stored %q", got)
	}

	// Neither Dana herself nor Carl, in the trash, is on offer.
	for query, label := range map[string]string{"reyes": "Dana Reyes — Director · Platform", "carl": "Carl Xu — PM · Data"} {
		if ts.pick(query, label) {
			t.Errorf("%q could be picked after typing %q", label, query)
		}
	}

	ts.kind().SetSelected(model.TieInfluences.Label())
	ts.mustPick(t, "ruiz", "Ana Ruiz — VP · Platform")
	if got := ts.problem(); got != "" {
		t.Errorf("the problem %q stays up after picking someone", got)
	}
	test.Tap(ts.add())
	if got, want := storedTies(t, st), []string{"Dana Reyes influences Ana Ruiz"}; !slices.Equal(got, want) {
		t.Fatalf("stored ties = %q, want %q", got, want)
	}
	ts = pageTies(t, root)
	if got, want := ts.texts(), []string{"Influences Ana Ruiz"}; !slices.Equal(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
	if got, want := nav.toast, "Tie added: Dana Reyes influences Ana Ruiz."; got != want || nav.undo == nil {
		t.Errorf("toast = %q (undo %v), want %q with Undo", got, nav.undo != nil, want)
	}

	// Undo takes the new tie away again.
	nav.undo()
	if got := storedTies(t, st); len(got) != 0 {
		t.Errorf("after undo the store holds %q", got)
	}
	if got := pageTies(t, root).texts(); len(got) != 0 {
		t.Errorf("after undo the page lists %q", got)
	}
}

func TestDuplicateTieRefused(t *testing.T) {
	st := tieStore(t,
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieReportsTo},
		model.Tie{FromID: benID, ToID: danaID, Kind: model.TieCloseTo})
	s, nav, root := show(t, st, st)
	ts := openTies(t, s, root, danaID, false)
	before := storedTies(t, st)

	tests := []struct {
		kind  model.TieKind
		query string
		label string
		want  string
	}{
		{model.TieReportsTo, "ruiz", "Ana Ruiz — VP · Platform", "Dana already reports to Ana Ruiz"},
		// Close to holds both ways: Ben's tie to Dana is Dana's to Ben.
		{model.TieCloseTo, "okafor", "Ben Okafor — Engineer · Data", "Dana is already close to Ben Okafor"},
	}
	for _, tt := range tests {
		ts.kind().SetSelected(tt.kind.Label())
		ts.mustPick(t, tt.query, tt.label)
		test.Tap(ts.add())
		if got := ts.problem(); got != tt.want {
			t.Errorf("%s %s: problem = %q, want %q", tt.kind, tt.query, got, tt.want)
		}
		if got := storedTies(t, st); !slices.Equal(got, before) {
			t.Errorf("%s %s: store holds %q, want %q", tt.kind, tt.query, got, before)
		}
	}

	// Another kind of tie to the same person is no repeat: Dana may
	// influence Ana as well as report to her.
	ts.kind().SetSelected(model.TieInfluences.Label())
	ts.mustPick(t, "ruiz", "Ana Ruiz — VP · Platform")
	test.Tap(ts.add())
	if got := len(storedTies(t, st)); got != 3 {
		t.Fatalf("a second kind of tie to Ana was refused: store holds %q", storedTies(t, st))
	}

	// A tie made elsewhere since the page was built is refused by the
	// store, and the window says so.
	ts = pageTies(t, root)
	other := model.Tie{FromID: benID, ToID: danaID, Kind: model.TieAtOddsWith}
	if err := st.CreateTie(t.Context(), &other); err != nil {
		t.Fatal(err)
	}
	before = storedTies(t, st)
	ts.kind().SetSelected(model.TieAtOddsWith.Label())
	ts.mustPick(t, "okafor", "Ben Okafor — Engineer · Data")
	test.Tap(ts.add())
	if got := storedTies(t, st); !slices.Equal(got, before) {
		t.Errorf("store holds %q, want %q", got, before)
	}
	if !slices.ContainsFunc(nav.Asked, func(a string) bool { return strings.HasPrefix(a, "error Could not add the tie: ") }) {
		t.Errorf("a tie the store refused shows no error; asked %q", nav.Asked)
	}
}

func TestRemoveTieThenUndo(t *testing.T) {
	st := tieStore(t,
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieReportsTo, Note: "since the spring reorg"},
		model.Tie{FromID: benID, ToID: danaID, Kind: model.TieReportsTo})
	s, nav, root := show(t, st, st)
	ts := openTies(t, s, root, danaID, false)
	want := []string{"Reports to Ana Ruiz — since the spring reorg", "Ben Okafor reports to Dana"}
	if got := ts.texts(); !slices.Equal(got, want) {
		t.Fatalf("rows = %q, want %q", got, want)
	}

	test.Tap(ts.remove(t, want[0]))
	if got, want := storedTies(t, st), []string{"Ben Okafor reports_to Dana Reyes"}; !slices.Equal(got, want) {
		t.Fatalf("after remove the store holds %q, want %q", got, want)
	}
	if got, want := pageTies(t, root).texts(), want[1:]; !slices.Equal(got, want) {
		t.Errorf("after remove rows = %q, want %q", got, want)
	}
	if got, want := nav.toast, "Tie removed: Dana Reyes reports to Ana Ruiz."; got != want || nav.undo == nil {
		t.Fatalf("toast = %q (undo %v), want %q with Undo", got, nav.undo != nil, want)
	}
	nav.undo()
	if got, want := storedTies(t, st), []string{"Ben Okafor reports_to Dana Reyes", "Dana Reyes reports_to Ana Ruiz (since the spring reorg)"}; !slices.Equal(got, want) {
		t.Errorf("after undo the store holds %q, want %q", got, want)
	}
	if got := pageTies(t, root).texts(); !slices.Equal(got, want) {
		t.Errorf("after undo rows = %q, want %q", got, want)
	}

	// Undone from another screen, the page is right when shown again.
	test.Tap(pageTies(t, root).remove(t, want[1]))
	nav.away = true // Today on show: the window reloads Today, not People
	nav.undo()
	root = s.Content() // People shown again
	nav.away = false
	if got := pageTies(t, root).texts(); !slices.Equal(got, want) {
		t.Errorf("after undo on Today, rows = %q, want %q", got, want)
	}
}

func TestTiesReadFromEachSide(t *testing.T) {
	st := tieStore(t,
		model.Tie{FromID: benID, ToID: danaID, Kind: model.TieReportsTo},
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieInfluences},
		model.Tie{FromID: anaID, ToID: danaID, Kind: model.TieInfluences},
		model.Tie{FromID: carlID, ToID: danaID, Kind: model.TieCloseTo},
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieReportsTo})
	s, _, root := show(t, st, st)
	for _, tt := range []struct {
		id   int64
		want []string
	}{
		{danaID, []string{"Reports to Ana Ruiz", "Influences Ana Ruiz", "Close to Carl Xu (in the trash)",
			"Ben Okafor reports to Dana", "Ana Ruiz influences Dana"}},
		{anaID, []string{"Influences Dana Reyes", "Dana Reyes reports to Ana", "Dana Reyes influences Ana"}},
		{benID, []string{"Reports to Dana Reyes"}},
	} {
		if got := openTies(t, s, root, tt.id, false).texts(); !slices.Equal(got, tt.want) {
			t.Errorf("person %d's ties = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestTieNameOpensThatPerson(t *testing.T) {
	st := tieStore(t,
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieReportsTo},
		model.Tie{FromID: carlID, ToID: danaID, Kind: model.TieAtOddsWith, Note: "over the roadmap"})
	s, _, root := show(t, st, st)
	ts := openTies(t, s, root, danaID, false)
	kittest.TapLink(t, ts.root, "Ana Ruiz")
	if got, want := pageTies(t, root).texts(), []string{"Dana Reyes reports to Ana"}; pageName(root) != "Ana Ruiz" || !slices.Equal(got, want) {
		t.Errorf("%s's ties = %q, want Ana's %q", pageName(root), got, want)
	}

	// Carl is in the trash: his page opens with the trash shown, lists his
	// ties, and offers neither adding nor removing one.
	ts = openTies(t, s, root, danaID, false)
	kittest.TapLink(t, ts.root, "Carl Xu")
	ts = pageTies(t, root)
	if !trashCheck(root).Checked || pageName(root) != "Carl Xu" {
		t.Errorf("opening someone in the trash shows %q, trash %v; want Carl's page in the trash", pageName(root), trashCheck(root).Checked)
	}
	if got, want := ts.texts(), []string{"At odds with Dana Reyes — over the roadmap"}; !slices.Equal(got, want) {
		t.Errorf("Carl's ties = %q, want %q", got, want)
	}
	if ts.add() != nil || ts.who() != nil || ts.kind() != nil || ts.remove(t, "At odds with Dana Reyes — over the roadmap") != nil {
		t.Error("a page in the trash can add or remove ties")
	}
	if markup := test.RenderObjectToMarkup(ts.root); strings.Contains(markup, "Add tie") || !strings.Contains(markup, "Ties") {
		t.Error("a page in the trash shows no Ties heading, or an Add tie button")
	}
}

func TestTieChangeKeepsThePageScrolled(t *testing.T) {
	st := tieStore(t)
	for i := range 30 { // a long timeline, so the page scrolls
		storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -i-1), danaID)
	}
	s, _, root := show(t, st, st)
	ts := openTies(t, s, root, danaID, false)
	scrollOf(t, root).ScrollToOffset(fyne.NewPos(0, 150))
	ts.mustPick(t, "ruiz", "Ana Ruiz — VP · Platform")
	test.Tap(ts.add())
	if got := scrollOf(t, root).Offset; got.Y != 150 || len(pageTies(t, root).texts()) != 1 {
		t.Errorf("after adding a tie the page is scrolled to %v, want 150 as before", got.Y)
	}
}

// pageSection is the section of the page on show, named name in a
// failure: the first container holding an object that marks says is its
// heading.
func pageSection(t *testing.T, root fyne.CanvasObject, name string, marks func(fyne.CanvasObject) bool) *fyne.Container {
	t.Helper()
	sec := kittest.Find(root, func(c *fyne.Container) bool {
		return slices.ContainsFunc(c.Objects, marks)
	})
	if sec == nil {
		t.Fatalf("the page of %q has no %s section", pageName(root), name)
	}
	return sec
}
