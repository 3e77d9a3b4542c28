package model

import (
	"fmt"
	"strings"
	"time"
)

// DueReport is what needs the user now and in the coming days, read from
// the store in one go (storage's Store.Due): the pending promises both
// ways (those the user owes and those owed to them) that are overdue, due
// today or due within DueSoonDays after today; the meetings of today not
// yet over; and the career-plan gap actions still to do that are due
// within DueSoonDays (overdue ones included). It feeds `rapport due`, the
// morning digest and the tray.
type DueReport struct {
	// Now is when the report was read; Today is its calendar day (see
	// Day) in Now's zone.
	Now   time.Time
	Today time.Time
	// Overdue, DueToday and DueThisWeek are the pending promises, both
	// ways (see Promise.Direction), the earliest due first.
	Overdue, DueToday, DueThisWeek []Promise
	// Meetings are today's planned meetings that have not ended, soonest
	// first; a repeating one has Start set to today's occurrence.
	Meetings []Meeting
	// Actions are the gap actions not done or dropped, of roles not
	// archived, due by the end of DueSoonDays, the earliest due first.
	Actions []DueAction
	// Names names the people the lists above mention, by ID.
	Names map[int64]string
}

// DueAction is a gap action with the requirement and role it serves.
type DueAction struct {
	Action      Action
	Requirement string
	Role        string
}

// Name is the name of the person with the given ID, or "someone".
func (r DueReport) Name(id int64) string {
	if n, ok := r.Names[id]; ok && n != "" {
		return n
	}
	return "someone"
}

// Pressing counts the promises, both ways, that are overdue or due
// today: the tray's badge, and what makes `rapport due` exit with
// DueExitPressing.
func (r DueReport) Pressing() int { return len(r.Overdue) + len(r.DueToday) }

// PressingPromises are the promises overdue and due today, overdue first.
func (r DueReport) PressingPromises() []Promise {
	out := make([]Promise, 0, r.Pressing())
	return append(append(out, r.Overdue...), r.DueToday...)
}

// Empty reports whether nothing at all is due: no promise in any list, no
// meeting today and no gap action due. No digest is sent then.
func (r DueReport) Empty() bool {
	return r.Pressing() == 0 && len(r.DueThisWeek) == 0 && len(r.Meetings) == 0 && len(r.Actions) == 0
}

// ActionOverdue reports whether a is due before the report's day.
func (r DueReport) ActionOverdue(a DueAction) bool {
	return !a.Action.DueOn.IsZero() && a.Action.DueOn.Before(r.Today)
}

// PromiseLine is one promise in words: "You owe Dana: the deck" or
// "Ben owes you: an intro".
func (r DueReport) PromiseLine(p Promise) string {
	if p.Direction == DirectionTheirs {
		return r.Name(p.PersonID) + " owes you: " + p.What
	}
	return "You owe " + r.Name(p.PersonID) + ": " + p.What
}

// MeetingLine is a meeting today in words, with its local time:
// "10:00 coffee with Helena".
func (r DueReport) MeetingLine(m Meeting) string {
	return m.Start.In(r.Now.Location()).Format("15:04") + " " + strings.ToLower(m.Kind.Label()) +
		" with " + r.Name(m.PersonID)
}

// DigestText is the report in one line, for a notification or a tooltip:
// "2 promises overdue, 1 due today · Meetings today: 10:00 coffee with
// Helena · 1 gap action due this week". It is "" when the report is
// Empty.
func (r DueReport) DigestText() string {
	var parts, promises []string
	for _, c := range []struct {
		n    int
		when string
	}{{len(r.Overdue), "overdue"}, {len(r.DueToday), "due today"}, {len(r.DueThisWeek), "due this week"}} {
		if c.n == 0 {
			continue
		}
		noun := ""
		if len(promises) == 0 {
			noun = " promises"
			if c.n == 1 {
				noun = " promise"
			}
		}
		promises = append(promises, fmt.Sprintf("%d%s %s", c.n, noun, c.when))
	}
	if len(promises) > 0 {
		parts = append(parts, strings.Join(promises, ", "))
	}
	if len(r.Meetings) > 0 {
		var ms []string
		for _, m := range r.Meetings {
			ms = append(ms, r.MeetingLine(m))
		}
		parts = append(parts, "Meetings today: "+strings.Join(ms, ", "))
	}
	if n := len(r.Actions); n > 0 {
		word := "gap actions"
		if n == 1 {
			word = "gap action"
		}
		parts = append(parts, fmt.Sprintf("%d %s due this week", n, word))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " · ")
}

// DigestTitle is the title of the morning digest's notification:
// "Rapport: 3 promises need you today" when some are pressing, else
// "Rapport: your day".
func (r DueReport) DigestTitle() string {
	switch n := r.Pressing(); n {
	case 0:
		return "Rapport: your day"
	case 1:
		return "Rapport: 1 promise needs you today"
	default:
		return fmt.Sprintf("Rapport: %d promises need you today", n)
	}
}

// DigestBody is the text of the morning digest's notification: the
// one-line summary, then up to three pressing promises in words and how
// many more the Today screen lists.
func (r DueReport) DigestBody() string {
	lines := []string{r.DigestText()}
	pressing := r.PressingPromises()
	for i, p := range pressing {
		if i == DigestPromisesShown {
			lines = append(lines, fmt.Sprintf("and %d more on the Today screen", len(pressing)-i))
			break
		}
		lines = append(lines, r.PromiseLine(p))
	}
	return strings.Join(lines, "\n")
}

// DigestPromisesShown is how many promises the digest names.
const DigestPromisesShown = 3

// DueExit is the exit status of `rapport due`: DueExitNothing when no
// promise is overdue or due today (the week ahead may still list some),
// DueExitPressing when some are. Errors exit with 1 and usage mistakes
// with 2, so a status bar can tell "something needs you" from "could not
// tell".
const (
	DueExitNothing  = 0
	DueExitPressing = 3
)

// ExitStatus is the exit status of `rapport due` for this report.
func (r DueReport) ExitStatus() int {
	if r.Pressing() > 0 {
		return DueExitPressing
	}
	return DueExitNothing
}
