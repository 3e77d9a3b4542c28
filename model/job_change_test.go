package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDetectJobChange(t *testing.T) {
	ngozi := Person{ID: 7, Name: "Ngozi Eze", Title: "Lead", Organisation: "Northwind"}
	tests := []struct {
		name     string
		existing Person
		in       Person
		want     JobChange
		ok       bool
	}{
		{"new title and company", ngozi, Person{Title: "Director", Organisation: "Fabrikam"},
			JobChange{"Lead", "Northwind", "Director", "Fabrikam"}, true},
		{"promoted in place", ngozi, Person{Title: "Director", Organisation: "Northwind"},
			JobChange{"Lead", "Northwind", "Director", "Northwind"}, true},
		{"company only; the file has no title", ngozi, Person{Organisation: "Fabrikam"},
			JobChange{"Lead", "Northwind", "Lead", "Fabrikam"}, true},
		{"same, other case and spaces", ngozi, Person{Title: " lead", Organisation: "NORTHWIND"}, JobChange{}, false},
		{"the file has nothing", ngozi, Person{}, JobChange{}, false},
		{"Rapport knew no role: a merge fills it", Person{Name: "Ngozi Eze"}, Person{Title: "Director", Organisation: "Fabrikam"}, JobChange{}, false},
	}
	for _, tt := range tests {
		got, ok := DetectJobChange(tt.existing, tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: DetectJobChange = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
	c := JobChange{"Lead", "Northwind", "Director", "Fabrikam"}
	if got, want := c.Text(), "now Director at Fabrikam, was Lead at Northwind"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if !c.Moved() || (JobChange{"Lead", "Northwind", "Director", "northwind"}).Moved() {
		t.Error("Moved is wrong")
	}
}

// TestMatchJobChanges: Ngozi moved company, so only her name matches her;
// Ama's email matches and her title changed; Kofi has a namesake at
// another company twice over, so nobody is matched by name alone; Efua's
// line has no company.
func TestMatchJobChanges(t *testing.T) {
	existing := []PersonSummary{
		{Person: Person{ID: 1, Name: "Ngozi Eze", Title: "Lead", Organisation: "Northwind"}},
		{Person: Person{ID: 2, Name: "Ama Owusu", Title: "Engineer", Organisation: "Northwind", Email: "ama@example.com"}},
		{Person: Person{ID: 3, Name: "Kofi Mensah", Organisation: "Northwind"}},
		{Person: Person{ID: 4, Name: "Kofi Mensah", Organisation: "Contoso"}},
		{Person: Person{ID: 5, Name: "Efua Boateng", Organisation: "Northwind"}},
	}
	file := []ImportedPerson{
		{Person: Person{Name: "Ngozi Eze", Title: "Director", Organisation: "Fabrikam"}, Line: 2},
		{Person: Person{Name: "Ama Owusu", Title: "Staff Engineer", Organisation: "Northwind", Email: "ama@example.com"}, Line: 3},
		{Person: Person{Name: "Kofi Mensah", Organisation: "Fabrikam"}, Line: 4},
		{Person: Person{Name: "Efua Boateng"}, Line: 5},
	}
	got := MatchJobChanges(MatchImport(file, existing), existing)
	want := []struct {
		id     int64
		by     string
		action ImportAction
		job    JobChange
	}{
		{1, MatchByNameMoved, ImportMerge, JobChange{"Lead", "Northwind", "Director", "Fabrikam"}},
		{2, MatchByEmail, ImportMerge, JobChange{"Engineer", "Northwind", "Staff Engineer", "Northwind"}},
		{0, "", ImportAdd, JobChange{}},
		{0, "", ImportAdd, JobChange{}},
	}
	for i, w := range want {
		g := got[i]
		if g.ExistingID != w.id || g.By != w.by || g.Action != w.action || g.Job != w.job {
			t.Errorf("line %d: got #%d by %q %s %+v; want #%d by %q %s %+v", file[i].Line,
				g.ExistingID, g.By, g.Action, g.Job, w.id, w.by, w.action, w.job)
		}
	}
}

func TestHomeOrganisation(t *testing.T) {
	people := []Person{
		{Relation: RelationManager, Organisation: "Northwind Labs"},
		{Relation: RelationPeer, Organisation: "northwind labs"},
		{Relation: RelationClient, Organisation: "Contoso"},
		{Relation: RelationClient, Organisation: "Contoso"},
		{Relation: RelationClient, Organisation: "Contoso"},
		{Relation: RelationTeamMate, Organisation: "Fabrikam"},
	}
	if got := HomeOrganisation(people); got != "Northwind Labs" {
		t.Errorf("HomeOrganisation = %q, want Northwind Labs (clients do not count)", got)
	}
	if got := HomeOrganisation(nil); got != "" {
		t.Errorf("HomeOrganisation(nobody) = %q", got)
	}
}

func TestRecentJobChangeAndLeftHome(t *testing.T) {
	now := day(12, 7)
	changes := []RoleChange{
		{ID: 1, At: now.AddDate(0, 0, -40), WasOrganisation: "Northwind", Organisation: "Contoso"},
		{ID: 2, At: now.AddDate(0, 0, -3), WasOrganisation: "Contoso", Organisation: "Fabrikam"},
	}
	got, ok := RecentJobChange(changes, now)
	if !ok || got.ID != 2 {
		t.Errorf("RecentJobChange = #%d, %v; want #2", got.ID, ok)
	}
	if _, ok := RecentJobChange(changes[:1], now); ok {
		t.Error("a change 40 days ago counts as recent")
	}
	if !changes[0].LeftHome("northwind") || changes[1].LeftHome("Northwind") || changes[0].LeftHome("") {
		t.Error("LeftHome is wrong")
	}
	_ = time.Hour
}

// TestPutJobNewsFirst: Ngozi's fresh change puts her first, her own
// reasons after the congratulation (without repeating her influence);
// Kofi's change 40 days ago suggests nothing; the limit holds.
func TestPutJobNewsFirst(t *testing.T) {
	now := day(12, 7)
	reach := []ReachOut{
		{PersonID: 1, Score: 9, Reasons: []string{"Influence 4", "you owe them a promise"}},
		{PersonID: 2, Score: 5, Reasons: []string{"Influence 2"}},
		{PersonID: 3, Score: 3},
	}
	news := []JobNews{
		{Person: Person{ID: 2, Influence: 2}, Change: RoleChange{At: now.AddDate(0, 0, -2), Title: "Director", Organisation: "Fabrikam"}},
		{Person: Person{ID: 3, Influence: 3}, Change: RoleChange{At: now.AddDate(0, 0, -40), Title: "Lead", Organisation: "Initech"}},
	}
	got := PutJobNewsFirst(reach, news, now, 2)
	if len(got) != 2 || got[0].PersonID != 2 || got[1].PersonID != 1 || got[0].Score <= got[1].Score {
		t.Fatalf("PutJobNewsFirst = %+v; want Ngozi (2) first, above person 1, and 2 suggestions", got)
	}
	want := []string{"new role: Director at Fabrikam, congratulate them (a deposit)", "influence 2: still right in the new role?"}
	if !slices.Equal(got[0].Reasons, want) {
		t.Errorf("reasons = %q, want %q", got[0].Reasons, want)
	}
}

// TestBackerLeftRisks: a champion who left home and a panel member who
// left home are risks; a supporter off every panel who left is not; nor
// is a champion who moved between two other companies.
func TestBackerLeftRisks(t *testing.T) {
	left := RoleChange{WasOrganisation: "Northwind", Organisation: "Fabrikam"}
	news := []JobNews{
		{Person: Person{ID: 1, Name: "Ngozi Eze", Stance: StanceChampion}, Change: left},
		{Person: Person{ID: 2, Name: "Ben Ruiz", Stance: StanceNeutral}, Change: left, Panels: []string{"Staff engineer"}},
		{Person: Person{ID: 3, Name: "Cleo Marsh", Stance: StanceSupporter}, Change: left},
		{Person: Person{ID: 4, Name: "Kofi Mensah", Stance: StanceChampion}, Change: RoleChange{WasOrganisation: "Contoso", Organisation: "Initech"}},
	}
	got := BackerLeftRisks(news, "Northwind")
	if len(got) != 2 || got[0].PersonIDs[0] != 1 || got[1].PersonIDs[0] != 2 {
		t.Fatalf("risks = %+v; want Ngozi and Ben", got)
	}
	if want := "Ben Ruiz, on the Staff engineer panel, left Northwind for Fabrikam."; !strings.HasPrefix(got[1].Text, want) {
		t.Errorf("Ben's risk = %q, want it to start %q", got[1].Text, want)
	}
}
