package sample

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"rapport/model"
)

var testNow = time.Date(2026, time.March, 2, 9, 30, 0, 0, time.UTC)

// cache keeps the networks several tests look at.
var cache = map[Options]*Network{}

func network(o Options) *Network {
	if n, ok := cache[o]; ok {
		return n
	}
	n := Generate(o)
	cache[o] = n
	return n
}

func defaultNetwork() *Network { return network(Options{Seed: 1, Now: testNow}) }

func TestGenerateIsDeterministic(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"default", Options{Seed: 7, Now: testNow}},
		{"scaled", Options{Seed: 7, Now: testNow, People: 300, Interactions: 4000, Promises: 500}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Generate(tt.opts), Generate(tt.opts)
			if !reflect.DeepEqual(a, b) {
				t.Fatal("two networks generated with the same options differ")
			}
			other := tt.opts
			other.Seed++
			c := Generate(other)
			if reflect.DeepEqual(a.Interactions, c.Interactions) {
				t.Error("a different seed gave the same interactions")
			}
			if reflect.DeepEqual(a.Meetings, c.Meetings) {
				t.Error("a different seed gave the same meetings (UIDs should differ)")
			}
		})
	}
}

func TestGenerateCounts(t *testing.T) {
	tests := []struct {
		name                           string
		opts                           Options
		people, interactions, promises int
	}{
		{"defaults", Options{Seed: 1, Now: testNow}, 40, 480, 60},
		{"negative means default", Options{Seed: 1, Now: testNow, People: -3, Interactions: -1, Promises: -1}, 40, 480, 60},
		{"one of each", Options{Seed: 1, Now: testNow, People: 1, Interactions: 1, Promises: 1}, 1, 1, 1},
		{"part of the cast", Options{Seed: 2, Now: testNow, People: 12}, 12, 144, 18},
		{"cast plus a few", Options{Seed: 3, Now: testNow, People: 45, Interactions: 10, Promises: 3}, 45, 10, 3},
		{"scaled", Options{Seed: 4, Now: testNow, People: 2000, Interactions: 20000, Promises: 3000}, 2000, 20000, 3000},
		{"scale mode", Options{Seed: 5, Now: testNow, People: 5000, Interactions: 100000, Promises: 20000}, 5000, 100000, 20000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.people > 2000 && testing.Short() {
				t.Skip("large network")
			}
			n := Generate(tt.opts)
			got := [3]int{len(n.People), len(n.Interactions), len(n.Promises)}
			want := [3]int{tt.people, tt.interactions, tt.promises}
			if got != want {
				t.Errorf("people, interactions, promises = %v, want %v", got, want)
			}
			if len(n.Roles) != 2 {
				t.Errorf("roles = %d, want 2", len(n.Roles))
			}
		})
	}
}

// TestNetworkIsConsistent checks every record of networks of all sizes and
// in awkward time zones: valid, numbered 1..n, references resolving, and
// nothing in the past that happens after now.
func TestNetworkIsConsistent(t *testing.T) {
	plus14 := time.FixedZone("UTC+14", 14*3600)
	minus11 := time.FixedZone("UTC-11", -11*3600)
	tests := []struct {
		name string
		opts Options
	}{
		{"default", Options{Seed: 1, Now: testNow}},
		{"zero now", Options{Seed: 1}},
		{"one person", Options{Seed: 1, Now: testNow, People: 1}},
		{"five people", Options{Seed: 9, Now: testNow, People: 5}},
		{"part of the cast", Options{Seed: 2, Now: testNow, People: 12}},
		{"cast plus a few", Options{Seed: 3, Now: testNow, People: 45, Interactions: 10, Promises: 3}},
		{"just after midnight east", Options{Seed: 11, Now: time.Date(2025, time.November, 9, 0, 30, 0, 0, plus14)}},
		{"late evening west", Options{Seed: 12, Now: time.Date(2025, time.July, 4, 23, 45, 0, 0, minus11)}},
		{"scaled", Options{Seed: 4, Now: testNow, People: 2000, Interactions: 20000, Promises: 3000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := tt.opts.Now
			if now.IsZero() {
				now = DefaultNow
			}
			checkNetwork(t, network(tt.opts), now)
		})
	}
}

