package model

// choice pairs the stored code of an enumeration value with its label for
// the screen. Codes are stable (they are written to the database and to
// exports); labels may be reworded freely.
type choice[T ~string] struct {
	value T
	label string
}

func labelOf[T ~string](choices []choice[T], v T) string {
	for _, c := range choices {
		if c.value == v {
			return c.label
		}
	}
	return string(v)
}

func isChoice[T ~string](choices []choice[T], v T) bool {
	for _, c := range choices {
		if c.value == v {
			return true
		}
	}
	return false
}

func valuesOf[T ~string](choices []choice[T]) []T {
	out := make([]T, len(choices))
	for i, c := range choices {
		out[i] = c.value
	}
	return out
}

// Labels returns the labels of values, in order: handy for a select widget.
func Labels[T interface{ Label() string }](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.Label()
	}
	return out
}

// FromLabel returns the value among values whose label is label, and whether
// there was one.
func FromLabel[T interface{ Label() string }](values []T, label string) (T, bool) {
	for _, v := range values {
		if v.Label() == label {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// Stance is where a person stands toward the user's career.
type Stance string

// The stances, from most to least favourable, and unknown.
const (
	StanceChampion  Stance = "champion"
	StanceSupporter Stance = "supporter"
	StanceNeutral   Stance = "neutral"
	StanceSkeptic   Stance = "skeptic"
	StanceBlocker   Stance = "blocker"
	StanceUnknown   Stance = "unknown"
)

var stanceChoices = []choice[Stance]{
	{StanceChampion, "Champion"},
	{StanceSupporter, "Supporter"},
	{StanceNeutral, "Neutral"},
	{StanceSkeptic, "Skeptic"},
	{StanceBlocker, "Blocker"},
	{StanceUnknown, "Unknown"},
}

// Label is the stance as the screen shows it.
func (s Stance) Label() string { return labelOf(stanceChoices, s) }

// Valid reports whether s is one of the stances.
func (s Stance) Valid() bool { return isChoice(stanceChoices, s) }

// Stances lists every stance in display order.
func Stances() []Stance { return valuesOf(stanceChoices) }

// Relation is how a person relates to the user at work.
type Relation string

// The relations a person can have to the user.
const (
	RelationManager      Relation = "manager"
	RelationSkipLevel    Relation = "skip_level"
	RelationPeer         Relation = "peer"
	RelationTeamMate     Relation = "team_mate"
	RelationDirectReport Relation = "direct_report"
	RelationLeader       Relation = "leader"
	RelationMentor       Relation = "mentor"
	RelationSponsor      Relation = "sponsor"
	RelationClient       Relation = "client"
	RelationExternal     Relation = "external"
	RelationOther        Relation = "other"
)

var relationChoices = []choice[Relation]{
	{RelationManager, "My manager"},
	{RelationSkipLevel, "Skip-level manager"},
	{RelationPeer, "Peer"},
	{RelationTeamMate, "Team mate"},
	{RelationDirectReport, "Direct report"},
	{RelationLeader, "Leader in another function"},
	{RelationMentor, "Mentor"},
	{RelationSponsor, "Sponsor"},
	{RelationClient, "Client"},
	{RelationExternal, "External contact"},
	{RelationOther, "Other"},
}

// Label is the relation as the screen shows it.
func (r Relation) Label() string { return labelOf(relationChoices, r) }

// Valid reports whether r is one of the relations.
func (r Relation) Valid() bool { return isChoice(relationChoices, r) }

// Relations lists every relation in display order.
func Relations() []Relation { return valuesOf(relationChoices) }

// TieKind is the kind of a tie from one person to another.
type TieKind string

// The kinds of tie between two people.
const (
	TieReportsTo  TieKind = "reports_to"
	TieInfluences TieKind = "influences"
	TieCloseTo    TieKind = "close_to"
	TieAtOddsWith TieKind = "at_odds_with"
)

var tieChoices = []choice[TieKind]{
	{TieReportsTo, "reports to"},
	{TieInfluences, "influences"},
	{TieCloseTo, "is close to"},
	{TieAtOddsWith, "is at odds with"},
}

// Label is the tie kind as a phrase: "Ana reports to Ben".
func (k TieKind) Label() string { return labelOf(tieChoices, k) }

// Valid reports whether k is one of the tie kinds.
func (k TieKind) Valid() bool { return isChoice(tieChoices, k) }

// Mutual reports whether a tie of this kind holds both ways, so that its
// direction does not matter: being close to, or at odds with, someone.
func (k TieKind) Mutual() bool { return k == TieCloseTo || k == TieAtOddsWith }

// TieKinds lists every tie kind.
func TieKinds() []TieKind { return valuesOf(tieChoices) }

// InteractionKind is what kind of contact an interaction was.
type InteractionKind string

// The kinds of interaction.
const (
	KindCoffee        InteractionKind = "coffee"
	KindOneOnOne      InteractionKind = "one_on_one"
	KindExploratory   InteractionKind = "exploratory"
	KindHelpOffered   InteractionKind = "help_offered"
	KindHelpGiven     InteractionKind = "help_given"
	KindHelpReceived  InteractionKind = "help_received"
	KindThanksPrivate InteractionKind = "thanks_private"
	KindThanksPublic  InteractionKind = "thanks_public"
	KindIntroduction  InteractionKind = "introduction"
	KindAsk           InteractionKind = "ask"
	KindFeedback      InteractionKind = "feedback"
	KindLunch         InteractionKind = "lunch"
	KindMessage       InteractionKind = "message"
	KindOther         InteractionKind = "other"
)

var interactionChoices = []choice[InteractionKind]{
	{KindCoffee, "Coffee"},
	{KindOneOnOne, "One-on-one"},
	{KindExploratory, "Exploratory meeting"},
	{KindHelpOffered, "Help offered"},
	{KindHelpGiven, "Help given"},
	{KindHelpReceived, "Help received"},
	{KindThanksPrivate, "Thanks in private"},
	{KindThanksPublic, "Thanks in public"},
	{KindIntroduction, "Introduction"},
	{KindAsk, "Ask or favour"},
	{KindFeedback, "Feedback"},
	{KindLunch, "Lunch"},
	{KindMessage, "Message"},
	{KindOther, "Other"},
}

// Label is the interaction kind as the screen shows it.
func (k InteractionKind) Label() string { return labelOf(interactionChoices, k) }

// Valid reports whether k is one of the interaction kinds.
func (k InteractionKind) Valid() bool { return isChoice(interactionChoices, k) }

// InteractionKinds lists every interaction kind in display order.
func InteractionKinds() []InteractionKind { return valuesOf(interactionChoices) }

// Direction says who owes a promise.
type Direction string

// The two directions of a promise.
const (
	DirectionMine   Direction = "mine"   // the user promised the person
	DirectionTheirs Direction = "theirs" // the person promised the user
)

var directionChoices = []choice[Direction]{
	{DirectionMine, "I owe"},
	{DirectionTheirs, "They owe me"},
}

// Label is the direction as the screen shows it.
func (d Direction) Label() string { return labelOf(directionChoices, d) }

// Valid reports whether d is one of the directions.
func (d Direction) Valid() bool { return isChoice(directionChoices, d) }

// Directions lists both directions.
func Directions() []Direction { return valuesOf(directionChoices) }

// PromiseStatus is where a promise stands.
type PromiseStatus string

// The statuses of a promise. Open and renegotiated promises are still
// pending; the others are resolved.
const (
	PromiseOpen         PromiseStatus = "open"
	PromiseKept         PromiseStatus = "kept"
	PromiseKeptLate     PromiseStatus = "kept_late"
	PromiseBroken       PromiseStatus = "broken"
	PromiseRenegotiated PromiseStatus = "renegotiated"
	PromiseReleased     PromiseStatus = "released"
)

var promiseStatusChoices = []choice[PromiseStatus]{
	{PromiseOpen, "Open"},
	{PromiseKept, "Kept"},
	{PromiseKeptLate, "Kept late"},
	{PromiseBroken, "Broken"},
	{PromiseRenegotiated, "Renegotiated"},
	{PromiseReleased, "Released"},
}

// Label is the status as the screen shows it.
func (s PromiseStatus) Label() string { return labelOf(promiseStatusChoices, s) }

// Valid reports whether s is one of the promise statuses.
func (s PromiseStatus) Valid() bool { return isChoice(promiseStatusChoices, s) }

// Pending reports whether a promise with this status is still to be kept.
func (s PromiseStatus) Pending() bool { return s == PromiseOpen || s == PromiseRenegotiated }

// PromiseStatuses lists every promise status in display order.
func PromiseStatuses() []PromiseStatus { return valuesOf(promiseStatusChoices) }

// Horizon is when the user aims to reach a target role.
type Horizon string

// The horizons of a target role.
const (
	HorizonNext      Horizon = "next"
	HorizonAfterNext Horizon = "after_next"
)

var horizonChoices = []choice[Horizon]{
	{HorizonNext, "Next role"},
	{HorizonAfterNext, "The role after"},
}

// Label is the horizon as the screen shows it.
func (h Horizon) Label() string { return labelOf(horizonChoices, h) }

// Valid reports whether h is one of the horizons.
func (h Horizon) Valid() bool { return isChoice(horizonChoices, h) }

// Horizons lists both horizons.
func Horizons() []Horizon { return valuesOf(horizonChoices) }

// RequirementKind is what sort of thing a role requires.
type RequirementKind string

// The kinds of requirement.
const (
	RequirementSkill         RequirementKind = "skill"
	RequirementExperience    RequirementKind = "experience"
	RequirementVisibility    RequirementKind = "visibility"
	RequirementCertification RequirementKind = "certification"
	RequirementRelationship  RequirementKind = "relationship"
)

var requirementChoices = []choice[RequirementKind]{
	{RequirementSkill, "Skill"},
	{RequirementExperience, "Experience"},
	{RequirementVisibility, "Visibility"},
	{RequirementCertification, "Certification"},
	{RequirementRelationship, "Relationship"},
}

// Label is the requirement kind as the screen shows it.
func (k RequirementKind) Label() string { return labelOf(requirementChoices, k) }

// Valid reports whether k is one of the requirement kinds.
func (k RequirementKind) Valid() bool { return isChoice(requirementChoices, k) }

// RequirementKinds lists every requirement kind.
func RequirementKinds() []RequirementKind { return valuesOf(requirementChoices) }

// ActionKind is the sort of step taken to close a gap.
type ActionKind string

// The kinds of action toward a requirement.
const (
	ActionCourse        ActionKind = "course"
	ActionCertification ActionKind = "certification"
	ActionStretch       ActionKind = "stretch_project"
	ActionVolunteering  ActionKind = "volunteering"
	ActionCommittee     ActionKind = "internal_committee"
	ActionMentoring     ActionKind = "mentoring"
	ActionAskAdvice     ActionKind = "ask_advice"
	ActionWritePresent  ActionKind = "write_present"
)

var actionChoices = []choice[ActionKind]{
	{ActionCourse, "Course"},
	{ActionCertification, "Certification"},
	{ActionStretch, "Stretch project"},
	{ActionVolunteering, "Volunteering"},
	{ActionCommittee, "Internal committee"},
	{ActionMentoring, "Mentoring"},
	{ActionAskAdvice, "Ask for advice"},
	{ActionWritePresent, "Write or present"},
}

// Label is the action kind as the screen shows it.
func (k ActionKind) Label() string { return labelOf(actionChoices, k) }

// Valid reports whether k is one of the action kinds.
func (k ActionKind) Valid() bool { return isChoice(actionChoices, k) }

// ActionKinds lists every action kind.
func ActionKinds() []ActionKind { return valuesOf(actionChoices) }

// ActionStatus is how far an action has got.
type ActionStatus string

// The statuses of an action.
const (
	ActionPlanned    ActionStatus = "planned"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionDropped    ActionStatus = "dropped"
)

var actionStatusChoices = []choice[ActionStatus]{
	{ActionPlanned, "Planned"},
	{ActionInProgress, "In progress"},
	{ActionDone, "Done"},
	{ActionDropped, "Dropped"},
}

// Label is the action status as the screen shows it.
func (s ActionStatus) Label() string { return labelOf(actionStatusChoices, s) }

// Valid reports whether s is one of the action statuses.
func (s ActionStatus) Valid() bool { return isChoice(actionStatusChoices, s) }

// ActionStatuses lists every action status.
func ActionStatuses() []ActionStatus { return valuesOf(actionStatusChoices) }

// MeetingKind is the kind of a scheduled meeting.
type MeetingKind string

// The kinds of meeting.
const (
	MeetingCoffee      MeetingKind = "coffee"
	MeetingOneOnOne    MeetingKind = "one_on_one"
	MeetingExploratory MeetingKind = "exploratory"
	MeetingLunch       MeetingKind = "lunch"
)

var meetingKindChoices = []choice[MeetingKind]{
	{MeetingCoffee, "Coffee"},
	{MeetingOneOnOne, "One-on-one"},
	{MeetingExploratory, "Exploratory meeting"},
	{MeetingLunch, "Lunch"},
}

// Label is the meeting kind as the screen shows it.
func (k MeetingKind) Label() string { return labelOf(meetingKindChoices, k) }

// Valid reports whether k is one of the meeting kinds.
func (k MeetingKind) Valid() bool { return isChoice(meetingKindChoices, k) }

// MeetingKinds lists every meeting kind.
func MeetingKinds() []MeetingKind { return valuesOf(meetingKindChoices) }

// InteractionKind is the kind of interaction a held meeting of this kind
// becomes.
func (k MeetingKind) InteractionKind() InteractionKind {
	switch k {
	case MeetingOneOnOne:
		return KindOneOnOne
	case MeetingExploratory:
		return KindExploratory
	case MeetingLunch:
		return KindLunch
	default:
		return KindCoffee
	}
}

// Recurrence is how a standing meeting repeats.
type Recurrence string

// The recurrences of a meeting; RecurrenceNone is a one-off.
const (
	RecurrenceNone     Recurrence = ""
	RecurrenceWeekly   Recurrence = "weekly"
	RecurrenceBiweekly Recurrence = "biweekly"
	RecurrenceMonthly  Recurrence = "monthly"
)

var recurrenceChoices = []choice[Recurrence]{
	{RecurrenceNone, "Does not repeat"},
	{RecurrenceWeekly, "Every week"},
	{RecurrenceBiweekly, "Every 2 weeks"},
	{RecurrenceMonthly, "Monthly on the same weekday"},
}

// Label is the recurrence as the screen shows it.
func (r Recurrence) Label() string { return labelOf(recurrenceChoices, r) }

// Valid reports whether r is one of the recurrences.
func (r Recurrence) Valid() bool { return isChoice(recurrenceChoices, r) }

// Recurrences lists every recurrence.
func Recurrences() []Recurrence { return valuesOf(recurrenceChoices) }

// MeetingStatus is whether a meeting is still ahead, held or called off.
type MeetingStatus string

// The statuses of a meeting.
const (
	MeetingPlanned  MeetingStatus = "planned"
	MeetingHeld     MeetingStatus = "held"
	MeetingCanceled MeetingStatus = "canceled"
)

var meetingStatusChoices = []choice[MeetingStatus]{
	{MeetingPlanned, "Planned"},
	{MeetingHeld, "Held"},
	{MeetingCanceled, "Cancelled"},
}

// Label is the meeting status as the screen shows it.
func (s MeetingStatus) Label() string { return labelOf(meetingStatusChoices, s) }

// Valid reports whether s is one of the meeting statuses.
func (s MeetingStatus) Valid() bool { return isChoice(meetingStatusChoices, s) }

// MeetingStatuses lists every meeting status.
func MeetingStatuses() []MeetingStatus { return valuesOf(meetingStatusChoices) }

// Sensitivity is how private something the user shared is.
type Sensitivity string

// The sensitivities of a disclosure.
const (
	SensitivityLow    Sensitivity = "low"
	SensitivityMedium Sensitivity = "medium"
	SensitivityHigh   Sensitivity = "high"
)

var sensitivityChoices = []choice[Sensitivity]{
	{SensitivityLow, "Low"},
	{SensitivityMedium, "Medium"},
	{SensitivityHigh, "High"},
}

// Label is the sensitivity as the screen shows it.
func (s Sensitivity) Label() string { return labelOf(sensitivityChoices, s) }

// Valid reports whether s is one of the sensitivities.
func (s Sensitivity) Valid() bool { return isChoice(sensitivityChoices, s) }

// Sensitivities lists every sensitivity, lowest first.
func Sensitivities() []Sensitivity { return valuesOf(sensitivityChoices) }
