package model

import (
	"cmp"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
)

// reachNow is a Monday.
var reachNow = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

func reachPerson(id int64, influence int, stance Stance, cadence int) Person {
	return Person{ID: id, Name: "P" + strconv.FormatInt(id, 10), Relation: RelationPeer,
		Influence: influence, Stance: stance, CadenceDays: cadence}
}

func reachAgo(days int) time.Time { return reachNow.AddDate(0, 0, -days) }

func TestReachOutReasons(t *testing.T) {
	thursday := time.Date(2026, 6, 4, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		in      ReachOutInput
		overdue bool
		reasons []string
	}{
		{
			name:    "influential neutral gone cold",
			in:      ReachOutInput{Person: reachPerson(1, 5, StanceNeutral, 30), LastContact: reachAgo(94), LastKind: KindCoffee},
			overdue: true,
			reasons: []string{"Influence 5", "last coffee 94 days ago", "cadence 30 days", "neutral: win them over"},
		},
		{
			name:    "kind unknown",
			in:      ReachOutInput{Person: reachPerson(1, 2, StanceNeutral, 30), LastContact: reachAgo(94)},
			overdue: true,
			reasons: []string{"Influence 2", "last contact 94 days ago", "cadence 30 days"},
		},
		{
			name:    "label lower-cased",
			in:      ReachOutInput{Person: reachPerson(1, 2, StanceSupporter, 30), LastContact: reachAgo(45), LastKind: KindOneOnOne},
			overdue: true,
			reasons: []string{"Influence 2", "last one-on-one 45 days ago", "cadence 30 days"},
		},
		{
			name:    "never contacted: not overdue",
			in:      ReachOutInput{Person: reachPerson(1, 4, StanceUnknown, 30)},
			overdue: false,
			reasons: []string{"Influence 4", "never contacted", "stance unknown: find out where they stand"},
		},
		{
			name:    "never contacted supporter: not going cold",
			in:      ReachOutInput{Person: reachPerson(1, 4, StanceSupporter, 30)},
			overdue: false,
			reasons: []string{"Influence 4", "never contacted"},
		},
		{
			name:    "never contacted, no cadence",
			in:      ReachOutInput{Person: reachPerson(1, 1, StanceUnknown, 0)},
			overdue: false,
			reasons: []string{"Influence 1", "never contacted"},
		},
		{
			name:    "champion going cold",
			in:      ReachOutInput{Person: reachPerson(1, 5, StanceChampion, 30), LastContact: reachAgo(75), LastKind: KindLunch},
			overdue: true,
			reasons: []string{"Influence 5", "last lunch 75 days ago", "cadence 30 days", "champion going cold"},
		},
		{
			name:    "promises owed come first when they weigh most",
			in:      ReachOutInput{Person: reachPerson(1, 3, StanceNeutral, 30), LastContact: reachAgo(3), LastKind: KindCoffee, Balance: 5, MineDue: 2},
			overdue: false,
			reasons: []string{"Influence 3", "you owe them 2 promises", "neutral: win them over"},
		},
		{
			name:    "both ways",
			in:      ReachOutInput{Person: reachPerson(1, 2, StanceChampion, 30), LastContact: reachAgo(1), MineDue: 1, TheirsDue: 1},
			overdue: false,
			reasons: []string{"Influence 2", "you owe them a promise", "they owe you a promise"},
		},
		{
			name:    "meeting planned",
			in:      ReachOutInput{Person: reachPerson(1, 5, StanceNeutral, 30), LastContact: reachAgo(94), LastKind: KindCoffee, NextMeeting: thursday, NextMeetingKind: MeetingCoffee},
			overdue: true,
			reasons: []string{"Influence 5", "last coffee 94 days ago", "cadence 30 days", "neutral: win them over", "coffee planned Thursday"},
		},
		{
			name:    "meeting tomorrow, kind unknown",
			in:      ReachOutInput{Person: reachPerson(1, 2, StanceNeutral, 30), LastContact: reachAgo(1), MineDue: 1, NextMeeting: reachNow.AddDate(0, 0, 1)},
			reasons: []string{"Influence 2", "you owe them a promise", "meeting planned tomorrow"},
		},
		{
			name:    "contacted yesterday",
			in:      ReachOutInput{Person: reachPerson(1, 2, StanceNeutral, 30), LastContact: reachAgo(1), LastKind: KindMessage},
			reasons: []string{"Influence 2", "last message yesterday"},
		},
		{
			name:    "contact dated in the future reads today",
			in:      ReachOutInput{Person: reachPerson(1, 2, StanceNeutral, 30), LastContact: reachNow.AddDate(0, 0, 10), LastKind: KindCoffee},
			reasons: []string{"Influence 2", "last coffee today"},
		},
		{
			name:    "added today, never contacted",
			in:      ReachOutInput{Person: Person{ID: 1, Name: "New", Relation: RelationOther, Influence: DefaultInfluence, Stance: StanceUnknown, CadenceDays: DefaultCadenceDays}},
			overdue: false,
			reasons: []string{"Influence 3", "never contacted", "stance unknown: find out where they stand"},
		},
		{
			name:    "no cadence, long ago",
			in:      ReachOutInput{Person: reachPerson(1, 5, StanceBlocker, 0), LastContact: reachAgo(400), LastKind: KindAsk},
			reasons: []string{"Influence 5", "last ask or favour 400 days ago", "blocker: understand their concerns"},
		},
	}
	for _, tt := range tests {
		got := DefaultCredits.ReachOut(tt.in, reachNow)
		if got.PersonID != tt.in.Person.ID {
			t.Errorf("%s: PersonID = %d", tt.name, got.PersonID)
		}
		if got.Overdue != tt.overdue {
			t.Errorf("%s: Overdue = %v, want %v", tt.name, got.Overdue, tt.overdue)
		}
		if !reflect.DeepEqual(got.Reasons, tt.reasons) {
			t.Errorf("%s: Reasons =\n\t%q\nwant\n\t%q", tt.name, got.Reasons, tt.reasons)
		}
	}
}

