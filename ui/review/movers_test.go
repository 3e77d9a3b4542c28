package review_test

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// TestTheStanceStepListsWhoMoved: Kenji's influence raised three days ago
// shows under "Who moved since last week"; a stance tapped in the review
// shows there too, and its Undo takes it out of the list and out of the
// history.
func TestTheStanceStepListsWhoMoved(t *testing.T) {
	ctx := t.Context()
	// Everyone was added a month ago.
	st := storetest.Open(t, func() time.Time { return testNow.AddDate(0, -1, 0) })
	team := storetest.CreditTeam(t, st, testNow)
	kenji := team.Kenji
	from := kenji.Influence
	kenji.Influence = from%5 + 1
	st.Now = func() time.Time { return testNow.AddDate(0, 0, -3) }
	if err := st.UpdatePerson(ctx, &kenji); err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return testNow }

	nav, r := open(t, st)
	test.Tap(kittest.MustButton(t, r, "Next"))
	test.Tap(kittest.MustButton(t, r, "Next"))
	if !kittest.Shows(r, "Who moved since last week") {
		t.Fatalf("no movers on the stance step; it shows %q", kittest.Texts(r))
	}
	if want := fmt.Sprintf("influence %d → %d", from, kenji.Influence); !kittest.Shows(r, "Kenji Watanabe") || !kittest.Shows(r, want) {
		t.Errorf("Kenji's move %q is not listed; the step shows %q", want, kittest.Texts(r))
	}

	next := model.StanceBlocker
	if team.Aisha.Stance == next {
		next = model.StanceChampion
	}
	test.Tap(kittest.ButtonBeside(r, "Aisha Bello", next.Label()))
	moved := team.Aisha.Stance.Label() + " → " + next.Label()
	if !kittest.Shows(r, moved) {
		t.Errorf("Aisha's move %q is not listed after the tap; the step shows %q", moved, kittest.Texts(r))
	}
	nav.undo()
	if kittest.Shows(r, moved) {
		t.Errorf("Aisha's move %q is still listed after Undo", moved)
	}
	h, err := st.StanceHistory(ctx, team.Aisha.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range h {
		if c.Cause == model.CauseReview {
			t.Errorf("the undone change is still in Aisha's history: %+v", c)
		}
	}
}
