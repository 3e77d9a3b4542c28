package career_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestRequirementNamesUseTheRoom checks a long requirement name shows
// whole on the role page in a wide window, and in a narrow one is cut
// and shows whole while the pointer is on it.
func TestRequirementNamesUseTheRoom(t *testing.T) {
	st := storetest.Open(t, clock)
	role := storetest.Role(t, st, model.Role{Title: "Engineering Manager", Focus: true})
	long := "People management: 1:1s, feedback, performance conversations"
	storetest.Requirement(t, st, model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: long,
		TargetLevel: 4, CurrentLevel: 2, Importance: 5})
	_, win, content := show(t, st, nil)
	name := kittest.Find(content, func(l *kit.ShortLabel) bool { return l.Text == long })
	if name == nil {
		t.Fatal("the role page does not show the requirement's name")
	}
	win.Resize(fyne.NewSize(1900, 1000))
	if got := kittest.Drawn(name); name.Cut() || got != long {
		t.Errorf("at 1900 wide the name is drawn %q (%v wide of %v)", got, name.Size().Width, name.FullWidth())
	}
	win.Resize(fyne.NewSize(900, 700))
	if got := kittest.Drawn(name); !name.Cut() || !strings.HasSuffix(got, "…") {
		t.Fatalf("at 900 wide the name is drawn %q (%v wide): the test needs a narrower window", got, name.Size().Width)
	}
	name.MouseIn(nil)
	n := 0
	for _, text := range kittest.Texts(content) {
		if text == long {
			n++
		}
	}
	if n < 2 {
		t.Errorf("hovering the cut name does not show it whole")
	}
	name.MouseOut()
}
