package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// StanceCause is what made a person's stance, influence or role change.
type StanceCause string

// The causes of a change in a person's stance history.
const (
	CauseStart   StanceCause = "start"   // what they held when the history began
	CauseAdded   StanceCause = "added"   // the person was added
	CauseForm    StanceCause = "form"    // the person form
	CauseOutcome StanceCause = "outcome" // a meeting's outcome
	CauseReview  StanceCause = "review"  // the weekly review's stance chips
	CauseImport  StanceCause = "import"  // a contacts import
)

var causeChoices = []choice[StanceCause]{
	{CauseStart, "known when the history began"},
	{CauseAdded, "added"},
	{CauseForm, "edited"},
	{CauseOutcome, "meeting outcome"},
	{CauseReview, "weekly review"},
	{CauseImport, "contacts import"},
}

// Label is the cause in words, as the history shows it.
func (c StanceCause) Label() string { return labelOf(causeChoices, c) }

// Valid reports whether c is one of the causes.
func (c StanceCause) Valid() bool { return isChoice(causeChoices, c) }

// StanceChange is one entry of a person's stance history: the stance and
// influence they held from At on, and what made them so.
type StanceChange struct {
	ID        int64
	PersonID  int64
	At        time.Time
	Stance    Stance
	Influence int
	Cause     StanceCause
}

// Same reports whether c and d hold the same stance and influence.
func (c StanceChange) Same(d StanceChange) bool {
	return c.Stance == d.Stance && c.Influence == d.Influence
}

// RoleChange is a change of a person's role that a contacts import found:
// Was* until At, then Title at Organisation.
type RoleChange struct {
	ID                        int64
	PersonID                  int64
	At                        time.Time
	WasTitle, WasOrganisation string
	Title, Organisation       string
	Cause                     StanceCause
}

// StanceAsOf is the entry of history (in any order) in force at the
// moment day: the latest one at or before it; ok is false when history starts
// after it (the person was not known yet).
func StanceAsOf(history []StanceChange, day time.Time) (c StanceChange, ok bool) {
	for _, h := range history {
		if h.At.After(day) {
			continue
		}
		if !ok || h.At.After(c.At) || (h.At.Equal(c.At) && h.ID > c.ID) {
			c, ok = h, true
		}
	}
	return c, ok
}

// StanceMove is how a person's stance and influence moved between two
// moments: From is what they held then, To what they hold now.
type StanceMove struct {
	PersonID int64
	From, To StanceChange
}

// Text is the move in words: "Skeptic → Supporter, influence 3 → 4".
func (m StanceMove) Text() string {
	var parts []string
	if m.From.Stance != m.To.Stance {
		parts = append(parts, m.From.Stance.Label()+" → "+m.To.Stance.Label())
	}
	if m.From.Influence != m.To.Influence {
		parts = append(parts, fmt.Sprintf("influence %d → %d", m.From.Influence, m.To.Influence))
	}
	return strings.Join(parts, ", ")
}

// Warmer reports whether the move is toward the user: a more favourable
// stance, or the same stance with more influence when it is favourable.
func (m StanceMove) Warmer() bool {
	a, b := stanceRank(m.From.Stance), stanceRank(m.To.Stance)
	if a != b {
		return b > a
	}
	return b > 0 && m.To.Influence > m.From.Influence
}

// stanceRank orders the stances from blocker (-2) to champion (2);
// unknown counts as neutral.
func stanceRank(s Stance) int {
	switch s {
	case StanceChampion:
		return 2
	case StanceSupporter:
		return 1
	case StanceSkeptic:
		return -1
	case StanceBlocker:
		return -2
	}
	return 0
}

