package sample

import (
	"strconv"
	"time"

	"rapport/model"
)

// addPeople adds n people: the head of the cast, then procedural ones.
func (g *gen) addPeople(n int) {
	for i := 0; i < n && i < len(cast); i++ {
		g.addCastMember(cast[i])
	}
	if n > len(cast) {
		teamWeights := make([]weighted[int], len(teams))
		for i, t := range teams {
			teamWeights[i] = weighted[int]{i, t.weight}
		}
		leads := make([][]int, len(teams))
		for i, t := range teams {
			for _, key := range t.leads {
				if j := g.person(key); j >= 0 {
					leads[i] = append(leads[i], j)
				}
			}
		}
		for len(g.ppl) < n {
			g.addExtra(teamWeights, leads)
		}
	}
	g.buildWeights()
}

// teamOf returns the spec of the named team, or nil.
func teamOf(name string) *teamSpec {
	for i := range teams {
		if teams[i].name == name {
			return &teams[i]
		}
	}
	return nil
}

// newPerson appends p with its generator facts and returns its index.
func (g *gen) newPerson(p model.Person, info pinfo) int {
	i := len(g.ppl)
	p.ID = g.id(i)
	p.FirstMet = g.date(-info.met)
	info.created = min(info.met, appAgeDays)
	p.CreatedAt = g.clock(-info.created, 8, g.rng.IntN(50))
	p.UpdatedAt = g.clock(-g.between(1, info.created), 17, g.rng.IntN(50))
	g.net.People = append(g.net.People, p)
	g.ppl = append(g.ppl, info)
	g.groups[info.group] = append(g.groups[info.group], i)
	return i
}

// uniqueEmail returns local@domain, numbered when the address is taken.
func (g *gen) uniqueEmail(local, domain string) string {
	addr := local + "@" + domain
	for n := 2; g.emails[addr]; n++ {
		addr = local + strconv.Itoa(n) + "@" + domain
	}
	g.emails[addr] = true
	return addr
}

func (g *gen) addCastMember(c castMember) {
	p := model.Person{
		Name:         c.first + " " + c.last,
		Title:        c.title,
		Team:         c.team,
		Organisation: c.org,
		Phone:        c.phone,
		Relation:     c.rel,
		Influence:    c.influence,
		Stance:       c.stance,
		CadenceDays:  c.cadence,
		CadenceSet:   c.cadence != model.DefaultCadenceDays,
		WorkingOn:    c.workingOn,
		Needs:        c.needs,
		Notes:        c.notes,
	}
	group, topics := c.team, externalTopics
	if c.org == "" {
		p.Organisation = Company
		if t := teamOf(c.team); t != nil {
			topics = t.topics
		}
	} else {
		group = c.org
	}
	switch c.email {
	case "-":
	case "":
		p.Email = g.uniqueEmail(emailPart(c.first)+"."+emailPart(c.last), Domain)
	default:
		p.Email = c.email
		g.emails[c.email] = true
	}
	call := c.call
	if call == "" {
		call = c.first
	}
	i := g.newPerson(p, pinfo{
		call:   call,
		group:  group,
		topics: topics,
		lo:     max(1, c.quiet),
		hi:     min(c.met, 365),
		met:    c.met,
		weight: c.weight,
		boss:   -1,
	})
	g.keys[c.key] = i
}

var (
	extraStances = []weighted[model.Stance]{
		{model.StanceNeutral, 35}, {model.StanceUnknown, 33}, {model.StanceSupporter, 20},
		{model.StanceSkeptic, 6}, {model.StanceChampion, 4}, {model.StanceBlocker, 2},
	}
	extraCadences = []weighted[int]{{0, 25}, {14, 5}, {30, 30}, {60, 25}, {90, 15}}
	jitter        = []int{-1, 0, 0, 0, 1}
)

