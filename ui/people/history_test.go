package people_test

import (
	"testing"
	"time"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// TestPageShowsTheStanceHistory: Dana, added as unknown on 1 Oct, edited
// to a skeptic with influence 4 on 2 Nov and made a supporter in the
// weekly review on 20 Nov, and found by a re-import to have moved from
// Northwind to Fabrikam, shows each change with its day and cause,
// newest first, and her old role.
func TestPageShowsTheStanceHistory(t *testing.T) {
	ctx := t.Context()
	at := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	st := storetest.Open(t, func() time.Time { return at })
	dana := storetest.Person(t, st, "Dana Reyes", func(p *model.Person) { p.Title, p.Organisation = "Lead", "Northwind" })
	at = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	dana.Stance, dana.Influence = model.StanceSkeptic, 4
	if err := st.UpdatePerson(ctx, &dana); err != nil {
		t.Fatal(err)
	}
	at = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	if _, err := st.SetStance(ctx, dana.ID, model.StanceSupporter); err != nil {
		t.Fatal(err)
	}
	existing, err := st.People(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	file := []model.ImportedPerson{{Person: model.Person{Name: "Dana Reyes", Title: "Director", Organisation: "Fabrikam"}, Line: 2}}
	if _, _, _, err := st.ImportPeople(ctx, model.FormatLinkedIn, model.MatchJobChanges(model.MatchImport(file, existing), existing)); err != nil {
		t.Fatal(err)
	}

	s, _, root := show(t, st, st)
	s.Open(dana.ID, false)
	texts := kittest.Texts(root)
	want := []string{"Stance and influence over time",
		"since 20 Nov 2026 · weekly review", "from 2 Nov 2026 · edited", "from 1 Oct 2026 · added",
		"Role: now Director at Fabrikam, was Lead at Northwind · 20 Nov 2026 · contacts import"}
	last := -1
	for _, w := range want {
		i := indexOf(texts, w)
		if i < 0 {
			t.Errorf("the page does not show %q; it shows %q", w, texts)
		} else if i < last {
			t.Errorf("%q comes before the line above it", w)
		}
		last = max(last, i)
	}
}

func indexOf(texts []string, s string) int {
	for i, t := range texts {
		if t == s {
			return i
		}
	}
	return -1
}
