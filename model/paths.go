package model

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Warm paths: who can introduce the user to whom. The user is not a person
// in the network; their own relationship with someone is that person's
// warmth. A path starts with someone the user knows (warmth above 0) and
// follows ties between people, never a tie between two people at odds and
// never through a blocker, to the person the user wants to reach.

// Limits of a warm path.
const (
	// MaxPathHops is the most steps a path may take, the user's own first
	// step included: at most two people between the user and the target.
	MaxPathHops = 3
	// MaxWarmPaths is how many paths WarmPaths returns at most, each
	// through a different first person.
	MaxWarmPaths = 3
	// strongTieStep is the strength from which a step along a tie counts
	// as strong.
	strongTieStep = 0.6
	// furtherAsk is what each person to ask beyond the first keeps of a
	// path's strength: one more introduction is one more chance to stall,
	// so a warm direct introduction beats an equally warm chain.
	furtherAsk = 0.8
)

// tieStrength is how well an introduction carries along a tie of kind k
// from one person to the next, forward when the tie runs that way: close
// to 1, reports to (either way) 0.9, influences 0.8, is influenced by 0.6;
// at odds (or an unknown kind) 0: never used.
func tieStrength(k TieKind, forward bool) float64 {
	switch k {
	case TieCloseTo:
		return 1
	case TieReportsTo:
		return 0.9
	case TieInfluences:
		if forward {
			return 0.8
		}
		return 0.6
	}
	return 0
}

// willingness is how readily a person with stance s makes an introduction
// for the user: champions and supporters 1, neutral and unknown 0.8,
// skeptics 0.5, blockers 0 (never asked).
func willingness(s Stance) float64 {
	switch s {
	case StanceChampion, StanceSupporter:
		return 1
	case StanceSkeptic:
		return 0.5
	case StanceBlocker:
		return 0
	}
	return 0.8
}

// PathStep is one step of a warm path: from the user to the first person
// (Kind empty, strength from the warmth), or along a tie from one person to
// the next (strength from the tie and the stance of the one introducing).
type PathStep struct {
	From     Person  // zero (ID 0) for the user's own first step
	To       Person  // the person this step reaches
	Kind     TieKind // the tie used; "" for the first step
	Forward  bool    // the tie runs From → To (From reports to To, …)
	Strength float64 // 0 (weak) to 1 (strong)
	Strong   bool
	Warmth   int // the user's warmth with To, on the first step only
	// Reason says in words why the step is strong or weak: "strong: you
	// are warm with Daniel (warmth 82)", "weak: Jonas listens to Helena
	// and is a skeptic".
	Reason string
}

// WarmPath is one chain of introductions from the user to a person.
type WarmPath struct {
	Steps []PathStep
	// Strength is the product of the steps' strengths, times furtherAsk
	// (0.8) for the second person to ask on a path of three steps: 0 to
	// 1, longer paths weaker.
	Strength float64
}

// Target is the person the path reaches.
func (p WarmPath) Target() Person { return p.Steps[len(p.Steps)-1].To }

// Via is the people between the user and the target, in order.
func (p WarmPath) Via() []Person {
	out := make([]Person, 0, len(p.Steps)-1)
	for _, s := range p.Steps[:len(p.Steps)-1] {
		out = append(out, s.To)
	}
	return out
}

// Names is the path as names, the user first: "You", "Daniel Okafor",
// "Helena Sørensen".
func (p WarmPath) Names() []string {
	out := []string{"You"}
	for _, s := range p.Steps {
		out = append(out, s.To.Name)
	}
	return out
}

// Summary is the path in a phrase: "through Daniel (warm, reports to
// Helena)", or with two people between "through Ingrid (warm, reports to
// Maximiliane) and Maximiliane (reports to Helena)".
func (p WarmPath) Summary() string {
	if len(p.Steps) == 1 {
		return "directly (" + warmthBand(p.Steps[0].Warmth) + ", warmth " + strconv.Itoa(p.Steps[0].Warmth) + ")"
	}
	var parts []string
	for i, s := range p.Steps[1:] {
		words := tiePhrase(s.Kind, s.Forward, callName(s.To))
		if i == 0 {
			words = warmthBand(p.Steps[0].Warmth) + ", " + words
		}
		parts = append(parts, callName(s.From)+" ("+words+")")
	}
	return "through " + strings.Join(parts, " and ")
}

// warmthBand names a warmth: "warm" from PanelWarmEnough, "cooling" from
// half of it, else "cold".
func warmthBand(w int) string {
	switch {
	case w >= PanelWarmEnough:
		return "warm"
	case w >= PanelWarmEnough/2:
		return "cooling"
	}
	return "cold"
}

