package people_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
	"rapport/ui/people"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// navigator records what the screen asked of the window, in words, and
// does what the shell does where the screen depends on it: Refresh reloads
// the screen (on show unless away), OpenPerson opens the page, Toast keeps
// the message and its undo.
type navigator struct {
	kittest.Recorder
	st     *storage.Store
	screen *people.Screen
	win    fyne.Window
	away   bool // another screen is on show: Refresh reloads that one
	toast  string
	undo   func()
}

func (n *navigator) OpenPerson(id int64) {
	n.Ask("open person %d", id)
	p, err := n.st.Person(context.Background(), id)
	if err != nil {
		n.Ask("error %v", err)
		return
	}
	n.screen.Open(id, p.Archived())
}
func (n *navigator) NewPerson()                               { n.Ask("new person") }
func (n *navigator) EditPerson(id int64)                      { n.Ask("edit person %d", id) }
func (n *navigator) LogInteraction(id int64)                  { n.Ask("log interaction %d", id) }
func (n *navigator) NewPromise(id int64)                      { n.Ask("new promise %d", id) }
func (n *navigator) ScheduleMeeting(id int64)                 { n.Ask("schedule meeting %d", id) }
func (n *navigator) OpenMeeting(id int64)                     { n.Ask("open meeting %d", id) }
func (n *navigator) KeepPromise(p model.Promise, name string) { n.Ask("keep %q with %s", p.What, name) }
func (n *navigator) OpenPromise(p model.Promise, name string) {
	n.Ask("open promise %q with %s", p.What, name)
}
func (n *navigator) EditInteraction(i model.Interaction, p model.Person, changed func()) {
	n.Ask("edit interaction %d on %s's page", i.ID, p.Name)
}
func (n *navigator) DeleteInteraction(i model.Interaction, with []string, changed func()) {
	n.Ask("delete interaction %d with %s", i.ID, strings.Join(with, ", "))
}
func (n *navigator) ShowError(title string, err error) { n.Ask("error %s: %v", title, err) }
func (n *navigator) Toast(message string, undo func()) { n.toast, n.undo = message, undo }
func (n *navigator) Window() fyne.Window               { return n.win }
func (n *navigator) Refresh() {
	if !n.away {
		n.screen.Reload()
	}
}

// show builds the People screen on store in a test window, as the shell
// does; nav's OpenPerson reads st.
func show(t testing.TB, store people.Store, st *storage.Store) (*people.Screen, *navigator, fyne.CanvasObject) {
	t.Helper()
	kittest.NewApp(t)
	nav := &navigator{st: st}
	s := people.New(store, nav, clock)
	nav.screen = s
	content := s.Content()
	w := test.NewWindow(content)
	w.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.Close)
	nav.win = w
	return s, nav, content
}

// peopleStore is a real store holding the people named, in order (IDs 1,
// 2, …), each with the title and team given after a comma: "Dana Reyes,
// Director, Platform".
func peopleStore(t testing.TB, people ...string) *storage.Store {
	t.Helper()
	st := storetest.Open(t, clock)
	for _, p := range people {
		parts := strings.Split(p, ", ")
		storetest.Person(t, st, parts[0], func(q *model.Person) {
			if len(parts) == 3 {
				q.Title, q.Team = parts[1], parts[2]
			}
		})
	}
	return st
}

// peopleList is the screen's list.
func peopleList(t testing.TB, root fyne.CanvasObject) *kit.List {
	t.Helper()
	l := kittest.List(root)
	if l == nil {
		t.Fatal("the screen has no list")
	}
	return l
}

// shownNames lists the names the People list shows, in order.
func shownNames(t testing.TB, root fyne.CanvasObject) []string {
	t.Helper()
	l := peopleList(t, root)
	var out []string
	for i := range l.Length() {
		row := l.CreateItem()
		l.UpdateItem(i, row)
		out = append(out, kittest.Texts(row)[0])
	}
	return out
}

// pageName is the name at the top of the person page on show, "" when
// none is.
func pageName(root fyne.CanvasObject) string {
	l := kittest.Find(root, func(l *widget.Label) bool { return l.SizeName == theme.SizeNameHeadingText })
	if l == nil {
		return ""
	}
	return l.Text
}

// trashCheck is the check that lists the trash.
func trashCheck(root fyne.CanvasObject) *widget.Check {
	return kittest.Find(root, func(c *widget.Check) bool { return c.Text == "Trash" })
}

