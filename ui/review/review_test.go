package review_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/review"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) // a Monday

// navigator records what the review asked of the window, in words.
type navigator struct {
	kittest.Recorder
	undo func() // the last toast's Undo, nil when it had none
}

func (n *navigator) LogOutcomeThen(m model.Meeting, p model.Person, then func()) {
	n.Ask("log outcome %d with %s", m.ID, p.Name)
}
func (n *navigator) KeepPromiseThen(p model.Promise, name string, then func()) {
	n.Ask("keep %q with %s", p.What, name)
}
func (n *navigator) OpenPromiseThen(p model.Promise, name string, then func()) {
	n.Ask("open %q with %s", p.What, name)
}
func (n *navigator) EditPersonThen(p model.Person, then func()) { n.Ask("edit %s", p.Name) }
func (n *navigator) DraftAgenda(m model.Meeting) (string, error) {
	return fmt.Sprintf("agenda for %d", m.PersonID), nil
}
func (n *navigator) ReloadScreen()                     { n.Ask("reload") }
func (n *navigator) ShowError(title string, err error) { n.Ask("error %s: %v", title, err) }
func (n *navigator) Toast(message string, undo func()) {
	n.Ask("toast %s", message)
	n.undo = undo
}

// seeded is a real store holding storetest.CreditTeam, a coffee with Kenji
// three days ago waiting for its outcome and a promise to Aisha due in
// two days.
func seeded(t *testing.T) (*storage.Store, storetest.Team, model.Meeting) {
	t.Helper()
	st := storetest.Open(t, func() time.Time { return testNow })
	team := storetest.CreditTeam(t, st, testNow)
	coffee := storetest.Meeting(t, st, model.Meeting{PersonID: team.Kenji.ID, Kind: model.MeetingCoffee, Start: testNow.AddDate(0, 0, -3)})
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: team.Aisha.ID, What: "Send the onboarding doc",
		DueOn: model.Day(testNow.AddDate(0, 0, 2))})
	return st, team, coffee
}

// open opens the review on st over a window and returns its dialog.
func open(t *testing.T, st review.Store) (*navigator, fyne.CanvasObject) {
	t.Helper()
	win := kittest.NewApp(t).NewWindow("review")
	win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(win.Close)
	nav := &navigator{}
	review.Open(win, st, nav, func() time.Time { return testNow }, time.UTC)
	return nav, kittest.TopDialog(win)
}

func TestTheReviewAsksTheWindowForItsForms(t *testing.T) {
	st, _, coffee := seeded(t)
	nav, r := open(t, st)
	test.Tap(kittest.ButtonBeside(r, "Fri 20 Nov 09:30 · Coffee with Kenji Watanabe", "Log outcome…"))
	test.Tap(kittest.MustButton(t, r, "Next"))
	test.Tap(kittest.ButtonBeside(r, "You owe Aisha Bello: Send the onboarding doc · ", "Kept"))
	test.Tap(kittest.MustButton(t, r, "Next"))
	test.Tap(kittest.ButtonBeside(r, "Aisha Bello", "Edit…"))
	want := []string{
		fmt.Sprintf("log outcome %d with Kenji Watanabe", coffee.ID),
		`keep "Send the onboarding doc" with Aisha Bello`,
		"edit Aisha Bello",
	}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
	if kittest.Shows(r, "Kenji Watanabe") {
		t.Error("the people step lists Kenji, last in touch ten days ago")
	}
}

