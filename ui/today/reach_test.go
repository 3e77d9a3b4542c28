package today_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// TestTodayShowsWhereReachIsThin checks Today lists, under its own
// heading, an influential person reached through one person only, with
// the next step, and Open goes to them.
func TestTodayShowsWhereReachIsThin(t *testing.T) {
	st := storetest.Open(t, clock)
	nadia := storetest.Person(t, st, "Nadia Haddad", storetest.Standing(model.StanceUnknown, 5))
	daniel := storetest.Person(t, st, "Daniel Okafor", storetest.Standing(model.StanceSupporter, 3))
	if err := st.CreateTie(t.Context(), &model.Tie{FromID: daniel.ID, ToID: nadia.ID, Kind: model.TieReportsTo}); err != nil {
		t.Fatal(err)
	}
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -1), daniel.ID)
	// Cooling, but not cold long enough for Today's other risks to name her.
	storetest.Interaction(t, st, model.KindMessage, testNow.AddDate(0, 0, -80), nadia.ID)
	_, nav, content := show(t, st)
	want := "You reach Nadia Haddad (influence 5) only through Daniel Okafor: " +
		"ask Daniel to introduce you to Nadia while the way is open"
	for _, w := range []string{"Where your reach is thin", want} {
		if !kittest.Shows(content, w) {
			t.Fatalf("Today does not show %q; shows %q", w, kittest.Texts(content))
		}
	}
	for _, b := range kittest.Buttons(content, "Open") {
		test.Tap(b)
	}
	if got, want := nav.Asked, []string{"open person 1"}; !slices.Equal(got, want) {
		t.Errorf("asked %q, want %q: the reach risk's Open only", got, want)
	}
}
