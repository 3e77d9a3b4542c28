package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"rapport/model"
)

func mustCreateRole(tb testing.TB, s *Store, title string, focus bool) model.Role {
	tb.Helper()
	r := model.Role{Title: title, Horizon: model.HorizonNext, Focus: focus}
	if err := s.CreateRole(tb.Context(), &r); err != nil {
		tb.Fatalf("CreateRole(%q): %v", title, err)
	}
	return r
}

func mustCreateRequirement(tb testing.TB, s *Store, roleID int64, title string) model.Requirement {
	tb.Helper()
	r := model.Requirement{RoleID: roleID, Kind: model.RequirementSkill, Title: title, TargetLevel: 4, Importance: 3}
	if err := s.CreateRequirement(tb.Context(), &r); err != nil {
		tb.Fatalf("CreateRequirement(%q): %v", title, err)
	}
	return r
}

func TestRoleRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	for _, tt := range []struct {
		name string
		in   model.Role
	}{
		{"minimal", model.Role{Title: "Engineering Manager", Horizon: model.HorizonNext}},
		{"every field", model.Role{Title: "Director", Horizon: model.HorizonAfterNext, TargetDate: date(12, 31),
			Why: "scope\nand reach", Focus: true, ArchivedAt: testNow.Add(-time.Hour)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.in
			if err := s.CreateRole(ctx, &r); err != nil {
				t.Fatalf("CreateRole: %v", err)
			}
			want := tt.in
			want.ID, want.CreatedAt, want.UpdatedAt = r.ID, testNow, testNow
			if !reflect.DeepEqual(r, want) {
				t.Errorf("after CreateRole r = %+v, want %+v", r, want)
			}
			got, err := s.Role(ctx, r.ID)
			if err != nil {
				t.Fatalf("Role: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Role(%d) = %+v, want %+v", r.ID, got, want)
			}
		})
	}
}

func TestUpdateRoleAndList(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	em := mustCreateRole(t, s, "Engineering Manager", false)
	dir := mustCreateRole(t, s, "Director", false)
	staff := mustCreateRole(t, s, "Staff Engineer", false)

	later := testNow.Add(24 * time.Hour)
	setClock(s, later)
	staff.ArchivedAt = later
	staff.Why = "not for me"
	if err := s.UpdateRole(ctx, &staff); err != nil {
		t.Fatalf("UpdateRole: %v", err)
	}
	dir.Horizon = model.HorizonAfterNext
	if err := s.UpdateRole(ctx, &dir); err != nil {
		t.Fatalf("UpdateRole: %v", err)
	}
	if !staff.UpdatedAt.Equal(later) || !staff.CreatedAt.Equal(testNow) {
		t.Errorf("UpdateRole times = %v, %v; want created %v, updated %v", staff.CreatedAt, staff.UpdatedAt, testNow, later)
	}
	got, err := s.Role(ctx, staff.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, staff) {
		t.Errorf("Role() after update = %+v, want %+v", got, staff)
	}

	if err := s.SetFocusRole(ctx, dir.ID); err != nil {
		t.Fatal(err)
	}
	dir.Focus = true
	for _, tt := range []struct {
		archived bool
		want     []model.Role
	}{
		{false, []model.Role{dir, em}}, // the focus first
		{true, []model.Role{staff}},
	} {
		got, err := s.Roles(ctx, tt.archived)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Roles(%v) = %+v, want %+v", tt.archived, got, tt.want)
		}
	}

	missing := model.Role{ID: 999, Title: "Ghost", Horizon: model.HorizonNext}
	if err := s.UpdateRole(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateRole(999) = %v, want ErrNotFound", err)
	}
	if _, err := s.Role(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Role(999) = %v, want ErrNotFound", err)
	}
	bad := model.Role{Horizon: model.HorizonNext}
	if err := s.CreateRole(ctx, &bad); !isValidationError(err) {
		t.Errorf("CreateRole(no title) = %v, want a validation error", err)
	}
	if got := countRows(t, s, "role"); got != 3 {
		t.Errorf("%d roles, want 3", got)
	}
}

