package model

import "time"

// HitKind is what a search hit is: the kinds are shown grouped, in the
// order of HitKinds.
type HitKind string

// The kinds of thing search finds.
const (
	HitPerson      HitKind = "person"
	HitInteraction HitKind = "interaction"
	HitPromise     HitKind = "promise"
	HitMeeting     HitKind = "meeting"
	HitPlan        HitKind = "plan"
	HitOpportunity HitKind = "opportunity"
	// HitDisclosure is an entry of the frame log (what you shared about
	// yourself): only found when the query asks for it.
	HitDisclosure HitKind = "frame"
)

// HitKinds lists the kinds in the order results show them: people first.
func HitKinds() []HitKind {
	return []HitKind{HitPerson, HitInteraction, HitPromise, HitMeeting, HitPlan, HitOpportunity, HitDisclosure}
}

// Span is a piece of a hit's snippet; Match marks the words the query
// matched, which the results highlight.
type Span struct {
	Text  string
	Match bool
}

// SearchHit is one thing a search found, with what it takes to show it and
// to open it at its place.
type SearchHit struct {
	Kind HitKind
	// ID is the thing's id in its own table: the person, interaction,
	// promise, meeting, opportunity or disclosure; for HitPlan, the role,
	// requirement or action named by PlanPart.
	ID int64
	// PlanPart is, for HitPlan only, which part of the plan matched:
	// "role", "requirement" or "action".
	PlanPart string
	// RoleID is, for HitPlan only, the role the part belongs to.
	RoleID int64
	// PersonID and PersonName are the person the thing is with or about
	// (for HitPerson, the person); 0 and "" for none.
	PersonID   int64
	PersonName string
	// Date is when it happened or is due; zero when it has no date.
	Date time.Time
	// Title is the thing's own one-line name: the person's name, the
	// interaction's summary, the promise's what, the meeting's title.
	Title string
	// Snippet is the matching text around the match, matched words marked.
	Snippet []Span
	// TitleSpans is Title with the words the query matched marked (Title
	// as one span when none did); Snippet then comes from the rest of the
	// thing's text.
	TitleSpans []Span
}

// SearchResults is what a search found: at most the limit asked for, in
// display order (grouped by kind in HitKinds order, then best first), and
// how many matched in all.
type SearchResults struct {
	Hits  []SearchHit
	Total int
	// ByKind is how many matched of each kind (HitPlan counts roles,
	// requirements and actions), for headings such as "Interactions
	// (1,204)" when not all are shown.
	ByKind map[HitKind]int
}