// TestEveryCastSize generates a network for every size up to the whole
// cast, so no story refers to someone a smaller network leaves out.
func TestEveryCastSize(t *testing.T) {
	for people := 1; people <= len(cast)+1; people++ {
		t.Run(fmt.Sprint(people), func(t *testing.T) {
			n := Generate(Options{Seed: int64(people), Now: testNow, People: people})
			if len(n.People) != people {
				t.Fatalf("%d people, want %d", len(n.People), people)
			}
			checkNetwork(t, n, testNow)
		})
	}
}

func checkNetwork(t *testing.T, n *Network, now time.Time) {
	t.Helper()
	today := model.Day(now)
	errs := 0
	fail := func(format string, args ...any) {
		t.Helper()
		if errs++; errs <= 20 {
			t.Errorf(format, args...)
		}
	}
	valid := func(what string, id int64, err error) {
		t.Helper()
		if err != nil {
			fail("%s %d: %v", what, id, err)
		}
	}
	ids := func(what string, i int, id int64) {
		t.Helper()
		if id != int64(i+1) {
			fail("%s at %d has ID %d, want %d", what, i, id, i+1)
		}
	}
	stamps := func(what string, id int64, created, updated time.Time) {
		t.Helper()
		switch {
		case created.IsZero() || updated.IsZero():
			fail("%s %d: missing CreatedAt or UpdatedAt", what, id)
		case created.After(now) || updated.After(now):
			fail("%s %d: CreatedAt %v or UpdatedAt %v after now", what, id, created, updated)
		case updated.Before(created):
			fail("%s %d: UpdatedAt %v before CreatedAt %v", what, id, updated, created)
		}
	}
	person := func(id int64) *model.Person {
		if id < 1 || id > int64(len(n.People)) {
			return nil
		}
		return &n.People[id-1]
	}

	emails := map[string]bool{}
	for i, p := range n.People {
		ids("person", i, p.ID)
		valid("person", p.ID, p.Validate())
		stamps("person", p.ID, p.CreatedAt, p.UpdatedAt)
		if p.FirstMet.IsZero() || p.FirstMet.After(today) {
			fail("person %d: first met %v, want a day before today", p.ID, p.FirstMet)
		}
		if p.Email != "" {
			e := strings.ToLower(p.Email)
			if emails[e] {
				fail("person %d: email %q is not unique", p.ID, p.Email)
			}
			emails[e] = true
			for _, r := range p.Email {
				if r > 127 {
					fail("person %d: email %q is not ASCII", p.ID, p.Email)
					break
				}
			}
		}
	}

	type tk struct {
		from, to int64
		kind     model.TieKind
	}
	ties := map[tk]bool{}
	for i, tie := range n.Ties {
		ids("tie", i, tie.ID)
		valid("tie", tie.ID, tie.Validate())
		stamps("tie", tie.ID, tie.CreatedAt, tie.UpdatedAt)
		if person(tie.FromID) == nil || person(tie.ToID) == nil {
			fail("tie %d: %d → %d points outside the network", tie.ID, tie.FromID, tie.ToID)
		}
		k := tk{tie.FromID, tie.ToID, tie.Kind}
		if ties[k] {
			fail("tie %d: duplicate %v", tie.ID, k)
		}
		ties[k] = true
	}

	var last time.Time
	for i, in := range n.Interactions {
		ids("interaction", i, in.ID)
		valid("interaction", in.ID, in.Validate())
		stamps("interaction", in.ID, in.CreatedAt, in.UpdatedAt)
		if !in.At.Before(now) {
			fail("interaction %d: at %v, not before now %v", in.ID, in.At, now)
		}
		if in.At.Before(last) {
			fail("interaction %d: at %v, before the previous one", in.ID, in.At)
		}
		last = in.At
		if in.CreatedAt.Before(in.At) {
			fail("interaction %d: logged %v before it happened %v", in.ID, in.CreatedAt, in.At)
		}
		if model.DaysBetween(in.At, now) > 366 {
			fail("interaction %d: at %v, more than a year ago", in.ID, in.At)
		}
		if h := in.At.Hour(); h < 8 || h > 18 {
			fail("interaction %d: at %v, outside working hours", in.ID, in.At)
		}
		for _, pid := range in.PersonIDs {
			p := person(pid)
			if p == nil {
				fail("interaction %d: person %d outside the network", in.ID, pid)
			} else if model.Day(in.At).Before(p.FirstMet) {
				fail("interaction %d: at %v, before %s was first met (%v)", in.ID, in.At, p.Name, p.FirstMet)
			}
		}
	}
	interaction := func(id int64) *model.Interaction {
		if id < 1 || id > int64(len(n.Interactions)) {
			return nil
		}
		return &n.Interactions[id-1]
	}
	with := func(in *model.Interaction, pid int64) bool {
		for _, id := range in.PersonIDs {
			if id == pid {
				return true
			}
		}
		return false
	}

	uids := map[string]bool{}
	for i, m := range n.Meetings {
		ids("meeting", i, m.ID)
		valid("meeting", m.ID, m.Validate())
		stamps("meeting", m.ID, m.CreatedAt, m.UpdatedAt)
		if person(m.PersonID) == nil {
			fail("meeting %d: person %d outside the network", m.ID, m.PersonID)
		}
		if uids[m.UID] || !strings.HasSuffix(m.UID, "@rapport.sample") {
			fail("meeting %d: UID %q repeated or malformed", m.ID, m.UID)
		}
		uids[m.UID] = true
		if m.Sequence != 0 {
			fail("meeting %d: sequence %d, want 0", m.ID, m.Sequence)
		}
		if m.Status == model.MeetingHeld && m.Start.After(now) {
			fail("meeting %d: held but starts %v, after now", m.ID, m.Start)
		}
		if m.Start.After(now) && model.DaysBetween(now, m.Start) > 14 {
			fail("meeting %d: starts %v, more than two weeks ahead", m.ID, m.Start)
		}
		if m.OutcomeID != 0 {
			out := interaction(m.OutcomeID)
			switch {
			case out == nil:
				fail("meeting %d: outcome %d outside the network", m.ID, m.OutcomeID)
			case m.Status != model.MeetingHeld:
				fail("meeting %d: has an outcome but is %s", m.ID, m.Status)
			case out.Kind != m.Kind.InteractionKind():
				fail("meeting %d: %s with a %s outcome", m.ID, m.Kind, out.Kind)
			case !with(out, m.PersonID):
				fail("meeting %d: outcome %d is not with person %d", m.ID, out.ID, m.PersonID)
			case !model.Day(out.At).Equal(model.Day(m.Start)):
				fail("meeting %d: outcome on %v, meeting on %v", m.ID, out.At, m.Start)
			}
		}
	}

	for i, p := range n.Promises {
		ids("promise", i, p.ID)
		valid("promise", p.ID, p.Validate())
		stamps("promise", p.ID, p.CreatedAt, p.UpdatedAt)
		if person(p.PersonID) == nil {
			fail("promise %d: person %d outside the network", p.ID, p.PersonID)
		}
		if !p.MadeOn.Equal(model.Day(p.MadeOn)) || p.MadeOn.After(today) {
			fail("promise %d: made on %v, want a day no later than today", p.ID, p.MadeOn)
		}
		if i > 0 && p.MadeOn.Before(n.Promises[i-1].MadeOn) {
			fail("promise %d: made on %v, before the previous one", p.ID, p.MadeOn)
		}
		if p.Status.Pending() != p.ResolvedOn.IsZero() {
			fail("promise %d: %s with resolved on %v", p.ID, p.Status, p.ResolvedOn)
		}
		if !p.ResolvedOn.IsZero() && (p.ResolvedOn.Before(p.MadeOn) || p.ResolvedOn.After(today)) {
			fail("promise %d: resolved on %v, outside [%v, %v]", p.ID, p.ResolvedOn, p.MadeOn, today)
		}
		switch p.Status {
		case model.PromiseKept:
			if !p.DueOn.IsZero() && p.ResolvedOn.After(p.DueOn) {
				fail("promise %d: kept on %v after its due date %v", p.ID, p.ResolvedOn, p.DueOn)
			}
		case model.PromiseKeptLate:
			if !p.ResolvedOn.After(p.DueOn) {
				fail("promise %d: kept late on %v, not after its due date %v", p.ID, p.ResolvedOn, p.DueOn)
			}
		}
		if p.InteractionID != 0 {
			in := interaction(p.InteractionID)
			switch {
			case in == nil:
				fail("promise %d: interaction %d outside the network", p.ID, p.InteractionID)
			case !with(in, p.PersonID):
				fail("promise %d: interaction %d is not with person %d", p.ID, in.ID, p.PersonID)
			case !model.Day(in.At).Equal(p.MadeOn):
				fail("promise %d: made on %v in an interaction at %v", p.ID, p.MadeOn, in.At)
			}
		}
		if p.MeetingID != 0 {
			if p.MeetingID > int64(len(n.Meetings)) || n.Meetings[p.MeetingID-1].PersonID != p.PersonID {
				fail("promise %d: meeting %d outside the network or with someone else", p.ID, p.MeetingID)
			}
		}
	}

	focus := 0
	for i, r := range n.Roles {
		ids("role", i, r.ID)
		valid("role", r.ID, r.Validate())
		stamps("role", r.ID, r.CreatedAt, r.UpdatedAt)
		if r.Focus {
			focus++
		}
	}
	if focus != 1 {
		fail("%d focus roles, want 1", focus)
	}
	for i, q := range n.Requirements {
		ids("requirement", i, q.ID)
		valid("requirement", q.ID, q.Validate())
		stamps("requirement", q.ID, q.CreatedAt, q.UpdatedAt)
		if q.RoleID < 1 || q.RoleID > int64(len(n.Roles)) {
			fail("requirement %d: role %d outside the network", q.ID, q.RoleID)
		}
		for _, a := range q.AdvisorIDs {
			if person(a) == nil {
				fail("requirement %d: advisor %d outside the network", q.ID, a)
			}
		}
	}
	for i, a := range n.Actions {
		ids("action", i, a.ID)
		valid("action", a.ID, a.Validate())
		stamps("action", a.ID, a.CreatedAt, a.UpdatedAt)
		if a.RequirementID < 1 || a.RequirementID > int64(len(n.Requirements)) {
			fail("action %d: requirement %d outside the network", a.ID, a.RequirementID)
		}
		if a.Status == model.ActionDone && a.DoneOn.After(today) {
			fail("action %d: done on %v, after today", a.ID, a.DoneOn)
		}
	}
	for i, d := range n.Disclosures {
		ids("disclosure", i, d.ID)
		valid("disclosure", d.ID, d.Validate())
		stamps("disclosure", d.ID, d.CreatedAt, d.UpdatedAt)
		if person(d.PersonID) == nil {
			fail("disclosure %d: person %d outside the network", d.ID, d.PersonID)
		}
		if d.SharedOn.After(today) {
			fail("disclosure %d: shared on %v, after today", d.ID, d.SharedOn)
		}
	}
	if errs > 20 {
		t.Errorf("... and %d more problems", errs-20)
	}
}

