package model

import (
	"testing"
	"time"
)

func TestDueReportWords(t *testing.T) {
	now := time.Date(2026, 12, 7, 8, 30, 0, 0, time.UTC)
	today := Day(now)
	p := func(id int64, dir Direction, what string, days int) Promise {
		return Promise{ID: id, PersonID: id, Direction: dir, What: what, DueOn: today.AddDate(0, 0, days)}
	}
	full := DueReport{Now: now, Today: today,
		Names:       map[int64]string{1: "Dana", 2: "Ben", 3: "Ada", 4: "Kim", 5: "Lee", 9: "Helena"},
		Overdue:     []Promise{p(1, DirectionMine, "the deck", -2), p(2, DirectionTheirs, "an intro", -1)},
		DueToday:    []Promise{p(3, DirectionMine, "feedback", 0), p(4, DirectionMine, "notes", 0), p(5, DirectionMine, "a call", 0)},
		DueThisWeek: []Promise{p(1, DirectionMine, "the plan", 3)},
		Meetings:    []Meeting{{PersonID: 9, Kind: MeetingCoffee, Start: now.Add(90 * time.Minute)}},
		Actions:     []DueAction{{Action: Action{Title: "AWS course", DueOn: today.AddDate(0, 0, 2)}}},
	}
	tests := []struct {
		name              string
		r                 DueReport
		pressing, exit    int
		empty             bool
		text, title, body string
	}{
		{"nothing", DueReport{Now: now, Today: today}, 0, DueExitNothing, true, "", "Rapport: your day", ""},
		{"the week only", DueReport{Now: now, Today: today, Names: full.Names, DueThisWeek: full.DueThisWeek},
			0, DueExitNothing, false, "1 promise due this week", "Rapport: your day", "1 promise due this week"},
		{"everything", full, 5, DueExitPressing, false,
			"2 promises overdue, 3 due today, 1 due this week · Meetings today: 10:00 coffee with Helena · 1 gap action due this week",
			"Rapport: 5 promises need you today",
			"2 promises overdue, 3 due today, 1 due this week · Meetings today: 10:00 coffee with Helena · 1 gap action due this week\n" +
				"You owe Dana: the deck\nBen owes you: an intro\nYou owe Ada: feedback\nand 2 more on the Today screen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			if got := r.Pressing(); got != tt.pressing {
				t.Errorf("Pressing = %d, want %d", got, tt.pressing)
			}
			if got := r.ExitStatus(); got != tt.exit {
				t.Errorf("ExitStatus = %d, want %d", got, tt.exit)
			}
			if got := r.Empty(); got != tt.empty {
				t.Errorf("Empty = %v, want %v", got, tt.empty)
			}
			if got := r.DigestText(); got != tt.text {
				t.Errorf("DigestText = %q\nwant %q", got, tt.text)
			}
			if got := r.DigestTitle(); got != tt.title {
				t.Errorf("DigestTitle = %q, want %q", got, tt.title)
			}
			if got := r.DigestBody(); got != tt.body {
				t.Errorf("DigestBody = %q\nwant %q", got, tt.body)
			}
		})
	}
}
