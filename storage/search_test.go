package storage

import (
	"slices"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// searchFor searches the store for text (as typed, read at testNow) and
// returns the hits as "kind id" strings in display order.
func searchFor(tb testing.TB, s *Store, text string) []string {
	tb.Helper()
	res, err := s.Search(tb.Context(), model.ParseSearch(text, testNow), 200)
	if err != nil {
		tb.Fatalf("Search(%q): %v", text, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, hitKey(h))
	}
	return out
}

func hitKey(h model.SearchHit) string {
	if h.Kind == model.HitPlan {
		return string(h.Kind) + ":" + h.PlanPart + " " + itoa(h.ID)
	}
	return string(h.Kind) + " " + itoa(h.ID)
}

func itoa(n int64) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func mustInteraction(tb testing.TB, s *Store, summary, notes string, at time.Time, people ...int64) model.Interaction {
	tb.Helper()
	in := model.Interaction{Kind: model.KindCoffee, At: at, Summary: summary, Notes: notes, PersonIDs: people}
	if err := s.CreateInteraction(tb.Context(), &in); err != nil {
		tb.Fatalf("CreateInteraction: %v", err)
	}
	return in
}

func TestSearchFindsPeopleAndInteractions(t *testing.T) {
	s := mustOpen(t)
	zoe := mustCreatePerson(t, s, "Zoë Ångström")
	bob := mustCreatePerson(t, s, "Bob Reorganiser")
	in := mustInteraction(t, s, "Talked about the reorg", "Zoë thinks the migration plan slips", testNow.Add(-time.Hour), zoe.ID)
	tests := []struct {
		query string
		want  []string
	}{
		{"zoe", []string{"person " + itoa(zoe.ID), "interaction " + itoa(in.ID)}},
		{"REORG", []string{"person " + itoa(bob.ID), "interaction " + itoa(in.ID)}},
		{"migr", []string{"interaction " + itoa(in.ID)}},
		{`"migration plan"`, []string{"interaction " + itoa(in.ID)}},
		{`"plan migration"`, nil},
		{"zoe reorg", []string{"interaction " + itoa(in.ID)}},
		{"nothing", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := searchFor(t, s, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}
