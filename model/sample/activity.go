package sample

import (
	"fmt"
	"time"

	"rapport/model"
)

// hourFor draws a plausible time of day for an interaction of kind.
func (g *gen) hourFor(kind model.InteractionKind) (hour, minute int) {
	switch kind {
	case model.KindLunch:
		return 12 + g.rng.IntN(2), g.rng.IntN(4) * 15
	case model.KindCoffee:
		return pick(g, []int{9, 10, 11, 14, 15, 16}), g.rng.IntN(4) * 15
	case model.KindOneOnOne, model.KindExploratory:
		return g.between(9, 16), g.rng.IntN(2) * 30
	default:
		return g.between(9, 17), g.rng.IntN(12) * 5
	}
}

// daysAgo is how many days before today t falls.
func (g *gen) daysAgo(t time.Time) int { return model.DaysBetween(t, g.now) }

// uid returns a new calendar UID, unique within the network.
func (g *gen) uid() string {
	for {
		u := fmt.Sprintf("%016x@rapport.sample", g.rng.Uint64())
		if !g.uids[u] {
			g.uids[u] = true
			return u
		}
	}
}

var (
	cafes = []string{"Copper Kettle, 3rd St", "Café Lumen, Harbour Rd", "Kitchen, 4th floor", "Fern & Finch, Mission St",
		"Front-desk café, ground floor", "Rooftop terrace, 6th floor", "Little Saigon Kitchen, Oak St"}
	meetingKinds = []weighted[model.MeetingKind]{
		{model.MeetingCoffee, 50}, {model.MeetingExploratory, 25}, {model.MeetingLunch, 15}, {model.MeetingOneOnOne, 10},
	}
	extraAgenda = "- Ask what {n} is working on\n- Offer help with {t}\n- Anything I owe them?\n- Listen 80% of the time"
)

// videoLink returns a made-up video-call address.
func (g *gen) videoLink() string {
	const letters = "abcdefghijkmnopqrstuvwxyz"
	b := []byte("https://meet.example/xxx-xxxx-xxx")
	for i := len("https://meet.example/"); i < len(b); i++ {
		if b[i] == 'x' {
			b[i] = letters[g.rng.IntN(len(letters))]
		}
	}
	return string(b)
}

// addMeeting adds a meeting with person i on the day offset days from
// today; a held one gets its outcome interaction. It returns the meeting's
// index.
func (g *gen) addMeeting(i int, m castMeeting, offset int) int {
	start := g.clock(offset, m.hour, m.min)
	mt := model.Meeting{
		ID:              int64(len(g.net.Meetings) + 1),
		UID:             g.uid(),
		PersonID:        g.id(i),
		Kind:            m.kind,
		Start:           start,
		Duration:        time.Duration(m.minutes) * time.Minute,
		Location:        m.location,
		Agenda:          m.agenda,
		Recurrence:      m.recur,
		ReminderMinutes: m.reminder,
		Status:          m.status,
	}
	if offset < 0 {
		mt.CreatedAt = g.clock(offset-g.between(2, 10), 16, g.rng.IntN(60))
	} else {
		mt.CreatedAt = g.clock(-g.between(1, 5), 16, g.rng.IntN(60))
	}
	mt.UpdatedAt = mt.CreatedAt
	switch m.status {
	case model.MeetingHeld:
		summary := m.summary
		if summary == "" {
			summary = m.kind.Label() + " with " + g.ppl[i].call
		}
		if id := g.addInteraction(m.kind.InteractionKind(), -offset, m.hour, m.min, summary, m.notes, i); id != 0 {
			mt.OutcomeID = id
			mt.UpdatedAt = g.net.Interactions[id-1].CreatedAt
		}
	case model.MeetingCanceled:
		mt.UpdatedAt = g.notAfterNow(g.clock(offset-1, 11, 5))
	}
	g.net.Meetings = append(g.net.Meetings, mt)
	return len(g.net.Meetings) - 1
}