func TestReachOutScore(t *testing.T) {
	score := func(in ReachOutInput) float64 { return DefaultCredits.ReachOut(in, reachNow).Score }
	cold := ReachOutInput{Person: reachPerson(1, 5, StanceNeutral, 30), LastContact: reachAgo(94), LastKind: KindCoffee}
	warm := ReachOutInput{Person: reachPerson(2, 5, StanceBlocker, 30), LastContact: reachAgo(2), Balance: 20}

	if s := score(warm); s >= MinReachOutScore/2 {
		t.Errorf("warm blocker with nothing due scores %v, want near 0", s)
	}
	if s := score(cold); s < 5 {
		t.Errorf("cold influential neutral scores %v, want a high score", s)
	}

	archived := cold
	archived.Person.ArchivedAt = reachAgo(1)
	archived.MineDue = 3
	if got := DefaultCredits.ReachOut(archived, reachNow); got.Score != 0 || got.Reasons != nil {
		t.Errorf("archived: %+v, want score 0 and no reasons", got)
	}

	owed := warm
	owed.MineDue = 1
	if score(owed) < score(warm)+5 {
		t.Errorf("a promise I owe adds %v, want a lot", score(owed)-score(warm))
	}
	theirs := warm
	theirs.TheirsDue = 1
	if d := score(theirs) - score(warm); d <= 0 || d >= score(owed)-score(warm) {
		t.Errorf("a promise they owe adds %v, want less than one I owe", d)
	}

	inHand := cold
	inHand.NextMeeting = reachNow.AddDate(0, 0, MeetingInHandDays)
	if score(inHand) > score(cold)/3 {
		t.Errorf("meeting in %d days: %v, want much lower than %v", MeetingInHandDays, score(inHand), score(cold))
	}
	later := cold
	later.NextMeeting = reachNow.AddDate(0, 0, MeetingInHandDays+1)
	past := cold
	past.NextMeeting = reachAgo(1)
	if score(later) != score(cold) || score(past) != score(cold) {
		t.Errorf("meetings outside the next %d days change the score", MeetingInHandDays)
	}

	low := cold
	low.Person.Influence = 1
	if score(low) >= score(cold) {
		t.Error("influence 1 scores as high as influence 5")
	}
	champion := cold
	champion.Person.Stance = StanceChampion
	supporterWarm := warm
	supporterWarm.Person.Stance = StanceSupporter
	if score(champion) < score(cold) || score(supporterWarm) > score(warm) {
		t.Errorf("champion cold %v vs neutral cold %v; supporter warm %v vs blocker warm %v",
			score(champion), score(cold), score(supporterWarm), score(warm))
	}
	blocker := cold
	blocker.Person.Stance = StanceBlocker
	if score(blocker) <= score(cold) {
		t.Error("an influential blocker gone cold should outrank a neutral")
	}
	older := cold
	older.LastContact = reachAgo(200)
	if score(older) <= score(cold) {
		t.Error("further past the cadence should score higher")
	}
}

