package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// newTestWindow opens a window on store in a headless test app.
func newTestWindow(t *testing.T, store Store) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := New(a, store, Options{Now: func() time.Time { return testNow }, DBPath: "/home/dana/.local/share/rapport/rapport.db"})
	w.win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.win.Close)
	// The People screen reads the people when it is first shown; tests use
	// it from the start, as if it had been.
	w.people.reload()
	return w
}

// seeded returns a store holding the given people, with defaults.
func seeded(t *testing.T, people ...model.Person) *memStore {
	t.Helper()
	st := newMemStore(func() time.Time { return testNow })
	for _, p := range people {
		if p.Relation == "" {
			p.Relation, p.Stance, p.Influence, p.CadenceDays = model.RelationPeer, model.StanceNeutral, 3, 30
		}
		if err := st.CreatePerson(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func person(name, title, team string) model.Person {
	p := model.NewPerson(name)
	p.Title, p.Team = title, team
	return p
}

// shownNames lists the names the People list shows, in order.
func shownNames(s *peopleScreen) []string {
	var out []string
	for _, i := range s.shown {
		out = append(out, s.all[i].Name)
	}
	return out
}

func TestAddPersonThroughTheForm(t *testing.T) {
	st := seeded(t, person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	pressShortcut(t, w, fyne.KeyN)
	e := w.currentPersonEditor
	if e == nil {
		t.Fatal("Ctrl+N did not open the person form")
	}
	test.Type(e.name, "Dana Reyes")
	test.Type(e.title, "Director of Engineering")
	test.Type(e.email, "dana.reyes@northwind.example")
	e.stance.SetSelected(model.StanceChampion.Label())
	e.influence.SetSelected("5")
	test.Tap(e.save)

	if got := st.count(); got != 2 {
		t.Fatalf("store has %d people, want 2", got)
	}
	page := w.people.page
	if page == nil || page.person.Name != "Dana Reyes" {
		t.Fatalf("the new person's page is not on show: %+v", page)
	}
	p := page.person
	if p.Stance != model.StanceChampion || p.Influence != 5 || p.Email != "dana.reyes@northwind.example" || p.Title != "Director of Engineering" {
		t.Errorf("stored %+v", p)
	}
	if got, want := shownNames(w.people), []string{"Ben Okafor", "Dana Reyes"}; !equal(got, want) {
		t.Errorf("list shows %v, want %v", got, want)
	}
	if w.toast.message.Text != "Dana Reyes added." || !w.toast.bar.Visible() {
		t.Errorf("toast = %q (visible %v)", w.toast.message.Text, w.toast.bar.Visible())
	}
}

func TestInvalidFormShowsErrorsAndSavesNothing(t *testing.T) {
	st := seeded(t, person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	w.people.addPerson()
	e := w.currentPersonEditor
	test.Type(e.email, "dana at northwind")
	e.cadence.SetText("monthly")
	e.firstMet.SetText("last spring")
	test.Tap(e.save)

	if got := st.count(); got != 1 {
		t.Fatalf("store has %d people after an invalid save, want 1", got)
	}
	for field, want := range map[string]string{
		"name":      "Name is required",
		"email":     "Email is not an email address like name@example.com",
		"cadence":   "Keep in touch needs a whole number of days, like 30",
		"first met": `First met: "last spring" is not a date like 2026-11-23, today, yesterday or 3 days ago`,
	} {
		if got := e.fields.Problem(field); got != want {
			t.Errorf("problem under %s = %q, want %q", field, got, want)
		}
	}
	if got := e.fields.Problem("title"); got != "" {
		t.Errorf("title shows a problem %q", got)
	}

	// Fixing the fields clears the messages and saves.
	test.Type(e.name, "Dana Reyes")
	e.email.SetText("dana@northwind.example")
	e.cadence.SetText("30")
	e.firstMet.SetText("2 years ago")
	test.Tap(e.save)
	if got := st.count(); got != 2 {
		t.Fatalf("store has %d people after fixing the form, want 2", got)
	}
	if got := w.people.page.person.FirstMet; !got.Equal(time.Date(2024, 11, 23, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("first met = %v", got)
	}
}

func TestSearchFindsPeople(t *testing.T) {
	st := seeded(t,
		person("Dana Reyes", "Director of Engineering", "Platform"),
		person("Zoë Ångström", "Designer", "Design"),
		person("Adam Bell", "Engineer", "Data"),
	)
	w := newTestWindow(t, st)
	s := w.people
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
		s.search.SetText("")
		test.Type(s.search, tt.query)
		if got := shownNames(s); !equal(got, tt.want) {
			t.Errorf("search %q shows %v, want %v", tt.query, got, tt.want)
		}
	}
	s.search.SetText("")
	s.stance.SetSelected(model.StanceNeutral.Label())
	if got := len(s.shown); got != 0 {
		t.Errorf("stance filter Neutral shows %d people, want 0 (all are unknown)", got)
	}
	if got, want := s.count.Text, "0 of 3 people"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
}

func TestArchiveThenUndoRestores(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	s := w.people
	s.list.Select(1) // Dana (Ben sorts first)
	if s.page == nil || s.page.person.Name != "Dana Reyes" {
		t.Fatalf("selected page = %+v", s.page)
	}
	test.Tap(s.page.archive)
	if got, want := shownNames(s), []string{"Ben Okafor"}; !equal(got, want) {
		t.Fatalf("after archive the list shows %v, want %v", got, want)
	}
	if p, _ := st.Person(context.Background(), 1); !p.Archived() {
		t.Fatal("Dana is not archived in the store")
	}
	if !w.toast.undo.Visible() {
		t.Fatal("no Undo offered")
	}
	test.Tap(w.toast.undo)
	if p, _ := st.Person(context.Background(), 1); p.Archived() {
		t.Fatal("Undo did not restore Dana in the store")
	}
	if got, want := shownNames(s), []string{"Ben Okafor", "Dana Reyes"}; !equal(got, want) {
		t.Errorf("after undo the list shows %v, want %v", got, want)
	}
	if s.page == nil || s.page.person.Name != "Dana Reyes" {
		t.Errorf("after undo Dana's page is not on show")
	}
}

func TestTrashRestoreAndEmpty(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"))
	st.ArchivePerson(context.Background(), 2) // Ben
	w := newTestWindow(t, st)
	s := w.people
	s.trash.SetChecked(true)
	if got, want := shownNames(s), []string{"Ben Okafor"}; !equal(got, want) {
		t.Fatalf("trash shows %v, want %v", got, want)
	}
	s.list.Select(0)
	if s.page.archive.Visible() && s.page.restore == nil {
		t.Fatal("an archived person's page offers no Restore")
	}
	test.Tap(s.page.restore)
	if s.trash.Checked {
		t.Error("after restoring, the list still shows the trash")
	}
	if got, want := shownNames(s), []string{"Ben Okafor", "Dana Reyes"}; !equal(got, want) {
		t.Errorf("after restore the list shows %v, want %v", got, want)
	}
}

func TestLogInteractionInTwoClicks(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	s := w.people
	s.list.Select(1)
	test.Tap(s.page.logInteraction) // click 1
	e := w.currentInteractionEditor
	if e == nil {
		t.Fatal("no interaction form opened")
	}
	test.Tap(e.save) // click 2
	if len(st.interactions) != 1 {
		t.Fatalf("%d interactions stored, want 1", len(st.interactions))
	}
	got := st.interactions[0]
	if got.Kind != model.KindCoffee || !got.At.Equal(testNow) || !equal64(got.PersonIDs, []int64{1}) {
		t.Errorf("stored %+v", got)
	}
	if s.page == nil || len(s.page.timeline) != 1 {
		t.Errorf("the page's timeline does not show the interaction")
	}
	if got := s.all[s.shown[1]].LastContact; !got.Equal(testNow) {
		t.Errorf("list's last contact = %v, want %v", got, testNow)
	}
}

func TestLogInteractionWithOthersAndPastDate(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"),
		person("Chen Wei", "PM", "Data"))
	w := newTestWindow(t, st)
	s := w.people
	w.show(screenPeople)
	s.list.Select(1) // Chen Wei
	pressShortcut(t, w, fyne.KeyL)
	e := w.currentInteractionEditor
	if e == nil {
		t.Fatal("Ctrl+L did not open the interaction form")
	}
	e.kind.SetSelected(model.KindThanksPublic.Label())
	e.date.SetText("3 days ago")
	test.Type(e.others.Entry, "ben")
	if len(e.others.Options()) != 1 {
		t.Fatalf("suggestions for 'ben' = %v", e.others.Options())
	}
	e.others.Entry.SetText(e.others.Options()[0]) // choose it from the drop-down
	test.Type(e.summary, "Thanked at the all-hands for the migration")
	test.Tap(e.save)
	if len(st.interactions) != 1 {
		t.Fatalf("%d interactions stored, want 1", len(st.interactions))
	}
	got := st.interactions[0]
	want := time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local)
	if got.Kind != model.KindThanksPublic || !got.At.Equal(want) || len(got.PersonIDs) != 2 {
		t.Errorf("stored %+v, want thanks in public at %v with 2 people", got, want)
	}

	// A bad date is named and nothing is stored.
	test.Tap(s.page.logInteraction)
	e = w.currentInteractionEditor
	e.date.SetText("someday")
	test.Tap(e.save)
	if len(st.interactions) != 1 {
		t.Errorf("an interaction with a bad date was stored")
	}
	if got := e.fields.Problem("date"); got == "" {
		t.Error("no problem shown under the date")
	}
}

func TestWelcomeOnEmptyDatabase(t *testing.T) {
	st := newMemStore(func() time.Time { return testNow })
	st.sample = []model.Person{model.NewPerson("Sample Person")}
	w := newTestWindow(t, st)
	if w.currentWelcome == nil {
		t.Fatal("an empty database shows no welcome")
	}
	test.Tap(w.currentWelcome.startSample)
	if st.sampleLoads != 1 {
		t.Fatalf("LoadSample called %d times", st.sampleLoads)
	}
	if got := shownNames(w.people); !equal(got, []string{"Sample Person"}) {
		t.Errorf("after the sample, people = %v", got)
	}

	st2 := newMemStore(func() time.Time { return testNow })
	w2 := newTestWindow(t, st2)
	test.Tap(w2.currentWelcome.startEmpty)
	if w2.current != screenPeople || st2.sampleLoads != 0 {
		t.Errorf("start empty: screen %v, sample loads %d", w2.current, st2.sampleLoads)
	}
	if w2.people.page != nil {
		t.Error("an empty start shows a person")
	}
}

func TestScreenShortcutsAndWindowSize(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"))
	w := newTestWindow(t, st)
	for key, want := range map[fyne.KeyName]screenID{
		fyne.Key1: screenToday, fyne.Key2: screenMap, fyne.Key4: screenPromises, fyne.Key5: screenCareer, fyne.Key6: screenMeetings, fyne.Key3: screenPeople,
	} {
		pressShortcut(t, w, key)
		if w.current != want {
			t.Errorf("Ctrl+%s shows %v, want %v", key, w.current, want)
		}
	}
	// A new window on the same app opens on Today, at the size the last
	// one was left.
	w.win.Resize(fyne.NewSize(900, 640))
	w.saveSize()
	w2 := New(w.app, st, Options{Now: func() time.Time { return testNow }})
	defer w2.win.Close()
	if w2.current != screenToday {
		t.Errorf("reopened on %v, want today", w2.current)
	}
	if got := w2.win.Canvas().Size(); got.Width != 900 || got.Height != 640 {
		t.Errorf("reopened at %v, want 900×640", got)
	}
	// Every menu shortcut is written in the menus.
	for _, m := range w.win.MainMenu().Items[:2] {
		for _, item := range m.Items {
			if !item.IsSeparator && item.Shortcut == nil {
				t.Errorf("menu item %q has no shortcut", item.Label)
			}
		}
	}
}

// pressShortcut does what the desktop driver does with a key press that
// has the shortcut modifier: it runs the main-menu item bound to it.
func pressShortcut(t *testing.T, w *Window, key fyne.KeyName) {
	t.Helper()
	want := shortcut(key)
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Shortcut != nil && item.Shortcut.ShortcutName() == want.ShortcutName() {
				item.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", want.ShortcutName())
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equal64(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// BenchmarkSearchKeystroke types into the People search over 5,000 people,
// as a user does: each iteration is one keystroke, with the list filtered
// and refreshed. Target: ≤ 5 ms per keystroke.
func BenchmarkSearchKeystroke(b *testing.B) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	st := newMemStore(func() time.Time { return testNow })
	for i := 0; i < n; i++ {
		p := model.NewPerson(fmt.Sprintf("%s %s %d", firstNames[i%len(firstNames)], lastNames[i%len(lastNames)], i))
		p.Title, p.Team, p.Email = "Senior Engineer", fmt.Sprintf("Team %d", i%40), fmt.Sprintf("p%d@northwind.example", i)
		if err := st.CreatePerson(context.Background(), &p); err != nil {
			b.Fatal(err)
		}
	}
	a := test.NewApp()
	defer a.Quit()
	w := New(a, st, Options{Now: func() time.Time { return testNow }})
	w.win.Resize(fyne.NewSize(1180, 760))
	w.show(screenPeople)
	s := w.people
	if len(s.shown) != n {
		b.Fatalf("list shows %d people, want %d", len(s.shown), n)
	}
	query := "ångström 4"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % (len([]rune(query)) + 1)
		s.search.SetText(string([]rune(query)[:k]))
	}
	b.StopTimer()
	s.search.SetText("ångström 4")
	for _, i := range s.shown {
		if !strings.Contains(model.Fold(s.all[i].Name), "angstrom") {
			b.Fatalf("search shows %q", s.all[i].Name)
		}
	}
	if len(s.shown) == 0 {
		b.Fatal("search found nobody")
	}
}

var (
	firstNames = []string{"Dana", "Zoë", "Ben", "Priya", "Chen", "Amara", "Lukas", "Sofia"}
	lastNames  = []string{"Reyes", "Ångström", "Okafor", "Natarajan", "Wei", "Nwosu", "Berg"}
)

// TestPersonPageGolden pins how a person page renders: the golden markup in
// testdata/ shows every label, colour and position. After a deliberate
// change, copy testdata/failed/person_page.xml over it.
func TestPersonPageGolden(t *testing.T) {
	p := person("Zoë Ångström", "Head of Design", "Design")
	p.Organisation, p.Email, p.Relation, p.Influence, p.Stance = "Northwind Labs", "zoe@northwind.example", model.RelationLeader, 4, model.StanceSkeptic
	p.WorkingOn, p.Needs = "The design system", "An engineer to pair with"
	st := seeded(t, p)
	i := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -12), Summary: "Coffee at Blue Bottle", PersonIDs: []int64{1}}
	if err := st.CreateInteraction(context.Background(), &i); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenPeople)
	w.people.list.Select(0)
	test.AssertRendersToMarkup(t, "person_page.xml", w.win.Canvas())
}
