package model

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The career plan's rules: which gaps matter most, how the total gap moved
// over the months, whom to ask about what, and how ready the promotion
// panel is.

// WeightedGap is Gap() × Importance: how much closing this gap matters.
func (r Requirement) WeightedGap() int { return r.Gap() * r.Importance }

// ViewsDiffer reports whether the manager's view of the level (when
// assessed, ManagerLevel > 0) differs from the user's own by 2 or more: a
// conversation to have.
func (r Requirement) ViewsDiffer() bool {
	if r.ManagerLevel <= 0 {
		return false
	}
	d := r.ManagerLevel - r.CurrentLevel
	return d >= 2 || d <= -2
}

// compareGaps orders requirements as RankGaps does: largest WeightedGap
// first, then higher Importance, then larger Gap, then Title
// (case-insensitive), then ID.
func compareGaps(a, b Requirement) int {
	if c := cmp.Compare(b.WeightedGap(), a.WeightedGap()); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Importance, a.Importance); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Gap(), a.Gap()); c != 0 {
		return c
	}
	if c := cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// RankGaps returns the requirements that have a gap, largest WeightedGap
// first; ties: higher Importance, then larger Gap, then Title
// (case-insensitive), then ID. Does not modify its input.
func RankGaps(reqs []Requirement) []Requirement {
	var out []Requirement
	for _, r := range reqs {
		if r.Gap() > 0 {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, compareGaps)
	return out
}

// LevelChange is the user's current level of a requirement as recorded at a
// moment.
type LevelChange struct {
	RequirementID int64
	Level         int
	At            time.Time
}

// Validate reports every field of c that cannot be saved.
func (c LevelChange) Validate() error {
	k := checker{record: "level change"}
	k.reference("requirement", c.RequirementID)
	k.between("level", c.Level, 0, 5)
	if c.At.IsZero() {
		k.add("at", "is required")
	}
	return k.err()
}

// GapPoint is the total weighted gap of a role at the end of a month.
type GapPoint struct {
	Month time.Time // the first day of the month, at midnight in now's location
	Gap   int
}

// TrendSince is the points of a trend from the month of created on: a
// role's trend starts when the role was created, not with months of a
// made-up zero gap before it existed. A zero created keeps every point.
func TrendSince(points []GapPoint, created time.Time) []GapPoint {
	if created.IsZero() {
		return points
	}
	for i, p := range points {
		loc := p.Month.Location()
		c := created.In(loc)
		start := time.Date(c.Year(), c.Month(), 1, 0, 0, 0, 0, loc)
		if !p.Month.Before(start) {
			return points[i:]
		}
	}
	return nil
}

// GapTrend is the total weighted gap of reqs at the end of each of the last
// months months up to and including now's month (oldest first), using for
// each requirement the latest LevelChange at or before that month's end
// (the month-end of the current month is now); a requirement created after
// a month's end (its first change later) does not count in that month.
// Target and importance are taken as they are now. A requirement with no
// LevelChange at all (history not recorded) counts at its CurrentLevel from
// its CreatedAt on, or in every month when CreatedAt is zero. Months are
// read in now's location; months ≤ 0 gives nil.
func GapTrend(reqs []Requirement, changes []LevelChange, now time.Time, months int) []GapPoint {
	if months <= 0 {
		return nil
	}
	byReq := make(map[int64][]LevelChange, len(reqs))
	for _, c := range changes {
		byReq[c.RequirementID] = append(byReq[c.RequirementID], c)
	}
	for _, r := range reqs {
		if _, ok := byReq[r.ID]; !ok {
			byReq[r.ID] = []LevelChange{{RequirementID: r.ID, Level: r.CurrentLevel, At: r.CreatedAt}}
		}
	}
	y, m, _ := now.Date()
	loc := now.Location()
	out := make([]GapPoint, 0, months)
	for i := months - 1; i >= 0; i-- {
		start := time.Date(y, m-time.Month(i), 1, 0, 0, 0, 0, loc)
		// Within the month: before the next month starts, or at or before
		// now for the current one.
		within := func(t time.Time) bool { return t.Before(start.AddDate(0, 1, 0)) }
		if i == 0 {
			within = func(t time.Time) bool { return !t.After(now) }
		}
		total := 0
		for _, r := range reqs {
			level, found := 0, false
			var at time.Time
			for _, c := range byReq[r.ID] {
				if within(c.At) && (!found || !c.At.Before(at)) {
					level, at, found = c.Level, c.At, true
				}
			}
			if found {
				total += max(r.TargetLevel-level, 0) * r.Importance
			}
		}
		out = append(out, GapPoint{Month: start, Gap: total})
	}
	return out
}

// AskAbout lists the topics a person advises on: the titles, as the user
// wrote them, of the requirements with a gap whose AdvisorIDs contain personID,
// largest weighted gap first (in RankGaps order), each once (compared
// case-insensitively). Used by agendas ("I'd value your
// advice on: …") and the person page.
func AskAbout(reqs []Requirement, personID int64) []string {
	var out []string
	seen := make(map[string]bool)
	for _, r := range RankGaps(reqs) {
		if !slices.Contains(r.AdvisorIDs, personID) {
			continue
		}
		topic := strings.TrimSpace(r.Title) // as the user wrote it: "Northwind Leadership" is a name
		key := strings.ToLower(topic)
		if topic == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, topic)
	}
	return out
}