// byRelation returns the people of n with relation r.
func byRelation(n *Network, r model.Relation) []model.Person {
	var out []model.Person
	for _, p := range n.People {
		if p.Relation == r {
			out = append(out, p)
		}
	}
	return out
}

// lastContact maps person IDs to the day of their latest interaction.
func lastContact(n *Network) map[int64]time.Time {
	out := map[int64]time.Time{}
	for _, in := range n.Interactions {
		for _, id := range in.PersonIDs {
			if in.At.After(out[id]) {
				out[id] = in.At
			}
		}
	}
	return out
}

func TestDefaultCast(t *testing.T) {
	n := defaultNetwork()
	counts := map[model.Relation]int{}
	stances := map[model.Stance]int{}
	for _, p := range n.People {
		counts[p.Relation]++
		stances[p.Stance]++
	}
	tests := []struct {
		name      string
		got, want bool
	}{
		{"exactly one manager", counts[model.RelationManager] == 1, true},
		{"a skip-level", counts[model.RelationSkipLevel] == 1, true},
		{"a mentor", counts[model.RelationMentor] >= 1, true},
		{"a sponsor", counts[model.RelationSponsor] >= 1, true},
		{"team mates", counts[model.RelationTeamMate] >= 3, true},
		{"peers", counts[model.RelationPeer] >= 5, true},
		{"leaders", counts[model.RelationLeader] >= 3, true},
		{"direct reports", counts[model.RelationDirectReport] >= 1, true},
		{"external contacts", counts[model.RelationExternal]+counts[model.RelationClient] >= 3, true},
		{"two champions or more", stances[model.StanceChampion] >= 2, true},
		{"several supporters", stances[model.StanceSupporter] >= 5, true},
		{"a skeptic", stances[model.StanceSkeptic] >= 1, true},
		{"neutral or unknown the most common", stances[model.StanceNeutral]+stances[model.StanceUnknown] >= 10, true},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}

	mgr := byRelation(n, model.RelationManager)[0]
	if mgr.Influence < 4 {
		t.Errorf("manager influence = %d, want 4 or 5", mgr.Influence)
	}
	var long, accented, noEmail, lowInfluence, influentialBlocker bool
	teams, cadences := map[string]bool{}, map[int]bool{}
	for _, p := range n.People {
		long = long || utf8.RuneCountInString(p.Name) >= 30
		accented = accented || len(p.Name) != utf8.RuneCountInString(p.Name)
		noEmail = noEmail || p.Email == ""
		lowInfluence = lowInfluence || p.Influence == 1
		influentialBlocker = influentialBlocker || (p.Stance == model.StanceBlocker && p.Influence >= 4)
		cadences[p.CadenceDays] = true
		if p.Organisation == Company {
			teams[p.Team] = true
			if !strings.HasSuffix(p.Email, "@"+Domain) && p.Email != "" {
				t.Errorf("%s works at %s but has email %q", p.Name, Company, p.Email)
			}
		} else if p.Organisation == "" || strings.HasSuffix(p.Email, "@"+Domain) {
			t.Errorf("external %s: organisation %q, email %q", p.Name, p.Organisation, p.Email)
		}
		if p.WorkingOn == "" && p.Relation != model.RelationExternal && p.Influence > 1 && p.Relation != model.RelationPeer {
			t.Errorf("%s: nothing known about what they are working on", p.Name)
		}
	}
	for name, ok := range map[string]bool{"a long name": long, "a name with diacritics": accented,
		"someone without email": noEmail, "someone with influence 1": lowInfluence, "an influential blocker": influentialBlocker} {
		if !ok {
			t.Errorf("the cast lacks %s", name)
		}
	}
	if len(teams) < 5 || len(teams) > 8 {
		t.Errorf("%d teams, want 5 to 8", len(teams))
	}
	if len(cadences) < 4 || !cadences[0] {
		t.Errorf("cadences %v: want variety, including no cadence", cadences)
	}
}

