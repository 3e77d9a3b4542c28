package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Credit is one deposit (Points > 0) or withdrawal (Points < 0) in the
// user's relationship account with one person, with the reason in words:
// "Help given", "Promise kept on time: send the deck".
type Credit struct {
	At     time.Time
	Points float64
	Reason string
}

// InteractionWeight is how many points one kind of interaction is worth.
type InteractionWeight struct {
	Kind   InteractionKind
	Points float64
}

// CreditRules are the weights of relationship credits and how fast they
// fade. DefaultCredits is the one table the app uses; Explain and Table
// describe it to the user.
type CreditRules struct {
	// HalfLifeDays is how many days it takes a credit to lose half its
	// weight. Zero or less means credits never fade.
	HalfLifeDays float64
	// Interactions holds one row per interaction kind.
	Interactions []InteractionWeight
	// PromiseKept, PromiseKeptLate and PromiseBroken are what resolving a
	// promise the user made is worth.
	PromiseKept, PromiseKeptLate, PromiseBroken float64
}

// DefaultCredits is the one table of weights. The reasoning:
//
//   - Giving outweighs taking. Help given (8) is the largest deposit: it
//     costs the user something and the other person remembers it. A public
//     thank-you (6) gives them social proof in front of others; an
//     exploratory meeting asking "what do you need, how can I help" (6)
//     is giving attention; an introduction (5) spends the user's own
//     network on them; help offered (4) is worth less than help given
//     because it is still only words.
//   - Ordinary contact keeps the account alive: a coffee or lunch where the
//     user mostly listened (3), a private thank-you (3), a one-on-one or
//     feedback (2), a message or anything else (1).
//   - An ask or favour is a withdrawal (-4): asking is fine, but only
//     against a balance built first. Help received (-2) is a smaller one:
//     the other person chose to give it, and thanking them (3 or 6) more
//     than repays it.
//   - Following through is the strongest signal. A promise kept on time
//     (6) is as large as public thanks; kept late (-2) still costs a
//     little, because the other person waited and wondered; broken (-10)
//     is the largest withdrawal of all, larger than any single deposit.
//
// Credits halve every 90 days: a relationship left alone for a year keeps
// about a sixteenth of what was built.
var DefaultCredits = CreditRules{
	HalfLifeDays: 90,
	Interactions: []InteractionWeight{
		{KindCoffee, 3},
		{KindOneOnOne, 2},
		{KindExploratory, 6},
		{KindHelpOffered, 4},
		{KindHelpGiven, 8},
		{KindThanksPrivate, 3},
		{KindThanksPublic, 6},
		{KindIntroduction, 5},
		{KindAsk, -4},
		{KindHelpReceived, -2},
		{KindFeedback, 2},
		{KindLunch, 3},
		{KindMessage, 1},
		{KindOther, 1},
	},
	PromiseKept:     6,
	PromiseKeptLate: -2,
	PromiseBroken:   -10,
}

// CreditEpoch is the reference date of a folded balance (see Fold).
var CreditEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Labels of the promise outcomes in reasons and in the rules table.
const (
	labelPromiseKept     = "Promise kept on time"
	labelPromiseKeptLate = "Promise kept late"
	labelPromiseBroken   = "Promise broken"
)

// Points is what one interaction of the given kind is worth, 0 for a kind
// the rules do not list.
func (r CreditRules) Points(kind InteractionKind) float64 {
	for _, w := range r.Interactions {
		if w.Kind == kind {
			return w.Points
		}
	}
	return 0
}

// ForInteraction is the credit an interaction of the given kind earns on
// the day it happened, with the kind's label as the reason.
func (r CreditRules) ForInteraction(kind InteractionKind, at time.Time) Credit {
	return Credit{At: at, Points: r.Points(kind), Reason: kind.Label()}
}