// addMeetings adds the cast's meetings, then one per so many procedural
// people: most held in the last four months, some in the next two weeks.
func (g *gen) addMeetings() {
	for _, m := range castMeetings {
		i := g.person(m.who)
		if i < 0 {
			continue
		}
		var offset int
		switch {
		case m.day == 0:
			offset = 1
			for g.date(offset).Weekday() != standingDay {
				offset++
			}
		case m.day > 0:
			offset = g.workdayAhead(m.day)
		default:
			offset = -g.workdayAgo(-m.day, g.ppl[i].lo, g.ppl[i].hi)
		}
		g.meetByKey[m.key] = g.addMeeting(i, m, offset)
	}
	extras := len(g.ppl) - len(cast)
	for n := extras / extraPeoplePerMeeting; n > 0; n-- {
		i := len(cast) + g.rng.IntN(extras)
		info := &g.ppl[i]
		kind := weightedPick(g, meetingKinds)
		hour, minute := g.hourFor(kind.InteractionKind())
		m := castMeeting{
			kind: kind, hour: hour, min: minute, minutes: pick(g, []int{30, 30, 45, 60}),
			status: model.MeetingPlanned,
			agenda: fill(extraAgenda, info.call, "", "", pick(g, info.topics)),
		}
		if kind == model.MeetingLunch {
			m.minutes = 60
		}
		if g.chance(40) {
			m.location = g.videoLink()
		} else {
			m.location = pick(g, cafes)
		}
		if g.chance(40) {
			m.reminder = pick(g, []int{10, 15})
		}
		offset := g.workdayAhead(g.between(1, 12))
		if g.chance(70) {
			if ago := g.recentDay(info.lo, min(info.hi, 120)); ago > 0 {
				offset, m.status = -ago, model.MeetingHeld
			}
		}
		g.addMeeting(i, m, offset)
	}
}

// addCastPromises adds the cast's promises, at most limit, with the
// interactions they were made in.
func (g *gen) addCastPromises(limit int) {
	for _, c := range castPromises {
		if len(g.net.Promises) >= limit {
			return
		}
		i := g.person(c.who)
		if i < 0 {
			continue
		}
		p := model.Promise{
			Direction: c.dir,
			PersonID:  g.id(i),
			What:      c.what,
			Status:    c.status,
			Notes:     c.notes,
		}
		var made int
		if c.meeting != "" {
			mi, ok := g.meetByKey[c.meeting]
			if !ok {
				continue
			}
			m := g.net.Meetings[mi]
			made = g.daysAgo(m.Start)
			p.MeetingID, p.InteractionID, p.CreatedAt = m.ID, m.OutcomeID, m.UpdatedAt
		} else {
			made = g.workdayAgo(c.made, g.ppl[i].lo, g.ppl[i].hi)
			hour, minute := g.hourFor(c.kind)
			p.CreatedAt = g.clock(-made, hour, minute+5)
			if c.kind != "" {
				if id := g.addInteraction(c.kind, made, hour, minute, c.summary, "", i); id != 0 {
					p.InteractionID = id
					p.CreatedAt = g.net.Interactions[id-1].CreatedAt
				}
			}
		}
		p.MadeOn = g.date(-made)
		if !c.noDue {
			p.DueOn = g.date(max(c.due, -made))
		}
		p.UpdatedAt = p.CreatedAt
		switch {
		case c.status == model.PromiseRenegotiated:
			was := made - 21
			p.Notes = "Was due " + g.date(-was).Format("2 January") + ". " + p.Notes
			p.UpdatedAt = g.later(p.CreatedAt, g.clock(-max(was, 1), 16, 20))
		case !c.status.Pending():
			r := min(c.resolved, made)
			p.ResolvedOn = g.date(-r)
			p.UpdatedAt = g.later(p.CreatedAt, g.clock(-r, 17, 30))
		}
		g.net.Promises = append(g.net.Promises, p)
	}
}

// later is the later of a and b, capped at Now.
func (g *gen) later(a, b time.Time) time.Time {
	if b.After(a) {
		a = b
	}
	return g.notAfterNow(a)
}

// addOneOnOnes adds the weekly one-on-ones with the manager over the past
// year, skipping the odd week for holidays and travel.
func (g *gen) addOneOnOnes() {
	mgr := g.person("daniel")
	if mgr < 0 {
		return
	}
	for d := 1; d <= 364; d++ {
		if g.date(-d).Weekday() != standingDay || !g.inWindow(mgr, d) || g.chance(12) {
			continue
		}
		summary := fill(pick(g, summaries[model.KindOneOnOne]), g.ppl[mgr].call, "", "", pick(g, managerTopics))
		g.addInteraction(model.KindOneOnOne, d, 10, 0, summary, "", mgr)
	}
}

