package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
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
func tieStore(t *testing.T, ties ...model.Tie) *memStore {
	t.Helper()
	st := seeded(t, person("Dana Reyes", "Director", "Platform"), person("Ana Ruiz", "VP", "Platform"),
		person("Ben Okafor", "Engineer", "Data"), person("Carl Xu", "PM", "Data"))
	for _, tie := range ties {
		if err := st.CreateTie(context.Background(), &tie); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.ArchivePerson(context.Background(), carlID); err != nil {
		t.Fatal(err)
	}
	return st
}

// openTies shows the page of the person with id and returns its Ties
// section.
func openTies(t *testing.T, w *Window, id int64, archived bool) *tieSection {
	t.Helper()
	w.people.selectPerson(id, archived)
	return pageTies(t, w, id)
}

// pageTies is the Ties section of the page on show, which must be the
// page of the person with id.
func pageTies(t *testing.T, w *Window, id int64) *tieSection {
	t.Helper()
	pg := w.people.page
	if pg == nil || pg.person.ID != id {
		t.Fatalf("page on show is %+v, want person %d", pg, id)
	}
	if pg.ties == nil {
		t.Fatal("the page has no Ties section")
	}
	return pg.ties
}

// tieTexts lists the sentences of the section's rows, in order.
func tieTexts(ts *tieSection) []string {
	var out []string
	for _, r := range ts.rows {
		out = append(out, r.text.String())
	}
	return out
}

// storedTies lists the ties in the store as "from kind to (note)".
func storedTies(st *memStore) []string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []string
	for _, t := range st.ties {
		s := st.people[t.FromID].Name + " " + string(t.Kind) + " " + st.people[t.ToID].Name
		if t.Note != "" {
			s += " (" + t.Note + ")"
		}
		out = append(out, s)
	}
	return out
}

// pickTieEnd types query into the section's person picker and chooses the only
// suggestion, as a user does from the drop-down.
func pickTieEnd(t *testing.T, ts *tieSection, query string) {
	t.Helper()
	ts.who.SetText("")
	test.Type(ts.who, query)
	if len(ts.people.Options()) != 1 {
		t.Fatalf("suggestions for %q = %v, want one", query, ts.people.Options())
	}
	ts.who.SetText(ts.people.Options()[0])
	if ts.picked.ID == 0 {
		t.Fatalf("choosing %q picked nobody", ts.people.Options()[0])
	}
}

// tapLink taps the rendered link on the other person's name in r.
func tapLink(t *testing.T, r tieRow) {
	t.Helper()
	for _, o := range test.LaidOutObjects(r.text) {
		if l, ok := o.(*widget.Hyperlink); ok && l.Text == r.link.Text {
			// On the text: the link may be wider than its name.
			test.TapAt(l, fyne.NewPos(l.MinSize().Width/2, l.Size().Height/2))
			return
		}
	}
	t.Fatalf("no link %q in %q", r.link.Text, r.text.String())
}