func TestSearchFindsPeople(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director of Engineering, Platform", "Zoë Ångström, Designer, Design",
		"Adam Bell, Engineer, Data")
	_, _, root := show(t, st, st)
	search := kittest.Entry(root, "Search people (Ctrl+F)")
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Adam Bell", "Dana Reyes", "Zoë Ångström"}},
		{"zoe", []string{"Zoë Ångström"}},
		{"DIRECTOR", []string{"Dana Reyes"}},
		{"eng", []string{"Adam Bell", "Dana Reyes"}},
		{"nobody", nil},
	}
	for _, tt := range tests {
		search.SetText("")
		test.Type(search, tt.query)
		if got := shownNames(t, root); !slices.Equal(got, tt.want) {
			t.Errorf("search %q shows %v, want %v", tt.query, got, tt.want)
		}
	}
	search.SetText("")
	stance := kittest.FindSelect(root, func(s *widget.Select) bool { return slices.Contains(s.Options, "Any stance") })
	stance.SetSelected(model.StanceChampion.Label())
	if got := shownNames(t, root); len(got) != 0 {
		t.Errorf("stance filter Champion shows %v, want nobody (all are neutral)", got)
	}
	if !kittest.Shows(root, "0 of 3 people") {
		t.Errorf("count does not say 0 of 3 people: %q", kittest.Texts(root))
	}
}

func TestFilterShowsOneRelation(t *testing.T) {
	st := peopleStore(t, "Dana Reyes", "Ben Okafor")
	storetest.Person(t, st, "Morgan Lee", func(p *model.Person) { p.Relation = model.RelationManager })
	s, _, root := show(t, st, st)
	s.Filter(model.RelationManager)
	if got, want := shownNames(t, root), []string{"Morgan Lee"}; !slices.Equal(got, want) {
		t.Errorf("filtered to managers the list shows %v, want %v", got, want)
	}
	s.Open(1, false) // clears the filter that hides Dana
	if got := shownNames(t, root); len(got) != 3 || pageName(root) != "Dana Reyes" {
		t.Errorf("opening Dana shows %v and the page of %q, want everyone and Dana's page", got, pageName(root))
	}
}