// addExtra adds one procedurally generated person.
func (g *gen) addExtra(teamWeights []weighted[int], leads [][]int) {
	self := len(g.ppl)
	first, last := pick(g, firstNames), pick(g, lastNames)
	p := model.Person{Name: first + " " + last}
	info := pinfo{call: first, boss: -1}
	var title jobTitle
	if g.chance(6) {
		org := pick(g, organisations)
		title = pick(g, externalTitles)
		p.Organisation, p.Title = org.name, title.name
		p.Relation = model.RelationExternal
		if org.client {
			p.Relation = model.RelationClient
		}
		if g.chance(85) {
			p.Email = g.uniqueEmail(emailPart(first)+"."+emailPart(last), org.domain)
		}
		if g.chance(50) {
			p.WorkingOn = pick(g, externalWorking)
		}
		if g.chance(40) {
			p.Needs = pick(g, externalNeeds)
		}
		info.group, info.topics, info.weight = org.name, externalTopics, 0.4
	} else {
		ti := weightedPick(g, teamWeights)
		t := &teams[ti]
		title = pick(g, t.titles)
		p.Organisation, p.Team, p.Title = Company, t.name, title.name
		if g.chance(92) {
			p.Email = g.uniqueEmail(emailPart(first)+"."+emailPart(last), Domain)
		}
		if g.chance(65) {
			p.WorkingOn = pick(g, t.working)
		}
		if g.chance(50) {
			p.Needs = pick(g, t.needs)
		}
		info.group, info.topics = t.name, t.topics
		info.weight = 1
		if t.name == "Platform" {
			info.weight = 1.8
		}
		head := g.person(t.head)
		switch {
		case title.lead:
			info.boss = head
		case len(leads[ti]) > 0:
			info.boss = pick(g, leads[ti])
		default:
			info.boss = head
		}
		if title.lead {
			leads[ti] = append(leads[ti], self)
		}
	}
	p.Influence = min(5, max(1, title.level+pick(g, jitter)))
	switch {
	case p.Relation != "":
	case p.Influence >= 4:
		p.Relation = model.RelationLeader
	case p.Team == "Platform":
		p.Relation = model.RelationTeamMate
	case g.chance(4):
		p.Relation = model.RelationOther
	default:
		p.Relation = model.RelationPeer
	}
	p.Stance = weightedPick(g, extraStances)
	p.CadenceDays = weightedPick(g, extraCadences)
	// As the migration that brought in CadenceSet reads a user's data: a
	// cadence other than the default was chosen.
	p.CadenceSet = p.CadenceDays != model.DefaultCadenceDays
	if g.chance(12) {
		p.Notes = pick(g, personNotes)
	}
	if g.chance(15) {
		p.Phone = "+1 415 555 01" + strconv.Itoa(10+g.rng.IntN(90))
	}
	info.weight *= 0.4 + 0.3*float64(p.Influence)
	if g.chance(25) {
		info.met = g.between(14, 364) // joined or met this year
	} else {
		info.met = g.between(365, 2400)
	}
	info.lo, info.hi = 1, min(info.met, 365)
	g.newPerson(p, info)
}

// addTie adds a tie unless it would be a self-tie or repeat one (for the
// symmetric kinds, in either direction). It reports whether it did.
func (g *gen) addTie(from, to int, kind model.TieKind, note string) bool {
	if from == to || from < 0 || to < 0 {
		return false
	}
	k := tieKey{g.id(from), g.id(to), kind}
	if g.tieSeen[k] {
		return false
	}
	if kind == model.TieCloseTo || kind == model.TieAtOddsWith {
		if g.tieSeen[tieKey{k.to, k.from, kind}] {
			return false
		}
	}
	g.tieSeen[k] = true
	at := g.net.People[from].CreatedAt
	if t := g.net.People[to].CreatedAt; t.After(at) {
		at = t
	}
	at = g.notAfterNow(at.Add(2 * time.Minute))
	g.net.Ties = append(g.net.Ties, model.Tie{
		ID:        int64(len(g.net.Ties) + 1),
		FromID:    k.from,
		ToID:      k.to,
		Kind:      kind,
		Note:      note,
		CreatedAt: at,
		UpdatedAt: at,
	})
	return true
}

var extraTieKinds = []weighted[model.TieKind]{
	{model.TieCloseTo, 45}, {model.TieInfluences, 40}, {model.TieAtOddsWith, 15},
}

// addTies adds the cast's ties, then for every procedural person a
// reporting line and one to three other ties, mostly within their team.
func (g *gen) addTies() {
	for _, t := range castTies {
		g.addTie(g.person(t.from), g.person(t.to), t.kind, t.note)
	}
	for i := len(cast); i < len(g.ppl); i++ {
		g.addTie(i, g.ppl[i].boss, model.TieReportsTo, "")
	}
	for i := len(cast); i < len(g.ppl); i++ {
		for n := 1 + g.rng.IntN(3); n > 0; n-- {
			var to int
			if mates := g.groups[g.ppl[i].group]; len(mates) > 1 && g.chance(65) {
				to = pick(g, mates)
			} else {
				to = g.rng.IntN(len(g.ppl))
			}
			kind := weightedPick(g, extraTieKinds)
			note := ""
			if g.chance(20) {
				note = pick(g, tieNotes[kind])
			}
			g.addTie(i, to, kind, note)
		}
	}
}
