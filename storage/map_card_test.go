package storage

import (
	"errors"
	"testing"

	"rapport/model"
)

// TestMapCardEqualsPiecemeal reads the card of everyone in the sample and
// checks it holds what InteractionsWith and PromisesFor return.
func TestMapCardEqualsPiecemeal(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	var recent, promises int
	for _, ps := range mustLoadSample(t, s) {
		got, err := s.MapCard(ctx, ps.ID)
		if err != nil {
			t.Fatalf("MapCard(%d): %v", ps.ID, err)
		}
		r, err1 := s.InteractionsWith(ctx, ps.ID, model.MapCardRecent)
		p, err2 := s.PromisesFor(ctx, ps.ID)
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		check(t, ps.Name+"'s card", got, model.MapCard{Recent: r, Promises: p})
		recent, promises = recent+len(r), promises+len(p)
	}
	if recent == 0 || promises == 0 {
		t.Errorf("the sample left every card without interactions (%d) or promises (%d)", recent, promises)
	}
}

// TestMapCard checks a small card: at most MapCardRecent interactions,
// the newest first, the person's promises only, and the last kind up to
// now skipping one planned ahead.
func TestMapCard(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	dana, ben := model.NewPerson("Dana"), model.NewPerson("Ben")
	for _, p := range []*model.Person{&dana, &ben} {
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	for d := range model.MapCardRecent + 2 {
		i := model.Interaction{Kind: model.KindMessage, At: testNow.AddDate(0, 0, -10-d), PersonIDs: []int64{dana.ID}}
		if err := s.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []model.Interaction{
		{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -2), PersonIDs: []int64{dana.ID}},
		{Kind: model.KindLunch, At: testNow.AddDate(0, 0, 3), PersonIDs: []int64{dana.ID}}, // planned ahead
	} {
		if err := s.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []model.Promise{
		{Direction: model.DirectionMine, PersonID: dana.ID, What: "Send the plan", MadeOn: testNow, Status: model.PromiseOpen},
		{Direction: model.DirectionTheirs, PersonID: ben.ID, What: "Intro", MadeOn: testNow, Status: model.PromiseOpen},
	} {
		if err := s.CreatePromise(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.MapCard(ctx, dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Recent) != model.MapCardRecent || c.Recent[0].Kind != model.KindLunch {
		t.Errorf("Dana's card has %d interactions, the first a %s; want %d, the lunch ahead first",
			len(c.Recent), c.Recent[0].Kind, model.MapCardRecent)
	}
	if got, want := c.LastKind(testNow), model.KindCoffee; got != want {
		t.Errorf("last kind up to now = %q, want %q", got, want)
	}
	if len(c.Promises) != 1 || c.Promises[0].What != "Send the plan" {
		t.Errorf("Dana's card promises = %+v, want hers only", c.Promises)
	}
	empty, err := s.MapCard(ctx, ben.ID+100)
	if err != nil || len(empty.Recent) != 0 || len(empty.Promises) != 0 || empty.LastKind(testNow) != "" {
		t.Errorf("card of nobody = %+v, %v; want empty", empty, err)
	}
}
