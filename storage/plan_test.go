package storage

import (
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"rapport/model"
)

func TestLevelHistoryBackfilledByMigration(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rapport.db")
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	before := slices.IndexFunc(migrations, func(m migration) bool { return strings.HasSuffix(m.name, "0004_plan.sql") })
	if before < 0 {
		t.Fatal("no migration 0004_plan.sql")
	}

	// A database as the release before this migration left it, with a
	// requirement in it.
	db, err := sql.Open("sqlite3", dsn(path, "_foreign_keys=on&_journal_mode=WAL&_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{writing: new(sync.Mutex), db: db, Now: func() time.Time { return testNow }}
	if err := old.migrate(ctx, migrations[:before]); err != nil {
		db.Close()
		t.Fatalf("migrate to %s: %v", migrations[before-1].name, err)
	}
	created, updated := "2026-03-02T10:00:00.000Z", "2026-09-14T08:15:00.000Z"
	for _, q := range []string{
		`INSERT INTO role (id, title, horizon, created_at, updated_at) VALUES (1, 'EM', 'next', '` + created + `', '` + created + `')`,
		`INSERT INTO requirement (id, role_id, kind, title, target_level, current_level, importance, created_at, updated_at)
			VALUES (1, 1, 'skill', 'Hiring', 4, 2, 3, '` + created + `', '` + updated + `')`,
		`INSERT INTO requirement (id, role_id, kind, title, target_level, current_level, importance, created_at, updated_at)
			VALUES (2, 1, 'skill', 'Budgeting', 3, 0, 2, '` + created + `', '` + created + `')`,
		`INSERT INTO action (id, requirement_id, kind, title, status, created_at, updated_at)
			VALUES (1, 1, 'course', 'Interviewing', 'planned', '` + created + `', '` + created + `')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			db.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open (migrating): %v", err)
	}
	defer s.Close()
	got, err := s.LevelHistory(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.LevelChange{
		{RequirementID: 2, Level: 0, At: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
		{RequirementID: 1, Level: 2, At: time.Date(2026, 9, 14, 8, 15, 0, 0, time.UTC)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LevelHistory after migration = %+v, want %+v", got, want)
	}
	a, err := s.Action(ctx, 1)
	if err != nil || a.Evidence {
		t.Errorf("existing action after migration: evidence %v, %v; want false", a.Evidence, err)
	}
}

func TestSetAndRemovePanelMember(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	em := mustCreateRole(t, s, "Engineering Manager", true)
	dir := mustCreateRole(t, s, "Director", false)
	ana, ben, cy := mustCreatePerson(t, s, "ana Ortiz"), mustCreatePerson(t, s, "Ben Hale"), mustCreatePerson(t, s, "Cy Dune")

	for _, m := range []model.PanelMember{
		{RoleID: em.ID, PersonID: cy.ID, Part: model.PanelInfluences},
		{RoleID: em.ID, PersonID: ana.ID, Part: model.PanelInfluences},
		{RoleID: em.ID, PersonID: ben.ID, Part: model.PanelDecides},
		{RoleID: dir.ID, PersonID: ben.ID, Part: model.PanelInfluences},
		{RoleID: em.ID, PersonID: ana.ID, Part: model.PanelDecides}, // changes Ana's part
	} {
		if err := s.SetPanelMember(ctx, m); err != nil {
			t.Fatalf("SetPanelMember(%+v): %v", m, err)
		}
	}
	check := func(roleID int64, want []model.PanelMember) {
		t.Helper()
		got, err := s.PanelMembers(ctx, roleID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("PanelMembers(%d) = %+v, want %+v", roleID, got, want)
		}
	}
	check(em.ID, []model.PanelMember{ // by name, case-insensitive
		{RoleID: em.ID, PersonID: ana.ID, Part: model.PanelDecides},
		{RoleID: em.ID, PersonID: ben.ID, Part: model.PanelDecides},
		{RoleID: em.ID, PersonID: cy.ID, Part: model.PanelInfluences},
	})
	check(dir.ID, []model.PanelMember{{RoleID: dir.ID, PersonID: ben.ID, Part: model.PanelInfluences}})
	check(999, nil)

	for _, tt := range []struct {
		name     string
		m        model.PanelMember
		invalid  bool
		notFound string // what the error names, for an unknown reference
	}{
		{"unknown part", model.PanelMember{RoleID: em.ID, PersonID: cy.ID, Part: "vetoes"}, true, ""},
		{"no part", model.PanelMember{RoleID: em.ID, PersonID: cy.ID}, true, ""},
		{"no role", model.PanelMember{PersonID: cy.ID, Part: model.PanelDecides}, true, ""},
		{"unknown role", model.PanelMember{RoleID: 999, PersonID: cy.ID, Part: model.PanelDecides}, false, "role 999"},
		{"unknown person", model.PanelMember{RoleID: em.ID, PersonID: 999, Part: model.PanelDecides}, false, "person 999"},
	} {
		err := s.SetPanelMember(ctx, tt.m)
		switch {
		case err == nil:
			t.Errorf("%s: SetPanelMember succeeded, want an error", tt.name)
		case tt.invalid && !isValidationError(err):
			t.Errorf("%s: SetPanelMember = %v, want a validation error", tt.name, err)
		case !tt.invalid && (!errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), tt.notFound)):
			t.Errorf("%s: SetPanelMember = %v, want ErrNotFound naming %s", tt.name, err, tt.notFound)
		}
	}
	if got := countRows(t, s, "panel_member"); got != 4 {
		t.Errorf("%d panel rows after refused changes, want 4", got)
	}

	if err := s.RemovePanelMember(ctx, em.ID, ben.ID); err != nil {
		t.Fatalf("RemovePanelMember: %v", err)
	}
	if err := s.RemovePanelMember(ctx, em.ID, ben.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("RemovePanelMember(again) = %v, want ErrNotFound", err)
	}
	if err := s.RemovePanelMember(ctx, 999, ana.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("RemovePanelMember(unknown role) = %v, want ErrNotFound", err)
	}
	check(em.ID, []model.PanelMember{
		{RoleID: em.ID, PersonID: ana.ID, Part: model.PanelDecides},
		{RoleID: em.ID, PersonID: cy.ID, Part: model.PanelInfluences},
	})
	check(dir.ID, []model.PanelMember{{RoleID: dir.ID, PersonID: ben.ID, Part: model.PanelInfluences}})
}

func TestPanelMembershipGoesWithPersonAndRole(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	em := mustCreateRole(t, s, "Engineering Manager", true)
	dir := mustCreateRole(t, s, "Director", false)
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	for _, m := range []model.PanelMember{
		{RoleID: em.ID, PersonID: ana.ID, Part: model.PanelDecides},
		{RoleID: em.ID, PersonID: ben.ID, Part: model.PanelInfluences},
		{RoleID: dir.ID, PersonID: ana.ID, Part: model.PanelInfluences},
	} {
		if err := s.SetPanelMember(ctx, m); err != nil {
			t.Fatal(err)
		}
	}

	// Emptying the trash deletes the person outright.
	if err := s.ArchivePerson(ctx, ana.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := s.PanelMembers(ctx, em.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.PanelMember{{RoleID: em.ID, PersonID: ben.ID, Part: model.PanelInfluences}}; !reflect.DeepEqual(got, want) {
		t.Errorf("PanelMembers after deleting Ana = %+v, want %+v", got, want)
	}
	if got := countRows(t, s, "panel_member"); got != 1 {
		t.Errorf("%d panel rows after deleting Ana, want 1", got)
	}

	if _, err := s.db.ExecContext(ctx, `DELETE FROM role WHERE id = ?`, em.ID); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, "panel_member"); got != 0 {
		t.Errorf("%d panel rows after deleting the role, want 0", got)
	}
}

func TestPanelReadiness(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	role := mustCreateRole(t, s, "Engineering Manager", true)
	other := mustCreateRole(t, s, "Director", false)
	add := func(name string, stance model.Stance, influence int, part model.PanelPart) model.Person {
		t.Helper()
		p := model.NewPerson(name)
		p.Stance, p.Influence = stance, influence
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if err := s.SetPanelMember(ctx, model.PanelMember{RoleID: role.ID, PersonID: p.ID, Part: part}); err != nil {
			t.Fatal(err)
		}
		return p
	}
	dana := add("Dana Reyes", model.StanceSupporter, 5, model.PanelDecides) // a coffee this morning: backs
	eli := add("Eli Park", model.StanceChampion, 4, model.PanelInfluences)  // never contacted: cooling
	fay := add("Fay Liu", model.StanceNeutral, 3, model.PanelInfluences)    // only a lunch typed in ahead
	gus := add("Gus Moreau", model.StanceSkeptic, 4, model.PanelDecides)    // a coffee 94 days ago
	hal := add("Hal Berg", model.StanceChampion, 5, model.PanelDecides)     // in the trash: left out
	if err := s.SetPanelMember(ctx, model.PanelMember{RoleID: other.ID, PersonID: eli.ID, Part: model.PanelDecides}); err != nil {
		t.Fatal(err)
	}
	for _, i := range []model.Interaction{
		{Kind: model.KindCoffee, At: testNow.Add(-90 * time.Minute), PersonIDs: []int64{dana.ID}},
		{Kind: model.KindLunch, At: testNow.AddDate(0, 0, 3), PersonIDs: []int64{fay.ID}},
		{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -94), PersonIDs: []int64{gus.ID}},
		{Kind: model.KindCoffee, At: testNow.Add(-time.Hour), PersonIDs: []int64{hal.ID}},
	} {
		if err := s.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ArchivePerson(ctx, hal.ID); err != nil {
		t.Fatal(err)
	}

	got, err := s.Panel(ctx, role.ID, testNow)
	if err != nil {
		t.Fatalf("Panel: %v", err)
	}
	n, err := s.Network(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	warmth := map[int64]int{}
	for _, np := range n.People {
		warmth[np.Person.ID] = np.Warmth
	}

	type member struct {
		id     int64
		part   model.PanelPart
		status model.PanelStatus
		step   string
	}
	want := []member{
		{gus.ID, model.PanelDecides, model.PanelMayBlock, "Ask Gus for their concerns and act on one"},
		{fay.ID, model.PanelInfluences, model.PanelUndecided,
			"Book a conversation: ask Fay what they would need to see from you (never in touch)"},
		{eli.ID, model.PanelInfluences, model.PanelCooling, "Warm up: coffee with Eli (never in touch)"},
		{dana.ID, model.PanelDecides, model.PanelBacking, "Keep Dana informed: share progress on your top gap"},
	}
	var members []member
	for _, m := range got.Members {
		members = append(members, member{m.Person.ID, m.Part, m.Status, m.NextStep})
		if m.Warmth != warmth[m.Person.ID] {
			t.Errorf("%s: Warmth = %d, Network says %d", m.Person.Name, m.Warmth, warmth[m.Person.ID])
		}
		if m.Person.Name == "" || m.Person.CreatedAt.IsZero() {
			t.Errorf("member %d: person not read in full: %+v", m.Person.ID, m.Person)
		}
	}
	if !reflect.DeepEqual(members, want) {
		t.Errorf("Panel members =\n%v\nwant\n%v", members, want)
	}
	if w := warmth[dana.ID]; w < model.PanelWarmEnough {
		t.Errorf("Dana's warmth after a coffee this morning = %d, want at least %d", w, model.PanelWarmEnough)
	}
	if got.Total != 4 || got.Backing != 1 || !got.SingleChampion {
		t.Errorf("Total %d, Backing %d, SingleChampion %v; want 4, 1, true", got.Total, got.Backing, got.SingleChampion)
	}
	wantSummary := "1 of 4 backs you; 1 is cooling; 1 needs a conversation; 1 may block. All your support rests on Dana Reyes."
	if got.Summary != wantSummary {
		t.Errorf("Summary = %q, want %q", got.Summary, wantSummary)
	}

	// Three days on, Fay's lunch has happened.
	later, err := s.Panel(ctx, role.ID, testNow.AddDate(0, 0, 4))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range later.Members {
		if m.Person.ID == fay.ID && strings.Contains(m.NextStep, "never") {
			t.Errorf("Fay after the lunch: %q", m.NextStep)
		}
	}

	empty := mustCreateRole(t, s, "Staff Engineer", false)
	if got, err := s.Panel(ctx, empty.ID, testNow); err != nil || got.Total != 0 ||
		got.Summary != "Nobody on the panel yet: add who decides and who influences the decision." {
		t.Errorf("Panel(empty) = %+v, %v", got, err)
	}
	if _, err := s.Panel(ctx, 999, testNow); !errors.Is(err, ErrNotFound) {
		t.Errorf("Panel(999) = %v, want ErrNotFound", err)
	}
}

func TestAdvisedBy(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	em := mustCreateRole(t, s, "Engineering Manager", true)
	old := mustCreateRole(t, s, "Staff Engineer", false)
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	add := func(roleID int64, title string, advisors ...int64) model.Requirement {
		t.Helper()
		r := model.Requirement{RoleID: roleID, Kind: model.RequirementSkill, Title: title, TargetLevel: 4,
			CurrentLevel: 1, Importance: 3, AdvisorIDs: advisors}
		if err := s.CreateRequirement(ctx, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	hiring := add(em.ID, "Hiring", ana.ID, ben.ID)
	add(em.ID, "Budgeting", ben.ID)
	add(old.ID, "System design", ana.ID)
	coaching := add(em.ID, "Coaching", ana.ID)
	old.ArchivedAt = testNow
	if err := s.UpdateRole(ctx, &old); err != nil {
		t.Fatal(err)
	}

	got, err := s.AdvisedBy(ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Requirement{hiring, coaching}; !reflect.DeepEqual(got, want) {
		t.Errorf("AdvisedBy(Ana) = %+v, want %+v", got, want)
	}
	if topics, want := model.AskAbout(got, ana.ID), []string{"Coaching", "Hiring"}; !slices.Equal(topics, want) {
		t.Errorf("AskAbout(AdvisedBy(Ana)) = %q, want %q", topics, want)
	}
	if got, err := s.AdvisedBy(ctx, 999); err != nil || len(got) != 0 {
		t.Errorf("AdvisedBy(999) = %+v, %v; want none", got, err)
	}
}
