package model

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

func creditDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDefaultCreditsHaveOneRowPerKind(t *testing.T) {
	count := map[InteractionKind]int{}
	for _, w := range DefaultCredits.Interactions {
		if !w.Kind.Valid() {
			t.Errorf("row for unknown kind %q", w.Kind)
		}
		count[w.Kind]++
	}
	for _, k := range InteractionKinds() {
		if count[k] != 1 {
			t.Errorf("kind %q has %d rows, want 1", k, count[k])
		}
	}
}

func TestDefaultCreditsGivingOutweighsTaking(t *testing.T) {
	r := DefaultCredits
	if r.HalfLifeDays != 90 {
		t.Errorf("half-life = %v, want 90", r.HalfLifeDays)
	}
	for _, k := range []InteractionKind{KindHelpGiven, KindThanksPublic, KindExploratory} {
		if r.Points(k) <= -r.Points(KindAsk) {
			t.Errorf("%s (%v) should outweigh an ask (%v)", k, r.Points(k), r.Points(KindAsk))
		}
	}
	if r.Points(KindAsk) >= 0 {
		t.Errorf("an ask should be a withdrawal, got %v", r.Points(KindAsk))
	}
	if r.Points(KindHelpGiven) <= r.Points(KindHelpOffered) {
		t.Error("help given should be worth more than help offered")
	}
	if !(r.PromiseKept > 0 && r.PromiseKeptLate < 0 && r.PromiseBroken < r.PromiseKeptLate) {
		t.Errorf("promise weights kept %v, late %v, broken %v", r.PromiseKept, r.PromiseKeptLate, r.PromiseBroken)
	}
	for _, w := range r.Interactions {
		if -r.PromiseBroken <= math.Abs(w.Points) {
			t.Errorf("a broken promise (%v) should outweigh %s (%v)", r.PromiseBroken, w.Kind, w.Points)
		}
	}
}

func TestForInteraction(t *testing.T) {
	at := creditDay(2026, 3, 2)
	tests := []struct {
		kind   InteractionKind
		points float64
		reason string
	}{
		{KindHelpGiven, 8, "Help given"},
		{KindThanksPublic, 6, "Thanks in public"},
		{KindAsk, -4, "Ask or favour"},
		{KindMessage, 1, "Message"},
		{"nonsense", 0, "nonsense"},
	}
	for _, tt := range tests {
		got := DefaultCredits.ForInteraction(tt.kind, at)
		want := Credit{At: at, Points: tt.points, Reason: tt.reason}
		if got != want {
			t.Errorf("ForInteraction(%q) = %+v, want %+v", tt.kind, got, want)
		}
	}
}

