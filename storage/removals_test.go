package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"rapport/model"
)

// linkedInteraction makes a coffee with ana and ben, a promise made at it
// and a meeting it is the outcome of.
func linkedInteraction(t *testing.T, s *Store) (model.Interaction, model.Promise, model.Meeting) {
	t.Helper()
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana Lima")
	ben := mustCreatePerson(t, s, "Ben Ode")
	in := model.Interaction{Kind: model.KindThanksPublic, At: testNow.Add(-time.Hour), Summary: "the reorg",
		Notes: "likes tea", PersonIDs: []int64{ana.ID, ben.ID}}
	if err := s.CreateInteraction(ctx, &in); err != nil {
		t.Fatal(err)
	}
	p := model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "the plan", MadeOn: testNow,
		DueOn: date(12, 4), Status: model.PromiseOpen, InteractionID: in.ID}
	if err := s.CreatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	m := newMeeting(ana.ID, testNow.Add(-2*time.Hour))
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	m.Status, m.OutcomeID = model.MeetingHeld, in.ID
	if err := s.UpdateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	return in, p, m
}

// dataView is what a user sees of the data an interaction touches.
type dataView struct {
	Interactions []model.Interaction
	Promises     []model.Promise
	Meetings     []model.Meeting
	People       []model.PersonSummary
	// Kept is what the store keeps on each person's row about their
	// history: last contact, last public thanks, folded credits.
	Kept []string
}

