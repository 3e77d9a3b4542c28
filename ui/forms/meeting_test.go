package forms_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/forms"
)

var london = mustZone("Europe/London")

func mustZone(name string) *time.Location {
	z, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return z
}

// defaults are settings of 45-minute meetings with a 15-minute reminder,
// in London.
var defaults = forms.Defaults{Zone: london, MeetingMinutes: 45, ReminderMinutes: 15}

// meetings is every meeting in st around testNow.
func meetings(t *testing.T, st *storage.Store) []model.Meeting {
	t.Helper()
	all, err := st.Meetings(context.Background(), testNow.AddDate(-1, 0, 0), testNow.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestMeetingFormSchedulesWithTheDefaultsAndDraftsTheAgenda(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes", func(p *model.Person) {
		p.WorkingOn, p.Notes = "the billing migration", "PRIVATE: thinking of leaving"
	})
	var got model.Meeting
	e := forms.EditMeeting(h, st, model.Meeting{PersonID: dana.ID}, defaults, func(m model.Meeting) { got = m })
	onTop(t, h, "Schedule a meeting")
	for name, pair := range map[string][2]string{
		"with":     {e.Who.Entry.Text, "Dana Reyes"},
		"kind":     {e.Kind.Selected, "Coffee"},
		"day":      {e.Day.Text, "tomorrow"},
		"time":     {e.Clock.Text, "10:00"},
		"length":   {e.Length.Selected, "45 minutes"},
		"reminder": {e.Reminder.Selected, "15 minutes before"},
		"zone":     {e.Zone().String(), "Europe/London"},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s shows %q, want %q", name, pair[0], pair[1])
		}
	}
	e.Day.SetText("Tue")
	if !strings.Contains(e.DayHint.Text, "Tuesday 24 November 2026") {
		t.Errorf("day hint = %q", e.DayHint.Text)
	}
	e.Clock.SetText("8:30")
	e.Place.SetText("Café Nero")
	test.Tap(e.Save)
	closed(t, h)

	all := meetings(t, st)
	if len(all) != 1 {
		t.Fatalf("%d meetings stored, want 1", len(all))
	}
	m := all[0]
	if want := time.Date(2026, 11, 24, 8, 30, 0, 0, london); !m.Start.Equal(want) || m.Duration != 45*time.Minute ||
		m.ReminderMinutes != 15 || m.Location != "Café Nero" || m.PersonID != dana.ID || got.ID != m.ID {
		t.Errorf("stored %+v, want Dana at %v for 45m, reminder 15", m, want)
	}
	if !strings.Contains(m.Agenda, "Hi Dana") || !strings.Contains(m.Agenda, "the billing migration") {
		t.Errorf("agenda not drafted from what is known:\n%s", m.Agenda)
	}
	if strings.Contains(m.Agenda, "PRIVATE") {
		t.Errorf("agenda leaks the private notes:\n%s", m.Agenda)
	}
	want := "Coffee with Dana Reyes planned for Tue 24 Nov at 08:30. Its page has the agenda and the calendar invite."
	if !slices.Equal(h.toasts, []string{want}) {
		t.Errorf("messages %q", h.toasts)
	}
}

func TestMeetingFormNamesEveryProblemAndSchedulesNothing(t *testing.T) {
	st, h := open(t)
	storetest.Person(t, st, "Dana Reyes")
	e := forms.EditMeeting(h, st, model.Meeting{}, defaults, nil)
	e.Day.SetText("someday")
	e.Clock.SetText("25:00")
	test.Tap(e.Save)
	wantProblems(t, &e.Form, map[string]string{"person": "With", "start": "Day", "time": "Time"})
	if n := len(meetings(t, st)); n != 0 {
		t.Errorf("%d meetings stored from an invalid form", n)
	}
	onTop(t, h, "Schedule a meeting")
}

func TestMeetingFormChangesAMeetingInItsZone(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	m := storetest.Meeting(t, st, model.Meeting{PersonID: dana.ID, Start: time.Date(2026, 12, 1, 10, 0, 0, 0, london),
		Agenda: "As written"})
	e := forms.EditMeeting(h, st, m, defaults, nil)
	onTop(t, h, "Change the meeting")
	if e.Who.Entry.Text != "Dana Reyes" || e.Day.Text != "2026-12-01" || e.Clock.Text != "10:00" || e.Length.Selected != "30 minutes" {
		t.Fatalf("the form opened with %q on %q at %q for %q", e.Who.Entry.Text, e.Day.Text, e.Clock.Text, e.Length.Selected)
	}
	e.Clock.SetText("11:15")
	test.Tap(e.Save)
	got, err := st.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 12, 1, 11, 15, 0, 0, london); !got.Start.Equal(want) || got.Agenda != "As written" {
		t.Errorf("stored start %v, agenda %q; want %v and the agenda kept", got.Start, got.Agenda, want)
	}
}
