package people_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
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

// TestLongNoteFoldsOnThePage checks a 5,000-character note on the
// timeline shows a few lines with "more", which shows it whole.
func TestLongNoteFoldsOnThePage(t *testing.T) {
	st := peopleStore(t, "Dana Reyes, Director, Platform")
	note := strings.Repeat("Talked through the ledger migration and who signs off. ", 91)[:5000]
	i := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -2), Summary: "Coffee", Notes: note,
		PersonIDs: []int64{1}}
	if err := st.CreateInteraction(t.Context(), &i); err != nil {
		t.Fatal(err)
	}
	s, _, root := show(t, st, st)
	s.Open(1, false)
	if kittest.Shows(root, note) {
		t.Fatal("the whole 5,000-character note shows before more")
	}
	test.Tap(kittest.MustButton(t, root, "more"))
	if !kittest.Shows(root, note) {
		t.Error("after more the note does not show whole")
	}
	test.Tap(kittest.MustButton(t, root, "less"))
	if kittest.Shows(root, note) || kittest.Button(root, "more") == nil {
		t.Error("after less the note is not folded again")
	}
}

// TestArabicNameKeepsItsSpaceInMessages checks the messages that name a
// person written right to left isolate the name, so the space after it
// survives (see docs/bidi.md), and its promise rows too.
func TestArabicNameKeepsItsSpaceInMessages(t *testing.T) {
	st := peopleStore(t, "محمد العلي, Engineer, Data")
	storetest.Promise(t, st, model.Promise{PersonID: 1, What: "Send the plan", Direction: model.DirectionMine,
		DueOn: model.Day(testNow.AddDate(0, 0, 3))})
	s, nav, root := show(t, st, st)
	s.Open(1, false)
	for _, text := range kittest.Texts(root) {
		if strings.Contains(text, " · due") && strings.Contains(text, "محمد") {
			t.Errorf("the promise row on their own page repeats the name: %q", text)
		}
	}
	test.Tap(kittest.MustButton(t, root, "Archive"))
	if want := "\u2068محمد العلي\u2069 moved to the trash."; nav.toast != want {
		t.Errorf("toast %q, want %q", nav.toast, want)
	}
	nav.undo()
	if want := "\u2068محمد العلي\u2069 restored."; nav.toast != want {
		t.Errorf("toast %q, want %q", nav.toast, want)
	}
}
