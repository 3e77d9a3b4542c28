package model

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// Where the user's reach is thin: brokers who bridge groups, influential
// people reached through only one person, and panel members with only one
// champion of the user's close to them. They are risks in the style of
// NetworkRisks: a sentence with the next step after a colon.

// The kinds of reach risk.
const (
	RiskPanelOneChampion RiskKind = "panel_one_champion" // a panel member hears for the user from one champion only
	RiskOnlyThroughOne   RiskKind = "only_through_one"   // an influential person reached through one person only
	RiskColdBroker       RiskKind = "cold_broker"        // a broker between groups the user is not warm with
)

// Limits of the broker search.
const (
	// BrokerCircle is the most people betweenness is computed over: the
	// user's circle, the most influential and warmest first (see Brokers).
	// Betweenness over every tie of 5,000 people takes minutes; over the
	// circle it takes milliseconds and names the same bridges that matter
	// to the user.
	BrokerCircle = 120
	// MaxBrokers is how many brokers Brokers returns at most.
	MaxBrokers = 5
)

// PanelSeat is one person on one role's promotion panel, with the role's
// title for the words.
type PanelSeat struct {
	Member PanelMember
	Role   string
}

// Broker is someone who connects groups of the user's circle that are
// otherwise apart.
type Broker struct {
	Person Person
	Warmth int
	// Betweenness is the person's betweenness centrality over the circle:
	// how many shortest paths between two others pass through them.
	Betweenness float64
	// Groups are the teams (or organisations) of the people they are tied
	// to in the circle, sorted: at least two.
	Groups []string
}

// ReachRisks is where the user's reach is thin, in this order: panel
// members who hear for the user from one champion only; influential people
// (influence ≥ 4) the user is not warm with and reaches, within
// MaxPathHops, only through one person; brokers the user is not warm with.
// Within a rule, higher influence first, then the colder, then by name.
func ReachRisks(g *TieGraph, panel []PanelSeat) []Risk {
	risks := g.panelRisks(panel)
	risks = append(risks, g.singlePointRisks()...)
	onPanel := map[int64]bool{}
	for _, s := range panel {
		onPanel[s.Member.PersonID] = true
	}
	for _, b := range g.Brokers(onPanel) {
		if b.Warmth >= PanelWarmEnough {
			continue
		}
		name := callName(b.Person)
		risks = append(risks, Risk{Kind: RiskColdBroker, PersonIDs: []int64{b.Person.ID},
			Text: b.Person.Name + " bridges " + listNames(b.Groups, 0) + " in your network and you are " +
				warmthBand(b.Warmth) + " (warmth " + strconv.Itoa(b.Warmth) + "): have a coffee with " +
				name + " to keep the bridge open"})
	}
	return risks
}

// byKeyPerson orders people as the risks list them: higher influence,
// then colder, then name (case-insensitive), then ID.
func byKeyPerson(a, b NetworkPerson) int {
	if c := cmp.Compare(b.Person.Influence, a.Person.Influence); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Warmth, b.Warmth); c != 0 {
		return c
	}
	if c := cmp.Compare(strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)); c != 0 {
		return c
	}
	return cmp.Compare(a.Person.ID, b.Person.ID)
}

// onSide reports whether a stance is on the user's side.
func onSide(s Stance) bool { return s == StanceChampion || s == StanceSupporter }

// SinglePoint is an influential person the user reaches only through one
// other person.
type SinglePoint struct {
	Target  NetworkPerson
	Through Person
}

// SinglePoints is every active person with influence ≥ 4 whom the user is
// not warm with (warmth below PanelWarmEnough) and who has at least one
// warm path, every one of which passes through the same person, ordered
// as ReachRisks lists them.
func (g *TieGraph) SinglePoints() []SinglePoint {
	var out []SinglePoint
	for t, p := range g.people {
		if p.Person.Influence < keyInfluence || p.Warmth >= PanelWarmEnough {
			continue
		}
		if through, ok := g.onlyThrough(int32(t)); ok {
			out = append(out, SinglePoint{Target: p, Through: g.people[through].Person})
		}
	}
	slices.SortFunc(out, func(a, b SinglePoint) int { return byKeyPerson(a.Target, b.Target) })
	return out
}