// StanceMoves finds who moved since a moment: for each person with an
// entry after since, what they held at since against their latest entry,
// when the two differ. People first known after since are left out, and
// so is anyone who moved and came back. The result is ordered by
// PersonID.
func StanceMoves(history []StanceChange, since time.Time) []StanceMove {
	byPerson := make(map[int64][]StanceChange)
	for _, h := range history {
		byPerson[h.PersonID] = append(byPerson[h.PersonID], h)
	}
	var out []StanceMove
	for id, h := range byPerson {
		from, ok := StanceAsOf(h, since)
		if !ok {
			continue
		}
		to, _ := StanceAsOf(h, latestAt(h))
		if !to.At.After(since) || from.Same(to) {
			continue
		}
		out = append(out, StanceMove{PersonID: id, From: from, To: to})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PersonID < out[j].PersonID })
	return out
}

func latestAt(h []StanceChange) time.Time {
	var t time.Time
	for _, c := range h {
		if c.At.After(t) {
			t = c.At
		}
	}
	return t
}

// StanceSteps is a person's history (oldest first, as stored) as the
// changes a page lists, newest first: every entry that changed the stance
// or influence of the one before it, the first entry always.
func StanceSteps(history []StanceChange) []StanceChange {
	var out []StanceChange
	for i, h := range history {
		if i == 0 || !h.Same(history[i-1]) {
			out = append(out, h)
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// StanceGap is where a panel member stands against the stance the user is
// working toward: "Neutral, aiming for Champion (2 steps to go)", or
// "" when there is no target.
func StanceGap(current, target Stance) string {
	if target == "" {
		return ""
	}
	d := stanceRank(target) - stanceRank(current)
	switch {
	case current == target:
		return current.Label() + ": target reached"
	case d < 0:
		return current.Label() + ": past the target, " + target.Label()
	case d == 0:
		return current.Label() + ", aiming for " + target.Label()
	case d == 1:
		return current.Label() + ", aiming for " + target.Label() + " (1 step to go)"
	}
	return fmt.Sprintf("%s, aiming for %s (%d steps to go)", current.Label(), target.Label(), d)
}

// TargetStances are the stances a panel member's target can be, in
// display order (unknown is no target).
func TargetStances() []Stance {
	return []Stance{StanceChampion, StanceSupporter, StanceNeutral, StanceSkeptic, StanceBlocker}
}

// Validate reports every field of c that cannot be saved.
func (c StanceChange) Validate() error {
	k := checker{record: "stance change"}
	k.reference("person", c.PersonID)
	k.oneOf("stance", c.Stance.Valid())
	k.between("influence", c.Influence, 1, 5)
	k.oneOf("cause", c.Cause.Valid())
	return k.err()
}

// Validate reports every field of c that cannot be saved.
func (c RoleChange) Validate() error {
	k := checker{record: "role change"}
	k.reference("person", c.PersonID)
	for _, f := range []struct{ name, value string }{{"was title", c.WasTitle},
		{"was organisation", c.WasOrganisation}, {"title", c.Title}, {"organisation", c.Organisation}} {
		k.text(f.name, f.value, MaxShortText)
		k.singleLine(f.name, f.value)
	}
	k.oneOf("cause", c.Cause == CauseImport)
	return k.err()
}

// NetworkAsOf is n as it stood at the moment day, as far as the stance
// history (history, everyone's, in any order) tells: each person with the
// stance and influence of their entry in force then (StanceAsOf), people
// not known yet left out with their ties. A person with no history at all
// keeps what n holds. Warmth and contacts stay as n has them.
func NetworkAsOf(n Network, history []StanceChange, day time.Time) Network {
	byPerson := make(map[int64][]StanceChange)
	for _, h := range history {
		byPerson[h.PersonID] = append(byPerson[h.PersonID], h)
	}
	out := Network{Now: n.Now}
	kept := make(map[int64]bool, len(n.People))
	for _, np := range n.People {
		if h, ok := byPerson[np.Person.ID]; ok {
			c, known := StanceAsOf(h, day)
			if !known {
				continue
			}
			np.Person.Stance, np.Person.Influence = c.Stance, c.Influence
		}
		kept[np.Person.ID] = true
		out.People = append(out.People, np)
	}
	for _, t := range n.Ties {
		if kept[t.FromID] && kept[t.ToID] {
			out.Ties = append(out.Ties, t)
		}
	}
	return out
}