// tiePhrase is the tie from the introducing person's side, toward name:
// "reports to Helena", "manages Priya", "close to Jonas", "influences
// Rajesh", "listens to Nadia".
func tiePhrase(k TieKind, forward bool, name string) string {
	switch k {
	case TieReportsTo:
		if forward {
			return "reports to " + name
		}
		return "manages " + name
	case TieCloseTo:
		return "close to " + name
	case TieInfluences:
		if forward {
			return "influences " + name
		}
		return "listens to " + name
	}
	return k.Label() + " " + name
}

// tieClause is tiePhrase as a verb after a name: "is close to Jonas",
// else the same words.
func tieClause(k TieKind, forward bool, name string) string {
	if k == TieCloseTo {
		return "is " + tiePhrase(k, forward, name)
	}
	return tiePhrase(k, forward, name)
}

// stancePhrase is what a stance adds to a step's reason: "backs you", "is
// a skeptic", "is neutral", or "" for an unknown stance.
func stancePhrase(s Stance) string {
	switch s {
	case StanceChampion:
		return "is your champion"
	case StanceSupporter:
		return "backs you"
	case StanceNeutral:
		return "is neutral"
	case StanceSkeptic:
		return "is a skeptic"
	}
	return ""
}

// callName is the first name as agendas use it, or the whole name.
func callName(p Person) string {
	if n := agendaFirstName(p.Name); n != "" {
		return n
	}
	return strings.TrimSpace(p.Name)
}

// link is one way along a tie in a TieGraph.
type link struct {
	to       int32 // index into TieGraph.people
	kind     TieKind
	forward  bool
	strength float64
}

// TieGraph is the ties between active people, indexed for walking: from
// each person, the strongest way to each person they are tied to. A pair
// at odds has no link at all, whatever other ties it has.
type TieGraph struct {
	people []NetworkPerson
	index  map[int64]int32
	links  [][]link
}

// NewTieGraph indexes the network's active people and the ties between
// them. Archived people and their ties are left out.
func NewTieGraph(n Network) *TieGraph {
	g := &TieGraph{index: make(map[int64]int32, len(n.People)), people: make([]NetworkPerson, 0, len(n.People))}
	for _, p := range n.People {
		if !p.Person.Archived() {
			g.index[p.Person.ID] = int32(len(g.people))
			g.people = append(g.people, p)
		}
	}
	ends := make([][2]int32, len(n.Ties)) // -1 for a tie left out
	degree := make([]int32, len(g.people))
	odds := map[[2]int32]bool{}
	for i, t := range n.Ties {
		a, okA := g.index[t.FromID]
		b, okB := g.index[t.ToID]
		ends[i] = [2]int32{-1, -1}
		switch {
		case !okA || !okB || a == b:
		case t.Kind == TieAtOddsWith:
			odds[[2]int32{min(a, b), max(a, b)}] = true
		case tieStrength(t.Kind, true) > 0:
			ends[i] = [2]int32{a, b}
			degree[a]++
			degree[b]++
		}
	}
	g.links = make([][]link, len(g.people))
	for i, d := range degree {
		g.links[i] = make([]link, 0, d)
	}
	for i, t := range n.Ties {
		a, b := ends[i][0], ends[i][1]
		if a < 0 || (len(odds) > 0 && odds[[2]int32{min(a, b), max(a, b)}]) {
			continue
		}
		g.links[a] = append(g.links[a], link{to: b, kind: t.Kind, forward: true, strength: tieStrength(t.Kind, true)})
		g.links[b] = append(g.links[b], link{to: a, kind: t.Kind, forward: false, strength: tieStrength(t.Kind, false)})
	}
	for i, ls := range g.links {
		if len(ls) < 2 {
			continue
		}
		slices.SortFunc(ls, func(x, y link) int {
			if c := cmp.Compare(x.to, y.to); c != 0 {
				return c
			}
			return cmp.Compare(y.strength, x.strength)
		})
		g.links[i] = slices.CompactFunc(ls, func(x, y link) bool { return x.to == y.to })
	}
	return g
}

// candidate is a path found by walk: the people between (one or two
// indexes) and its strength.
type candidate struct {
	via      [2]int32 // via[1] is -1 on a path with one person between
	strength float64
}

// hops is the candidate's number of steps.
func (c candidate) hops() int {
	if c.via[1] < 0 {
		return 2
	}
	return 3
}

// first is the index of the first person on the path.
func (c candidate) first() int32 { return c.via[0] }

// walk calls found for every path of at most MaxPathHops steps from the
// user to the person at index t: through one person the user knows
// (warmth above 0), or through such a person and one more. Nobody is
// passed twice and blockers are never passed.
func (g *TieGraph) walk(t int32, found func(candidate)) {
	for _, bt := range g.links[t] {
		b := bt.to
		wb := willingness(g.people[b].Person.Stance)
		if wb == 0 {
			continue
		}
		toT := tieStrength(bt.kind, !bt.forward) * wb // b → t
		if w := g.people[b].Warmth; w > 0 {
			found(candidate{via: [2]int32{b, -1}, strength: float64(w) / 100 * toT})
		}
		for _, ab := range g.links[b] {
			a := ab.to
			if a == t {
				continue
			}
			wa, warmth := willingness(g.people[a].Person.Stance), g.people[a].Warmth
			if wa == 0 || warmth <= 0 {
				continue
			}
			s := float64(warmth) / 100 * tieStrength(ab.kind, !ab.forward) * wa * toT * furtherAsk
			found(candidate{via: [2]int32{a, b}, strength: s})
		}
	}
}