// addStories adds the cast's hand-written interactions whose people are all
// in the network.
func (g *gen) addStories() {
	var people []int
	for _, s := range castStories {
		people = people[:0]
		for _, key := range s.who {
			if i := g.person(key); i >= 0 {
				people = append(people, i)
			}
		}
		if len(people) < len(s.who) {
			continue
		}
		main := g.ppl[people[0]]
		d := g.workdayAgo(s.day, main.lo, main.hi)
		hour, minute := g.hourFor(s.kind)
		g.addInteraction(s.kind, d, hour, minute, s.summary, s.notes, people...)
	}
}

// mate draws someone of person i's team or organisation who was around d
// days ago and is not among taken, or -1.
func (g *gen) mate(i, d int, taken []int) int {
	mates := g.groups[g.ppl[i].group]
	if len(mates) < 2 {
		return -1
	}
	for try := 0; try < 4; try++ {
		j := pick(g, mates)
		if g.inWindow(j, d) && !contains(taken, j) {
			return j
		}
	}
	return -1
}

// anyone draws someone, by weight, who was around d days ago and is not
// among taken, or -1.
func (g *gen) anyone(d int, taken []int) int {
	for try := 0; try < 6; try++ {
		j := g.pickPerson()
		if g.inWindow(j, d) && !contains(taken, j) {
			return j
		}
	}
	return -1
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// fillInteractions spends the rest of the interaction budget on everyday
// contact, weighted toward important people and recent months.
func (g *gen) fillInteractions() {
	var buf [3]int
	for g.budget > 0 {
		i := g.pickPerson()
		info := &g.ppl[i]
		d := g.recentDay(info.lo, info.hi)
		if d < 0 { // only when nobody at all can be reached
			d = 1
		}
		kind := weightedPick(g, kindMix[g.net.People[i].Relation])
		people := append(buf[:0], i)
		switch kind {
		case model.KindIntroduction:
			if j := g.anyone(d, people); j >= 0 {
				people = append(people, j)
			} else {
				kind = model.KindMessage
			}
		case model.KindThanksPublic:
			if g.chance(45) {
				for n := 1 + g.rng.IntN(2); n > 0; n-- {
					if j := g.mate(i, d, people); j >= 0 {
						people = append(people, j)
					}
				}
			}
		case model.KindLunch:
			if g.chance(30) {
				if j := g.mate(i, d, people); j >= 0 {
					people = append(people, j)
				}
			}
		case model.KindCoffee:
			if g.chance(8) {
				if j := g.mate(i, d, people); j >= 0 {
					people = append(people, j)
				}
			}
		}
		var template, o, p string
		switch {
		case len(people) == 3:
			template = pick(g, trioSummaries)
			o, p = g.ppl[people[1]].call, g.ppl[people[2]].call
		case len(people) == 2 && kind != model.KindIntroduction:
			template = pick(g, groupSummaries[kind])
			o = g.ppl[people[1]].call
		case len(people) == 2:
			template = pick(g, summaries[kind])
			o = g.ppl[people[1]].call
		default:
			template = pick(g, summaries[kind])
		}
		summary := fill(template, info.call, o, p, pick(g, info.topics))
		notes := ""
		if g.chance(7) {
			notes = pick(g, interactionNotes)
		}
		hour, minute := g.hourFor(kind)
		g.addInteraction(kind, d, hour, minute, summary, notes, people...)
	}
}

// promiseKinds are the kinds of interaction a promise is typically made in.
var promiseKinds = map[model.InteractionKind]bool{
	model.KindCoffee: true, model.KindOneOnOne: true, model.KindExploratory: true, model.KindLunch: true,
	model.KindHelpOffered: true, model.KindAsk: true, model.KindMessage: true, model.KindFeedback: true,
}

var promiseSpans = []int{2, 3, 5, 7, 7, 10, 14, 14, 21, 30}

// fillPromises adds procedural promises until there are limit: some made
// in an existing interaction, their status following from how their due
// date compares with today.
func (g *gen) fillPromises(limit int) {
	ints := g.net.Interactions
	for len(g.net.Promises) < limit {
		var p model.Promise
		i, made := -1, 0
		if len(ints) > 0 && g.chance(30) {
			for try := 0; try < 4; try++ {
				k := g.rng.IntN(len(ints))
				if promiseKinds[ints[k].Kind] {
					i, made = int(ints[k].PersonIDs[0]-1), g.iDays[k]
					p.InteractionID, p.CreatedAt = ints[k].ID, ints[k].CreatedAt
					break
				}
			}
		}
		if i < 0 {
			i = g.pickPerson()
			made = g.recentDay(g.ppl[i].lo, g.ppl[i].hi)
			if made < 1 {
				made = 1
			}
			p.CreatedAt = g.clock(-made, g.between(9, 17), g.rng.IntN(60))
		}
		info := &g.ppl[i]
		p.PersonID = g.id(i)
		p.MadeOn = g.date(-made)
		p.Direction = model.DirectionMine
		mine, theirs := mineWhat, theirsWhat
		if r := g.net.People[i].Relation; r == model.RelationExternal || r == model.RelationClient {
			mine, theirs = externalMineWhat, externalTheirsWhat
		}
		templates := mine
		if g.chance(40) {
			p.Direction, templates = model.DirectionTheirs, theirs
		}
		p.What = fill(pick(g, templates), info.call, "", "", pick(g, info.topics))
		g.settle(&p, made)
		g.net.Promises = append(g.net.Promises, p)
	}
}

// settle gives a procedural promise made days ago a due date, a status and
// the day it was resolved.
func (g *gen) settle(p *model.Promise, made int) {
	p.Status = model.PromiseOpen
	p.UpdatedAt = p.CreatedAt
	resolved := -1 // days ago
	if g.chance(10) {
		// No date agreed.
		if made > 45 {
			switch roll := g.rng.IntN(100); {
			case roll < 70:
				p.Status, resolved = model.PromiseKept, g.between(1, made)
			case roll < 80:
				p.Status, resolved = model.PromiseReleased, g.between(1, made)
			}
		}
	} else {
		due := made - pick(g, promiseSpans) // days ago; negative: ahead
		p.DueOn = g.date(-due)
		switch roll := g.rng.IntN(100); {
		case due < 1:
			if roll < 15 {
				p.Status, resolved = model.PromiseKept, g.between(1, made)
			}
		case roll < 68:
			p.Status, resolved = model.PromiseKept, g.between(due, made)
		case roll < 82:
			if due >= 2 {
				p.Status, resolved = model.PromiseKeptLate, g.between(max(1, due-14), due-1)
				p.Notes = pick(g, []string{"", "", "A few days late.", "Late; apologised."})
			} else {
				p.Status, resolved = model.PromiseKept, due
			}
		case roll < 88:
			p.Status, resolved = model.PromiseBroken, max(1, due-g.between(3, 30))
			p.Notes = pick(g, []string{"", "Slipped; said sorry.", "Forgot entirely.", "Priorities changed; should have said so."})
		case roll < 95:
			// Still open, and overdue.
		case roll < 98:
			p.Status, resolved = model.PromiseReleased, g.between(1, made)
		default:
			p.Status = model.PromiseRenegotiated
			p.Notes = "Was due " + p.DueOn.Format("2 January") + "; agreed a new date."
			p.DueOn = g.date(g.between(2, 21))
			p.UpdatedAt = g.later(p.CreatedAt, g.clock(-max(1, due-g.between(0, 3)), 15, 10))
		}
	}
	if resolved >= 0 {
		p.ResolvedOn = g.date(-resolved)
		p.UpdatedAt = g.later(p.CreatedAt, g.clock(-resolved, 17, g.rng.IntN(60)))
	}
}

// addDisclosures adds the cast's entries in the private log, then one per
// so many procedural people.
func (g *gen) addDisclosures() {
	for _, c := range castDisclosures {
		i := g.person(c.who)
		if i < 0 {
			continue
		}
		day := c.day
		if mi, ok := g.meetByKey[c.meeting]; ok {
			day = g.daysAgo(g.net.Meetings[mi].Start)
		}
		g.addDisclosure(i, c.topic, c.sens, day, c.notes)
	}
	for n := (len(g.ppl) - len(cast)) / extraPeoplePerDisclosed; n > 0; n-- {
		i := g.pickPerson()
		day := g.recentDay(g.ppl[i].lo, g.ppl[i].hi)
		if day < 1 {
			day = 1
		}
		s := weightedPick(g, disclosureTopics)
		g.addDisclosure(i, s.topic, s.sens, day, "")
	}
}

func (g *gen) addDisclosure(i int, topic string, sens model.Sensitivity, day int, notes string) {
	at := g.notAfterNow(g.clock(-day, 18, g.rng.IntN(60)))
	g.net.Disclosures = append(g.net.Disclosures, model.Disclosure{
		ID:          int64(len(g.net.Disclosures) + 1),
		PersonID:    g.id(i),
		Topic:       topic,
		Sensitivity: sens,
		SharedOn:    g.date(-day),
		Notes:       notes,
		CreatedAt:   at,
		UpdatedAt:   at,
	})
}
