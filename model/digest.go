package model

import (
	"fmt"
	"time"
)

// DigestSettings say when the morning digest is sent: at a time of day,
// local time, and on working days only (Monday to Friday) or every day.
type DigestSettings struct {
	// Minute is the time of day as minutes after midnight (8:30 is 510).
	Minute int
	// WorkingDaysOnly skips Saturdays and Sundays.
	WorkingDaysOnly bool
}

// DefaultDigestSettings send the digest at 08:30 on working days.
func DefaultDigestSettings() DigestSettings {
	return DigestSettings{Minute: 8*60 + 30, WorkingDaysOnly: true}
}

// DigestClock is the digest's time of day as "08:30".
func (s DigestSettings) DigestClock() string {
	return fmt.Sprintf("%02d:%02d", s.Minute/60, s.Minute%60)
}

// ParseDigestClock reads a time of day such as "8:30", "08:30" or "17:05"
// into minutes after midnight.
func ParseDigestClock(text string) (int, error) {
	t, err := time.Parse("15:04", text)
	if err != nil {
		return 0, fmt.Errorf("digest time %q: write it as hours and minutes, such as 08:30", text)
	}
	return t.Hour()*60 + t.Minute(), nil
}

// sendsOn reports whether a digest may be sent on the day of t.
func (s DigestSettings) sendsOn(t time.Time) bool {
	wd := t.Weekday()
	return !s.WorkingDaysOnly || (wd != time.Saturday && wd != time.Sunday)
}

// at is the digest's instant on the local day of t, in t's zone. On a
// day when the clock skips that time (a spring-forward gap) it is just
// after the gap: as late as the time asked for, never early (time.Date
// may give the instant before the gap).
func (s DigestSettings) at(t time.Time) time.Time {
	y, m, d := t.Date()
	at := time.Date(y, m, d, s.Minute/60, s.Minute%60, 0, 0, t.Location())
	if short := s.Minute - (at.Hour()*60 + at.Minute()); short > 0 && at.Day() == d {
		at = at.Add(time.Duration(short) * time.Minute)
	}
	return at
}

// DigestRecheck is how often, once the day's digest is sent, the schedule
// wakes to notify promises that became due since: never more often than
// once a minute, so that Rapport costs nothing while idle.
const DigestRecheck = 15 * time.Minute

// DigestSchedule decides, over an injected clock, when the morning
// digest is sent and when a promise that became due later in the day gets
// its own notification. It never sends more than one digest a day, none
// when nothing is due, and nothing on a paused day. It keeps what it has
// notified today, so each promise is notified once. Use it from one
// goroutine.
type DigestSchedule struct {
	Settings DigestSettings
	// LastDigest is the day (see Day) the last digest was sent, or was
	// due and found nothing to say; zero when never. The caller keeps it
	// across runs.
	LastDigest time.Time
	// PausedOn is the day (see Day) reminders are paused for; zero or
	// another day when they are not paused.
	PausedOn time.Time

	notifiedOn time.Time
	notified   map[int64]bool
}

// DigestStep is what the schedule decided at one moment.
type DigestStep struct {
	// Digest is set when the day's digest is to be sent now.
	Digest bool
	// Promptly are the promises to notify one by one: overdue or due
	// today, not in today's digest nor notified before today.
	Promptly []Promise
	// Wake is when to call Step again at the latest.
	Wake time.Time
}

// Paused reports whether reminders are paused on the local day of now.
func (s *DigestSchedule) Paused(now time.Time) bool {
	return !s.PausedOn.IsZero() && s.PausedOn.Equal(Day(now))
}

// Step decides what to send at now, given what is due (read at now), and
// records it as sent: the caller sends it. Call it when Wake comes, and
// when what is due may have changed.
func (s *DigestSchedule) Step(now time.Time, report DueReport) DigestStep {
	today := Day(now)
	if !s.notifiedOn.Equal(today) {
		s.notifiedOn, s.notified = today, make(map[int64]bool)
		// Started again after today's digest: what is due now was in it.
		if s.LastDigest.Equal(today) {
			s.remember(report.PressingPromises())
		}
	}
	var step DigestStep
	switch {
	case s.Paused(now) || !s.Settings.sendsOn(now):
	case !s.LastDigest.Equal(today):
		if !now.Before(s.Settings.at(now)) {
			s.LastDigest = today
			step.Digest = !report.Empty()
			s.remember(report.PressingPromises())
		}
	default:
		for _, p := range report.PressingPromises() {
			if !s.notified[p.ID] {
				step.Promptly = append(step.Promptly, p)
			}
		}
		s.remember(step.Promptly)
	}
	step.Wake = s.wake(now)
	return step
}

// remember marks the promises as notified today.
func (s *DigestSchedule) remember(ps []Promise) {
	for _, p := range ps {
		s.notified[p.ID] = true
	}
}

// wake is when the schedule next has something to decide after now: the
// next digest, or the next recheck once today's digest is sent.
func (s *DigestSchedule) wake(now time.Time) time.Time {
	next := s.NextDigest(now)
	if s.LastDigest.Equal(Day(now)) && !s.Paused(now) {
		if re := now.Add(DigestRecheck); re.Before(next) {
			return re
		}
	}
	return next
}

// NextDigest is the next time a digest may be sent after now (or now
// itself when one is due): today's digest time if it is still to come or
// has passed unsent, else that of the next day it sends on.
func (s *DigestSchedule) NextDigest(now time.Time) time.Time {
	today := Day(now)
	y, m, d := now.Date()
	for i := 0; i < 8; i++ {
		day := time.Date(y, m, d+i, 12, 0, 0, 0, now.Location())
		if !s.Settings.sendsOn(day) {
			continue
		}
		if i == 0 && (s.Paused(now) || s.LastDigest.Equal(today)) {
			continue
		}
		at := s.Settings.at(day)
		if at.Before(now) {
			return now
		}
		return at
	}
	return now.Add(24 * time.Hour) // unreachable: a week has a working day
}