// ForPromise is the credit a promise earns, dated the day it was resolved,
// and whether it earns one at all. Only promises the user made count, once
// kept, kept late or broken: credits measure the goodwill the user has
// built, and what others do with their own promises is their account, not
// the user's. A released promise was let go by agreement and a pending one
// is not settled yet, so neither earns anything.
func (r CreditRules) ForPromise(p Promise) (Credit, bool) {
	if p.Direction != DirectionMine {
		return Credit{}, false
	}
	var points float64
	var label string
	switch p.Status {
	case PromiseKept:
		points, label = r.PromiseKept, labelPromiseKept
	case PromiseKeptLate:
		points, label = r.PromiseKeptLate, labelPromiseKeptLate
	case PromiseBroken:
		points, label = r.PromiseBroken, labelPromiseBroken
	default:
		return Credit{}, false
	}
	reason := label
	if what := strings.TrimSpace(p.What); what != "" {
		reason += ": " + what
	}
	return Credit{At: p.ResolvedOn, Points: points, Reason: reason}, true
}

// Decay is what points are worth days later: points × 2^(−days/half-life).
// Negative days (a credit not yet made) and a half-life of zero or less
// leave points as they are.
func (r CreditRules) Decay(points float64, days float64) float64 {
	if days <= 0 || r.HalfLifeDays <= 0 {
		return points
	}
	return points * math.Exp2(-days/r.HalfLifeDays)
}

// Balance is the sum of the credits dated at or before now, each decayed by
// the time from its date to now in exact hours/24. Credits dated after now
// count for nothing yet.
func (r CreditRules) Balance(credits []Credit, now time.Time) float64 {
	var sum float64
	for _, c := range credits {
		if c.At.After(now) {
			continue
		}
		sum += r.Decay(c.Points, daysFrom(c.At, now))
	}
	return sum
}

// BalancePoint is one credit in a person's history with the balance just
// after it.
type BalancePoint struct {
	At      time.Time
	Balance float64
	Credit  Credit
}

// History is the credits dated at or before now, oldest first (credits on
// the same instant keep their order), each with the balance just after it:
// the curve on a person's page.
func (r CreditRules) History(credits []Credit, now time.Time) []BalancePoint {
	past := make([]Credit, 0, len(credits))
	for _, c := range credits {
		if !c.At.After(now) {
			past = append(past, c)
		}
	}
	slices.SortStableFunc(past, func(a, b Credit) int { return a.At.Compare(b.At) })
	out := make([]BalancePoint, len(past))
	var balance float64
	for i, c := range past {
		if i > 0 {
			balance = r.Decay(balance, daysFrom(past[i-1].At, c.At))
		}
		balance += c.Points
		out[i] = BalancePoint{At: c.At, Balance: balance, Credit: c}
	}
	return out
}

// Fold condenses credits into one number the store can keep per person, so
// a balance needs no reading of every interaction: folded is
// Σ Points × 2^((At − CreditEpoch)/half-life) over the credits dated at or
// before now, and next is the earliest date of a credit after now (zero if
// none). Until next, Unfold(folded, t) equals Balance(credits, t) for any
// t ≥ now; from next on, fold again. With the 90-day half-life the folded
// value stays finite for credits dated from about 1750 to 2250.
func (r CreditRules) Fold(credits []Credit, now time.Time) (folded float64, next time.Time) {
	for _, c := range credits {
		if c.At.After(now) {
			if next.IsZero() || c.At.Before(next) {
				next = c.At
			}
			continue
		}
		folded += c.Points * r.growth(daysFrom(CreditEpoch, c.At))
	}
	return folded, next
}

// Unfold is the balance at now of a value made by Fold:
// folded × 2^(−(now − CreditEpoch)/half-life).
func (r CreditRules) Unfold(folded float64, now time.Time) float64 {
	if folded == 0 {
		return 0
	}
	return folded * r.growth(-daysFrom(CreditEpoch, now))
}

// growth is 2^(days/half-life), or 1 when credits never fade.
func (r CreditRules) growth(days float64) float64 {
	if r.HalfLifeDays <= 0 {
		return 1
	}
	return math.Exp2(days / r.HalfLifeDays)
}

