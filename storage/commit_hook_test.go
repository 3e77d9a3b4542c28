package storage

import (
	"testing"

	"rapport/model"
)

func TestOnCommitIsToldOfEachWriteThatCommits(t *testing.T) {
	s := mustOpen(t)
	calls := 0
	s.OnCommit(func() { calls++ })

	p := model.NewPerson("Dana Reyes")
	if err := s.CreatePerson(t.Context(), &p); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("after a create: %d calls, want 1", calls)
	}
	if _, err := s.People(t.Context(), false); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("after a read: %d calls, want 1", calls)
	}
	bad := model.Person{} // no name: refused, rolled back
	if err := s.CreatePerson(t.Context(), &bad); err == nil {
		t.Fatal("a person without a name was saved")
	}
	if calls != 1 {
		t.Errorf("after a refused write: %d calls, want 1", calls)
	}
	s.OnCommit(nil)
	p2 := model.NewPerson("Ben Okafor")
	if err := s.CreatePerson(t.Context(), &p2); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("after OnCommit(nil): %d calls, want 1", calls)
	}
}