// topicOf is a user's phrase inside a sentence: trimmed, and otherwise as
// the user wrote it. Its case is never changed: "Northwind Leadership" or
// "Priya's migration plan" would read wrong with a small first letter, and
// the app cannot tell a name from a common word. The thanks drafts use it;
// requirement titles are not recased either (see AskAbout).
func topicOf(title string) string { return strings.TrimSpace(title) }

// PanelPart is how a person takes part in a promotion decision.
type PanelPart string

// The parts a person can take in a promotion decision.
const (
	PanelDecides    PanelPart = "decides"
	PanelInfluences PanelPart = "influences"
)

var panelPartChoices = []choice[PanelPart]{
	{PanelDecides, "Decides"},
	{PanelInfluences, "Influences the decision"},
}

// Label is the part as the screen shows it.
func (p PanelPart) Label() string { return labelOf(panelPartChoices, p) }

// Valid reports whether p is one of the panel parts.
func (p PanelPart) Valid() bool { return isChoice(panelPartChoices, p) }

// PanelParts lists both parts, deciders first.
func PanelParts() []PanelPart { return valuesOf(panelPartChoices) }

// PanelMember is a person on the decision chain for a role.
type PanelMember struct {
	RoleID   int64
	PersonID int64
	Part     PanelPart
	// Target is the stance the user is working toward with the member;
	// "" for none.
	Target Stance
}

// Validate reports every field of m that cannot be saved.
func (m PanelMember) Validate() error {
	c := checker{record: "panel member"}
	c.reference("role", m.RoleID)
	c.reference("person", m.PersonID)
	c.oneOf("part", m.Part.Valid())
	if m.Target != "" {
		c.oneOf("target stance", m.Target.Valid() && m.Target != StanceUnknown)
	}
	return c.err()
}

// PanelInput is what AssessPanel knows about one member.
type PanelInput struct {
	Person      Person
	Part        PanelPart
	Warmth      int       // 0 (cold) to 100 (warm), see CreditRules.Warmth
	LastContact time.Time // the last contact at or before now; zero if never
}

// PanelWarmEnough is the least warmth at which a champion or supporter
// counts as backing the user; below it their support is cooling.
const PanelWarmEnough = 50

// PanelStatus is where a panel member stands on the user's promotion.
type PanelStatus string

// The statuses of a panel member.
const (
	// PanelBacking is a champion or supporter the user is warm with
	// (Warmth ≥ PanelWarmEnough): they back the user.
	PanelBacking PanelStatus = "backing"
	// PanelCooling is a champion or supporter the user has let go cold.
	PanelCooling PanelStatus = "cooling"
	// PanelUndecided is a neutral member, or one whose stance is unknown:
	// they need a conversation.
	PanelUndecided PanelStatus = "undecided"
	// PanelMayBlock is a skeptic or a blocker.
	PanelMayBlock PanelStatus = "may_block"
)

var panelStatusChoices = []choice[PanelStatus]{
	{PanelBacking, "Backs you"},
	{PanelCooling, "Cooling"},
	{PanelUndecided, "Needs a conversation"},
	{PanelMayBlock, "May block"},
}

// Label is the status as the screen shows it.
func (s PanelStatus) Label() string { return labelOf(panelStatusChoices, s) }

// Valid reports whether s is one of the panel statuses.
func (s PanelStatus) Valid() bool { return isChoice(panelStatusChoices, s) }

// PanelStatuses lists every panel status, the most favourable first.
func PanelStatuses() []PanelStatus { return valuesOf(panelStatusChoices) }

// panelStatusOrder is the order in which PanelReadiness lists statuses:
// what needs attention first.
func panelStatusOrder(s PanelStatus) int {
	switch s {
	case PanelMayBlock:
		return 0
	case PanelUndecided:
		return 1
	case PanelCooling:
		return 2
	default:
		return 3
	}
}

// PanelStanding is one panel member as AssessPanel sees them.
type PanelStanding struct {
	Person   Person
	Part     PanelPart
	Warmth   int
	Status   PanelStatus
	NextStep string // a short concrete step, such as "Warm up: coffee with Dana (last contact 94 days ago)"
	// Target is the stance the user is working toward with the member,
	// "" for none: the store sets it (see PanelReadiness.SetTargets).
	Target Stance
}

// SetTargets gives each member of r the target stance targets holds for
// them (by person ID).
func (r *PanelReadiness) SetTargets(targets map[int64]Stance) {
	for i := range r.Members {
		r.Members[i].Target = targets[r.Members[i].Person.ID]
	}
}

