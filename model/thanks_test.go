package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

var ackNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func ackAgo(days int) time.Time { return ackNow.AddDate(0, 0, -days) }

func ackPerson(id int64, name, team string, rel Relation) Person {
	return Person{ID: id, Name: name, Team: team, Relation: rel, Influence: 3, Stance: StanceNeutral}
}

// ackOf finds the acknowledgment of a person in groups.
func ackOf(groups []AckGroup, id int64) (Acknowledgment, bool) {
	for _, g := range groups {
		for _, a := range g.Members {
			if a.Person.ID == id {
				return a, true
			}
		}
	}
	return Acknowledgment{}, false
}

func TestAcknowledgmentsOverlookedRule(t *testing.T) {
	tests := []struct {
		name       string
		person     Person
		thanks     []ThanksRecord
		listed     bool
		overlooked bool
		daysSince  int
		lastPublic bool
		count      int
	}{
		{"team mate thanked 59 days ago", ackPerson(1, "Ana", "Core", RelationTeamMate),
			[]ThanksRecord{{1, ackAgo(59), false}}, true, false, 59, false, 1},
		{"team mate thanked 60 days ago", ackPerson(1, "Ana", "Core", RelationTeamMate),
			[]ThanksRecord{{1, ackAgo(60), true}}, true, true, 60, true, 1},
		{"direct report never thanked", ackPerson(1, "Ana", "Core", RelationDirectReport),
			nil, true, true, -1, false, 0},
		{"peer never thanked", ackPerson(1, "Ana", "", RelationPeer), nil, true, true, -1, false, 0},
		{"future thanks ignored", ackPerson(1, "Ana", "Core", RelationTeamMate),
			[]ThanksRecord{{1, ackNow.Add(time.Hour), true}, {1, ackAgo(70), false}}, true, true, 70, false, 1},
		{"only future thanks: never", ackPerson(1, "Ana", "Core", RelationPeer),
			[]ThanksRecord{{1, ackNow.AddDate(0, 0, 3), false}}, true, true, -1, false, 0},
		{"mentor never thanked: left out", ackPerson(1, "Ana", "Core", RelationMentor), nil, false, false, 0, false, 0},
		{"mentor thanked long ago: listed, never overlooked", ackPerson(1, "Ana", "Core", RelationMentor),
			[]ThanksRecord{{1, ackAgo(200), true}}, true, false, 200, true, 1},
		{"manager only thanked in the future: left out", ackPerson(1, "Ana", "Core", RelationManager),
			[]ThanksRecord{{1, ackNow.Add(time.Minute), true}}, false, false, 0, false, 0},
		{"archived team mate left out", func() Person {
			p := ackPerson(1, "Ana", "Core", RelationTeamMate)
			p.ArchivedAt = ackAgo(1)
			return p
		}(), nil, false, false, 0, false, 0},
		{"count covers 365 days; latest decides how", ackPerson(1, "Ana", "Core", RelationTeamMate),
			[]ThanksRecord{{1, ackAgo(400), true}, {1, ackAgo(365), true}, {1, ackAgo(364), true}, {1, ackAgo(3), false}},
			true, false, 3, false, 2},
		{"public and private at the same moment: public", ackPerson(1, "Ana", "Core", RelationTeamMate),
			[]ThanksRecord{{1, ackAgo(2), false}, {1, ackAgo(2), true}}, true, false, 2, true, 2},
		{"someone else's thanks do not count", ackPerson(1, "Ana", "Core", RelationTeamMate),
			[]ThanksRecord{{2, ackAgo(1), true}}, true, true, -1, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			groups := Acknowledgments([]Person{tt.person}, tt.thanks, ackNow)
			got, listed := ackOf(groups, tt.person.ID)
			if listed != tt.listed {
				t.Fatalf("listed = %v, want %v (groups %+v)", listed, tt.listed, groups)
			}
			if !listed {
				return
			}
			if got.Overlooked != tt.overlooked || got.DaysSince != tt.daysSince ||
				got.LastPublic != tt.lastPublic || got.Count != tt.count {
				t.Errorf("got overlooked %v, days %d, public %v, count %d; want %v, %d, %v, %d",
					got.Overlooked, got.DaysSince, got.LastPublic, got.Count,
					tt.overlooked, tt.daysSince, tt.lastPublic, tt.count)
			}
			if (tt.daysSince < 0) != got.Last.IsZero() {
				t.Errorf("Last = %v with DaysSince %d", got.Last, got.DaysSince)
			}
		})
	}
}

