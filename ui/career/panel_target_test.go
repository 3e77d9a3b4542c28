package career_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// TestPanelTargetStance: choosing Champion as the target for Dana, a
// neutral member, stores it and shows her against it; taking her off the
// panel and Undo keeps the target; No target clears it.
func TestPanelTargetStance(t *testing.T) {
	ctx := t.Context()
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes", storetest.Standing(model.StanceNeutral, 4))
	role := storetest.Role(t, st, model.Role{Title: "Engineering Manager", Focus: true})
	if err := st.SetPanelMember(ctx, model.PanelMember{RoleID: role.ID, PersonID: dana.ID, Part: model.PanelDecides}); err != nil {
		t.Fatal(err)
	}
	nav, _, content := show(t, st, nil)
	targetOf := func() model.Stance {
		t.Helper()
		m, err := st.PanelMembers(ctx, role.ID)
		if err != nil || len(m) != 1 {
			t.Fatalf("panel = %+v, %v", m, err)
		}
		return m[0].Target
	}
	targetSelect := func() *widget.Select {
		t.Helper()
		s := kittest.FindSelect(content, func(s *widget.Select) bool { return slices.Contains(s.Options, "No target") })
		if s == nil {
			t.Fatalf("no target drop-down beside Dana; the screen shows %q", kittest.Texts(content))
		}
		return s
	}
	if got := targetSelect().Selected; got != "No target" {
		t.Errorf("a new member's target reads %q, want No target", got)
	}
	targetSelect().SetSelected("Champion")
	if got := targetOf(); got != model.StanceChampion {
		t.Fatalf("stored target %q, want champion", got)
	}
	if want := "Neutral, aiming for Champion (2 steps to go)"; !kittest.Shows(content, want) {
		t.Errorf("the panel does not show %q; it shows %q", want, kittest.Texts(content))
	}
	if got := targetSelect().Selected; got != "Champion" {
		t.Errorf("after the reload the drop-down reads %q", got)
	}
	test.Tap(kittest.Find[*widget.Button](memberRow(content, "Dana Reyes"), nil))
	nav.undo()
	if got := targetOf(); got != model.StanceChampion {
		t.Errorf("after Undo of taking her off, the target is %q, want champion", got)
	}
	targetSelect().SetSelected("No target")
	if got := targetOf(); got != "" {
		t.Errorf("No target left %q", got)
	}
	nav.noErrors(t)
}
