package storage

import (
	"testing"
	"time"

	"rapport/model"
)

// TestDeletePersonCascades deletes a person outright, as emptying the trash
// does, and checks that everything that was only about them goes too.
func TestDeletePersonCascades(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")

	for _, tie := range []model.Tie{
		{FromID: ana.ID, ToID: ben.ID, Kind: model.TieReportsTo},
		{FromID: ben.ID, ToID: ana.ID, Kind: model.TieInfluences},
	} {
		if err := s.CreateTie(ctx, &tie); err != nil {
			t.Fatal(err)
		}
	}
	m := newMeeting(ana.ID, testNow)
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	p := model.Promise{Direction: model.DirectionTheirs, PersonID: ana.ID, What: "Intro", MadeOn: date(11, 1),
		DueOn: date(11, 10), Status: model.PromiseOpen, MeetingID: m.ID}
	if err := s.CreatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.DueOn = date(11, 20)
	if err := s.UpdatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	d := model.Disclosure{PersonID: ana.ID, Topic: "Wants to move", Sensitivity: model.SensitivityHigh, SharedOn: date(11, 1)}
	if err := s.CreateDisclosure(ctx, &d); err != nil {
		t.Fatal(err)
	}
	role := mustCreateRole(t, s, "Engineering Manager", true)
	req := model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Hiring", TargetLevel: 3,
		Importance: 3, AdvisorIDs: []int64{ana.ID, ben.ID}}
	if err := s.CreateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}
	benMeeting := model.Meeting{PersonID: ben.ID, Kind: model.MeetingLunch, Start: testNow, Duration: time.Hour}
	if err := s.CreateMeeting(ctx, &benMeeting); err != nil {
		t.Fatal(err)
	}

	if _, err := s.db.ExecContext(ctx, `DELETE FROM person WHERE id = ?`, ana.ID); err != nil {
		t.Fatalf("delete person: %v", err)
	}

	for _, tt := range []struct {
		table string
		want  int
	}{
		{"person", 1},
		{"tie", 0},
		{"meeting", 1}, // Ben's
		{"promise", 0},
		{"promise_change", 0},
		{"disclosure", 0},
		{"requirement", 1},
		{"requirement_advisor", 1}, // Ben
	} {
		if got := countRows(t, s, tt.table); got != tt.want {
			t.Errorf("after deleting a person: %d rows in %s, want %d", got, tt.table, tt.want)
		}
	}
	got, err := s.Requirement(ctx, req.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{ben.ID}; len(got.AdvisorIDs) != 1 || got.AdvisorIDs[0] != want[0] {
		t.Errorf("advisors after deleting Ana = %v, want %v", got.AdvisorIDs, want)
	}
}
