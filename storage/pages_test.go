package storage

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"rapport/model"
)

// mustLoadSample fills s with the sample network and returns everyone in
// it, active people first, then those in the trash.
func mustLoadSample(t *testing.T, s *Store) []model.PersonSummary {
	t.Helper()
	ctx := t.Context()
	if err := s.LoadSample(ctx); err != nil {
		t.Fatalf("LoadSample: %v", err)
	}
	active, err := s.People(ctx, false)
	if err != nil {
		t.Fatalf("People: %v", err)
	}
	trash, err := s.People(ctx, true)
	if err != nil {
		t.Fatalf("People(trash): %v", err)
	}
	return append(active, trash...)
}

// check fails the test when got and want differ.
func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// TestPersonPageEqualsPiecemeal reads the page of everyone in the sample
// and checks it holds what the single-entity methods return.
func TestPersonPageEqualsPiecemeal(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	var filled struct{ timeline, promises, ties, disclosures, advises, people, upcoming int }
	for _, ps := range mustLoadSample(t, s) {
		id := ps.ID
		got, err := s.PersonPage(ctx, id, testNow)
		if err != nil {
			t.Fatalf("PersonPage(%d): %v", id, err)
		}
		p, err1 := s.Person(ctx, id)
		timeline, err2 := s.InteractionsWith(ctx, id, model.TimelineLimit)
		promises, err3 := s.PromisesFor(ctx, id)
		ties, err4 := s.TiesOf(ctx, id)
		disclosures, err5 := s.DisclosuresFor(ctx, id)
		advises, err6 := s.AdvisedBy(ctx, id)
		if err := errors.Join(err1, err2, err3, err4, err5, err6); err != nil {
			t.Fatal(err)
		}
		people := map[int64]model.Person{}
		for _, i := range timeline {
			for _, o := range i.PersonIDs {
				if o != id {
					people[o], _ = s.Person(ctx, o)
				}
			}
		}
		for _, tie := range ties {
			for _, o := range []int64{tie.FromID, tie.ToID} {
				if o != id {
					people[o], _ = s.Person(ctx, o)
				}
			}
		}
		meetings, err := s.MeetingsWith(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var upcoming []model.NextMeeting
		for _, m := range meetings {
			next := m.NextOccurrence(testNow, time.Local)
			if m.Status == model.MeetingPlanned && next.Add(m.Duration).After(testNow) {
				upcoming = append(upcoming, model.NextMeeting{Meeting: m, Next: next})
			}
		}
		slices.SortStableFunc(upcoming, func(a, b model.NextMeeting) int { return a.Next.Compare(b.Next) })
		stances, err := s.StanceHistory(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		roles, err := s.RoleHistory(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := model.PersonPage{Now: testNow, Person: p, Timeline: timeline, Promises: promises, Ties: ties,
			Disclosures: disclosures, Advises: advises, People: people, Upcoming: upcoming,
			StanceHistory: stances, RoleHistory: roles}
		check(t, ps.Name+"'s page", got, want)
		for n, l := range map[*int]int{&filled.timeline: len(timeline), &filled.promises: len(promises),
			&filled.ties: len(ties), &filled.disclosures: len(disclosures), &filled.advises: len(advises),
			&filled.people: len(people), &filled.upcoming: len(upcoming)} {
			*n += l
		}
	}
	if filled.timeline == 0 || filled.promises == 0 || filled.ties == 0 || filled.disclosures == 0 ||
		filled.advises == 0 || filled.people == 0 || filled.upcoming == 0 {
		t.Errorf("the sample left a part of every page empty: %+v", filled)
	}
}

// TestPersonPage checks what a small page holds, part by part.
func TestPersonPage(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	dana, ben := mustCreatePerson(t, s, "Dana Ode"), mustCreatePerson(t, s, "Ben Ruiz")
	cleo := mustCreatePerson(t, s, "Cleo Park") // named by nothing on Dana's page
	met := model.Interaction{Kind: model.KindCoffee, At: testNow.Add(-48 * time.Hour),
		Summary: "Coffee", PersonIDs: []int64{dana.ID, ben.ID}}
	tie := model.Tie{FromID: ben.ID, ToID: dana.ID, Kind: model.TieReportsTo}
	promise := model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "Send the deck",
		MadeOn: testNow.AddDate(0, 0, -2), DueOn: testNow.AddDate(0, 0, 3), Status: model.PromiseOpen}
	shared := model.Disclosure{PersonID: dana.ID, Topic: "Moving teams", Sensitivity: model.SensitivityHigh,
		SharedOn: model.Day(testNow)}
	role := model.Role{Title: "Staff engineer", Horizon: model.HorizonNext}
	if err := errors.Join(s.CreateInteraction(ctx, &met), s.CreateTie(ctx, &tie), s.CreatePromise(ctx, &promise),
		s.CreateDisclosure(ctx, &shared), s.CreateRole(ctx, &role)); err != nil {
		t.Fatal(err)
	}
	req := model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: "System design",
		TargetLevel: 4, CurrentLevel: 2, Importance: 3, AdvisorIDs: []int64{dana.ID}}
	if err := s.CreateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}
	if err := s.ArchivePerson(ctx, ben.ID); err != nil {
		t.Fatal(err)
	}
	pg, err := s.PersonPage(ctx, dana.ID, testNow)
	if err != nil {
		t.Fatalf("PersonPage: %v", err)
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"person", pg.Person.Name, dana.Name},
		{"timeline", len(pg.Timeline), 1},
		{"promise", len(pg.Promises) == 1 && pg.Promises[0].What == promise.What, true},
		{"tie", len(pg.Ties) == 1 && pg.Ties[0].ID == tie.ID, true},
		{"disclosure", len(pg.Disclosures) == 1 && pg.Disclosures[0].Topic == shared.Topic, true},
		{"advises", len(pg.Advises) == 1 && pg.Advises[0].Title == req.Title, true},
		{"Ben, in the trash, named", pg.People[ben.ID].Name, ben.Name},
		{"Ben archived", pg.People[ben.ID].Archived(), true},
		{"Cleo not named", pg.People[cleo.ID].ID, int64(0)},
		{"Dana not among the others", pg.People[dana.ID].ID, int64(0)},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
	if _, err := s.PersonPage(ctx, 999, testNow); !errors.Is(err, ErrNotFound) {
		t.Errorf("PersonPage(999) = %v, want ErrNotFound", err)
	}
}

