package storage

import (
	"reflect"
	"testing"
	"time"

	"rapport/model"
)

// mustInteract logs an interaction of the given kind with people.
func mustInteract(tb testing.TB, s *Store, kind model.InteractionKind, at time.Time, summary string, people ...int64) model.Interaction {
	tb.Helper()
	i := model.Interaction{Kind: kind, At: at, Summary: summary, PersonIDs: people}
	if err := s.CreateInteraction(tb.Context(), &i); err != nil {
		tb.Fatalf("CreateInteraction(%s, %q): %v", kind, summary, err)
	}
	return i
}

// mustPromise adds a resolved or open promise.
func mustPromise(tb testing.TB, s *Store, dir model.Direction, personID int64, what string,
	status model.PromiseStatus, resolved time.Time) {
	tb.Helper()
	p := model.Promise{Direction: dir, PersonID: personID, What: what, MadeOn: date(1, 1),
		Status: status, ResolvedOn: resolved}
	if err := s.CreatePromise(tb.Context(), &p); err != nil {
		tb.Fatalf("CreatePromise(%q): %v", what, err)
	}
}

func TestThanks(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if got, err := s.Thanks(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Thanks() on an empty database = %+v, %v", got, err)
	}
	ana, ben, cai := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"), mustCreatePerson(t, s, "Cai")
	t0, t1, t2 := testNow.AddDate(0, 0, -30), testNow.AddDate(0, 0, -3), testNow.Add(48*time.Hour)
	mustInteract(t, s, model.KindThanksPublic, t1, "Shout-out at the all-hands", ben.ID, ana.ID)
	mustInteract(t, s, model.KindThanksPrivate, t0, "Thank-you note", ana.ID)
	mustInteract(t, s, model.KindCoffee, t0.Add(time.Hour), "Coffee", ana.ID, cai.ID)
	mustInteract(t, s, model.KindHelpGiven, t1, "Helped", cai.ID)
	mustInteract(t, s, model.KindThanksPrivate, t2, "Thanks ahead of time", cai.ID)
	if err := s.ArchivePerson(ctx, cai.ID); err != nil {
		t.Fatal(err)
	}

	got, err := s.Thanks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.ThanksRecord{
		{PersonID: ana.ID, At: t0, Public: false},
		{PersonID: ana.ID, At: t1, Public: true},
		{PersonID: ben.ID, At: t1, Public: true},
		{PersonID: cai.ID, At: t2, Public: false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Thanks() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestPraiseFacts(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana Lima"), mustCreatePerson(t, s, "Ben Cho")
	ago := func(days int) time.Time { return testNow.AddDate(0, 0, -days) }
	since := ago(90) // 2026-08-25 09:30 UTC

	help := model.PraiseHelpKind
	mustInteract(t, s, help, ago(10), "Reviewed my doc", ana.ID)
	mustInteract(t, s, help, ago(5), "", ana.ID) // no summary: the kind's label
	mustInteract(t, s, help, ago(20), "Paired on the cutover", ana.ID, ben.ID)
	mustInteract(t, s, help, ago(100), "Too long ago", ana.ID)
	mustInteract(t, s, help, since.Add(-time.Minute), "Just before since", ana.ID)
	mustInteract(t, s, help, since, "Exactly at since", ana.ID)
	mustInteract(t, s, help, testNow.Add(time.Hour), "Not happened yet", ana.ID)
	mustInteract(t, s, model.KindHelpGiven, ago(3), "Other kind", ana.ID)
	mustInteract(t, s, model.KindThanksPublic, ago(3), "Other kind too", ana.ID)

	theirs, mine := model.DirectionTheirs, model.DirectionMine
	mustPromise(t, s, theirs, ana.ID, "Send the deck", model.PromiseKept, ago(2))
	mustPromise(t, s, theirs, ana.ID, "Intro to Sam", model.PromiseKeptLate, ago(30))
	mustPromise(t, s, theirs, ana.ID, "On since's day", model.PromiseKept, date(8, 25))
	mustPromise(t, s, theirs, ana.ID, "The day before", model.PromiseKept, date(8, 24))
	mustPromise(t, s, theirs, ana.ID, "Broken", model.PromiseBroken, ago(3))
	mustPromise(t, s, theirs, ana.ID, "Released", model.PromiseReleased, ago(3))
	mustPromise(t, s, theirs, ana.ID, "Still open", model.PromiseOpen, time.Time{})
	mustPromise(t, s, mine, ana.ID, "My promise", model.PromiseKept, ago(1))
	mustPromise(t, s, theirs, ben.ID, "Ben's review", model.PromiseKept, ago(7))

	tests := []struct {
		name  string
		ids   []int64
		since time.Time
		want  []model.PraiseFacts
	}{
		{"since, in the given order, unknown skipped", []int64{ben.ID, 999, ana.ID}, since, []model.PraiseFacts{
			{Person: ben, Helped: []string{"Paired on the cutover"}, Kept: []string{"Ben's review"}},
			{Person: ana,
				Helped: []string{model.PraiseHelpKind.Label(), "Reviewed my doc", "Paired on the cutover", "Exactly at since"},
				Kept:   []string{"Send the deck", "Intro to Sam", "On since's day"}},
		}},
		{"all time", []int64{ana.ID}, time.Time{}, []model.PraiseFacts{
			{Person: ana,
				Helped: []string{model.PraiseHelpKind.Label(), "Reviewed my doc", "Paired on the cutover", "Exactly at since",
					"Just before since", "Too long ago"},
				Kept: []string{"Send the deck", "Intro to Sam", "On since's day", "The day before"}},
		}},
		{"nobody", []int64{999}, since, nil},
		{"none asked", nil, since, nil},
	}
	for _, tt := range tests {
		got, err := s.PraiseFacts(ctx, tt.ids, tt.since)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: PraiseFacts =\n%+v\nwant\n%+v", tt.name, got, tt.want)
		}
	}
}
