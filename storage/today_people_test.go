package storage

import (
	"testing"

	"rapport/model"
)

// TestTodayRecomputesAFoldACreditOvertook reads Today after the day of
// a coffee typed in ahead of time: Morgan's folded credits stop before
// it, so Today must take Morgan's balance from the whole history, as
// the warmth of the reach-out shows.
func TestTodayRecomputesAFoldACreditOvertook(t *testing.T) {
	f := newTodayFixture(t)
	ctx := t.Context()
	at := testNow.AddDate(0, 0, 11) // the coffee was on day 10
	td, err := f.s.Today(ctx, at)
	if err != nil {
		t.Fatal(err)
	}
	credits, err := f.s.Credits(ctx, f.morgan.ID)
	if err != nil {
		t.Fatal(err)
	}
	rules := model.DefaultCredits
	want := rules.Warmth(rules.Balance(credits, at), testNow.AddDate(0, 0, 10), f.morgan.CadenceDays, at)
	for _, r := range td.ReachOuts {
		if r.PersonID == f.morgan.ID {
			if r.Warmth != want {
				t.Errorf("Morgan's warmth on day 11 = %d, want %d from the whole history", r.Warmth, want)
			}
			return
		}
	}
	t.Fatalf("Morgan, who is owed a promise, is not among the reach-outs on day 11: %+v", td.ReachOuts)
}