func TestFocusRoleUnique(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	a := mustCreateRole(t, s, "A", true)
	b := mustCreateRole(t, s, "B", true) // takes the focus from A
	c := mustCreateRole(t, s, "C", false)

	focus := func() []int64 {
		t.Helper()
		var ids []int64
		for _, archived := range []bool{false, true} {
			roles, err := s.Roles(ctx, archived)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range roles {
				if r.Focus {
					ids = append(ids, r.ID)
				}
			}
		}
		return ids
	}

	steps := []struct {
		name string
		do   func() error
		want []int64
	}{
		{"create B with focus", func() error { return nil }, []int64{b.ID}},
		{"set focus on A", func() error { return s.SetFocusRole(ctx, a.ID) }, []int64{a.ID}},
		{"set focus on A again", func() error { return s.SetFocusRole(ctx, a.ID) }, []int64{a.ID}},
		{"update C with focus", func() error { c.Focus = true; return s.UpdateRole(ctx, &c) }, []int64{c.ID}},
		{"update C without focus", func() error { c.Focus = false; return s.UpdateRole(ctx, &c) }, nil},
		{"set focus on B", func() error { return s.SetFocusRole(ctx, b.ID) }, []int64{b.ID}},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got := focus(); !reflect.DeepEqual(got, step.want) {
			t.Errorf("%s: focus on %v, want %v", step.name, got, step.want)
		}
	}

	// A failed SetFocusRole leaves the focus where it was.
	if err := s.SetFocusRole(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetFocusRole(999) = %v, want ErrNotFound", err)
	}
	if got, want := focus(), []int64{b.ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("after SetFocusRole(999): focus on %v, want %v", got, want)
	}
	// So does a failed UpdateRole with focus.
	ghost := model.Role{ID: 999, Title: "Ghost", Horizon: model.HorizonNext, Focus: true}
	if err := s.UpdateRole(ctx, &ghost); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateRole(999) = %v, want ErrNotFound", err)
	}
	if got, want := focus(), []int64{b.ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("after UpdateRole(999): focus on %v, want %v", got, want)
	}
}

func TestRequirementRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	role := mustCreateRole(t, s, "Engineering Manager", true)
	ana, ben, cy := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"), mustCreatePerson(t, s, "Cy")

	r := model.Requirement{RoleID: role.ID, Kind: model.RequirementVisibility, Title: "Known by the VP",
		TargetLevel: 4, CurrentLevel: 1, ManagerLevel: 2, Importance: 5, Evidence: "presented once",
		AdvisorIDs: []int64{cy.ID, ana.ID, cy.ID}}
	if err := s.CreateRequirement(ctx, &r); err != nil {
		t.Fatalf("CreateRequirement: %v", err)
	}
	want := model.Requirement{ID: r.ID, RoleID: role.ID, Kind: model.RequirementVisibility, Title: "Known by the VP",
		TargetLevel: 4, CurrentLevel: 1, ManagerLevel: 2, Importance: 5, Evidence: "presented once",
		AdvisorIDs: []int64{ana.ID, cy.ID}, CreatedAt: testNow, UpdatedAt: testNow}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("after CreateRequirement r = %+v, want %+v", r, want)
	}
	got, err := s.Requirement(ctx, r.ID)
	if err != nil {
		t.Fatalf("Requirement: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Requirement(%d) = %+v, want %+v", r.ID, got, want)
	}

	later := testNow.Add(time.Hour)
	setClock(s, later)
	r.AdvisorIDs = []int64{ben.ID}
	r.CurrentLevel = 2
	if err := s.UpdateRequirement(ctx, &r); err != nil {
		t.Fatalf("UpdateRequirement: %v", err)
	}
	want.AdvisorIDs, want.CurrentLevel, want.UpdatedAt = []int64{ben.ID}, 2, later
	if got, err := s.Requirement(ctx, r.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Requirement() after update = %+v, %v; want %+v", got, err, want)
	}

	none := mustCreateRequirement(t, s, role.ID, "Budgeting")
	r.AdvisorIDs = nil
	if err := s.UpdateRequirement(ctx, &r); err != nil {
		t.Fatal(err)
	}
	want.AdvisorIDs = nil
	list, err := s.Requirements(ctx, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if wantList := []model.Requirement{want, none}; !reflect.DeepEqual(list, wantList) {
		t.Errorf("Requirements() = %+v, want %+v", list, wantList)
	}
	if got := countRows(t, s, "requirement_advisor"); got != 0 {
		t.Errorf("%d advisor rows after clearing them, want 0", got)
	}
}

func TestRequirementRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	role := mustCreateRole(t, s, "Engineering Manager", false)
	ana := mustCreatePerson(t, s, "Ana")
	valid := model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Hiring",
		TargetLevel: 3, Importance: 3, AdvisorIDs: []int64{ana.ID}}

	for _, tt := range []struct {
		name    string
		change  func(*model.Requirement)
		invalid bool
	}{
		{"target level 0", func(r *model.Requirement) { r.TargetLevel = 0 }, true},
		{"no kind", func(r *model.Requirement) { r.Kind = "" }, true},
		{"unknown role", func(r *model.Requirement) { r.RoleID = 999 }, false},
		{"unknown advisor", func(r *model.Requirement) { r.AdvisorIDs = []int64{ana.ID, 999} }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := valid
			tt.change(&r)
			err := s.CreateRequirement(ctx, &r)
			if err == nil {
				t.Fatal("CreateRequirement succeeded, want an error")
			}
			if got := isValidationError(err); got != tt.invalid {
				t.Errorf("CreateRequirement error %q: validation error = %v, want %v", err, got, tt.invalid)
			}
			if got := countRows(t, s, "requirement") + countRows(t, s, "requirement_advisor"); got != 0 {
				t.Errorf("after refused CreateRequirement: %d rows, want 0", got)
			}
		})
	}

	missing := valid
	missing.ID = 999
	if err := s.UpdateRequirement(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateRequirement(999) = %v, want ErrNotFound", err)
	}
	if _, err := s.Requirement(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Requirement(999) = %v, want ErrNotFound", err)
	}
	if err := s.DeleteRequirement(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteRequirement(999) = %v, want ErrNotFound", err)
	}
}

func TestActionRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	role := mustCreateRole(t, s, "Engineering Manager", false)
	req := mustCreateRequirement(t, s, role.ID, "Hiring")

	in := []model.Action{
		{RequirementID: req.ID, Kind: model.ActionCourse, Title: "Interviewing course", Status: model.ActionPlanned},
		{RequirementID: req.ID, Kind: model.ActionAskAdvice, Title: "Ask Ana", DueOn: date(12, 5),
			Status: model.ActionDone, DoneOn: date(12, 1), Notes: "she said\nshadow two loops"},
	}
	var want []model.Action
	for _, a := range in {
		if err := s.CreateAction(ctx, &a); err != nil {
			t.Fatalf("CreateAction: %v", err)
		}
		if a.ID == 0 || !a.CreatedAt.Equal(testNow) || !a.UpdatedAt.Equal(testNow) {
			t.Errorf("CreateAction set ID %d, times %v %v", a.ID, a.CreatedAt, a.UpdatedAt)
		}
		got, err := s.Action(ctx, a.ID)
		if err != nil {
			t.Fatalf("Action: %v", err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("Action(%d) = %+v, want %+v", a.ID, got, a)
		}
		want = append(want, a)
	}

	later := testNow.Add(time.Hour)
	setClock(s, later)
	first := want[0]
	first.Status, first.DoneOn = model.ActionDone, date(11, 30)
	if err := s.UpdateAction(ctx, &first); err != nil {
		t.Fatalf("UpdateAction: %v", err)
	}
	if !first.UpdatedAt.Equal(later) {
		t.Errorf("UpdateAction UpdatedAt = %v, want %v", first.UpdatedAt, later)
	}
	want[0] = first
	got, err := s.Actions(ctx, req.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Actions() = %+v, want %+v", got, want)
	}

	for _, tt := range []struct {
		name    string
		a       model.Action
		invalid bool
	}{
		{"done without a day", model.Action{RequirementID: req.ID, Kind: model.ActionCourse, Title: "x",
			Status: model.ActionDone}, true},
		{"unknown requirement", model.Action{RequirementID: 999, Kind: model.ActionCourse, Title: "x",
			Status: model.ActionPlanned}, false},
	} {
		a := tt.a
		err := s.CreateAction(ctx, &a)
		if err == nil || isValidationError(err) != tt.invalid {
			t.Errorf("%s: CreateAction = %v, want an error (validation %v)", tt.name, err, tt.invalid)
		}
	}
	if got := countRows(t, s, "action"); got != 2 {
		t.Errorf("%d actions, want 2", got)
	}

	missing := first
	missing.ID = 999
	if err := s.UpdateAction(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateAction(999) = %v, want ErrNotFound", err)
	}
	if _, err := s.Action(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Action(999) = %v, want ErrNotFound", err)
	}
	if err := s.DeleteAction(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAction(ctx, first.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteAction(deleted) = %v, want ErrNotFound", err)
	}

	// Deleting the requirement takes its actions and advisors with it.
	ana := mustCreatePerson(t, s, "Ana")
	req.AdvisorIDs = []int64{ana.ID}
	if err := s.UpdateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRequirement(ctx, req.ID); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, "action") + countRows(t, s, "requirement_advisor"); got != 0 {
		t.Errorf("after DeleteRequirement: %d action and advisor rows, want 0", got)
	}
}

