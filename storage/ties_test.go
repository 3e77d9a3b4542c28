package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"rapport/model"
)

func TestTieRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben, cy := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"), mustCreatePerson(t, s, "Cy")

	ties := []*model.Tie{
		{FromID: ana.ID, ToID: ben.ID, Kind: model.TieReportsTo, Note: "since March"},
		{FromID: ben.ID, ToID: ana.ID, Kind: model.TieInfluences},
		{FromID: ana.ID, ToID: ben.ID, Kind: model.TieCloseTo}, // same pair, other kind
		{FromID: cy.ID, ToID: ana.ID, Kind: model.TieAtOddsWith},
		{FromID: ben.ID, ToID: cy.ID, Kind: model.TieCloseTo},
	}
	for _, tie := range ties {
		if err := s.CreateTie(ctx, tie); err != nil {
			t.Fatalf("CreateTie(%+v): %v", *tie, err)
		}
		if tie.ID == 0 || !tie.CreatedAt.Equal(testNow) || !tie.UpdatedAt.Equal(testNow) {
			t.Errorf("CreateTie set ID %d, times %v %v; want an ID and %v", tie.ID, tie.CreatedAt, tie.UpdatedAt, testNow)
		}
	}

	for _, tt := range []struct {
		person model.Person
		want   []model.Tie
	}{
		{ana, []model.Tie{*ties[0], *ties[1], *ties[2], *ties[3]}},
		{ben, []model.Tie{*ties[0], *ties[1], *ties[2], *ties[4]}},
		{cy, []model.Tie{*ties[3], *ties[4]}},
	} {
		got, err := s.TiesOf(ctx, tt.person.ID)
		if err != nil {
			t.Fatalf("TiesOf(%s): %v", tt.person.Name, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("TiesOf(%s) = %+v, want %+v", tt.person.Name, got, tt.want)
		}
	}

	got, err := s.TiesOf(ctx, 999)
	if err != nil || len(got) != 0 {
		t.Errorf("TiesOf(unknown) = %v, %v; want none", got, err)
	}
}

func TestCreateTieRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	for _, k := range []model.TieKind{model.TieReportsTo, model.TieCloseTo} {
		if err := s.CreateTie(ctx, &model.Tie{FromID: ana.ID, ToID: ben.ID, Kind: k}); err != nil {
			t.Fatal(err)
		}
	}
	// A one-way kind may run the other way too (odd for reporting, but
	// not the store's to judge).
	if err := s.CreateTie(ctx, &model.Tie{FromID: ben.ID, ToID: ana.ID, Kind: model.TieReportsTo}); err != nil {
		t.Errorf("the reverse of a one-way tie was refused: %v", err)
	}

	tests := []struct {
		name      string
		tie       model.Tie
		invalid   bool // a *model.ValidationError
		duplicate bool // ErrDuplicate
	}{
		{"self tie", model.Tie{FromID: ana.ID, ToID: ana.ID, Kind: model.TieCloseTo}, true, false},
		{"no kind", model.Tie{FromID: ana.ID, ToID: ben.ID}, true, false},
		{"no from", model.Tie{ToID: ben.ID, Kind: model.TieCloseTo}, true, false},
		{"duplicate", model.Tie{FromID: ana.ID, ToID: ben.ID, Kind: model.TieReportsTo, Note: "again"}, false, true},
		{"mutual the other way", model.Tie{FromID: ben.ID, ToID: ana.ID, Kind: model.TieCloseTo}, false, true},
		{"unknown from", model.Tie{FromID: 999, ToID: ben.ID, Kind: model.TieCloseTo}, false, false},
		{"unknown to", model.Tie{FromID: ana.ID, ToID: 999, Kind: model.TieCloseTo}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tie := tt.tie
			err := s.CreateTie(ctx, &tie)
			if err == nil {
				t.Fatalf("CreateTie(%+v) succeeded, want an error", tt.tie)
			}
			if got := isValidationError(err); got != tt.invalid {
				t.Errorf("CreateTie error %q: validation error = %v, want %v", err, got, tt.invalid)
			}
			if got := errors.Is(err, ErrDuplicate); got != tt.duplicate {
				t.Errorf("CreateTie error %q: ErrDuplicate = %v, want %v", err, got, tt.duplicate)
			}
			if tt.duplicate && !strings.Contains(err.Error(), "already") {
				t.Errorf("CreateTie duplicate error %q does not say it already exists", err)
			}
			if got := countRows(t, s, "tie"); got != 3 {
				t.Errorf("after refused CreateTie: %d ties, want 3", got)
			}
		})
	}
}

func TestTiesExcludeArchived(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben, cy := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"), mustCreatePerson(t, s, "Cy")
	ab := model.Tie{FromID: ana.ID, ToID: ben.ID, Kind: model.TieReportsTo}
	bc := model.Tie{FromID: ben.ID, ToID: cy.ID, Kind: model.TieInfluences}
	ca := model.Tie{FromID: cy.ID, ToID: ana.ID, Kind: model.TieCloseTo}
	for _, tie := range []*model.Tie{&ab, &bc, &ca} {
		if err := s.CreateTie(ctx, tie); err != nil {
			t.Fatal(err)
		}
	}

	got, err := s.Ties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Tie{ab, bc, ca}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ties() = %+v, want %+v", got, want)
	}

	if err := s.ArchivePerson(ctx, cy.ID); err != nil {
		t.Fatal(err)
	}
	got, err = s.Ties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Tie{ab}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ties() with Cy archived = %+v, want %+v", got, want)
	}
	// The archived person's ties are kept, for when they are restored.
	if got, err := s.TiesOf(ctx, cy.ID); err != nil || len(got) != 2 {
		t.Errorf("TiesOf(archived Cy) = %v, %v; want 2 ties", got, err)
	}
}

func TestDeleteTie(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	tie := model.Tie{FromID: ana.ID, ToID: ben.ID, Kind: model.TieReportsTo}
	if err := s.CreateTie(ctx, &tie); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTie(ctx, tie.ID); err != nil {
		t.Fatalf("DeleteTie: %v", err)
	}
	if got := countRows(t, s, "tie"); got != 0 {
		t.Errorf("after DeleteTie: %d ties, want 0", got)
	}
	if err := s.DeleteTie(ctx, tie.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteTie(deleted) = %v, want ErrNotFound", err)
	}
	// Once deleted, the same tie can be made again.
	again := model.Tie{FromID: ana.ID, ToID: ben.ID, Kind: model.TieReportsTo}
	if err := s.CreateTie(ctx, &again); err != nil {
		t.Errorf("CreateTie after delete: %v", err)
	}
}
