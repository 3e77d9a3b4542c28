package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// pathPerson is an active person of a hand-made graph.
func pathPerson(id int64, name string, warmth int, stance Stance) NetworkPerson {
	return NetworkPerson{Person: Person{ID: id, Name: name, Influence: 3, Stance: stance}, Warmth: warmth}
}

// tie is a tie of a hand-made graph.
func tie(from, to int64, kind TieKind) Tie { return Tie{FromID: from, ToID: to, Kind: kind} }

// pathLines writes paths as "You → Daniel Okafor → Nadia Haddad 0.72".
func pathLines(paths []WarmPath) []string {
	var out []string
	for _, p := range paths {
		out = append(out, fmt.Sprintf("%s %.4g", strings.Join(p.Names(), " → "), p.Strength))
	}
	return out
}

// nadia is the target of the path tests: influential, never contacted.
var nadia = NetworkPerson{Person: Person{ID: 1, Name: "Nadia Haddad", Influence: 5, Stance: StanceUnknown}}

func TestWarmPathsTieKinds(t *testing.T) {
	tests := []struct {
		name    string
		via     NetworkPerson
		tie     Tie
		want    string // the path and its strength, worked out by hand
		summary string
		reasons []string
	}{
		// warmth 0.8 × reports to 0.9 × supporter 1
		{"reports to", pathPerson(2, "Daniel Okafor", 80, StanceSupporter), tie(2, 1, TieReportsTo),
			"You → Daniel Okafor → Nadia Haddad 0.72", "through Daniel (warm, reports to Nadia)",
			[]string{"strong: you are warm with Daniel (warmth 80)", "strong: Daniel reports to Nadia and backs you"}},
		// warmth 0.9 × managed by 0.9 × champion 1
		{"manages", pathPerson(2, "Daniel Okafor", 90, StanceChampion), tie(1, 2, TieReportsTo),
			"You → Daniel Okafor → Nadia Haddad 0.81", "through Daniel (warm, manages Nadia)",
			[]string{"strong: you are warm with Daniel (warmth 90)", "strong: Daniel manages Nadia and is your champion"}},
		// warmth 0.5 × close 1 × neutral 0.8
		{"close to", pathPerson(3, "Cleo Park", 50, StanceNeutral), tie(1, 3, TieCloseTo),
			"You → Cleo Park → Nadia Haddad 0.4", "through Cleo (warm, close to Nadia)",
			[]string{"strong: you are warm with Cleo (warmth 50)", "strong: Cleo is close to Nadia and is neutral"}},
		// warmth 1 × influences 0.8 × unknown 0.8
		{"influences", pathPerson(4, "Ivan Petrov", 100, StanceUnknown), tie(4, 1, TieInfluences),
			"You → Ivan Petrov → Nadia Haddad 0.64", "through Ivan (warm, influences Nadia)",
			[]string{"strong: you are warm with Ivan (warmth 100)", "strong: Ivan influences Nadia"}},
		// warmth 0.3 × influenced 0.6 × skeptic 0.5
		{"listens to, skeptic", pathPerson(5, "Lena Berg", 30, StanceSkeptic), tie(1, 5, TieInfluences),
			"You → Lena Berg → Nadia Haddad 0.09", "through Lena (cooling, listens to Nadia)",
			[]string{"weak: you are cooling with Lena (warmth 30)", "weak: Lena listens to Nadia and is a skeptic"}},
	}
	for _, tt := range tests {
		g := NewTieGraph(Network{People: []NetworkPerson{nadia, tt.via}, Ties: []Tie{tt.tie}})
		paths := g.WarmPaths(1)
		if got := pathLines(paths); !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
			continue
		}
		if got := paths[0].Summary(); got != tt.summary {
			t.Errorf("%s: summary %q, want %q", tt.name, got, tt.summary)
		}
		var reasons []string
		for _, s := range paths[0].Steps {
			reasons = append(reasons, s.Reason)
		}
		if !reflect.DeepEqual(reasons, tt.reasons) {
			t.Errorf("%s: reasons %q, want %q", tt.name, reasons, tt.reasons)
		}
	}
}

