package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

// entries are the entries under root showing placeholder (when empty) or
// text, in order.
func entries(root fyne.CanvasObject, placeholderOrText string) []*widget.Entry {
	var out []*widget.Entry
	kittest.Walk(root, func(o fyne.CanvasObject) bool {
		if e, ok := kittest.AsEntry(o); ok && (e.PlaceHolder == placeholderOrText || e.Text == placeholderOrText) {
			out = append(out, e)
		}
		return true
	})
	return out
}

func TestScheduleCoffeeFromPersonPage(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	w.OpenPerson(1)
	test.Tap(kittest.MustButton(t, w.content, "Schedule"))
	form := topDialog(t, w)
	if who := kittest.PickerEntry(form, "Type a name"); who == nil || who.Text != "Dana Reyes" ||
		kittest.FindSelect(form, func(s *widget.Select) bool { return s.Selected == "Coffee" }) == nil {
		t.Fatalf("form opened with %q", kittest.Texts(form))
	}
	kittest.Entry(form, "Tue, tomorrow, 1 Dec, 2026-12-01").SetText("Tue")
	if !kittest.Shows(form, "Tuesday 24 November 2026") {
		t.Errorf("no day hint among %q", kittest.Texts(form))
	}
	kittest.Entry(form, "10:00").SetText("8:30")
	kittest.Entry(form, "Café on the corner, or a video link").SetText("Café Nero")
	test.Tap(kittest.MustButton(t, form, "Schedule"))

	all := storedMeetings(t, st)
	if len(all) != 1 {
		t.Fatalf("%d meetings stored, want 1", len(all))
	}
	m := all[0]
	if want := time.Date(2026, 11, 24, 8, 30, 0, 0, london); !m.Start.Equal(want) || m.Duration != 30*time.Minute {
		t.Errorf("stored start %v for %v, want %v for 30m", m.Start, m.Duration, want)
	}
	if !strings.Contains(m.Agenda, "Hi Dana") || !strings.Contains(m.Agenda, "the billing migration") {
		t.Errorf("agenda not drafted from what is known:\n%s", m.Agenda)
	}
	if strings.Contains(m.Agenda, "PRIVATE") {
		t.Errorf("agenda leaks the private notes:\n%s", m.Agenda)
	}
	if pg, ok := w.screens.meetings.Shown(); w.current != screenMeetings || !ok || pg.Meeting.ID != m.ID {
		t.Fatalf("the new meeting is not on show (screen %v)", w.current)
	}
	if kittest.Entry(w.content, m.Agenda) == nil {
		t.Errorf("agenda editor does not show %q", m.Agenda)
	}
}

