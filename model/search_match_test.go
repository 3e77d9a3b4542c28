package model

import (
	"reflect"
	"testing"
	"time"
)

func TestSearchMatcherMatches(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		query   string
		columns []string
		want    bool
	}{
		{"mig", []string{"The ledger migration"}, true},
		{"MIGRA", []string{"the ledger-migration"}, true},
		{"igra", []string{"the ledger migration"}, false}, // a word's start only
		{"zoe", []string{"Shout-out to Zoë"}, true},       // accents ignored
		{"ZOË", []string{"shout-out to zoe"}, true},
		{"sorensen", []string{"Helena Sørensen"}, false}, // ø is a letter of its own, as in the index
		{"ledger mig", []string{"ledger", "migration"}, true},
		{"ledger mig", []string{"ledger"}, false},
		{`"ledger migration"`, []string{"the ledger migration plan"}, true},
		{`"ledger migration"`, []string{"the ledger, migration"}, true}, // punctuation is no word
		{`"ledger migration"`, []string{"the ledger and migration"}, false},
		{`"ledger migra"`, []string{"the ledger migration"}, false}, // a phrase's words are whole
		{`"ledger migration"`, []string{"ledger", "migration"}, false},
		{"o'brien", []string{"Met O'Brien"}, true},
		{"q3", []string{"the Q3 plan"}, true},
		{"stance:skeptic", []string{"anything"}, false}, // no words: nothing to match
	} {
		m := NewSearchMatcher(ParseSearch(tc.query, now))
		if got := m.Matches(tc.columns...); got != tc.want {
			t.Errorf("%q matches %q = %v, want %v", tc.query, tc.columns, got, tc.want)
		}
	}
}

func TestSearchMatcherExact(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	for query, want := range map[string]bool{
		"the":          true,
		`"q3 plan" mi`: true,
		"Zoë":          true, // folds to plain letters
		"sø":           false,
		"东京":           false,
		"kind:coffee":  false,
	} {
		if got := NewSearchMatcher(ParseSearch(query, now)).Exact(); got != want {
			t.Errorf("Exact(%q) = %v, want %v", query, got, want)
		}
	}
}

func TestSearchMatcherMark(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		query, text string
		around      int
		want        []Span
	}{
		{"zoe ledg", "Shout-out to Zoë for the ledger-migration", 0, []Span{
			{Text: "Shout-out to "}, {Text: "Zoë", Match: true}, {Text: " for the "},
			{Text: "ledger", Match: true}, {Text: "-migration"}}},
		{`"the plan"`, "The plan, the plan!", 0, []Span{
			{Text: "The plan", Match: true}, {Text: ", "}, {Text: "the plan", Match: true}, {Text: "!"}}},
		{"nothing", "The plan", 0, nil},
		{"eleven", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen", 4, []Span{
			{Text: "…ten "}, {Text: "eleven", Match: true}, {Text: " twelve thirteen…"}}},
		{"one", "one two three four five", 3, []Span{{Text: "one", Match: true}, {Text: " two three…"}}},
		{"five", "one two three four five", 3, []Span{{Text: "…three four "}, {Text: "five", Match: true}}},
	} {
		m := NewSearchMatcher(ParseSearch(tc.query, now))
		if got := m.Mark(tc.text, tc.around); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Mark(%q, %q, %d) = %+v, want %+v", tc.query, tc.text, tc.around, got, tc.want)
		}
	}
}
