package model

import (
	"errors"
	"fmt"
	"time"
)

// Meeting is a coffee, lunch or one-on-one with one person, planned or held.
// UID identifies it in calendars forever; Sequence grows each time its time
// or place changes, so a re-exported invite updates the calendar entry.
type Meeting struct {
	ID       int64
	UID      string
	PersonID int64
	Kind     MeetingKind
	Start    time.Time
	Duration time.Duration
	Location string // a place or a video link
	Agenda   string
	// AgendaDrafted is set while Agenda is Rapport's draft, not edited by
	// the user: the draft then follows what is known about the person
	// (see storage's Store.FollowAgenda) until the user edits it.
	AgendaDrafted   bool
	Recurrence      Recurrence
	ReminderMinutes int // 0 for no reminder
	Sequence        int
	Status          MeetingStatus
	OutcomeID       int64 // the interaction logged afterwards, or 0
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Limits on a meeting's length and reminder.
const (
	MaxMeetingDuration = 12 * time.Hour
	MaxReminderMinutes = 7 * 24 * 60
	// MaxUID bounds a meeting's calendar UID, in characters: Rapport's are
	// 40; one read from another calendar may be longer, never this long.
	MaxUID = 255
)

// Validate reports every field of m that cannot be saved.
func (m Meeting) Validate() error {
	c := checker{record: "meeting"}
	c.reference("person", m.PersonID)
	c.text("uid", m.UID, MaxUID) // empty until the store gives it one
	c.singleLine("uid", m.UID)
	c.oneOf("kind", m.Kind.Valid())
	if m.Start.IsZero() {
		c.add("start", "is required")
	}
	if m.Duration < 5*time.Minute || m.Duration > MaxMeetingDuration {
		c.add("duration", "must be between 5 minutes and 12 hours")
	}
	c.text("location", m.Location, MaxShortText*5)
	c.singleLine("location", m.Location)
	c.text("agenda", m.Agenda, MaxLongText)
	c.oneOf("recurrence", m.Recurrence.Valid())
	c.between("reminder", m.ReminderMinutes, 0, MaxReminderMinutes)
	c.oneOf("status", m.Status.Valid())
	if m.Sequence < 0 {
		c.add("sequence", "must not be negative")
	}
	return c.err()
}

// End is when the meeting's first occurrence ends.
func (m Meeting) End() time.Time { return m.Start.Add(m.Duration) }

// NextOccurrence is the start of the first occurrence of m that ends after
// t: m.Start for a one-off (whether or not it has ended, so a past one-off
// returns its own start), else the recurring series stepped forward in loc,
// keeping the local time of day across daylight-saving changes. Monthly
// meetings fall on the same weekday of the month as the first (the last
// such weekday when the first was a fifth one), as the invite's RRULE says.
func (m Meeting) NextOccurrence(t time.Time, loc *time.Location) time.Time {
	if m.Recurrence == RecurrenceNone || m.Start.Add(m.Duration).After(t) {
		return m.Start
	}
	if loc == nil {
		loc = time.UTC
	}
	first := m.Start.In(loc)
	switch m.Recurrence {
	case RecurrenceWeekly, RecurrenceBiweekly:
		step := 7
		if m.Recurrence == RecurrenceBiweekly {
			step = 14
		}
		// Jump close by whole steps, then walk.
		days := int(t.Sub(first).Hours()/24) / step * step
		for k := max(days/step-1, 0); ; k++ {
			s := first.AddDate(0, 0, k*step)
			if s.Add(m.Duration).After(t) {
				return s
			}
		}
	case RecurrenceMonthly:
		n := (first.Day()-1)/7 + 1
		y, mo, _ := first.Date()
		months := (t.Year()-y)*12 + int(t.Month()-mo) - 1
		for k := max(months, 1); ; k++ {
			month := time.Date(y, mo+time.Month(k), 1, first.Hour(), first.Minute(), first.Second(), 0, loc)
			if s := nthWeekdayOf(month, n, first.Weekday()); s.Add(m.Duration).After(t) {
				return s
			}
		}
	}
	return m.Start
}

// nthWeekdayOf is the nth wd of month's month (at month's time of day);
// n == 5 means the last.
func nthWeekdayOf(month time.Time, n int, wd time.Weekday) time.Time {
	first := month
	offset := (int(wd) - int(first.Weekday()) + 7) % 7
	if n < 5 {
		return first.AddDate(0, 0, offset+(n-1)*7)
	}
	last := first.AddDate(0, 0, offset+4*7)
	if last.Month() != first.Month() {
		last = last.AddDate(0, 0, -7)
	}
	return last
}

// MeetingOutcome is what the user records after a meeting, saved in one
// step: the interaction it becomes (and so its credits), the promises made
// there either way, what the person said they are working on and need, and
// their stance if it changed.
type MeetingOutcome struct {
	// At is when the meeting took place; the interaction is dated then.
	At time.Time
	// Summary and Notes become the interaction's; Notes are private.
	Summary string
	Notes   string
	// Promises are the promises made at the meeting, in either direction.
	// Their PersonID and MeetingID are set to the meeting's when saved,
	// MadeOn to At's day when zero, and Status to open when empty.
	Promises []Promise
	// WorkingOn, Needs and Stance replace the person's.
	WorkingOn string
	Needs     string
	Stance    Stance
}

// Validate reports every field of o that cannot be saved; a promise's
// problems are named "promise N …".
func (o MeetingOutcome) Validate() error {
	c := checker{record: "outcome"}
	if o.At.IsZero() {
		c.add("date", "is required")
	}
	c.text("summary", o.Summary, MaxShortText*5)
	c.text("notes", o.Notes, MaxLongText)
	c.text("working on", o.WorkingOn, MaxLongText)
	c.text("needs", o.Needs, MaxLongText)
	c.oneOf("stance", o.Stance.Valid())
	for i, p := range o.Promises {
		if p.PersonID == 0 {
			p.PersonID = 1 // filled in from the meeting
		}
		if p.MadeOn.IsZero() {
			p.MadeOn = Day(o.At)
		}
		if p.Status == "" {
			p.Status = PromiseOpen
		}
		var v *ValidationError
		if err := p.Validate(); errors.As(err, &v) {
			for _, f := range v.Fields {
				c.add(fmt.Sprintf("promise %d %s", i+1, f.Field), f.Problem)
			}
		}
	}
	return c.err()
}

// ScheduledMeeting is a meeting with the person it is with: what an invite
// or a calendar event is made from.
type ScheduledMeeting struct {
	Meeting Meeting
	With    Person
}

// WaitingForOutcome reports whether m is a one-off meeting that has ended
// with nothing logged about it.
func (m Meeting) WaitingForOutcome(now time.Time) bool {
	return m.Status == MeetingPlanned && m.Recurrence == RecurrenceNone &&
		m.OutcomeID == 0 && !m.End().After(now)
}