func TestAddTieWithKindAndPicker(t *testing.T) {
	st := tieStore(t)
	w := newTestWindow(t, st)
	ts := openTies(t, w, danaID, false)
	if got := tieTexts(ts); len(got) != 0 {
		t.Fatalf("rows before any tie = %q", got)
	}
	if markup := test.RenderObjectToMarkup(ts.root); !strings.Contains(markup, "No ties yet. Say whom Dana reports to") {
		t.Error("an empty Ties section does not say what it is for")
	}

	// Nothing picked, or a name typed but not chosen: named, nothing written.
	test.Tap(ts.add)
	if got, want := ts.problem.Text, "Person is required"; got != want || !ts.problem.Visible() {
		t.Errorf("problem with nobody picked = %q (shown %v), want %q", got, ts.problem.Visible(), want)
	}
	test.Type(ts.who, "zz")
	test.Tap(ts.add)
	if got, want := ts.problem.Text, "Person: pick someone from the list"; got != want || !ts.problem.Visible() {
		t.Errorf("problem with a name not chosen = %q (shown %v), want %q", got, ts.problem.Visible(), want)
	}
	if got := storedTies(st); len(got) != 0 {
		t.Fatalf("bad input stored %q", got)
	}

	// Neither Dana herself nor Carl, in the trash, is on offer.
	for _, query := range []string{"reyes", "carl"} {
		ts.who.SetText("")
		test.Type(ts.who, query)
		if len(ts.people.Options()) != 0 {
			t.Errorf("suggestions for %q = %v, want none", query, ts.people.Options())
		}
	}

	ts.kind.SetSelected(model.TieInfluences.Label())
	pickTieEnd(t, ts, "ruiz")
	if ts.problem.Visible() {
		t.Errorf("the problem %q stays up after picking someone", ts.problem.Text)
	}
	test.Tap(ts.add)
	if got, want := storedTies(st), []string{"Dana Reyes influences Ana Ruiz"}; !equal(got, want) {
		t.Fatalf("stored ties = %q, want %q", got, want)
	}
	ts = pageTies(t, w, danaID)
	if got, want := tieTexts(ts), []string{"Influences Ana Ruiz"}; !equal(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
	if got, want := w.toast.message.Text, "Tie added: Dana Reyes influences Ana Ruiz."; got != want || !w.toast.undo.Visible() {
		t.Errorf("toast = %q (undo shown %v), want %q with Undo", got, w.toast.undo.Visible(), want)
	}

	// Undo takes the new tie away again.
	test.Tap(w.toast.undo)
	if got := storedTies(st); len(got) != 0 {
		t.Errorf("after undo the store holds %q", got)
	}
	if got := tieTexts(pageTies(t, w, danaID)); len(got) != 0 {
		t.Errorf("after undo the page lists %q", got)
	}
}

func TestDuplicateTieRefused(t *testing.T) {
	st := tieStore(t,
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieReportsTo},
		model.Tie{FromID: benID, ToID: danaID, Kind: model.TieCloseTo})
	w := newTestWindow(t, st)
	ts := openTies(t, w, danaID, false)
	before := storedTies(st)

	tests := []struct {
		kind  model.TieKind
		query string
		want  string
	}{
		{model.TieReportsTo, "ruiz", "Dana already reports to Ana Ruiz"},
		// Close to holds both ways: Ben's tie to Dana is Dana's to Ben.
		{model.TieCloseTo, "okafor", "Dana is already close to Ben Okafor"},
	}
	for _, tt := range tests {
		ts.kind.SetSelected(tt.kind.Label())
		pickTieEnd(t, ts, tt.query)
		test.Tap(ts.add)
		if got := ts.problem.Text; got != tt.want || !ts.problem.Visible() {
			t.Errorf("%s %s: problem = %q (shown %v), want %q", tt.kind, tt.query, got, ts.problem.Visible(), tt.want)
		}
		if got := storedTies(st); !equal(got, before) {
			t.Errorf("%s %s: store holds %q, want %q", tt.kind, tt.query, got, before)
		}
	}

	// Another kind of tie to the same person is no repeat: Dana may
	// influence Ana as well as report to her.
	ts.kind.SetSelected(model.TieInfluences.Label())
	pickTieEnd(t, ts, "ruiz")
	test.Tap(ts.add)
	if got := len(storedTies(st)); got != 3 {
		t.Fatalf("a second kind of tie to Ana was refused: store holds %q", storedTies(st))
	}

	// A tie made elsewhere since the page was built is refused by the
	// store, and the window says so.
	ts = pageTies(t, w, danaID)
	other := model.Tie{FromID: benID, ToID: danaID, Kind: model.TieAtOddsWith}
	if err := st.CreateTie(context.Background(), &other); err != nil {
		t.Fatal(err)
	}
	before = storedTies(st)
	ts.kind.SetSelected(model.TieAtOddsWith.Label())
	pickTieEnd(t, ts, "okafor")
	test.Tap(ts.add)
	if got := storedTies(st); !equal(got, before) {
		t.Errorf("store holds %q, want %q", got, before)
	}
	if !overlayShows(w, "Could not add the tie: ") {
		t.Error("a tie the store refused shows no error")
	}
}

