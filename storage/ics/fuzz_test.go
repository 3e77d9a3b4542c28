package ics

import (
	"strings"
	"testing"

	"github.com/emersion/go-ical"
)

// FuzzInvite feeds arbitrary text into the attendee's and organizer's
// names, the agenda and the location, and checks that the calendar lints
// clean and that go-ical reads the same text back (as cleaned: CR and CRLF
// become LF, other controls but TAB and LF are dropped, invalid UTF-8 is
// replaced).
func FuzzInvite(f *testing.F) {
	f.Add("Dana Reyes", "Sam Lee", "Roadmap", "Café")
	f.Fuzz(func(t *testing.T, name, organizer, agenda, location string) {
		for _, recurring := range []bool{false, true} {
			inv := oneOnOneInvite(t)
			if !recurring {
				inv.Meeting.Recurrence = ""
			}
			inv.With.Name = name
			inv.Organizer.Name = organizer
			inv.Meeting.Agenda = agenda
			inv.Meeting.Location = location
			inv.Meeting.ReminderMinutes = 10
			data, err := Marshal(inv)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if errs := Lint(data); len(errs) > 0 {
				t.Fatalf("Lint: %v\n%q", errs, data)
			}
			if n := countPrefix(data, "ATTENDEE"); n != 1 {
				t.Fatalf("%d ATTENDEE lines", n)
			}
			if n := countPrefix(data, "ORGANIZER"); n != 1 {
				t.Fatalf("%d ORGANIZER lines", n)
			}
			evs := decode(t, data).Events()
			if len(evs) != 1 {
				t.Fatalf("%d events", len(evs))
			}
			ev := evs[0]
			wantSummary := "One-on-one" // a request names the organizer: it is the other person's copy
			if n := strings.TrimSpace(cleanText(organizer)); n != "" {
				wantSummary += " with " + n
			}
			for _, c := range []struct{ prop, want string }{
				{ical.PropSummary, wantSummary},
				{ical.PropDescription, cleanText(agenda)},
				{ical.PropLocation, cleanText(location)},
			} {
				if got := text(t, ev.Props, c.prop); got != c.want {
					t.Errorf("%s = %q, want %q", c.prop, got, c.want)
				}
			}
			if got, want := ev.Props.Get(ical.PropAttendee).Params.Get(ical.ParamCommonName), cleanParam(name); got != want {
				t.Errorf("attendee CN = %q, want %q", got, want)
			}
		}
	})
}