// Days are calendar days in now's zone: 23:00 the evening 60 days before
// is 60 days ago, though fewer than 60×24 hours.
func TestAcknowledgmentsCountsCalendarDaysInNowsZone(t *testing.T) {
	zone := time.FixedZone("UTC-5", -5*3600)
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, zone)
	last := time.Date(2026, 9, 24, 23, 0, 0, 0, zone) // 04:00 UTC on the 25th
	groups := Acknowledgments([]Person{ackPerson(1, "Ana", "", RelationTeamMate)},
		[]ThanksRecord{{1, last.UTC(), false}}, now)
	got, _ := ackOf(groups, 1)
	if got.DaysSince != 60 || !got.Overlooked {
		t.Errorf("DaysSince = %d, Overlooked = %v; want 60, true", got.DaysSince, got.Overlooked)
	}
}

func TestAcknowledgmentsGroupingAndOrder(t *testing.T) {
	people := []Person{
		ackPerson(1, "Ana", "Core", RelationTeamMate),       // thanked 10 days ago
		ackPerson(2, "Ben", "Core", RelationTeamMate),       // never: overlooked
		ackPerson(3, "Cai", "Core", RelationPeer),           // 80 days: overlooked
		ackPerson(4, "Dee", "Core", RelationTeamMate),       // 2 days ago
		ackPerson(5, "Eve", " Apps ", RelationDirectReport), // 90 days: overlooked
		ackPerson(6, "Fay", "Apps", RelationMentor),         // thanked 5 days ago
		ackPerson(7, "Gus", "", RelationPeer),               // 61 days: overlooked
		ackPerson(8, "Hal", "", RelationSponsor),            // never thanked: left out
		ackPerson(9, "amy", "Core", RelationTeamMate),       // never: overlooked, name ties with Ben's days
		ackPerson(10, "Ida", "Zeta", RelationTeamMate),      // 3 days ago
		ackPerson(11, "Jo", "Beta", RelationManager),        // thanked 100 days ago: listed, not overlooked
		ackPerson(12, "Kim", "Beta", RelationDirectReport),  // 1 day
		ackPerson(13, "Lou", "apps", RelationTeamMate),      // a team of its own: case matters
	}
	thanks := []ThanksRecord{
		{1, ackAgo(10), false}, {3, ackAgo(80), true}, {4, ackAgo(2), true}, {5, ackAgo(90), false},
		{6, ackAgo(5), true}, {7, ackAgo(61), false}, {10, ackAgo(3), false}, {11, ackAgo(100), true},
		{12, ackAgo(1), false}, {13, ackAgo(4), false},
	}
	groups := Acknowledgments(people, thanks, ackNow)
	type row struct {
		name       string
		members    []string
		overlooked int
	}
	var got []row
	for _, g := range groups {
		r := row{name: g.Name, overlooked: g.Overlooked}
		for _, a := range g.Members {
			r.members = append(r.members, a.Person.Name)
		}
		got = append(got, r)
	}
	want := []row{
		{"Core", []string{"amy", "Ben", "Cai", "Dee", "Ana"}, 3},
		{"Apps", []string{"Eve", "Fay"}, 1},
		{NoTeam, []string{"Gus"}, 1},
		{"apps", []string{"Lou"}, 0},
		{"Beta", []string{"Kim", "Jo"}, 0},
		{"Zeta", []string{"Ida"}, 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups =\n%+v\nwant\n%+v", got, want)
	}
}

func TestAcknowledgmentsEmpty(t *testing.T) {
	if got := Acknowledgments(nil, []ThanksRecord{{1, ackAgo(1), true}}, ackNow); len(got) != 0 {
		t.Errorf("Acknowledgments(no people) = %+v, want none", got)
	}
}

// draftPeople have private notes and details that must never reach a draft.
func draftPeople() (boss Person, dana, lee, mo Person) {
	private := func(p Person) Person {
		p.Notes = "PRIVATE: going through a divorce"
		p.Needs = "PRIVATE needs"
		p.WorkingOn = "PRIVATE project"
		p.Email = "private@example.com"
		p.Title = "PRIVATE title"
		return p
	}
	return private(ackPerson(1, "Sam Okafor", "Core", RelationManager)),
		private(ackPerson(2, "Dana Whitfield", "Core", RelationTeamMate)),
		private(ackPerson(3, "Lee Park", "Core", RelationTeamMate)),
		private(ackPerson(4, "Mo Reyes", "Core", RelationPeer))
}

func TestDraftBossNote(t *testing.T) {
	boss, dana, lee, mo := draftPeople()
	secretTopic := "Thinking of leaving for a competitor" // a disclosure, never passed in
	mates := []PraiseFacts{
		{Person: dana, Helped: []string{"Reviewed my doc on the queue rewrite.", "Paired with me on the cutover", "Third, too old"},
			Kept: []string{"Send the latency numbers", "Older promise"}},
		{Person: lee, Kept: []string{"Put my name forward for the hiring committee", "Intro to the SRE guild"}},
		{Person: mo},
	}
	got := DraftBossNote(boss, mates)
	for _, want := range []string{
		"Hi Sam,",
		"Dana Whitfield: Reviewed my doc on the queue rewrite; followed through on “Send the latency numbers”.",
		"Lee Park: followed through on “Put my name forward for the hiring committee”; followed through on “Intro to the SRE guild”.",
		"Mo Reyes: a steady, generous colleague",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("draft lacks %q:\n%s", want, got)
		}
	}
	for _, never := range []string{"PRIVATE", "private@example.com", secretTopic, "Paired with me", "Third", "Older promise", ".."} {
		if strings.Contains(got, never) {
			t.Errorf("draft contains %q:\n%s", never, got)
		}
	}
	if lines := strings.Split(strings.TrimSpace(got), "\n"); lines[len(lines)-1] != "Thanks," {
		t.Errorf("draft ends with %q, want a line to sign", lines[len(lines)-1])
	}
}

