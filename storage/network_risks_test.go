package storage

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// reachPeople adds Nadia (influence 5, never contacted), Helena (neutral,
// never contacted) and Daniel (a supporter, coffee yesterday): Daniel
// reports to Helena and Helena to Nadia.
func reachPeople(t *testing.T, s *Store) (nadia, helena, daniel model.Person) {
	t.Helper()
	ctx := context.Background()
	add := func(name string, influence int, stance model.Stance) model.Person {
		p := model.NewPerson(name)
		p.Influence, p.Stance = influence, stance
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nadia = add("Nadia Haddad", 5, model.StanceUnknown)
	helena = add("Helena Sørensen", 4, model.StanceNeutral)
	daniel = add("Daniel Okafor", 5, model.StanceSupporter)
	for _, tie := range []model.Tie{{FromID: daniel.ID, ToID: helena.ID, Kind: model.TieReportsTo},
		{FromID: helena.ID, ToID: nadia.ID, Kind: model.TieReportsTo}} {
		if err := s.CreateTie(ctx, &tie); err != nil {
			t.Fatal(err)
		}
	}
	in := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -1), PersonIDs: []int64{daniel.ID}}
	if err := s.CreateInteraction(ctx, &in); err != nil {
		t.Fatal(err)
	}
	return nadia, helena, daniel
}

func TestWarmPaths(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	nadia, _, daniel := reachPeople(t, s)
	paths, err := s.WarmPaths(ctx, nadia.ID, testNow)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paths {
		got = append(got, strings.Join(p.Names(), " → "))
	}
	if want := []string{"You → Daniel Okafor → Helena Sørensen → Nadia Haddad"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("paths %q, want %q", got, want)
	}
	if !paths[0].Steps[0].Strong {
		t.Errorf("first step %+v: want strong after yesterday's coffee", paths[0].Steps[0])
	}
	if err := s.ArchivePerson(ctx, daniel.ID); err != nil {
		t.Fatal(err)
	}
	if paths, err = s.WarmPaths(ctx, nadia.ID, testNow); err != nil || len(paths) != 0 {
		t.Errorf("with Daniel archived: %d paths, %v; want none", len(paths), err)
	}
}

func TestReachRisks(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	nadia, helena, daniel := reachPeople(t, s)
	role := model.Role{Title: "Engineering Manager", Horizon: model.HorizonNext}
	if err := s.CreateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPanelMember(ctx, model.PanelMember{RoleID: role.ID, PersonID: helena.ID, Part: model.PanelDecides}); err != nil {
		t.Fatal(err)
	}
	risks, err := s.ReachRisks(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Risk{
		{Kind: model.RiskPanelOneChampion, PersonIDs: []int64{helena.ID, daniel.ID},
			Text: "Helena Sørensen (Engineering Manager panel) hears for you only from Daniel Okafor: win over Nadia Haddad, who manages Helena, as a second voice"},
		{Kind: model.RiskOnlyThroughOne, PersonIDs: []int64{nadia.ID, daniel.ID},
			Text: "You reach Nadia Haddad (influence 5) only through Daniel Okafor: get to know Helena Sørensen, who reports to Nadia, for a second way in"},
		{Kind: model.RiskOnlyThroughOne, PersonIDs: []int64{helena.ID, daniel.ID},
			Text: "You reach Helena Sørensen (influence 4) only through Daniel Okafor: get to know Nadia Haddad, who manages Helena, for a second way in"},
	}
	// Helena bridges nobody: Daniel and Nadia are both of no team.
	if !reflect.DeepEqual(risks, want) {
		t.Fatalf("risks\n%+v\nwant\n%+v", risks, want)
	}
	role.ArchivedAt = testNow
	if err := s.UpdateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	if risks, err = s.ReachRisks(ctx, testNow); err != nil || len(risks) != 2 || risks[0].Kind != model.RiskOnlyThroughOne {
		t.Errorf("with the role archived: %+v, %v; want the panel risk gone", risks, err)
	}
}

// TestReachRisksAreKeptUntilAWrite checks that a second ask with nothing
// written gives the first answer without reading again, and that a write,
// or another day, has the risks read afresh.
func TestReachRisksAreKeptUntilAWrite(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	_, helena, _ := reachPeople(t, s)
	first, err := s.ReachRisks(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.ReachRisks(ctx, testNow.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.reachRisks.reads, 1; got != want || !reflect.DeepEqual(again, first) {
		t.Fatalf("asked twice with nothing written: %d reads, want %d; %+v, want %+v", got, want, again, first)
	}
	// Helena in the trash: the risks naming her go.
	if err := s.ArchivePerson(ctx, helena.ID); err != nil {
		t.Fatal(err)
	}
	after, err := s.ReachRisks(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := s.readReachRisks(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if s.reachRisks.reads != 2 || !reflect.DeepEqual(after, fresh) || reflect.DeepEqual(after, first) {
		t.Errorf("after a write: %d reads, want 2; %+v, want %+v", s.reachRisks.reads, after, fresh)
	}
	if _, err := s.ReachRisks(ctx, testNow.AddDate(0, 0, 1)); err != nil || s.reachRisks.reads != 3 {
		t.Errorf("the next day: %d reads, want 3 (%v)", s.reachRisks.reads, err)
	}
}
