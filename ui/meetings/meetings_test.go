package meetings_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/meetings"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// london is the user's zone in these tests, set in their settings.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

// navigator records what the screen asked of the window, in words, and
// keeps what it needs to answer.
type navigator struct {
	kittest.Recorder
	draft    string
	prepares map[string][]func() (model.ScheduledMeeting, bool) // by place
	undo     func()
}

func (n *navigator) OpenPerson(id int64)               { n.Ask("open person %d", id) }
func (n *navigator) ScheduleMeeting(id int64)          { n.Ask("schedule meeting %d", id) }
func (n *navigator) EditMeeting(m model.Meeting)       { n.Ask("edit meeting %d", m.ID) }
func (n *navigator) LogOutcome(id int64)               { n.Ask("log outcome %d", id) }
func (n *navigator) ExportWeek()                       { n.Ask("export the week") }
func (n *navigator) ImportCalendar()                   { n.Ask("import a calendar") }
func (n *navigator) ShowError(title string, err error) { n.Ask("error %s: %v", title, err) }

func (n *navigator) DraftAgenda(m model.Meeting) (string, error) {
	n.Ask("draft agenda %d", m.ID)
	return n.draft, nil
}

func (n *navigator) ExportInvite(m model.ScheduledMeeting, request bool) fyne.CanvasObject {
	n.Ask("export %d with %s, request %v, agenda %q", m.Meeting.ID, m.With.Name, request, m.Meeting.Agenda)
	return widget.NewLabel(fmt.Sprintf("written: meeting %d, request %v", m.Meeting.ID, request))
}

func (n *navigator) DragMeeting(place string, prepare func() (model.ScheduledMeeting, bool)) fyne.CanvasObject {
	if n.prepares == nil {
		n.prepares = map[string][]func() (model.ScheduledMeeting, bool){}
	}
	n.prepares[place] = append(n.prepares[place], prepare)
	return widget.NewLabel("handle")
}

func (n *navigator) Confirm(title, message string, yes func()) {
	n.Ask("confirm %q", title)
	yes()
}

func (n *navigator) Toast(message string, undo func()) {
	n.Ask("toast %q", message)
	n.undo = undo
}

// seeded is a store holding Dana (with an e-mail address) and the user's
// settings (in London); it returns the store and Dana.
func seeded(t *testing.T) (*storage.Store, model.Person) {
	t.Helper()
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes", func(p *model.Person) { p.Email = "dana@example.com" })
	settings := model.DefaultSettings()
	settings.TimeZone = "Europe/London"
	if err := st.SaveSettings(t.Context(), settings); err != nil {
		t.Fatal(err)
	}
	return st, dana
}

// coffee stores a coffee with who at start, repeating as rec.
func coffee(t *testing.T, st *storage.Store, who int64, start time.Time, rec model.Recurrence) model.Meeting {
	t.Helper()
	return storetest.Meeting(t, st, model.Meeting{PersonID: who, Kind: model.MeetingCoffee, Start: start,
		Recurrence: rec, Agenda: "Hi Dana", Location: "Café Nero"})
}

// show builds the screen on store in a test window, as the shell does,
// on the meeting selected (0: none).
func show(t *testing.T, st meetings.Store, selected int64) (*meetings.Screen, *navigator, fyne.CanvasObject) {
	t.Helper()
	kittest.NewApp(t)
	nav := &navigator{}
	s := meetings.New(st, nav, clock, time.UTC)
	s.Select(selected)
	content := s.Content()
	w := test.NewWindow(content)
	w.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.Close)
	return s, nav, content
}

// listed are the start days and times the list shows, in order.
func listed(root fyne.CanvasObject) []string {
	var out []string
	texts := kittest.Texts(kittest.List(root))
	for i, text := range texts {
		if _, err := time.Parse("Mon 2 Jan", text); err == nil && i+1 < len(texts) {
			out = append(out, text+" "+texts[i+1])
		}
	}
	return out
}

