package storage

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"rapport/model"
)

// TestTodayDueMatchesEveryPendingPromise: the promises due that Today
// reads in one pass (the first few in full, counts of all of them, by
// person and direction) agree with a plain reading of every promise, over
// more promises than it lists, with due days and made days tied.
func TestTodayDueMatchesEveryPendingPromise(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	people := []model.Person{mustCreatePerson(t, s, "Ana Silva"), mustCreatePerson(t, s, "Ben Okoro"),
		mustCreatePerson(t, s, "Cleo Park")}
	statuses := []model.PromiseStatus{model.PromiseOpen, model.PromiseRenegotiated, model.PromiseOpen,
		model.PromiseKept, model.PromiseOpen, model.PromiseBroken, model.PromiseReleased}
	var all []model.Promise
	for i := range 40 {
		p := model.Promise{PersonID: people[i%3].ID, Direction: model.DirectionMine,
			What: fmt.Sprintf("promise %d", i), Status: statuses[i%len(statuses)],
			MadeOn: testNow.AddDate(0, 0, -20+i%4), DueOn: testNow.AddDate(0, 0, i%13-4)}
		if i%5 == 0 {
			p.Direction = model.DirectionTheirs
		}
		if i%11 == 0 {
			p.DueOn = time.Time{} // no due day: never listed
		}
		if !p.Status.Pending() {
			p.ResolvedOn = testNow.AddDate(0, 0, -1)
		}
		if err := s.CreatePromise(ctx, &p); err != nil {
			t.Fatal(err)
		}
		all = append(all, p)
	}
	got, err := s.Today(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}

	today := model.Day(testNow.Local())
	dueBy := today.AddDate(0, 0, model.DueSoonDays)
	var want []model.Promise
	var overdue, dueToday int
	mine, theirs := map[int64]int{}, map[int64]int{}
	for _, p := range all {
		if !p.Status.Pending() || p.DueOn.IsZero() || p.DueOn.After(dueBy) {
			continue
		}
		want = append(want, p)
		switch {
		case p.DueOn.Before(today):
			overdue++
		case p.DueOn.Equal(today):
			dueToday++
		}
		if p.Direction == model.DirectionMine {
			mine[p.PersonID]++
		} else {
			theirs[p.PersonID]++
		}
	}
	slices.SortFunc(want, func(a, b model.Promise) int {
		return cmp.Or(a.DueOn.Compare(b.DueOn), a.MadeOn.Compare(b.MadeOn), cmp.Compare(a.ID, b.ID))
	})
	if len(want) <= model.TodayDueShown || overdue == 0 || dueToday == 0 {
		t.Fatalf("the fixture needs more than %d due, some overdue and some today: %d, %d, %d",
			model.TodayDueShown, len(want), overdue, dueToday)
	}
	if got.DueCount != len(want) || got.Overdue != overdue || got.DueToday != dueToday {
		t.Errorf("due %d, overdue %d, today %d; want %d, %d, %d",
			got.DueCount, got.Overdue, got.DueToday, len(want), overdue, dueToday)
	}
	var gotIDs, wantIDs []int64
	for _, p := range got.Due {
		gotIDs = append(gotIDs, p.ID)
	}
	for _, p := range want[:model.TodayDueShown] {
		wantIDs = append(wantIDs, p.ID)
	}
	if !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("due listed %v, want %v", gotIDs, wantIDs)
	}
	if len(got.Due) > 0 && (got.Due[0].What != want[0].What || !got.Due[0].MadeOn.Equal(want[0].MadeOn)) {
		t.Errorf("first due read as %+v, want %+v", got.Due[0], want[0])
	}

	d, err := promisesDue(ctx, s.db, today, dueBy)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if d.mine[p.ID] != mine[p.ID] || d.theirs[p.ID] != theirs[p.ID] {
			t.Errorf("%s: %d mine and %d theirs due, want %d and %d",
				p.Name, d.mine[p.ID], d.theirs[p.ID], mine[p.ID], theirs[p.ID])
		}
	}
}