// PanelReadiness is how ready the people who decide on a role are to
// promote the user.
type PanelReadiness struct {
	// Members are ordered: may block first, then undecided, cooling,
	// backing; within each, decides before influences, then higher
	// influence, then name (case-insensitive), then ID.
	Members                                      []PanelStanding
	Total, Backing, Cooling, Undecided, MayBlock int
	// SingleChampion is true when there are 2+ members and exactly one of
	// them backs the user: all support rests on one person.
	SingleChampion bool
	// Summary is one sentence (two with the single-champion warning), such
	// as "2 of 5 back you; 2 need a conversation; 1 may block." or "1 of 3
	// backs you; 2 need a conversation. All your support rests on Dana
	// Reyes.", or for an empty panel "Nobody on the panel yet: add who
	// decides and who influences the decision."
	Summary string
}

// panelStatus is the status of a member with the given stance and warmth.
func panelStatus(stance Stance, warmth int) PanelStatus {
	switch stance {
	case StanceChampion, StanceSupporter:
		if warmth >= PanelWarmEnough {
			return PanelBacking
		}
		return PanelCooling
	case StanceSkeptic, StanceBlocker:
		return PanelMayBlock
	default:
		return PanelUndecided
	}
}

// AssessPanel sorts the members of a promotion panel by where they stand
// (see PanelStatus), with a next step for each, counts them, and sums it up.
// now is when their last contacts are counted from.
func AssessPanel(in []PanelInput, now time.Time) PanelReadiness {
	r := PanelReadiness{Members: make([]PanelStanding, 0, len(in)), Total: len(in)}
	today := Day(now)
	for _, m := range in {
		st := panelStatus(m.Person.Stance, m.Warmth)
		days := daysSince(m.LastContact, today, now.Location())
		r.Members = append(r.Members, PanelStanding{Person: m.Person, Part: m.Part, Warmth: m.Warmth,
			Status: st, NextStep: panelNextStep(m.Person, st, days)})
		switch st {
		case PanelBacking:
			r.Backing++
		case PanelCooling:
			r.Cooling++
		case PanelUndecided:
			r.Undecided++
		case PanelMayBlock:
			r.MayBlock++
		}
	}
	slices.SortStableFunc(r.Members, func(a, b PanelStanding) int {
		if c := cmp.Compare(panelStatusOrder(a.Status), panelStatusOrder(b.Status)); c != 0 {
			return c
		}
		if c := cmp.Compare(panelPartOrder(a.Part), panelPartOrder(b.Part)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Person.Influence, a.Person.Influence); c != 0 {
			return c
		}
		if c := cmp.Compare(strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.Person.ID, b.Person.ID)
	})
	r.SingleChampion = r.Total >= 2 && r.Backing == 1
	r.Summary = panelSummary(r)
	return r
}

// panelPartOrder puts deciders before influencers.
func panelPartOrder(p PanelPart) int {
	if p == PanelDecides {
		return 0
	}
	return 1
}

// panelNextStep is the next step with a member of the given status, days
// being the calendar days since the last contact (-1 for never).
func panelNextStep(p Person, st PanelStatus, days int) string {
	name := agendaFirstName(p.Name)
	if name == "" {
		name = strings.TrimSpace(p.Name)
	}
	if name == "" {
		name = "them"
	}
	never := ""
	if days < 0 {
		never = " (never in touch)"
	}
	switch st {
	case PanelBacking:
		return "Keep " + name + " informed: share progress on your top gap" + never
	case PanelCooling:
		if days < 0 {
			return "Warm up: coffee with " + name + " (never in touch)"
		}
		return "Warm up: coffee with " + name + " (last contact " + daysAgo(days) + ")"
	case PanelMayBlock:
		if p.Stance == StanceBlocker {
			return "Understand " + possessive(name) + " objection; enlist someone they respect" + never
		}
		return "Ask " + name + " for their concerns and act on one" + never
	default:
		if p.Stance == StanceUnknown || p.Stance == "" {
			return "Find out where " + name + " stands: ask what they would need to see from you" + never
		}
		return "Book a conversation: ask " + name + " what they would need to see from you" + never
	}
}

// daysAgo is "today", "yesterday" or "94 days ago".
func daysAgo(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return strconv.Itoa(days) + " days ago"
}

// possessive is "Dana's", or "James'" for a name ending in s.
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// panelSummary is PanelReadiness.Summary for r with its counts filled in.
func panelSummary(r PanelReadiness) string {
	if r.Total == 0 {
		return "Nobody on the panel yet: add who decides and who influences the decision."
	}
	verb := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	parts := []string{strconv.Itoa(r.Backing) + " of " + strconv.Itoa(r.Total) + " " + verb(r.Backing, "backs", "back") + " you"}
	if r.Cooling > 0 {
		parts = append(parts, strconv.Itoa(r.Cooling)+" "+verb(r.Cooling, "is", "are")+" cooling")
	}
	if r.Undecided > 0 {
		parts = append(parts, strconv.Itoa(r.Undecided)+" "+verb(r.Undecided, "needs", "need")+" a conversation")
	}
	if r.MayBlock > 0 {
		parts = append(parts, strconv.Itoa(r.MayBlock)+" may block")
	}
	s := strings.Join(parts, "; ") + "."
	if r.SingleChampion {
		for _, m := range r.Members {
			if m.Status == PanelBacking {
				s += " All your support rests on " + strings.TrimSpace(m.Person.Name) + "."
			}
		}
	}
	return s
}