func TestMeetingsViews(t *testing.T) {
	st, dana := seeded(t)
	coffee(t, st, dana.ID, time.Date(2026, 10, 6, 9, 0, 0, 0, london), model.RecurrenceWeekly)
	coffee(t, st, dana.ID, time.Date(2026, 11, 23, 15, 0, 0, 0, london), model.RecurrenceNone)
	coffee(t, st, dana.ID, time.Date(2026, 11, 20, 15, 0, 0, 0, london), model.RecurrenceNone)
	_, _, root := show(t, st, 0)
	view := kittest.FindSelect(root, func(s *widget.Select) bool { return s.Selected == "Coming up" })
	tests := []struct {
		view  string
		want  []string
		count string
	}{
		// Soonest first; the weekly one next on Tue 24 Nov.
		{"Coming up", []string{"Mon 23 Nov 15:00", "Tue 24 Nov 09:00"}, "2 meetings"},
		{"Waiting for an outcome", []string{"Fri 20 Nov 15:00"}, "1 meeting"},
		{"Cancelled", nil, "None."},
		{"All meetings", []string{"Tue 24 Nov 09:00", "Mon 23 Nov 15:00", "Fri 20 Nov 15:00"}, "3 meetings"},
	}
	for _, tt := range tests {
		view.SetSelected(tt.view)
		if got := listed(root); !slices.Equal(got, tt.want) {
			t.Errorf("%s lists %q, want %q", tt.view, got, tt.want)
		}
		if !kittest.Shows(root, tt.count) {
			t.Errorf("%s: no %q among %q", tt.view, tt.count, kittest.Texts(root))
		}
	}
	if !kittest.Shows(root, "Café Nero · every week") || !kittest.Shows(root, "Café Nero · waiting for an outcome") {
		t.Errorf("row details: %q", kittest.Texts(root))
	}
}

