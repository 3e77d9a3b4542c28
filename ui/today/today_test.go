package today_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/today"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// navigator records what the screen asked of the window, in words.
type navigator struct{ kittest.Recorder }

func (n *navigator) OpenPerson(id int64)                      { n.Ask("open person %d", id) }
func (n *navigator) ShowPeople(r model.Relation)              { n.Ask("show people %q", r) }
func (n *navigator) ShowPromises()                            { n.Ask("show promises") }
func (n *navigator) LogInteraction(id int64)                  { n.Ask("log interaction %d", id) }
func (n *navigator) ScheduleMeeting(id int64)                 { n.Ask("schedule meeting %d", id) }
func (n *navigator) KeepPromise(p model.Promise, name string) { n.Ask("keep %q with %s", p.What, name) }
func (n *navigator) OpenPromise(p model.Promise, name string) {
	n.Ask("open promise %q with %s", p.What, name)
}
func (n *navigator) OpenMeeting(id int64) { n.Ask("open meeting %d", id) }
func (n *navigator) LogOutcome(id int64)  { n.Ask("log outcome %d", id) }
func (n *navigator) StartReview()         { n.Ask("start review") }
func (n *navigator) QuickLog()            { n.Ask("quick log") }
func (n *navigator) MeetingDragHandle(id int64, place string) fyne.CanvasObject {
	return container.NewStack() // the window's widget; not Today's concern
}

// show builds the screen on store in a test window, as the shell does.
func show(t *testing.T, st today.Store) (*today.Screen, *navigator, fyne.CanvasObject) {
	t.Helper()
	kittest.NewApp(t)
	nav := &navigator{}
	s := today.New(st, nav, clock)
	content := s.Content()
	w := test.NewWindow(content)
	w.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.Close)
	return s, nav, content
}

func TestTodayRanksReachOutsAndOpensThem(t *testing.T) {
	st := storetest.Open(t, clock)
	boss := storetest.Person(t, st, "Morgan Lee", storetest.Standing(model.StanceNeutral, 5), func(p *model.Person) {
		p.Title, p.Relation = "VP Engineering", model.RelationSkipLevel
	})
	mate := storetest.Person(t, st, "Sam Ortiz", storetest.Standing(model.StanceSupporter, 2), func(p *model.Person) {
		p.Relation = model.RelationTeamMate
	})
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -94), boss.ID)
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -2), mate.ID)

	s, nav, content := show(t, st)
	r := s.Report()
	if len(r.ReachOuts) == 0 || r.ReachOuts[0].PersonID != boss.ID {
		t.Fatalf("reach-outs = %+v, want Morgan first", r.ReachOuts)
	}
	for _, want := range []string{"Morgan Lee", "Influence 5", "94 days ago", "Reach out", "Promises due", "Risks in your network"} {
		if !kittest.Shows(content, want) {
			t.Errorf("Today does not show %q", want)
		}
	}
	kittest.TapLink(t, content, "Morgan Lee")
	test.Tap(kittest.MustButton(t, content, "Log"))
	test.Tap(kittest.MustButton(t, content, "Coffee"))
	want := []string{
		fmt.Sprintf("open person %d", boss.ID),
		fmt.Sprintf("log interaction %d", boss.ID),
		fmt.Sprintf("schedule meeting %d", boss.ID),
	}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestTodayListsTheTopReachOutsWithMore(t *testing.T) {
	st := storetest.Open(t, clock)
	const n = model.TodayReachShown + 3
	var names []string
	for i := range n {
		name := fmt.Sprintf("Person %02d", i+1)
		p := storetest.Person(t, st, name) // influence 3: no key-person risk names them
		// The longer ago, the higher: Person 01 first.
		storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -200+i), p.ID)
		names = append(names, name)
	}
	s, _, content := show(t, st)
	if got := len(s.Report().ReachOuts); got != n {
		t.Fatalf("%d reach-outs read, want %d", got, n)
	}
	for i, name := range names {
		if got, want := kittest.Shows(content, name), i < model.TodayReachShown; got != want {
			t.Errorf("before more: shows %s %v, want %v", name, got, want)
		}
	}
	test.Tap(kittest.MustButton(t, content, "3 more"))
	for _, name := range names {
		if !kittest.Shows(content, name) {
			t.Errorf("after more: %s not shown", name)
		}
	}
	if kittest.Button(content, "3 more") != nil {
		t.Error("the more button is still shown after it listed the rest")
	}
}

