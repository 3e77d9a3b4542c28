package people_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func (n *navigator) AskIntroduction(via, target model.Person) {
	n.Ask("ask %s for an introduction to %s", via.Name, target.Name)
}

// TestPageShowsHowToReach checks a person's page says how to reach them
// through someone the user is warm with, why each step is strong, offers
// to ask for the introduction, and says there is no way once the only
// one goes to the trash.
func TestPageShowsHowToReach(t *testing.T) {
	st := peopleStore(t, "Nadia Haddad", "Daniel Okafor")
	if err := st.CreateTie(t.Context(), &model.Tie{FromID: 2, ToID: 1, Kind: model.TieReportsTo}); err != nil {
		t.Fatal(err)
	}
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -1), 2)
	s, nav, root := show(t, st, st)
	s.Open(1, false)
	for _, want := range []string{"How to reach Nadia: through Daniel (warm, reports to Nadia)",
		"Strong: Daniel reports to Nadia and is neutral"} {
		if !kittest.Shows(root, want) {
			t.Errorf("page does not show %q; shows %q", want, kittest.Texts(root))
		}
	}
	asks := kittest.Buttons(root, kit.AskIntroductionLabel)
	if len(asks) != 1 {
		t.Fatalf("%d %q buttons, want 1 (one step between two people)", len(asks), kit.AskIntroductionLabel)
	}
	test.Tap(asks[0])
	if want := []string{"ask Daniel Okafor for an introduction to Nadia Haddad"}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
	storetest.Archived(t, st, 2)
	s.Open(1, false)
	if !kittest.Shows(root, "How to reach Nadia") || kittest.Button(root, kit.AskIntroductionLabel) != nil {
		t.Errorf("with Daniel in the trash the page still offers a way: %q", kittest.Texts(root))
	}
}
