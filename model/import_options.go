package model

// ImportOptions are the choices of an import preview that apply to the
// people the file brings in, not to people already known.
type ImportOptions struct {
	// TeamFromOrganisation puts the file's company (Organisation) in Team
	// too where the file gives no team, so that grouping by team (the
	// relationship map, the thank-you groups) puts an imported colleague
	// with their company instead of under NoTeam.
	TeamFromOrganisation bool
	// CadenceDays, when more than 0, is the keep-in-touch cadence set for
	// everyone imported (and marked set, see Person.CadenceSet: they are
	// then overdue once that long has passed since the import without
	// contact); 0 leaves them the default, quiet until the first contact.
	CadenceDays int
}

// ImportCadences are the cadences an import preview offers for everyone
// imported, in days: none (the default), every two weeks, every month,
// every quarter.
func ImportCadences() []int { return []int{0, 14, 30, 90} }

// Apply returns matches with o applied to each person the import adds (a
// new person, or a duplicate of someone earlier in the same file); those
// matched to someone already known (ExistingID > 0), merged or added again,
// are left as the file gives them. matches itself is not changed, so the
// preview can apply other options later.
func (o ImportOptions) Apply(matches []ImportMatch) []ImportMatch {
	out := make([]ImportMatch, len(matches))
	copy(out, matches)
	for i := range out {
		if out[i].ExistingID > 0 {
			continue
		}
		p := &out[i].Imported.Person
		if o.TeamFromOrganisation && p.Team == "" {
			p.Team = p.Organisation
		}
		if o.CadenceDays > 0 {
			p.CadenceDays, p.CadenceSet = min(o.CadenceDays, MaxCadenceDays), true
		}
	}
	return out
}
