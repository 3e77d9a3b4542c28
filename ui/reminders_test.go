package ui

import (
	"testing"
	"time"

	"rapport/model"
	"rapport/storage/storetest"
)

func TestReminderSumsUpWhatIsDue(t *testing.T) {
	day := func(d int) time.Time { return model.Day(testNow).AddDate(0, 0, d) }
	report := model.Today{Now: testNow, People: map[int64]model.Person{1: {ID: 1, Name: "Dana"}, 2: {ID: 2, Name: "Ben"}},
		Due: []model.Promise{
			{PersonID: 1, Direction: model.DirectionMine, What: "the deck", DueOn: day(-2), Status: model.PromiseOpen},
			{PersonID: 2, Direction: model.DirectionTheirs, What: "an intro", DueOn: day(0), Status: model.PromiseOpen},
			{PersonID: 2, Direction: model.DirectionMine, What: "feedback", DueOn: day(3), Status: model.PromiseOpen},
		}}
	n := reminderFor(report)
	if n == nil {
		t.Fatal("no reminder for an overdue promise")
	}
	if n.Title != "Rapport: 2 promises need you (1 overdue, 1 due today)" {
		t.Errorf("title = %q", n.Title)
	}
	if n.Content != "You owe Dana: the deck\nBen owes you: an intro" {
		t.Errorf("content = %q", n.Content)
	}
	report.Due = report.Due[2:]
	if n := reminderFor(report); n != nil {
		t.Errorf("reminder for nothing due today: %+v", n)
	}

	// The window sends one summary when it opens, and schedules the next
	// for tomorrow morning rather than ticking.
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "the deck",
		MadeOn: day(-5), DueOn: day(-1)})
	w := newTestWindow(t, st)
	defer w.reminder.stop()
	if len(w.reminder.sent) != 1 {
		t.Errorf("sent %d notifications on start", len(w.reminder.sent))
	}
	next := nextReminder(testNow)
	if !next.After(testNow) || next.Sub(testNow) > 24*time.Hour || next.Local().Hour() != reminderHour {
		t.Errorf("next reminder at %v", next)
	}
}
