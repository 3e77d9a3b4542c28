package meetings_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

func TestDeleteARepeatingMeetingThenUndo(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceWeekly)
	p := storetest.Promise(t, st, model.Promise{PersonID: dana.ID, Direction: model.DirectionMine, What: "the plan", MeetingID: m.ID})
	before, err := st.Meeting(t.Context(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	s, nav, root := show(t, st, m.ID)
	test.Tap(kittest.MustButton(t, root, "Delete"))

	if all, err := st.Meetings(t.Context(), time.Time{}, time.Time{}); err != nil || len(all) != 0 {
		t.Fatalf("after Delete the store holds %+v, %v", all, err)
	}
	if _, ok := s.Shown(); ok || kittest.Shows(root, "Café Nero") {
		t.Errorf("the deleted meeting still shows: %q", kittest.Texts(root))
	}
	if want := []string{`toast "Coffee with Dana Reyes, every occurrence, deleted."`}; !slices.Equal(nav.Asked, want) || nav.undo == nil {
		t.Fatalf("asked %q (undo %v), want %q with Undo", nav.Asked, nav.undo != nil, want)
	}
	nav.undo()
	got, err := st.Meeting(t.Context(), m.ID)
	if err != nil || !reflect.DeepEqual(got, before) {
		t.Fatalf("after Undo the meeting = %+v, %v; want %+v", got, err, before)
	}
	if back, err := st.Promise(t.Context(), p.ID); err != nil || back.MeetingID != m.ID {
		t.Errorf("after Undo the promise = %+v, %v; want it linked to the meeting again", back, err)
	}
	if pg, ok := s.Shown(); !ok || pg.Meeting.ID != m.ID {
		t.Errorf("after Undo the page shows %+v, %v; want the meeting", pg, ok)
	}
}
