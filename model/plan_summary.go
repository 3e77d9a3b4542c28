package model

import "time"

// PlanSummary is what the one-page summary of a target role shows. It
// holds nothing private: no notes on people, nothing the user shared about
// themselves.
type PlanSummary struct {
	Role Role
	// Gaps are the role's requirements in the order of the plan, met ones
	// last.
	Gaps    []Requirement
	Actions map[int64][]Action
	// People are the advisors and panel members, by ID, for their names.
	People map[int64]Person
	Panel  PanelReadiness
	Now    time.Time
}
