package storage

import (
	"slices"
	"testing"

	"rapport/model"
)

// TestPromiseListEqualsPiecemeal reads the Promises list of the sample
// and checks it holds what Promises and Person return.
func TestPromiseListEqualsPiecemeal(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mustLoadSample(t, s)
	all, err := s.Promises(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("the sample has no promises")
	}
	got, err := s.PromiseList(ctx)
	if err != nil {
		t.Fatalf("PromiseList: %v", err)
	}
	check(t, "promises", got.Promises, all)
	if len(got.People) == 0 {
		t.Fatal("no people with the promises")
	}
	for _, p := range all {
		want, err := s.Person(ctx, p.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		check(t, "person of a promise", got.People[p.PersonID], want)
	}
	for id := range got.People {
		if !slices.ContainsFunc(all, func(p model.Promise) bool { return p.PersonID == id }) {
			t.Errorf("person %d is listed without a promise", id)
		}
	}
}
