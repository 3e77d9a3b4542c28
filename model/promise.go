package model

import "time"

// Promise is a commitment between the user and one person, in either
// direction. Dates (MadeOn, DueOn, ResolvedOn) are calendar days, see Day.
type Promise struct {
	ID            int64
	Direction     Direction
	PersonID      int64
	What          string
	MadeOn        time.Time
	DueOn         time.Time // zero when no date was agreed
	Status        PromiseStatus
	ResolvedOn    time.Time // zero while pending
	MeetingID     int64     // the meeting where it was made, or 0
	InteractionID int64     // the interaction where it was made, or 0
	Notes         string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Validate reports every field of p that cannot be saved.
func (p Promise) Validate() error {
	c := checker{record: "promise"}
	c.oneOf("direction", p.Direction.Valid())
	c.reference("person", p.PersonID)
	c.required("what", p.What)
	c.text("what", p.What, MaxShortText*2)
	if p.MadeOn.IsZero() {
		c.add("made on", "is required")
	}
	c.notBefore("due on", p.DueOn, p.MadeOn, "the day it was made")
	c.oneOf("status", p.Status.Valid())
	if p.Status.Valid() && !p.Status.Pending() && p.ResolvedOn.IsZero() {
		c.add("resolved on", "is required once the promise is resolved")
	}
	c.text("notes", p.Notes, MaxLongText)
	return c.err()
}

// PromiseChange is one entry in a promise's history: a change of status or
// due date, with when it happened.
type PromiseChange struct {
	ID         int64
	PromiseID  int64
	At         time.Time
	FromStatus PromiseStatus
	ToStatus   PromiseStatus
	OldDueOn   time.Time
	NewDueOn   time.Time
	Note       string
}

// Validate reports every field of c that cannot be saved: the store writes
// changes itself, and a restored one must look like those.
func (c PromiseChange) Validate() error {
	k := checker{record: "promise change"}
	k.reference("promise", c.PromiseID)
	if c.At.IsZero() {
		k.add("at", "is required")
	}
	k.oneOf("from status", c.FromStatus.Valid())
	k.oneOf("to status", c.ToStatus.Valid())
	k.text("note", c.Note, MaxLongText)
	return k.err()
}