// WarmPaths is the best paths from the user to the person with the given
// ID, at most MaxWarmPaths of them and each through a different first
// person: first the direct way when the user is warm with them already (a
// path of one step), then strongest first, then fewer steps, then by the first person's
// name and ID. Someone archived or unknown has none.
func (g *TieGraph) WarmPaths(personID int64) []WarmPath {
	t, ok := g.index[personID]
	if !ok {
		return nil
	}
	best := map[int32]candidate{}
	g.walk(t, func(c candidate) {
		if old, ok := best[c.first()]; !ok || c.strength > old.strength ||
			(c.strength == old.strength && c.hops() < old.hops()) {
			best[c.first()] = c
		}
	})
	cands := make([]candidate, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	slices.SortFunc(cands, g.compareCandidates)
	if len(cands) > MaxWarmPaths {
		cands = cands[:MaxWarmPaths]
	}
	out := make([]WarmPath, 0, len(cands)+1)
	if direct := firstStep(g.people[t]); direct.Strong {
		// Warm already: asking them is the best way, an introduction the
		// fallback.
		out = append(out, WarmPath{Steps: []PathStep{direct}, Strength: direct.Strength})
		cands = cands[:min(len(cands), MaxWarmPaths-1)]
	}
	for _, c := range cands {
		out = append(out, g.path(c, t))
	}
	return out
}

// compareCandidates orders paths strongest first, then by fewer steps,
// then by the first person's name (case-insensitive) and ID.
func (g *TieGraph) compareCandidates(x, y candidate) int {
	if c := cmp.Compare(y.strength, x.strength); c != 0 {
		return c
	}
	if c := cmp.Compare(x.hops(), y.hops()); c != 0 {
		return c
	}
	px, py := g.people[x.first()].Person, g.people[y.first()].Person
	if c := cmp.Compare(strings.ToLower(px.Name), strings.ToLower(py.Name)); c != 0 {
		return c
	}
	return cmp.Compare(px.ID, py.ID)
}

// path writes a candidate out as steps with their reasons.
func (g *TieGraph) path(c candidate, t int32) WarmPath {
	order := []int32{c.via[0]}
	if c.via[1] >= 0 {
		order = append(order, c.via[1])
	}
	order = append(order, t)
	first := g.people[order[0]]
	steps := []PathStep{firstStep(first)}
	for i := 1; i < len(order); i++ {
		steps = append(steps, g.tieStep(order[i-1], order[i]))
	}
	return WarmPath{Steps: steps, Strength: c.strength}
}

// firstStep is the user's own step to p, as strong as they are warm.
func firstStep(p NetworkPerson) PathStep {
	s := PathStep{To: p.Person, Strength: float64(p.Warmth) / 100, Strong: p.Warmth >= PanelWarmEnough,
		Warmth: p.Warmth}
	band, name := warmthBand(p.Warmth), callName(p.Person)
	if s.Strong {
		s.Reason = "strong: you are warm with " + name + " (warmth " + strconv.Itoa(p.Warmth) + ")"
	} else {
		s.Reason = "weak: you are " + band + " with " + name + " (warmth " + strconv.Itoa(p.Warmth) + ")"
	}
	return s
}

// tieStep is the step from the person at index a to the one at b, along
// their strongest tie, a making the introduction.
func (g *TieGraph) tieStep(a, b int32) PathStep {
	var l link
	for _, x := range g.links[a] {
		if x.to == b {
			l = x
			break
		}
	}
	from, to := g.people[a].Person, g.people[b].Person
	s := PathStep{From: from, To: to, Kind: l.kind, Forward: l.forward,
		Strength: l.strength * willingness(from.Stance)}
	s.Strong = s.Strength >= strongTieStep
	words := callName(from) + " " + tieClause(l.kind, l.forward, callName(to))
	if st := stancePhrase(from.Stance); st != "" {
		words += " and " + st
	}
	if s.Strong {
		s.Reason = "strong: " + words
	} else {
		s.Reason = "weak: " + words
	}
	return s
}

// FindPerson is the one active person name stands for, read as the quick
// log reads names: the full name, then a first or last name, then the
// start of the name or of its words, case and accents ignored. No one, or
// several at the first level that matches, is a *CaptureError naming
// candidates.
func FindPerson(name string, people []Person) (Person, error) {
	return matchPerson(name, activePeople(people), false)
}