func TestDefaultTies(t *testing.T) {
	n := defaultNetwork()
	mgr := byRelation(n, model.RelationManager)[0]
	reportsToMgr, blockerAtOdds := 0, false
	for _, tie := range n.Ties {
		if tie.Kind == model.TieReportsTo && tie.ToID == mgr.ID {
			reportsToMgr++
		}
		if tie.Kind == model.TieAtOddsWith && (tie.FromID == mgr.ID || tie.ToID == mgr.ID) {
			other := tie.FromID + tie.ToID - mgr.ID
			blockerAtOdds = blockerAtOdds || n.People[other-1].Stance == model.StanceBlocker
		}
	}
	if reportsToMgr < 3 {
		t.Errorf("%d people report to the manager, want 3 or more", reportsToMgr)
	}
	if !blockerAtOdds {
		t.Error("the blocker is not at odds with the manager")
	}
	skip := byRelation(n, model.RelationSkipLevel)[0]
	if !hasTie(n, mgr.ID, skip.ID, model.TieReportsTo) {
		t.Error("the manager does not report to the skip-level")
	}
}

func hasTie(n *Network, from, to int64, kind model.TieKind) bool {
	for _, tie := range n.Ties {
		if tie.FromID == from && tie.ToID == to && tie.Kind == kind {
			return true
		}
	}
	return false
}