// onlyThrough is the person every path to t passes through, the one
// nearest the user when two are, and whether there is one (there is none
// when there is no path at all).
func (g *TieGraph) onlyThrough(t int32) (int32, bool) {
	common, paths := [2]int32{-1, -1}, 0
	g.walk(t, func(c candidate) {
		if paths++; paths == 1 {
			common = c.via
			return
		}
		for i, v := range common {
			if v >= 0 && v != c.via[0] && v != c.via[1] {
				common[i] = -1
			}
		}
	})
	for _, v := range common {
		if v >= 0 {
			return v, true
		}
	}
	return -1, false
}

// singlePointRisks is "You reach Nadia Haddad (influence 5) only through
// Daniel Okafor: get to know Rajesh Iyer, who reports to Nadia, for a
// second way in".
func (g *TieGraph) singlePointRisks() []Risk {
	var risks []Risk
	for _, sp := range g.SinglePoints() {
		t := g.index[sp.Target.Person.ID]
		through := g.index[sp.Through.ID]
		next := "ask " + callName(sp.Through) + " to introduce you to " + callName(sp.Target.Person) +
			" while the way is open"
		if alt, l, ok := g.bestNeighbour(t, func(i int32) bool { return i != through }); ok {
			next = "get to know " + g.people[alt].Person.Name + ", who " +
				tieClause(l.kind, !l.forward, callName(sp.Target.Person)) + ", for a second way in"
		}
		risks = append(risks, Risk{Kind: RiskOnlyThroughOne,
			PersonIDs: []int64{sp.Target.Person.ID, sp.Through.ID},
			Text:      "You reach " + nameWithInfluence(sp.Target.Person) + " only through " + sp.Through.Name + ": " + next})
	}
	return risks
}

// bestNeighbour is the person tied to t, among those keep accepts and who
// are not blockers, the user is warmest with (then higher influence, then
// name), with the link from t to them.
func (g *TieGraph) bestNeighbour(t int32, keep func(int32) bool) (int32, link, bool) {
	best, found := link{to: -1}, false
	for _, l := range g.links[t] {
		p := g.people[l.to]
		if !keep(l.to) || p.Person.Stance == StanceBlocker {
			continue
		}
		if !found || byKeyWarmest(p, g.people[best.to]) < 0 {
			best, found = l, true
		}
	}
	return best.to, best, found
}

// byKeyWarmest orders the warmest first, then higher influence, then name
// and ID.
func byKeyWarmest(a, b NetworkPerson) int {
	if c := cmp.Compare(b.Warmth, a.Warmth); c != 0 {
		return c
	}
	return byKeyPerson(a, b)
}

// panelRisks is "Jonas Lindqvist (Engineering Manager panel) hears for you
// only from Daniel Okafor: win over Tomás Herrera, who is close to Jonas,
// as a second voice", once per person, for panel members not themselves on
// the user's side who are tied to exactly one champion or supporter.
func (g *TieGraph) panelRisks(panel []PanelSeat) []Risk {
	roles := map[int32][]string{}
	var members []int32
	for _, s := range panel {
		m, ok := g.index[s.Member.PersonID]
		if !ok || onSide(g.people[m].Person.Stance) {
			continue
		}
		if _, seen := roles[m]; !seen {
			members = append(members, m)
		}
		if !slices.Contains(roles[m], s.Role) {
			roles[m] = append(roles[m], s.Role)
		}
	}
	slices.SortFunc(members, func(a, b int32) int { return byKeyPerson(g.people[a], g.people[b]) })
	var risks []Risk
	for _, m := range members {
		champion, n := int32(-1), 0
		for _, l := range g.links[m] {
			if onSide(g.people[l.to].Person.Stance) {
				champion, n = l.to, n+1
			}
		}
		if n != 1 {
			continue
		}
		risks = append(risks, g.panelRisk(m, champion, roles[m]))
	}
	return risks
}

