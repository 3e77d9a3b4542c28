package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model/sample"
	"rapport/ui/kit/kittest"
)

// sampleStore is a fake holding the sample network (its hand-made cast
// of 40 with a year of history, the plan, meetings and promises), as of
// testNow.
func sampleStore(t *testing.T) *memStore {
	t.Helper()
	n := sample.Generate(sample.Options{Now: testNow})
	st := newMemStore(func() time.Time { return testNow })
	ctx := context.Background()
	for _, p := range n.People {
		want := p.ID
		p.ID = 0
		if err := st.CreatePerson(ctx, &p); err != nil || p.ID != want {
			t.Fatalf("person %d became %d: %v", want, p.ID, err)
		}
	}
	for _, i := range n.Interactions {
		i.ID = 0
		if err := st.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range n.Promises {
		p.ID, p.InteractionID, p.MeetingID = 0, 0, 0
		if err := st.CreatePromise(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range n.Meetings {
		m.ID, m.OutcomeID = 0, 0
		if err := st.CreateMeeting(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	roles := map[int64]int64{}
	for _, r := range n.Roles {
		old := r.ID
		r.ID = 0
		if err := st.CreateRole(ctx, &r); err != nil {
			t.Fatal(err)
		}
		roles[old] = r.ID
	}
	reqs := map[int64]int64{}
	for _, q := range n.Requirements {
		old := q.ID
		q.ID, q.RoleID = 0, roles[q.RoleID]
		if err := st.CreateRequirement(ctx, &q); err != nil {
			t.Fatal(err)
		}
		reqs[old] = q.ID
	}
	for _, a := range n.Actions {
		a.ID, a.RequirementID = 0, reqs[a.RequirementID]
		if err := st.CreateAction(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestWeeklyReviewOnTheSampleNetwork walks the whole review on the sample
// network: an outcome logged for a meeting of last week, a promise kept,
// the people and gaps steps filled from the data, two coffees scheduled,
// and the review recorded.
func TestWeeklyReviewOnTheSampleNetwork(t *testing.T) {
	st := sampleStore(t)
	w := newTestWindow(t, st)
	w.show(screenToday)
	if kittest.Button(w.content, "Start the review") == nil {
		t.Fatal("Today does not ask for the review")
	}
	test.Tap(kittest.MustButton(t, w.content, "Start the review"))
	r := w.currentReview

	if len(r.outcomes) == 0 {
		t.Fatal("no meeting of last week waits for its outcome on the sample network")
	}
	interactions := len(st.interactions)
	for id, b := range r.outcomes {
		test.Tap(b)
		e := w.currentOutcomeEditor
		e.summary.SetText("Logged in the weekly review")
		test.Tap(e.save)
		if len(st.interactions) != interactions+1 {
			t.Fatalf("the outcome of meeting %d was not logged", id)
		}
		break
	}

	test.Tap(r.next)
	if len(r.kept) == 0 {
		t.Fatal("no promise due on the sample network")
	}
	for id, b := range r.kept {
		test.Tap(b)
		for _, p := range st.promises {
			if p.ID == id && p.Status.Pending() {
				t.Errorf("promise %d is still pending after Kept", id)
			}
		}
		break
	}

	test.Tap(r.next)
	people := test.RenderObjectToMarkup(r.body)
	test.Tap(r.next)
	gaps := test.RenderObjectToMarkup(r.body)
	if !strings.Contains(gaps, "Engineering Manager, Platform") || !strings.Contains(gaps, "gap ") {
		t.Error("the gaps step does not show the focus role's gaps")
	}
	if !strings.Contains(people, "Edit") {
		t.Error("the people step lists nobody in touch last week")
	}

	test.Tap(r.next)
	ticked := 0
	for _, id := range r.order {
		if ticked == 2 {
			break
		}
		r.reach[id].SetChecked(true)
		ticked++
	}
	meetings := len(st.meetings)
	test.Tap(r.schedule)
	if got := len(st.meetings) - meetings; got != ticked || ticked != 2 {
		t.Fatalf("%d coffees scheduled for %d people ticked", got, ticked)
	}
	test.Tap(r.finish)
	if !st.lastReview.Equal(testNow) {
		t.Errorf("review not recorded: %v", st.lastReview)
	}
	w.show(screenToday)
	if kittest.Button(w.content, "Start the review") != nil {
		t.Error("Today still asks for the review")
	}
}