func TestTodayShowsArchivedPeoplesPromisesAndKeepsThem(t *testing.T) {
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "Return the book",
		MadeOn: testNow.AddDate(0, 0, -3), DueOn: testNow.AddDate(0, 0, -1)})
	storetest.Archived(t, st, dana.ID)

	s, nav, content := show(t, st)
	if len(s.Report().Due) != 1 {
		t.Fatalf("Today lists %d promises due, want 1", len(s.Report().Due))
	}
	if !kittest.Shows(content, "Dana Reyes (in the trash)") {
		t.Error("Today hides the archived person's overdue promise")
	}
	test.Tap(kittest.MustButton(t, content, "Kept"))
	if want := []string{`keep "Return the book" with Dana Reyes`}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestTodayAsksForTheReviewOnlyAWeekAfterTheFirstUse(t *testing.T) {
	storeNow := testNow.Add(-10 * time.Minute)
	st := storetest.Open(t, func() time.Time { return storeNow })
	_, _, content := show(t, st)
	if kittest.Button(content, "Start the review") != nil {
		t.Error("Today asks for the review with nobody in the database")
	}
	storetest.Person(t, st, "Dana Reyes") // added ten minutes ago
	_, _, content = show(t, st)
	if kittest.Button(content, "Start the review") != nil {
		t.Error("Today asks for the review minutes after the first person was added")
	}
}

func TestTodayAsksForTheReviewUntilDone(t *testing.T) {
	storeNow := testNow.AddDate(0, 0, -8)
	st := storetest.Open(t, func() time.Time { return storeNow })
	storetest.Person(t, st, "Dana Reyes") // the first use, 8 days ago
	storeNow = testNow
	s, nav, content := show(t, st)
	test.Tap(kittest.MustButton(t, content, "Start the review"))
	if want := []string{"start review"}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}

	if err := st.MarkReviewed(t.Context(), testNow.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	if kittest.Button(content, "Start the review") != nil {
		t.Error("Today still asks for the review just done")
	}

	// A week later it asks again, saying when the last one was.
	if err := st.MarkReviewed(t.Context(), testNow.AddDate(0, 0, -8)); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	if !kittest.Shows(content, "the last one was 8 days ago") {
		t.Errorf("the nudge does not say when the last review was: %q", kittest.Texts(content))
	}
}

