package forms_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/forms"
)

func TestOutcomeFormLogsTheMeetingWithItsPromises(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes", func(p *model.Person) { p.WorkingOn = "the billing migration" })
	m := storetest.Meeting(t, st, model.Meeting{PersonID: dana.ID, Kind: model.MeetingCoffee, Start: testNow.Add(-26 * time.Hour)})
	saved := 0
	e := forms.LogOutcome(h, st, m, dana, london, func() { saved++ })
	onTop(t, h, "How did it go? Coffee with Dana Reyes")
	if e.Day.Text != "2026-11-22" || e.Clock.Text != "07:30" || e.WorkingOn.Text != "the billing migration" {
		t.Errorf("the form opened on %q at %q, working on %q", e.Day.Text, e.Clock.Text, e.WorkingOn.Text)
	}
	e.Summary.SetText("Talked through the migration")
	e.Needs.SetText("a second reviewer")
	e.Stance.SetSelected(model.StanceSupporter.Label())
	mine := e.NewPromise()
	mine.What.SetText("Send the runbook")
	mine.Due.SetText("Fri")
	theirs := e.NewPromise()
	theirs.Direction.SetSelected("Dana owes me")
	theirs.What.SetText("Intro to the data team")
	e.NewPromise() // left empty: ignored
	test.Tap(e.Save)
	closed(t, h)

	ctx := context.Background()
	is, err := st.InteractionsWith(ctx, dana.ID, 10)
	if err != nil || len(is) != 1 {
		t.Fatalf("%d interactions (%v), want 1", len(is), err)
	}
	if i := is[0]; i.Kind != model.KindCoffee || i.Summary != "Talked through the migration" || !i.At.Equal(m.Start) {
		t.Errorf("interaction = %+v", i)
	}
	ps := promises(t, st)
	if len(ps) != 2 {
		t.Fatalf("%d promises, want 2", len(ps))
	}
	slices.SortFunc(ps, func(a, b model.Promise) int { return int(a.ID - b.ID) })
	if ps[0].Direction != model.DirectionMine || ps[1].Direction != model.DirectionTheirs ||
		!ps[0].DueOn.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) || ps[0].MeetingID != m.ID {
		t.Errorf("promises = %+v", ps)
	}
	after, _ := st.Person(ctx, dana.ID)
	if after.Needs != "a second reviewer" || after.Stance != model.StanceSupporter {
		t.Errorf("person not updated: needs %q, stance %s", after.Needs, after.Stance)
	}
	if held, _ := st.Meeting(ctx, m.ID); held.Status != model.MeetingHeld {
		t.Errorf("meeting status = %s, want held", held.Status)
	}
	if saved != 1 || !slices.Equal(h.toasts, []string{"Logged: Talked through the migration, with 2 promises."}) {
		t.Errorf("onSaved ran %d times; messages %q", saved, h.toasts)
	}
}

func TestOutcomeFormRefusesAFutureDateAndABadPromise(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	m := storetest.Meeting(t, st, model.Meeting{PersonID: dana.ID, Start: testNow.Add(-2 * time.Hour)})
	e := forms.LogOutcome(h, st, m, dana, london, nil)
	e.Day.SetText("2026-11-30")
	p := e.NewPromise()
	p.What.SetText("Send it")
	p.Due.SetText("whenever")
	test.Tap(e.Save)
	if got := e.Problem("date"); !strings.Contains(got, "future") {
		t.Errorf("date problem = %q", got)
	}
	if got := e.Problem("promises"); !strings.Contains(got, "Promise 1") {
		t.Errorf("promises problem = %q", got)
	}
	is, _ := st.InteractionsWith(context.Background(), dana.ID, 10)
	if len(is) != 0 || len(promises(t, st)) != 0 {
		t.Errorf("saved %d interactions and %d promises from an invalid form", len(is), len(promises(t, st)))
	}
	onTop(t, h, "How did it go?")
}
