package model

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ReachOutInput is what the Today screen knows about one person when it
// decides whom the user should contact next.
type ReachOutInput struct {
	Person      Person
	Balance     float64
	LastContact time.Time       // zero if never contacted
	LastKind    InteractionKind // kind of the last contact; "" when unknown
	MineDue     int             // my pending promises to them overdue or due within 7 days
	TheirsDue   int             // their pending promises to me overdue or due within 7 days
	NextMeeting time.Time       // start of the next planned meeting; zero if none planned
	// NextMeetingKind is the kind of the next planned meeting, for its
	// reason ("coffee planned Thursday"); "" reads as "meeting".
	NextMeetingKind MeetingKind
}

// ReachOut is one suggestion to get in touch with someone, with the reasons
// in words, most important first: "Influence 5", "last coffee 94 days ago",
// "cadence 30 days", "neutral: win them over".
type ReachOut struct {
	PersonID int64
	Score    float64
	Warmth   int
	Overdue  bool // has a cadence and was last contacted longer ago than it (see ContactOverdue)
	Reasons  []string
}

// MinReachOutScore is the score below which RankReachOuts suggests nobody:
// a warm person with nothing due stays well below it, so on a good day the
// list is empty, and that is a valid answer.
const MinReachOutScore = 1.0

// Weights of the reach-out score (see ReachOut).
const (
	pastCadenceWeight = 0.5  // per cadence period past the cadence
	maxPastCadence    = 2.0  // periods past the cadence that still count
	minePromisePoints = 6.0  // per promise I owe them that is due
	theirPromisePts   = 1.5  // per promise they owe me that is due
	maxDuePromises    = 3    // due promises that count, each way
	meetingInHandCut  = 0.2  // score kept when a meeting is planned soon
	goingColdWarmth   = 50   // below this warmth a champion or supporter is going cold
	influentialLevel  = 3    // influence from which a stance needs attention
	minReasonPart     = 0.05 // a part of the score smaller than this gives no reason
)

// stanceWeight multiplies the coldness part of the score: an influential
// neutral, skeptic, blocker or unknown needs winning over; a champion or
// supporter going cold is a risk to fix (one never contacted is not going
// cold: they were never warm). Otherwise 1.
func stanceWeight(s Stance, influence, warmth int, contacted bool) float64 {
	if s == StanceChampion || s == StanceSupporter {
		if warmth >= goingColdWarmth || !contacted {
			return 1
		}
		if s == StanceChampion {
			return 1.4
		}
		return 1.25
	}
	if influence < influentialLevel {
		return 1
	}
	switch s {
	case StanceBlocker:
		return 1.5
	case StanceSkeptic:
		return 1.3
	case StanceNeutral, StanceUnknown:
		return 1.2
	}
	return 1
}

// stanceReason is the words for a stance that weighs in the score.
func stanceReason(s Stance) string {
	switch s {
	case StanceChampion:
		return "champion going cold"
	case StanceSupporter:
		return "supporter going cold"
	case StanceBlocker:
		return "blocker: understand their concerns"
	case StanceSkeptic:
		return "skeptic: earn their trust"
	case StanceNeutral:
		return "neutral: win them over"
	default:
		return "stance unknown: find out where they stand"
	}
}

// reachScore is a reach-out score with its parts, computed without building
// any text so that thousands of people can be ranked quickly.
type reachScore struct {
	score       float64
	warmth      int
	influence   int
	days        int // since the last contact; -1 if never
	overdue     bool
	stance      float64 // stanceWeight
	coldPart    float64
	minePart    float64
	theirsPart  float64
	meetingDays int // days to the next meeting when it is in hand; -1 otherwise
}

// ReachOut scores how pressing it is to contact a person, and why. The
// score is
//
//	influence × stance × ((1 − warmth/100)² + 0.5 × periods past cadence)
//	  + 6 per promise I owe them that is due + 1.5 per promise they owe me that is due
//
// where influence is 1–5, stance is 1 to 1.5 (see stanceWeight), periods
// past the cadence count up to 2 (no cadence counts 0; never contacted
// counts 0 unless the user set the cadence, then it counts from when the
// person was added: see ContactOverdue) and at most 3 promises count each way. A meeting planned within
// MeetingInHandDays cuts the score to a fifth: it is already in hand.
// Archived people score 0.
func (r CreditRules) ReachOut(in ReachOutInput, now time.Time) ReachOut {
	s := r.reachScore(in, Day(now), now.Location())
	out := ReachOut{PersonID: in.Person.ID, Score: s.score, Warmth: s.warmth, Overdue: s.overdue}
	if !in.Person.Archived() {
		out.Reasons = reachReasons(in, s)
	}
	return out
}

// reachScore scores in on the date today, as Day returns it.
func (r CreditRules) reachScore(in ReachOutInput, today time.Time, loc *time.Location) reachScore {
	p := in.Person
	days := daysSince(in.LastContact, today, loc)
	s := reachScore{
		warmth:      warmth(in.Balance, days, p.CadenceDays),
		influence:   min(max(p.Influence, 1), 5),
		days:        days,
		meetingDays: -1,
	}
	past := 0.0
	if since := cadenceDays(p, s.days, today, loc); p.CadenceDays > 0 && since > p.CadenceDays {
		s.overdue = true
		past = min(float64(since-p.CadenceDays)/float64(p.CadenceDays), maxPastCadence)
	}
	if p.Archived() {
		return s
	}
	cold := 1 - float64(s.warmth)/100
	s.stance = stanceWeight(p.Stance, s.influence, s.warmth, s.days >= 0)
	s.coldPart = float64(s.influence) * s.stance * (cold*cold + pastCadenceWeight*past)
	s.minePart = minePromisePoints * float64(min(max(in.MineDue, 0), maxDuePromises))
	s.theirsPart = theirPromisePts * float64(min(max(in.TheirsDue, 0), maxDuePromises))
	s.score = s.coldPart + s.minePart + s.theirsPart
	if !in.NextMeeting.IsZero() {
		if d := int(Day(in.NextMeeting.In(loc)).Sub(today).Hours() / 24); d >= 0 && d <= MeetingInHandDays {
			s.meetingDays = d
			s.score *= meetingInHandCut
		}
	}
	return s
}