func TestListButtonsAskTheWindow(t *testing.T) {
	st, _ := seeded(t)
	_, nav, root := show(t, st, 0)
	if !kittest.Shows(root, "No meetings yet.") || !kittest.Shows(root, "Select a meeting to see its agenda") {
		t.Errorf("empty screen shows %q", kittest.Texts(root))
	}
	for _, b := range []string{"Schedule…", "Export the week", "Import past meetings…"} {
		test.Tap(kittest.MustButton(t, root, b))
	}
	want := []string{"schedule meeting 0", "export the week", "import a calendar"}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestPageShowsTheMeetingAndAsksTheWindow(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	s, nav, root := show(t, st, m.ID)
	for _, want := range []string{"Coffee with Dana Reyes", "Tuesday 1 December 2026, 10:00–10:30 (30 minutes)", "Café Nero",
		"Planned for", "To invite Dana, set your own e-mail address in Settings", "Hi Dana"} {
		if !kittest.Shows(root, want) {
			t.Errorf("page does not show %q: %q", want, kittest.Texts(root))
		}
	}
	if pg, ok := s.Shown(); !ok || pg.Meeting.ID != m.ID || pg.Person.ID != dana.ID {
		t.Errorf("Shown() = %+v, %v", pg, ok)
	}
	if kittest.Button(root, "Log outcome…") != nil {
		t.Error("a meeting ahead offers to log its outcome")
	}
	kittest.TapLink(t, root, "Dana Reyes")
	test.Tap(kittest.MustButton(t, root, "Change…"))
	want := []string{fmt.Sprintf("open person %d", dana.ID), fmt.Sprintf("edit meeting %d", m.ID)}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestExportsSaveTheAgendaFirst(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	_, nav, root := show(t, st, m.ID)
	kittest.Entry(root, "Hi Dana").SetText("Hi Dana — edited before export")
	test.Tap(kittest.MustButton(t, root, "Add to my calendar"))
	stored, err := st.Meeting(t.Context(), m.ID)
	if err != nil || stored.Agenda != "Hi Dana — edited before export" {
		t.Errorf("the edited agenda was not saved before export: %q, %v", stored.Agenda, err)
	}
	test.Tap(kittest.MustButton(t, root, "Invite Dana"))
	want := []string{
		fmt.Sprintf("export %d with Dana Reyes, request false, agenda %q", m.ID, "Hi Dana — edited before export"),
		fmt.Sprintf("export %d with Dana Reyes, request true, agenda %q", m.ID, "Hi Dana — edited before export"),
	}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
	if !kittest.Shows(root, fmt.Sprintf("written: meeting %d, request true", m.ID)) {
		t.Errorf("the window's bar is not on the page: %q", kittest.Texts(root))
	}

	// The page's handle saves the agenda's edits before it drags.
	kittest.Entry(root, "Hi Dana — edited before export").SetText("Edited, not saved yet")
	handles := nav.prepares["page"]
	if len(handles) != 1 {
		t.Fatalf("%d page handles asked for, want 1", len(handles))
	}
	dragged, ok := handles[0]()
	if !ok || dragged.Meeting.Agenda != "Edited, not saved yet" || dragged.With.ID != dana.ID {
		t.Errorf("the handle drags %+v (%v)", dragged, ok)
	}
	if stored, _ = st.Meeting(t.Context(), m.ID); stored.Agenda != "Edited, not saved yet" {
		t.Errorf("stored agenda %q, want the edits saved before the drag", stored.Agenda)
	}
}

func TestDraftAgainAsksBeforeReplacingEdits(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	_, nav, root := show(t, st, m.ID)
	nav.draft = "A fresh draft"
	test.Tap(kittest.MustButton(t, root, "Draft again"))
	want := []string{fmt.Sprintf("draft agenda %d", m.ID), `confirm "Draft the agenda again?"`}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
	if stored, _ := st.Meeting(t.Context(), m.ID); stored.Agenda != "A fresh draft" {
		t.Errorf("stored agenda %q after drafting again", stored.Agenda)
	}
}

func TestCancelThenUndo(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	_, nav, root := show(t, st, m.ID)
	test.Tap(kittest.MustButton(t, root, "Cancel meeting"))
	if stored, _ := st.Meeting(t.Context(), m.ID); stored.Status != model.MeetingCanceled {
		t.Fatalf("status = %s, want cancelled", stored.Status)
	}
	if len(listed(root)) != 0 || kittest.Button(root, "Reinstate") == nil || kittest.Button(root, "Cancellation for Dana") == nil {
		t.Errorf("after cancelling, the screen shows %q", kittest.Texts(root))
	}
	if want := `toast "Coffee with Dana Reyes cancelled. Its page can take it off the calendars."`; !slices.Contains(nav.Asked, want) || nav.undo == nil {
		t.Fatalf("asked %q, want %s with an undo", nav.Asked, want)
	}
	nav.undo()
	if stored, _ := st.Meeting(t.Context(), m.ID); stored.Status != model.MeetingPlanned {
		t.Errorf("status after undo = %s, want planned", stored.Status)
	}
	if got := listed(root); len(got) != 1 || kittest.Button(root, "Cancel meeting") == nil {
		t.Errorf("reinstated meeting not listed (%q) or not plannable", got)
	}
}

func TestOutcomeDueAsksToLogIt(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, testNow.Add(-26*time.Hour), model.RecurrenceNone)
	_, nav, root := show(t, st, m.ID)
	if !kittest.Shows(root, "Waiting for an outcome: log what happened") {
		t.Errorf("status: %q", kittest.Texts(root))
	}
	test.Tap(kittest.MustButton(t, root, "Log outcome…"))
	if want := []string{fmt.Sprintf("log outcome %d", m.ID)}; !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestListHandlesDragTheirRowsMeeting(t *testing.T) {
	st, dana := seeded(t)
	weekly := coffee(t, st, dana.ID, time.Date(2026, 10, 6, 9, 0, 0, 0, london), model.RecurrenceWeekly)
	_, nav, _ := show(t, st, 0)
	var dragged []int64
	for _, prepare := range nav.prepares["list"] {
		if m, ok := prepare(); ok && m.Meeting.ID != 0 {
			dragged = append(dragged, m.Meeting.ID)
			if m.With.ID != dana.ID || !m.Meeting.Start.Equal(weekly.Start) {
				t.Errorf("a row drags %+v, want the series as stored, with Dana", m)
			}
		}
	}
	if !slices.Equal(dragged, []int64{weekly.ID}) {
		t.Errorf("rows drag %v, want the weekly meeting once", dragged)
	}
}

// failing is a store whose list (all) or pages (pagesOnly) cannot be read.
type failing struct {
	*storage.Store
	pagesOnly bool
}

var errDiskGone = errors.New("disk gone")

func (f failing) MeetingList(ctx context.Context) (model.MeetingList, error) {
	if f.pagesOnly {
		return f.Store.MeetingList(ctx)
	}
	return model.MeetingList{}, errDiskGone
}

func (failing) MeetingPage(context.Context, int64) (model.MeetingPage, error) {
	return model.MeetingPage{}, errDiskGone
}

func TestFailedReadsSaySo(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	s, _, root := show(t, failing{Store: st}, m.ID)
	if !kittest.Shows(root, "Could not read the meetings: disk gone") || kittest.Button(root, "Schedule…") != nil {
		t.Errorf("failed list read shows %q", kittest.Texts(root))
	}
	s, _, root = show(t, failing{Store: st, pagesOnly: true}, m.ID)
	if !kittest.Shows(root, "Could not open the meeting: disk gone") || kittest.Button(root, "Change…") != nil {
		t.Errorf("failed page read shows %q", kittest.Texts(root))
	}
	if _, ok := s.Shown(); ok {
		t.Error("a page was built from a failed read")
	}
	if got := listed(root); len(got) != 1 {
		t.Errorf("the list beside the failed page shows %q, want the meeting", got)
	}
}

// TestDraftedAgendaFollowsTheDataUntilEdited checks that a page shows a
// drafted agenda as drafted from what is known now (an advisor linked
// after scheduling appears), saves it as still drafted when exported
// untouched, and that once the user edits it, it is theirs.
func TestDraftedAgendaFollowsTheDataUntilEdited(t *testing.T) {
	st, dana := seeded(t)
	m := coffee(t, st, dana.ID, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	m.Agenda, m.AgendaDrafted = "The draft when scheduled", true
	if err := st.UpdateMeeting(t.Context(), &m); err != nil {
		t.Fatal(err)
	}
	s, nav, root := show(t, st, m.ID)
	nav.draft = "The draft now, with the advisor linked later"
	s.Reload()
	if kittest.Entry(root, "The draft now, with the advisor linked later") == nil {
		t.Fatalf("the page does not show the draft as of now: %q", kittest.Texts(root))
	}
	test.Tap(kittest.MustButton(t, root, "Invite Dana"))
	stored, _ := st.Meeting(t.Context(), m.ID)
	if stored.Agenda != nav.draft || !stored.AgendaDrafted {
		t.Errorf("exported untouched: stored %q drafted %v, want the new draft, still drafted", stored.Agenda, stored.AgendaDrafted)
	}

	kittest.Entry(root, nav.draft).SetText("My own agenda")
	test.Tap(kittest.MustButton(t, root, "Save agenda"))
	nav.draft = "Yet another draft"
	s.Reload()
	if kittest.Entry(root, "My own agenda") == nil {
		t.Errorf("an edited agenda was replaced by a draft: %q", kittest.Texts(root))
	}
	if stored, _ = st.Meeting(t.Context(), m.ID); stored.Agenda != "My own agenda" || stored.AgendaDrafted {
		t.Errorf("after editing: stored %q drafted %v, want the user's text, not drafted", stored.Agenda, stored.AgendaDrafted)
	}
}