// Exact scores, warmth and overdue flags for the edge cases: nobody
// contacted yet, a person added today, contacts dated in the future, no
// cadence, promises past the cap and a meeting in hand.
func TestReachOutScoreExact(t *testing.T) {
	added := Person{ID: 1, Name: "New", Relation: RelationOther, Influence: DefaultInfluence,
		Stance: StanceUnknown, CadenceDays: DefaultCadenceDays} // as NewPerson makes them
	tests := []struct {
		name    string
		in      ReachOutInput
		score   float64
		warmth  int
		overdue bool
	}{
		// 3 × 1.2 × 1²: never contacted counts no period past the cadence.
		{"added today, never contacted", ReachOutInput{Person: added}, 3.6, 0, false},
		// Warmth 81 (0.75 + 0.25 × 3/13): 3 × 1.2 × 0.19².
		{"added today, a coffee this morning",
			ReachOutInput{Person: added, Balance: 3, LastContact: reachNow.Add(-time.Hour), LastKind: KindCoffee},
			0.12996, 81, false},
		// The same coffee typed in for next week counts as today.
		{"added today, a coffee dated next week",
			ReachOutInput{Person: added, Balance: 3, LastContact: reachNow.AddDate(0, 0, 7), LastKind: KindCoffee},
			0.12996, 81, false},
		// Influence 1, no stance weight, no cadence: 1 × 1 × 1².
		{"never contacted, no cadence", ReachOutInput{Person: reachPerson(1, 1, StanceUnknown, 0)}, 1, 0, false},
		{"never contacted, no cadence, influential", ReachOutInput{Person: reachPerson(1, 5, StanceNeutral, 0)}, 6, 0, false},
		// Warmth 75: 2 × 1 × 0.25², and 5 × 1.5 × 0.25² for a blocker.
		{"contact dated in the future",
			ReachOutInput{Person: reachPerson(1, 2, StanceNeutral, 30), LastContact: reachNow.AddDate(0, 0, 10)}, 0.125, 75, false},
		{"contact dated in the future, influential blocker",
			ReachOutInput{Person: reachPerson(1, 5, StanceBlocker, 30), LastContact: reachNow.AddDate(0, 0, 10)}, 0.46875, 75, false},
		// No cadence: warmth 7 after 400 days, nothing past a cadence: 5 × 1.5 × 0.93².
		{"no cadence, 400 days", ReachOutInput{Person: reachPerson(1, 5, StanceBlocker, 0), LastContact: reachAgo(400)},
			7.5 * 0.93 * 0.93, 7, false},
		// Warmth 38, one period past: 4 × 1.3 × (0.62² + 0.5).
		{"twice the cadence", ReachOutInput{Person: reachPerson(1, 4, StanceSkeptic, 30), LastContact: reachAgo(60)},
			4 * 1.3 * (0.62*0.62 + 0.5), 38, true},
		// Warmth 94: 1 × 0.06² + 6 × 3 + 1.5 × 3; promises past three do not count.
		{"promises past the cap", ReachOutInput{Person: reachPerson(1, 1, StanceChampion, 30), LastContact: reachNow,
			Balance: 30, MineDue: 5, TheirsDue: 4}, 0.06*0.06 + 18 + 4.5, 94, false},
		{"negative promise counts count as none", ReachOutInput{Person: reachPerson(1, 1, StanceChampion, 30), LastContact: reachNow,
			Balance: 30, MineDue: -2, TheirsDue: -1}, 0.06 * 0.06, 94, false},
		// A meeting in hand today or tomorrow keeps a fifth.
		{"added today, meeting tomorrow", ReachOutInput{Person: added, NextMeeting: reachNow.AddDate(0, 0, 1)}, 3.6 * 0.2, 0, false},
		{"added today, meeting later today", ReachOutInput{Person: added, NextMeeting: reachNow.Add(3 * time.Hour)}, 3.6 * 0.2, 0, false},
	}
	for _, tt := range tests {
		got := DefaultCredits.ReachOut(tt.in, reachNow)
		if math.Abs(got.Score-tt.score) > 1e-12*math.Max(1, tt.score) {
			t.Errorf("%s: Score = %v, want %v", tt.name, got.Score, tt.score)
		}
		if got.Warmth != tt.warmth || got.Overdue != tt.overdue {
			t.Errorf("%s: Warmth %d, Overdue %v; want %d, %v", tt.name, got.Warmth, got.Overdue, tt.warmth, tt.overdue)
		}
		if got.Warmth != DefaultCredits.Warmth(tt.in.Balance, tt.in.LastContact, tt.in.Person.CadenceDays, reachNow) {
			t.Errorf("%s: Warmth %d disagrees with CreditRules.Warmth", tt.name, got.Warmth)
		}
	}
}

