package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

// fakeCalendar stands in for storage/ics (tested on its own, and with the
// window in package main): it writes a line per meeting with what the
// window asked for, and reads back the events it was given.
type fakeCalendar struct {
	events []model.CalendarEvent
	calls  []string
}

func (c *fakeCalendar) Marshal(request bool, me model.Settings, zone *time.Location, now time.Time, ms ...model.ScheduledMeeting) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "request=%v organizer=%s zone=%v\n", request, me.UserEmail, zone)
	for _, m := range ms {
		fmt.Fprintf(&b, "UID:%s SEQUENCE:%d WITH:%s AGENDA:%q\n", m.Meeting.UID, m.Meeting.Sequence, m.With.Name, m.Meeting.Agenda)
	}
	c.calls = append(c.calls, b.String())
	return []byte(b.String()), nil
}

func (c *fakeCalendar) FileName(m model.Meeting, with string) string {
	return m.Start.Format("2006-01-02") + " " + m.Kind.Label() + " with " + with + ".ics"
}

func (c *fakeCalendar) WriteFile(path string, data []byte) error {
	return os.WriteFile(path, data, 0o600)
}

func (c *fakeCalendar) Read(io.Reader) ([]model.CalendarEvent, error) { return c.events, nil }

// london is the user's zone in these tests, set in their settings.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

// newMeetingWindow opens a window on a store holding Dana (with what she
// is working on, private notes and an e-mail address) and Ben, with the
// user in London and invites going to a temporary folder.
func newMeetingWindow(t *testing.T) (*Window, *memStore, *fakeCalendar, string) {
	t.Helper()
	dana := person("Dana Reyes", "Director", "Platform")
	dana.WorkingOn = "the billing migration"
	dana.Notes = "PRIVATE: thinking of leaving"
	dana.Email = "dana@example.com"
	st := seeded(t, dana, person("Ben Okafor", "Engineer", "Data"))
	dir := t.TempDir()
	st.settings.TimeZone = "Europe/London"
	st.settings.InvitesFolder = dir
	cal := &fakeCalendar{}
	a := test.NewTempApp(t)
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Calendar: cal})
	w.win.Resize(w.win.Canvas().Size().Max(w.win.Content().MinSize()))
	t.Cleanup(w.win.Close)
	return w, st, cal, dir
}