// TestTheStanceStepChangesAStanceWithOneTap: on the stances step a tap on
// a stance chip beside a person stores it at once (the chip is then the
// highlighted one), and the toast's Undo puts back the stance before.
func TestTheStanceStepChangesAStanceWithOneTap(t *testing.T) {
	st, team, _ := seeded(t)
	nav, r := open(t, st)
	test.Tap(kittest.MustButton(t, r, "Next"))
	test.Tap(kittest.MustButton(t, r, "Next"))
	before := team.Aisha.Stance
	next := model.StanceBlocker
	if before == next {
		next = model.StanceChampion
	}
	chip := kittest.ButtonBeside(r, "Aisha Bello", next.Label())
	if chip == nil || chip.Importance == widget.HighImportance {
		t.Fatalf("no chip %q beside Aisha, or it is already highlighted", next.Label())
	}
	if own := kittest.ButtonBeside(r, "Aisha Bello", before.Label()); own == nil || own.Importance != widget.HighImportance {
		t.Errorf("Aisha's own stance %q is not the highlighted chip", before.Label())
	}
	test.Tap(chip)
	stance := func() model.Stance {
		p, err := st.Person(t.Context(), team.Aisha.ID)
		if err != nil {
			t.Fatal(err)
		}
		return p.Stance
	}
	if got := stance(); got != next {
		t.Fatalf("stored stance %q after the tap, want %q", got, next)
	}
	if got := kittest.ButtonBeside(r, "Aisha Bello", next.Label()); got == nil || got.Importance != widget.HighImportance {
		t.Error("the chip tapped is not highlighted after the tap")
	}
	want := "toast Aisha Bello's stance: " + next.Label() + "."
	if len(nav.Asked) != 1 || nav.Asked[0] != want || nav.undo == nil {
		t.Fatalf("asked %q (undo %v), want %q with Undo", nav.Asked, nav.undo != nil, want)
	}
	nav.undo()
	if got := stance(); got != before {
		t.Errorf("stored stance %q after Undo, want %q", got, before)
	}
	if own := kittest.ButtonBeside(r, "Aisha Bello", before.Label()); own == nil || own.Importance != widget.HighImportance {
		t.Error("after Undo the stance before is not highlighted")
	}
}

func TestTheReviewSchedulesCoffeesAndRecordsItself(t *testing.T) {
	st, _, _ := seeded(t)
	nav, r := open(t, st)
	for range 4 {
		test.Tap(kittest.MustButton(t, r, "Next"))
	}
	test.Tap(kittest.MustButton(t, r, "Schedule coffees with the people ticked"))
	if !slices.Equal(nav.Asked, []string{"toast Tick the people to reach first."}) {
		t.Fatalf("asked %q, want to tick first", nav.Asked)
	}
	var boxes []*widget.Check
	kittest.Walk(r, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok {
			boxes = append(boxes, c)
		}
		return true
	})
	if len(boxes) < 2 {
		t.Fatalf("%d people offered to reach, want at least 2", len(boxes))
	}
	boxes[0].SetChecked(true)
	boxes[1].SetChecked(true)
	test.Tap(kittest.MustButton(t, r, "Schedule coffees with the people ticked"))
	made, err := st.Meetings(t.Context(), testNow, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// Monday 09:30: the coffees are on Tuesday and Wednesday at 10:00.
	wantStarts := []time.Time{time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC), time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	if len(made) != 2 || !made[0].Start.Equal(wantStarts[0]) || !made[1].Start.Equal(wantStarts[1]) ||
		made[0].Kind != model.MeetingCoffee || made[0].Agenda != fmt.Sprintf("agenda for %d", made[0].PersonID) {
		t.Fatalf("scheduled %+v, want coffees on the next two working days at 10:00 with their agendas", made)
	}
	if boxes[0].Checked {
		t.Error("the people ticked stay ticked after scheduling")
	}
	test.Tap(kittest.MustButton(t, r, "Finish the review"))
	if last, err := st.LastReview(t.Context()); err != nil || !last.Equal(testNow) {
		t.Errorf("last review = %v (%v), want now", last, err)
	}
	if got := nav.Asked[len(nav.Asked)-2:]; !slices.Equal(got, []string{"toast Weekly review done. See you next week.", "reload"}) {
		t.Errorf("finishing asked %q, want the toast and a reload", got)
	}
}