func TestReachOutOverdueBoundary(t *testing.T) {
	for _, tt := range []struct {
		days, cadence int
		want          bool
	}{
		{30, 30, false}, {31, 30, true}, {0, 30, false}, {500, 0, false}, {-5, 30, false},
	} {
		in := ReachOutInput{Person: reachPerson(1, 3, StanceNeutral, tt.cadence), LastContact: reachAgo(tt.days)}
		if got := DefaultCredits.ReachOut(in, reachNow).Overdue; got != tt.want {
			t.Errorf("%d days, cadence %d: Overdue = %v, want %v", tt.days, tt.cadence, got, tt.want)
		}
	}
}

func TestRankReachOuts(t *testing.T) {
	inputs := []ReachOutInput{
		{Person: reachPerson(7, 3, StanceNeutral, 30)},                              // never contacted
		{Person: reachPerson(3, 3, StanceNeutral, 30)},                              // same score: lower ID first
		{Person: reachPerson(9, 5, StanceBlocker, 30), LastContact: reachAgo(120)},  // highest
		{Person: reachPerson(4, 5, StanceChampion, 30), LastContact: reachAgo(2)},   // warm: left out
		{Person: reachPerson(5, 4, StanceBlocker, 30), LastContact: reachAgo(120)},  // second
		{Person: reachPerson(6, 5, StanceNeutral, 30), LastContact: reachAgo(1000)}, // third
	}
	archived := ReachOutInput{Person: reachPerson(8, 5, StanceBlocker, 30), MineDue: 3}
	archived.Person.ArchivedAt = reachAgo(3)
	inputs = append(inputs, archived)

	ids := func(rs []ReachOut) []int64 {
		out := make([]int64, len(rs))
		for i, r := range rs {
			out[i] = r.PersonID
		}
		return out
	}
	tests := []struct {
		limit int
		want  []int64
	}{
		{0, []int64{9, 6, 5, 3, 7}},
		{-1, []int64{9, 6, 5, 3, 7}},
		{100, []int64{9, 6, 5, 3, 7}},
		{2, []int64{9, 6}},
		{4, []int64{9, 6, 5, 3}},
	}
	for _, tt := range tests {
		got := DefaultCredits.RankReachOuts(inputs, reachNow, tt.limit)
		if !reflect.DeepEqual(ids(got), tt.want) {
			t.Errorf("limit %d: %v, want %v", tt.limit, ids(got), tt.want)
		}
		for _, r := range got {
			if len(r.Reasons) == 0 {
				t.Errorf("limit %d: %d has no reasons", tt.limit, r.PersonID)
			}
		}
	}

	// Ties on score: higher influence first.
	tied := []ReachOutInput{
		{Person: reachPerson(1, 2, StanceNeutral, 30), MineDue: 1, LastContact: reachNow, Balance: 1e9},
		{Person: reachPerson(2, 5, StanceNeutral, 30), MineDue: 1, LastContact: reachNow, Balance: 1e9},
	}
	if got := ids(DefaultCredits.RankReachOuts(tied, reachNow, 0)); !reflect.DeepEqual(got, []int64{2, 1}) {
		t.Errorf("tie: %v, want [2 1]", got)
	}

	warm := []ReachOutInput{{Person: reachPerson(1, 5, StanceBlocker, 30), LastContact: reachNow, Balance: 30}}
	if got := DefaultCredits.RankReachOuts(warm, reachNow, 5); len(got) != 0 {
		t.Errorf("nobody to call: got %+v", got)
	}
	if got := DefaultCredits.RankReachOuts(nil, reachNow, 5); len(got) != 0 {
		t.Errorf("no input: got %+v", got)
	}
}