func TestDefaultInteractions(t *testing.T) {
	n := defaultNetwork()
	last := lastContact(n)
	coldInfluential := 0
	for _, p := range n.People {
		if p.Influence >= 4 && (last[p.ID].IsZero() || model.DaysBetween(last[p.ID], testNow) >= 90) {
			coldInfluential++
		}
	}
	if coldInfluential == 0 {
		t.Error("no influential person (4+) left cold for 90 days or more")
	}

	kinds := map[model.InteractionKind]int{}
	groups, recent, mgrOneOnOnes := 0, 0, 0
	mgr := byRelation(n, model.RelationManager)[0]
	for _, in := range n.Interactions {
		kinds[in.Kind]++
		if len(in.PersonIDs) > 1 {
			groups++
		}
		if model.DaysBetween(in.At, testNow) <= 182 {
			recent++
		}
		if in.Kind == model.KindOneOnOne && in.PersonIDs[0] == mgr.ID {
			mgrOneOnOnes++
		}
		if strings.TrimSpace(in.Summary) == "" || strings.Contains(in.Summary, "{") {
			t.Errorf("interaction %d: summary %q", in.ID, in.Summary)
		}
	}
	if len(kinds) < 11 {
		t.Errorf("%d kinds of interaction, want 11 or more: %v", len(kinds), kinds)
	}
	if groups < 10 {
		t.Errorf("%d interactions with several people, want 10 or more", groups)
	}
	if recent <= len(n.Interactions)/2 {
		t.Errorf("%d of %d interactions in the last six months, want more than half", recent, len(n.Interactions))
	}
	if mgrOneOnOnes < 35 || mgrOneOnOnes > 60 {
		t.Errorf("%d one-on-ones with the manager in a year, want roughly weekly", mgrOneOnOnes)
	}
	if busiest := busiestDay(n); busiest > 12 {
		t.Errorf("%d interactions on the busiest day, want a believable number", busiest)
	}
}

