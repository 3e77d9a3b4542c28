package forms_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/forms"
)

func TestInteractionFormLogsACoffeeTodayInTwoClicks(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	saved := 0
	e := forms.LogInteraction(h, st, dana, func() { saved++ })
	onTop(t, h, "Log interaction with Dana Reyes")
	if e.Kind.Selected != model.KindCoffee.Label() || e.Date.Text != "today" || e.Person().ID != dana.ID {
		t.Errorf("the form opened with %q on %q for %d", e.Kind.Selected, e.Date.Text, e.Person().ID)
	}
	test.Tap(e.Save)
	closed(t, h)
	got, err := st.InteractionsWith(context.Background(), dana.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Kind != model.KindCoffee || !got[0].At.Equal(testNow) {
		t.Fatalf("stored %+v, want one coffee now", got)
	}
	if saved != 1 || !slices.Equal(h.toasts, []string{"Coffee with Dana Reyes logged."}) {
		t.Errorf("onSaved ran %d times; messages %q", saved, h.toasts)
	}
}

func TestInteractionFormWithOthersOnAPastDay(t *testing.T) {
	st, h := open(t)
	chen := storetest.Person(t, st, "Chen Wei")
	ben := storetest.Person(t, st, "Ben Okafor")
	e := forms.LogInteraction(h, st, chen, nil)
	e.Kind.SetSelected(model.KindThanksPublic.Label())
	e.Date.SetText("3 days ago")
	test.Type(e.Others.Entry, "ben")
	if len(e.Others.Options()) != 1 {
		t.Fatalf("suggestions for 'ben' = %v", e.Others.Options())
	}
	press(e.Others.Entry, fyne.KeyReturn) // picks the highlighted name
	if got := e.Others.Picked(); len(got) != 1 || got[0].ID != ben.ID || e.Others.Entry.Text != "" {
		t.Fatalf("Enter chose %v, leaving %q", got, e.Others.Entry.Text)
	}
	onTop(t, h, "Log interaction with Chen Wei")
	test.Type(e.Summary, "Thanked at the all-hands for the migration")
	test.Tap(e.Save)
	got, err := st.InteractionsWith(context.Background(), ben.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local)
	if len(got) != 1 || got[0].Kind != model.KindThanksPublic || !got[0].At.Equal(want) || len(got[0].PersonIDs) != 2 {
		t.Errorf("stored %+v, want thanks in public at %v with 2 people", got, want)
	}
}

func TestInteractionFormNamesABadDateAndLogsNothing(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	e := forms.LogInteraction(h, st, dana, nil)
	e.Date.SetText("someday")
	test.Tap(e.Save)
	wantProblems(t, &e.Form, map[string]string{"date": "Date: "})
	if got, _ := st.InteractionsWith(context.Background(), dana.ID, 10); len(got) != 0 {
		t.Errorf("an interaction with a bad date was stored: %+v", got)
	}
	onTop(t, h, "Log interaction with Dana Reyes")
}

func TestLogDialogSavesACoffeeAndItsPromiseTogetherAndUndoesBoth(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	saved := 0
	e := forms.LogInteraction(h, st, dana, func() { saved++ })
	rows := e.Promises()
	if len(rows) != 1 || rows[0].Direction.Selected != "I owe Dana" {
		t.Fatalf("the form opens with %d promise rows, the first %q", len(rows), rows[0].Direction.Selected)
	}
	test.Type(e.Summary, "The reorg")
	test.Type(rows[0].What, "the migration plan")
	test.Type(rows[0].Due, "fri")
	theirs := e.NewPromise()
	theirs.Direction.SetSelected("Dana owes me")
	test.Type(theirs.What, "feedback on my proposal")
	test.Tap(e.Save)
	closed(t, h)
	if !slices.Equal(h.toasts, []string{"Coffee with Dana Reyes logged, with 2 promises."}) || h.undo == nil || saved != 1 {
		t.Fatalf("messages %q (undo %v), onSaved ran %d times", h.toasts, h.undo != nil, saved)
	}
	got := promises(t, st)
	logged, err := st.InteractionsWith(context.Background(), dana.ID, 10)
	if err != nil || len(logged) != 1 || len(got) != 2 {
		t.Fatalf("stored %d interactions (%v) and %d promises", len(logged), err, len(got))
	}
	wantDue := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, p := range got {
		if p.PersonID != dana.ID || p.InteractionID != logged[0].ID {
			t.Errorf("promise %q is with %d from interaction %d, want %d from %d", p.What, p.PersonID, p.InteractionID, dana.ID, logged[0].ID)
		}
		if p.What == "the migration plan" && (p.Direction != model.DirectionMine || !p.DueOn.Equal(wantDue)) {
			t.Errorf("my promise is %q due %v, want mine due %v", p.Direction, p.DueOn, wantDue)
		}
		if p.What == "feedback on my proposal" && p.Direction != model.DirectionTheirs {
			t.Errorf("Dana's promise is %q", p.Direction)
		}
	}
	h.undo()
	if got, _ := st.InteractionsWith(context.Background(), dana.ID, 10); len(got) != 0 || len(promises(t, st)) != 0 || saved != 2 {
		t.Errorf("after Undo: %d interactions, %d promises, onSaved ran %d times", len(got), len(promises(t, st)), saved)
	}
}

func TestLogDialogWithNobodyAsksWhomFirst(t *testing.T) {
	st, h := open(t)
	storetest.Person(t, st, "Dana Reyes")
	helena := storetest.Person(t, st, "Helena Sørensen")
	e := forms.LogInteraction(h, st, model.Person{}, nil)
	onTop(t, h, "Log interaction")
	if e.Who == nil || h.win.Canvas().Focused() != e.Who.Entry {
		t.Fatalf("the form for nobody does not start in a person field")
	}
	test.Tap(e.Save)
	wantProblems(t, &e.Form, map[string]string{"person": "With is required"})
	test.Type(e.Who.Entry, "hel")
	press(e.Who.Entry, fyne.KeyReturn) // picks Helena, saves nothing
	onTop(t, h, "Log interaction")
	if h.win.Canvas().Focused() != e.Summary {
		t.Errorf("after picking Helena the keyboard is in %T, not the summary", h.win.Canvas().Focused())
	}
	if got := e.Promises()[0].Direction.Options; !slices.Equal(got, []string{"I owe Helena", "Helena owes me"}) {
		t.Errorf("promise directions once Helena is picked: %q", got)
	}
	test.Type(e.Promises()[0].What, "the migration plan")
	press(e.Summary, fyne.KeyReturn)
	closed(t, h)
	if got := promises(t, st); len(got) != 1 || got[0].PersonID != helena.ID {
		t.Errorf("stored %+v, want one promise to Helena", got)
	}
}

// TestAPromiseTypedWithItsDueDate saves "the migration plan by fri" typed
// in one field as what is owed and a due date, reading the date back in
// the empty due field meanwhile; a "by" that is no date stays in what.
func TestAPromiseTypedWithItsDueDate(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	e := forms.LogInteraction(h, st, dana, nil)
	mine := e.Promises()[0]
	test.Type(mine.What, "the migration plan by fri")
	if got, want := mine.Due.PlaceHolder, "Due Fri 27 Nov"; got != want {
		t.Errorf("the empty due field reads %q, want %q", got, want)
	}
	other := e.NewPromise()
	test.Type(other.What, "stand by me")
	test.Tap(e.Save)
	closed(t, h)
	got := map[string]time.Time{}
	for _, p := range promises(t, st) {
		got[p.What] = p.DueOn
	}
	want := map[string]time.Time{"the migration plan": time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), "stand by me": {}}
	if !maps.EqualFunc(got, want, time.Time.Equal) {
		t.Errorf("stored %v, want %v", got, want)
	}
}
