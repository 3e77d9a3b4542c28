package forms_test

import (
	"context"
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
