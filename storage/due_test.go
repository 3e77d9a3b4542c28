package storage_test

import (
	"slices"
	"testing"
	"time"

	"rapport/model"
	"rapport/storage/storetest"
)

// TestDueReadsWhatIsDue: Due lists pending promises both ways by how
// due they are (archived people's too), today's meetings not yet over
// (a weekly one at today's occurrence), and open gap actions due within
// the week of roles still pursued; nothing else.
func TestDueReadsWhatIsDue(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) // a Monday
	st := storetest.Open(t, func() time.Time { return now })
	ctx := t.Context()
	day := func(d int) time.Time { return model.Day(now).AddDate(0, 0, d) }
	dana, ben := storetest.Person(t, st, "Dana Reyes"), storetest.Person(t, st, "Ben Okoro")
	gone := storetest.Person(t, st, "Gone Person")
	promise := func(who model.Person, dir model.Direction, what string, due time.Time, status model.PromiseStatus) {
		p := model.Promise{PersonID: who.ID, Direction: dir, What: what, DueOn: due, MadeOn: day(-30), Status: status}
		if !status.Pending() {
			p.ResolvedOn = day(-1)
		}
		storetest.Promise(t, st, p)
	}
	promise(dana, model.DirectionMine, "the deck", day(-2), model.PromiseOpen)
	promise(gone, model.DirectionMine, "the report", day(-1), model.PromiseRenegotiated)
	promise(ben, model.DirectionTheirs, "an intro", day(0), model.PromiseOpen)
	promise(dana, model.DirectionMine, "the plan", day(3), model.PromiseOpen)
	promise(dana, model.DirectionMine, "far off", day(8), model.PromiseOpen)
	promise(dana, model.DirectionMine, "kept", day(-1), model.PromiseKept)
	promise(dana, model.DirectionMine, "no date", time.Time{}, model.PromiseOpen)
	storetest.Archived(t, st, gone.ID)

	meeting := func(who model.Person, start time.Time, edit func(*model.Meeting)) {
		m := model.Meeting{PersonID: who.ID, Start: start}
		if edit != nil {
			edit(&m)
		}
		storetest.Meeting(t, st, m)
	}
	meeting(dana, now.Add(-90*time.Minute), nil) // over
	meeting(ben, now.Add(4*time.Hour), nil)
	meeting(dana, now.Add(24*time.Hour), nil) // tomorrow
	meeting(ben, now.Add(2*time.Hour), func(m *model.Meeting) { m.Status = model.MeetingCanceled })
	meeting(dana, now.AddDate(0, 0, -14).Add(6*time.Hour), func(m *model.Meeting) { m.Recurrence = model.RecurrenceWeekly })

	role := storetest.Role(t, st, model.Role{Title: "Engineering Manager"})
	old := storetest.Role(t, st, model.Role{Title: "Old role", Horizon: model.HorizonAfterNext})
	req := storetest.Requirement(t, st, model.Requirement{RoleID: role.ID, Title: "Hiring", TargetLevel: 4, Importance: 3})
	oldReq := storetest.Requirement(t, st, model.Requirement{RoleID: old.ID, Title: "Old", TargetLevel: 4, Importance: 3})
	action := func(reqID int64, title string, due time.Time, status model.ActionStatus) {
		a := model.Action{RequirementID: reqID, Kind: model.ActionCourse, Title: title, DueOn: due, Status: status}
		if status == model.ActionDone {
			a.DoneOn = day(-1)
		}
		if err := st.CreateAction(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	action(req.ID, "Interview course", day(2), model.ActionPlanned)
	action(req.ID, "Shadow a panel", day(-3), model.ActionInProgress)
	action(req.ID, "Done already", day(1), model.ActionDone)
	action(req.ID, "Later", day(10), model.ActionPlanned)
	action(oldReq.ID, "Of an archived role", day(1), model.ActionPlanned)
	old.ArchivedAt = now
	if err := st.UpdateRole(ctx, &old); err != nil {
		t.Fatal(err)
	}

	r, err := st.Due(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	whats := func(ps []model.Promise) (out []string) {
		for _, p := range ps {
			out = append(out, r.PromiseLine(p))
		}
		return out
	}
	check := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("overdue", whats(r.Overdue), []string{"You owe Dana Reyes: the deck", "You owe Gone Person: the report"})
	check("due today", whats(r.DueToday), []string{"Ben Okoro owes you: an intro"})
	check("this week", whats(r.DueThisWeek), []string{"You owe Dana Reyes: the plan"})
	var meetings, actions []string
	for _, m := range r.Meetings {
		meetings = append(meetings, r.MeetingLine(m))
	}
	for _, a := range r.Actions {
		actions = append(actions, a.Action.Title+" ("+a.Requirement+", "+a.Role+")")
	}
	check("meetings", meetings, []string{"13:30 one-on-one with Ben Okoro", "15:30 one-on-one with Dana Reyes"})
	check("actions", actions, []string{"Shadow a panel (Hiring, Engineering Manager)",
		"Interview course (Hiring, Engineering Manager)"})
	if r.Pressing() != 3 || r.ExitStatus() != model.DueExitPressing {
		t.Errorf("pressing %d, exit %d", r.Pressing(), r.ExitStatus())
	}
}
