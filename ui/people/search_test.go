package people_test

import (
	"slices"
	"testing"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

// TestSearchTakesTheSearchWords: the People search answers the words of
// the Ctrl+K search (stance:, influence:, team:, phrases) through the
// store's index, in the list's order, and plain names as before.
func TestSearchTakesTheSearchWords(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director, Platform", "Ben Okafor, Engineer, Payments", "Carl Xu, PM, Payments")
	ben, err := st.Person(t.Context(), 2)
	if err != nil {
		t.Fatal(err)
	}
	ben.Stance, ben.Influence = model.StanceSkeptic, 4
	if err := st.UpdatePerson(t.Context(), &ben); err != nil {
		t.Fatal(err)
	}
	_, _, root := show(t, st, st)
	search := kittest.Entry(root, "Search people (Ctrl+F)")
	tests := []struct {
		query string
		want  []string
	}{
		{"team:payments", []string{"Ben Okafor", "Carl Xu"}},
		{"stance:skeptic", []string{"Ben Okafor"}},
		{"influence:4+ team:payments", []string{"Ben Okafor"}},
		{"team:platform", []string{"Dana Reyes"}},
		{"stance:champion", nil},
		{"dana", []string{"Dana Reyes"}},
		{"", []string{"Ben Okafor", "Carl Xu", "Dana Reyes"}},
	}
	for _, tt := range tests {
		search.SetText(tt.query)
		if got := shownNames(t, root); !slices.Equal(got, tt.want) {
			t.Errorf("%q shows %q, want %q", tt.query, got, tt.want)
		}
	}
}
