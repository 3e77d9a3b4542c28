package storage

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"rapport/model"
)

// TestWeeklyReviewMatchesThePiecemealReads: on the sample network, the
// one-call read of the weekly review holds what the review used to read
// step by step (Meetings, Person, Promises, People, Roles, Requirements,
// Actions, Today, Settings), item for item.
func TestWeeklyReviewMatchesThePiecemealReads(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if err := s.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := s.WeeklyReview(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	want := piecemealReview(t, s, testNow)
	if len(got.Meetings) == 0 || len(got.Due) == 0 || len(got.InTouch) == 0 || len(got.Gaps) == 0 || len(got.Today.ReachOuts) == 0 {
		t.Fatalf("the sample gives an empty step: %d meetings, %d due, %d in touch, %d gaps, %d reach-outs",
			len(got.Meetings), len(got.Due), len(got.InTouch), len(got.Gaps), len(got.Today.ReachOuts))
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"meetings", got.Meetings, want.Meetings},
		{"due", got.Due, want.Due},
		{"people", got.People, want.People},
		{"in touch", got.InTouch, want.InTouch},
		{"focus", got.Focus, want.Focus},
		{"gaps", got.Gaps, want.Gaps},
		{"actions", got.Actions, want.Actions},
		{"reach-outs", got.Today.ReachOuts, want.Today.ReachOuts},
		{"settings", got.Settings, want.Settings},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, c.got, c.want)
		}
	}
}

// piecemealReview reads the review as the screen used to, one store call
// per item.
func piecemealReview(t *testing.T, s *Store, now time.Time) model.WeeklyReview {
	t.Helper()
	ctx := context.Background()
	r := model.WeeklyReview{Now: now, People: map[int64]model.Person{}, Actions: map[int64][]model.Action{}}
	meetings, err := s.Meetings(ctx, now.AddDate(0, 0, -7), now)
	must(t, err)
	for _, m := range meetings {
		if p, err := s.Person(ctx, m.PersonID); err == nil && m.Status != model.MeetingCanceled {
			r.Meetings, r.People[p.ID] = append(r.Meetings, m), p
		}
	}
	all, err := s.Promises(ctx)
	must(t, err)
	dueBy := model.Day(now).AddDate(0, 0, 7)
	for _, p := range all {
		if !p.Status.Pending() || p.DueOn.IsZero() || p.DueOn.After(dueBy) {
			continue
		}
		if person, err := s.Person(ctx, p.PersonID); err == nil {
			r.Due, r.People[person.ID] = append(r.Due, p), person
		}
	}
	people, err := s.People(ctx, false)
	must(t, err)
	r.InTouch = slices.DeleteFunc(people, func(p model.PersonSummary) bool {
		return p.LastContact.IsZero() || now.Sub(p.LastContact) > 7*24*time.Hour
	})
	roles, err := s.Roles(ctx, false)
	must(t, err)
	for _, role := range roles {
		if role.Focus {
			r.Focus = role
		}
	}
	reqs, err := s.Requirements(ctx, r.Focus.ID)
	must(t, err)
	for i, q := range model.RankGaps(reqs) {
		if i == model.ReviewGapsShown {
			break
		}
		r.Gaps = append(r.Gaps, q)
		r.Actions[q.ID], err = s.Actions(ctx, q.ID)
		must(t, err)
	}
	r.Today, err = s.Today(ctx, now)
	must(t, err)
	r.Settings, err = s.Settings(ctx)
	must(t, err)
	return r
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestCreditPageMatchesThePiecemealReads: the Give credit screen's one
// read holds what People, Thanks and Opportunities return.
func TestCreditPageMatchesThePiecemealReads(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if err := s.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := s.CreditPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	people, err := s.People(ctx, false)
	must(t, err)
	thanks, err := s.Thanks(ctx)
	must(t, err)
	opps, err := s.Opportunities(ctx)
	must(t, err)
	if len(people) == 0 || len(thanks) == 0 {
		t.Fatalf("the sample has %d people and %d thanks", len(people), len(thanks))
	}
	if !reflect.DeepEqual(got.People, people) || !reflect.DeepEqual(got.Thanks, thanks) || !reflect.DeepEqual(got.Opportunities, opps) {
		t.Errorf("CreditPage = %d people, %d thanks, %d opportunities; want %d, %d, %d",
			len(got.People), len(got.Thanks), len(got.Opportunities), len(people), len(thanks), len(opps))
	}
}

// TestWeeklyReviewReadsThePlannedMeetings: the review's Planned holds the
// planned meetings ahead and the standing ones begun long ago, not the
// past one-offs nor the canceled ones, so its coffees keep clear of them.
func TestWeeklyReviewReadsThePlannedMeetings(t *testing.T) {
	s := mustOpen(t)
	p := mustCreatePerson(t, s, "Dana Reyes")
	add := func(start time.Time, rec model.Recurrence, status model.MeetingStatus) int64 {
		m := model.Meeting{PersonID: p.ID, Kind: model.MeetingOneOnOne, Start: start, Duration: 30 * time.Minute,
			Recurrence: rec, Status: status}
		if err := s.CreateMeeting(t.Context(), &m); err != nil {
			t.Fatal(err)
		}
		return m.ID
	}
	standing := add(testNow.AddDate(0, -2, 0), model.RecurrenceWeekly, model.MeetingPlanned)
	ahead := add(testNow.AddDate(0, 0, 3), model.RecurrenceNone, model.MeetingPlanned)
	add(testNow.AddDate(0, 0, -3), model.RecurrenceNone, model.MeetingPlanned)
	add(testNow.AddDate(0, 0, 2), model.RecurrenceNone, model.MeetingCanceled)
	r, err := s.WeeklyReview(t.Context(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, m := range r.Planned {
		got = append(got, m.ID)
	}
	slices.Sort(got)
	if want := []int64{standing, ahead}; !slices.Equal(got, want) {
		t.Errorf("Planned = %v, want the standing one and the one ahead %v", got, want)
	}
}