func TestLevelHistoryRecordsLevelChangesOnly(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	role := mustCreateRole(t, s, "Engineering Manager", true)
	other := mustCreateRole(t, s, "Director", false)
	ana := mustCreatePerson(t, s, "Ana")

	r := model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Hiring", TargetLevel: 4,
		CurrentLevel: 1, Importance: 3}
	if err := s.CreateRequirement(ctx, &r); err != nil {
		t.Fatal(err)
	}
	elsewhere := mustCreateRequirement(t, s, other.ID, "Strategy")
	at := func(days int) time.Time { return testNow.AddDate(0, 0, days) }
	want := []model.LevelChange{{RequirementID: r.ID, Level: 1, At: testNow}}

	steps := []struct {
		name   string
		change func(*model.Requirement)
		record bool // whether the step adds a level change
	}{
		{"raise the level", func(r *model.Requirement) { r.CurrentLevel = 2 }, true},
		{"edit everything but the level", func(r *model.Requirement) {
			r.Title, r.TargetLevel, r.ManagerLevel, r.Importance = "Hiring well", 5, 3, 4
			r.Evidence, r.AdvisorIDs, r.Kind = "ran two loops", []int64{ana.ID}, model.RequirementExperience
		}, false},
		{"save unchanged", func(*model.Requirement) {}, false},
		{"raise again", func(r *model.Requirement) { r.CurrentLevel = 4 }, true},
		{"lower it", func(r *model.Requirement) { r.CurrentLevel = 3 }, true},
	}
	for i, step := range steps {
		setClock(s, at(i+1))
		step.change(&r)
		if err := s.UpdateRequirement(ctx, &r); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if step.record {
			want = append(want, model.LevelChange{RequirementID: r.ID, Level: r.CurrentLevel, At: at(i + 1)})
		}
		got, err := s.LevelHistory(ctx, role.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("after %s: LevelHistory = %+v, want %+v", step.name, got, want)
		}
	}

	// A refused update records nothing.
	r.CurrentLevel, r.TargetLevel = 5, 0
	if err := s.UpdateRequirement(ctx, &r); !isValidationError(err) {
		t.Errorf("UpdateRequirement(invalid) = %v, want a validation error", err)
	}
	r.TargetLevel = 5
	bad := r
	bad.AdvisorIDs = []int64{999}
	if err := s.UpdateRequirement(ctx, &bad); err == nil {
		t.Error("UpdateRequirement(unknown advisor) succeeded")
	}
	ghost := r
	ghost.ID = 999
	if err := s.UpdateRequirement(ctx, &ghost); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateRequirement(999) = %v, want ErrNotFound", err)
	}
	if got, err := s.LevelHistory(ctx, role.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after refused updates: LevelHistory = %+v, %v; want %+v", got, err, want)
	}

	if got, err := s.LevelHistory(ctx, other.ID); err != nil || len(got) != 1 || got[0].RequirementID != elsewhere.ID {
		t.Errorf("LevelHistory(other role) = %+v, %v; want Strategy's creation only", got, err)
	}
	if got, err := s.LevelHistory(ctx, 999); err != nil || got != nil {
		t.Errorf("LevelHistory(999) = %+v, %v; want none", got, err)
	}

	// The history goes with the requirement.
	if err := s.DeleteRequirement(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, "requirement_level"); got != 1 {
		t.Errorf("%d level rows after deleting Hiring, want 1 (Strategy's)", got)
	}
}

func TestActionEvidenceRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	role := mustCreateRole(t, s, "Engineering Manager", false)
	req := mustCreateRequirement(t, s, role.ID, "Public speaking")

	a := model.Action{RequirementID: req.ID, Kind: model.ActionWritePresent, Title: "Talk at the all-hands",
		Status: model.ActionDone, DoneOn: date(11, 12), Evidence: true}
	if err := s.CreateAction(ctx, &a); err != nil {
		t.Fatalf("CreateAction: %v", err)
	}
	if got, err := s.Action(ctx, a.ID); err != nil || !reflect.DeepEqual(got, a) {
		t.Errorf("Action() = %+v, %v; want %+v", got, err, a)
	}

	a.Evidence = false
	if err := s.UpdateAction(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Actions(ctx, req.ID); err != nil || len(got) != 1 || got[0].Evidence {
		t.Errorf("Actions() after clearing evidence = %+v, %v", got, err)
	}
	a.Evidence = true
	if err := s.UpdateAction(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Action(ctx, a.ID); err != nil || !got.Evidence {
		t.Errorf("Action() after setting evidence = %+v, %v", got, err)
	}

	// Only a done action can be evidence.
	planned := model.Action{RequirementID: req.ID, Kind: model.ActionCourse, Title: "Speaking course",
		Status: model.ActionPlanned, Evidence: true}
	if err := s.CreateAction(ctx, &planned); model.FieldProblem(err, "evidence") == "" {
		t.Errorf("CreateAction(planned evidence) = %v, want a problem with evidence", err)
	}
	a.Status, a.DoneOn = model.ActionInProgress, time.Time{}
	if err := s.UpdateAction(ctx, &a); model.FieldProblem(err, "evidence") == "" {
		t.Errorf("UpdateAction(in progress evidence) = %v, want a problem with evidence", err)
	}
	if got, err := s.Action(ctx, a.ID); err != nil || got.Status != model.ActionDone || !got.Evidence {
		t.Errorf("Action() after refused update = %+v, %v; want it done and evidence", got, err)
	}
}
