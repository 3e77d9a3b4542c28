package model

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RiskInput is what NetworkRisks knows about one person.
type RiskInput struct {
	Person      Person
	LastContact time.Time // zero if never contacted
	LastThanks  time.Time // last private or public thanks; zero if never
	Warmth      int       // orders people within a rule, coldest first
}

// RiskKind is which weakness of the network a risk is about.
type RiskKind string

// The kinds of network risk.
const (
	RiskSingleChampion    RiskKind = "single_champion"    // all support rests on one person
	RiskBlockerUnattended RiskKind = "blocker_unattended" // an influential blocker left alone
	RiskKeyPersonCold     RiskKind = "key_person_cold"    // an influential person not contacted in months
	RiskTeamUnthanked     RiskKind = "team_unthanked"     // team mates not thanked lately
)

// Risk is one weak spot in the user's network, in words, with the people it
// is about.
type Risk struct {
	Kind      RiskKind
	PersonIDs []int64
	Text      string
}

// TeamThanksDays is how long a team mate can go without thanks before
// they count as overlooked.
const TeamThanksDays = 60

// Thresholds of the network risks.
const (
	championInfluence  = 3  // influence from which a person counts toward support
	championMinPeople  = 3  // influential people needed before one champion is a risk
	keyInfluence       = 4  // influence of a key person or a dangerous blocker
	blockerSilenceDays = 30 // a blocker not spoken to this long is a risk
	keyPersonColdDays  = 90 // a key person not contacted this long is a risk
	teamNamesShown     = 5  // names listed in the team risk before "and N more"
)

// NetworkRisks finds the weak spots of the user's network, ignoring
// archived people, in this order:
//
//   - each influential blocker (influence ≥ 4) not spoken to in 30 days or
//     more, or never;
//   - all support resting on one person: exactly one champion or supporter
//     among the people with influence ≥ 3, when there are at least 3 such
//     people;
//   - each key person (influence ≥ 4, not a blocker) not contacted in 90
//     days or more, or never;
//   - team mates not thanked in 60 days or more, or never, as one risk.
//
// Within a rule, higher influence comes first, then the colder person, then
// the longer silence.
func NetworkRisks(in []RiskInput, now time.Time) []Risk {
	type keyed struct {
		RiskInput
		silent int
	}
	isKey := func(r *RiskInput) bool { return !r.Person.Archived() && r.Person.Influence >= keyInfluence }
	n := 0
	for i := range in {
		if isKey(&in[i]) {
			n++
		}
	}
	influential := make([]keyed, 0, n) // whom the per-person rules can name
	for i := range in {
		if r := &in[i]; isKey(r) {
			influential = append(influential, keyed{*r, daysSilent(r.LastContact, now)})
		}
	}
	// Sorted by pointer: the inputs are large to move.
	key := make([]*keyed, len(influential))
	for i := range influential {
		key[i] = &influential[i]
	}
	slices.SortStableFunc(key, func(a, b *keyed) int {
		if c := cmp.Compare(b.Person.Influence, a.Person.Influence); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Warmth, b.Warmth); c != 0 {
			return c
		}
		if c := cmp.Compare(b.silent, a.silent); c != 0 {
			return c
		}
		return cmp.Compare(a.Person.ID, b.Person.ID)
	})

	var risks []Risk
	for _, r := range key {
		if risk, ok := blockerRisk(r.RiskInput, now); ok {
			risks = append(risks, risk)
		}
	}
	if risk, ok := singleChampionRisk(in); ok {
		risks = append(risks, risk)
	}
	for _, r := range key {
		if risk, ok := keyPersonRisk(r.RiskInput, now); ok {
			risks = append(risks, risk)
		}
	}
	if risk, ok := teamRisk(in, now); ok {
		risks = append(risks, risk)
	}
	return risks
}

// RiskCandidate reports whether NetworkRisks may count or name p: someone
// not archived who is influential enough to count toward support, or a
// team mate. NetworkRisks gives the same risks for its input cut to the
// candidates, which a caller with thousands of people may pass alone.
func RiskCandidate(p Person) bool {
	return !p.Archived() && (p.Influence >= championInfluence || p.Relation == RelationTeamMate)
}

// daysSilent is the calendar days since t, 0 for a date in the future, and a
// very large number when t is zero (never).
func daysSilent(t, now time.Time) int {
	if t.IsZero() {
		return int(^uint(0) >> 1)
	}
	return max(DaysBetween(t.In(now.Location()), now), 0)
}

