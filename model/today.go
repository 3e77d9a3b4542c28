package model

import "time"

// Today is what the Today screen shows each morning, read from the store in
// one go: whom to reach out to and why, the promises due both ways, the
// week's meetings and those still waiting for an outcome, the risks in the
// network, and three headline numbers.
type Today struct {
	Now time.Time

	// ReachOuts are the people to contact next, most pressing first, each
	// with its reasons.
	ReachOuts []ReachOut
	// Due are the pending promises, both ways, overdue or due within
	// DueSoonDays, the earliest due first, at most TodayDueShown of them.
	// Promises to or from archived people are included: archiving someone
	// never hides what is owed.
	Due []Promise
	// DueCount counts all the promises Due would list without its limit;
	// Overdue and DueToday count those overdue and those due today.
	DueCount, Overdue, DueToday int
	// Upcoming are the planned meetings from now to MeetingsAheadDays
	// ahead, soonest first; a repeating one is listed once, with Start
	// set to its next occurrence.
	Upcoming []Meeting
	// Unlogged are planned meetings that have ended with no outcome
	// logged, the most recent first.
	Unlogged []Meeting
	// Risks are the weak spots of the network, in words.
	Risks []Risk

	// FollowThrough counts how the user's own promises were resolved.
	FollowThrough FollowThrough
	// Warmed is the number of people contacted this calendar month.
	Warmed int
	// PublicThanks is the number of public thank-yous this quarter.
	PublicThanks int
	// LastReview is when the weekly review was last done, zero when never
	// (see ReviewDue).
	LastReview time.Time
	// FirstUse is when the first person was added (archived or not),
	// zero when the database holds nobody: the weekly review is first
	// suggested a week after it (see ReviewDue).
	FirstUse time.Time

	// People holds everyone the lists above name (reach-outs, risks,
	// promises and meetings), archived or not, by ID, and no one else.
	// Active people carry only what Today shows and ranks by: name,
	// relation, influence, stance and cadence.
	People map[int64]Person
}

// Horizons of the Today screen.
const (
	DueSoonDays       = 7  // promises due within this many days are listed
	MeetingsAheadDays = 7  // meetings planned within this many days are listed
	MeetingInHandDays = 14 // a meeting this close makes reaching out less pressing
	TodayReachOuts    = 20 // how many people to suggest at most
	TodayReachShown   = 7  // how many of them Today lists before "N more"
	TodayDueShown     = 12 // how many promises due to list
)

// Name is the name of the person with the given ID, or "someone" when the
// report does not know them.
func (t Today) Name(id int64) string {
	if p, ok := t.People[id]; ok {
		return p.Name
	}
	return "someone"
}
