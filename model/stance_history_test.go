package model

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

func day(m time.Month, d int) time.Time { return time.Date(2026, m, d, 9, 0, 0, 0, time.UTC) }

// danaHistory: Dana added a skeptic (influence 3) on 1 Oct, neutral after
// a coffee on 10 Nov, a supporter with influence 4 in the review on
// 20 Nov; Ben added a champion on 1 Oct, a blocker on 18 Nov and back to
// champion on 21 Nov; Cleo added on 19 Nov.
func danaHistory() []StanceChange {
	return []StanceChange{
		{ID: 1, PersonID: 1, At: day(10, 1), Stance: StanceSkeptic, Influence: 3, Cause: CauseAdded},
		{ID: 2, PersonID: 2, At: day(10, 1), Stance: StanceChampion, Influence: 5, Cause: CauseStart},
		{ID: 3, PersonID: 1, At: day(11, 10), Stance: StanceNeutral, Influence: 3, Cause: CauseOutcome},
		{ID: 4, PersonID: 2, At: day(11, 18), Stance: StanceBlocker, Influence: 5, Cause: CauseForm},
		{ID: 5, PersonID: 3, At: day(11, 19), Stance: StanceSupporter, Influence: 2, Cause: CauseAdded},
		{ID: 6, PersonID: 1, At: day(11, 20), Stance: StanceSupporter, Influence: 4, Cause: CauseReview},
		{ID: 7, PersonID: 2, At: day(11, 21), Stance: StanceChampion, Influence: 5, Cause: CauseReview},
	}
}

func TestStanceAsOf(t *testing.T) {
	var dana []StanceChange
	for _, c := range danaHistory() {
		if c.PersonID == 1 {
			dana = append(dana, c)
		}
	}
	tests := []struct {
		at     time.Time
		wantID int64
		ok     bool
	}{
		{day(9, 30), 0, false},
		{day(10, 1), 1, true},
		{day(11, 9), 1, true},
		{day(11, 10), 3, true},
		{day(11, 19), 3, true},
		{day(12, 1), 6, true},
	}
	for _, tt := range tests {
		got, ok := StanceAsOf(dana, tt.at)
		if ok != tt.ok || got.ID != tt.wantID {
			t.Errorf("StanceAsOf(%s) = #%d, %v; want #%d, %v", tt.at.Format("2 Jan"), got.ID, ok, tt.wantID, tt.ok)
		}
	}
}

// TestStanceMoves: since 14 Nov, Dana moved (neutral → supporter, 3 → 4);
// Ben moved and came back; Cleo is new. Since 1 Nov Dana moved from
// skeptic.
func TestStanceMoves(t *testing.T) {
	h := danaHistory()
	got := StanceMoves(h, day(11, 14))
	if len(got) != 1 || got[0].PersonID != 1 || got[0].From.ID != 3 || got[0].To.ID != 6 {
		t.Fatalf("moves since 14 Nov = %+v, want Dana #3 → #6", got)
	}
	if text, want := got[0].Text(), "Neutral → Supporter, influence 3 → 4"; text != want {
		t.Errorf("Text = %q, want %q", text, want)
	}
	if !got[0].Warmer() {
		t.Error("neutral → supporter is not warmer")
	}
	got = StanceMoves(h, day(11, 1))
	if len(got) != 1 || got[0].From.Stance != StanceSkeptic {
		t.Errorf("moves since 1 Nov = %+v, want Dana from skeptic", got)
	}
	cooler := StanceMove{From: StanceChange{Stance: StanceChampion, Influence: 5}, To: StanceChange{Stance: StanceBlocker, Influence: 5}}
	if cooler.Warmer() || cooler.Text() != "Champion → Blocker" {
		t.Errorf("champion → blocker: warmer %v, %q", cooler.Warmer(), cooler.Text())
	}
}

// TestStanceSteps: entries that change nothing are left out, newest first.
func TestStanceSteps(t *testing.T) {
	h := []StanceChange{
		{ID: 1, Stance: StanceNeutral, Influence: 3},
		{ID: 2, Stance: StanceNeutral, Influence: 3},
		{ID: 3, Stance: StanceNeutral, Influence: 4},
		{ID: 4, Stance: StanceChampion, Influence: 4},
	}
	var got []int64
	for _, c := range StanceSteps(h) {
		got = append(got, c.ID)
	}
	if want := []int64{4, 3, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("StanceSteps = %v, want %v", got, want)
	}
}

func TestStanceGap(t *testing.T) {
	tests := []struct {
		current, target Stance
		want            string
	}{
		{StanceNeutral, "", ""},
		{StanceNeutral, StanceChampion, "Neutral, aiming for Champion (2 steps to go)"},
		{StanceSupporter, StanceChampion, "Supporter, aiming for Champion (1 step to go)"},
		{StanceChampion, StanceChampion, "Champion: target reached"},
		{StanceChampion, StanceSupporter, "Champion: past the target, Supporter"},
		{StanceUnknown, StanceNeutral, "Unknown, aiming for Neutral"},
		{StanceBlocker, StanceNeutral, "Blocker, aiming for Neutral (2 steps to go)"},
	}
	for _, tt := range tests {
		if got := StanceGap(tt.current, tt.target); got != tt.want {
			t.Errorf("StanceGap(%s, %s) = %q, want %q", tt.current, tt.target, got, tt.want)
		}
	}
}

func TestPanelMemberTargetIsValidated(t *testing.T) {
	for _, tt := range []struct {
		target Stance
		ok     bool
	}{{"", true}, {StanceChampion, true}, {StanceUnknown, false}, {"fan", false}} {
		m := PanelMember{RoleID: 1, PersonID: 1, Part: PanelDecides, Target: tt.target}
		if err := m.Validate(); (err == nil) != tt.ok {
			t.Errorf("target %q: Validate = %v, want ok %v", tt.target, err, tt.ok)
		}
	}
}

// TestNetworkAsOf: on 18 Nov Dana was neutral (3) and Ben a blocker; Cleo
// was not known yet, so she and her tie are left out; Dee, with no
// history, stays as she is.
func TestNetworkAsOf(t *testing.T) {
	n := Network{People: []NetworkPerson{
		{Person: Person{ID: 1, Name: "Dana", Stance: StanceSupporter, Influence: 4}},
		{Person: Person{ID: 2, Name: "Ben", Stance: StanceChampion, Influence: 5}},
		{Person: Person{ID: 3, Name: "Cleo", Stance: StanceSupporter, Influence: 2}},
		{Person: Person{ID: 4, Name: "Dee", Stance: StanceSkeptic, Influence: 1}},
	}, Ties: []Tie{{ID: 1, FromID: 1, ToID: 2}, {ID: 2, FromID: 3, ToID: 1}}}
	got := NetworkAsOf(n, danaHistory(), day(11, 18))
	var people []string
	for _, p := range got.People {
		people = append(people, fmt.Sprintf("%s %s/%d", p.Person.Name, p.Person.Stance, p.Person.Influence))
	}
	if want := []string{"Dana neutral/3", "Ben blocker/5", "Dee skeptic/1"}; !reflect.DeepEqual(people, want) {
		t.Errorf("people as of 18 Nov = %q, want %q", people, want)
	}
	if len(got.Ties) != 1 || got.Ties[0].ID != 1 {
		t.Errorf("ties as of 18 Nov = %+v, want Dana's to Ben alone", got.Ties)
	}
	if n.People[0].Person.Stance != StanceSupporter {
		t.Error("NetworkAsOf changed the network it was given")
	}
}
