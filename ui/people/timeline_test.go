package people_test

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// iconButtons are the buttons under root with no text and icon.
func iconButtons(root fyne.CanvasObject, icon fyne.Resource) []*widget.Button {
	var out []*widget.Button
	kittest.Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon == icon {
			out = append(out, b)
		}
		return true
	})
	return out
}

func TestEachInteractionOnTheTimelineAsksToBeEditedOrDeleted(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director, Platform", "Ben Okafor, Engineer, Data")
	older := storetest.Interaction(t, st, model.KindLunch, testNow.AddDate(0, 0, -9), 1)
	newer := storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -2), 1, 2)
	s, nav, root := show(t, st, st)
	s.Open(1, false)
	edits, deletes := iconButtons(root, theme.DocumentCreateIcon()), iconButtons(root, theme.DeleteIcon())
	if len(edits) != 2 || len(deletes) != 2 {
		t.Fatalf("the timeline has %d Edit and %d Delete buttons, want 2 of each", len(edits), len(deletes))
	}
	test.Tap(edits[1])
	test.Tap(deletes[0])
	want := []string{fmt.Sprintf("edit interaction %d on Dana Reyes's page", older.ID),
		fmt.Sprintf("delete interaction %d with Dana Reyes, Ben Okafor", newer.ID)}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}

	storetest.Archived(t, st, 1)
	s.Open(1, true)
	if n := len(iconButtons(root, theme.DeleteIcon())); n != 0 {
		t.Errorf("a page in the trash offers %d Delete buttons, want none (restore first)", n)
	}
}
