package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// stanceSteps is a person's stance history in short: "cause:stance/influence"
// for each entry, oldest first.
func stanceSteps(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	h, err := s.StanceHistory(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range h {
		if c.PersonID != id {
			t.Errorf("history of person %d holds an entry of person %d", id, c.PersonID)
		}
		out = append(out, fmt.Sprintf("%s:%s/%d", c.Cause, c.Stance, c.Influence))
	}
	return out
}

// TestEveryWriterRecordsAStanceChange: adding a person, the person form,
// the weekly review's stance chips and a meeting's outcome each leave an
// entry with their cause and the day they wrote; a write that changes
// neither stance nor influence (an edit of the notes, an outcome with the
// same stance, a contacts merge) leaves none.
func TestEveryWriterRecordsAStanceChange(t *testing.T) {
	ctx := t.Context()
	f := newOutcomeFixture(t)
	s, id := f.s, f.dana.ID

	p, err := s.Person(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	p.Stance, p.Influence = model.StanceSkeptic, 4
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.Notes = "Likes long walks"
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStance(ctx, id, model.StanceNeutral); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LogMeetingOutcome(ctx, f.meeting.ID, f.outcome()); err != nil {
		t.Fatal(err)
	}
	in := model.ImportedPerson{Person: model.Person{Name: "Dana Reyes", Title: "SRE lead"}, Line: 2}
	if _, _, _, err := s.ImportPeople(ctx, model.FormatLinkedIn, []model.ImportMatch{
		{Imported: in, ExistingID: id, Existing: "Dana Reyes", By: model.MatchByName, Action: model.ImportMerge}}); err != nil {
		t.Fatal(err)
	}

	got := stanceSteps(t, s, id)
	want := []string{"added:unknown/3", "form:skeptic/4", "review:neutral/4", "outcome:supporter/4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("history = %q, want %q", got, want)
	}
	h, _ := s.StanceHistory(ctx, id)
	if len(h) == len(want) && (!h[0].At.Equal(testNow) || !h[3].At.Equal(f.later)) {
		t.Errorf("entries dated %v and %v, want %v (added) and %v (outcome)", h[0].At, h[3].At, testNow, f.later)
	}
}

// TestUndoStanceLeavesNoTrace: undoing the weekly review's change puts the
// stance back and takes the change out of the history; an undo after
// another change since keeps both and records the stance put back.
func TestUndoStanceLeavesNoTrace(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	p := mustCreatePerson(t, s, "Dana Reyes")
	before, err := s.SetStance(ctx, p.ID, model.StanceBlocker)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UndoStance(ctx, p.ID, before); err != nil {
		t.Fatal(err)
	}
	if got, want := stanceSteps(t, s, p.ID), []string{"added:unknown/3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after undo, history = %q, want %q", got, want)
	}
	if got, _ := s.Person(ctx, p.ID); got.Stance != model.StanceUnknown {
		t.Errorf("after undo, stance = %q, want unknown", got.Stance)
	}

	before, _ = s.SetStance(ctx, p.ID, model.StanceChampion)
	q, _ := s.Person(ctx, p.ID)
	q.Influence = 5
	if err := s.UpdatePerson(ctx, &q); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoStance(ctx, p.ID, before); err != nil {
		t.Fatal(err)
	}
	want := []string{"added:unknown/3", "review:champion/3", "form:champion/5", "review:unknown/5"}
	if got := stanceSteps(t, s, p.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("undo after an edit: history = %q, want %q", got, want)
	}
}

// TestTheTrashKeepsTheStanceHistory: archiving and restoring a person
// keeps their history as it was; emptying the trash deletes it with them.
func TestTheTrashKeepsTheStanceHistory(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	p := mustCreatePerson(t, s, "Dana Reyes")
	if _, err := s.SetStance(ctx, p.ID, model.StanceChampion); err != nil {
		t.Fatal(err)
	}
	want := stanceSteps(t, s, p.ID)
	if err := s.ArchivePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RestorePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if got := stanceSteps(t, s, p.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("after archive and restore, history = %q, want %q", got, want)
	}
	if err := s.ArchivePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "stance_change"); n != 0 {
		t.Errorf("after emptying the trash, %d stance entries are left", n)
	}
}