func TestTodayOffersTheOutcomeOfAMeetingHeld(t *testing.T) {
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes")
	held := storetest.Meeting(t, st, model.Meeting{PersonID: dana.ID, Start: testNow.Add(-26 * time.Hour)})
	ahead := storetest.Meeting(t, st, model.Meeting{PersonID: dana.ID, Start: testNow.Add(26 * time.Hour)})

	s, nav, content := show(t, st)
	if n := len(s.Report().Unlogged); n != 1 {
		t.Fatalf("Today lists %d meetings waiting for an outcome, want 1", n)
	}
	test.Tap(kittest.MustButton(t, content, "Log outcome"))
	test.Tap(kittest.MustButton(t, content, "Agenda"))
	want := []string{fmt.Sprintf("log outcome %d", held.ID), fmt.Sprintf("open meeting %d", ahead.ID)}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestTodayOpensTheNumbersAndRisks(t *testing.T) {
	st := storetest.Open(t, clock)
	for _, name := range []string{"Ana Ruiz", "Ben Okafor"} {
		storetest.Person(t, st, name, func(p *model.Person) { p.Relation = model.RelationTeamMate })
	}
	s, nav, content := show(t, st)
	var teamRisk bool
	for _, r := range s.Report().Risks {
		teamRisk = teamRisk || r.Kind == model.RiskTeamUnthanked
	}
	if !teamRisk {
		t.Fatalf("no risk of unthanked team mates in %+v", s.Report().Risks)
	}
	nav.Asked = nil
	for _, b := range kittest.Buttons(content, "Open") {
		test.Tap(b)
	}
	if !slices.Contains(nav.Asked, fmt.Sprintf("show people %q", model.RelationTeamMate)) {
		t.Errorf("opening the team risk asked %q, want the People screen on team mates", nav.Asked)
	}
}

// failing is a store whose read fails.
type failing struct{}

func (failing) Today(ctx context.Context, now time.Time) (model.Today, error) {
	return model.Today{}, errors.New("disk I/O error")
}

func TestTodaySaysWhenItCannotRead(t *testing.T) {
	_, _, content := show(t, failing{})
	if !kittest.Shows(content, "Could not read today's plan: disk I/O error") {
		t.Errorf("a failed read shows %q, want the error in place of the page", kittest.Texts(content))
	}
}

// Today has a visible way into the quick log, as Ctrl+K is.
func TestTodayOffersTheQuickLog(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	storetest.Person(t, st, "Dana Reyes")
	_, nav, content := show(t, st)
	test.Tap(kittest.MustButton(t, content, "Quick log"))
	if want := []string{"quick log"}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

// TestLongPromiseIsNotCut checks a long promise due shows whole: on one
// line in a wide window, wrapped (never cut) in a narrow one.
func TestLongPromiseIsNotCut(t *testing.T) {
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Fatima Zahra El Amrani")
	what := "Put Elif in touch with the right person for the service-mesh pilot before the offsite"
	storetest.Promise(t, st, model.Promise{PersonID: dana.ID, What: what, Direction: model.DirectionMine,
		DueOn: model.Day(testNow.AddDate(0, 0, 2))})
	for _, c := range []struct {
		width   float32
		oneLine bool
	}{{1680, true}, {900, false}} {
		_, _, content := show(t, st)
		win := test.NewWindow(content)
		win.Resize(fyne.NewSize(c.width, 760))
		label := kittest.Find(content, func(l *widget.Label) bool { return l.Text == what })
		if label == nil {
			t.Fatalf("at %v Today does not show the promise", c.width)
		}
		if label.Truncation != fyne.TextTruncateOff {
			t.Errorf("at %v the promise is cut with an ellipsis", c.width)
		}
		line := widget.NewLabelWithStyle("X", fyne.TextAlignLeading, label.TextStyle).MinSize().Height
		if got := label.MinSize().Height <= line; got != c.oneLine {
			t.Errorf("at %v the promise fits one line: %v, want %v (%v high, a line %v)", c.width, got, c.oneLine,
				label.MinSize().Height, line)
		}
		win.Close()
	}
}

// gated is a store whose Today waits until release is closed.
type gated struct {
	today.Store
	release chan struct{}
}

func (g gated) Today(ctx context.Context, now time.Time) (model.Today, error) {
	<-g.release
	return g.Store.Today(ctx, now)
}

// TestTodayShowsItsLayoutBeforeTheReportArrives checks that, reading in
// the background, the page shows its layout with placeholders at once,
// without waiting for the store, and fills when the report arrives.
func TestTodayShowsItsLayoutBeforeTheReportArrives(t *testing.T) {
	st := storetest.Open(t, clock)
	boss := storetest.Person(t, st, "Morgan Lee", storetest.Standing(model.StanceNeutral, 5))
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -94), boss.ID)

	kittest.NewApp(t)
	g := gated{Store: st, release: make(chan struct{})}
	s := today.New(g, &navigator{}, clock)
	s.LoadInBackground()
	loaded := make(chan struct{}, 1)
	s.OnLoad(func() { loaded <- struct{}{} })
	content := s.Content() // returns while the read waits
	w := test.NewWindow(content)
	w.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.Close)
	for _, want := range []string{"Monday 23 November", "Reach out", "Promises due", "This week's meetings",
		"Risks in your network", "Follow-through", "Reading…"} {
		if !kittest.Shows(content, want) {
			t.Errorf("before the report, Today does not show %q: %q", want, kittest.Texts(content))
		}
	}
	if kittest.Shows(content, "Morgan Lee") || s.Report().People != nil {
		t.Error("Today shows a report before the store gave one")
	}

	close(g.release)
	select {
	case <-loaded:
	case <-time.After(time.Minute): // a liveness bound, not a timing
		t.Fatal("the report never arrived")
	}
	if !kittest.Shows(content, "Morgan Lee") || kittest.Shows(content, "Reading…") {
		t.Errorf("after the report, Today shows %q, want Morgan Lee and no placeholder", kittest.Texts(content))
	}
}

// TestTodayRefillsInPlace checks that a reload after the data changed
// shows the new report with the rows it had, and drops what is gone.
func TestTodayRefillsInPlace(t *testing.T) {
	st := storetest.Open(t, clock)
	boss := storetest.Person(t, st, "Morgan Lee", storetest.Standing(model.StanceNeutral, 5))
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -94), boss.ID)
	p := storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: boss.ID,
		What: "Send the deck", MadeOn: testNow.AddDate(0, 0, -3), DueOn: testNow.AddDate(0, 0, 1)})

	s, nav, content := show(t, st)
	if !kittest.Shows(content, "Send the deck") {
		t.Fatalf("Today does not show the promise due: %q", kittest.Texts(content))
	}
	p.What = "Send the revised deck"
	if err := st.UpdatePromise(t.Context(), &p); err != nil {
		t.Fatal(err)
	}
	storetest.Interaction(t, st, model.KindCoffee, testNow.Add(-time.Hour), boss.ID)
	s.Reload()
	if !kittest.Shows(content, "Send the revised deck") || kittest.Shows(content, "Send the deck") {
		t.Errorf("after the change Today shows %q", kittest.Texts(content))
	}
	test.Tap(kittest.MustButton(t, content, "Kept"))
	if want := []string{`keep "Send the revised deck" with Morgan Lee`}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}
