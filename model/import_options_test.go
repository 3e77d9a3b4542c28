package model

import (
	"testing"
)

func TestImportOptionsApply(t *testing.T) {
	match := func(id int64, team, org string) ImportMatch {
		return ImportMatch{ExistingID: id, Action: ImportAdd,
			Imported: ImportedPerson{Person: Person{Name: "Zoe", Team: team, Organisation: org}}}
	}
	type want struct {
		team    string
		cadence int
		set     bool
	}
	tests := []struct {
		name string
		opts ImportOptions
		in   ImportMatch
		want want
	}{
		{"no options", ImportOptions{}, match(0, "", "Acme"), want{"", 0, false}},
		{"team from the company", ImportOptions{TeamFromOrganisation: true}, match(0, "", "Acme"), want{"Acme", 0, false}},
		{"a team in the file stays", ImportOptions{TeamFromOrganisation: true}, match(0, "Platform", "Acme"),
			want{"Platform", 0, false}},
		{"no company, no team", ImportOptions{TeamFromOrganisation: true}, match(0, "", ""), want{"", 0, false}},
		{"cadence for everyone", ImportOptions{CadenceDays: 14}, match(0, "", "Acme"), want{"", 14, true}},
		{"both", ImportOptions{TeamFromOrganisation: true, CadenceDays: 90}, match(0, "", "Acme"), want{"Acme", 90, true}},
		{"an earlier duplicate in the file counts as new", ImportOptions{TeamFromOrganisation: true, CadenceDays: 30},
			match(-1, "", "Acme"), want{"Acme", 30, true}},
		{"someone known is left alone", ImportOptions{TeamFromOrganisation: true, CadenceDays: 30},
			match(7, "", "Acme"), want{"", 0, false}},
		{"a cadence too long is cut", ImportOptions{CadenceDays: 99999}, match(0, "", ""), want{"", MaxCadenceDays, true}},
	}
	for _, tt := range tests {
		in := []ImportMatch{tt.in}
		out := tt.opts.Apply(in)
		p := out[0].Imported.Person
		if got := (want{p.Team, p.CadenceDays, p.CadenceSet}); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
		if in[0].Imported.Person != tt.in.Imported.Person {
			t.Errorf("%s: Apply changed the matches given", tt.name)
		}
		if tt.want.set {
			if n := out[0].Imported.AsNew(); n.CadenceDays != tt.want.cadence || !n.CadenceSet {
				t.Errorf("%s: AsNew has cadence %d set %v", tt.name, n.CadenceDays, n.CadenceSet)
			}
		}
	}
}

// TestAsNewKeepsTheDefaultCadenceUnset: a person imported with no cadence
// chosen gets the default, not marked set.
func TestAsNewKeepsTheDefaultCadenceUnset(t *testing.T) {
	n := ImportedPerson{Person: Person{Name: "Zoe"}}.AsNew()
	if n.CadenceDays != DefaultCadenceDays || n.CadenceSet {
		t.Errorf("AsNew: cadence %d set %v, want the default, not set", n.CadenceDays, n.CadenceSet)
	}
}
