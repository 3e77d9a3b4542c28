package storage

import (
	"errors"
	"testing"

	"rapport/model"
)

func captureOf(t *testing.T, s *Store, line string) model.Capture {
	t.Helper()
	people, err := s.People(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	list := make([]model.Person, len(people))
	for i, p := range people {
		list[i] = p.Person
	}
	c, err := model.ParseCapture(line, list, testNow)
	if err != nil {
		t.Fatalf("ParseCapture(%q): %v", line, err)
	}
	return c
}

func TestLogCaptureSavesAllAndUndoes(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana Lima")
	ben := mustCreatePerson(t, s, "Ben Ode")
	c := captureOf(t, s, "coffee with Ana, Ben yesterday: hiring; I owe Ana the deck by Fri; Ben owes me intros")
	got, err := s.LogCapture(ctx, c)
	if err != nil {
		t.Fatalf("LogCapture: %v", err)
	}
	in, err := s.Interaction(ctx, got.InteractionID)
	if err != nil || in.Summary != "hiring" || len(in.PersonIDs) != 2 {
		t.Fatalf("Interaction = %+v, %v", in, err)
	}
	if len(got.PromiseIDs) != 2 {
		t.Fatalf("PromiseIDs = %v, want 2", got.PromiseIDs)
	}
	for i, id := range got.PromiseIDs {
		p, err := s.Promise(ctx, id)
		want := []int64{ana.ID, ben.ID}[i]
		if err != nil || p.InteractionID != got.InteractionID || p.PersonID != want || !p.MadeOn.Equal(date(11, 22)) {
			t.Errorf("promise %d = %+v, %v; want person %d made on 22 Nov at interaction %d", i, p, err, want, got.InteractionID)
		}
	}
	people, err := s.People(ctx, false)
	if err != nil || people[0].LastContact.IsZero() {
		t.Errorf("People after LogCapture = %+v, %v; want a last contact", people, err)
	}
	if err := s.UndoCapture(ctx, got); err != nil {
		t.Fatalf("UndoCapture: %v", err)
	}
	for _, table := range []string{"interaction", "interaction_person", "promise"} {
		if n := countRows(t, s, table); n != 0 {
			t.Errorf("%d rows left in %s after undo", n, table)
		}
	}
	if err := s.UndoCapture(ctx, got); !errors.Is(err, ErrNotFound) {
		t.Errorf("UndoCapture twice = %v, want ErrNotFound", err)
	}
}

func TestLogCaptureIsAllOrNothing(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mustCreatePerson(t, s, "Ana Lima")
	c := captureOf(t, s, "lunch with Ana; I owe her a call; she owes me a book")
	c.Promises[1].PersonID = 98765 // gone since the line was read
	if _, err := s.LogCapture(ctx, c); err == nil {
		t.Fatal("LogCapture with an unknown person succeeded")
	}
	for _, table := range []string{"interaction", "promise"} {
		if n := countRows(t, s, table); n != 0 {
			t.Errorf("%d rows in %s after a failed LogCapture, want 0", n, table)
		}
	}

	good := captureOf(t, s, "lunch with Ana; I owe her a call; she owes me a book")
	res, err := s.LogCapture(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePromise(ctx, res.PromiseIDs[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoCapture(ctx, res); !errors.Is(err, ErrNotFound) {
		t.Fatalf("UndoCapture with a promise gone = %v, want ErrNotFound", err)
	}
	if countRows(t, s, "interaction") != 1 || countRows(t, s, "promise") != 1 {
		t.Error("a refused UndoCapture deleted something")
	}
}
