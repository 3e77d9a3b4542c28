package storage

import (
	"errors"
	"testing"

	"rapport/model"
)

// TestSetStance: the stance changes and nothing else of the person; the
// stance before comes back for an undo; a bad stance or an unknown person
// changes nothing.
func TestSetStance(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	p := mustCreatePerson(t, s, "Dana Reyes")
	before, err := s.SetStance(ctx, p.ID, model.StanceChampion)
	if err != nil || before != model.StanceUnknown {
		t.Fatalf("SetStance = %q, %v; want the unknown stance before", before, err)
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := p
	want.Stance = model.StanceChampion
	want.UpdatedAt = got.UpdatedAt
	if got != want {
		t.Errorf("after SetStance:\n%+v\nwant\n%+v", got, want)
	}
	if _, err := s.SetStance(ctx, p.ID, "fan"); err == nil {
		t.Error("SetStance took the stance \"fan\"")
	}
	if _, err := s.SetStance(ctx, p.ID+1, model.StanceBlocker); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetStance of nobody = %v, want ErrNotFound", err)
	}
	if again, _ := s.Person(ctx, p.ID); again.Stance != model.StanceChampion {
		t.Errorf("a refused SetStance left the stance %q", again.Stance)
	}
}
