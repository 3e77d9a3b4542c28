// Package storetest opens a real Rapport store for the tests of other
// packages, and seeds it in one line per record. It is imported only by
// _test.go files: screen tests run on the SQLite store the app runs on,
// never on a copy of it.
package storetest

import (
	"path/filepath"
	"testing"
	"time"

	"rapport/model"
	"rapport/storage"
)

// Open opens a new database file under tb.TempDir() with its clock set to
// now (time.Now when nil), and closes it when the test ends.
func Open(tb testing.TB, now func() time.Time) *storage.Store {
	tb.Helper()
	s, err := storage.Open(filepath.Join(tb.TempDir(), "rapport.db"))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	if now != nil {
		s.Now = now
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close store: %v", err)
		}
	})
	return s
}

// Person adds a person named name, a peer with a neutral stance, influence
// 3 and a monthly cadence, changed by each edit in turn, and returns them
// as stored (with their ID).
func Person(tb testing.TB, s *storage.Store, name string, edits ...func(*model.Person)) model.Person {
	tb.Helper()
	p := model.NewPerson(name)
	p.Relation, p.Stance, p.Influence, p.CadenceDays = model.RelationPeer, model.StanceNeutral, 3, 30
	for _, edit := range edits {
		edit(&p)
	}
	if err := s.CreatePerson(tb.Context(), &p); err != nil {
		tb.Fatalf("add person %q: %v", name, err)
	}
	return p
}

// Standing is an edit for Person: the given stance and influence (1–5).
func Standing(stance model.Stance, influence int) func(*model.Person) {
	return func(p *model.Person) { p.Stance, p.Influence = stance, influence }
}

// Archived moves the person with the given ID to the trash.
func Archived(tb testing.TB, s *storage.Store, id int64) {
	tb.Helper()
	if err := s.ArchivePerson(tb.Context(), id); err != nil {
		tb.Fatalf("archive person %d: %v", id, err)
	}
}

// Interaction logs an interaction of kind at the given time with the
// given people, and returns it as stored.
func Interaction(tb testing.TB, s *storage.Store, kind model.InteractionKind, at time.Time, people ...int64) model.Interaction {
	tb.Helper()
	i := model.Interaction{Kind: kind, At: at, PersonIDs: people}
	if err := s.CreateInteraction(tb.Context(), &i); err != nil {
		tb.Fatalf("log %s at %s: %v", kind, at, err)
	}
	return i
}

// Promise adds p (open, made today by the store's clock, unless p says
// otherwise) and returns it as stored.
func Promise(tb testing.TB, s *storage.Store, p model.Promise) model.Promise {
	tb.Helper()
	if p.Status == "" {
		p.Status = model.PromiseOpen
	}
	if p.MadeOn.IsZero() {
		p.MadeOn = model.Day(s.Now())
	}
	if err := s.CreatePromise(tb.Context(), &p); err != nil {
		tb.Fatalf("add promise %q: %v", p.What, err)
	}
	return p
}

// Meeting adds m (a planned one-to-one of half an hour unless m says
// otherwise) and returns it as stored.
func Meeting(tb testing.TB, s *storage.Store, m model.Meeting) model.Meeting {
	tb.Helper()
	if m.Kind == "" {
		m.Kind = model.MeetingOneOnOne
	}
	if m.Duration == 0 {
		m.Duration = 30 * time.Minute
	}
	if m.Status == "" {
		m.Status = model.MeetingPlanned
	}
	if err := s.CreateMeeting(tb.Context(), &m); err != nil {
		tb.Fatalf("add meeting: %v", err)
	}
	return m
}
