package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// Tests that go through the shell from the People screen (ui/people): a
// button or shortcut opens a form the shell owns, the form saves to the
// real store, and the People screen shows the result.

// selectWith is the select in form offering option.
func selectWith(t *testing.T, form fyne.CanvasObject, option string) *widget.Select {
	t.Helper()
	s := kittest.FindSelect(form, func(s *widget.Select) bool { return slices.Contains(s.Options, option) })
	if s == nil {
		t.Fatalf("no choice of %q in the form", option)
	}
	return s
}

func TestAddPersonThroughTheForm(t *testing.T) {
	st := peopleStore(t, person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	pressShortcut(t, w, fyne.KeyN)
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "New person") {
		t.Fatalf("Ctrl+N did not open the person form: %q", kittest.Texts(form))
	}
	test.Type(kittest.Entry(form, "Full name"), "Dana Reyes")
	test.Type(kittest.Entry(form, "e.g. Director of Engineering"), "Director of Engineering")
	test.Type(kittest.Entry(form, "name@example.com"), "dana.reyes@northwind.example")
	selectWith(t, form, model.StanceChampion.Label()).SetSelected(model.StanceChampion.Label())
	kittest.Find[*widget.RadioGroup](form, nil).SetSelected("5")
	test.Tap(kittest.MustButton(t, form, "Add person"))

	if got := len(storedPeople(t, st)); got != 2 {
		t.Fatalf("store has %d people, want 2", got)
	}
	if got := pageName(w); w.current != screenPeople || got != "Dana Reyes" {
		t.Fatalf("the new person's page is not on show: screen %v, page %q", w.current, got)
	}
	p, ok := w.screens.people.PersonInView()
	if !ok || p.Stance != model.StanceChampion || p.Influence != 5 || p.Email != "dana.reyes@northwind.example" || p.Title != "Director of Engineering" {
		t.Errorf("stored %+v", p)
	}
	if got := peopleList(t, w).Length(); got != 2 {
		t.Errorf("list shows %d people, want Ben and Dana", got)
	}
	if w.toast.message.Text != "Dana Reyes added." || !w.toast.bar.Visible() {
		t.Errorf("toast = %q (visible %v)", w.toast.message.Text, w.toast.bar.Visible())
	}
}