// blockerRisk is "Lee Park (influence 5) may block you and you have not
// spoken in 45 days".
func blockerRisk(r RiskInput, now time.Time) (Risk, bool) {
	p := r.Person
	if p.Stance != StanceBlocker || p.Influence < keyInfluence {
		return Risk{}, false
	}
	if !r.LastContact.IsZero() && daysSilent(r.LastContact, now) < blockerSilenceDays {
		return Risk{}, false
	}
	text := nameWithInfluence(p) + " may block you and you have never spoken"
	if !r.LastContact.IsZero() {
		text = nameWithInfluence(p) + " may block you and you have not spoken in " +
			countOf(daysSilent(r.LastContact, now), "day")
	}
	return Risk{Kind: RiskBlockerUnattended, PersonIDs: []int64{p.ID}, Text: text}, true
}

// singleChampionRisk is "All your support rests on Dana Whitfield: find a
// second champion".
func singleChampionRisk(in []RiskInput) (Risk, bool) {
	influential, support := 0, 0
	var p *Person // the one support, when there is one
	for i := range in {
		r := &in[i]
		if r.Person.Archived() || r.Person.Influence < championInfluence {
			continue
		}
		influential++
		if s := r.Person.Stance; s == StanceChampion || s == StanceSupporter {
			support++
			p = &r.Person
		}
	}
	if support != 1 || influential < championMinPeople {
		return Risk{}, false
	}
	return Risk{
		Kind:      RiskSingleChampion,
		PersonIDs: []int64{p.ID},
		Text:      "All your support rests on " + p.Name + ": find a second champion",
	}, true
}

// keyPersonRisk is "Priya Shah (influence 4) has been cold for 3 months".
func keyPersonRisk(r RiskInput, now time.Time) (Risk, bool) {
	p := r.Person
	if p.Stance == StanceBlocker || p.Influence < keyInfluence {
		return Risk{}, false
	}
	if !r.LastContact.IsZero() && daysSilent(r.LastContact, now) < keyPersonColdDays {
		return Risk{}, false
	}
	text := nameWithInfluence(p) + ": no contact yet"
	if !r.LastContact.IsZero() {
		text = nameWithInfluence(p) + " has been cold for " + coldFor(daysSilent(r.LastContact, now))
	}
	return Risk{Kind: RiskKeyPersonCold, PersonIDs: []int64{p.ID}, Text: text}, true
}

// coldFor is a long silence in months, or in years from two years on:
// "3 months", "2 years".
func coldFor(days int) string {
	if months := days / 30; months < 24 {
		return countOf(months, "month")
	}
	return countOf(days/365, "year")
}

// teamRisk is "3 team mates not thanked in 60 days: A, B and C", never
// thanked first, then the longest unthanked.
func teamRisk(in []RiskInput, now time.Time) (Risk, bool) {
	var late []*RiskInput // sorted by pointer: the inputs are large to move
	for i := range in {
		r := &in[i]
		if r.Person.Archived() || r.Person.Relation != RelationTeamMate {
			continue
		}
		if r.LastThanks.IsZero() || daysSilent(r.LastThanks, now) >= TeamThanksDays {
			late = append(late, r)
		}
	}
	if len(late) == 0 {
		return Risk{}, false
	}
	slices.SortStableFunc(late, func(a, b *RiskInput) int {
		if c := cmp.Compare(daysSilent(b.LastThanks, now), daysSilent(a.LastThanks, now)); c != 0 {
			return c
		}
		return cmp.Compare(a.Person.Name, b.Person.Name)
	})
	ids := make([]int64, len(late))
	names := make([]string, 0, teamNamesShown)
	for i, r := range late {
		ids[i] = r.Person.ID
		if i < teamNamesShown {
			names = append(names, r.Person.Name)
		}
	}
	noun := "team mates"
	if len(late) == 1 {
		noun = "team mate"
	}
	return Risk{
		Kind:      RiskTeamUnthanked,
		PersonIDs: ids,
		Text: strconv.Itoa(len(late)) + " " + noun + " not thanked in " +
			strconv.Itoa(TeamThanksDays) + " days: " + listNames(names, len(late)-len(names)),
	}, true
}

// listNames joins names as "A", "A and B", "A, B and C", or with more left
// out "A, B, C, D, E and 2 more".
func listNames(names []string, more int) string {
	if more > 0 {
		names = append(names, strconv.Itoa(more)+" more")
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// nameWithInfluence is "Lee Park (influence 5)".
func nameWithInfluence(p Person) string {
	return p.Name + " (influence " + strconv.Itoa(p.Influence) + ")"
}