// reachReasons puts the parts of a score into words: the influence first,
// then the coldness, the promises I owe and those owed to me, largest part
// first, and last the meeting already planned.
func reachReasons(in ReachOutInput, s reachScore) []string {
	type group struct {
		part    float64
		reasons []string
	}
	var cold []string
	if s.overdue || s.warmth < goingColdWarmth || s.minePart+s.theirsPart == 0 {
		cold = append(cold, recencyReason(in.LastKind, s.days))
		if s.overdue {
			cold = append(cold, "cadence "+countOf(in.Person.CadenceDays, "day"))
		}
	}
	if s.stance > 1 {
		cold = append(cold, stanceReason(in.Person.Stance))
	}
	groups := []group{{s.coldPart, cold}}
	if in.MineDue > 0 {
		groups = append(groups, group{s.minePart, []string{"you owe them " + promiseCount(in.MineDue)}})
	}
	if in.TheirsDue > 0 {
		groups = append(groups, group{s.theirsPart, []string{"they owe you " + promiseCount(in.TheirsDue)}})
	}
	slices.SortStableFunc(groups, func(a, b group) int { return cmp.Compare(b.part, a.part) })

	reasons := []string{"Influence " + strconv.Itoa(s.influence)}
	for _, g := range groups {
		if g.part >= minReasonPart || len(groups) == 1 {
			reasons = append(reasons, g.reasons...)
		}
	}
	if s.meetingDays >= 0 {
		reasons = append(reasons, meetingReason(in.NextMeetingKind, in.NextMeeting, s.meetingDays))
	}
	return reasons
}

// recencyReason is "never contacted", "last coffee 94 days ago" or, when
// the kind is unknown, "last contact 94 days ago".
func recencyReason(kind InteractionKind, days int) string {
	if days < 0 {
		return "never contacted"
	}
	what := "contact"
	if kind != "" {
		what = strings.ToLower(kind.Label())
	}
	switch days {
	case 0:
		return "last " + what + " today"
	case 1:
		return "last " + what + " yesterday"
	}
	return "last " + what + " " + strconv.Itoa(days) + " days ago"
}

// meetingReason is "coffee planned Thursday": today, tomorrow, the weekday
// within a week, or the weekday and date further ahead.
func meetingReason(kind MeetingKind, start time.Time, days int) string {
	what := "meeting"
	if kind != "" {
		what = strings.ToLower(kind.Label())
	}
	var when string
	switch {
	case days == 0:
		when = "today"
	case days == 1:
		when = "tomorrow"
	case days < 7:
		when = start.Weekday().String()
	default:
		when = start.Format("Monday 2 January")
	}
	return what + " planned " + when
}

// promiseCount is "a promise" or "3 promises".
func promiseCount(n int) string {
	if n == 1 {
		return "a promise"
	}
	return countOf(n, "promise")
}

// countOf is "1 day" or "30 days".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// RankReachOuts is the people to contact next, at most limit of them (no
// limit when limit ≤ 0), highest score first; ties go to the higher
// influence, then the lower PersonID. Scores below MinReachOutScore are
// left out, so the answer may be empty. Scores are computed first and
// reasons written only for those chosen.
func (r CreditRules) RankReachOuts(inputs []ReachOutInput, now time.Time, limit int) []ReachOut {
	type candidate struct {
		s   reachScore
		id  int64
		idx int
	}
	better := func(a, b candidate) int {
		if c := cmp.Compare(b.s.score, a.s.score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.s.influence, a.s.influence); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	}
	// With a small limit, keep only the best so far in order; otherwise
	// collect every candidate and sort once.
	small := limit > 0 && limit <= 64
	today := Day(now)
	var chosen []candidate
	for i, in := range inputs {
		s := r.reachScore(in, today, now.Location())
		if !(s.score >= MinReachOutScore) || math.IsInf(s.score, 0) {
			continue
		}
		c := candidate{s: s, id: in.Person.ID, idx: i}
		if !small {
			chosen = append(chosen, c)
			continue
		}
		if len(chosen) == limit && better(c, chosen[limit-1]) >= 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(chosen, c, better)
		chosen = slices.Insert(chosen, at, c)
		if len(chosen) > limit {
			chosen = chosen[:limit]
		}
	}
	if !small {
		slices.SortFunc(chosen, better)
		if limit > 0 && len(chosen) > limit {
			chosen = chosen[:limit]
		}
	}
	out := make([]ReachOut, len(chosen))
	for i, c := range chosen {
		in := inputs[c.idx]
		out[i] = ReachOut{
			PersonID: in.Person.ID,
			Score:    c.s.score,
			Warmth:   c.s.warmth,
			Overdue:  c.s.overdue,
			Reasons:  reachReasons(in, c.s),
		}
	}
	return out
}
