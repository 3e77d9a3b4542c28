package plansummary_test

import (
	"log"
	"os"
	"time"

	"rapport/storage/plansummary"
)

func ExampleMarkdown() {
	s := plansummary.Summary{
		Role:       "Engineering Manager",
		Horizon:    "Next role",
		TargetDate: "by June 2027",
		Why:        "I enjoy growing people, and the team is about to double.",
		Gaps: []plansummary.Gap{{
			Title: "Hiring and interviewing", Kind: "Skill",
			Current: 2, Target: 4, Manager: 4, Importance: 5, ViewsDiffer: true,
			Advisors: []string{"Dana Reyes"},
			Actions: []plansummary.Action{
				{Title: "Shadow five interviews", Kind: "Stretch project", Status: "Done"},
				{Title: "Interviewer training", Kind: "Course", Status: "Planned", Due: "15 Jan 2027"},
			},
			Evidence: []string{"Shadowed five interviews and wrote the debriefs"},
		}},
		Panel: []plansummary.PanelLine{
			{Name: "Priya Shah", Part: "Panel chair", Stance: "Champion", Status: "Briefed", NextStep: "Share the roadmap"},
		},
		PanelSummary: "Your panel chair is on your side.",
		Generated:    time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
	}
	if err := plansummary.Markdown(os.Stdout, s); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # Career plan: Engineering Manager
	//
	// Next role · by June 2027 · prepared 23 November 2026
	//
	// ## Why this role
	//
	// I enjoy growing people, and the team is about to double.
	//
	// ## Gaps
	//
	// | Requirement | Kind | Now | Target | Manager | Importance |
	// | --- | --- | ---: | ---: | ---: | ---: |
	// | Hiring and interviewing | Skill | 2 | 4 | 4 ⚠ | 5 |
	//
	// Levels run from 0 to 5; — means your manager has not assessed it yet, ⚠ that your views differ.
	//
	// ### 1. Hiring and interviewing
	//
	// ⚠ to discuss: your view 2, your manager's 4
	//
	// - [x] Shadow five interviews (Stretch project · Done)
	// - [ ] Interviewer training (Course · Planned · due 15 Jan 2027)
	//
	// **Advisors:** Dana Reyes
	//
	// **Evidence:**
	//
	// - Shadowed five interviews and wrote the debriefs
	//
	// ## Promotion panel
	//
	// Your panel chair is on your side.
	//
	// - **Priya Shah** (Panel chair): Champion · Briefed · next: Share the roadmap
}
