package model

import (
	"fmt"
	"slices"
	"time"
)

// RiskBackerLeft is the network risk of a champion or promotion-panel
// member who left the user's organisation.
const RiskBackerLeft RiskKind = "backer_left"

// JobNews is what Today knows about a person whose role a contacts import
// changed: the person, their latest role change, and the roles whose
// panel they sit on (not archived), by title.
type JobNews struct {
	Person Person
	Change RoleChange
	Panels []string
}

// Congratulate is the reach-out a job change within JobChangeDays of now
// suggests: a deposit, congratulating them, and a fresh look at their
// influence, as reasons before any other the person already has (other,
// zero when they had none). The score is kept above every other
// suggestion's (top) so that the news is not missed while it is fresh.
func Congratulate(n JobNews, other ReachOut, top float64) ReachOut {
	r := other
	r.PersonID = n.Person.ID
	r.Score = max(other.Score, top) + 1
	reasons := []string{
		"new role: " + roleWords(n.Change.Title, n.Change.Organisation) + ", congratulate them (a deposit)",
		fmt.Sprintf("influence %d: still right in the new role?", n.Person.Influence),
	}
	// The influence is in the second reason already.
	same := fmt.Sprintf("Influence %d", n.Person.Influence)
	for _, o := range other.Reasons {
		if o != same {
			reasons = append(reasons, o)
		}
	}
	r.Reasons = reasons
	return r
}

// PutJobNewsFirst puts at the head of reachOuts (most pressing first) a
// Congratulate suggestion for each person of news whose change is within
// JobChangeDays of now, in the order of news, in place of any suggestion
// already there for them, keeping at most limit suggestions.
func PutJobNewsFirst(reachOuts []ReachOut, news []JobNews, now time.Time, limit int) []ReachOut {
	top := 0.0
	if len(reachOuts) > 0 {
		top = reachOuts[0].Score
	}
	var first []ReachOut
	for i := len(news) - 1; i >= 0; i-- {
		n := news[i]
		if _, ok := RecentJobChange([]RoleChange{n.Change}, now); !ok {
			continue
		}
		var other ReachOut
		if j := slices.IndexFunc(reachOuts, func(r ReachOut) bool { return r.PersonID == n.Person.ID }); j >= 0 {
			other = reachOuts[j]
			reachOuts = slices.Delete(slices.Clone(reachOuts), j, j+1)
		}
		first = append([]ReachOut{Congratulate(n, other, top)}, first...)
	}
	out := append(first, reachOuts...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// BackerLeftRisks are the risks of champions and panel members who left
// home, the user's organisation (see HomeOrganisation), for another:
// their latest role change took them from home elsewhere, they are not
// archived, and they are a champion or on a panel. One risk each, in the
// order of news.
func BackerLeftRisks(news []JobNews, home string) []Risk {
	var out []Risk
	for _, n := range news {
		p := n.Person
		if p.Archived() || !n.Change.LeftHome(home) || (p.Stance != StanceChampion && len(n.Panels) == 0) {
			continue
		}
		who := "a champion"
		if len(n.Panels) > 0 {
			who = "on the " + n.Panels[0] + " panel"
			if p.Stance == StanceChampion {
				who = "a champion on the " + n.Panels[0] + " panel"
			}
		}
		text := fmt.Sprintf("%s, %s, left %s for %s. Congratulate them and keep in touch, and find who speaks for you at %s now.",
			p.Name, who, n.Change.WasOrganisation, n.Change.Organisation, n.Change.WasOrganisation)
		out = append(out, Risk{Kind: RiskBackerLeft, PersonIDs: []int64{p.ID}, Text: text})
	}
	return out
}
