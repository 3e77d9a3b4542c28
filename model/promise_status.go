package model

import (
	"fmt"
	"time"
)

// promiseStatusChanges lists, for each status, the statuses a promise may
// move to:
//
//	from          to
//	open          kept, kept_late, broken, released, renegotiated
//	renegotiated  kept, kept_late, broken, released, renegotiated
//	kept          open
//	kept_late     open
//	broken        open
//	released      open
//
// A pending promise (open or renegotiated) may be resolved, or renegotiated
// again. A resolved promise cannot become another resolved status (a kept
// promise cannot become broken); it can only be reopened, to correct a
// mistaken mark, and then resolved anew.
var promiseStatusChanges = map[PromiseStatus][]PromiseStatus{
	PromiseOpen:         {PromiseKept, PromiseKeptLate, PromiseBroken, PromiseReleased, PromiseRenegotiated},
	PromiseRenegotiated: {PromiseKept, PromiseKeptLate, PromiseBroken, PromiseReleased, PromiseRenegotiated},
	PromiseKept:         {PromiseOpen},
	PromiseKeptLate:     {PromiseOpen},
	PromiseBroken:       {PromiseOpen},
	PromiseReleased:     {PromiseOpen},
}

// CanChangeStatus reports whether a promise may move from one status to
// another. Pending promises (open, renegotiated) may be kept, kept late,
// broken, released or renegotiated (again); resolved promises may only be
// reopened. Keeping the same status is not a change, except renegotiating a
// renegotiated promise once more.
func CanChangeStatus(from, to PromiseStatus) bool {
	for _, s := range promiseStatusChanges[from] {
		if s == to {
			return true
		}
	}
	return false
}

// StatusChangeError is the error for a change of status that
// CanChangeStatus refuses.
type StatusChangeError struct {
	From, To PromiseStatus
}

func (e *StatusChangeError) Error() string {
	from := promiseWithStatus(e.From)
	switch {
	case !e.From.Valid() || !e.To.Valid():
		return fmt.Sprintf("a promise cannot go from status %q to %q", e.From, e.To)
	case e.From == e.To:
		return fmt.Sprintf("%s is already %s", from, statusWords(e.To))
	case e.From.Pending() && e.To == PromiseOpen:
		return from + " is still pending; only a resolved promise can be reopened"
	case !e.From.Pending() && e.To == PromiseRenegotiated:
		return from + " cannot be renegotiated; reopen it first"
	default:
		return fmt.Sprintf("%s cannot become %s; reopen it first", from, statusWords(e.To))
	}
}

// promiseWithStatus names a promise by its status: "a kept promise".
func promiseWithStatus(s PromiseStatus) string {
	switch s {
	case PromiseOpen:
		return "an open promise"
	case PromiseKeptLate:
		return "a promise kept late"
	default:
		return "a " + statusWords(s) + " promise"
	}
}

// statusWords is the status in lower-case words: "kept late".
func statusWords(s PromiseStatus) string {
	if s == PromiseKeptLate {
		return "kept late"
	}
	return string(s)
}

// Keep marks p kept on the day of on: kept if that day is on or before the
// due date in force (a renegotiated date counts) or there is no due date,
// kept late otherwise. It returns the changed copy; p itself is never
// changed.
func (p Promise) Keep(on time.Time) (Promise, error) {
	return p.Resolve(PromiseKept, on)
}

// Resolve marks p kept, kept late, broken or released on the day of on and
// returns the changed copy, or p unchanged and an error: a
// *StatusChangeError when p is already resolved, a *ValidationError when on
// is missing or before the day the promise was made. PromiseKept becomes
// PromiseKeptLate when on is after the due date, as with Keep;
// PromiseKeptLate is kept as given.
func (p Promise) Resolve(to PromiseStatus, on time.Time) (Promise, error) {
	switch to {
	case PromiseKept, PromiseKeptLate, PromiseBroken, PromiseReleased:
	default:
		return p, fmt.Errorf("%q is not a status that resolves a promise", to)
	}
	if !CanChangeStatus(p.Status, to) {
		return p, &StatusChangeError{From: p.Status, To: to}
	}
	day := Day(on)
	c := checker{record: "promise"}
	if day.IsZero() {
		c.add("resolved on", "is required")
	}
	c.notBefore("resolved on", day, Day(p.MadeOn), "the day it was made")
	if err := c.err(); err != nil {
		return p, err
	}
	if to == PromiseKept && !p.DueOn.IsZero() && day.After(Day(p.DueOn)) {
		to = PromiseKeptLate
	}
	p.Status = to
	p.ResolvedOn = day
	return p, nil
}

// Renegotiate moves p's due date to the day of newDue, agreed on the day of
// on, and returns the changed copy, still pending with status renegotiated.
// The new date is required, must differ from the current one and must not
// be before on; otherwise the error is a *ValidationError on "due on". A
// resolved promise cannot be renegotiated (*StatusChangeError).
func (p Promise) Renegotiate(newDue, on time.Time) (Promise, error) {
	if !CanChangeStatus(p.Status, PromiseRenegotiated) {
		return p, &StatusChangeError{From: p.Status, To: PromiseRenegotiated}
	}
	due := Day(newDue)
	c := checker{record: "promise"}
	switch {
	case due.IsZero():
		c.add("due on", "is required to renegotiate")
	case due.Equal(Day(p.DueOn)):
		c.add("due on", "is the same as the current due date")
	default:
		c.notBefore("due on", due, Day(on), "the day it is renegotiated")
	}
	if err := c.err(); err != nil {
		return p, err
	}
	p.Status = PromiseRenegotiated
	p.DueOn = due
	return p, nil
}

// Reopen puts a resolved promise back to open, to correct a mistaken mark,
// and returns the changed copy; the due date stays. A pending promise cannot
// be reopened (*StatusChangeError).
func (p Promise) Reopen() (Promise, error) {
	if !CanChangeStatus(p.Status, PromiseOpen) {
		return p, &StatusChangeError{From: p.Status, To: PromiseOpen}
	}
	p.Status = PromiseOpen
	p.ResolvedOn = time.Time{}
	return p, nil
}

// Overdue reports whether p is pending and its due day is before now's
// calendar day.
func (p Promise) Overdue(now time.Time) bool {
	return p.Status.Pending() && !p.DueOn.IsZero() && DaysBetween(now, p.DueOn) < 0
}

// DueWithin reports whether p is pending and due between now's calendar day
// and days later, both included. An overdue promise is not.
func (p Promise) DueWithin(now time.Time, days int) bool {
	if !p.Status.Pending() || p.DueOn.IsZero() {
		return false
	}
	n := DaysBetween(now, p.DueOn)
	return n >= 0 && n <= days
}