// daysFrom is the exact time from a to b in days of 24 hours, negative when
// b is earlier. It does not go through time.Duration, which would overflow
// for dates more than 292 years apart.
func daysFrom(a, b time.Time) float64 {
	secs := float64(b.Unix() - a.Unix())
	nanos := float64(b.Nanosecond() - a.Nanosecond())
	return (secs + nanos/1e9) / 86400
}

// CreditRule is one row of the rules table: what happened and what it is
// worth.
type CreditRule struct {
	What   string
	Points float64
}

// Table is every row of the rules in display order, for a "How is this
// computed?" dialog: the interaction kinds as the screen lists them, then
// the three outcomes of a promise the user made.
func (r CreditRules) Table() []CreditRule {
	rows := slices.Clone(r.Interactions)
	order := InteractionKinds()
	slices.SortStableFunc(rows, func(a, b InteractionWeight) int {
		return cmp.Compare(kindIndex(order, a.Kind), kindIndex(order, b.Kind))
	})
	out := make([]CreditRule, 0, len(rows)+3)
	for _, w := range rows {
		out = append(out, CreditRule{What: w.Kind.Label(), Points: w.Points})
	}
	return append(out,
		CreditRule{What: labelPromiseKept, Points: r.PromiseKept},
		CreditRule{What: labelPromiseKeptLate, Points: r.PromiseKeptLate},
		CreditRule{What: labelPromiseBroken, Points: r.PromiseBroken},
	)
}

// kindIndex is the position of k in order, or len(order) for a kind not in
// it, so unknown kinds sort last.
func kindIndex(order []InteractionKind, k InteractionKind) int {
	if i := slices.Index(order, k); i >= 0 {
		return i
	}
	return len(order)
}

// Explain describes the rules in a few plain sentences a user can read:
// credits and how they fade, warmth, whom to reach out to, and the risks in
// the network. It is the one place the rules are put into words.
func (r CreditRules) Explain() string {
	fade := "Credits never fade."
	if r.HalfLifeDays > 0 {
		fade = fmt.Sprintf("Credits fade: each loses half its weight every %s days, "+
			"so what you built a year ago counts for about %s of what it did.",
			formatPoints(r.HalfLifeDays), wholePercent(r.Decay(1, 365)))
	}
	return strings.Join([]string{
		"Every interaction with someone is a deposit in your relationship account with them, or a withdrawal. " +
			"Giving counts more than taking: help given, thanks in public and a meeting to ask how you can help are large deposits; " +
			"an ask or favour is a withdrawal. A promise you keep on time is a large deposit, one kept late a small withdrawal, " +
			"and a broken promise the largest withdrawal of all. Promises others make to you do not change your balance.",
		fade,
		fmt.Sprintf("Warmth (0 to 100) is %d%% how recently you were in touch and %d%% the balance. "+
			"Within the person's keep-in-touch cadence recency is full; past it, it halves with every further cadence period "+
			"(people without a cadence use %d days). A negative balance lowers warmth.",
			int(warmthRecencyShare*100), 100-int(warmthRecencyShare*100), noCadenceScaleDays),
		fmt.Sprintf("Whom to reach out to weighs influence, how cold the relationship is and how far past the cadence, "+
			"stance (a neutral, skeptic, blocker or unknown with a say needs winning over; a champion or supporter going cold needs care), "+
			"and promises due: what you owe them counts the most. A meeting already planned within %d days makes someone far less pressing.",
			MeetingInHandDays),
		fmt.Sprintf("Risks: all your support resting on one champion; an influential blocker not spoken to in %d days; "+
			"a key person not contacted in %d days; team mates not thanked in %d days.",
			blockerSilenceDays, keyPersonColdDays, TeamThanksDays),
	}, "\n\n")
}

// formatPoints writes a number of points without needless decimals: "8",
// "-2", "2.5".
func formatPoints(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// wholePercent writes a fraction as a whole percentage: "6%".
func wholePercent(f float64) string {
	return fmt.Sprintf("%d%%", int(math.Round(f*100)))
}