func TestForPromise(t *testing.T) {
	made, resolved := creditDay(2026, 1, 5), creditDay(2026, 2, 1)
	tests := []struct {
		dir    Direction
		status PromiseStatus
		ok     bool
		points float64
		reason string
	}{
		{DirectionMine, PromiseKept, true, 6, "Promise kept on time: send the deck"},
		{DirectionMine, PromiseKeptLate, true, -2, "Promise kept late: send the deck"},
		{DirectionMine, PromiseBroken, true, -10, "Promise broken: send the deck"},
		{DirectionMine, PromiseReleased, false, 0, ""},
		{DirectionMine, PromiseOpen, false, 0, ""},
		{DirectionMine, PromiseRenegotiated, false, 0, ""},
		{DirectionTheirs, PromiseKept, false, 0, ""},
		{DirectionTheirs, PromiseBroken, false, 0, ""},
	}
	for _, tt := range tests {
		p := Promise{Direction: tt.dir, PersonID: 1, What: "send the deck", MadeOn: made, Status: tt.status}
		if !tt.status.Pending() {
			p.ResolvedOn = resolved
		}
		got, ok := DefaultCredits.ForPromise(p)
		if ok != tt.ok {
			t.Errorf("%s %s: ok = %v, want %v", tt.dir, tt.status, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		want := Credit{At: resolved, Points: tt.points, Reason: tt.reason}
		if got != want {
			t.Errorf("%s %s: got %+v, want %+v", tt.dir, tt.status, got, want)
		}
	}
}

func TestDecay(t *testing.T) {
	tests := []struct {
		rules        CreditRules
		points, days float64
		want         float64
	}{
		{DefaultCredits, 8, 0, 8},
		{DefaultCredits, 8, 90, 4},
		{DefaultCredits, 8, 180, 2},
		{DefaultCredits, -10, 90, -5},
		{DefaultCredits, 8, -30, 8},
		{DefaultCredits, 8, 45, 8 / math.Sqrt2},
		{CreditRules{HalfLifeDays: 0}, 8, 1000, 8},
		{CreditRules{HalfLifeDays: -90}, 8, 90, 8}, // a negative half-life never fades either
		{DefaultCredits, 8, 360, 0.5},
		{DefaultCredits, 0, 90, 0},
		{DefaultCredits, -4, 0, -4},    // a withdrawal made just now counts in full
		{DefaultCredits, -10, -1, -10}, // one dated in the future does not grow
		// Made at midnight, read at 09:30 the same day.
		{DefaultCredits, 8, 9.5 / 24, 8 * math.Exp2(-9.5/24/90)},
	}
	for _, tt := range tests {
		if got := tt.rules.Decay(tt.points, tt.days); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Decay(%v, %v) = %v, want %v", tt.points, tt.days, got, tt.want)
		}
	}
}

func TestBalance(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	credits := []Credit{
		{At: now, Points: 3},                           // counts in full
		{At: now.Add(-90 * 24 * time.Hour), Points: 8}, // half
		{At: now.Add(-45 * 24 * time.Hour), Points: -4},
		{At: now.Add(time.Second), Points: 100}, // future: nothing yet
	}
	want := 3 + 4 - 4/math.Sqrt2
	if got := DefaultCredits.Balance(credits, now); math.Abs(got-want) > 1e-12 {
		t.Errorf("Balance = %v, want %v", got, want)
	}
	if got := DefaultCredits.Balance(nil, now); got != 0 {
		t.Errorf("Balance(nil) = %v, want 0", got)
	}
	// Exact hours: 12 hours is half a day of decay.
	half := DefaultCredits.Balance([]Credit{{At: now.Add(-12 * time.Hour), Points: 1}}, now)
	if want := math.Exp2(-0.5 / 90); math.Abs(half-want) > 1e-15 {
		t.Errorf("12 hours: %v, want %v", half, want)
	}
}

// Edge cases of the balance: no credits, credits all dated in the future,
// a person added today, and rules whose credits never fade.
func TestBalanceEdgeCases(t *testing.T) {
	now := time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC)
	today := creditDay(2026, 6, 1)
	tests := []struct {
		name    string
		rules   CreditRules
		credits []Credit
		want    float64
	}{
		{"no credits", DefaultCredits, nil, 0},
		{"empty credits", DefaultCredits, []Credit{}, 0},
		{"only credits dated in the future", DefaultCredits,
			[]Credit{{At: now.Add(time.Millisecond), Points: 8}, {At: now.AddDate(0, 0, 30), Points: -10}}, 0},
		{"a credit dated exactly now", DefaultCredits, []Credit{{At: now, Points: 6}}, 6},
		{"added today: a coffee this morning", DefaultCredits,
			[]Credit{{At: today, Points: 3}}, 3 * math.Exp2(-9.5/24/90)},
		{"added today: help given now and a coffee booked for tomorrow", DefaultCredits,
			[]Credit{{At: now, Points: 8}, {At: today.AddDate(0, 0, 1), Points: 3}}, 8},
		{"a deposit and a withdrawal cancel", DefaultCredits,
			[]Credit{{At: now, Points: 4}, {At: now, Points: -4}}, 0},
		{"never fading: a plain sum", CreditRules{},
			[]Credit{{At: creditDay(1990, 1, 1), Points: 8}, {At: now, Points: -4}, {At: now.AddDate(0, 0, 1), Points: 100}}, 4},
	}
	for _, tt := range tests {
		if got := tt.rules.Balance(tt.credits, now); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: Balance = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestHistoryEdgeCases(t *testing.T) {
	now := creditDay(2026, 6, 1)
	if got := DefaultCredits.History(nil, now); len(got) != 0 {
		t.Errorf("History(nil) = %+v, want none", got)
	}
	future := []Credit{{At: now.Add(time.Second), Points: 8}, {At: now.AddDate(1, 0, 0), Points: 3}}
	if got := DefaultCredits.History(future, now); len(got) != 0 {
		t.Errorf("History of future credits = %+v, want none", got)
	}
	// Added today: one credit dated now is one point at its full value.
	c := Credit{At: now, Points: 3, Reason: "Coffee"}
	got := DefaultCredits.History([]Credit{c}, now)
	want := []BalancePoint{{At: now, Balance: 3, Credit: c}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("History of one credit today = %+v, want %+v", got, want)
	}
}

func TestHistory(t *testing.T) {
	now := creditDay(2026, 6, 1)
	a := Credit{At: creditDay(2026, 1, 1), Points: 8, Reason: "a"}
	b := Credit{At: creditDay(2026, 4, 1), Points: -4, Reason: "b"} // 90 days after a
	c := Credit{At: creditDay(2026, 4, 1), Points: 2, Reason: "c"}  // same day as b, listed after it
	future := Credit{At: creditDay(2026, 7, 1), Points: 50, Reason: "future"}
	got := DefaultCredits.History([]Credit{c, future, a, b}, now)
	want := []BalancePoint{
		{At: a.At, Balance: 8, Credit: a},
		{At: c.At, Balance: 4 + 2, Credit: c},
		{At: b.At, Balance: 4 + 2 - 4, Credit: b},
	}
	if len(got) != len(want) {
		t.Fatalf("History has %d points, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Credit != want[i].Credit || !got[i].At.Equal(want[i].At) || math.Abs(got[i].Balance-want[i].Balance) > 1e-12 {
			t.Errorf("point %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	last := got[len(got)-1]
	if bal := DefaultCredits.Balance([]Credit{a, b, c}, last.At); math.Abs(bal-last.Balance) > 1e-12 {
		t.Errorf("last point %v disagrees with Balance %v", last.Balance, bal)
	}
}

// creditRandomTime is a time between 1990 and 2060, to the second.
func creditRandomTime(rng *rand.Rand) time.Time {
	lo, hi := creditDay(1990, 1, 1).Unix(), creditDay(2060, 1, 1).Unix()
	return time.Unix(lo+rng.Int64N(hi-lo), 0).UTC()
}

func TestFoldUnfoldMatchesBalance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	weights := DefaultCredits.Table()
	for trial := 0; trial < 2000; trial++ {
		credits := make([]Credit, 1+rng.IntN(40))
		for i := range credits {
			credits[i] = Credit{At: creditRandomTime(rng), Points: weights[rng.IntN(len(weights))].Points}
		}
		t1 := creditRandomTime(rng)
		folded, next := DefaultCredits.Fold(credits, t1)
		// t2 is at or after t1 and before the next credit, if any.
		end := creditDay(2061, 1, 1)
		if !next.IsZero() {
			end = next
		}
		t2 := t1.Add(time.Duration(rng.Float64() * float64(end.Sub(t1)-time.Nanosecond)))
		got := DefaultCredits.Unfold(folded, t2)
		want := DefaultCredits.Balance(credits, t2)
		var scale float64 // the balance's size before positives and negatives cancel
		for _, c := range credits {
			if !c.At.After(t2) {
				scale += math.Abs(DefaultCredits.Decay(c.Points, daysFrom(c.At, t2)))
			}
		}
		if math.Abs(got-want) > 1e-9*scale {
			t.Fatalf("trial %d: Unfold(Fold(c, %v), %v) = %v, Balance = %v", trial, t1, t2, got, want)
		}
	}
}

func TestFoldNext(t *testing.T) {
	now := creditDay(2026, 6, 1)
	credits := []Credit{
		{At: creditDay(2026, 9, 1), Points: 1},
		{At: creditDay(2026, 1, 1), Points: 1},
		{At: creditDay(2026, 7, 1), Points: 1},
		{At: now, Points: 1},
	}
	folded, next := DefaultCredits.Fold(credits, now)
	if !next.Equal(creditDay(2026, 7, 1)) {
		t.Errorf("next = %v, want 2026-07-01", next)
	}
	if got, want := DefaultCredits.Unfold(folded, now), DefaultCredits.Balance(credits, now); math.Abs(got-want) > 1e-12 {
		t.Errorf("Unfold = %v, want %v", got, want)
	}
	if _, next := DefaultCredits.Fold(credits[1:2], now); !next.IsZero() {
		t.Errorf("next = %v, want zero with no credit ahead", next)
	}
}

// Edge cases of folding: no credits, only future ones, and rules whose
// credits never fade.
func TestFoldEdgeCases(t *testing.T) {
	now := creditDay(2026, 6, 1)
	if folded, next := DefaultCredits.Fold(nil, now); folded != 0 || !next.IsZero() {
		t.Errorf("Fold(nil) = %v, %v; want 0 and no next", folded, next)
	}
	future := []Credit{{At: now.AddDate(0, 0, 3), Points: 8}, {At: now.AddDate(0, 0, 1), Points: -4}}
	folded, next := DefaultCredits.Fold(future, now)
	if folded != 0 || !next.Equal(now.AddDate(0, 0, 1)) {
		t.Errorf("Fold(future) = %v, %v; want 0 and 2026-06-02", folded, next)
	}
	if got := DefaultCredits.Unfold(folded, now.AddDate(0, 0, 1).Add(-time.Second)); got != 0 {
		t.Errorf("Unfold before the first credit = %v, want 0", got)
	}
	never := CreditRules{}
	credits := []Credit{{At: creditDay(1990, 1, 1), Points: 8}, {At: now, Points: -3}}
	folded, next = never.Fold(credits, now)
	if folded != 5 || !next.IsZero() {
		t.Errorf("never fading: Fold = %v, %v; want 5 and no next", folded, next)
	}
	if got := never.Unfold(folded, creditDay(2100, 1, 1)); got != 5 {
		t.Errorf("never fading: Unfold = %v, want 5", got)
	}
}

func TestFoldStaysFinite(t *testing.T) {
	for y := 1900; y <= 2200; y += 5 {
		at := creditDay(y, 6, 15)
		credits := []Credit{{At: at, Points: 8}, {At: at, Points: -10}, {At: at.AddDate(0, -1, 0), Points: 6}}
		folded, _ := DefaultCredits.Fold(credits, at)
		for _, now := range []time.Time{at, at.AddDate(1, 0, 0), creditDay(2200, 12, 31)} {
			if now.Before(at) {
				continue
			}
			got := DefaultCredits.Unfold(folded, now)
			bad := func(v float64) bool { return math.IsInf(v, 0) || math.IsNaN(v) }
			if bad(folded) || bad(got) || bad(DefaultCredits.Balance(credits, now)) {
				t.Errorf("year %d, now %v: folded %v, unfolded %v", y, now, folded, got)
			}
		}
	}
	if got := DefaultCredits.Unfold(0, creditDay(1900, 1, 1)); got != 0 {
		t.Errorf("Unfold(0) = %v", got)
	}
}

func TestTable(t *testing.T) {
	rows := DefaultCredits.Table()
	kinds := InteractionKinds()
	if len(rows) != len(kinds)+3 {
		t.Fatalf("%d rows, want %d", len(rows), len(kinds)+3)
	}
	for i, k := range kinds {
		if rows[i].What != k.Label() || rows[i].Points != DefaultCredits.Points(k) {
			t.Errorf("row %d = %+v, want %s %v", i, rows[i], k.Label(), DefaultCredits.Points(k))
		}
	}
	tail := rows[len(kinds):]
	want := []CreditRule{{"Promise kept on time", 6}, {"Promise kept late", -2}, {"Promise broken", -10}}
	for i := range want {
		if tail[i] != want[i] {
			t.Errorf("promise row %d = %+v, want %+v", i, tail[i], want[i])
		}
	}
}

func TestExplain(t *testing.T) {
	text := DefaultCredits.Explain()
	for _, want := range []string{"every 90 days", "6%", "75% how recently", "warmth", "14 days", "30 days"} {
		if !strings.Contains(text, want) {
			t.Errorf("Explain does not mention %q:\n%s", want, text)
		}
	}
	if text := (CreditRules{}).Explain(); !strings.Contains(text, "never fade") {
		t.Errorf("Explain without a half-life:\n%s", text)
	}
}
