package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var day1 = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// fieldsOf returns the names of the fields err complains about.
func fieldsOf(err error) []string {
	var v *ValidationError
	if !errors.As(err, &v) {
		return nil
	}
	var out []string
	for _, f := range v.Fields {
		out = append(out, f.Field)
	}
	return out
}

func TestValidateNamesTheField(t *testing.T) {
	good := NewPerson("Dana Reyes")
	tests := []struct {
		name   string
		record interface{ Validate() error }
		want   string // the field expected to be reported; "" for valid
	}{
		{"valid person", good, ""},
		{"person without name", func() Person { p := good; p.Name = "  "; return p }(), "name"},
		{"person bad email", func() Person { p := good; p.Email = "dana at work"; return p }(), "email"},
		{"person display-name email", func() Person { p := good; p.Email = "Dana <d@x.example>"; return p }(), "email"},
		{"person influence 0", func() Person { p := good; p.Influence = 0; return p }(), "influence"},
		{"person influence 6", func() Person { p := good; p.Influence = 6; return p }(), "influence"},
		{"person bad stance", func() Person { p := good; p.Stance = "friend"; return p }(), "stance"},
		{"person bad relation", func() Person { p := good; p.Relation = "boss"; return p }(), "relation"},
		{"person negative cadence", func() Person { p := good; p.CadenceDays = -1; return p }(), "cadence"},
		{"person multi-line name", func() Person { p := good; p.Name = "Dana\nReyes"; return p }(), "name"},
		{"person long title", func() Person { p := good; p.Title = strings.Repeat("x", MaxShortText+1); return p }(), "title"},
		{"person invalid utf-8 notes", func() Person { p := good; p.Notes = "\xff"; return p }(), "notes"},
		{"tie valid", Tie{FromID: 1, ToID: 2, Kind: TieInfluences}, ""},
		{"tie to self", Tie{FromID: 1, ToID: 1, Kind: TieInfluences}, "to"},
		{"tie bad kind", Tie{FromID: 1, ToID: 2, Kind: "likes"}, "kind"},
		{"interaction valid", Interaction{Kind: KindCoffee, At: day1, PersonIDs: []int64{1}}, ""},
		{"interaction nobody", Interaction{Kind: KindCoffee, At: day1}, "people"},
		{"interaction twice", Interaction{Kind: KindCoffee, At: day1, PersonIDs: []int64{1, 1}}, "people"},
		{"interaction no date", Interaction{Kind: KindCoffee, PersonIDs: []int64{1}}, "date"},
		{"interaction bad kind", Interaction{Kind: "drinks", At: day1, PersonIDs: []int64{1}}, "kind"},
		{"promise valid", Promise{Direction: DirectionMine, PersonID: 1, What: "Send the deck", MadeOn: day1, DueOn: day1.AddDate(0, 0, 7), Status: PromiseOpen}, ""},
		{"promise no what", Promise{Direction: DirectionMine, PersonID: 1, MadeOn: day1, Status: PromiseOpen}, "what"},
		{"promise due before made", Promise{Direction: DirectionMine, PersonID: 1, What: "x", MadeOn: day1, DueOn: day1.AddDate(0, 0, -1), Status: PromiseOpen}, "due on"},
		{"promise kept without date", Promise{Direction: DirectionTheirs, PersonID: 1, What: "x", MadeOn: day1, Status: PromiseKept}, "resolved on"},
		{"promise bad direction", Promise{Direction: "both", PersonID: 1, What: "x", MadeOn: day1, Status: PromiseOpen}, "direction"},
		{"role valid", Role{Title: "Engineering Manager", Horizon: HorizonNext}, ""},
		{"role no title", Role{Horizon: HorizonNext}, "title"},
		{"role bad horizon", Role{Title: "EM", Horizon: "someday"}, "horizon"},
		{"requirement valid", Requirement{RoleID: 1, Kind: RequirementSkill, Title: "Hiring", TargetLevel: 4, CurrentLevel: 2, Importance: 3}, ""},
		{"requirement target 0", Requirement{RoleID: 1, Kind: RequirementSkill, Title: "Hiring", TargetLevel: 0, Importance: 3}, "target level"},
		{"requirement manager 6", Requirement{RoleID: 1, Kind: RequirementSkill, Title: "Hiring", TargetLevel: 4, ManagerLevel: 6, Importance: 3}, "manager level"},
		{"action valid", Action{RequirementID: 1, Kind: ActionCourse, Title: "Course", Status: ActionPlanned}, ""},
		{"action done without date", Action{RequirementID: 1, Kind: ActionCourse, Title: "Course", Status: ActionDone}, "done on"},
		{"meeting valid", Meeting{PersonID: 1, Kind: MeetingCoffee, Start: day1, Duration: 30 * time.Minute, Status: MeetingPlanned}, ""},
		{"meeting too short", Meeting{PersonID: 1, Kind: MeetingCoffee, Start: day1, Duration: time.Minute, Status: MeetingPlanned}, "duration"},
		{"meeting location newline", Meeting{PersonID: 1, Kind: MeetingCoffee, Start: day1, Duration: time.Hour, Location: "a\r\nb", Status: MeetingPlanned}, "location"},
		{"meeting bad recurrence", Meeting{PersonID: 1, Kind: MeetingCoffee, Start: day1, Duration: time.Hour, Recurrence: "daily", Status: MeetingPlanned}, "recurrence"},
		{"disclosure valid", Disclosure{PersonID: 1, Topic: "Moving to London", Sensitivity: SensitivityHigh, SharedOn: day1}, ""},
		{"disclosure bad sensitivity", Disclosure{PersonID: 1, Topic: "x", Sensitivity: "secret", SharedOn: day1}, "sensitivity"},
		{"disclosure no person", Disclosure{Topic: "x", Sensitivity: SensitivityLow, SharedOn: day1}, "person"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.record.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			got := fieldsOf(err)
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("Validate() fields = %v (%v), want [%s]", got, err, tt.want)
			}
			if FieldProblem(err, tt.want) == "" {
				t.Errorf("FieldProblem(err, %q) is empty", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name the field %q", err, tt.want)
			}
		})
	}
}