func TestArchiveThenUndoRestores(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director, Platform", "Ben Okafor, Engineer, Data")
	_, nav, root := show(t, st, st)
	peopleList(t, root).Select(1) // Dana (Ben sorts first)
	if got := pageName(root); got != "Dana Reyes" {
		t.Fatalf("selected page = %q", got)
	}
	test.Tap(kittest.MustButton(t, root, "Archive"))
	if got, want := shownNames(t, root), []string{"Ben Okafor"}; !slices.Equal(got, want) {
		t.Fatalf("after archive the list shows %v, want %v", got, want)
	}
	if p, _ := st.Person(t.Context(), 1); !p.Archived() {
		t.Fatal("Dana is not archived in the store")
	}
	if nav.toast != "Dana Reyes moved to the trash." || nav.undo == nil {
		t.Fatalf("toast %q (undo %v), want the archive with Undo", nav.toast, nav.undo != nil)
	}
	nav.undo()
	if p, _ := st.Person(t.Context(), 1); p.Archived() {
		t.Fatal("Undo did not restore Dana in the store")
	}
	if got, want := shownNames(t, root), []string{"Ben Okafor", "Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("after undo the list shows %v, want %v", got, want)
	}
	if got := pageName(root); got != "Dana Reyes" {
		t.Errorf("after undo the page on show is %q, want Dana's", got)
	}
	if want := []string{"open person 1"}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestTrashRestoreAndEmpty(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director, Platform", "Ben Okafor, Engineer, Data", "Carl Xu, PM, Data")
	storetest.Archived(t, st, 2) // Ben
	storetest.Archived(t, st, 3) // Carl
	_, nav, root := show(t, st, st)
	trashCheck(root).SetChecked(true)
	if got, want := shownNames(t, root), []string{"Ben Okafor", "Carl Xu"}; !slices.Equal(got, want) {
		t.Fatalf("trash shows %v, want %v", got, want)
	}
	if kittest.Button(root, "Add person") != nil || kittest.Button(root, "Empty trash…") == nil {
		t.Error("the trash offers Add person, or not Empty trash…")
	}
	peopleList(t, root).Select(0)
	if kittest.Button(root, "Archive") != nil || kittest.Button(root, "Restore") == nil {
		t.Fatal("an archived person's page offers Archive, or no Restore")
	}
	test.Tap(kittest.MustButton(t, root, "Restore"))
	if trashCheck(root).Checked {
		t.Error("after restoring, the list still shows the trash")
	}
	if got, want := shownNames(t, root), []string{"Ben Okafor", "Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("after restore the list shows %v, want %v", got, want)
	}
	if nav.toast != "Ben Okafor restored." {
		t.Errorf("toast = %q", nav.toast)
	}

	// Emptying the trash asks first, then deletes Carl for good.
	trashCheck(root).SetChecked(true)
	test.Tap(kittest.MustButton(t, root, "Empty trash…"))
	ask := kittest.TopDialog(nav.win)
	if !kittest.Shows(ask, "Delete 1 person for good") {
		t.Fatalf("Empty trash… asks %q", kittest.Texts(ask))
	}
	test.Tap(kittest.MustButton(t, ask, "Yes"))
	if _, err := st.Person(t.Context(), 3); err == nil {
		t.Error("Carl is still in the store after emptying the trash")
	}
	if got := shownNames(t, root); len(got) != 0 || nav.toast != "1 person deleted for good." {
		t.Errorf("after emptying the trash shows %v, toast %q", got, nav.toast)
	}
}

// TestPageAsksTheWindow: the page's buttons ask the window for its forms;
// the screen does not open them itself.
func TestPageAsksTheWindow(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director, Platform")
	storetest.Promise(t, st, model.Promise{PersonID: 1, What: "Send the plan", Direction: model.DirectionMine,
		DueOn: model.Day(testNow.AddDate(0, 0, 3))})
	s, nav, root := show(t, st, st)
	s.Open(1, false)
	for _, b := range []string{"Log interaction", "Promise", "Schedule", "Edit"} {
		test.Tap(kittest.MustButton(t, root, b))
	}
	test.Tap(kittest.MustButton(t, root, "Kept"))
	want := []string{"log interaction 1", "new promise 1", "schedule meeting 1", "edit person 1",
		`keep "Send the plan" with Dana Reyes`}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
	if p, ok := s.PersonInView(); !ok || p.ID != 1 {
		t.Errorf("person in view = %+v, %v; want Dana", p, ok)
	}
}

func TestEmptyScreenOffersToAddSomeone(t *testing.T) {
	st := storetest.Open(t, clock)
	s, nav, root := show(t, st, st)
	if !kittest.Shows(root, "Nobody here yet.") {
		t.Errorf("an empty screen says %q", kittest.Texts(root))
	}
	for _, b := range kittest.Buttons(root, "Add person") {
		test.Tap(b)
	}
	if want := []string{"new person", "new person"}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q (the button over the list and the one in the page's place)", nav.Asked, want)
	}
	if _, ok := s.PersonInView(); ok {
		t.Error("an empty screen has a person in view")
	}
}

// failing is a store whose reads fail: the person page's, or the list's
// when list is set.
type failing struct {
	*storage.Store
	list bool
}

var errDiskGone = errors.New("disk gone")

func (f failing) PersonPage(context.Context, int64, time.Time) (model.PersonPage, error) {
	return model.PersonPage{}, errDiskGone
}

func (f failing) People(ctx context.Context, archived bool) ([]model.PersonSummary, error) {
	if f.list {
		return nil, errDiskGone
	}
	return f.Store.People(ctx, archived)
}

// TestFailedReadsShowWhy: a page or a list that cannot be read shows what
// failed, with the reason, in place of the page; nothing is built from it.
func TestFailedReadsShowWhy(t *testing.T) {
	st := peopleStore(t, "Dana Ode, Director, Platform")
	s, _, root := show(t, failing{Store: st}, st)
	s.Open(1, false)
	if pageName(root) != "" || !kittest.Shows(root, "Could not open this person: disk gone") {
		t.Errorf("a failed page read shows %q", kittest.Texts(root))
	}
	if _, ok := s.PersonInView(); ok {
		t.Error("a page was built from a failed read")
	}

	s, _, root = show(t, failing{Store: st, list: true}, st)
	if !kittest.Shows(root, "Could not read people: disk gone") || len(shownNames(t, root)) != 0 {
		t.Errorf("a failed list read shows %q", kittest.Texts(root))
	}
	s.Reload()
	if !kittest.Shows(root, "Could not read people: disk gone") {
		t.Errorf("a failed list read, again, shows %q", kittest.Texts(root))
	}
}

// BenchmarkSearchKeystroke types into the People search over 5,000 people,
// as a user does: each iteration is one keystroke, with the list filtered
// and refreshed. Target: ≤ 5 ms per keystroke.
func BenchmarkSearchKeystroke(b *testing.B) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	firstNames := []string{"Dana", "Zoë", "Ben", "Priya", "Chen", "Amara", "Lukas", "Sofia"}
	lastNames := []string{"Reyes", "Ångström", "Okafor", "Natarajan", "Wei", "Nwosu", "Berg"}
	st := storetest.Open(b, clock)
	matches := make([]model.ImportMatch, n)
	for i := range matches {
		p := &matches[i].Imported.Person
		*p = model.NewPerson(fmt.Sprintf("%s %s %d", firstNames[i%len(firstNames)], lastNames[i%len(lastNames)], i))
		p.Title, p.Team, p.Email = "Senior Engineer", fmt.Sprintf("Team %d", i%40), fmt.Sprintf("p%d@northwind.example", i)
		matches[i].Action = model.ImportAdd
	}
	if added, _, _, err := st.ImportPeople(b.Context(), model.FormatVCard, matches); err != nil || added != n {
		b.Fatalf("added %d of %d people: %v", added, n, err)
	}
	_, _, root := show(b, st, st)
	list := peopleList(b, root)
	if list.Length() != n {
		b.Fatalf("list shows %d people, want %d", list.Length(), n)
	}
	search := kittest.Entry(root, "Search people (Ctrl+F)")
	query := "ångström 4"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % (len([]rune(query)) + 1)
		search.SetText(string([]rune(query)[:k]))
	}
	b.StopTimer()
	search.SetText("ångström 4")
	names := shownNames(b, root)
	for _, name := range names {
		if !strings.Contains(model.Fold(name), "angstrom") {
			b.Fatalf("search shows %q", name)
		}
	}
	if len(names) == 0 {
		b.Fatal("search found nobody")
	}
}

