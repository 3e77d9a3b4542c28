package storage

import (
	"testing"
	"time"
)

// TestTodayCarriesTheLastReview: the Today screen reads when the weekly
// review was last done in its one call, in the same transaction.
func TestTodayCarriesTheLastReview(t *testing.T) {
	s := mustOpen(t)
	got, err := s.Today(t.Context(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !got.LastReview.IsZero() {
		t.Errorf("LastReview = %v before any review, want zero", got.LastReview)
	}
	done := testNow.Add(-50 * time.Hour)
	if err := s.MarkReviewed(t.Context(), done); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Today(t.Context(), testNow); err != nil {
		t.Fatal(err)
	}
	if !got.LastReview.Equal(done) {
		t.Errorf("LastReview = %v, want %v", got.LastReview, done)
	}
}

// TestTodayCarriesTheFirstUse: Today reads when the first person was
// added (the first use, from which the first review is a week off), zero
// with nobody, and an archived first person still counts.
func TestTodayCarriesTheFirstUse(t *testing.T) {
	s := mustOpen(t)
	got, err := s.Today(t.Context(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !got.FirstUse.IsZero() {
		t.Errorf("FirstUse = %v with nobody, want zero", got.FirstUse)
	}
	first := testNow.AddDate(0, 0, -9)
	setClock(s, first)
	ana := mustCreatePerson(t, s, "Ana")
	setClock(s, testNow)
	mustCreatePerson(t, s, "Ben")
	if err := s.ArchivePerson(t.Context(), ana.ID); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Today(t.Context(), testNow); err != nil {
		t.Fatal(err)
	}
	if !got.FirstUse.Equal(first) {
		t.Errorf("FirstUse = %v, want %v (Ana, added first, now in the trash)", got.FirstUse, first)
	}
}