// TestPersonPageUpcoming checks the page lists the planned meetings with
// the person still to come, soonest first, a weekly one at its next
// occurrence, and leaves out those held, cancelled, over, or with others.
func TestPersonPageUpcoming(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	dana, ben := mustCreatePerson(t, s, "Dana Ode"), mustCreatePerson(t, s, "Ben Ruiz")
	at := func(days int) time.Time { return testNow.AddDate(0, 0, days).Truncate(time.Hour) }
	meet := func(who int64, kind model.MeetingKind, start time.Time, rec model.Recurrence, st model.MeetingStatus) model.Meeting {
		m := model.Meeting{PersonID: who, Kind: kind, Start: start, Duration: 30 * time.Minute,
			Recurrence: rec, Status: st}
		if err := s.CreateMeeting(ctx, &m); err != nil {
			t.Fatal(err)
		}
		if st != model.MeetingPlanned {
			m.Status = st
			if err := s.UpdateMeeting(ctx, &m); err != nil {
				t.Fatal(err)
			}
		}
		return m
	}
	lunch := meet(dana.ID, model.MeetingLunch, at(5), model.RecurrenceNone, model.MeetingPlanned)
	weekly := meet(dana.ID, model.MeetingOneOnOne, at(-20), model.RecurrenceWeekly, model.MeetingPlanned)
	meet(dana.ID, model.MeetingCoffee, at(-3), model.RecurrenceNone, model.MeetingPlanned) // over
	meet(dana.ID, model.MeetingCoffee, at(2), model.RecurrenceNone, model.MeetingCanceled) // cancelled
	meet(ben.ID, model.MeetingCoffee, at(1), model.RecurrenceNone, model.MeetingPlanned)   // with Ben
	pg, err := s.PersonPage(ctx, dana.ID, testNow)
	if err != nil {
		t.Fatalf("PersonPage: %v", err)
	}
	var got []string
	for _, u := range pg.Upcoming {
		got = append(got, fmt.Sprintf("%d at %s", u.Meeting.ID, u.Next.UTC().Format(time.DateTime)))
	}
	want := []string{
		fmt.Sprintf("%d at %s", weekly.ID, at(1).UTC().Format(time.DateTime)),
		fmt.Sprintf("%d at %s", lunch.ID, at(5).UTC().Format(time.DateTime)),
	}
	check(t, "upcoming", got, want)
	empty, err := s.PersonPage(ctx, ben.ID, testNow.AddDate(0, 0, 3))
	if err != nil {
		t.Fatalf("PersonPage: %v", err)
	}
	check(t, "Ben's upcoming after his coffee", len(empty.Upcoming), 0)
}

