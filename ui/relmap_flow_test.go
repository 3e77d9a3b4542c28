package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/netmap"
)

// The people of mapFlowStore, by ID.
const (
	flowDanaID int64 = iota + 1 // champion, one promise owed to her
	flowAnaID                   // supporter
	flowBenID                   // skeptic, never contacted: not overdue yet
	flowCarlID                  // blocker
	flowFinnID                  // in the trash
)

// mapFlowStore is a real store holding a small network: five people (one
// in the trash), a coffee with Dana, a promise owed to her, and ties.
func mapFlowStore(t *testing.T) *storage.Store {
	t.Helper()
	st := storetest.Open(t, func() time.Time { return testNow })
	for i, name := range []string{"Dana Reyes", "Ana Ruiz", "Ben Okafor", "Carl Xu", "Finn Moss"} {
		stance := []model.Stance{model.StanceChampion, model.StanceSupporter, model.StanceSkeptic,
			model.StanceBlocker, model.StanceNeutral}[i]
		if p := storetest.Person(t, st, name, storetest.Standing(stance, 3+i%3)); p.ID != int64(i+1) {
			t.Fatalf("%s stored as %d, want %d", name, p.ID, i+1)
		}
	}
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -5), flowDanaID)
	storetest.Interaction(t, st, model.KindMessage, testNow.AddDate(0, 0, -10), flowCarlID)
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: flowDanaID,
		What: "Send the migration plan", DueOn: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	for _, tie := range []model.Tie{
		{FromID: flowDanaID, ToID: flowAnaID, Kind: model.TieReportsTo},
		{FromID: flowBenID, ToID: flowFinnID, Kind: model.TieCloseTo},
	} {
		if err := st.CreateTie(t.Context(), &tie); err != nil {
			t.Fatal(err)
		}
	}
	storetest.Archived(t, st, flowFinnID)
	return st
}

// openMapWindow opens a window on st and shows the map with Ctrl+2.
func openMapWindow(t *testing.T, st Store) *Window {
	t.Helper()
	w := newTestWindow(t, st)
	pressShortcut(t, w, fyne.Key2)
	if w.current != screenMap {
		t.Fatalf("Ctrl+2 shows %v, want the map", w.current)
	}
	return w
}

// tapOnMap taps the person's node on the map the window shows, as a user
// clicks it.
func tapOnMap(t *testing.T, w *Window, id int64) {
	t.Helper()
	v := kittest.Find[*netmap.Map](w.content, nil)
	if v == nil {
		t.Fatal("the window shows no map")
	}
	pos, ok := v.NodePosition(id)
	if !ok || v.NodeAt(pos) != id {
		t.Fatalf("person %d is not on the map where a tap finds them", id)
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v).Add(pos)
	test.TapCanvas(w.win.Canvas(), at)
}

func TestMapOpensThePersonsPage(t *testing.T) {
	w := openMapWindow(t, mapFlowStore(t))

	tapOnMap(t, w, flowCarlID)
	test.Tap(kittest.MustButton(t, w.content, "Open page"))
	if w.current != screenPeople {
		t.Fatalf("Open page shows %v, want the People screen", w.current)
	}
	if got := pageName(w); got != "Carl Xu" {
		t.Fatalf("Open page shows the page of %q, want Carl's", got)
	}

	// Back on the map, the selection is kept.
	pressShortcut(t, w, fyne.Key2)
	if p, ok := w.screens.relMap.Selected(); !ok || p.ID != flowCarlID || kittest.Button(w.content, "Schedule coffee") == nil {
		t.Errorf("back on the map selected %d (%v), want Carl still", p.ID, ok)
	}

	// Someone in the trash: the page opens from the trash.
	test.Tap(kittest.Find[*widget.Check](w.content, func(c *widget.Check) bool { return c.Text == "Trash" }))
	tapOnMap(t, w, flowFinnID)
	test.Tap(kittest.MustButton(t, w.content, "Open page"))
	if got, trash := pageName(w), kittest.Shows(w.content, "In the trash since"); w.current != screenPeople || got != "Finn Moss" || !trash {
		t.Fatalf("Open page for Finn shows %v, page %q, trash %v; want his page in the trash", w.current, got, trash)
	}
}