// reachBoxes goes to the reach step of r and returns its tick boxes.
func reachBoxes(t *testing.T, r fyne.CanvasObject) []*widget.Check {
	t.Helper()
	for range 4 {
		test.Tap(kittest.MustButton(t, r, "Next"))
	}
	var boxes []*widget.Check
	kittest.Walk(r, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok {
			boxes = append(boxes, c)
		}
		return true
	})
	return boxes
}

func TestTheReviewSchedulesClearOfPlannedMeetingsAndNeverTwice(t *testing.T) {
	st, team, _ := seeded(t)
	// A standing 1:1 with Kenji, Tuesdays 10:00, begun weeks ago.
	storetest.Meeting(t, st, model.Meeting{PersonID: team.Kenji.ID, Start: time.Date(2026, 10, 6, 10, 0, 0, 0, time.UTC),
		Recurrence: model.RecurrenceWeekly})
	// Aisha (a promise due: still offered) already has a coffee on Thursday.
	storetest.Meeting(t, st, model.Meeting{PersonID: team.Aisha.ID, Kind: model.MeetingCoffee,
		Start: time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC)})
	nav, r := open(t, st)
	boxes := reachBoxes(t, r)
	var other *widget.Check
	aisha := false
	for _, b := range boxes {
		b.SetChecked(true)
		aisha = aisha || b.Text == team.Aisha.Name
		if other == nil && b.Text != team.Aisha.Name {
			other = b
		}
	}
	if !aisha || other == nil {
		t.Fatalf("offered %d people, Aisha among them %v; want Aisha and someone else", len(boxes), aisha)
	}
	test.Tap(kittest.MustButton(t, r, "Schedule coffees with the people ticked"))
	people, err := st.People(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	var otherID int64
	for _, p := range people {
		if p.Name == other.Text {
			otherID = p.ID
		}
	}
	made, err := st.MeetingsWith(t.Context(), otherID)
	if err != nil {
		t.Fatal(err)
	}
	// Tuesday 10:00 is the 1:1's: the first coffee moves to 11:00.
	if want := time.Date(2026, 11, 24, 11, 0, 0, 0, time.UTC); len(made) != 1 || !made[0].Start.Equal(want) {
		t.Fatalf("%s's meetings = %+v, want one coffee at %v", other.Text, made, want)
	}
	if theirs, err := st.MeetingsWith(t.Context(), team.Aisha.ID); err != nil || len(theirs) != 1 {
		t.Errorf("Aisha's meetings = %+v (%v), want only the coffee already planned", theirs, err)
	}
	if got := nav.Asked[len(nav.Asked)-1]; !strings.Contains(got, "Already meeting this week, none added: "+team.Aisha.Name) {
		t.Errorf("toast %q, want Aisha named as already meeting", got)
	}

	// Ticking the same person again schedules no second coffee.
	other.SetChecked(true)
	test.Tap(kittest.MustButton(t, r, "Schedule coffees with the people ticked"))
	if again, err := st.MeetingsWith(t.Context(), otherID); err != nil || len(again) != 1 {
		t.Errorf("after ticking %s again: meetings %+v (%v), want still one", other.Text, again, err)
	}
	if got := nav.Asked[len(nav.Asked)-1]; !strings.HasPrefix(got, "toast No coffee scheduled.") {
		t.Errorf("toast %q, want no coffee scheduled", got)
	}
}

// failing is a store whose read fails.
type failing struct{ review.Store }

func (failing) WeeklyReview(context.Context, time.Time) (model.WeeklyReview, error) {
	return model.WeeklyReview{}, errors.New("disk unplugged")
}

func TestAFailedReadSaysSoInPlaceOfTheStep(t *testing.T) {
	nav, r := open(t, failing{})
	if !kittest.Shows(r, "Could not read the weekly review: disk unplugged") || kittest.Button(r, "Later") == nil {
		t.Errorf("the review shows %q, want the failure and a way out", kittest.Texts(r))
	}
	if len(nav.Asked) != 0 {
		t.Errorf("asked %q, want nothing", nav.Asked)
	}
}
