package people_test

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

// TestPageListsComingMeetings checks the page lists the meetings still to
// come with the person, soonest first, a weekly one at its next
// occurrence, each opening its meeting; and that a person with none gets
// no heading at all.
func TestPageListsComingMeetings(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director, Platform", "Ben Ruiz")
	at := func(days int) time.Time { return testNow.AddDate(0, 0, days).Truncate(time.Hour) }
	lunch := model.Meeting{PersonID: 1, Kind: model.MeetingLunch, Start: at(5), Duration: time.Hour, Location: "Canteen"}
	weekly := model.Meeting{PersonID: 1, Kind: model.MeetingOneOnOne, Start: at(-20), Duration: 30 * time.Minute,
		Recurrence: model.RecurrenceWeekly}
	for _, m := range []*model.Meeting{&lunch, &weekly} {
		if err := st.CreateMeeting(t.Context(), m); err != nil {
			t.Fatal(err)
		}
	}
	s, nav, root := show(t, st, st)
	s.Open(1, false)
	texts := kittest.Texts(root)
	wantShown := []string{"Coming meetings", "One-on-one", "Lunch",
		at(1).Local().Format("15:04") + " · every week", "Canteen"}
	for _, w := range wantShown {
		if !kittest.Shows(root, w) {
			t.Errorf("page does not show %q; shows %q", w, texts)
		}
	}
	if i, j := slices.Index(texts, "One-on-one"), slices.Index(texts, "Lunch"); i < 0 || j < i {
		t.Errorf("one-on-one at %d, lunch at %d: want the sooner first", i, j)
	}
	for _, b := range kittest.Buttons(root, "Open") {
		test.Tap(b)
	}
	want := []string{"open meeting 2", "open meeting 1"}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
	s.Open(2, false)
	if kittest.Shows(root, "Coming meetings") {
		t.Errorf("Ben, with no meeting, gets a Coming meetings heading")
	}
}