func TestRankReachOutsMatchesReachOut(t *testing.T) {
	inputs := reachInputs(3000, 7)
	all := make([]ReachOut, 0, len(inputs))
	influence := map[int64]int{}
	for _, in := range inputs {
		if r := DefaultCredits.ReachOut(in, reachNow); r.Score >= MinReachOutScore {
			all = append(all, r)
		}
		influence[in.Person.ID] = in.Person.Influence
	}
	slices.SortFunc(all, func(a, b ReachOut) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(influence[b.PersonID], influence[a.PersonID]); c != 0 {
			return c
		}
		return cmp.Compare(a.PersonID, b.PersonID)
	})
	for _, limit := range []int{1, 8, 64, 65, 500, 0} {
		got := DefaultCredits.RankReachOuts(inputs, reachNow, limit)
		want := all
		if limit > 0 && limit < len(all) {
			want = all[:limit]
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("limit %d: RankReachOuts disagrees with ReachOut (%d vs %d results)", limit, len(got), len(want))
		}
	}
}

// reachInputs makes n believable inputs: most people in touch lately, some
// cold, a few never contacted, some with promises due or meetings planned.
func reachInputs(n int, seed uint64) []ReachOutInput {
	rng := rand.New(rand.NewPCG(seed, 1))
	stances := Stances()
	kinds := InteractionKinds()
	cadences := []int{0, 14, 30, 30, 60, 90}
	out := make([]ReachOutInput, n)
	for i := range out {
		in := ReachOutInput{
			Person:  reachPerson(int64(i+1), 1+rng.IntN(5), stances[rng.IntN(len(stances))], cadences[rng.IntN(len(cadences))]),
			Balance: rng.Float64()*40 - 8,
		}
		if rng.IntN(20) > 0 {
			in.LastContact = reachNow.Add(-time.Duration(rng.Float64() * 200 * 24 * float64(time.Hour)))
			in.LastKind = kinds[rng.IntN(len(kinds))]
		}
		if rng.IntN(10) == 0 {
			in.MineDue = 1 + rng.IntN(3)
		}
		if rng.IntN(10) == 0 {
			in.TheirsDue = 1
		}
		if rng.IntN(8) == 0 {
			in.NextMeeting = reachNow.AddDate(0, 0, rng.IntN(30))
		}
		if rng.IntN(50) == 0 {
			in.Person.ArchivedAt = reachAgo(1)
		}
		out[i] = in
	}
	return out
}

func BenchmarkRankReachOuts(b *testing.B) {
	inputs := reachInputs(5000, 42)
	for b.Loop() {
		DefaultCredits.RankReachOuts(inputs, reachNow, TodayReachOuts)
	}
}
