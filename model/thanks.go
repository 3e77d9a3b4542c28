package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Giving credit: who the user has thanked, who has been overlooked, and
// drafts of thanks in the user's own voice.

// OverlookedDays is how long without thanks makes someone overlooked: 60.
const OverlookedDays = 60

// ackCountDays is the window Acknowledgment.Count covers: a year.
const ackCountDays = 365

// NoTeam is the name of the group of people whose Team is empty.
const NoTeam = "No team"

// PraiseHelpKind is the kind of interaction whose summaries count as help a
// person gave the user (PraiseFacts.Helped): help received. (Help given
// and help offered are the user's own.)
const PraiseHelpKind = KindHelpReceived

// ThanksRecord is one thank-you the user gave someone: when, and whether in public.
type ThanksRecord struct {
	PersonID int64
	At       time.Time
	Public   bool
}

// Acknowledgment is where one person stands in the user's thanks.
type Acknowledgment struct {
	Person     Person
	Last       time.Time // the latest thanks at or before now; zero: never
	LastPublic bool      // whether the latest thanks was given in public
	Count      int       // thanks fewer than 365 calendar days before now
	DaysSince  int       // calendar days since Last in now's zone; -1 when never
	Overlooked bool
}

// AckGroup is a team (or "No team") with its people's acknowledgments.
type AckGroup struct {
	Name       string
	Members    []Acknowledgment
	Overlooked int // how many Members are overlooked
}

// worksWithUser reports whether a relation is someone the user works
// beside day to day, whose thanks Acknowledgments watches.
func worksWithUser(r Relation) bool {
	return r == RelationTeamMate || r == RelationDirectReport || r == RelationPeer
}

// Acknowledgments groups the active (not archived) people who work with
// the user — relation team mate, direct report or peer, plus anyone ever
// thanked — by Team ("No team" when empty; teams are compared after
// trimming spaces), and says for each who was thanked, when and how.
// Someone is Overlooked when not thanked in OverlookedDays or more
// calendar days (never counts) and the relation is team mate, direct report
// or peer. Groups: most overlooked first, then by name (case-insensitive);
// members: overlooked first (never thanked, then the longest unthanked),
// then the most recently thanked; ties by name (case-insensitive), then ID.
// Thanks after now are ignored, as are thanks of people not in people.
func Acknowledgments(people []Person, thanks []ThanksRecord, now time.Time) []AckGroup {
	type tally struct {
		last       time.Time
		lastPublic bool
		count      int
	}
	byPerson := make(map[int64]*tally)
	for _, t := range thanks {
		if t.At.IsZero() || t.At.After(now) {
			continue
		}
		tl := byPerson[t.PersonID]
		if tl == nil {
			tl = &tally{}
			byPerson[t.PersonID] = tl
		}
		switch {
		case t.At.After(tl.last):
			tl.last, tl.lastPublic = t.At, t.Public
		case t.At.Equal(tl.last):
			tl.lastPublic = tl.lastPublic || t.Public
		}
		if DaysBetween(t.At.In(now.Location()), now) < ackCountDays {
			tl.count++
		}
	}

	groups := make(map[string]*AckGroup)
	for _, p := range people {
		tl := byPerson[p.ID]
		if p.Archived() || (!worksWithUser(p.Relation) && tl == nil) {
			continue
		}
		a := Acknowledgment{Person: p, DaysSince: -1}
		if tl != nil {
			a.Last, a.LastPublic, a.Count = tl.last, tl.lastPublic, tl.count
			a.DaysSince = max(DaysBetween(tl.last.In(now.Location()), now), 0)
		}
		a.Overlooked = worksWithUser(p.Relation) && (a.DaysSince < 0 || a.DaysSince >= OverlookedDays)
		name := strings.TrimSpace(p.Team)
		if name == "" {
			name = NoTeam
		}
		g := groups[name]
		if g == nil {
			g = &AckGroup{Name: name}
			groups[name] = g
		}
		g.Members = append(g.Members, a)
		if a.Overlooked {
			g.Overlooked++
		}
	}

	out := make([]AckGroup, 0, len(groups))
	for _, g := range groups {
		slices.SortFunc(g.Members, compareAcks)
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b AckGroup) int {
		if c := cmp.Compare(b.Overlooked, a.Overlooked); c != 0 {
			return c
		}
		if c := cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}

// compareAcks orders members of a group as Acknowledgments documents.
func compareAcks(a, b Acknowledgment) int {
	if a.Overlooked != b.Overlooked {
		if a.Overlooked {
			return -1
		}
		return 1
	}
	if a.Overlooked {
		// Never thanked (-1) first, then the longest unthanked.
		never := func(x Acknowledgment) int {
			if x.DaysSince < 0 {
				return 0
			}
			return 1
		}
		if c := cmp.Compare(never(a), never(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.DaysSince, a.DaysSince); c != 0 {
			return c
		}
	} else if c := b.Last.Compare(a.Last); c != 0 {
		return c
	}
	if c := cmp.Compare(strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)); c != 0 {
		return c
	}
	return cmp.Compare(a.Person.ID, b.Person.ID)
}

// PraiseFacts is what Rapport knows a person did for the user, for a
// draft: help they gave (summaries of interactions of PraiseHelpKind, see
// there for why that kind), and the promises they made to the user and
// kept. Each list is newest first.
type PraiseFacts struct {
	Person Person
	Helped []string
	Kept   []string
}

// facts returns at most n of f's facts as phrases for a sentence, taking
// help and kept promises in turn, each list newest first: with both kinds
// known, a draft mentions one of each. A help summary becomes a phrase
// ("reviewed my doc"), a promise "followed through on “Send the deck”".
// Blank entries are skipped.
func (f PraiseFacts) facts(n int) []string {
	var helped, kept []string
	for _, h := range f.Helped {
		if s := factPhrase(h); s != "" {
			helped = append(helped, s)
		}
	}
	for _, k := range f.Kept {
		if s := strings.TrimRight(strings.Join(strings.Fields(k), " "), "."); s != "" {
			kept = append(kept, "followed through on “"+s+"”")
		}
	}
	var out []string
	for i := 0; len(out) < n && (i < len(helped) || i < len(kept)); i++ {
		if i < len(helped) {
			out = append(out, helped[i])
		}
		if i < len(kept) && len(out) < n {
			out = append(out, kept[i])
		}
	}
	return out
}

// factPhrase is a logged summary or promise as a phrase inside a sentence:
// one line, trimmed, without a final full stop, its case as the user wrote
// it (see topicOf).
func factPhrase(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ".")
	return topicOf(s)
}

