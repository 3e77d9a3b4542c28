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
	"rapport/model/sample"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// The weekly review through the shell, on the real store: Today's "Start
// the review" opens it over the window; the forms it offers (outcome,
// promise) are the shell's, opened over it; what they save is read back
// from the store, and the review rebuilds its step.

// startReview shows Today, taps "Start the review" and returns the
// review's dialog.
func startReview(t *testing.T, w *Window) fyne.CanvasObject {
	t.Helper()
	w.show(screenToday)
	test.Tap(kittest.MustButton(t, w.content, "Start the review"))
	r := kittest.TopDialog(w.win)
	if !kittest.Shows(r, "Step 1 of 5 · Last week's meetings") {
		t.Fatalf("the review did not open at its first step: %q", kittest.Texts(r))
	}
	return r
}

// checks are the check boxes under root, in order.
func checks(root fyne.CanvasObject) []*widget.Check {
	var out []*widget.Check
	kittest.Walk(root, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok {
			out = append(out, c)
			return false
		}
		return true
	})
	return out
}

// meetingIDs are the IDs of every meeting in st.
func meetingIDs(t *testing.T, st *storage.Store) []int64 {
	t.Helper()
	all, err := st.Meetings(t.Context(), time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range all {
		ids = append(ids, m.ID)
	}
	return ids
}

// scheduleTwo ticks the first two people offered on the review's last
// step, schedules coffees with them and returns the meetings made.
func scheduleTwo(t *testing.T, st *storage.Store, r fyne.CanvasObject) []model.Meeting {
	t.Helper()
	boxes := checks(r)
	if len(boxes) < 2 {
		t.Fatalf("only %d people offered to reach", len(boxes))
	}
	boxes[0].SetChecked(true)
	boxes[1].SetChecked(true)
	before := meetingIDs(t, st)
	test.Tap(kittest.MustButton(t, r, "Schedule coffees with the people ticked"))
	var made []model.Meeting
	for _, id := range meetingIDs(t, st) {
		if !slices.Contains(before, id) {
			m, err := st.Meeting(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			made = append(made, m)
		}
	}
	slices.SortFunc(made, func(a, b model.Meeting) int { return a.Start.Compare(b.Start) })
	return made
}

// finishReview taps Finish and checks the review is recorded and Today
// stops asking for it.
func finishReview(t *testing.T, w *Window, st *storage.Store, r fyne.CanvasObject) {
	t.Helper()
	test.Tap(kittest.MustButton(t, r, "Finish the review"))
	last, err := st.LastReview(t.Context())
	if err != nil || !last.Equal(testNow) {
		t.Errorf("last review = %v (%v), want now", last, err)
	}
	w.show(screenToday)
	if kittest.Button(w.content, "Start the review") != nil {
		t.Error("Today still asks for the review just done")
	}
}

func TestWeeklyReviewEndToEnd(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	team := storetest.CreditTeam(t, st, testNow)
	// The last review was 8 days ago: Today asks for the next.
	if err := st.MarkReviewed(t.Context(), testNow.AddDate(0, 0, -8)); err != nil {
		t.Fatal(err)
	}
	// Last week: a coffee with Kenji waiting for its outcome.
	coffee := storetest.Meeting(t, st, model.Meeting{PersonID: team.Kenji.ID, Kind: model.MeetingCoffee, Start: testNow.AddDate(0, 0, -3)})
	// A promise of the user's due in two days.
	due := storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: team.Aisha.ID, What: "Send the onboarding doc",
		MadeOn: model.Day(testNow.AddDate(0, 0, -5)), DueOn: model.Day(testNow.AddDate(0, 0, 2))})
	w := newTestWindow(t, st)
	r := startReview(t, w)

	// 1. Log the coffee's outcome.
	log := kittest.ButtonBeside(r, "Coffee with Kenji Watanabe", "Log outcome…")
	if log == nil {
		t.Fatal("last week's coffee is not offered for an outcome")
	}
	test.Tap(log)
	oe := kittest.TopDialog(w.win)
	kittest.Entry(oe, "Coffee with Kenji Watanabe").SetText("Talked about the on-call rota")
	test.Tap(kittest.MustButton(t, oe, "Log outcome"))
	if m, err := st.Meeting(t.Context(), coffee.ID); err != nil || m.Status != model.MeetingHeld {
		t.Fatalf("the outcome was not logged: %+v (%v)", m, err)
	}
	if r = kittest.TopDialog(w.win); kittest.ButtonBeside(r, "Coffee with Kenji Watanabe", "Log outcome…") != nil {
		t.Error("the step still offers the logged meeting")
	}

	// 2. Keep the promise due.
	test.Tap(kittest.MustButton(t, r, "Next"))
	kept := kittest.ButtonBeside(r, "Send the onboarding doc", "Kept")
	if kept == nil {
		t.Fatal("the promise due is not offered")
	}
	test.Tap(kept)
	if got, err := st.PromisesFor(t.Context(), team.Aisha.ID); err != nil || promiseStatus(got, due.ID) != model.PromiseKept {
		t.Errorf("promise status = %s (%v), want kept", promiseStatus(got, due.ID), err)
	}

	// 3, 4: people and gaps are read-only here.
	test.Tap(kittest.MustButton(t, r, "Next"))
	test.Tap(kittest.MustButton(t, r, "Next"))
	if !kittest.Shows(r, "Step 4 of 5") || kittest.Button(r, "Back") == nil || kittest.Button(r, "Finish the review") != nil {
		t.Fatalf("at %q: want step 4 with Back and no Finish", kittest.Texts(r))
	}

	// 5. Pick people to reach and schedule coffees in one go.
	test.Tap(kittest.MustButton(t, r, "Next"))
	if kittest.Button(r, "Finish the review") == nil || kittest.Button(r, "Next") != nil {
		t.Error("the last step has no Finish, or still a Next")
	}
	made := scheduleTwo(t, st, r)
	if len(made) != 2 {
		t.Fatalf("%d coffees scheduled, want 2", len(made))
	}
	first, second := made[0], made[1]
	if !first.Start.After(testNow) || first.Start.Weekday() == time.Saturday || first.Start.Weekday() == time.Sunday ||
		!second.Start.After(first.Start) || first.Agenda == "" {
		t.Errorf("coffees at %v and %v (agenda %q): want working days ahead, one a day, with agendas", first.Start, second.Start, first.Agenda)
	}
	finishReview(t, w, st, r)
}

