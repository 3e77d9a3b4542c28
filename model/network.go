package model

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// NetworkPerson is one person as the relationship map and the influence ×
// stance grid show them: who they are, and how warm things are now.
type NetworkPerson struct {
	// Person has the fields a map shows (name, title, team,
	// organisation, relation, influence, stance, cadence, archived); the
	// long texts (notes, working on, needs) are left empty.
	Person      Person
	Balance     float64   // relationship credits at Network.Now
	Warmth      int       // 0 (cold) to 100 (warm), see CreditRules.Warmth
	LastContact time.Time // the last contact at or before Network.Now; zero if never
	// Overdue is true when the person has a cadence and the last contact
	// is longer ago than it (when there has been none, only for a cadence
	// the user set, counted from when they were added: see ContactOverdue).
	Overdue bool
}

// Network is everything the relationship map draws, read at one moment.
type Network struct {
	Now    time.Time
	People []NetworkPerson // everyone, archived people too, ordered by ID
	Ties   []Tie           // every tie, archived people's too, ordered by ID
}

// ContactOverdue reports whether p (its cadence, whether the user set it,
// and when it was added) with the given last contact (zero for never) is
// overdue for contact at now: p has a cadence and the last contact is more
// calendar days ago than it. Someone never contacted is overdue only when
// the user set the cadence (CadenceSet), counted from when they were added:
// people just added or imported with the default cadence stay quiet until
// the user has been in touch once. It is the rule ReachOut marks Overdue
// with.
func ContactOverdue(p Person, lastContact, now time.Time) bool {
	if p.CadenceDays <= 0 {
		return false
	}
	loc := now.Location()
	days := cadenceDays(p, daysSince(lastContact, Day(now), loc), Day(now), loc)
	return days > p.CadenceDays
}

// cadenceDays is the number of days the cadence counts for p, given the
// days since the last contact (-1 for never): those days, or for someone
// never contacted whose cadence the user set the days since they were
// added, else -1.
func cadenceDays(p Person, days int, today time.Time, loc *time.Location) int {
	if days >= 0 || !p.CadenceSet {
		return days
	}
	return daysSince(p.CreatedAt, today, loc)
}

// WarmthReasons puts a person's warmth into words, in the order the
// formula weighs them: the last contact ("last coffee 94 days ago", or
// "never contacted"), where that stands against the cadence ("64 days past
// the 30-day cadence", "within the 30-day cadence", or "no cadence: 90
// days count as one"), and the balance ("balance +12.5 credits"). For
// someone never contacted the words follow ContactOverdue: a cadence the
// user set counts from when p was added ("5 days past the 30-day cadence,
// counted from when you added them"); the default cadence waits for the
// first contact ("a 30-day cadence from the first contact").
func (r CreditRules) WarmthReasons(balance float64, lastContact time.Time, lastKind InteractionKind,
	p Person, now time.Time) []string {
	loc := now.Location()
	days := daysSince(lastContact, Day(now), loc)
	reasons := []string{recencyReason(lastKind, days)}
	cadence, since := p.CadenceDays, ""
	if cadence > 0 && days < 0 && p.CadenceSet {
		days, since = cadenceDays(p, days, Day(now), loc), ", counted from when you added them"
	}
	switch {
	case cadence <= 0:
		reasons = append(reasons, "no cadence: "+strconv.Itoa(noCadenceScaleDays)+" days count as one")
	case days < 0:
		reasons = append(reasons, "a "+strconv.Itoa(cadence)+"-day cadence from the first contact")
	case days > cadence:
		reasons = append(reasons, countOf(days-cadence, "day")+" past the "+
			strconv.Itoa(cadence)+"-day cadence"+since)
	default:
		reasons = append(reasons, "within the "+strconv.Itoa(cadence)+"-day cadence"+since)
	}
	return append(reasons, "balance "+signedPoints(balance)+" credits")
}

// signedPoints is a balance with its sign and one decimal: "+12.5", "−3.0",
// "0.0". Infinities read "+∞" and "−∞"; NaN reads "0.0", as Warmth counts
// it.
func signedPoints(v float64) string {
	switch {
	case math.IsNaN(v):
		return "0.0"
	case math.IsInf(v, 1):
		return "+∞"
	case math.IsInf(v, -1):
		return "−∞"
	}
	s := fmt.Sprintf("%.1f", v)
	switch {
	case s == "0.0" || s == "-0.0":
		return "0.0"
	case v > 0:
		return "+" + s
	}
	return "−" + s[1:]
}

// Advice is what to do about a person given their influence and stance:
// the four quarters of the influence × stance grid.
type Advice int

// The quarters of the influence × stance grid.
const (
	// AdviceManageClosely: influential and on the user's side. Keep them
	// close and informed; their backing decides.
	AdviceManageClosely Advice = iota
	// AdviceWinOver: influential and not (yet) on the user's side.
	AdviceWinOver
	// AdviceKeepWarm: on the user's side with less say. Keep the
	// relationship warm; they speak up for the user.
	AdviceKeepWarm
	// AdviceKeepInformed: less say and not on the user's side. Keep them
	// informed; watch for a change.
	AdviceKeepInformed
)

// HighInfluence is the influence from which a person is in the top half
// of the grid.
const HighInfluence = 4

// AdviceFor is the quarter of the grid for a person with the given
// influence and stance. Champions and supporters are on the user's side;
// everyone else, unknown included, is not yet.
func AdviceFor(influence int, stance Stance) Advice {
	onSide := stance == StanceChampion || stance == StanceSupporter
	switch {
	case influence >= HighInfluence && onSide:
		return AdviceManageClosely
	case influence >= HighInfluence:
		return AdviceWinOver
	case onSide:
		return AdviceKeepWarm
	}
	return AdviceKeepInformed
}

// Label is the advice as a heading: "Manage closely".
func (a Advice) Label() string {
	switch a {
	case AdviceManageClosely:
		return "Manage closely"
	case AdviceWinOver:
		return "Win over"
	case AdviceKeepWarm:
		return "Keep warm"
	}
	return "Keep informed"
}

// Hint is a sentence on what the advice means in practice.
func (a Advice) Hint() string {
	switch a {
	case AdviceManageClosely:
		return "Influential and on your side: keep them close, informed and thanked."
	case AdviceWinOver:
		return "Influential and not yet on your side: find out what they need and earn their support."
	case AdviceKeepWarm:
		return "On your side with less say: keep in touch; they speak up for you."
	}
	return "Less say and not on your side: keep them informed and watch for a change."
}
