package model

import "time"

// ReviewGapsShown is how many of the focus role's largest gaps the weekly
// review shows.
const ReviewGapsShown = 3

// WeeklyReview is everything the weekly review shows, read at one moment
// in one go (see storage's Store.WeeklyReview).
type WeeklyReview struct {
	// Now is the moment the review was read at.
	Now time.Time
	// Meetings are the meetings that started in the week before Now, in
	// order of start, cancelled ones left out.
	Meetings []Meeting
	// Due are the pending promises due within a week of Now's day (overdue
	// ones included), both ways, in the order of Store.Promises.
	Due []Promise
	// People are the people of Meetings, Due and Moved, by ID, archived or
	// not.
	// A meeting or promise whose person is not here is left out of both.
	People map[int64]Person
	// InTouch are the active people last in touch within the week before
	// Now, ordered by name.
	InTouch []PersonSummary
	// Focus is the role the user focuses on; zero when none is.
	Focus Role
	// Gaps are Focus's largest gaps (RankGaps), at most ReviewGapsShown.
	Gaps []Requirement
	// Actions are the actions toward each of Gaps, by requirement ID,
	// ordered by ID.
	Actions map[int64][]Action
	// Today is what the Today screen shows at Now: its ReachOuts are whom
	// to reach this week.
	Today Today
	// Settings are the user's settings: the time zone, and the length and
	// reminder of the coffees the review schedules.
	Settings Settings
	// Planned are the planned meetings that start from 12 hours before
	// Now on, and every planned recurring one: the coffees the review
	// schedules keep clear of them (see PlanCoffees).
	Planned []Meeting
	// Moved are the active people whose stance or influence moved in the
	// week before Now (StanceMoves), ordered by person ID; People holds
	// them too.
	Moved []StanceMove
}
