package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/ui/kit"
)

// reminderHour is the local hour of the daily reminder while the window
// stays open overnight.
const reminderHour = 8

// reminder sends one desktop notification that sums up the promises due
// today and overdue, both ways: when the window opens, and once a day
// after that while it stays open. One timer waits for the next morning;
// nothing ticks in between.
type reminder struct {
	w     *Window
	timer *time.Timer
	sent  []*fyne.Notification // what was sent, for tests
}

func newReminder(w *Window) *reminder {
	r := &reminder{w: w}
	r.remind()
	r.schedule()
	return r
}

// remind sends the summary, if anything is due. It reuses the report of the
// Today screen when that is on show, rather than reading it twice.
func (r *reminder) remind() {
	report := r.w.screens.today.Report()
	if r.w.current != screenToday || report.People == nil {
		var err error
		if report, err = r.w.store.Today(context.Background(), r.w.now()); err != nil {
			return // the Today screen reports read errors; a reminder must not nag
		}
	}
	n := reminderFor(report)
	if n == nil {
		return
	}
	r.sent = append(r.sent, n)
	r.w.app.SendNotification(n)
}

// schedule sets the timer for the next morning's reminder.
func (r *reminder) schedule() {
	now := r.w.now()
	r.timer = time.AfterFunc(nextReminder(now).Sub(now), func() {
		fyne.Do(func() {
			if r.w.current == screenToday {
				r.w.screens.today.Reload() // the day changed: so did what is due
			}
			r.remind()
			r.schedule()
		})
	})
}

// stop cancels the next reminder.
func (r *reminder) stop() {
	if r.timer != nil {
		r.timer.Stop()
	}
}

// nextReminder is the next reminderHour o'clock, local time, after now.
func nextReminder(now time.Time) time.Time {
	local := now.Local()
	y, m, d := local.Date()
	next := time.Date(y, m, d, reminderHour, 0, 0, 0, local.Location())
	if !next.After(local) {
		next = time.Date(y, m, d+1, reminderHour, 0, 0, 0, local.Location())
	}
	return next
}

// reminderFor sums up what is due today or overdue in one notification, or
// returns nil when nothing is.
func reminderFor(t model.Today) *fyne.Notification {
	var overdue, today []string
	for _, p := range t.Due {
		line := kit.PromiseSentence(p, t.Name(p.PersonID))
		switch {
		case p.Overdue(t.Now):
			overdue = append(overdue, line)
		case model.DaysBetween(p.DueOn, model.Day(t.Now.Local())) == 0:
			today = append(today, line)
		}
	}
	// The report lists only the first promises due; its counts cover all.
	nOverdue, nToday := max(len(overdue), t.Overdue), max(len(today), t.DueToday)
	n := nOverdue + nToday
	if n == 0 {
		return nil
	}
	var parts []string
	if nOverdue > 0 {
		parts = append(parts, fmt.Sprintf("%d overdue", nOverdue))
	}
	if nToday > 0 {
		parts = append(parts, fmt.Sprintf("%d due today", nToday))
	}
	title := fmt.Sprintf("Rapport: %s (%s)", kit.Plural(n, "promise needs you", "promises need you"), strings.Join(parts, ", "))
	lines := append(overdue, today...)
	if len(lines) > 3 || n > len(lines) {
		shown := min(len(lines), 3)
		lines = append(lines[:shown], fmt.Sprintf("and %d more on the Today screen", n-shown))
	}
	return fyne.NewNotification(title, strings.Join(lines, "\n"))
}
