package model

import (
	"strings"
	"time"
)

// OpportunityKind is what sort of opening an opportunity is.
type OpportunityKind string

// The kinds of opportunity.
const (
	OpportunityPromotion OpportunityKind = "promotion_round"
	OpportunityJob       OpportunityKind = "job_opening"
	OpportunityProject   OpportunityKind = "project_lead"
)

var opportunityKindChoices = []choice[OpportunityKind]{
	{OpportunityPromotion, "Promotion round"},
	{OpportunityJob, "Job opening"},
	{OpportunityProject, "Project lead"},
}

// Label is the opportunity kind as the screen shows it.
func (k OpportunityKind) Label() string { return labelOf(opportunityKindChoices, k) }

// Valid reports whether k is one of the opportunity kinds.
func (k OpportunityKind) Valid() bool { return isChoice(opportunityKindChoices, k) }

// OpportunityKinds lists every opportunity kind in display order.
func OpportunityKinds() []OpportunityKind { return valuesOf(opportunityKindChoices) }

// OpportunityOutcome is how an opportunity turned out.
type OpportunityOutcome string

// The outcomes of an opportunity.
const (
	OutcomePending    OpportunityOutcome = "pending"
	OutcomeWon        OpportunityOutcome = "won"
	OutcomePassedOver OpportunityOutcome = "passed_over"
)

var opportunityOutcomeChoices = []choice[OpportunityOutcome]{
	{OutcomePending, "Pending"},
	{OutcomeWon, "Won"},
	{OutcomePassedOver, "Passed over"},
}

// Label is the outcome as the screen shows it.
func (o OpportunityOutcome) Label() string { return labelOf(opportunityOutcomeChoices, o) }

// Valid reports whether o is one of the outcomes.
func (o OpportunityOutcome) Valid() bool { return isChoice(opportunityOutcomeChoices, o) }

// OpportunityOutcomes lists every outcome in display order.
func OpportunityOutcomes() []OpportunityOutcome { return valuesOf(opportunityOutcomeChoices) }

// Opportunity is a promotion round, job opening or project lead the user
// went for, with the people who backed them and how it turned out.
type Opportunity struct {
	ID        int64
	Title     string
	Kind      OpportunityKind
	Date      time.Time // a calendar day, see Day
	Outcome   OpportunityOutcome
	BackerIDs []int64 // people who backed the user
	Notes     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate reports every field of o that cannot be saved.
func (o Opportunity) Validate() error {
	c := checker{record: "opportunity"}
	c.required("title", o.Title)
	c.text("title", o.Title, MaxShortText)
	c.singleLine("title", o.Title)
	c.oneOf("kind", o.Kind.Valid())
	if o.Date.IsZero() {
		c.add("date", "is required")
	}
	c.oneOf("outcome", o.Outcome.Valid())
	for _, id := range o.BackerIDs {
		if id <= 0 {
			c.add("backers", "has an unknown person")
			break
		}
	}
	c.text("notes", o.Notes, MaxLongText)
	return c.err()
}

// FollowUp is a prompt after an outcome: whom, what to do, and the
// interaction kind it would be logged as.
type FollowUp struct {
	PersonID int64
	Text     string
	Kind     InteractionKind
}

// FollowUps are the prompts after o's outcome. Pending: none. Won: thank
// each backer ("Thank Dana for backing you for <title>", KindThanksPrivate).
// Passed over: for each backer, thank them ("Thank Dana for backing you,
// even though it went the other way", KindThanksPrivate), then ask them
// for a conversation about what to strengthen next time ("Ask Dana for a
// conversation about what to strengthen next time", KindAsk). Backers are
// named by first name and taken in the order of BackerIDs, each once;
// those missing from people are skipped.
func FollowUps(o Opportunity, people map[int64]Person) []FollowUp {
	if o.Outcome != OutcomeWon && o.Outcome != OutcomePassedOver {
		return nil
	}
	title := strings.Join(strings.Fields(o.Title), " ")
	var out []FollowUp
	seen := make(map[int64]bool, len(o.BackerIDs))
	for _, id := range o.BackerIDs {
		p, ok := people[id]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		name := agendaFirstName(draftName(p.Name))
		if name == "" {
			name = draftName(p.Name)
		}
		if name == "" {
			name = "them"
		}
		if o.Outcome == OutcomeWon {
			text := "Thank " + name + " for backing you"
			if title != "" {
				text += " for " + title
			}
			out = append(out, FollowUp{PersonID: id, Text: text, Kind: KindThanksPrivate})
			continue
		}
		out = append(out,
			FollowUp{PersonID: id, Text: "Thank " + name + " for backing you, even though it went the other way",
				Kind: KindThanksPrivate},
			FollowUp{PersonID: id, Text: "Ask " + name + " for a conversation about what to strengthen next time",
				Kind: KindAsk})
	}
	return out
}
