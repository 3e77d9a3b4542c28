package storage

import (
	"strings"
	"testing"

	"rapport/model"
)

// TestTodayCongratulatesAndFlagsWhoLeft: Ngozi, a champion at Northwind
// (where the user's manager and peer work), is found by a re-import to be
// Director at Fabrikam: Today suggests congratulating her first, with a
// fresh look at her influence, and flags that a champion left. A month
// later the congratulation is gone and the risk stays; Kofi, who moved
// between two other companies, is congratulated but is no risk.
func TestTodayCongratulatesAndFlagsWhoLeft(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	add := func(name, org string, rel model.Relation, st model.Stance) model.Person {
		p := model.NewPerson(name)
		p.Title, p.Organisation, p.Relation, p.Stance, p.Influence = "Lead", org, rel, st, 4
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	add("Ana Boss", "Northwind", model.RelationManager, model.StanceSupporter)
	add("Pat Peer", "Northwind", model.RelationPeer, model.StanceNeutral)
	ngozi := add("Ngozi Eze", "Northwind", model.RelationMentor, model.StanceChampion)
	kofi := add("Kofi Mensah", "Contoso", model.RelationExternal, model.StanceChampion)
	file := []model.ImportedPerson{
		{Person: model.Person{Name: "Ngozi Eze", Title: "Director", Organisation: "Fabrikam"}, Line: 2},
		{Person: model.Person{Name: "Kofi Mensah", Title: "Lead", Organisation: "Initech"}, Line: 3},
	}
	existing, err := s.People(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := s.ImportPeople(ctx, model.FormatLinkedIn, model.MatchJobChanges(model.MatchImport(file, existing), existing)); err != nil {
		t.Fatal(err)
	}

	today, err := s.Today(ctx, testNow.AddDate(0, 0, 2))
	if err != nil {
		t.Fatal(err)
	}
	if len(today.ReachOuts) < 2 || today.ReachOuts[0].PersonID != kofi.ID || today.ReachOuts[1].PersonID != ngozi.ID {
		t.Fatalf("reach-outs = %+v; want Kofi and Ngozi first (same day, the later change first)", today.ReachOuts)
	}
	if got, want := today.ReachOuts[1].Reasons[0], "new role: Director at Fabrikam, congratulate them (a deposit)"; got != want {
		t.Errorf("Ngozi's first reason = %q, want %q", got, want)
	}
	if got := today.ReachOuts[1].Reasons[1]; !strings.HasPrefix(got, "influence 4") {
		t.Errorf("Ngozi's second reason = %q, want a fresh look at her influence", got)
	}
	left := func(td model.Today) []model.Risk {
		var out []model.Risk
		for _, r := range td.Risks {
			if r.Kind == model.RiskBackerLeft {
				out = append(out, r)
			}
		}
		return out
	}
	risks := left(today)
	if len(risks) != 1 || risks[0].PersonIDs[0] != ngozi.ID || !strings.Contains(risks[0].Text, "left Northwind for Fabrikam") {
		t.Errorf("risks = %+v; want Ngozi's leaving Northwind alone", risks)
	}

	later, err := s.Today(ctx, testNow.AddDate(0, 0, model.JobChangeDays+2))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range later.ReachOuts {
		if strings.HasPrefix(r.Reasons[0], "new role") {
			t.Errorf("a month later still suggested: %+v", r)
		}
	}
	if len(left(later)) != 1 {
		t.Errorf("a month later the risk is gone: %+v", later.Risks)
	}
}