// addMeeting stores a meeting with person 1 (Dana).
func addMeeting(t *testing.T, st *memStore, start time.Time, rec model.Recurrence) model.Meeting {
	t.Helper()
	m := model.Meeting{PersonID: 1, Kind: model.MeetingCoffee, Start: start, Duration: 30 * time.Minute,
		Recurrence: rec, Agenda: "Hi Dana", Location: "Café Nero"}
	if err := st.CreateMeeting(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestScheduleCoffeeFromPersonPage(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	w.openPeopleOn(1, false)
	test.Tap(kittest.MustButton(t, w.content, "Schedule"))
	e := w.currentMeetingEditor
	if e == nil {
		t.Fatal("no meeting form opened")
	}
	if e.who.Text != "Dana Reyes" || e.kind.Selected != "Coffee" {
		t.Fatalf("form opened with %q, %q", e.who.Text, e.kind.Selected)
	}
	e.day.SetText("Tue")
	if !strings.Contains(e.dayHint.Text, "Tuesday 24 November 2026") {
		t.Errorf("day hint = %q", e.dayHint.Text)
	}
	e.clock.SetText("8:30")
	e.place.SetText("Café Nero")
	test.Tap(e.save)

	if len(st.meetings) != 1 {
		t.Fatalf("%d meetings stored, want 1", len(st.meetings))
	}
	m := st.meetings[0]
	if want := time.Date(2026, 11, 24, 8, 30, 0, 0, london); !m.Start.Equal(want) || m.Duration != 30*time.Minute {
		t.Errorf("stored start %v for %v, want %v for 30m", m.Start, m.Duration, want)
	}
	if !strings.Contains(m.Agenda, "Hi Dana") || !strings.Contains(m.Agenda, "the billing migration") {
		t.Errorf("agenda not drafted from what is known:\n%s", m.Agenda)
	}
	if strings.Contains(m.Agenda, "PRIVATE") {
		t.Errorf("agenda leaks the private notes:\n%s", m.Agenda)
	}
	if w.current != screenMeetings || w.meetings.page == nil || w.meetings.page.meeting.ID != m.ID {
		t.Fatalf("the new meeting is not on show (screen %v)", w.current)
	}
	if got := w.meetings.page.agenda.Text; got != m.Agenda {
		t.Errorf("agenda editor shows %q", got)
	}
}

func TestMeetingFormNamesEveryProblem(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	e := openMeetingEditor(w, model.Meeting{}, nil)
	e.day.SetText("someday")
	e.clock.SetText("25:00")
	test.Tap(e.save)
	for key, want := range map[string]string{"person": "With", "start": "Day", "time": "Time"} {
		if got := e.fields.Problem(key); !strings.HasPrefix(got, want) {
			t.Errorf("problem for %s = %q, want it to start with %q", key, got, want)
		}
	}
	if len(st.meetings) != 0 {
		t.Errorf("%d meetings stored from an invalid form", len(st.meetings))
	}
}

func TestAddToCalendarAndInvite(t *testing.T) {
	w, st, cal, dir := newMeetingWindow(t)
	m := addMeeting(t, st, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	w.showMeeting(m.ID)
	pg := w.meetings.page

	pg.agenda.SetText("Hi Dana — edited before export")
	test.Tap(pg.addToCalendar)
	path := filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes.ics")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no file for the user's calendar: %v", err)
	}
	if !strings.HasPrefix(string(data), "request=false") || !strings.Contains(string(data), "edited before export") {
		t.Errorf("file = %q, want the user's own event with the edited agenda", data)
	}
	if st.meetings[0].Agenda != "Hi Dana — edited before export" {
		t.Errorf("the edited agenda was not saved before export: %q", st.meetings[0].Agenda)
	}
	if !strings.Contains(pg.exports.label.Text, filepath.Base(path)) || len(pg.exports.root.Objects) == 0 {
		t.Errorf("export bar = %q", pg.exports.label.Text)
	}
	test.Tap(pg.exports.copy)
	if got := w.app.Clipboard().Content(); got != string(data) {
		t.Errorf("clipboard = %q, want the calendar", got)
	}

	// An invite needs the user's own address first: nothing is written.
	test.Tap(pg.invite)
	if _, err := os.Stat(filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes (invite).ics")); err == nil {
		t.Fatal("an invite was written without the organiser's address")
	}
	if len(cal.calls) != 1 {
		t.Errorf("%d encodes, want 1", len(cal.calls))
	}
	st.settings.UserEmail = "me@example.com"
	test.Tap(pg.invite)
	data, err = os.ReadFile(filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes (invite).ics"))
	if err != nil {
		t.Fatalf("no invite written: %v", err)
	}
	if !strings.HasPrefix(string(data), "request=true organizer=me@example.com zone=Europe/London") {
		t.Errorf("invite = %q", data)
	}
}

func TestChangeRaisesSequenceKeepsUID(t *testing.T) {
	w, st, cal, _ := newMeetingWindow(t)
	m := addMeeting(t, st, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	w.showMeeting(m.ID)
	test.Tap(w.meetings.page.addToCalendar)
	test.Tap(w.meetings.page.change)
	e := w.currentMeetingEditor
	e.clock.SetText("11:15")
	test.Tap(e.save)
	test.Tap(w.meetings.page.addToCalendar)
	if len(cal.calls) != 2 {
		t.Fatalf("%d exports, want 2", len(cal.calls))
	}
	first, second := cal.calls[0], cal.calls[1]
	uid := "UID:" + m.UID + " "
	if !strings.Contains(first, uid+"SEQUENCE:0") || !strings.Contains(second, uid+"SEQUENCE:1") {
		t.Errorf("exports:\n%s\n%s\nwant the same UID with SEQUENCE 0 then 1", first, second)
	}
	if want := time.Date(2026, 12, 1, 11, 15, 0, 0, london); !st.meetings[0].Start.Equal(want) {
		t.Errorf("start = %v, want %v", st.meetings[0].Start, want)
	}
}

func TestLogOutcomeFromToday(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	m := addMeeting(t, st, testNow.Add(-26*time.Hour), model.RecurrenceNone)
	w.show(screenToday)
	if len(w.today.Report().Unlogged) != 1 {
		t.Fatalf("Today lists %d meetings waiting for an outcome, want 1", len(w.today.Report().Unlogged))
	}
	w.showMeeting(m.ID)
	pg := w.meetings.page
	if !pg.logOutcome.Visible() || pg.s.view.Selected != viewComingUp {
		t.Logf("view %q", pg.s.view.Selected)
	}
	test.Tap(pg.logOutcome)
	e := w.currentOutcomeEditor
	if e == nil {
		t.Fatal("no outcome form opened")
	}
	if e.workingOn.Text != "the billing migration" {
		t.Errorf("working on prefilled with %q", e.workingOn.Text)
	}
	e.summary.SetText("Talked through the migration")
	e.needs.SetText("a second reviewer")
	e.stance.SetSelected(model.StanceSupporter.Label())
	mine := e.newPromise()
	mine.what.SetText("Send the runbook")
	mine.due.SetText("Fri")
	theirs := e.newPromise()
	theirs.direction.SetSelected("Dana owes me")
	theirs.what.SetText("Intro to the data team")
	e.newPromise() // left empty: ignored
	test.Tap(e.save)

	if len(st.interactions) != 1 {
		t.Fatalf("%d interactions, want 1", len(st.interactions))
	}
	i := st.interactions[0]
	if i.Kind != model.KindCoffee || i.Summary != "Talked through the migration" || !i.At.Equal(m.Start) {
		t.Errorf("interaction = %+v", i)
	}
	if len(st.promises) != 2 {
		t.Fatalf("%d promises, want 2", len(st.promises))
	}
	for _, p := range st.promises {
		if p.MeetingID != m.ID || p.InteractionID != i.ID {
			t.Errorf("promise %q not linked to the meeting and interaction: %+v", p.What, p)
		}
	}
	if st.promises[0].Direction != model.DirectionMine || st.promises[1].Direction != model.DirectionTheirs {
		t.Errorf("directions = %s, %s", st.promises[0].Direction, st.promises[1].Direction)
	}
	if due := st.promises[0].DueOn; !due.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("due = %v, want Friday 27 November", due)
	}
	dana := st.people[1]
	if dana.Needs != "a second reviewer" || dana.Stance != model.StanceSupporter {
		t.Errorf("person not updated: needs %q, stance %s", dana.Needs, dana.Stance)
	}
	if st.meetings[0].Status != model.MeetingHeld {
		t.Errorf("meeting status = %s, want held", st.meetings[0].Status)
	}
	w.show(screenToday)
	if len(w.today.Report().Unlogged) != 0 {
		t.Errorf("Today still lists the meeting as waiting for an outcome")
	}
}

func TestOutcomeRefusesAFutureDateAndABadPromise(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	m := addMeeting(t, st, testNow.Add(-2*time.Hour), model.RecurrenceNone)
	e := openOutcomeEditor(w, m, st.people[1], nil)
	e.day.SetText("2026-11-30")
	p := e.newPromise()
	p.what.SetText("Send it")
	p.due.SetText("whenever")
	test.Tap(e.save)
	if got := e.fields.Problem("date"); !strings.Contains(got, "future") {
		t.Errorf("date problem = %q", got)
	}
	if got := e.fields.Problem("promises"); !strings.Contains(got, "Promise 1") {
		t.Errorf("promises problem = %q", got)
	}
	if len(st.interactions) != 0 || len(st.promises) != 0 {
		t.Errorf("saved %d interactions and %d promises from an invalid form", len(st.interactions), len(st.promises))
	}
}

func TestCancelMeetingThenUndo(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	m := addMeeting(t, st, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	w.showMeeting(m.ID)
	test.Tap(w.meetings.page.cancel)
	if st.meetings[0].Status != model.MeetingCanceled {
		t.Fatalf("status = %s, want cancelled", st.meetings[0].Status)
	}
	if !w.meetings.page.reinstate.Visible() || len(w.meetings.shown) != 0 {
		t.Errorf("cancelled meeting still listed as coming up, or no Reinstate")
	}
	st.settings.UserEmail = "me@example.com"
	test.Tap(w.meetings.page.invite)
	if _, err := os.Stat(filepath.Join(st.settings.InvitesFolder, "2026-12-01 Coffee with Dana Reyes (cancellation).ics")); err != nil {
		t.Errorf("no cancellation written for Dana: %v", err)
	}
	test.Tap(w.toast.undo)
	if st.meetings[0].Status != model.MeetingPlanned {
		t.Errorf("status after undo = %s, want planned", st.meetings[0].Status)
	}
	if len(w.meetings.shown) != 1 {
		t.Errorf("reinstated meeting not listed")
	}
}

func TestMeetingsViews(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	weekly := addMeeting(t, st, time.Date(2026, 10, 6, 9, 0, 0, 0, london), model.RecurrenceWeekly)
	soon := addMeeting(t, st, time.Date(2026, 11, 23, 15, 0, 0, 0, london), model.RecurrenceNone)
	past := addMeeting(t, st, time.Date(2026, 11, 20, 15, 0, 0, 0, london), model.RecurrenceNone)
	w.show(screenMeetings)
	s := w.meetings
	ids := func() []int64 {
		var out []int64
		for _, m := range s.shown {
			out = append(out, m.ID)
		}
		return out
	}
	if got, want := ids(), []int64{soon.ID, weekly.ID}; !equal64(got, want) {
		t.Errorf("coming up = %v, want %v (soonest first; the weekly one next on Tue 24 Nov)", got, want)
	}
	if got := s.next[weekly.ID]; !got.Equal(time.Date(2026, 11, 24, 9, 0, 0, 0, london)) {
		t.Errorf("weekly next = %v", got)
	}
	s.view.SetSelected(viewWaiting)
	if got, want := ids(), []int64{past.ID}; !equal64(got, want) {
		t.Errorf("waiting = %v, want %v", got, want)
	}
	s.view.SetSelected(viewAll)
	if len(s.shown) != 3 {
		t.Errorf("all = %v", ids())
	}
}

func TestExportTheWeek(t *testing.T) {
	w, st, cal, dir := newMeetingWindow(t)
	addMeeting(t, st, time.Date(2026, 10, 6, 9, 0, 0, 0, london), model.RecurrenceWeekly)
	addMeeting(t, st, time.Date(2026, 11, 26, 15, 0, 0, 0, london), model.RecurrenceNone)
	addMeeting(t, st, time.Date(2026, 12, 10, 15, 0, 0, 0, london), model.RecurrenceNone) // beyond the week
	w.show(screenMeetings)
	test.Tap(w.meetings.exportWeek)
	data, err := os.ReadFile(filepath.Join(dir, "Meetings 2026-11-23 to 2026-11-29.ics"))
	if err != nil {
		t.Fatalf("no week file: %v", err)
	}
	if n := strings.Count(string(data), "UID:"); n != 2 {
		t.Errorf("week file holds %d meetings, want 2:\n%s", n, data)
	}
	if len(cal.calls) != 1 || w.currentExportDialog == nil {
		t.Errorf("want one encode and a dialog offering Open / Show in folder")
	}
}

func TestSettingsForm(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	e := openSettingsEditor(w, nil)
	e.email.SetText("not an address")
	e.zone.SetText("Mars/Base")
	test.Tap(e.save)
	if e.fields.Problem("your email") == "" || e.fields.Problem("time zone") == "" {
		t.Errorf("problems: email %q, zone %q", e.fields.Problem("your email"), e.fields.Problem("time zone"))
	}
	if st.settings.UserEmail != "" {
		t.Fatalf("saved an invalid address")
	}
	e.name.SetText("Sam Lee")
	e.email.SetText("sam@example.com")
	e.zone.SetText("America/New_York")
	e.length.SetSelected(minutesText(45))
	test.Tap(e.save)
	got := st.settings
	if got.UserName != "Sam Lee" || got.UserEmail != "sam@example.com" || got.TimeZone != "America/New_York" || got.MeetingMinutes != 45 {
		t.Errorf("settings = %+v", got)
	}
	m := openMeetingEditor(w, model.Meeting{PersonID: 1}, nil)
	if m.length.Selected != minutesText(45) || m.zone.String() != "America/New_York" {
		t.Errorf("a new meeting lasts %q in %v, want the settings' 45 minutes in New York", m.length.Selected, m.zone)
	}
}

func TestImportPastMeetingsFromACalendarFile(t *testing.T) {
	w, st, cal, _ := newMeetingWindow(t)
	st.settings.UserEmail = "me@example.com"
	at := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	cal.events = []model.CalendarEvent{
		{UID: "a", Summary: "Coffee", Start: at(2), End: at(2).Add(30 * time.Minute), Line: 3,
			Organizer: model.CalendarParty{Email: "me@example.com"}, Attendees: []model.CalendarParty{{Name: "Dana", Email: "DANA@example.com"}}},
		{UID: "b", Summary: "Lunch with Ben", Start: at(9), End: at(9).Add(time.Hour), Line: 20,
			Attendees: []model.CalendarParty{{Name: "Ben Okafor"}}},
		{UID: "c", Summary: "Dentist", Start: at(10), End: at(10).Add(time.Hour), Line: 40},
		{UID: "d", Summary: "Coffee next week", Start: at(30), End: at(30).Add(time.Hour), Line: 60,
			Attendees: []model.CalendarParty{{Email: "dana@example.com"}}},
	}
	file := filepath.Join(t.TempDir(), "export.ics")
	if err := os.WriteFile(file, []byte("stand-in"), 0o600); err != nil {
		t.Fatal(err)
	}
	ci := previewCalendarFile(w, file)
	if ci == nil {
		t.Fatal("no preview")
	}
	if !strings.HasPrefix(ci.summary.Text, "4 events in the file: 2 meetings to import, 2 left out") {
		t.Errorf("summary = %q", ci.summary.Text)
	}
	if got := ci.details(ci.matches[1]); !strings.Contains(got, "with Ben Okafor") || !strings.Contains(got, "matched by name") {
		t.Errorf("Ben's row = %q, want the name match flagged", got)
	}
	if got := ci.details(ci.matches[3]); !strings.HasPrefix(got, "In the future") {
		t.Errorf("future row = %q", got)
	}
	if len(st.interactions) != 0 {
		t.Fatal("the preview wrote interactions")
	}
	ci.chosen[1] = false // the user unticks Ben's
	ci.refreshSummary()
	test.Tap(ci.confirm)
	if len(st.interactions) != 1 {
		t.Fatalf("%d interactions imported, want 1", len(st.interactions))
	}
	if i := st.interactions[0]; i.Kind != model.KindCoffee || !i.At.Equal(at(2)) || !equal64(i.PersonIDs, []int64{1}) {
		t.Errorf("imported %+v", i)
	}
	// The same file again adds nothing twice.
	ci = previewCalendarFile(w, file)
	test.Tap(ci.confirm)
	if len(st.interactions) != 2 {
		t.Fatalf("%d interactions after the second import (Ben's now chosen), want 2", len(st.interactions))
	}
	if !strings.Contains(w.toast.message.Text, "1 was already there") {
		t.Errorf("toast = %q", w.toast.message.Text)
	}
}
