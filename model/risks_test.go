package model

import (
	"reflect"
	"testing"
	"time"
)

var riskNow = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

func riskAgo(days int) time.Time { return riskNow.AddDate(0, 0, -days) }

func riskPerson(id int64, name string, influence int, stance Stance, rel Relation) Person {
	return Person{ID: id, Name: name, Influence: influence, Stance: stance, Relation: rel, CadenceDays: 30}
}

func archivedPerson(p Person) Person {
	p.ArchivedAt = riskAgo(1)
	return p
}

func TestNetworkRisksBlocker(t *testing.T) {
	tests := []struct {
		name string
		in   RiskInput
		want []Risk
	}{
		{"29 days", RiskInput{Person: riskPerson(1, "Lee Park", 5, StanceBlocker, RelationLeader), LastContact: riskAgo(29)}, nil},
		{"30 days", RiskInput{Person: riskPerson(1, "Lee Park", 5, StanceBlocker, RelationLeader), LastContact: riskAgo(30)},
			[]Risk{{RiskBlockerUnattended, []int64{1}, "Lee Park (influence 5) may block you and you have not spoken in 30 days"}}},
		{"45 days", RiskInput{Person: riskPerson(1, "Lee Park", 5, StanceBlocker, RelationLeader), LastContact: riskAgo(45)},
			[]Risk{{RiskBlockerUnattended, []int64{1}, "Lee Park (influence 5) may block you and you have not spoken in 45 days"}}},
		{"never", RiskInput{Person: riskPerson(1, "Lee Park", 4, StanceBlocker, RelationLeader)},
			[]Risk{{RiskBlockerUnattended, []int64{1}, "Lee Park (influence 4) may block you and you have never spoken"}}},
		{"influence 3", RiskInput{Person: riskPerson(1, "Lee Park", 3, StanceBlocker, RelationLeader)}, nil},
		{"archived", RiskInput{Person: archivedPerson(riskPerson(1, "Lee Park", 5, StanceBlocker, RelationLeader))}, nil},
	}
	for _, tt := range tests {
		if got := NetworkRisks([]RiskInput{tt.in}, riskNow); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestNetworkRisksKeyPersonCold(t *testing.T) {
	tests := []struct {
		name string
		in   RiskInput
		want []Risk
	}{
		{"89 days", RiskInput{Person: riskPerson(2, "Priya Shah", 4, StanceNeutral, RelationLeader), LastContact: riskAgo(89)}, nil},
		{"90 days", RiskInput{Person: riskPerson(2, "Priya Shah", 4, StanceNeutral, RelationLeader), LastContact: riskAgo(90)},
			[]Risk{{RiskKeyPersonCold, []int64{2}, "Priya Shah (influence 4) has been cold for 3 months"}}},
		{"800 days", RiskInput{Person: riskPerson(2, "Priya Shah", 5, StanceNeutral, RelationLeader), LastContact: riskAgo(800)},
			[]Risk{{RiskKeyPersonCold, []int64{2}, "Priya Shah (influence 5) has been cold for 2 years"}}},
		{"never", RiskInput{Person: riskPerson(2, "Priya Shah", 4, StanceUnknown, RelationLeader)},
			[]Risk{{RiskKeyPersonCold, []int64{2}, "Priya Shah (influence 4): no contact yet"}}},
		{"influence 3", RiskInput{Person: riskPerson(2, "Priya Shah", 3, StanceNeutral, RelationLeader), LastContact: riskAgo(400)}, nil},
		{"archived", RiskInput{Person: archivedPerson(riskPerson(2, "Priya Shah", 5, StanceNeutral, RelationLeader))}, nil},
	}
	for _, tt := range tests {
		if got := NetworkRisks([]RiskInput{tt.in}, riskNow); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestNetworkRisksSingleChampion(t *testing.T) {
	dana := RiskInput{Person: riskPerson(1, "Dana Whitfield", 5, StanceChampion, RelationManager), LastContact: riskAgo(3)}
	other := func(id int64, influence int, stance Stance) RiskInput {
		return RiskInput{Person: riskPerson(id, "X", influence, stance, RelationPeer), LastContact: riskAgo(3)}
	}
	risk := []Risk{{RiskSingleChampion, []int64{1}, "All your support rests on Dana Whitfield: find a second champion"}}
	tests := []struct {
		name string
		in   []RiskInput
		want []Risk
	}{
		{"one champion of three", []RiskInput{dana, other(2, 3, StanceNeutral), other(3, 4, StanceSkeptic)}, risk},
		{"only two influential people", []RiskInput{dana, other(2, 3, StanceNeutral), other(3, 2, StanceNeutral)}, nil},
		{"a supporter too", []RiskInput{dana, other(2, 3, StanceSupporter), other(3, 4, StanceNeutral)}, nil},
		{"second supporter has little influence", []RiskInput{dana, other(2, 2, StanceSupporter), other(3, 3, StanceNeutral), other(4, 3, StanceNeutral)}, risk},
		{"second champion archived", []RiskInput{dana, {Person: archivedPerson(riskPerson(2, "Y", 5, StanceChampion, RelationPeer))}, other(3, 3, StanceNeutral), other(4, 3, StanceNeutral)}, risk},
		{"archived people do not make three", []RiskInput{dana, other(2, 3, StanceNeutral), {Person: archivedPerson(riskPerson(3, "Y", 5, StanceNeutral, RelationPeer))}}, nil},
		{"no champion at all", []RiskInput{other(2, 3, StanceNeutral), other(3, 3, StanceNeutral), other(4, 3, StanceNeutral)}, nil},
	}
	for _, tt := range tests {
		if got := NetworkRisks(tt.in, riskNow); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestNetworkRisksTeam(t *testing.T) {
	mate := func(id int64, name string, thanked int) RiskInput {
		in := RiskInput{Person: riskPerson(id, name, 2, StanceSupporter, RelationTeamMate), LastContact: riskAgo(1)}
		if thanked >= 0 {
			in.LastThanks = riskAgo(thanked)
		}
		return in
	}
	tests := []struct {
		name string
		in   []RiskInput
		want []Risk
	}{
		{"59 days", []RiskInput{mate(1, "Ann", 59)}, nil},
		{"60 days", []RiskInput{mate(1, "Ann", 60)},
			[]Risk{{RiskTeamUnthanked, []int64{1}, "1 team mate not thanked in 60 days: Ann"}}},
		{"never", []RiskInput{mate(1, "Ann", -1)},
			[]Risk{{RiskTeamUnthanked, []int64{1}, "1 team mate not thanked in 60 days: Ann"}}},
		{"three, never thanked first", []RiskInput{mate(1, "Ann", 70), mate(2, "Ben", -1), mate(3, "Cy", 100), mate(4, "Dee", 10)},
			[]Risk{{RiskTeamUnthanked, []int64{2, 3, 1}, "3 team mates not thanked in 60 days: Ben, Cy and Ann"}}},
		{"two", []RiskInput{mate(1, "Ann", -1), mate(2, "Ben", -1)},
			[]Risk{{RiskTeamUnthanked, []int64{1, 2}, "2 team mates not thanked in 60 days: Ann and Ben"}}},
		{"seven", []RiskInput{mate(1, "A", -1), mate(2, "B", -1), mate(3, "C", -1), mate(4, "D", -1), mate(5, "E", -1), mate(6, "F", -1), mate(7, "G", -1)},
			[]Risk{{RiskTeamUnthanked, []int64{1, 2, 3, 4, 5, 6, 7}, "7 team mates not thanked in 60 days: A, B, C, D, E and 2 more"}}},
		{"archived mate", []RiskInput{{Person: archivedPerson(riskPerson(1, "Ann", 2, StanceSupporter, RelationTeamMate))}}, nil},
		{"not a team mate", []RiskInput{{Person: riskPerson(1, "Ann", 2, StanceSupporter, RelationPeer), LastContact: riskAgo(1)}}, nil},
	}
	for _, tt := range tests {
		if got := NetworkRisks(tt.in, riskNow); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestNetworkRisksOrder(t *testing.T) {
	in := []RiskInput{
		{Person: riskPerson(1, "Ann", 2, StanceNeutral, RelationTeamMate), LastContact: riskAgo(1)},
		{Person: riskPerson(2, "Priya Shah", 4, StanceNeutral, RelationLeader), LastContact: riskAgo(120), Warmth: 10},
		{Person: riskPerson(3, "Omar Diaz", 5, StanceNeutral, RelationLeader), LastContact: riskAgo(100), Warmth: 20},
		{Person: riskPerson(4, "Dana Whitfield", 4, StanceChampion, RelationManager), LastContact: riskAgo(2)},
		{Person: riskPerson(5, "Lee Park", 4, StanceBlocker, RelationLeader), LastContact: riskAgo(40)},
		{Person: riskPerson(6, "Kim Ito", 5, StanceBlocker, RelationLeader), LastContact: riskAgo(31)},
		{Person: archivedPerson(riskPerson(7, "Gone Person", 5, StanceBlocker, RelationTeamMate))},
	}
	got := NetworkRisks(in, riskNow)
	var kinds []RiskKind
	var ids []int64
	for _, r := range got {
		kinds = append(kinds, r.Kind)
		ids = append(ids, r.PersonIDs...)
	}
	wantKinds := []RiskKind{RiskBlockerUnattended, RiskBlockerUnattended, RiskSingleChampion, RiskKeyPersonCold, RiskKeyPersonCold, RiskTeamUnthanked}
	wantIDs := []int64{6, 5, 4, 3, 2, 1}
	if !reflect.DeepEqual(kinds, wantKinds) || !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("kinds %v ids %v, want %v %v", kinds, ids, wantKinds, wantIDs)
	}
	if got := NetworkRisks(nil, riskNow); len(got) != 0 {
		t.Errorf("no people: %+v", got)
	}
}

// TestNetworkRisksOfTheCandidatesAlone checks the promise of
// RiskCandidate: cut to the candidates, the input gives the same risks,
// over every influence, stance and relation, archived or not, thanked
// and contacted long ago or lately.
func TestNetworkRisksOfTheCandidatesAlone(t *testing.T) {
	stances := []Stance{StanceChampion, StanceSupporter, StanceNeutral, StanceSkeptic, StanceBlocker, StanceUnknown}
	relations := []Relation{RelationTeamMate, RelationPeer, RelationLeader, RelationManager}
	var all, candidates []RiskInput
	id := int64(0)
	for influence := 1; influence <= 5; influence++ {
		for _, s := range stances {
			for _, rel := range relations {
				id++
				p := riskPerson(id, "Person "+string(rune('A'+id%26)), influence, s, rel)
				if id%7 == 0 {
					p = archivedPerson(p)
				}
				in := RiskInput{Person: p, LastContact: riskAgo(int(id*13) % 200), LastThanks: riskAgo(int(id*29) % 120),
					Warmth: int(id*37) % 100}
				all = append(all, in)
				if RiskCandidate(p) {
					candidates = append(candidates, in)
				}
			}
		}
	}
	got, want := NetworkRisks(candidates, riskNow), NetworkRisks(all, riskNow)
	if len(candidates) == len(all) || len(want) < 3 {
		t.Fatalf("the input tests nothing: %d candidates of %d, %d risks", len(candidates), len(all), len(want))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("risks of the candidates:\n got %+v\nwant %+v", got, want)
	}
}