func TestDraftBossNoteGreetings(t *testing.T) {
	tests := []struct {
		name string
		boss Person
		want string
	}{
		{"no boss", Person{}, "Hi,\n"},
		{"first name", Person{Name: "  Priya   Shah "}, "Hi Priya,\n"},
		{"honorific", Person{Name: "Dr. Priya Raman"}, "Hi Dr. Raman,\n"},
	}
	for _, tt := range tests {
		if got := DraftBossNote(tt.boss, nil); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: draft starts %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := DraftBossNote(Person{}, nil); !strings.Contains(got, "credit they deserve") || !strings.HasSuffix(got, "Thanks,\n") {
		t.Errorf("draft with no mates:\n%s", got)
	}
}

func TestDraftTeamThanks(t *testing.T) {
	_, dana, lee, mo := draftPeople()
	mates := []PraiseFacts{
		{Person: dana, Helped: []string{"Covered the on-call rota for me"}, Kept: []string{"Send the numbers"}},
		{Person: lee, Kept: []string{"Review my design doc"}},
		{Person: mo},
	}
	tests := []struct {
		team string
		want []string
	}{
		{"Core", []string{
			"thank the people on Core.",
			"Dana: Covered the on-call rota for me. Thank you.",
			"Lee: followed through on “Review my design doc”. Thank you.",
			"Mo: thank you for everything you do for this team",
			"Thank you, all of you.",
		}},
		{"", []string{"thank the people on this team."}},
		{NoTeam, []string{"thank the people on this team."}},
	}
	for _, tt := range tests {
		got := DraftTeamThanks(tt.team, mates)
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("DraftTeamThanks(%q) lacks %q:\n%s", tt.team, want, got)
			}
		}
		for _, never := range []string{"PRIVATE", "private@example.com", "Send the numbers", "Whitfield"} {
			if strings.Contains(got, never) {
				t.Errorf("DraftTeamThanks(%q) contains %q:\n%s", tt.team, never, got)
			}
		}
	}
}

