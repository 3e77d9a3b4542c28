package relmap_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func (n *navigator) AskIntroduction(via, target model.Person) {
	n.Ask("ask %s for an introduction to %s", via.Name, target.Name)
}

// IDs of the people reachStore holds.
const (
	reachNadiaID int64 = iota + 1
	reachHelenaID
	reachDanielID
	reachZedID
)

// reachStore holds Nadia (influence 5) and Helena (influence 4), never
// contacted, Daniel, a supporter met yesterday, who reports to Helena,
// who reports to Nadia, and Zed, tied to no one.
func reachStore(t *testing.T) *storage.Store {
	t.Helper()
	st := storetest.Open(t, clock)
	storetest.Person(t, st, "Nadia Haddad", storetest.Standing(model.StanceUnknown, 5))
	storetest.Person(t, st, "Helena Sørensen", storetest.Standing(model.StanceNeutral, 4))
	storetest.Person(t, st, "Daniel Okafor", storetest.Standing(model.StanceSupporter, 3))
	storetest.Person(t, st, "Zed Brown", storetest.Standing(model.StanceNeutral, 2))
	for _, tie := range []model.Tie{{FromID: reachDanielID, ToID: reachHelenaID, Kind: model.TieReportsTo},
		{FromID: reachHelenaID, ToID: reachNadiaID, Kind: model.TieReportsTo}} {
		if err := st.CreateTie(t.Context(), &tie); err != nil {
			t.Fatal(err)
		}
	}
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -1), reachDanielID)
	return st
}

// TestMapCardShowsHowToReach checks the card of someone the user reaches
// through two people says so, step by step, and asks each for their
// introduction.
func TestMapCardShowsHowToReach(t *testing.T) {
	s := openMap(t, reachStore(t))
	tapNode(t, s, reachNadiaID)
	want := "How to reach Nadia: through Daniel (warm, reports to Helena) and Helena (reports to Nadia)"
	if !cardHas(s, want) {
		t.Fatalf("card does not say %q; says %q", want, cardLines(s))
	}
	asks := kittest.Buttons(s.card(), kit.AskIntroductionLabel)
	if len(asks) != 2 {
		t.Fatalf("%d %q buttons, want 2 (Daniel to Helena, Helena to Nadia)", len(asks), kit.AskIntroductionLabel)
	}
	test.Tap(asks[0])
	test.Tap(asks[1])
	wantAsked := []string{"ask Daniel Okafor for an introduction to Helena Sørensen",
		"ask Helena Sørensen for an introduction to Nadia Haddad"}
	if !slices.Equal(s.nav.Asked, wantAsked) {
		t.Errorf("asked %q, want %q", s.nav.Asked, wantAsked)
	}
}

// TestMapFilterOnlyThroughOnePerson checks the filter keeps the people a
// reach risk names: Nadia and Helena, reached only through Daniel, and
// Daniel; Zed goes; unchecked, everyone is back.
func TestMapFilterOnlyThroughOnePerson(t *testing.T) {
	s := openMap(t, reachStore(t))
	thin := kittest.Find(s.root, func(c *widget.Check) bool { return c.Text == "Only through one person" })
	if thin == nil {
		t.Fatal("no filter Only through one person")
	}
	thin.SetChecked(true)
	if got, want := nodeNames(s), []string{"Daniel Okafor", "Helena Sørensen", "Nadia Haddad"}; !slices.Equal(got, want) {
		t.Errorf("only through one person shows %q, want %q", got, want)
	}
	thin.SetChecked(false)
	if got := nodeNames(s); len(got) != 4 {
		t.Errorf("filter off shows %q, want all four", got)
	}
}