func busiestDay(n *Network) int {
	perDay := map[time.Time]int{}
	most := 0
	for _, in := range n.Interactions {
		d := model.Day(in.At)
		perDay[d]++
		most = max(most, perDay[d])
	}
	return most
}

func TestDefaultPromises(t *testing.T) {
	n := defaultNetwork()
	today := model.Day(testNow)
	statuses := map[model.PromiseStatus]int{}
	directions := map[model.Direction]int{}
	overdueMine, overdueTheirs, dueSoon, linked := 0, 0, 0, 0
	for _, p := range n.Promises {
		statuses[p.Status]++
		directions[p.Direction]++
		if p.InteractionID != 0 {
			linked++
		}
		if !p.Status.Pending() || p.DueOn.IsZero() {
			continue
		}
		switch days := model.DaysBetween(today, p.DueOn); {
		case days < 0 && p.Direction == model.DirectionMine:
			overdueMine++
		case days < 0:
			overdueTheirs++
		case days <= 7:
			dueSoon++
		}
	}
	for _, s := range model.PromiseStatuses() {
		if statuses[s] == 0 {
			t.Errorf("no %s promise", s)
		}
	}
	if statuses[model.PromiseKept] <= statuses[model.PromiseBroken]*3 {
		t.Errorf("kept %d, broken %d: want mostly kept", statuses[model.PromiseKept], statuses[model.PromiseBroken])
	}
	if directions[model.DirectionMine] == 0 || directions[model.DirectionTheirs] == 0 {
		t.Errorf("directions %v, want both", directions)
	}
	if overdueMine == 0 || overdueTheirs == 0 {
		t.Errorf("overdue open promises: mine %d, theirs %d; want some of each", overdueMine, overdueTheirs)
	}
	if dueSoon < 2 {
		t.Errorf("%d promises due within 7 days, want 2 or more", dueSoon)
	}
	if linked < 10 {
		t.Errorf("%d promises made in an interaction, want 10 or more", linked)
	}
}