func TestEnumerationsHaveLabels(t *testing.T) {
	check := func(kind string, labels []string) {
		t.Helper()
		seen := map[string]bool{}
		for _, l := range labels {
			if l == "" || seen[l] {
				t.Errorf("%s: empty or duplicate label %q in %v", kind, l, labels)
			}
			seen[l] = true
		}
	}
	check("stance", Labels(Stances()))
	check("relation", Labels(Relations()))
	check("tie", Labels(TieKinds()))
	check("interaction", Labels(InteractionKinds()))
	check("direction", Labels(Directions()))
	check("promise status", Labels(PromiseStatuses()))
	check("horizon", Labels(Horizons()))
	check("requirement", Labels(RequirementKinds()))
	check("action", Labels(ActionKinds()))
	check("action status", Labels(ActionStatuses()))
	check("meeting kind", Labels(MeetingKinds()))
	check("recurrence", Labels(Recurrences()))
	check("meeting status", Labels(MeetingStatuses()))
	check("sensitivity", Labels(Sensitivities()))
	if got := len(InteractionKinds()); got != 14 {
		t.Errorf("%d interaction kinds, want the 13 of the brief and help received", got)
	}
	if s, ok := FromLabel(Stances(), "Blocker"); !ok || s != StanceBlocker {
		t.Errorf("FromLabel(Blocker) = %q, %v", s, ok)
	}
	if _, ok := FromLabel(Stances(), "Friend"); ok {
		t.Error("FromLabel(Friend) found a stance")
	}
}

func TestPersonSubtitleAndNormalize(t *testing.T) {
	p := Person{Name: "  Dana ", Title: "Director", Organisation: "Acme", Email: " d@a.example "}
	p.Normalize()
	if p.Name != "Dana" || p.Email != "d@a.example" {
		t.Errorf("Normalize: name %q email %q", p.Name, p.Email)
	}
	if got, want := p.Subtitle(), "Director · Acme"; got != want {
		t.Errorf("Subtitle() = %q, want %q", got, want)
	}
}

func TestDayAndDaysBetween(t *testing.T) {
	tz := time.FixedZone("X", -8*3600)
	late := time.Date(2026, 11, 23, 23, 30, 0, 0, tz) // already the 24th in UTC
	if got, want := Day(late), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Day = %v, want %v", got, want)
	}
	if !Day(time.Time{}).IsZero() {
		t.Error("Day(zero) is not zero")
	}
	if got := DaysBetween(late, time.Date(2026, 12, 1, 1, 0, 0, 0, tz)); got != 8 {
		t.Errorf("DaysBetween = %d, want 8", got)
	}
}

func TestParseDay(t *testing.T) {
	now := time.Date(2026, 11, 23, 22, 15, 0, 0, time.FixedZone("X", 3600))
	tests := []struct {
		in      string
		want    string // YYYY-MM-DD, "" for the zero time
		wantErr bool
	}{
		{"", "", false},
		{"  ", "", false},
		{"2026-11-20", "2026-11-20", false},
		{"today", "2026-11-23", false},
		{"Yesterday", "2026-11-22", false},
		{"3 days ago", "2026-11-20", false},
		{"1 day ago", "2026-11-22", false},
		{"2 weeks ago", "2026-11-09", false},
		{"1 month ago", "2026-10-23", false},
		{"2 years ago", "2024-11-23", false},
		{"2026-13-01", "", true},
		{"last tuesday", "2026-11-17", false},
		{"last blorp", "", true},
		{"-3 days ago", "", true},
		{"3 fortnights ago", "", true},
	}
	for _, tt := range tests {
		got, err := ParseDay(tt.in, now)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDay(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		gotS := ""
		if !got.IsZero() {
			gotS = got.Format("2006-01-02")
		}
		if gotS != tt.want {
			t.Errorf("ParseDay(%q) = %q, want %q", tt.in, gotS, tt.want)
		}
	}
}

func TestSubtitleNeverRepeatsItself(t *testing.T) {
	tests := []struct {
		title, team, org, want string
	}{
		{"Director", "Platform", "Acme", "Director · Platform · Acme"},
		{"VP Sales", "Sales", "Northwind", "VP Sales · Northwind"},
		{"Head of Design", "design", "", "Head of Design"},
		{"Engineering Manager, Platform", "Platform", "", "Engineering Manager, Platform"},
		{"Salesforce admin", "Sales", "", "Salesforce admin · Sales"},
		{"", "Data", "Data", "Data"},
		{"Product Lead", "Product Growth", "", "Product Lead · Product Growth"},
	}
	for _, tt := range tests {
		p := Person{Title: tt.title, Team: tt.team, Organisation: tt.org}
		if got := p.Subtitle(); got != tt.want {
			t.Errorf("Subtitle of %q, %q, %q = %q, want %q", tt.title, tt.team, tt.org, got, tt.want)
		}
	}
}