func TestMapCardLogsAnInteractionAndAddsAPromise(t *testing.T) {
	st := mapFlowStore(t)
	w := openMapWindow(t, st)

	// Ben, never contacted: log a coffee from his card; the map warms up.
	tapOnMap(t, w, flowBenID)
	if kittest.Shows(w.content, "Overdue for contact") || kittest.Shows(w.content, "overdue") {
		t.Fatalf("Ben, never contacted, is shown overdue before the coffee: %q", kittest.Texts(w.content))
	}
	test.Tap(kittest.MustButton(t, w.content, "Log interaction"))
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "Log interaction with Ben Okafor") {
		t.Fatalf("the dialog on top shows %q, want the interaction form for Ben", kittest.Texts(form))
	}
	test.Tap(kittest.MustButton(t, form, "Log"))
	if kittest.TopDialog(w.win) != nil {
		t.Fatal("the interaction form is still open after Log")
	}
	net, err := st.Network(t.Context(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	ben := net.People[flowBenID-1]
	if ben.Person.ID != flowBenID || !ben.LastContact.Equal(testNow) {
		t.Fatalf("Ben's last contact = %v, want now", ben.LastContact)
	}
	if p, ok := w.screens.relMap.Selected(); w.current != screenMap || !ok || p.ID != flowBenID {
		t.Errorf("after logging the screen is %v, selected %d; want the map on Ben", w.current, p.ID)
	}
	for _, want := range []string{fmt.Sprintf("Warmth %d of 100", ben.Warmth), "• last coffee today"} {
		if !kittest.Shows(w.content, want) && !progressShows(w.content, want) {
			t.Errorf("after logging Ben's card has no line %q: %q", want, kittest.Texts(w.content))
		}
	}
	if kittest.Shows(w.content, "Overdue for contact") {
		t.Errorf("Ben still overdue after a coffee today: %q", kittest.Texts(w.content))
	}

	// Dana: Promise opens the form with her chosen; saving lists it.
	tapOnMap(t, w, flowDanaID)
	test.Tap(kittest.MustButton(t, w.content, "Promise"))
	form = kittest.TopDialog(w.win)
	if !kittest.Shows(form, "New promise") || !choosesDana(form) {
		t.Fatalf("the dialog on top shows %q, want the promise form with Dana chosen", kittest.Texts(form))
	}
	if dir := kittest.Find[*widget.RadioGroup](form, nil); dir == nil || dir.Selected != model.DirectionMine.Label() {
		t.Errorf("the promise form's direction is not %q", model.DirectionMine.Label())
	}
	test.Type(kittest.Entry(form, "Send the migration plan; introduce them to Priya"), "Send the hiring plan")
	test.Tap(kittest.MustButton(t, form, "Add"))
	if top := kittest.TopDialog(w.win); top != nil {
		t.Fatalf("the promise form is still open: %q", kittest.Texts(top))
	}
	if !kittest.Shows(w.content, "You owe Dana · 2") || !kittest.Shows(w.content, "• Send the hiring plan") {
		t.Errorf("after adding a promise Dana's card shows %q", kittest.Texts(w.content))
	}
}

// progressShows reports whether a progress bar under root says text.
func progressShows(root fyne.CanvasObject, text string) bool {
	return kittest.Find[*widget.ProgressBar](root, func(b *widget.ProgressBar) bool {
		return b.TextFormatter != nil && b.TextFormatter() == text
	}) != nil
}

func TestMapShortcutsActOnTheSelectedPerson(t *testing.T) {
	w := newTestWindow(t, mapFlowStore(t))
	w.OpenPerson(flowCarlID) // Carl's page, then the map
	pressShortcut(t, w, fyne.Key2)
	tapOnMap(t, w, flowDanaID)

	pressShortcut(t, w, fyne.KeyL)
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "Log interaction with Dana Reyes") {
		t.Errorf("Ctrl+L on the map with Dana's card open shows %q", kittest.Texts(form))
	}
	if form != nil {
		test.Tap(kittest.MustButton(t, form, "Cancel"))
	}
	pressShortcut(t, w, fyne.KeyP)
	form = kittest.TopDialog(w.win)
	if !kittest.Shows(form, "New promise") || !choosesDana(form) {
		t.Errorf("Ctrl+P on the map with Dana's card open does not choose Dana: %q", kittest.Texts(form))
	}
}

func TestMapFindPutsTheCursorInTheMapsSearch(t *testing.T) {
	w := openMapWindow(t, mapFlowStore(t))
	pressShortcut(t, w, fyne.KeyF)
	e, ok := w.win.Canvas().Focused().(*widget.Entry)
	if !ok || e.PlaceHolder != "Find a person: name, title, team, organisation or email" {
		t.Errorf("Ctrl+F on the map focuses %T, want the map's search", w.win.Canvas().Focused())
	}
}

// choosesDana reports whether the promise form under root has Dana
// Reyes chosen.
func choosesDana(root fyne.CanvasObject) bool {
	e := kittest.PickerEntry(root, "Type a name")
	return e != nil && e.Text == "Dana Reyes"
}