func TestDefaultPlan(t *testing.T) {
	n := defaultNetwork()
	today := model.Day(testNow)
	var focus, other model.Role
	for _, r := range n.Roles {
		if r.Focus {
			focus = r
		} else {
			other = r
		}
	}
	if focus.Horizon != model.HorizonNext || !focus.TargetDate.After(today.AddDate(0, 6, 0)) || focus.Why == "" {
		t.Errorf("focus role %q: horizon %s, target %v, why %q", focus.Title, focus.Horizon, focus.TargetDate, focus.Why)
	}
	if other.Horizon != model.HorizonAfterNext {
		t.Errorf("second role %q: horizon %s, want after_next", other.Title, other.Horizon)
	}
	perRole := map[int64]int{}
	kinds := map[model.RequirementKind]bool{}
	disagree, unassessed := 0, 0
	for _, q := range n.Requirements {
		perRole[q.RoleID]++
		kinds[q.Kind] = true
		if q.ManagerLevel == 0 {
			unassessed++
		} else if d := q.ManagerLevel - q.CurrentLevel; d >= 2 || d <= -2 {
			disagree++
		}
		if len(q.AdvisorIDs) == 0 {
			t.Errorf("requirement %q has no advisor", q.Title)
		}
	}
	if got := perRole[focus.ID]; got < 5 || got > 7 {
		t.Errorf("focus role has %d requirements, want 5 to 7", got)
	}
	if got := perRole[other.ID]; got < 3 || got > 4 {
		t.Errorf("second role has %d requirements, want 3 or 4", got)
	}
	if len(kinds) != len(model.RequirementKinds()) {
		t.Errorf("requirement kinds %v, want all of them", kinds)
	}
	if disagree == 0 || unassessed == 0 {
		t.Errorf("manager disagrees by 2+ on %d, has not assessed %d; want some of each", disagree, unassessed)
	}
	perReq := map[int64]int{}
	overdue, done, planned := 0, 0, 0
	for _, a := range n.Actions {
		perReq[a.RequirementID]++
		switch a.Status {
		case model.ActionDone:
			done++
		case model.ActionPlanned, model.ActionInProgress:
			if !a.DueOn.IsZero() && a.DueOn.Before(today) {
				overdue++
			} else if a.DueOn.After(today) {
				planned++
			}
		}
	}
	for _, q := range n.Requirements {
		if c := perReq[q.ID]; c < 1 || c > 3 {
			t.Errorf("requirement %q has %d actions, want 1 to 3", q.Title, c)
		}
	}
	if overdue != 1 || done < 3 || planned < 3 {
		t.Errorf("actions: %d overdue (want 1), %d done, %d planned ahead (want some)", overdue, done, planned)
	}
}

func TestDefaultMeetings(t *testing.T) {
	n := defaultNetwork()
	mgr := byRelation(n, model.RelationManager)[0]
	upcoming, held, unlogged, recurring := 0, 0, 0, 0
	for _, m := range n.Meetings {
		switch {
		case m.Start.After(testNow):
			upcoming++
			if m.Recurrence == model.RecurrenceWeekly && m.PersonID == mgr.ID && m.Kind == model.MeetingOneOnOne {
				recurring++
			}
		case m.Status == model.MeetingHeld && m.OutcomeID != 0:
			held++
		case m.Status == model.MeetingPlanned:
			unlogged++
		}
	}
	if upcoming < 4 || upcoming > 6 {
		t.Errorf("%d upcoming meetings, want 4 to 6", upcoming)
	}
	if held < 6 || held > 10 {
		t.Errorf("%d held meetings with an outcome, want 6 to 10", held)
	}
	if unlogged < 1 || unlogged > 2 {
		t.Errorf("%d past meetings still planned, want 1 or 2", unlogged)
	}
	if recurring != 1 {
		t.Errorf("%d weekly one-on-ones with the manager ahead, want 1", recurring)
	}
}

func TestDefaultDisclosures(t *testing.T) {
	n := defaultNetwork()
	if len(n.Disclosures) < 5 || len(n.Disclosures) > 8 {
		t.Errorf("%d disclosures, want 5 to 8", len(n.Disclosures))
	}
	high := 0
	for _, d := range n.Disclosures {
		if d.Sensitivity == model.SensitivityHigh {
			high++
		}
	}
	if high < 2 {
		t.Errorf("%d high-sensitivity disclosures, want 2 or more", high)
	}
}

