package model

import (
	"reflect"
	"testing"
	"time"
)

func TestParseSearch(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC) // a Monday
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text string
		want SearchQuery
	}{
		{"", SearchQuery{}},
		{"   ", SearchQuery{}},
		{"reorg Helena", SearchQuery{Words: []string{"reorg", "Helena"}}},
		{`"migration plan" broker`, SearchQuery{Words: []string{"broker"}, Phrases: []string{"migration plan"}}},
		{`"migration   plan`, SearchQuery{Phrases: []string{"migration plan"}}},
		{`""`, SearchQuery{}},
		{"stance:skeptic", SearchQuery{Stances: []Stance{StanceSkeptic}}},
		{"stance:Skeptic stance:blocker", SearchQuery{Stances: []Stance{StanceSkeptic, StanceBlocker}}},
		{"stance:grumpy", SearchQuery{Words: []string{"stance", "grumpy"}}},
		{"influence:4+", SearchQuery{InfluenceMin: 4}},
		{"influence:2-", SearchQuery{InfluenceMax: 2}},
		{"influence:3", SearchQuery{InfluenceMin: 3, InfluenceMax: 3}},
		{"influence:9", SearchQuery{Words: []string{"influence", "9"}}},
		{"influence:high", SearchQuery{Words: []string{"influence", "high"}}},
		{"team:Payments", SearchQuery{Teams: []string{"payments"}}},
		{`team:"Core Platform" x`, SearchQuery{Words: []string{"x"}, Teams: []string{"core platform"}}},
		{"team:", SearchQuery{Words: []string{"team"}}},
		{"kind:coffee", SearchQuery{InteractionKinds: []InteractionKind{KindCoffee}}},
		{"kind:one-on-one", SearchQuery{InteractionKinds: []InteractionKind{KindOneOnOne}}},
		{"kind:Lunch", SearchQuery{InteractionKinds: []InteractionKind{KindLunch}}},
		{"kind:brunch", SearchQuery{Words: []string{"kind", "brunch"}}},
		{"is:person", SearchQuery{Kinds: []HitKind{HitPerson}}},
		{"is:people is:promise", SearchQuery{Kinds: []HitKind{HitPerson, HitPromise}}},
		{"is:interaction is:meeting is:plan is:opportunity", SearchQuery{Kinds: []HitKind{HitInteraction, HitMeeting, HitPlan, HitOpportunity}}},
		{"is:overdue", SearchQuery{Overdue: true}},
		{"is:frame", SearchQuery{Kinds: []HitKind{HitDisclosure}, Frame: true}},
		{"frame:yes", SearchQuery{Frame: true}},
		{"frame:maybe", SearchQuery{Words: []string{"frame", "maybe"}}},
		{"is:cat", SearchQuery{Words: []string{"is", "cat"}}},
		{"IS:PERSON", SearchQuery{Kinds: []HitKind{HitPerson}}},
		{"after:2026-11-01", SearchQuery{After: day(2026, 11, 1)}},
		{"before:yesterday", SearchQuery{Before: day(2026, 12, 6)}},
		{"after:last week coffee", SearchQuery{Words: []string{"coffee"}, After: day(2026, 11, 30)}},
		{"after:3 days ago", SearchQuery{After: day(2026, 12, 4)}},
		{"before:fri notes", SearchQuery{Words: []string{"notes"}, Before: day(2026, 12, 4)}},
		{`after:"last week"`, SearchQuery{After: day(2026, 11, 30)}},
		{"before:soon", SearchQuery{Words: []string{"before", "soon"}}},
		{"foo:bar", SearchQuery{Words: []string{"foo", "bar"}}},
		{":", SearchQuery{}},
		{"zoë is:person stance:champion", SearchQuery{Words: []string{"zoë"}, Kinds: []HitKind{HitPerson}, Stances: []Stance{StanceChampion}}},
	}
	for _, tt := range tests {
		if got := ParseSearch(tt.text, now); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSearch(%q) =\n %+v, want\n %+v", tt.text, got, tt.want)
		}
	}
}

func TestSearchQueryEmpty(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		text  string
		empty bool
	}{
		{"", true}, {"  ", true}, {`""`, true}, {":", true},
		{"x", false}, {`"a b"`, false}, {"is:person", false}, {"stance:skeptic", false}, {"before:today", false},
	}
	for _, tt := range tests {
		if got := ParseSearch(tt.text, now).Empty(); got != tt.empty {
			t.Errorf("ParseSearch(%q).Empty() = %v, want %v", tt.text, got, tt.empty)
		}
	}
}

func TestSearchQueryWants(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []HitKind
	}{
		{"x", []HitKind{HitPerson, HitInteraction, HitPromise, HitMeeting, HitPlan, HitOpportunity}},
		{"x frame:yes", HitKinds()},
		{"is:frame", []HitKind{HitDisclosure}},
		{"is:person is:frame", []HitKind{HitPerson, HitDisclosure}},
		{"is:promise", []HitKind{HitPromise}},
		{"is:overdue", []HitKind{HitPromise}},
		{"kind:coffee", []HitKind{HitInteraction, HitMeeting}},
		{"is:person kind:coffee", nil},
	}
	for _, tt := range tests {
		q := ParseSearch(tt.text, now)
		var got []HitKind
		for _, k := range HitKinds() {
			if q.Wants(k) {
				got = append(got, k)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSearch(%q) wants %v, want %v", tt.text, got, tt.want)
		}
	}
}
