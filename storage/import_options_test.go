package storage

import (
	"testing"

	"rapport/model"
)

// TestImportPeopleWithOptions: the preview's choices for everyone
// imported, applied to the matches, are stored by the one import: the
// company as the team where the file has none, and the cadence, marked
// set, so a person never contacted becomes overdue once it has passed
// since the import, and not before. Someone already known keeps theirs.
func TestImportPeopleWithOptions(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana Reyes")
	file := []model.ImportedPerson{
		imported(2, "Dana Reyes", ""),
		imported(3, "Ben Okafor", "Northwind"),
		{Line: 4, Person: model.Person{Name: "Cara Lind", Team: "Platform", Organisation: "Acme"}},
	}
	matches := model.MatchImport(file, allPeople(t, s))
	opts := model.ImportOptions{TeamFromOrganisation: true, CadenceDays: 90}
	added, merged, skipped, err := s.ImportPeople(ctx, model.FormatLinkedIn, opts.Apply(matches))
	if err != nil || added != 2 || merged != 1 || skipped != 0 {
		t.Fatalf("ImportPeople = %d, %d, %d, %v; want 2 added, 1 merged", added, merged, skipped, err)
	}
	type row struct {
		team    string
		cadence int
		set     bool
	}
	want := map[string]row{
		"Dana Reyes": {"", model.DefaultCadenceDays, false},
		"Ben Okafor": {"Northwind", 90, true},
		"Cara Lind":  {"Platform", 90, true},
	}
	for _, p := range allPeople(t, s) {
		if got := (row{p.Team, p.CadenceDays, p.CadenceSet}); got != want[p.Name] {
			t.Errorf("%s: stored %+v, want %+v", p.Name, got, want[p.Name])
		}
	}
	for _, tt := range []struct {
		days int
		want map[string]bool
	}{
		{90, map[string]bool{}},
		{91, map[string]bool{"Ben Okafor": true, "Cara Lind": true}},
	} {
		n, err := s.Network(ctx, testNow.AddDate(0, 0, tt.days))
		if err != nil {
			t.Fatal(err)
		}
		for _, np := range n.People {
			if np.Overdue != tt.want[np.Person.Name] {
				t.Errorf("%d days after the import: %s overdue %v, want %v", tt.days, np.Person.Name, np.Overdue, tt.want[np.Person.Name])
			}
		}
	}
	if p, _ := s.Person(ctx, dana.ID); p.CadenceSet {
		t.Error("the import set the cadence of someone already known")
	}
}

// TestTodayReachOutOverdueOnlyForACadenceSet: of two people added 100 days
// ago and never contacted, Today's reach-out list marks overdue the one
// whose cadence the user set, not the one on the default.
func TestTodayReachOutOverdueOnlyForACadenceSet(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	setClock(s, testNow.AddDate(0, 0, -100))
	set := model.NewPerson("Set Cadence")
	set.CadenceDays, set.CadenceSet = 14, true
	def := model.NewPerson("Default Cadence")
	for _, p := range []*model.Person{&set, &def} {
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	setClock(s, testNow)
	today, err := s.Today(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]bool{}
	for _, r := range today.ReachOuts {
		got[r.PersonID] = r.Overdue
	}
	if overdue, ok := got[set.ID]; !ok || !overdue {
		t.Errorf("the person with a cadence set: listed %v, overdue %v; want listed and overdue", ok, overdue)
	}
	if got[def.ID] {
		t.Error("the person on the default cadence, never contacted, is overdue")
	}
}