func TestAddToCalendarAndInvite(t *testing.T) {
	w, st, cal, dir := newMeetingWindow(t)
	m := addMeeting(t, st, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	w.OpenMeeting(m.ID)

	kittest.Entry(w.content, "Hi Dana").SetText("Hi Dana — edited before export")
	test.Tap(kittest.MustButton(t, w.content, "Add to my calendar"))
	path := filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes.ics")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no file for the user's calendar: %v", err)
	}
	if !strings.HasPrefix(string(data), "request=false") || !strings.Contains(string(data), "edited before export") {
		t.Errorf("file = %q, want the user's own event with the edited agenda", data)
	}
	if got := storedMeetings(t, st)[0].Agenda; got != "Hi Dana — edited before export" {
		t.Errorf("the edited agenda was not saved before export: %q", got)
	}
	if !kittest.Shows(w.content, filepath.Base(path)) {
		t.Errorf("no export bar naming the file among %q", kittest.Texts(w.content))
	}
	test.Tap(kittest.MustButton(t, w.content, "Copy"))
	if got := w.app.Clipboard().Content(); got != string(data) {
		t.Errorf("clipboard = %q, want the calendar", got)
	}

	// An invite needs the user's own address first: nothing is written.
	test.Tap(kittest.MustButton(t, w.content, "Invite Dana"))
	if _, err := os.Stat(filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes (invite).ics")); err == nil {
		t.Fatal("an invite was written without the organiser's address")
	}
	if len(cal.calls) != 1 {
		t.Errorf("%d encodes, want 1", len(cal.calls))
	}
	editSettings(t, st, func(s *model.Settings) { s.UserEmail = "me@example.com" })
	test.Tap(kittest.MustButton(t, w.content, "Invite Dana"))
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
	w.OpenMeeting(m.ID)
	test.Tap(kittest.MustButton(t, w.content, "Add to my calendar"))
	test.Tap(kittest.MustButton(t, w.content, "Change…"))
	form := topDialog(t, w)
	kittest.Entry(form, "10:00").SetText("11:15")
	test.Tap(kittest.MustButton(t, form, "Save"))
	test.Tap(kittest.MustButton(t, w.content, "Add to my calendar"))
	if len(cal.calls) != 2 {
		t.Fatalf("%d exports, want 2", len(cal.calls))
	}
	first, second := cal.calls[0], cal.calls[1]
	uid := "UID:" + m.UID + " "
	if !strings.Contains(first, uid+"SEQUENCE:0") || !strings.Contains(second, uid+"SEQUENCE:1") {
		t.Errorf("exports:\n%s\n%s\nwant the same UID with SEQUENCE 0 then 1", first, second)
	}
	if want := time.Date(2026, 12, 1, 11, 15, 0, 0, london); !storedMeetings(t, st)[0].Start.Equal(want) {
		t.Errorf("start = %v, want %v", storedMeetings(t, st)[0].Start, want)
	}
}

func TestLogOutcomeFromToday(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	m := addMeeting(t, st, testNow.Add(-26*time.Hour), model.RecurrenceNone)
	w.show(screenToday)
	if len(w.screens.today.Report().Unlogged) != 1 {
		t.Fatalf("Today lists %d meetings waiting for an outcome, want 1", len(w.screens.today.Report().Unlogged))
	}
	w.OpenMeeting(m.ID)
	test.Tap(kittest.MustButton(t, w.content, "Log outcome…"))
	form := topDialog(t, w)
	if !kittest.Shows(form, "How did it go? Coffee with Dana Reyes") {
		t.Fatalf("no outcome form opened: %q", kittest.Texts(form))
	}
	if kittest.Entry(form, "the billing migration") == nil {
		t.Errorf("working on not prefilled: %q", kittest.Texts(form))
	}
	kittest.Entry(form, "Coffee with Dana Reyes").SetText("Talked through the migration")
	kittest.Entry(form, "What they said would help them").SetText("a second reviewer")
	kittest.FindSelect(form, func(s *widget.Select) bool { return s.Selected == model.StanceNeutral.Label() }).
		SetSelected(model.StanceSupporter.Label())
	for range 3 {
		test.Tap(kittest.MustButton(t, form, "Add a promise"))
	}
	whats, dues := entries(form, "What"), entries(form, "Due: Fri, next week")
	if len(whats) != 3 || len(dues) != 3 {
		t.Fatalf("%d promise rows, want 3", len(whats))
	}
	whats[0].SetText("Send the runbook")
	dues[0].SetText("Fri")
	var secondDirection *widget.Select // the second row's: "I owe Dana" until changed
	n := 0
	kittest.Walk(form, func(o fyne.CanvasObject) bool {
		if s, ok := kittest.AsSelect(o); ok && s.Selected == "I owe Dana" {
			if n++; n == 2 {
				secondDirection = s
			}
		}
		return true
	})
	secondDirection.SetSelected("Dana owes me")
	whats[1].SetText("Intro to the data team")
	// The third is left empty: ignored.
	test.Tap(kittest.MustButton(t, form, "Log outcome"))

	got, err := st.InteractionsWith(context.Background(), 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d interactions, want 1", len(got))
	}
	i := got[0]
	if i.Kind != model.KindCoffee || i.Summary != "Talked through the migration" || !i.At.Equal(m.Start) {
		t.Errorf("interaction = %+v", i)
	}
	promises := storedPromises(t, st)
	if len(promises) != 2 {
		t.Fatalf("%d promises, want 2", len(promises))
	}
	for _, p := range promises {
		if p.MeetingID != m.ID || p.InteractionID != i.ID {
			t.Errorf("promise %q not linked to the meeting and interaction: %+v", p.What, p)
		}
	}
	if promises[0].Direction != model.DirectionMine || promises[1].Direction != model.DirectionTheirs {
		t.Errorf("directions = %s, %s", promises[0].Direction, promises[1].Direction)
	}
	if due := promises[0].DueOn; !due.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("due = %v, want Friday 27 November", due)
	}
	dana, err := st.Person(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if dana.Needs != "a second reviewer" || dana.Stance != model.StanceSupporter {
		t.Errorf("person not updated: needs %q, stance %s", dana.Needs, dana.Stance)
	}
	if s := storedMeetings(t, st)[0].Status; s != model.MeetingHeld {
		t.Errorf("meeting status = %s, want held", s)
	}
	w.show(screenToday)
	if len(w.screens.today.Report().Unlogged) != 0 {
		t.Errorf("Today still lists the meeting as waiting for an outcome")
	}
}