// scrollOf is the scroll of the page on show.
func scrollOf(t testing.TB, root fyne.CanvasObject) *container.Scroll {
	t.Helper()
	sc := kittest.Find(root, func(sc *container.Scroll) bool { return kittest.Shows(sc.Content, "Timeline") })
	if sc == nil {
		t.Fatal("no page on show")
	}
	return sc
}

// key sends the key to what has the keyboard in win, as the window does.
func key(t *testing.T, win fyne.Window, k fyne.KeyName) {
	t.Helper()
	f := win.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the keyboard to take %s", k)
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

func TestSearchEnterOpensTheFirstMatchAndArrowsMoveOn(t *testing.T) {
	st := peopleStore(t, "Dana Reyes", "Daniel Kim", "Adam Bell")
	s, nav, root := show(t, st, st)
	s.FocusSearch()
	test.Type(kittest.Entry(root, "Search people (Ctrl+F)"), "dan")
	key(t, nav.win, fyne.KeyReturn)
	if got := pageName(root); got != "Dana Reyes" {
		t.Fatalf("Enter in the search opened %q, want the first match Dana Reyes", got)
	}
	if _, ok := nav.win.Canvas().Focused().(*kit.List); !ok {
		t.Fatalf("after Enter the keyboard is on %T, want the list", nav.win.Canvas().Focused())
	}
	key(t, nav.win, fyne.KeyDown)
	if got := pageName(root); got != "Daniel Kim" {
		t.Errorf("Down in the list shows %q, want Daniel Kim", got)
	}
	key(t, nav.win, fyne.KeyDown) // the last match: stays
	key(t, nav.win, fyne.KeyUp)
	key(t, nav.win, fyne.KeyReturn)
	if got := pageName(root); got != "Dana Reyes" {
		t.Errorf("Up and Enter show %q, want Dana Reyes", got)
	}
}

func TestDownFromTheSearchMovesIntoTheList(t *testing.T) {
	st := peopleStore(t, "Dana Reyes", "Ben Okafor")
	s, nav, root := show(t, st, st)
	s.FocusSearch()
	key(t, nav.win, fyne.KeyDown)
	if _, ok := nav.win.Canvas().Focused().(*kit.List); !ok {
		t.Fatalf("Down in the search left the keyboard on %T, want the list", nav.win.Canvas().Focused())
	}
	if got := pageName(root); got != "Ben Okafor" {
		t.Errorf("arriving in the list shows %q, want the first, Ben Okafor", got)
	}
	key(t, nav.win, fyne.KeyDown)
	if got := pageName(root); got != "Dana Reyes" {
		t.Errorf("Down shows %q, want Dana Reyes", got)
	}
	s.FocusSearch()
	for range 5 { // Tab: stance, relation, trash, add person, the list
		nav.win.Canvas().FocusNext()
	}
	if _, ok := nav.win.Canvas().Focused().(*kit.List); !ok {
		t.Errorf("Tab from the search reaches %T, not the list", nav.win.Canvas().Focused())
	}
}
