package plansummary

import (
	"strings"
	"testing"
	"time"

	"rapport/model"
)

func TestPlanSummaryCarriesThePlanAndNothingPrivate(t *testing.T) {
	ingrid := model.NewPerson("Ingrid Halvorsen")
	ingrid.ID, ingrid.Notes = 7, "PRIVATE: going through a divorce"
	dana := model.NewPerson("Dana Reyes")
	dana.ID, dana.Stance, dana.Notes = 8, model.StanceChampion, "PRIVATE: wants my job"
	req := model.Requirement{ID: 1, Kind: model.RequirementSkill, Title: "Hiring", TargetLevel: 4, CurrentLevel: 1,
		ManagerLevel: 3, Importance: 5, AdvisorIDs: []int64{7}}
	plan := model.PlanSummary{
		Role: model.Role{Title: "Engineering Manager", Horizon: model.HorizonNext, TargetDate: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)},
		Gaps: []model.Requirement{req},
		Actions: map[int64][]model.Action{1: {
			{Title: "Sit on three loops", Kind: model.ActionStretch, Status: model.ActionDone, Evidence: true, Notes: "PRIVATE note"},
			{Title: "Dropped idea", Kind: model.ActionCourse, Status: model.ActionDropped},
		}},
		People: map[int64]model.Person{7: ingrid, 8: dana},
		Panel: model.AssessPanel([]model.PanelInput{{Person: dana, Part: model.PanelDecides, Warmth: 80,
			LastContact: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}}, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)),
		Now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
	}
	for _, format := range []string{"md", "html"} {
		data, err := Writer{}.Summary(format, plan)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		text := string(data)
		for _, want := range []string{"Engineering Manager", "Hiring", "Ingrid Halvorsen", "Sit on three loops", "Dana Reyes", "June 2027"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s summary lacks %q", format, want)
			}
		}
		for _, never := range []string{"PRIVATE", "Dropped idea"} {
			if strings.Contains(text, never) {
				t.Errorf("%s summary contains %q", format, never)
			}
		}
	}
	if _, err := (Writer{}).Summary("pdf", plan); err == nil {
		t.Error("an unknown format was accepted")
	}
	if name := (Writer{}).FileName(plan, "html"); !strings.HasSuffix(name, ".html") || !strings.Contains(name, "Engineering Manager") {
		t.Errorf("file name = %q", name)
	}
}