func TestWarmPathsExcluded(t *testing.T) {
	daniel := pathPerson(2, "Daniel Okafor", 80, StanceSupporter)
	helena := pathPerson(3, "Helena Sørensen", 0, StanceNeutral)
	archived := func(p NetworkPerson) NetworkPerson { p.Person.ArchivedAt = riskNow; return p }
	tests := []struct {
		name   string
		people []NetworkPerson
		ties   []Tie
		want   []string
	}{
		{"at odds, besides reporting", []NetworkPerson{nadia, daniel},
			[]Tie{tie(2, 1, TieReportsTo), tie(1, 2, TieAtOddsWith)}, nil},
		{"at odds with the next person", []NetworkPerson{nadia, daniel, helena},
			[]Tie{tie(2, 3, TieCloseTo), tie(3, 2, TieAtOddsWith), tie(3, 1, TieReportsTo)}, nil},
		{"a blocker never introduces", []NetworkPerson{nadia, pathPerson(2, "Daniel Okafor", 80, StanceBlocker)},
			[]Tie{tie(2, 1, TieReportsTo)}, nil},
		{"someone never contacted is no first step", []NetworkPerson{nadia, pathPerson(2, "Daniel Okafor", 0, StanceSupporter)},
			[]Tie{tie(2, 1, TieReportsTo)}, nil},
		{"archived first person", []NetworkPerson{nadia, archived(daniel)}, []Tie{tie(2, 1, TieReportsTo)}, nil},
		{"archived second person", []NetworkPerson{nadia, daniel, archived(helena)},
			[]Tie{tie(2, 3, TieReportsTo), tie(3, 1, TieReportsTo)}, nil},
		{"archived target", []NetworkPerson{archived(nadia), daniel}, []Tie{tie(2, 1, TieReportsTo)}, nil},
		// 0.8 × 0.9 × 1 × 0.9 × 0.8, × 0.8 for the second ask
		{"two people between", []NetworkPerson{nadia, daniel, helena},
			[]Tie{tie(2, 3, TieReportsTo), tie(3, 1, TieReportsTo)},
			[]string{"You → Daniel Okafor → Helena Sørensen → Nadia Haddad 0.4147"}},
	}
	for _, tt := range tests {
		g := NewTieGraph(Network{People: tt.people, Ties: tt.ties})
		if got := pathLines(g.WarmPaths(1)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWarmPathsHopLimit(t *testing.T) {
	// You → Ana → Ben → Cai → Dee: Cai is 3 steps away, Dee 4.
	g := NewTieGraph(Network{
		People: []NetworkPerson{pathPerson(1, "Ana", 100, StanceChampion), pathPerson(2, "Ben", 0, StanceChampion),
			pathPerson(3, "Cai", 0, StanceChampion), pathPerson(4, "Dee", 0, StanceChampion)},
		Ties: []Tie{tie(1, 2, TieCloseTo), tie(2, 3, TieCloseTo), tie(3, 4, TieCloseTo)},
	})
	if got, want := pathLines(g.WarmPaths(3)), []string{"You → Ana → Ben → Cai 0.8"}; !reflect.DeepEqual(got, want) {
		t.Errorf("3 steps: %q, want %q", got, want)
	}
	if got := g.WarmPaths(4); len(got) != 0 {
		t.Errorf("4 steps: %q, want none", pathLines(got))
	}
}

func TestWarmPathsOrder(t *testing.T) {
	// Daniel reaches Nadia directly (0.8 × 0.6 × 1 = 0.48, he listens to
	// her) and through Helena (0.8 × 0.9 × 1 × 0.9 × 1 × 0.8 = 0.5184):
	// his best path only is kept. Cleo: 0.5 × 1 × 1 = 0.5. Ivan: 0.5 × 1
	// × 1 = 0.5, after Cleo by name. Lena: 0.2 × 1 = 0.2, the fourth, left
	// out.
	g := NewTieGraph(Network{
		People: []NetworkPerson{nadia, pathPerson(2, "Daniel Okafor", 80, StanceSupporter),
			pathPerson(3, "Helena Sørensen", 0, StanceChampion), pathPerson(4, "Ivan Petrov", 50, StanceChampion),
			pathPerson(5, "Cleo Park", 50, StanceChampion), pathPerson(6, "Lena Berg", 20, StanceChampion)},
		Ties: []Tie{tie(1, 2, TieInfluences), tie(2, 3, TieReportsTo), tie(3, 1, TieReportsTo),
			tie(4, 1, TieCloseTo), tie(1, 5, TieCloseTo), tie(6, 1, TieCloseTo)},
	})
	want := []string{
		"You → Daniel Okafor → Helena Sørensen → Nadia Haddad 0.5184",
		"You → Cleo Park → Nadia Haddad 0.5",
		"You → Ivan Petrov → Nadia Haddad 0.5",
	}
	if got := pathLines(g.WarmPaths(1)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := g.WarmPaths(1)[0].Summary(),
		"through Daniel (warm, reports to Helena) and Helena (reports to Nadia)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// TestWarmPathsDirect checks that someone the user is warm with is reached
// directly first, the introductions after; someone cooling is not.
func TestWarmPathsDirect(t *testing.T) {
	people := []NetworkPerson{pathPerson(1, "Ana", 90, StanceChampion), pathPerson(2, "Ben", 100, StanceChampion),
		pathPerson(3, "Cai", 20, StanceChampion)}
	g := NewTieGraph(Network{People: people, Ties: []Tie{tie(2, 1, TieCloseTo), tie(2, 3, TieCloseTo)}})
	paths := g.WarmPaths(1)
	// Ana: warmth 0.9 directly, first though weaker than through Ben
	// (1 × close 1 × champion 1); through Cai 0.2 × 1 × 1 × 0.8 (a
	// further person to ask).
	want := []string{"You → Ana 0.9", "You → Ben → Ana 1", "You → Cai → Ben → Ana 0.16"}
	if got := pathLines(paths); !reflect.DeepEqual(got, want) {
		t.Errorf("paths to Ana: %q, want %q", got, want)
	}
	if got, want := paths[0].Summary(), "directly (warm, warmth 90)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	want = []string{"You → Ben → Cai 1", "You → Ana → Ben → Cai 0.72"}
	if got := pathLines(g.WarmPaths(3)); !reflect.DeepEqual(got, want) {
		t.Errorf("paths to Cai, cooling: %q, want %q: no direct way", got, want)
	}
}