func viewOf(t *testing.T, s *Store) dataView {
	t.Helper()
	ctx := t.Context()
	var snap dataView
	var err error
	if snap.Interactions, err = queryInteractions(ctx, s.db, ``); err != nil {
		t.Fatal(err)
	}
	if snap.Promises, err = s.Promises(ctx); err != nil {
		t.Fatal(err)
	}
	if snap.Meetings, err = s.Meetings(ctx, time.Time{}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if snap.People, err = s.People(ctx, false); err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id || ' ' || coalesce(last_at, '-') || ' ' || coalesce(thanked_at, '-')
		|| ' ' || credit_folded || ' ' || coalesce(credit_next, '-') FROM person ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var row string
		if err := rows.Scan(&row); err != nil {
			t.Fatal(err)
		}
		snap.Kept = append(snap.Kept, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestRemoveInteractionThenRestoreItPutsEverythingBack(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	in, p, m := linkedInteraction(t, s)
	before := viewOf(t, s)

	removed, err := s.RemoveInteraction(ctx, in.ID)
	if err != nil {
		t.Fatalf("RemoveInteraction: %v", err)
	}
	if got, want := removed.PromiseIDs, []int64{p.ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("removed promises = %v, want %v", got, want)
	}
	if got, want := removed.MeetingIDs, []int64{m.ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("removed meetings = %v, want %v", got, want)
	}
	gone := viewOf(t, s)
	if len(gone.Interactions) != 0 || countRows(t, s, "interaction_person") != 0 {
		t.Fatalf("after remove: %d interactions, %d participants; want none", len(gone.Interactions), countRows(t, s, "interaction_person"))
	}
	if gone.Promises[0].InteractionID != 0 || gone.Meetings[0].OutcomeID != 0 {
		t.Errorf("after remove the promise points at %d, the meeting at %d; want no link", gone.Promises[0].InteractionID, gone.Meetings[0].OutcomeID)
	}
	if reflect.DeepEqual(gone.Kept, before.Kept) {
		t.Errorf("after remove the people's rows still count the public thanks: %q", gone.Kept)
	}
	if !gone.People[0].LastContact.IsZero() {
		t.Errorf("after remove %s was last contacted %v, want never", gone.People[0].Name, gone.People[0].LastContact)
	}

	restored, err := s.RestoreInteraction(ctx, removed)
	if err != nil {
		t.Fatalf("RestoreInteraction: %v", err)
	}
	if restored.ID != in.ID {
		t.Errorf("restored ID = %d, want %d", restored.ID, in.ID)
	}
	if after := viewOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("after restore:\n got %+v\nwant %+v", after, before)
	}
}

func TestRestoreInteractionTakesANewIDWhenItsOwnIsTaken(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	in, p, _ := linkedInteraction(t, s)
	removed, err := s.RemoveInteraction(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	other := model.Interaction{Kind: model.KindMessage, At: testNow, PersonIDs: []int64{p.PersonID}}
	if err := s.CreateInteraction(ctx, &other); err != nil {
		t.Fatal(err)
	}
	if other.ID != in.ID {
		t.Skipf("the new interaction got ID %d, not the freed %d: nothing to test", other.ID, in.ID)
	}
	restored, err := s.RestoreInteraction(ctx, removed)
	if err != nil {
		t.Fatalf("RestoreInteraction: %v", err)
	}
	if restored.ID == in.ID {
		t.Fatalf("restored over the interaction that took ID %d", in.ID)
	}
	got, err := s.Promise(ctx, p.ID)
	if err != nil || got.InteractionID != restored.ID {
		t.Errorf("promise = %+v, %v; want linked to %d", got, err, restored.ID)
	}
	if n := countRows(t, s, "interaction"); n != 2 {
		t.Errorf("%d interactions, want 2", n)
	}
}

func TestRemovePromiseThenRestoreItKeepsItsHistory(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	_, p, _ := linkedInteraction(t, s)
	p.DueOn = date(12, 11)
	if err := s.UpdatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.Status, p.ResolvedOn = model.PromiseKept, testNow
	if err := s.UpdatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	before := viewOf(t, s)
	history, err := s.PromiseHistory(ctx, p.ID)
	if err != nil || len(history) != 2 {
		t.Fatalf("history = %+v, %v; want 2 changes", history, err)
	}

	removed, err := s.RemovePromise(ctx, p.ID)
	if err != nil {
		t.Fatalf("RemovePromise: %v", err)
	}
	if n, m := countRows(t, s, "promise"), countRows(t, s, "promise_change"); n != 0 || m != 0 {
		t.Fatalf("after remove %d promises, %d changes; want none", n, m)
	}
	if _, err := s.RestorePromise(ctx, removed); err != nil {
		t.Fatalf("RestorePromise: %v", err)
	}
	if after := viewOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("after restore:\n got %+v\nwant %+v", after, before)
	}
	got, err := s.PromiseHistory(ctx, p.ID)
	if err != nil || !reflect.DeepEqual(got, history) {
		t.Errorf("history after restore = %+v, %v; want %+v", got, err, history)
	}
}

func TestRemoveMeetingThenRestoreItRelinksItsPromises(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	_, p, m := linkedInteraction(t, s)
	p.MeetingID = m.ID
	if err := s.UpdatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	before := viewOf(t, s)
	removed, err := s.RemoveMeeting(ctx, m.ID)
	if err != nil {
		t.Fatalf("RemoveMeeting: %v", err)
	}
	if got, err := s.Promise(ctx, p.ID); err != nil || got.MeetingID != 0 {
		t.Fatalf("after remove the promise = %+v, %v; want no meeting", got, err)
	}
	if _, err := s.RestoreMeeting(ctx, removed); err != nil {
		t.Fatalf("RestoreMeeting: %v", err)
	}
	if after := viewOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("after restore:\n got %+v\nwant %+v", after, before)
	}
}

func TestRestoreMeetingWritesNothingWhenItsUIDIsTaken(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	_, p, m := linkedInteraction(t, s)
	p.MeetingID = m.ID
	if err := s.UpdatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	removed, err := s.RemoveMeeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	again := newMeeting(m.PersonID, testNow)
	again.UID = m.UID
	if err := s.CreateMeeting(ctx, &again); err != nil {
		t.Fatal(err)
	}
	before := viewOf(t, s)
	if _, err := s.RestoreMeeting(ctx, removed); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("RestoreMeeting over a taken UID = %v, want ErrDuplicate", err)
	}
	if after := viewOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("a refused restore changed the data:\n got %+v\nwant %+v", after, before)
	}
}

func TestRemoveWhatIsNotThereIsNotFound(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	_, err1 := s.RemoveInteraction(ctx, 7)
	_, err2 := s.RemovePromise(ctx, 7)
	_, err3 := s.RemoveMeeting(ctx, 7)
	for i, err := range []error{err1, err2, err3} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("remove %d = %v, want ErrNotFound", i, err)
		}
	}
}