// TestRolePageEqualsPiecemeal reads the page of every role of the sample
// and checks it holds what the single-entity methods return.
func TestRolePageEqualsPiecemeal(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mustLoadSample(t, s)
	active, err1 := s.Roles(ctx, false)
	archived, err2 := s.Roles(ctx, true)
	candidates, err3 := s.People(ctx, false)
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	var actions, advisors, members int
	for _, r := range append(active, archived...) {
		got, err := s.RolePage(ctx, r.ID, testNow)
		if err != nil {
			t.Fatalf("RolePage(%d): %v", r.ID, err)
		}
		role, err1 := s.Role(ctx, r.ID)
		reqs, err2 := s.Requirements(ctx, r.ID)
		history, err3 := s.LevelHistory(ctx, r.ID)
		panel, err4 := s.Panel(ctx, r.ID, testNow)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatal(err)
		}
		want := model.RolePage{Now: testNow, Role: role, Requirements: reqs, History: history, Panel: panel,
			Actions: map[int64][]model.Action{}, Advisors: map[int64]model.Person{}, Candidates: candidates}
		for _, q := range reqs {
			list, err := s.Actions(ctx, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			if list != nil {
				want.Actions[q.ID] = list
			}
			actions += len(list)
			for _, a := range q.AdvisorIDs {
				if want.Advisors[a], err = s.Person(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
		}
		check(t, r.Title+"'s page", got, want)
		advisors += len(want.Advisors)
		members += len(panel.Members)
	}
	if actions == 0 || advisors == 0 || members == 0 {
		t.Errorf("the sample's roles have %d actions, %d advisors, %d panel members: want some of each",
			actions, advisors, members)
	}
	if _, err := s.RolePage(ctx, 999, testNow); !errors.Is(err, ErrNotFound) {
		t.Errorf("RolePage(999) = %v, want ErrNotFound", err)
	}
}

// TestRoleListEqualsPiecemeal reads the Career plan's list of the sample's
// roles, active and archived, and checks it holds what Roles and
// Requirements return.
func TestRoleListEqualsPiecemeal(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mustLoadSample(t, s)
	var gaps int
	for _, archived := range []bool{false, true} {
		got, err := s.RoleList(ctx, archived)
		if err != nil {
			t.Fatalf("RoleList(%v): %v", archived, err)
		}
		roles, err := s.Roles(ctx, archived)
		if err != nil {
			t.Fatal(err)
		}
		want := model.RoleList{Roles: roles, Gaps: map[int64]int{}}
		for _, r := range roles {
			reqs, err := s.Requirements(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range reqs {
				if q.WeightedGap() > 0 {
					want.Gaps[r.ID] += q.WeightedGap()
				}
			}
		}
		check(t, fmt.Sprintf("role list (archived %v)", archived), got, want)
		gaps += len(want.Gaps)
	}
	if gaps == 0 {
		t.Error("the sample's roles have no gaps: the test checks nothing")
	}
}

// TestMeetingPagesEqualPiecemeal reads the Meetings list and the page of
// every meeting of the sample and checks they hold what the single-entity
// methods return.
func TestMeetingPagesEqualPiecemeal(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mustLoadSample(t, s)
	settings := model.DefaultSettings()
	settings.TimeZone = "Europe/Berlin"
	if err := s.SaveSettings(ctx, settings); err != nil {
		t.Fatal(err)
	}
	all, err1 := s.Meetings(ctx, time.Time{}, time.Time{})
	settings, err2 := s.Settings(ctx)
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("the sample has no meetings")
	}
	want := model.MeetingList{Meetings: all, People: map[int64]model.Person{}, Settings: settings}
	for _, m := range all {
		p, err := s.Person(ctx, m.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		want.People[m.PersonID] = p
		got, err := s.MeetingPage(ctx, m.ID)
		if err != nil {
			t.Fatalf("MeetingPage(%d): %v", m.ID, err)
		}
		check(t, "meeting page", got, model.MeetingPage{Meeting: m, Person: p, Settings: settings})
	}
	got, err := s.MeetingList(ctx)
	if err != nil {
		t.Fatalf("MeetingList: %v", err)
	}
	check(t, "meeting list", got, want)
	if _, err := s.MeetingPage(ctx, 99_999); !errors.Is(err, ErrNotFound) {
		t.Errorf("MeetingPage(99999) = %v, want ErrNotFound", err)
	}
}
