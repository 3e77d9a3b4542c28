package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"rapport/model"
)

// Preference keys of the reminders, shared with the tray: they belong to
// this computer, not to the data.
const (
	// PrefPausedOn holds the local day ("2006-01-02") reminders are paused
	// for: no digest and no notification that day.
	PrefPausedOn = "reminders.pausedOn"
	// PrefLastDigest holds the local day ("2006-01-02") of the last
	// morning digest, so that a restart does not send a second one.
	PrefLastDigest = "reminders.lastDigest"
)

// reminder sends the morning digest, one desktop notification summing up
// what is due (model.DueReport), at the time the settings say, and a
// notification for a promise that becomes due later in the day, once
// (model.DigestSchedule decides). One timer waits for the next thing to
// decide, at most model.DigestRecheck ahead (a computer that slept would
// otherwise wake late for it) and never less than a minute; nothing
// ticks faster. It runs whether the window is shown or hidden in the
// tray, and does not depend on the Today screen.
//
// Fyne's notifications cannot be clicked (fyne.Notification has no
// action): after a digest, the next Window.open (the tray's Open Rapport)
// shows Today instead.
type reminder struct {
	w        *Window
	schedule model.DigestSchedule
	timer    *time.Timer
	wake     time.Time            // when the schedule next has something to decide
	day      time.Time            // the day of the last step, to reload Today when it changes
	unseen   bool                 // a digest was sent that open has not shown Today for
	sent     []*fyne.Notification // what was sent, for tests
}

// reminderFloor is the shortest wait between two steps.
const reminderFloor = time.Minute

func newReminder(w *Window) *reminder {
	r := &reminder{w: w}
	r.schedule.Settings = w.settings().Digest()
	r.schedule.LastDigest = prefDay(w.app, PrefLastDigest)
	r.step()
	return r
}

// step reads what is due, sends what the schedule says, and sets the
// timer for the next step.
func (r *reminder) step() {
	now := r.w.now()
	r.schedule.PausedOn = prefDay(r.w.app, PrefPausedOn)
	if day := model.Day(now); !day.Equal(r.day) {
		if !r.day.IsZero() && r.w.firstShown && r.w.current == screenToday && r.w.welcome == nil {
			r.w.screens.today.Reload() // the day changed: so did what is due
		}
		r.day = day
	}
	r.wake = now.Add(model.DigestRecheck)
	report, err := r.w.store.Due(context.Background(), now)
	if err == nil { // the screens report read errors; a reminder must not nag
		last := r.schedule.LastDigest
		step := r.schedule.Step(now, report)
		if !r.schedule.LastDigest.Equal(last) {
			r.w.app.Preferences().SetString(PrefLastDigest, r.schedule.LastDigest.Format(time.DateOnly))
		}
		if step.Digest {
			r.send(fyne.NewNotification(report.DigestTitle(), report.DigestBody()))
			r.unseen = true
		}
		if n := promptly(report, step.Promptly); n != nil {
			r.send(n)
		}
		r.wake = step.Wake
	}
	r.arm(now)
}

// arm sets the timer for r.wake, seen from now.
func (r *reminder) arm(now time.Time) {
	r.stop()
	r.timer = time.AfterFunc(reminderWait(now, r.wake), func() { fyne.Do(r.tick) })
}

// reminderWait is how long the timer waits from now for wake: at least
// reminderFloor, at most model.DigestRecheck.
func reminderWait(now, wake time.Time) time.Duration {
	return min(max(wake.Sub(now), reminderFloor), model.DigestRecheck)
}

// tick is the timer's: a step when the wake has come, else (woken early,
// so as not to oversleep a suspend) only the timer again.
func (r *reminder) tick() {
	if now := r.w.now(); now.Before(r.wake) {
		r.arm(now)
		return
	}
	r.step()
}

// reconfigure takes the digest settings again from the store and decides
// anew: after the settings changed, or reminders were paused.
func (r *reminder) reconfigure() {
	r.schedule.Settings = r.w.settings().Digest()
	r.step()
}

func (r *reminder) send(n *fyne.Notification) {
	r.sent = append(r.sent, n)
	r.w.app.SendNotification(n)
}

// stop cancels the next step.
func (r *reminder) stop() {
	if r.timer != nil {
		r.timer.Stop()
	}
}

// promptly is the notification of promises that became due since the
// digest, or nil when there are none.
func promptly(r model.DueReport, ps []model.Promise) *fyne.Notification {
	if len(ps) == 0 {
		return nil
	}
	title := "Rapport: a promise is due"
	if len(ps) > 1 {
		title = fmt.Sprintf("Rapport: %d promises are due", len(ps))
	}
	var lines []string
	for i, p := range ps {
		if i == model.DigestPromisesShown {
			lines = append(lines, fmt.Sprintf("and %d more on the Today screen", len(ps)-i))
			break
		}
		lines = append(lines, r.PromiseLine(p))
	}
	return fyne.NewNotification(title, strings.Join(lines, "\n"))
}

// prefDay reads a day kept as "2006-01-02" in the app's preferences; zero
// when none or unreadable.
func prefDay(a fyne.App, key string) time.Time {
	d, err := time.Parse(time.DateOnly, a.Preferences().String(key))
	if err != nil {
		return time.Time{}
	}
	return d
}

// recheckReminders decides again what to remind of now: for the tray,
// after it paused or resumed reminders (PrefPausedOn).
func (w *Window) recheckReminders() {
	if w.reminder != nil {
		w.reminder.step()
	}
}
