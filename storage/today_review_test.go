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
