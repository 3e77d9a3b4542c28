package model

import (
	"fmt"
	"reflect"
	"testing"
)

func TestSinglePoints(t *testing.T) {
	// Daniel and Priya, both warm, reach Nadia only through Helena, whom
	// the user has never contacted.
	base := func() []NetworkPerson {
		return []NetworkPerson{nadia, pathPerson(2, "Daniel Okafor", 80, StanceSupporter),
			pathPerson(3, "Helena Sørensen", 0, StanceNeutral), pathPerson(4, "Priya Raghunathan", 60, StanceSupporter),
			pathPerson(5, "Rajesh Iyer", 0, StanceUnknown)}
	}
	ties := []Tie{tie(3, 1, TieReportsTo), tie(2, 3, TieReportsTo), tie(4, 3, TieCloseTo), tie(5, 1, TieReportsTo)}
	with := func(f func([]NetworkPerson)) []NetworkPerson { p := base(); f(p); return p }
	tests := []struct {
		name   string
		people []NetworkPerson
		ties   []Tie
		want   []Risk
	}{
		{"only through Helena", base(), ties, []Risk{{RiskOnlyThroughOne, []int64{1, 3},
			"You reach Nadia Haddad (influence 5) only through Helena Sørensen: get to know Rajesh Iyer, who reports to Nadia, for a second way in"}}},
		{"no one else near her", base(), ties[:3], []Risk{{RiskOnlyThroughOne, []int64{1, 3},
			"You reach Nadia Haddad (influence 5) only through Helena Sørensen: ask Helena to introduce you to Nadia while the way is open"}}},
		// Daniel and Helena are both on the one path: Daniel, nearer
		// the user, is named; knowing Helena would be a way around him.
		{"one warm path only: the person nearest you", base(), ties[:2], []Risk{{RiskOnlyThroughOne, []int64{1, 2},
			"You reach Nadia Haddad (influence 5) only through Daniel Okafor: get to know Helena Sørensen, who reports to Nadia, for a second way in"}}},
		{"a second way in through Rajesh", with(func(p []NetworkPerson) { p[4].Warmth = 30 }), ties, nil},
		{"warm with Nadia already", with(func(p []NetworkPerson) { p[0].Warmth = 60 }), ties, nil},
		{"Nadia not influential", with(func(p []NetworkPerson) { p[0].Person.Influence = 3 }), ties, nil},
		{"no way in at all", base(), ties[3:], nil},
	}
	for _, tt := range tests {
		g := NewTieGraph(Network{People: tt.people, Ties: tt.ties})
		if got := g.singlePointRisks(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestPanelRisks(t *testing.T) {
	jonas := pathPerson(1, "Jonas Lindqvist", 40, StanceSkeptic)
	people := []NetworkPerson{jonas, pathPerson(2, "Daniel Okafor", 80, StanceSupporter),
		pathPerson(3, "Tomás Herrera", 40, StanceNeutral), pathPerson(4, "Priya Raghunathan", 70, StanceNeutral),
		pathPerson(5, "Ingrid Halvorsen", 60, StanceChampion)}
	ties := []Tie{tie(2, 1, TieCloseTo), tie(3, 1, TieCloseTo), tie(4, 1, TieInfluences)}
	seat := []PanelSeat{{PanelMember{RoleID: 1, PersonID: 1, Part: PanelDecides}, "Engineering Manager"}}
	two := append(seat, PanelSeat{PanelMember{RoleID: 2, PersonID: 1, Part: PanelInfluences}, "Staff Engineer"})
	onSide := append([]NetworkPerson{pathPerson(1, "Jonas Lindqvist", 40, StanceSupporter)}, people[1:]...)
	tests := []struct {
		name   string
		people []NetworkPerson
		ties   []Tie
		panel  []PanelSeat
		want   []Risk
	}{
		{"one champion", people, ties, seat, []Risk{{RiskPanelOneChampion, []int64{1, 2},
			"Jonas Lindqvist (Engineering Manager panel) hears for you only from Daniel Okafor: win over Priya Raghunathan, who influences Jonas, as a second voice"}}},
		{"two panels, said once", people, ties, two, []Risk{{RiskPanelOneChampion, []int64{1, 2},
			"Jonas Lindqvist (Engineering Manager and Staff Engineer panels) hears for you only from Daniel Okafor: win over Priya Raghunathan, who influences Jonas, as a second voice"}}},
		{"nobody else near him", people, ties[:1], seat, []Risk{{RiskPanelOneChampion, []int64{1, 2},
			"Jonas Lindqvist (Engineering Manager panel) hears for you only from Daniel Okafor: find a second champion among the people Jonas listens to"}}},
		{"a second champion", people, append(ties, tie(5, 1, TieInfluences)), seat, nil},
		{"the champion is at odds with him", people, append(ties, tie(1, 2, TieAtOddsWith)), seat, nil},
		{"he backs you himself", onSide, ties, seat, nil},
		{"not on a panel", people, ties, nil, nil},
	}
	for _, tt := range tests {
		g := NewTieGraph(Network{People: tt.people, Ties: tt.ties})
		if got := g.panelRisks(tt.panel); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// bridgeNetwork is two triangles of teams Alpha and Beta, joined through
// Xavier (team Gamma), tied to Ann of Alpha and Bea of Beta.
func bridgeNetwork(xavierWarmth int) Network {
	p := func(id int64, name, team string, warmth int) NetworkPerson {
		return NetworkPerson{Person: Person{ID: id, Name: name, Team: team, Influence: 4, Stance: StanceNeutral},
			Warmth: warmth}
	}
	return Network{
		People: []NetworkPerson{p(1, "Ann", "Alpha", 60), p(2, "Abe", "Alpha", 60), p(3, "Ada", "Alpha", 60),
			p(4, "Bea", "Beta", 60), p(5, "Bob", "Beta", 60), p(6, "Bud", "Beta", 60), p(7, "Xavier", "Gamma", xavierWarmth)},
		Ties: []Tie{tie(1, 2, TieCloseTo), tie(2, 3, TieCloseTo), tie(3, 1, TieCloseTo),
			tie(4, 5, TieCloseTo), tie(5, 6, TieCloseTo), tie(6, 4, TieCloseTo),
			tie(7, 1, TieInfluences), tie(4, 7, TieReportsTo)},
	}
}

func TestBrokers(t *testing.T) {
	// Xavier is on every shortest path between the 3 of Alpha and the 3
	// of Beta: 9 pairs, counted both ways by gonum, 18. Ann is on those
	// from Abe and Ada to Xavier and to Beta's three: 8 pairs, 16; Bea
	// likewise. Abe, Ada, Bob and Bud are on none.
	g := NewTieGraph(bridgeNetwork(10))
	var got []string
	for _, b := range g.Brokers(nil) {
		got = append(got, fmt.Sprintf("%s %g %s", b.Person.Name, b.Betweenness, listNames(b.Groups, 0)))
	}
	want := []string{"Xavier 18 Alpha and Beta", "Ann 16 Alpha and Gamma", "Bea 16 Beta and Gamma"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReachRisksBrokers(t *testing.T) {
	tests := []struct {
		name   string
		warmth int
		want   []Risk
	}{
		{"cold bridge", 10, []Risk{{RiskColdBroker, []int64{7},
			"Xavier bridges Alpha and Beta in your network and you are cold (warmth 10): have a coffee with Xavier to keep the bridge open"}}},
		{"warm bridge", 70, nil},
	}
	for _, tt := range tests {
		// Xavier alone is cold, so the only broker risk is his; nobody
		// is reached through one person since everyone is warm or ties
		// to several warm people.
		got := ReachRisks(NewTieGraph(bridgeNetwork(tt.warmth)), nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
