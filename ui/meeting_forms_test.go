package ui

// The tests of the forms the Meetings screen opens (meeting, outcome,
// settings) and of the calendar import, on the real store through what
// their constructors return. They move with the forms to ui/forms.

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage"
	"rapport/ui/kit"
)

// interactionsWithDana are the interactions with Dana (person 1).
func interactionsWithDana(t *testing.T, st *storage.Store) []model.Interaction {
	t.Helper()
	return interactionsWith(t, st, 1)
}

func TestMeetingFormNamesEveryProblem(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	e := w.editMeeting(model.Meeting{}, nil)
	e.Day.SetText("someday")
	e.Clock.SetText("25:00")
	test.Tap(e.Save)
	for key, want := range map[string]string{"person": "With", "start": "Day", "time": "Time"} {
		if got := e.Fields.Problem(key); !strings.HasPrefix(got, want) {
			t.Errorf("problem for %s = %q, want it to start with %q", key, got, want)
		}
	}
	if n := len(storedMeetings(t, st)); n != 0 {
		t.Errorf("%d meetings stored from an invalid form", n)
	}
}

func TestOutcomeRefusesAFutureDateAndABadPromise(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	m := addMeeting(t, st, testNow.Add(-2*time.Hour), model.RecurrenceNone)
	dana, err := st.Person(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	e := w.logOutcome(m, dana, nil)
	e.Day.SetText("2026-11-30")
	p := e.NewPromise()
	p.What.SetText("Send it")
	p.Due.SetText("whenever")
	test.Tap(e.Save)
	if got := e.Fields.Problem("date"); !strings.Contains(got, "future") {
		t.Errorf("date problem = %q", got)
	}
	if got := e.Fields.Problem("promises"); !strings.Contains(got, "Promise 1") {
		t.Errorf("promises problem = %q", got)
	}
	if got := interactionsWithDana(t, st); len(got) != 0 || len(storedPromises(t, st)) != 0 {
		t.Errorf("saved %d interactions and %d promises from an invalid form", len(got), len(storedPromises(t, st)))
	}
}

func TestSettingsForm(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	e := w.editSettings(nil)
	e.Email.SetText("not an address")
	e.Zone.SetText("Mars/Base")
	test.Tap(e.Save)
	if e.Fields.Problem("your email") == "" || e.Fields.Problem("time zone") == "" {
		t.Errorf("problems: email %q, zone %q", e.Fields.Problem("your email"), e.Fields.Problem("time zone"))
	}
	if storedSettings(t, st).UserEmail != "" {
		t.Fatalf("saved an invalid address")
	}
	e.Name.SetText("Sam Lee")
	e.Email.SetText("sam@example.com")
	e.Zone.SetText("America/New_York")
	e.Length.SetSelected(kit.MinutesText(45))
	test.Tap(e.Save)
	got := storedSettings(t, st)
	if got.UserName != "Sam Lee" || got.UserEmail != "sam@example.com" || got.TimeZone != "America/New_York" || got.MeetingMinutes != 45 {
		t.Errorf("settings = %+v", got)
	}
	m := w.editMeeting(model.Meeting{PersonID: 1}, nil)
	if m.Length.Selected != kit.MinutesText(45) || m.Zone().String() != "America/New_York" {
		t.Errorf("a new meeting lasts %q in %v, want the settings' 45 minutes in New York", m.Length.Selected, m.Zone())
	}
}

func TestImportPastMeetingsFromACalendarFile(t *testing.T) {
	w, st, cal, _ := newMeetingWindow(t)
	editSettings(t, st, func(s *model.Settings) { s.UserEmail = "me@example.com" })
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
	if len(interactionsWithDana(t, st)) != 0 {
		t.Fatal("the preview wrote interactions")
	}
	ci.chosen[1] = false // the user unticks Ben's
	ci.refreshSummary()
	test.Tap(ci.confirm)
	imported := interactionsWithDana(t, st)
	if len(imported) != 1 {
		t.Fatalf("%d interactions imported, want 1", len(imported))
	}
	if i := imported[0]; i.Kind != model.KindCoffee || !i.At.Equal(at(2)) || !slices.Equal(i.PersonIDs, []int64{1}) {
		t.Errorf("imported %+v", i)
	}
	// The same file again adds nothing twice.
	ci = previewCalendarFile(w, file)
	test.Tap(ci.confirm)
	if n := len(interactionsWithDana(t, st)) + len(interactionsWith(t, st, 2)); n != 2 {
		t.Fatalf("%d interactions after the second import (Ben's now chosen), want 2", n)
	}
	if !strings.Contains(w.toast.message.Text, "1 was already there") {
		t.Errorf("toast = %q", w.toast.message.Text)
	}
}