// TestMigrationSeedsTheStanceHistory: a database made before migration
// 0011, with people holding stances, opens with one entry per person,
// cause start, dated when they were added, with what they hold; panel
// members get no target.
func TestMigrationSeedsTheStanceHistory(t *testing.T) {
	ctx := t.Context()
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	before := -1
	for i, m := range migrations {
		if strings.HasSuffix(m.name, "_stance_history.sql") {
			before = i
		}
	}
	if before < 1 {
		t.Fatal("no stance history migration")
	}
	path := filepath.Join(t.TempDir(), "rapport.db")
	makeDatabaseAt(t, path, before)
	added := testNow.AddDate(0, -3, 0).Format(timeLayout)
	db, err := sql.Open("sqlite3", dsn(path, "_foreign_keys=on"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO person (id, name, stance, influence, created_at, updated_at)
			VALUES (2, 'Ngozi Eze', 'champion', 5, '` + added + `', '` + added + `')`,
		`INSERT INTO role (id, title, horizon, created_at, updated_at) VALUES (1, 'Staff engineer', 'next', '` + added + `', '` + added + `')`,
		`INSERT INTO panel_member (role_id, person_id, part) VALUES (1, 2, 'decides')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if got, want := stanceSteps(t, s, 1), []string{"start:unknown/3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Dana's history = %q, want %q", got, want)
	}
	h, err := s.StanceHistory(ctx, 2)
	if err != nil || len(h) != 1 {
		t.Fatalf("Ngozi's history = %+v, %v; want one entry", h, err)
	}
	if want := (model.StanceChange{ID: h[0].ID, PersonID: 2, At: testNow.AddDate(0, -3, 0), Stance: model.StanceChampion,
		Influence: 5, Cause: model.CauseStart}); !reflect.DeepEqual(h[0], want) {
		t.Errorf("Ngozi's history = %+v, want %+v", h[0], want)
	}
	panel, err := s.PanelMembers(ctx, 1)
	if err != nil || len(panel) != 1 || panel[0].Target != "" {
		t.Errorf("panel after migrating = %+v, %v; want Ngozi with no target", panel, err)
	}
	// The next change follows the seeded entry.
	setClock(s, testNow)
	if _, err := s.SetStance(ctx, 2, model.StanceSupporter); err != nil {
		t.Fatal(err)
	}
	if got, want := stanceSteps(t, s, 2), []string{"start:champion/5", "review:supporter/5"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a change, Ngozi's history = %q, want %q", got, want)
	}
}

// TestSetPanelTarget: the target is kept, read back with the panel and
// in its readiness, left alone by a change of part, and refused for
// someone off the panel or a stance that is no target.
func TestSetPanelTarget(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	p := mustCreatePerson(t, s, "Dana Reyes")
	r := model.Role{Title: "Staff engineer", Horizon: model.HorizonNext}
	if err := s.CreateRole(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPanelMember(ctx, model.PanelMember{RoleID: r.ID, PersonID: p.ID, Part: model.PanelDecides}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPanelTarget(ctx, r.ID, p.ID, model.StanceChampion); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPanelMember(ctx, model.PanelMember{RoleID: r.ID, PersonID: p.ID, Part: model.PanelInfluences}); err != nil {
		t.Fatal(err)
	}
	panel, err := s.PanelMembers(ctx, r.ID)
	if err != nil || len(panel) != 1 || panel[0].Target != model.StanceChampion || panel[0].Part != model.PanelInfluences {
		t.Errorf("panel = %+v, %v; want Dana influencing, aiming for champion", panel, err)
	}
	ready, err := s.Panel(ctx, r.ID, testNow)
	if err != nil || len(ready.Members) != 1 || ready.Members[0].Target != model.StanceChampion {
		t.Errorf("readiness = %+v, %v; want Dana's target", ready.Members, err)
	}
	if err := s.SetPanelTarget(ctx, r.ID, p.ID+1, model.StanceChampion); !errors.Is(err, ErrNotFound) {
		t.Errorf("target for someone off the panel = %v, want ErrNotFound", err)
	}
	if err := s.SetPanelTarget(ctx, r.ID, p.ID, model.StanceUnknown); err == nil {
		t.Error("unknown was taken as a target")
	}
	if err := s.SetPanelTarget(ctx, r.ID, p.ID, ""); err != nil {
		t.Errorf("clearing the target: %v", err)
	}
}

// TestReimportKeepsTheOldRole: a merge with a job change gives the person
// the new title and organisation, keeps the old ones in their role
// history and adds nothing to their notes; importing the same file again
// changes nothing more.
func TestReimportKeepsTheOldRole(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	p := model.NewPerson("Ngozi Eze")
	p.Title, p.Organisation = "Lead", "Northwind"
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	file := []model.ImportedPerson{{Person: model.Person{Name: "Ngozi Eze", Title: "Director", Organisation: "Fabrikam"}, Line: 2}}
	importOnce := func(at time.Time) {
		t.Helper()
		setClock(s, at)
		existing, err := s.People(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		matches := model.MatchJobChanges(model.MatchImport(file, existing), existing)
		if _, _, _, err := s.ImportPeople(ctx, model.FormatLinkedIn, matches); err != nil {
			t.Fatal(err)
		}
	}
	importOnce(testNow)
	got, err := s.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Director" || got.Organisation != "Fabrikam" || got.Notes != "" {
		t.Errorf("after the re-import: %q at %q, notes %q; want Director at Fabrikam, no notes", got.Title, got.Organisation, got.Notes)
	}
	importOnce(testNow.AddDate(0, 0, 7))
	roles, err := s.RoleHistory(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.RoleChange{{PersonID: p.ID, At: testNow, WasTitle: "Lead", WasOrganisation: "Northwind",
		Title: "Director", Organisation: "Fabrikam", Cause: model.CauseImport}}
	if len(roles) == 1 {
		want[0].ID = roles[0].ID
	}
	if !reflect.DeepEqual(roles, want) {
		t.Errorf("role history = %+v, want %+v", roles, want)
	}
	if n := countRows(t, s, "person"); n != 1 {
		t.Errorf("%d people after two imports, want 1", n)
	}
}

// BenchmarkPersonPageHistory reads what the stance history adds to a
// person page's one read: the person's stance and role changes, at 5,000
// people. It should stay far below a tenth of BenchmarkPersonPage's 1 ms.
func BenchmarkPersonPageHistory(b *testing.B) {
	s, opts := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := int64(i%opts.People) + 1
		err := s.inReadTx(ctx, func(q querier) error {
			h, err := queryStanceChanges(ctx, q, `WHERE person_id = ?`, id)
			if err == nil && len(h) == 0 {
				err = fmt.Errorf("person %d has no stance history", id)
			}
			if err == nil {
				_, err = roleHistoryOf(ctx, q, `WHERE person_id = ?`, id)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
