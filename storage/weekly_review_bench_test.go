package storage

import (
	"context"
	"testing"
)

// BenchmarkWeeklyReview reads everything the weekly review shows (Today's
// report included) at 5,000 people, 100,000 interactions and 20,000
// promises.
func BenchmarkWeeklyReview(b *testing.B) {
	s, _ := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := s.WeeklyReview(ctx, testNow)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Due) == 0 || len(r.Today.ReachOuts) == 0 {
			b.Fatalf("the review is missing something: %d due, %d reach-outs", len(r.Due), len(r.Today.ReachOuts))
		}
	}
}