func TestRemoveTieThenUndo(t *testing.T) {
	st := tieStore(t,
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieReportsTo, Note: "since the spring reorg"},
		model.Tie{FromID: benID, ToID: danaID, Kind: model.TieReportsTo})
	w := newTestWindow(t, st)
	ts := openTies(t, w, danaID, false)
	want := []string{"Reports to Ana Ruiz — since the spring reorg", "Ben Okafor reports to Dana"}
	if got := tieTexts(ts); !equal(got, want) {
		t.Fatalf("rows = %q, want %q", got, want)
	}

	test.Tap(ts.rows[0].remove)
	if got, want := storedTies(st), []string{"Ben Okafor reports_to Dana Reyes"}; !equal(got, want) {
		t.Fatalf("after remove the store holds %q, want %q", got, want)
	}
	if got, want := tieTexts(pageTies(t, w, danaID)), want[1:]; !equal(got, want) {
		t.Errorf("after remove rows = %q, want %q", got, want)
	}
	if got, want := w.toast.message.Text, "Tie removed: Dana Reyes reports to Ana Ruiz."; got != want || !w.toast.undo.Visible() {
		t.Fatalf("toast = %q (undo shown %v), want %q with Undo", got, w.toast.undo.Visible(), want)
	}
	test.Tap(w.toast.undo)
	if got, want := storedTies(st), []string{"Ben Okafor reports_to Dana Reyes", "Dana Reyes reports_to Ana Ruiz (since the spring reorg)"}; !equal(got, want) {
		t.Errorf("after undo the store holds %q, want %q", got, want)
	}
	if got := tieTexts(pageTies(t, w, danaID)); !equal(got, want) {
		t.Errorf("after undo rows = %q, want %q", got, want)
	}

	// Undone from another screen, the page is right when shown again.
	ts = pageTies(t, w, danaID)
	test.Tap(ts.rows[1].remove)
	w.show(screenToday)
	test.Tap(w.toast.undo)
	w.show(screenPeople)
	if got := tieTexts(pageTies(t, w, danaID)); !equal(got, want) {
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
	w := newTestWindow(t, st)
	for _, tt := range []struct {
		id   int64
		want []string
	}{
		{danaID, []string{"Reports to Ana Ruiz", "Influences Ana Ruiz", "Close to Carl Xu (in the trash)",
			"Ben Okafor reports to Dana", "Ana Ruiz influences Dana"}},
		{anaID, []string{"Influences Dana Reyes", "Dana Reyes reports to Ana", "Dana Reyes influences Ana"}},
		{benID, []string{"Reports to Dana Reyes"}},
	} {
		if got := tieTexts(openTies(t, w, tt.id, false)); !equal(got, tt.want) {
			t.Errorf("person %d's ties = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestTieNameOpensThatPerson(t *testing.T) {
	st := tieStore(t,
		model.Tie{FromID: danaID, ToID: anaID, Kind: model.TieReportsTo},
		model.Tie{FromID: carlID, ToID: danaID, Kind: model.TieAtOddsWith, Note: "over the roadmap"})
	w := newTestWindow(t, st)
	ts := openTies(t, w, danaID, false)
	tapLink(t, ts.rows[0])
	if got, want := tieTexts(pageTies(t, w, anaID)), []string{"Dana Reyes reports to Ana"}; !equal(got, want) {
		t.Errorf("Ana's ties = %q, want %q", got, want)
	}

	// Carl is in the trash: his page opens with the trash shown, lists his
	// ties, and offers neither adding nor removing one.
	ts = openTies(t, w, danaID, false)
	tapLink(t, ts.rows[1])
	ts = pageTies(t, w, carlID)
	if !w.people.trash.Checked {
		t.Error("opening someone in the trash does not show the trash")
	}
	if got, want := tieTexts(ts), []string{"At odds with Dana Reyes — over the roadmap"}; !equal(got, want) {
		t.Errorf("Carl's ties = %q, want %q", got, want)
	}
	if ts.add != nil || ts.who != nil || ts.kind != nil || ts.rows[0].remove != nil {
		t.Error("a page in the trash can add or remove ties")
	}
	if markup := test.RenderObjectToMarkup(ts.root); strings.Contains(markup, "Add tie") || !strings.Contains(markup, "Ties") {
		t.Error("a page in the trash shows no Ties heading, or an Add tie button")
	}
}

func TestTieChangeKeepsThePageScrolled(t *testing.T) {
	st := tieStore(t)
	for i := range 30 { // a long timeline, so the page scrolls
		in := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -i-1), Summary: "Coffee", PersonIDs: []int64{danaID}}
		if err := st.CreateInteraction(context.Background(), &in); err != nil {
			t.Fatal(err)
		}
	}
	w := newTestWindow(t, st)
	ts := openTies(t, w, danaID, false)
	w.people.page.root.(*container.Scroll).ScrollToOffset(fyne.NewPos(0, 150))
	pickTieEnd(t, ts, "ruiz")
	test.Tap(ts.add)
	if got := w.people.page.root.(*container.Scroll).Offset; got.Y != 150 {
		t.Errorf("after adding a tie the page is scrolled to %v, want 150 as before", got.Y)
	}
}

// overlayShows reports whether the window's top overlay (a dialog) has a
// label starting with text.
func overlayShows(w *Window, text string) bool {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, text) {
			return true
		}
	}
	return false
}