// draftName is a person's name for a draft: trimmed, on one line.
func draftName(name string) string { return strings.Join(strings.Fields(name), " ") }

// DraftBossNote is a short note in the user's own voice to their manager
// (boss, may be zero: then "Hi,") praising each mate by full name for what
// they did (at most 2 facts each: help and kept promises in turn, most
// recent first); a mate with no facts is thanked for being there in general
// words. It ends with "Thanks," for the user to sign. Plain text built
// from names, help summaries and promise texts only: never notes, nor
// anything else about the people.
func DraftBossNote(boss Person, mates []PraiseFacts) string {
	var b strings.Builder
	greeting := "Hi,"
	if name := agendaFirstName(draftName(boss.Name)); name != "" {
		greeting = "Hi " + name + ","
	}
	b.WriteString(greeting + "\n\n")
	var lines []string
	for _, m := range mates {
		name := draftName(m.Person.Name)
		if name == "" {
			continue
		}
		facts := m.facts(2)
		if len(facts) == 0 {
			lines = append(lines, "- "+name+": a steady, generous colleague, always ready to help the team.")
			continue
		}
		lines = append(lines, "- "+name+": "+strings.Join(facts, "; ")+".")
	}
	if len(lines) == 0 {
		b.WriteString("I want to make sure the people I work with get the credit they deserve: they make a real difference.\n\n")
	} else {
		b.WriteString("I want to make sure some of the people I work with get the credit they deserve. Lately:\n\n")
		b.WriteString(strings.Join(lines, "\n") + "\n\n")
	}
	b.WriteString("I'm grateful to work with them, and I'd be glad if you let them know their work was noticed.\n\n")
	b.WriteString("Thanks,\n")
	return b.String()
}

// DraftTeamThanks is a two-minute thank-you to say at a team meeting,
// naming everyone in mates by first name, with the most recent fact each
// where one is known and general words otherwise. team names the team
// ("No team" or empty: "this team"). Like DraftBossNote, it uses names,
// help summaries and promise texts only.
func DraftTeamThanks(team string, mates []PraiseFacts) string {
	team = draftName(team)
	if team == "" || team == NoTeam {
		team = "this team"
	}
	var b strings.Builder
	b.WriteString("Before we wrap up, I'd like to take two minutes to thank the people on " + team + ".\n\n")
	n := 0
	for _, m := range mates {
		name := agendaFirstName(draftName(m.Person.Name))
		if name == "" {
			name = draftName(m.Person.Name)
		}
		if name == "" {
			continue
		}
		n++
		if facts := m.facts(1); len(facts) > 0 {
			b.WriteString(name + ": " + facts[0] + ". Thank you.\n")
			continue
		}
		b.WriteString(name + ": thank you for everything you do for this team, much of it unseen.\n")
	}
	if n > 0 {
		b.WriteString("\n")
	}
	b.WriteString("None of this is small, and none of it goes unnoticed. Thank you, all of you.\n")
	return b.String()
}

// ReviewNudgeDays: Today nudges for the weekly review this many days after the last: 7.
const ReviewNudgeDays = 7

// ReviewDue reports whether the weekly review is due: done ReviewNudgeDays
// or more calendar days ago, counted in now's zone; or, never done, when
// the first use (firstUse: when the first person was added, zero when the
// database holds nobody) was ReviewNudgeDays or more days ago. So a new
// user is first asked a week after they began, not minutes after setup.
func ReviewDue(last, firstUse, now time.Time) bool {
	if last.IsZero() {
		last = firstUse
	}
	if last.IsZero() {
		return false
	}
	return DaysBetween(last.In(now.Location()), now) >= ReviewNudgeDays
}
