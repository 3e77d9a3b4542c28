package model

import "time"

// TimelineLimit is how many interactions a person page lists, the newest.
const TimelineLimit = 200

// PersonPage is everything a person's page shows, read at one moment in
// one go (see storage's Store.PersonPage).
type PersonPage struct {
	// Now is the moment the page was read at.
	Now time.Time
	// Person is the person, archived or not.
	Person Person
	// Timeline are the interactions the person took part in, newest first,
	// at most TimelineLimit of them.
	Timeline []Interaction
	// Promises are the promises between the user and the person, both
	// ways: pending first, then by due date, then by the day made.
	Promises []Promise
	// Ties are the ties from and to the person, ordered by ID.
	Ties []Tie
	// Disclosures are what the user shared with the person, the most
	// recently shared first.
	Disclosures []Disclosure
	// Advises are the requirements of roles not archived that the person
	// is an advisor on (what AskAbout turns into topics).
	Advises []Requirement
	// People are the others the timeline and the ties name, by ID,
	// archived or not.
	People map[int64]Person
	// Upcoming are the planned meetings with the person that have not
	// ended by Now, soonest first: a repeating one at its next occurrence
	// in the user's time zone.
	Upcoming []NextMeeting
	// StanceHistory is every entry of the person's stance history, oldest
	// first (see StanceSteps for the changes a page lists).
	StanceHistory []StanceChange
	// RoleHistory are the changes of role contacts imports found, oldest
	// first.
	RoleHistory []RoleChange
}

// NextMeeting is a planned meeting and the start of its next occurrence.
type NextMeeting struct {
	// Meeting is the meeting as saved.
	Meeting Meeting
	// Next is when its next (or only) occurrence starts.
	Next time.Time
}

// RolePage is everything a target role's page shows, read at one moment
// in one go (see storage's Store.RolePage).
type RolePage struct {
	// Now is the moment the page was read at.
	Now time.Time
	// Role is the role, archived or not.
	Role Role
	// Requirements are what the role requires, with their advisors,
	// ordered by ID.
	Requirements []Requirement
	// History is every change of the user's level in the requirements,
	// oldest first: what GapTrend charts.
	History []LevelChange
	// Panel is how ready the role's promotion panel is at Now.
	Panel PanelReadiness
	// Actions are the actions toward each requirement, by requirement ID,
	// each list ordered by ID.
	Actions map[int64][]Action
	// Advisors are the people the requirements name as advisors, by ID,
	// archived or not.
	Advisors map[int64]Person
	// Candidates are the active people, by name: whom the panel can take.
	Candidates []PersonSummary
}

// MeetingPage is everything a meeting's page shows, read in one go (see
// storage's Store.MeetingPage).
type MeetingPage struct {
	// Meeting is the meeting.
	Meeting Meeting
	// Person is whom the meeting is with, archived or not.
	Person Person
	// Settings are the user's settings (time zone, invites), read with
	// the meeting.
	Settings Settings
}

// MeetingList is every meeting with the people they are with, read in one
// go (see storage's Store.MeetingList): what the Meetings screen lists.
type MeetingList struct {
	// Meetings are all the meetings, in order of start.
	Meetings []Meeting
	// People are whom the meetings are with, by ID, archived or not.
	People map[int64]Person
	// Settings are the user's settings (time zone, invites), read with
	// the meetings.
	Settings Settings
}

// RoleList is the target roles the Career plan lists, with each one's
// total weighted gap, read in one go (see storage's Store.RoleList).
type RoleList struct {
	// Roles are the roles listed, the focus first, in the order of
	// storage's Store.Roles.
	Roles []Role
	// Gaps are each role's total weighted gap (the sum of its
	// requirements' WeightedGap), by role ID; a role with none is absent.
	Gaps map[int64]int
}
