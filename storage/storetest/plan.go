package storetest

import (
	"testing"

	"rapport/model"
	"rapport/storage"
)

// Role adds the target role r (the next role unless r says otherwise) and
// returns it as stored.
func Role(tb testing.TB, s *storage.Store, r model.Role) model.Role {
	tb.Helper()
	if r.Horizon == "" {
		r.Horizon = model.HorizonNext
	}
	if err := s.CreateRole(tb.Context(), &r); err != nil {
		tb.Fatalf("add role %q: %v", r.Title, err)
	}
	return r
}

// Requirement adds r to its role (a skill unless r says otherwise) and
// returns it as stored.
func Requirement(tb testing.TB, s *storage.Store, r model.Requirement) model.Requirement {
	tb.Helper()
	if r.Kind == "" {
		r.Kind = model.RequirementSkill
	}
	if err := s.CreateRequirement(tb.Context(), &r); err != nil {
		tb.Fatalf("add requirement %q: %v", r.Title, err)
	}
	return r
}