func TestInvalidFormShowsErrorsAndSavesNothing(t *testing.T) {
	st := peopleStore(t, person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	w.show(screenPeople)
	test.Tap(kittest.MustButton(t, w.content, "Add person"))
	form := kittest.TopDialog(w.win)
	test.Type(kittest.Entry(form, "name@example.com"), "dana at northwind")
	kittest.Entry(form, "Every 30 days (default)").SetText("monthly")
	kittest.Entry(form, "2026-11-23, yesterday, 3 years ago").SetText("last spring")
	test.Tap(kittest.MustButton(t, form, "Add person"))

	if got := len(storedPeople(t, st)); got != 1 {
		t.Fatalf("store has %d people after an invalid save, want 1", got)
	}
	want := []string{
		"Name is required",
		"Email is not an email address like name@example.com",
		"Keep in touch needs a whole number of days, like 30",
		`First met: "last spring" is not a date like 2026-11-23, today, yesterday or 3 days ago`,
	}
	if got := formProblems(form); !slices.Equal(got, want) {
		t.Errorf("problems under the fields = %q, want %q (and none under the title)", got, want)
	}

	// Fixing the fields clears the messages and saves.
	test.Type(kittest.Entry(form, "Full name"), "Dana Reyes")
	kittest.Entry(form, "name@example.com").SetText("dana@northwind.example")
	kittest.Entry(form, "Every 30 days (default)").SetText("30")
	kittest.Entry(form, "2026-11-23, yesterday, 3 years ago").SetText("2 years ago")
	test.Tap(kittest.MustButton(t, form, "Add person"))
	if got := len(storedPeople(t, st)); got != 2 {
		t.Fatalf("store has %d people after fixing the form, want 2", got)
	}
	if p, _ := w.screens.people.PersonInView(); !p.FirstMet.Equal(time.Date(2024, 11, 23, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("first met = %v", p.FirstMet)
	}
}

func TestLogInteractionInTwoClicks(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	w.show(screenPeople)
	peopleList(t, w).Select(1)                                    // Dana (Ben sorts first)
	test.Tap(kittest.MustButton(t, w.content, "Log interaction")) // click 1
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "Log interaction with Dana Reyes") {
		t.Fatalf("no interaction form opened: %q", kittest.Texts(form))
	}
	test.Tap(kittest.MustButton(t, form, "Log")) // click 2
	got, err := st.InteractionsWith(t.Context(), 1, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("interactions with Dana = %+v (%v), want 1", got, err)
	}
	if got[0].Kind != model.KindCoffee || !got[0].At.Equal(testNow) || !slices.Equal(got[0].PersonIDs, []int64{1}) {
		t.Errorf("stored %+v", got[0])
	}
	if !kittest.Shows(w.content, "Today (Coffee, "+kit.DayText(testNow.Local())+")") || kittest.Shows(w.content, "No interactions yet") {
		t.Errorf("the page's timeline does not show the interaction: %q", kittest.Texts(w.content))
	}
	if !slices.Contains(kittest.Texts(peopleList(t, w)), "today") {
		t.Errorf("the list's last contact is not today: %q", kittest.Texts(peopleList(t, w)))
	}
}

func TestLogInteractionWithOthersAndPastDate(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"),
		person("Chen Wei", "PM", "Data"))
	w := newTestWindow(t, st)
	w.show(screenPeople)
	peopleList(t, w).Select(1) // Chen Wei
	pressShortcut(t, w, fyne.KeyL)
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "Log interaction with Chen Wei") {
		t.Fatalf("Ctrl+L did not open the interaction form: %q", kittest.Texts(form))
	}
	selectWith(t, form, model.KindThanksPublic.Label()).SetSelected(model.KindThanksPublic.Label())
	kittest.Entry(form, "today").SetText("3 days ago")
	others := kittest.PickerEntry(form, "Type a name to add someone else who was there")
	test.Type(others, "ben")
	others.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // picks the highlighted suggestion
	if others.Text != "" || !kittest.Shows(form, "Ben Okafor") {
		t.Fatalf("choosing Ben from the suggestions for 'ben' added nobody: %q", kittest.Texts(form))
	}
	test.Type(kittest.Entry(form, "What happened, in a line"), "Thanked at the all-hands for the migration")
	test.Tap(kittest.MustButton(t, form, "Log"))
	got, err := st.InteractionsWith(t.Context(), 3, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("interactions with Chen = %+v (%v), want 1", got, err)
	}
	want := time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local)
	if got[0].Kind != model.KindThanksPublic || !got[0].At.Equal(want) || len(got[0].PersonIDs) != 2 {
		t.Errorf("stored %+v, want thanks in public at %v with 2 people", got[0], want)
	}

	// A bad date is named and nothing is stored.
	test.Tap(kittest.MustButton(t, w.content, "Log interaction"))
	form = kittest.TopDialog(w.win)
	kittest.Entry(form, "today").SetText("someday")
	test.Tap(kittest.MustButton(t, form, "Log"))
	if got, _ := st.InteractionsWith(t.Context(), 3, 10); len(got) != 1 {
		t.Errorf("an interaction with a bad date was stored")
	}
	if got := formProblems(form); len(got) != 1 || !strings.HasPrefix(got[0], "Date: ") {
		t.Errorf("problems = %q, want one under the date", got)
	}
}

// TestPersonPageGolden pins how a person page renders: the golden markup in
// testdata/ shows every label, colour and position. After a deliberate
// change, copy testdata/failed/person_page.xml over it.
func TestPersonPageGolden(t *testing.T) {
	p := person("Zoë Ångström", "Head of Design", "Design")
	p.Organisation, p.Email, p.Relation, p.Influence, p.Stance = "Northwind Labs", "zoe@northwind.example", model.RelationLeader, 4, model.StanceSkeptic
	p.WorkingOn, p.Needs = "The design system", "An engineer to pair with"
	st := peopleStore(t, p)
	i := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -12), Summary: "Coffee at Blue Bottle", PersonIDs: []int64{1}}
	if err := st.CreateInteraction(t.Context(), &i); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenPeople)
	peopleList(t, w).Select(0)
	test.AssertRendersToMarkup(t, "person_page.xml", w.win.Canvas())
}
