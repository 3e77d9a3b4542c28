package model

import "time"

// Meeting is a coffee, lunch or one-on-one with one person, planned or held.
// UID identifies it in calendars forever; Sequence grows each time its time
// or place changes, so a re-exported invite updates the calendar entry.
type Meeting struct {
	ID              int64
	UID             string
	PersonID        int64
	Kind            MeetingKind
	Start           time.Time
	Duration        time.Duration
	Location        string // a place or a video link
	Agenda          string
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
)

// Validate reports every field of m that cannot be saved.
func (m Meeting) Validate() error {
	c := checker{record: "meeting"}
	c.reference("person", m.PersonID)
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