func TestScaledNetwork(t *testing.T) {
	n := network(Options{Seed: 4, Now: testNow, People: 2000, Interactions: 20000, Promises: 3000})
	perPerson := float64(len(n.Ties)) / float64(len(n.People))
	if perPerson < 2.5 || perPerson > 3.5 {
		t.Errorf("%.2f ties a person, want about 3", perPerson)
	}
	reports := map[int64]int{}
	for _, tie := range n.Ties {
		if tie.Kind == model.TieReportsTo {
			reports[tie.FromID]++
		}
	}
	for id := int64(len(cast) + 1); id <= int64(len(n.People)); id++ {
		if reports[id] > 1 {
			t.Errorf("person %d reports to %d people", id, reports[id])
		}
	}
	if len(n.Meetings) <= len(castMeetings) || len(n.Disclosures) <= len(castDisclosures) {
		t.Errorf("%d meetings, %d disclosures: want more than the cast's", len(n.Meetings), len(n.Disclosures))
	}
	influence := map[int]int{}
	for _, p := range n.People[len(cast):] {
		influence[p.Influence]++
	}
	if low := influence[1] + influence[2] + influence[3]; low < len(n.People)*8/10 {
		t.Errorf("influence %v: want mostly 1 to 3", influence)
	}
	if busiest := busiestDay(n); busiest > 20000/100 {
		t.Errorf("%d interactions on the busiest day of 20000", busiest)
	}
}

func TestEmailPart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zoë", "zoe"},
		{"Ångström", "angstrom"},
		{"O'Sullivan", "osullivan"},
		{"van der Berg", "vanderberg"},
		{"Oyelaran-Castellanos", "oyelaran-castellanos"},
		{"Yılmaz", "yilmaz"},
		{"Wiśniewski", "wisniewski"},
		{"Søren", "soren"},
		{"Müller", "muller"},
		{"—", "someone"},
	}
	for _, tt := range tests {
		if got := emailPart(tt.in); got != tt.want {
			t.Errorf("emailPart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFill(t *testing.T) {
	got := fill("{n} met {o} and {p} about {t}; {x} stays", "Ana", "Ben", "Cy", "the plan")
	want := "Ana met Ben and Cy about the plan; {x} stays"
	if got != want {
		t.Errorf("fill = %q, want %q", got, want)
	}
}

func BenchmarkGenerate(b *testing.B) {
	opts := Options{Seed: 1, Now: testNow, People: 5000, Interactions: 100000, Promises: 20000}
	for b.Loop() {
		n := Generate(opts)
		if len(n.Interactions) != opts.Interactions {
			b.Fatal(fmt.Sprint(len(n.Interactions)))
		}
	}
}

// TestPlanHasProgressAndAPanel: the focused role has a panel of five
// distinct people, and the levels it records rose over time, never in the
// future, within 0–5, each one step below the requirement's level today
// or at it.
func TestPlanHasProgressAndAPanel(t *testing.T) {
	n := Generate(Options{Now: testNow})
	seen := map[int64]bool{}
	for _, m := range n.Panel {
		if err := m.Validate(); err != nil || seen[m.PersonID] {
			t.Errorf("panel member %+v: %v (seen before: %v)", m, err, seen[m.PersonID])
		}
		seen[m.PersonID] = true
	}
	if len(n.Panel) != 5 {
		t.Errorf("panel has %d members, want 5", len(n.Panel))
	}
	byID := map[int64]model.Requirement{}
	for _, r := range n.Requirements {
		byID[r.ID] = r
	}
	if len(n.Levels) == 0 {
		t.Fatal("no level history: the plan would show no progress")
	}
	for _, l := range n.Levels {
		r := byID[l.RequirementID]
		if l.At.After(testNow) || l.At.Before(r.CreatedAt) || l.Level < r.CurrentLevel-1 || l.Level > r.CurrentLevel {
			t.Errorf("level %+v of %q (created %v, now at %d)", l, r.Title, r.CreatedAt, r.CurrentLevel)
		}
	}
	var focused []model.Requirement
	for _, r := range n.Requirements {
		if r.RoleID == n.Roles[0].ID {
			focused = append(focused, r)
		}
	}
	trend := model.GapTrend(focused, n.Levels, testNow, 6)
	if trend[0].Gap <= trend[len(trend)-1].Gap {
		t.Errorf("the focused role's gap did not close over six months: %+v", trend)
	}
}
