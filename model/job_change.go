package model

import (
	"strings"
	"time"
)

// JobChange is a person's role as Rapport has it and as a contacts file
// says it is now, found when the same people are imported again.
type JobChange struct {
	WasTitle, WasOrganisation string
	Title, Organisation       string
}

// Changed reports whether c holds a change.
func (c JobChange) Changed() bool { return c != JobChange{} }

// Text is the change in words: "now Director at Fabrikam, was Lead at
// Northwind".
func (c JobChange) Text() string {
	return "now " + roleWords(c.Title, c.Organisation) + ", was " + roleWords(c.WasTitle, c.WasOrganisation)
}

// Moved reports whether the change is to another organisation.
func (c JobChange) Moved() bool {
	return c.WasOrganisation != "" && c.Organisation != "" && foldKey(c.WasOrganisation) != foldKey(c.Organisation)
}

func roleWords(title, org string) string {
	switch {
	case title != "" && org != "":
		return title + " at " + org
	case title != "":
		return title
	case org != "":
		return "at " + org
	}
	return "no role given"
}

// DetectJobChange compares the role Rapport has for a person with the one
// an imported file gives: a change when the file names a title or an
// organisation that differs (ignoring case and white space) from one
// already known. A field Rapport lacks is filled by a merge, not a change;
// a field the file lacks changes nothing. The change keeps what the file
// leaves out as it was ("now at Fabrikam" keeps the title).
func DetectJobChange(existing Person, in Person) (JobChange, bool) {
	differs := func(was, now string) bool {
		return was != "" && now != "" && foldKey(was) != foldKey(now)
	}
	if !differs(existing.Title, in.Title) && !differs(existing.Organisation, in.Organisation) {
		return JobChange{}, false
	}
	c := JobChange{WasTitle: existing.Title, WasOrganisation: existing.Organisation,
		Title: existing.Title, Organisation: existing.Organisation}
	if in.Title != "" {
		c.Title = in.Title
	}
	if in.Organisation != "" {
		c.Organisation = in.Organisation
	}
	return c, true
}

// MatchByNameMoved is how MatchJobChanges matched someone whose
// organisation changed: by their name alone (for ImportMatch.By).
const MatchByNameMoved = "name (the organisation changed)"

// MatchJobChanges completes matches (as MatchImport made them) for a
// re-import: an imported person matched to nobody whose name (ignoring
// case and white space) belongs to exactly one existing active person,
// who had another organisation, is matched to them (By MatchByNameMoved,
// action Merge), as long as no other line of the file matched that person
// already; and every match to an existing person gets Job set when the
// file gives them another title or organisation (DetectJobChange).
func MatchJobChanges(matches []ImportMatch, existing []PersonSummary) []ImportMatch {
	byName := make(map[string][]int, len(existing))
	byID := make(map[int64]int, len(existing))
	for i, e := range existing {
		byID[e.ID] = i
		if !e.Archived() {
			k := foldKey(e.Name)
			byName[k] = append(byName[k], i)
		}
	}
	taken := make(map[int64]bool, len(matches))
	for _, m := range matches {
		if m.ExistingID > 0 {
			taken[m.ExistingID] = true
		}
	}
	out := append([]ImportMatch(nil), matches...)
	for i, m := range out {
		in := m.Imported.Person
		if same := byName[foldKey(in.Name)]; m.ExistingID == 0 && in.Organisation != "" && len(same) == 1 {
			e := existing[same[0]]
			if !taken[e.ID] && e.Organisation != "" && foldKey(e.Organisation) != foldKey(in.Organisation) {
				m.ExistingID, m.Existing, m.By, m.Action = e.ID, e.Name, MatchByNameMoved, ImportMerge
				taken[e.ID] = true
			}
		}
		if j, ok := byID[m.ExistingID]; ok && m.ExistingID > 0 {
			m.Job, _ = DetectJobChange(existing[j].Person, in)
		}
		out[i] = m
	}
	return out
}

// HomeOrganisation is the user's own organisation as their network tells
// it: the organisation most of their active colleagues (manager,
// skip-level, peer, team mate, direct report, leader) have, ignoring case;
// "" when none has one. A tie goes to the name first in order.
func HomeOrganisation(people []Person) string {
	count := make(map[string]int)
	name := make(map[string]string)
	for _, p := range people {
		if p.Archived() || p.Organisation == "" || !colleague(p.Relation) {
			continue
		}
		k := foldKey(p.Organisation)
		count[k]++
		if n, ok := name[k]; !ok || p.Organisation < n {
			name[k] = p.Organisation
		}
	}
	best := ""
	for k, n := range count {
		if b := count[best]; best == "" || n > b || (n == b && name[k] < name[best]) {
			best = k
		}
	}
	return name[best]
}

func colleague(r Relation) bool {
	switch r {
	case RelationManager, RelationSkipLevel, RelationPeer, RelationTeamMate, RelationDirectReport, RelationLeader:
		return true
	}
	return false
}

// JobChangeDays is how long after a job change Today suggests
// congratulating the person.
const JobChangeDays = 30

// RecentJobChange is the latest of changes (any order) made within
// JobChangeDays of now, if any.
func RecentJobChange(changes []RoleChange, now time.Time) (RoleChange, bool) {
	var best RoleChange
	ok := false
	for _, c := range changes {
		if now.Sub(c.At) > JobChangeDays*24*time.Hour || c.At.After(now) {
			continue
		}
		if !ok || c.At.After(best.At) {
			best, ok = c, true
		}
	}
	return best, ok
}

// LeftHome reports whether c took the person away from home, the user's
// organisation.
func (c RoleChange) LeftHome(home string) bool {
	return home != "" && foldKey(c.WasOrganisation) == foldKey(home) &&
		strings.TrimSpace(c.Organisation) != "" && foldKey(c.Organisation) != foldKey(home)
}

// Job is the change as a JobChange.
func (c RoleChange) Job() JobChange {
	return JobChange{WasTitle: c.WasTitle, WasOrganisation: c.WasOrganisation, Title: c.Title, Organisation: c.Organisation}
}