// promiseStatus is the status of the promise with the given ID in list.
func promiseStatus(list []model.Promise, id int64) model.PromiseStatus {
	for _, p := range list {
		if p.ID == id {
			return p.Status
		}
	}
	return ""
}

// TestWeeklyReviewOnTheSampleNetwork walks the whole review on the sample
// network: an outcome logged for a meeting of last week, a promise kept,
// the people and gaps steps filled from the data, two coffees scheduled,
// and the review recorded.
func TestWeeklyReviewOnTheSampleNetwork(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	if err := st.InsertNetwork(t.Context(), sample.Generate(sample.Options{Now: testNow})); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	r := startReview(t, w)

	logs := kittest.Buttons(r, "Log outcome…")
	if len(logs) == 0 {
		t.Fatal("no meeting of last week waits for its outcome on the sample network")
	}
	held := countHeld(t, st)
	test.Tap(logs[0])
	e := kittest.TopDialog(w.win)
	var title string
	for _, text := range kittest.Texts(e) {
		if s, ok := strings.CutPrefix(text, "How did it go? "); ok {
			title = s
		}
	}
	kittest.Entry(e, title).SetText("Logged in the weekly review")
	test.Tap(kittest.MustButton(t, e, "Log outcome"))
	r = kittest.TopDialog(w.win)
	if countHeld(t, st) != held+1 || len(kittest.Buttons(r, "Log outcome…")) != len(logs)-1 {
		t.Fatalf("the outcome of %q was not logged", title)
	}

	test.Tap(kittest.MustButton(t, r, "Next"))
	kept := kittest.Buttons(r, "Kept")
	if len(kept) == 0 {
		t.Fatal("no promise due on the sample network")
	}
	pending := countPending(t, st)
	test.Tap(kept[0])
	if countPending(t, st) != pending-1 {
		t.Error("the promise is still pending after Kept")
	}

	test.Tap(kittest.MustButton(t, r, "Next"))
	if kittest.Button(r, "Edit…") == nil {
		t.Error("the people step lists nobody in touch last week")
	}
	test.Tap(kittest.MustButton(t, r, "Next"))
	if !kittest.Shows(r, "Engineering Manager, Platform") || !kittest.Shows(r, "gap ") {
		t.Error("the gaps step does not show the focus role's gaps")
	}

	test.Tap(kittest.MustButton(t, r, "Next"))
	if made := scheduleTwo(t, st, r); len(made) != 2 {
		t.Fatalf("%d coffees scheduled for 2 people ticked", len(made))
	}
	finishReview(t, w, st, r)
}

// countHeld counts last week's meetings held.
func countHeld(t *testing.T, st *storage.Store) int {
	t.Helper()
	list, err := st.Meetings(t.Context(), testNow.AddDate(0, 0, -7), testNow)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range list {
		if m.Status == model.MeetingHeld {
			n++
		}
	}
	return n
}

// countPending counts the promises still pending.
func countPending(t *testing.T, st *storage.Store) int {
	t.Helper()
	list, err := st.Promises(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range list {
		if p.Status.Pending() {
			n++
		}
	}
	return n
}