// panelRisk is the risk of panel member m whose one champion is c.
func (g *TieGraph) panelRisk(m, c int32, roles []string) Risk {
	member, champion := g.people[m].Person, g.people[c].Person
	next := "find a second champion among the people " + callName(member) + " listens to"
	if alt, l, ok := g.bestNeighbour(m, func(i int32) bool { return i != c }); ok {
		next = "win over " + g.people[alt].Person.Name + ", who " +
			tieClause(l.kind, !l.forward, callName(member)) + ", as a second voice"
	}
	panels := "panel"
	if len(roles) > 1 {
		panels = "panels"
	}
	return Risk{Kind: RiskPanelOneChampion, PersonIDs: []int64{member.ID, champion.ID},
		Text: member.Name + " (" + listNames(roles, 0) + " " + panels + ") hears for you only from " +
			champion.Name + ": " + next}
}

// Brokers is the people who bridge groups of the user's circle, highest
// betweenness first (then name), at most MaxBrokers, each tied to people
// of at least two groups. The circle is the active people with influence
// ≥ 4, those the user is warm with and those on a panel (onPanel), the
// most influential then the warmest first, at most BrokerCircle of them;
// betweenness is computed over the ties between them, pairs at odds left
// out, with gonum.
func (g *TieGraph) Brokers(onPanel map[int64]bool) []Broker {
	circle := g.circle(onPanel)
	in := make(map[int32]int64, len(circle))
	ug := simple.NewUndirectedGraph()
	for i, p := range circle {
		in[p] = int64(i)
		ug.AddNode(simple.Node(i))
	}
	for i, p := range circle {
		for _, l := range g.links[p] {
			if j, ok := in[l.to]; ok && int64(i) < j {
				ug.SetEdge(simple.Edge{F: simple.Node(i), T: simple.Node(j)})
			}
		}
	}
	var out []Broker
	for node, b := range network.Betweenness(ug) {
		p := circle[node]
		groups := g.groupsAround(p, in)
		if len(groups) < 2 {
			continue
		}
		out = append(out, Broker{Person: g.people[p].Person, Warmth: g.people[p].Warmth,
			Betweenness: b, Groups: groups})
	}
	slices.SortFunc(out, func(a, b Broker) int {
		if c := cmp.Compare(b.Betweenness, a.Betweenness); c != 0 {
			return c
		}
		if c := cmp.Compare(strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.Person.ID, b.Person.ID)
	})
	return out[:min(len(out), MaxBrokers)]
}

// circle is the indexes of the user's circle, as Brokers describes it.
func (g *TieGraph) circle(onPanel map[int64]bool) []int32 {
	var out []int32
	for i, p := range g.people {
		if p.Person.Influence >= keyInfluence || p.Warmth >= PanelWarmEnough || onPanel[p.Person.ID] {
			out = append(out, int32(i))
		}
	}
	slices.SortFunc(out, func(a, b int32) int {
		pa, pb := g.people[a], g.people[b]
		if c := cmp.Compare(pb.Person.Influence, pa.Person.Influence); c != 0 {
			return c
		}
		if c := cmp.Compare(pb.Warmth, pa.Warmth); c != 0 {
			return c
		}
		return cmp.Compare(pa.Person.ID, pb.Person.ID)
	})
	return out[:min(len(out), BrokerCircle)]
}

// groupsAround is the sorted teams (or organisations, for someone without
// a team) of the people p is tied to within the circle.
func (g *TieGraph) groupsAround(p int32, in map[int32]int64) []string {
	var groups []string
	for _, l := range g.links[p] {
		if _, ok := in[l.to]; !ok {
			continue
		}
		q := g.people[l.to].Person
		group := q.Team
		if group == "" {
			group = q.Organisation
		}
		if group != "" && !slices.Contains(groups, group) {
			groups = append(groups, group)
		}
	}
	slices.Sort(groups)
	return groups
}
