package model

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestWeightedGap(t *testing.T) {
	tests := []struct {
		name                        string
		target, current, importance int
		want                        int
	}{
		{"no gap", 3, 3, 5, 0},
		{"above target", 3, 5, 5, 0},
		{"gap 2, importance 3", 4, 2, 3, 6},
		{"from nothing, decisive", 5, 0, 5, 25},
		{"nice to have", 4, 3, 1, 1},
	}
	for _, tt := range tests {
		r := Requirement{TargetLevel: tt.target, CurrentLevel: tt.current, Importance: tt.importance}
		if got := r.WeightedGap(); got != tt.want {
			t.Errorf("%s: WeightedGap() = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestViewsDiffer(t *testing.T) {
	tests := []struct {
		current, manager int
		want             bool
	}{
		{2, 0, false}, // not assessed
		{5, 0, false}, // not assessed, however far from 0
		{2, 2, false},
		{2, 3, false}, // differ by 1
		{3, 2, false},
		{2, 4, true}, // manager thinks more of it by 2
		{4, 2, true}, // manager thinks less of it by 2
		{0, 5, true},
		{1, 4, true},
	}
	for _, tt := range tests {
		r := Requirement{TargetLevel: 5, CurrentLevel: tt.current, ManagerLevel: tt.manager, Importance: 3}
		if got := r.ViewsDiffer(); got != tt.want {
			t.Errorf("ViewsDiffer(current %d, manager %d) = %v, want %v", tt.current, tt.manager, got, tt.want)
		}
	}
}

func TestRankGaps(t *testing.T) {
	req := func(id int64, title string, target, current, importance int) Requirement {
		return Requirement{ID: id, Title: title, TargetLevel: target, CurrentLevel: current, Importance: importance}
	}
	tests := []struct {
		name string
		in   []Requirement
		want []int64
	}{
		{"empty", nil, nil},
		{"no gaps", []Requirement{req(1, "A", 3, 3, 5), req(2, "B", 2, 4, 5)}, nil},
		{"by weighted gap", []Requirement{
			req(1, "Small", 4, 3, 2),   // 2
			req(2, "Large", 5, 1, 5),   // 20
			req(3, "Medium", 4, 1, 3),  // 9
			req(4, "Met", 3, 3, 5),     // no gap: left out
			req(5, "Beyond", 3, 4, 5)}, // no gap: left out
			[]int64{2, 3, 1}},
		{"tie: higher importance first", []Requirement{
			req(1, "Wide", 4, 0, 1),   // 4 × 1 = 4
			req(2, "Narrow", 3, 1, 2), // 2 × 2 = 4
			req(3, "Deep", 4, 3, 4)},  // 1 × 4 = 4
			[]int64{3, 2, 1}},
		{"tie: then larger gap (importance 0, as no valid requirement has)", []Requirement{
			req(1, "A", 3, 2, 0),  // gap 1
			req(2, "B", 5, 1, 0)}, // gap 4
			[]int64{2, 1}},
		{"tie: then title, case-insensitive", []Requirement{
			req(1, "budgeting", 4, 2, 3),
			req(2, "Architecture", 4, 2, 3),
			req(3, "Coaching", 4, 2, 3)},
			[]int64{2, 1, 3}},
		{"tie: then ID", []Requirement{
			req(7, "Hiring", 4, 2, 3),
			req(3, "hiring", 4, 2, 3)},
			[]int64{3, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.in)
			var got []int64
			for _, r := range RankGaps(tt.in) {
				got = append(got, r.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("RankGaps() IDs = %v, want %v", got, tt.want)
			}
			if !reflect.DeepEqual(tt.in, before) {
				t.Errorf("RankGaps modified its input: %v, was %v", tt.in, before)
			}
		})
	}
}

func TestGapTrend(t *testing.T) {
	utc := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	month := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	// Speaking: target 5, importance 2. Hiring: target 4, importance 3.
	speaking := Requirement{ID: 1, TargetLevel: 5, CurrentLevel: 4, Importance: 2}
	hiring := Requirement{ID: 2, TargetLevel: 4, CurrentLevel: 2, Importance: 3}

	tests := []struct {
		name    string
		reqs    []Requirement
		changes []LevelChange
		now     time.Time
		months  int
		want    []GapPoint
	}{
		{
			name: "levels rising month by month",
			reqs: []Requirement{speaking},
			changes: []LevelChange{
				{1, 1, utc(2026, 8, 10, 9)},
				{1, 2, utc(2026, 9, 30, 23)}, // the last hour of September
				{1, 3, utc(2026, 10, 1, 0)},  // the first hour of October
				{1, 4, utc(2026, 11, 2, 9)},
			},
			now:    utc(2026, 11, 23, 9),
			months: 4,
			want: []GapPoint{
				{month(2026, 8), 8},
				{month(2026, 9), 6},
				{month(2026, 10), 4},
				{month(2026, 11), 2},
			},
		},
		{
			name: "a requirement added mid-way",
			reqs: []Requirement{speaking, hiring},
			changes: []LevelChange{
				{1, 2, utc(2026, 8, 10, 9)},
				{2, 0, utc(2026, 10, 15, 9)}, // hiring added in October
				{2, 2, utc(2026, 11, 20, 9)},
			},
			now:    utc(2026, 11, 23, 9),
			months: 4,
			want: []GapPoint{
				{month(2026, 8), 6},
				{month(2026, 9), 6},
				{month(2026, 10), 6 + 12},
				{month(2026, 11), 6 + 6},
			},
		},
		{
			name: "months across a year end, changes out of order",
			reqs: []Requirement{hiring},
			changes: []LevelChange{
				{2, 3, utc(2027, 1, 5, 9)},
				{2, 1, utc(2026, 11, 5, 9)},
				{2, 2, utc(2026, 12, 31, 23)},
			},
			now:    utc(2027, 2, 10, 9),
			months: 5,
			want: []GapPoint{
				{month(2026, 10), 0}, // nothing yet
				{month(2026, 11), 9},
				{month(2026, 12), 6},
				{month(2027, 1), 3},
				{month(2027, 2), 3},
			},
		},
		{
			name: "a change after now does not count this month",
			reqs: []Requirement{hiring},
			changes: []LevelChange{
				{2, 1, utc(2026, 11, 1, 9)},
				{2, 4, utc(2026, 11, 25, 9)},
			},
			now:    utc(2026, 11, 23, 9),
			months: 1,
			want:   []GapPoint{{month(2026, 11), 9}},
		},
		{
			name: "same instant: the later change wins",
			reqs: []Requirement{hiring},
			changes: []LevelChange{
				{2, 1, utc(2026, 11, 1, 9)},
				{2, 3, utc(2026, 11, 1, 9)},
			},
			now:    utc(2026, 11, 23, 9),
			months: 1,
			want:   []GapPoint{{month(2026, 11), 3}},
		},
		{
			name: "no history: the current level from creation on",
			reqs: []Requirement{
				{ID: 2, TargetLevel: 4, CurrentLevel: 2, Importance: 3, CreatedAt: utc(2026, 10, 20, 9)},
				{ID: 3, TargetLevel: 3, CurrentLevel: 2, Importance: 1},
			},
			now:    utc(2026, 11, 23, 9),
			months: 3,
			want: []GapPoint{
				{month(2026, 9), 1},
				{month(2026, 10), 1 + 6},
				{month(2026, 11), 1 + 6},
			},
		},
		{
			name:   "no months",
			reqs:   []Requirement{hiring},
			now:    utc(2026, 11, 23, 9),
			months: 0,
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := GapTrend(tt.reqs, tt.changes, tt.now, tt.months)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("GapTrend() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestGapTrendLocation checks that months are read in now's location: a
// change late on 31 October in New York is in October there, though it is
// November in UTC.
func TestGapTrendLocation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	r := Requirement{ID: 1, TargetLevel: 4, Importance: 1}
	changes := []LevelChange{
		{1, 0, time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)},
		{1, 3, time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)}, // 31 October, 22:00 in New York
	}
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, ny)
	got := GapTrend([]Requirement{r}, changes, now, 2)
	want := []GapPoint{
		{time.Date(2026, 10, 1, 0, 0, 0, 0, ny), 1},
		{time.Date(2026, 11, 1, 0, 0, 0, 0, ny), 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GapTrend() = %v, want %v", got, want)
	}
}

func TestAskAbout(t *testing.T) {
	const ana, ben, cy = 1, 2, 3
	reqs := []Requirement{
		{ID: 1, Title: "Budgeting", TargetLevel: 4, CurrentLevel: 3, Importance: 3, AdvisorIDs: []int64{ana}},              // 3
		{ID: 2, Title: "People management", TargetLevel: 5, CurrentLevel: 1, Importance: 5, AdvisorIDs: []int64{ana, ben}}, // 20
		{ID: 3, Title: "Public speaking", TargetLevel: 3, CurrentLevel: 3, Importance: 5, AdvisorIDs: []int64{ana}},        // met
		{ID: 4, Title: "SQL tuning", TargetLevel: 4, CurrentLevel: 2, Importance: 2, AdvisorIDs: []int64{ana}},             // 4
		{ID: 5, Title: "budgeting", TargetLevel: 4, CurrentLevel: 3, Importance: 1, AdvisorIDs: []int64{ana}},              // a repeat
		{ID: 6, Title: "Hiring", TargetLevel: 4, CurrentLevel: 2, Importance: 3, AdvisorIDs: []int64{ben}},
		{ID: 7, Title: "Northwind Leadership", TargetLevel: 4, CurrentLevel: 3, Importance: 2, AdvisorIDs: []int64{cy}},
	}
	tests := []struct {
		person int64
		want   []string
	}{
		// The user's titles keep their case: never "northwind Leadership".
		{ana, []string{"People management", "SQL tuning", "Budgeting"}},
		{ben, []string{"People management", "Hiring"}},
		{cy, []string{"Northwind Leadership"}},
		{4, nil},
	}
	for _, tt := range tests {
		if got := AskAbout(reqs, tt.person); !slices.Equal(got, tt.want) {
			t.Errorf("AskAbout(%d) = %q, want %q", tt.person, got, tt.want)
		}
	}
}

func TestPanelEnums(t *testing.T) {
	if got, want := Labels(PanelParts()), []string{"Decides", "Influences the decision"}; !slices.Equal(got, want) {
		t.Errorf("PanelParts labels = %q, want %q", got, want)
	}
	for _, p := range PanelParts() {
		if !p.Valid() {
			t.Errorf("%q not valid", p)
		}
	}
	if PanelPart("vetoes").Valid() || PanelPart("").Valid() {
		t.Error("unknown parts are valid")
	}
	for _, s := range PanelStatuses() {
		if !s.Valid() || s.Label() == string(s) {
			t.Errorf("status %q: valid %v, label %q", s, s.Valid(), s.Label())
		}
	}
	for _, tt := range []struct {
		m    PanelMember
		want string // the field in error, "" for none
	}{
		{PanelMember{RoleID: 1, PersonID: 2, Part: PanelDecides}, ""},
		{PanelMember{RoleID: 1, PersonID: 2, Part: "vetoes"}, "part"},
		{PanelMember{PersonID: 2, Part: PanelInfluences}, "role"},
		{PanelMember{RoleID: 1, Part: PanelInfluences}, "person"},
	} {
		err := tt.m.Validate()
		if tt.want == "" && err != nil || tt.want != "" && FieldProblem(err, tt.want) == "" {
			t.Errorf("%+v.Validate() = %v, want a problem with %q", tt.m, err, tt.want)
		}
	}
}

func TestActionEvidenceValidation(t *testing.T) {
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		status ActionStatus
		ok     bool
	}{
		{ActionDone, true},
		{ActionPlanned, false},
		{ActionInProgress, false},
		{ActionDropped, false},
	} {
		a := Action{RequirementID: 1, Kind: ActionCourse, Title: "Course", Status: tt.status, Evidence: true}
		if tt.status == ActionDone {
			a.DoneOn = day
		}
		got := FieldProblem(a.Validate(), "evidence")
		if tt.ok && got != "" || !tt.ok && got != "only a done action can be evidence" {
			t.Errorf("evidence on a %s action: problem %q", tt.status, got)
		}
		a.Evidence = false
		if a.Status != ActionDone {
			if err := a.Validate(); err != nil {
				t.Errorf("no evidence on a %s action: %v", tt.status, err)
			}
		}
	}
}

// panelPerson is a person for the panel tests.
func panelPerson(id int64, name string, stance Stance, influence int) Person {
	p := NewPerson(name)
	p.ID, p.Stance, p.Influence = id, stance, influence
	return p
}

func TestAssessPanel(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	ago := func(days int) time.Time { return now.AddDate(0, 0, -days) }
	dana := panelPerson(1, "Dana Reyes", StanceChampion, 5)
	eli := panelPerson(2, "Eli Park", StanceSupporter, 4)
	fay := panelPerson(3, "Fay Liu", StanceNeutral, 3)
	gus := panelPerson(4, "Gus Moreau", StanceUnknown, 4)
	hal := panelPerson(5, "Hal Berg", StanceSkeptic, 2)
	ivy := panelPerson(6, "Ivy Stone", StanceBlocker, 5)
	jo := panelPerson(7, "Jo Amos", StanceSupporter, 3)

	type member struct {
		id     int64
		status PanelStatus
		step   string
	}
	tests := []struct {
		name                                         string
		in                                           []PanelInput
		members                                      []member
		total, backing, cooling, undecided, mayBlock int
		single                                       bool
		summary                                      string
	}{
		{
			name:    "empty",
			summary: "Nobody on the panel yet: add who decides and who influences the decision.",
		},
		{
			name: "one backer alone is no single-champion risk",
			in:   []PanelInput{{dana, PanelDecides, 80, ago(3)}},
			members: []member{
				{1, PanelBacking, "Keep Dana informed: share progress on your top gap"},
			},
			total: 1, backing: 1,
			summary: "1 of 1 backs you.",
		},
		{
			name: "everyone, in order",
			in: []PanelInput{
				{dana, PanelDecides, 80, ago(3)},
				{eli, PanelInfluences, 30, ago(94)},
				{fay, PanelInfluences, 60, ago(10)},
				{gus, PanelDecides, 0, time.Time{}},
				{hal, PanelInfluences, 40, ago(40)},
				{ivy, PanelDecides, 50, ago(1)},
			},
			members: []member{
				{6, PanelMayBlock, "Understand Ivy's objection; enlist someone they respect"},
				{5, PanelMayBlock, "Ask Hal for their concerns and act on one"},
				{4, PanelUndecided, "Find out where Gus stands: ask what they would need to see from you (never in touch)"},
				{3, PanelUndecided, "Book a conversation: ask Fay what they would need to see from you"},
				{2, PanelCooling, "Warm up: coffee with Eli (last contact 94 days ago)"},
				{1, PanelBacking, "Keep Dana informed: share progress on your top gap"},
			},
			total: 6, backing: 1, cooling: 1, undecided: 2, mayBlock: 2, single: true,
			summary: "1 of 6 backs you; 1 is cooling; 2 need a conversation; 2 may block. " +
				"All your support rests on Dana Reyes.",
		},
		{
			name: "two backers: no single-champion risk",
			in: []PanelInput{
				{eli, PanelInfluences, 50, ago(0)}, // exactly warm enough
				{dana, PanelDecides, 90, ago(1)},
			},
			members: []member{
				{1, PanelBacking, "Keep Dana informed: share progress on your top gap"},
				{2, PanelBacking, "Keep Eli informed: share progress on your top gap"},
			},
			total: 2, backing: 2,
			summary: "2 of 2 back you.",
		},
		{
			name: "warmth 49 is cooling; never contacted says so",
			in: []PanelInput{
				{eli, PanelInfluences, 49, ago(1)},
				{jo, PanelInfluences, 0, time.Time{}},
				{dana, PanelDecides, 75, ago(0)},
			},
			members: []member{
				// Same status and part: higher influence first.
				{2, PanelCooling, "Warm up: coffee with Eli (last contact yesterday)"},
				{7, PanelCooling, "Warm up: coffee with Jo (never in touch)"},
				{1, PanelBacking, "Keep Dana informed: share progress on your top gap"},
			},
			total: 3, backing: 1, cooling: 2, single: true,
			summary: "1 of 3 backs you; 2 are cooling. All your support rests on Dana Reyes.",
		},
		{
			name: "unknowns are undecided; nobody backs",
			in: []PanelInput{
				{panelPerson(9, "zed Quinn", StanceUnknown, 3), PanelInfluences, 70, ago(5)},
				{panelPerson(8, "Amy Quinn", StanceUnknown, 3), PanelInfluences, 70, ago(5)},
				{panelPerson(10, "Bo Vance", StanceNeutral, 1), PanelDecides, 70, ago(5)},
			},
			members: []member{
				// Deciders first, whatever their influence; then by name.
				{10, PanelUndecided, "Book a conversation: ask Bo what they would need to see from you"},
				{8, PanelUndecided, "Find out where Amy stands: ask what they would need to see from you"},
				{9, PanelUndecided, "Find out where zed stands: ask what they would need to see from you"},
			},
			total: 3, undecided: 3,
			summary: "0 of 3 back you; 3 need a conversation.",
		},
		{
			name: "one who may block, never in touch",
			in: []PanelInput{
				{panelPerson(11, "Dr. Priya Raman", StanceBlocker, 5), PanelDecides, 0, time.Time{}},
				{panelPerson(12, "Lars", StanceSkeptic, 5), PanelDecides, 0, time.Time{}},
			},
			members: []member{
				{11, PanelMayBlock, "Understand Dr. Raman's objection; enlist someone they respect (never in touch)"},
				{12, PanelMayBlock, "Ask Lars for their concerns and act on one (never in touch)"},
			},
			total: 2, mayBlock: 2,
			summary: "0 of 2 back you; 2 may block.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AssessPanel(tt.in, now)
			var members []member
			for _, m := range got.Members {
				members = append(members, member{m.Person.ID, m.Status, m.NextStep})
			}
			if !reflect.DeepEqual(members, tt.members) {
				t.Errorf("Members =\n%v\nwant\n%v", members, tt.members)
			}
			counts := [5]int{got.Total, got.Backing, got.Cooling, got.Undecided, got.MayBlock}
			if want := [5]int{tt.total, tt.backing, tt.cooling, tt.undecided, tt.mayBlock}; counts != want {
				t.Errorf("total, backing, cooling, undecided, may block = %v, want %v", counts, want)
			}
			if got.SingleChampion != tt.single {
				t.Errorf("SingleChampion = %v, want %v", got.SingleChampion, tt.single)
			}
			if got.Summary != tt.summary {
				t.Errorf("Summary = %q\nwant      %q", got.Summary, tt.summary)
			}
		})
	}
}

// TestAssessPanelKeepsWhatItWasGiven checks that a standing carries the
// member's person, part and warmth as given.
func TestAssessPanelKeepsWhatItWasGiven(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	p := panelPerson(1, "Dana Reyes", StanceChampion, 5)
	p.Title = "VP Engineering"
	got := AssessPanel([]PanelInput{{p, PanelInfluences, 64, now}}, now).Members
	want := []PanelStanding{{Person: p, Part: PanelInfluences, Warmth: 64, Status: PanelBacking,
		NextStep: "Keep Dana informed: share progress on your top gap"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Members = %+v, want %+v", got, want)
	}
	if got := PanelBacking.Label(); got != "Backs you" {
		t.Errorf("PanelBacking.Label() = %q", got)
	}
}

func TestTrendSince(t *testing.T) {
	month := func(m time.Month) time.Time { return time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC) }
	trend := []GapPoint{{month(7), 0}, {month(8), 0}, {month(9), 0}, {month(10), 0}, {month(11), 0}, {month(12), 16}}
	tests := []struct {
		name    string
		created time.Time
		want    int // points kept
	}{
		{"created today: this month alone", time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), 1},
		{"created in October", time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC), 3},
		{"created before the window", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), 6},
		{"creation unknown", time.Time{}, 6},
		{"created after the last month", time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC), 0},
	}
	for _, tt := range tests {
		got := TrendSince(trend, tt.created)
		if len(got) != tt.want {
			t.Errorf("%s: %d points, want %d", tt.name, len(got), tt.want)
		}
		if len(got) > 0 && got[len(got)-1] != trend[len(trend)-1] {
			t.Errorf("%s: the last point is %v, want the current month", tt.name, got[len(got)-1])
		}
	}
}
