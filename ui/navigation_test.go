package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// TestLogInteractionFromTodayOnTheRealStore: Today's Log button asks the
// shell (LogInteraction), which opens the form as a dialog on top of the
// window; logging there saves to the store and Today drops the person
// from its reach-outs. The dialog is found through the canvas overlays.
func TestLogInteractionFromTodayOnTheRealStore(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	morgan := storetest.Person(t, st, "Morgan Lee", storetest.Standing(model.StanceNeutral, 5))
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -94), morgan.ID)
	w := newTestWindow(t, st)
	if len(w.screens.today.Report().ReachOuts) != 1 {
		t.Fatalf("reach-outs = %+v, want Morgan", w.screens.today.Report().ReachOuts)
	}

	test.Tap(kittest.MustButton(t, w.content, "Log"))
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "Log interaction with Morgan Lee") {
		t.Fatalf("the dialog on top shows %q, want the interaction form", kittest.Texts(form))
	}
	test.Type(kittest.Entry(form, "What happened, in a line"), "Coffee about the roadmap")
	test.Tap(kittest.MustButton(t, form, "Log"))

	got, err := st.InteractionsWith(t.Context(), morgan.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Summary != "Coffee about the roadmap" {
		t.Fatalf("interactions with Morgan = %+v, want the new one first", got)
	}
	if kittest.TopDialog(w.win) != nil {
		t.Error("the form is still open after logging")
	}
	if n := len(w.screens.today.Report().ReachOuts); n != 0 {
		t.Errorf("Today still lists %d reach-outs after the coffee", n)
	}
}

// TestOpenPersonShowsTheirPage: the navigation verb screens call to
// open a person (Today's reach-outs, risks and names) shows their page.
func TestOpenPersonShowsTheirPage(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	storetest.Person(t, st, "Morgan Lee", func(p *model.Person) { p.Title, p.Team = "VP Engineering", "Leadership" })
	storetest.Person(t, st, "Sam Ortiz", func(p *model.Person) { p.Title, p.Team = "Engineer", "Platform" })
	w := newTestWindow(t, st)
	kittest.TapLink(t, w.content, "Morgan Lee")
	if got := pageName(w); w.current != screenPeople || got != "Morgan Lee" {
		t.Errorf("tapping a reach-out shows %v, the page of %q; want Morgan Lee's page", w.current, got)
	}
}