func TestPraiseFactsFacts(t *testing.T) {
	tests := []struct {
		name string
		f    PraiseFacts
		n    int
		want []string
	}{
		{"none", PraiseFacts{}, 2, nil},
		{"help only", PraiseFacts{Helped: []string{"A", "B", "C"}}, 2, []string{"A", "B"}},
		{"acronym kept", PraiseFacts{Helped: []string{"SQL tuning for me"}}, 2, []string{"SQL tuning for me"}},
		{"kept only", PraiseFacts{Kept: []string{"A", "B"}}, 2, []string{"followed through on “A”", "followed through on “B”"}},
		{"one of each", PraiseFacts{Helped: []string{"H1", "H2"}, Kept: []string{"K1"}}, 2, []string{"H1", "followed through on “K1”"}},
		{"blank skipped", PraiseFacts{Helped: []string{"  ", "Fixed it\nfor me."}, Kept: []string{" ", "Send it."}}, 3,
			[]string{"Fixed it for me", "followed through on “Send it”"}},
		{"one", PraiseFacts{Helped: []string{"Fixed it"}, Kept: []string{"K"}}, 1, []string{"Fixed it"}},
		// The user's case is kept: a name, a product, a small letter.
		{"name kept", PraiseFacts{Helped: []string{"Northwind Leadership review"}}, 1, []string{"Northwind Leadership review"}},
		{"brand kept", PraiseFacts{Helped: []string{"iOS release notes"}}, 1, []string{"iOS release notes"}},
		{"small kept", PraiseFacts{Helped: []string{"covered on-call"}}, 1, []string{"covered on-call"}},
	}
	for _, tt := range tests {
		if got := tt.f.facts(tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: facts = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReviewDue(t *testing.T) {
	zone := time.FixedZone("UTC+9", 9*3600)
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, zone)
	began := now.AddDate(0, -2, 0)
	tests := []struct {
		name  string
		last  time.Time
		first time.Time
		want  bool
	}{
		{"never, began long ago", time.Time{}, began, true},
		{"never, nobody added yet", time.Time{}, time.Time{}, false},
		{"never, began today", time.Time{}, now.Add(-10 * time.Minute), false},
		{"never, began 6 days ago", time.Time{}, now.AddDate(0, 0, -6), false},
		{"never, began 7 days ago", time.Time{}, now.AddDate(0, 0, -7), true},
		{"done 2 days ago, began long ago", now.AddDate(0, 0, -2), began, false},
		{"6 days ago", now.AddDate(0, 0, -6), began, false},
		{"7 days ago", now.AddDate(0, 0, -7), began, true},
		{"30 days ago", now.AddDate(0, 0, -30), began, true},
		{"today", now.Add(-time.Hour), began, false},
		{"later today", now.Add(time.Hour), began, false},
		// 23:30 UTC on the 15th is the 16th in now's zone: 7 days, not 8.
		{"calendar days in now's zone", time.Date(2026, 11, 15, 23, 30, 0, 0, time.UTC), began, true},
		{"6 calendar days in now's zone", time.Date(2026, 11, 16, 23, 30, 0, 0, time.UTC), began, false},
	}
	for _, tt := range tests {
		if got := ReviewDue(tt.last, tt.first, now); got != tt.want {
			t.Errorf("%s: ReviewDue(%v, %v) = %v, want %v", tt.name, tt.last, tt.first, got, tt.want)
		}
	}
}