func TestCancelMeetingThenUndo(t *testing.T) {
	w, st, _, dir := newMeetingWindow(t)
	m := addMeeting(t, st, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	w.OpenMeeting(m.ID)
	test.Tap(kittest.MustButton(t, w.content, "Cancel meeting"))
	if s := storedMeetings(t, st)[0].Status; s != model.MeetingCanceled {
		t.Fatalf("status = %s, want cancelled", s)
	}
	if kittest.Button(w.content, "Reinstate") == nil || !kittest.Shows(w.content, "Nothing planned.") {
		t.Errorf("cancelled meeting still listed as coming up, or no Reinstate: %q", kittest.Texts(w.content))
	}
	editSettings(t, st, func(s *model.Settings) { s.UserEmail = "me@example.com" })
	test.Tap(kittest.MustButton(t, w.content, "Cancellation for Dana"))
	if _, err := os.Stat(filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes (cancellation).ics")); err != nil {
		t.Errorf("no cancellation written for Dana: %v", err)
	}
	test.Tap(w.toast.undo)
	if s := storedMeetings(t, st)[0].Status; s != model.MeetingPlanned {
		t.Errorf("status after undo = %s, want planned", s)
	}
	if !kittest.Shows(w.content, "1 meeting") || kittest.Button(w.content, "Cancel meeting") == nil {
		t.Errorf("reinstated meeting not listed: %q", kittest.Texts(w.content))
	}
}

func TestExportTheWeek(t *testing.T) {
	w, st, cal, dir := newMeetingWindow(t)
	addMeeting(t, st, time.Date(2026, 10, 6, 9, 0, 0, 0, london), model.RecurrenceWeekly)
	addMeeting(t, st, time.Date(2026, 11, 26, 15, 0, 0, 0, london), model.RecurrenceNone)
	addMeeting(t, st, time.Date(2026, 12, 10, 15, 0, 0, 0, london), model.RecurrenceNone) // beyond the week
	w.show(screenMeetings)
	test.Tap(kittest.MustButton(t, w.content, "Export the week"))
	data, err := os.ReadFile(filepath.Join(dir, "Meetings 2026-11-23 to 2026-11-29.ics"))
	if err != nil {
		t.Fatalf("no week file: %v", err)
	}
	if n := strings.Count(string(data), "UID:"); n != 2 {
		t.Errorf("week file holds %d meetings, want 2:\n%s", n, data)
	}
	d := kittest.TopDialog(w.win)
	if len(cal.calls) != 1 || d == nil || kittest.Button(d, "Open") == nil || kittest.Button(d, "Show in folder") == nil {
		t.Errorf("want one encode and a dialog offering Open / Show in folder")
	}
}
