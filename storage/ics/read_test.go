package ics

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"

	"rapport/model"
)

// readZone is the computer's zone in these tests: floating times and
// all-day dates are read in it.
func readZone(t testing.TB) *time.Location { return mustZone(t, "America/New_York") }

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "import", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustReadIn(t testing.TB, data []byte) []model.CalendarEvent {
	t.Helper()
	events, err := readIn(data, readZone(t))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return events
}

func utc(y int, mo time.Month, d, h, mi int) time.Time {
	return time.Date(y, mo, d, h, mi, 0, 0, time.UTC)
}

// checkEvents compares events field by field, naming the event and field.
func checkEvents(t *testing.T, got, want []model.CalendarEvent) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d events, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := reflect.ValueOf(got[i]), reflect.ValueOf(want[i])
		for f := range g.NumField() {
			if !reflect.DeepEqual(g.Field(f).Interface(), w.Field(f).Interface()) {
				t.Errorf("event %d (%q) %s = %#v, want %#v", i+1, want[i].Summary, g.Type().Field(f).Name,
					g.Field(f).Interface(), w.Field(f).Interface())
			}
		}
	}
}

// checkLines checks that every event's Line is a BEGIN:VEVENT line.
func checkLines(t *testing.T, data []byte, events []model.CalendarEvent) {
	t.Helper()
	ls := strings.Split(string(data), "\n")
	for i, e := range events {
		if e.Line < 1 || e.Line > len(ls) || !strings.EqualFold(strings.TrimSpace(ls[e.Line-1]), "BEGIN:VEVENT") {
			t.Errorf("event %d: Line %d is not a BEGIN:VEVENT line", i+1, e.Line)
		}
	}
}

func TestReadOutlook(t *testing.T) {
	data := readFile(t, "outlook.ics")
	got := mustReadIn(t, data)
	ny := readZone(t)
	want := []model.CalendarEvent{
		{
			UID:      "040000008200E00074C5B7101A82E0080000000010B1E0D1B547DC0100000000000000" + "0010000000A5E3AB6C1B7E6B4F9C6D2B1F0A3E5C7D",
			Summary:  "Coffee with Dana, catch-up",
			Location: "Café Einstein, Kurfürstenstraße 58; 2nd floor",
			// W. Europe Standard Time in October: CEST, UTC+2.
			Start:     utc(2026, 10, 21, 7, 30),
			End:       utc(2026, 10, 21, 8, 0),
			Organizer: model.CalendarParty{Name: "Lee, Sam", Email: "sam@example.com"},
			// The room (CUTYPE=RESOURCE) is left out.
			Attendees: []model.CalendarParty{{Name: "Reyes, Dana", Email: "Dana.Reyes@example.com"}},
			Line:      24,
		},
		{
			UID:     "040000008200E00074C5B7101A82E00800000000F0B0C0D1B547DC01000000000000000" + "01000000011223344556677889900AABBCCDDEEFF",
			Summary: "Team offsite",
			Start:   time.Date(2026, 10, 24, 0, 0, 0, 0, ny).UTC(),
			End:     time.Date(2026, 10, 25, 0, 0, 0, 0, ny).UTC(),
			AllDay:  true,
			Line:    59,
		},
		{
			UID:      "040000008200E00074C5B7101A82E00800000000A1B2C3D4B547DC01000000000000000" + "0100000009988776655443322110099AABBCCDDEE",
			Summary:  "Priya / Sam 1:1",
			Location: "Microsoft Teams Meeting",
			// After the change to winter time: CET, UTC+1.
			Start:     utc(2026, 11, 3, 13, 0),
			End:       utc(2026, 11, 3, 14, 0),
			Organizer: model.CalendarParty{Name: "Nair, Priya", Email: "priya@example.com"},
			// "invalid:nomail" is how Outlook writes an attendee without an
			// address; a CN that is the address is no name.
			Attendees: []model.CalendarParty{{Name: "Priya Nair"}, {Email: "sam@example.com"}},
			Line:      75,
		},
	}
	checkEvents(t, got, want)
	checkLines(t, data, got)
}

func TestReadGoogle(t *testing.T) {
	data := readFile(t, "google.ics")
	got := mustReadIn(t, data)
	ny := readZone(t)
	sam := model.CalendarParty{Name: "Sam Lee", Email: "sam@example.com"}
	dana := model.CalendarParty{Name: "Dana Reyes", Email: "dana.reyes@example.com"}
	priya := model.CalendarParty{Name: "Priya Nair", Email: "priya@example.com"}
	want := []model.CalendarEvent{
		{
			UID:       "5k2l0qj8v3m1n6b7c9d4e2f0a1@google.com",
			Summary:   "Lunch with Dana and Priya",
			Location:  "Kantine, Building B",
			Start:     utc(2026, 11, 3, 12, 0),
			End:       utc(2026, 11, 3, 13, 0),
			Organizer: sam,
			Attendees: []model.CalendarParty{dana, priya, sam,
				{Name: "Alex Kim", Email: "alex.kim@example.com", Declined: true}},
			Line: 26,
		},
		{
			UID:       "7q8w9e0r1t2y3u4i5o6p@google.com",
			Summary:   "Dana / Sam 1:1",
			Start:     utc(2026, 1, 5, 9, 0), // Europe/Berlin in winter
			End:       utc(2026, 1, 5, 9, 30),
			Organizer: sam,
			Attendees: []model.CalendarParty{dana, sam},
			Recurring: true,
			Line:      55,
		},
		{ // the moved occurrence: an event of its own
			UID:       "7q8w9e0r1t2y3u4i5o6p@google.com",
			Summary:   "Dana / Sam 1:1",
			Start:     utc(2026, 1, 13, 10, 0),
			End:       utc(2026, 1, 13, 10, 30),
			Organizer: sam,
			Attendees: []model.CalendarParty{dana},
			Line:      75,
		},
		{
			UID:       "c4nc3ll3d0001@google.com",
			Summary:   "Coffee? ☕",
			Start:     utc(2026, 11, 10, 15, 0),
			End:       utc(2026, 11, 10, 15, 45), // DURATION:PT45M
			Organizer: priya,
			Attendees: []model.CalendarParty{sam},
			Canceled:  true,
			Line:      91,
		},
		{
			UID:     "h0l1d4y5@google.com",
			Summary: "Holidays",
			Start:   time.Date(2026, 12, 24, 0, 0, 0, 0, ny).UTC(),
			End:     time.Date(2026, 12, 27, 0, 0, 0, 0, ny).UTC(),
			AllDay:  true,
			Line:    106,
		},
		{
			UID:       "d3cl1n3d@google.com",
			Summary:   "Quarterly planning",
			Start:     utc(2026, 11, 12, 16, 0),
			End:       utc(2026, 11, 12, 17, 0),
			Organizer: model.CalendarParty{Name: "Alex Kim", Email: "alex.kim@example.com"},
			Attendees: []model.CalendarParty{{Name: "Sam Lee", Email: "sam@example.com", Declined: true}},
			Line:      118,
		},
	}
	checkEvents(t, got, want)
	checkLines(t, data, got)
}

// TestReadThenMatch runs both sample exports through model.MatchEvents.
func TestReadThenMatch(t *testing.T) {
	people := []model.PersonSummary{
		{Person: model.Person{ID: 1, Name: "Dana Reyes", Email: "dana.reyes@example.com"}},
		{Person: model.Person{ID: 2, Name: "Priya Nair", Email: "priya@example.com"}},
		{Person: model.Person{ID: 3, Name: "Alex Kim", Email: "alex.kim@example.com"}},
	}
	tests := []struct {
		file string
		want []string // per event: the skip reason, or "kind ids by"
	}{
		{"outlook.ics", []string{
			"coffee [1] email",
			model.SkipAllDay,
			"one_on_one [2] email", // organizer by address, attendee Priya Nair by name: the same person
		}},
		{"google.ics", []string{
			"lunch [1 2] email", // Alex declined, Sam is the user, the room is no one
			"one_on_one [1] email",
			"one_on_one [1] email",
			model.SkipCancelled,
			model.SkipAllDay,
			model.SkipDeclined,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			events := mustReadIn(t, readFile(t, tt.file))
			matches := model.MatchEvents(events, people, "Sam@Example.com", now)
			if len(matches) != len(tt.want) {
				t.Fatalf("%d matches, want %d", len(matches), len(tt.want))
			}
			for i, m := range matches {
				got := m.Skip
				if got == "" {
					got = fmt.Sprintf("%s %v %s", m.Kind, m.PersonIDs, m.By)
					if err := m.Interaction().Validate(); err != nil {
						t.Errorf("event %d: %v", i+1, err)
					}
				}
				if got != tt.want[i] {
					t.Errorf("event %d (%q): %q, want %q", i+1, m.Event.Summary, got, tt.want[i])
				}
			}
		})
	}
}

func TestReadRoundTrip(t *testing.T) {
	coffee, oneOnOne := coffeeInvite(t), oneOnOneInvite(t)
	a, b := mustMarshal(t, coffee), mustMarshal(t, oneOnOne)
	// Two calendars one after the other, as some tools concatenate them.
	data := append(append([]byte{}, a...), b...)
	events, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want := []model.CalendarEvent{
		{
			UID:      coffee.Meeting.UID,
			Summary:  "Coffee with Dana Reyes",
			Location: coffee.Meeting.Location,
			Start:    coffee.Meeting.Start.UTC(),
			End:      coffee.Meeting.End().UTC(),
		},
		{
			UID:       oneOnOne.Meeting.UID,
			Summary:   "One-on-one with Sam Lee", // the attendee's copy names the organizer
			Location:  oneOnOne.Meeting.Location,
			Start:     oneOnOne.Meeting.Start.UTC(),
			End:       oneOnOne.Meeting.End().UTC(),
			Organizer: model.CalendarParty{Name: "Sam Lee", Email: "sam@example.com"},
			Attendees: []model.CalendarParty{{Name: "Jörg Müller, Head of Platform", Email: "joerg@example.de"}},
			Recurring: true,
		},
	}
	for i, e := range events {
		if i < len(want) {
			want[i].Line = e.Line
		}
	}
	checkEvents(t, events, want)
	checkLines(t, data, events)
	if events[1].Line <= bytes.Count(a, []byte("\n")) {
		t.Errorf("second event on line %d, inside the first calendar", events[1].Line)
	}

	canceled := coffeeInvite(t)
	canceled.Meeting.Status = model.MeetingCanceled
	events = mustReadIn(t, mustMarshal(t, canceled))
	if len(events) != 1 || !events[0].Canceled {
		t.Errorf("cancelled meeting read back as %+v", events)
	}
}

func TestReadLenient(t *testing.T) {
	ny := readZone(t)
	cal := func(event ...string) string {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n" + strings.Join(event, "\r\n") + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	basic := cal("DTSTART:20261103T120000Z", "SUMMARY:Hi")
	utf16le := func(s string) []byte {
		out := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	tests := []struct {
		name  string
		data  []byte
		check func(t *testing.T, e model.CalendarEvent)
	}{
		{"LF line endings", []byte(strings.ReplaceAll(basic, "\r\n", "\n")), func(t *testing.T, e model.CalendarEvent) {
			if e.Summary != "Hi" || !e.Start.Equal(utc(2026, 11, 3, 12, 0)) || e.Line != 3 {
				t.Errorf("got %+v", e)
			}
		}},
		{"byte-order mark and blank lines around", []byte("\uFEFF\r\n  \r\n\r\n" + basic + "\r\n   \r\n\t\r\n"), func(t *testing.T, e model.CalendarEvent) {
			if e.Summary != "Hi" || e.Line != 6 {
				t.Errorf("got %+v", e)
			}
		}},
		{"UTF-16 with byte-order mark", utf16le(cal("DTSTART:20261103T120000Z", "SUMMARY:Grüße")), func(t *testing.T, e model.CalendarEvent) {
			if e.Summary != "Grüße" || e.Line != 3 {
				t.Errorf("got %+v", e)
			}
		}},
		{"lower-case names", []byte("begin:vcalendar\r\nbegin:vevent\r\ndtstart:20261103T120000Z\r\nsummary:Hi\r\nend:vevent\r\nend:vcalendar\r\n"), func(t *testing.T, e model.CalendarEvent) {
			if e.Summary != "Hi" || e.Line != 2 {
				t.Errorf("got %+v", e)
			}
		}},
		{"floating time is local", []byte(cal("DTSTART:20261103T120000", "DTEND:20261103T130000")), func(t *testing.T, e model.CalendarEvent) {
			if want := time.Date(2026, 11, 3, 12, 0, 0, 0, ny).UTC(); !e.Start.Equal(want) || e.End.Sub(e.Start) != time.Hour {
				t.Errorf("start %v end %v, want %v + 1h", e.Start, e.End, want)
			}
			if e.Start.Location() != time.UTC || e.End.Location() != time.UTC {
				t.Errorf("times not in UTC: %v %v", e.Start.Location(), e.End.Location())
			}
		}},
		{"Local TZID is local", []byte(cal("DTSTART;TZID=Local:20261103T120000")), func(t *testing.T, e model.CalendarEvent) {
			if want := time.Date(2026, 11, 3, 12, 0, 0, 0, ny).UTC(); !e.Start.Equal(want) {
				t.Errorf("start %v, want %v", e.Start, want)
			}
		}},
		{"unknown TZID is UTC", []byte(cal("DTSTART;TZID=Customized Time Zone:20261103T120000")), func(t *testing.T, e model.CalendarEvent) {
			if !e.Start.Equal(utc(2026, 11, 3, 12, 0)) {
				t.Errorf("start %v", e.Start)
			}
		}},
		{"Windows TZID, any case", []byte(cal(`DTSTART;TZID="pacific standard TIME":20260701T090000`)), func(t *testing.T, e model.CalendarEvent) {
			if !e.Start.Equal(utc(2026, 7, 1, 16, 0)) {
				t.Errorf("start %v", e.Start)
			}
		}},
		{"TZID path ending in an IANA name", []byte(cal("DTSTART;TZID=/mozilla.org/20070129_1/Asia/Tokyo:20261103T090000")), func(t *testing.T, e model.CalendarEvent) {
			if !e.Start.Equal(utc(2026, 11, 3, 0, 0)) {
				t.Errorf("start %v", e.Start)
			}
		}},
		{"Z wins over TZID", []byte(cal("DTSTART;TZID=Europe/Berlin:20261103T120000Z")), func(t *testing.T, e model.CalendarEvent) {
			if !e.Start.Equal(utc(2026, 11, 3, 12, 0)) {
				t.Errorf("start %v", e.Start)
			}
		}},
		{"no DTSTART: zero start", []byte(cal("SUMMARY:Someday")), func(t *testing.T, e model.CalendarEvent) {
			if !e.Start.IsZero() || !e.End.IsZero() || e.Summary != "Someday" {
				t.Errorf("got %+v", e)
			}
		}},
		{"empty DTSTART: zero start", []byte(cal("DTSTART:")), func(t *testing.T, e model.CalendarEvent) {
			if !e.Start.IsZero() {
				t.Errorf("got %+v", e)
			}
		}},
		{"date without VALUE=DATE", []byte(cal("DTSTART:20261224")), func(t *testing.T, e model.CalendarEvent) {
			if !e.AllDay || !e.Start.Equal(time.Date(2026, 12, 24, 0, 0, 0, 0, ny)) || !e.End.Equal(time.Date(2026, 12, 25, 0, 0, 0, 0, ny)) {
				t.Errorf("got %+v", e)
			}
		}},
		{"no end: ends at start", []byte(cal("DTSTART:20261103T120000Z")), func(t *testing.T, e model.CalendarEvent) {
			if !e.End.Equal(e.Start) {
				t.Errorf("end %v, start %v", e.End, e.Start)
			}
		}},
		{"end before start", []byte(cal("DTSTART:20261103T120000Z", "DTEND:20261103T110000Z")), func(t *testing.T, e model.CalendarEvent) {
			if !e.End.Equal(e.Start) {
				t.Errorf("end %v, start %v", e.End, e.Start)
			}
		}},
		{"text escapes, loose commas, line breaks", []byte(cal(`SUMMARY:Sync\: A\, B, C\nand D\\E  `, `LOCATION:Room\;1`)), func(t *testing.T, e model.CalendarEvent) {
			if e.Summary != `Sync: A, B, C and D\E` || e.Location != "Room;1" {
				t.Errorf("summary %q location %q", e.Summary, e.Location)
			}
		}},
		{"attendee forms", []byte(cal(
			"ORGANIZER:MAILTO: boss@example.com ",
			`ATTENDEE;EMAIL=dana@example.com;CN="Dana R.":urn:uuid:1234`,
			"ATTENDEE;CUTYPE=ROOM;CN=Room:mailto:room@example.com",
			"ATTENDEE;CUTYPE=GROUP;CN=Team:mailto:team@example.com",
			"ATTENDEE;PARTSTAT=declined:mailto:x@example.com",
		)), func(t *testing.T, e model.CalendarEvent) {
			want := []model.CalendarParty{
				{Name: "Dana R.", Email: "dana@example.com"},
				{Name: "Team", Email: "team@example.com"},
				{Email: "x@example.com", Declined: true},
			}
			if e.Organizer != (model.CalendarParty{Email: "boss@example.com"}) || !reflect.DeepEqual(e.Attendees, want) {
				t.Errorf("organizer %+v attendees %+v", e.Organizer, e.Attendees)
			}
		}},
		{"STATUS in lower case, US spelling", []byte(cal("STATUS:canceled")), func(t *testing.T, e model.CalendarEvent) {
			if !e.Canceled {
				t.Errorf("not canceled")
			}
		}},
		{"RDATE is recurring", []byte(cal("DTSTART:20261103T120000Z", "RDATE:20261110T120000Z")), func(t *testing.T, e model.CalendarEvent) {
			if !e.Recurring {
				t.Errorf("not recurring")
			}
		}},
		{"long parameter values are cut", []byte(cal(
			`X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Kurfürstenstraße 58\\n10785 Berlin";X-APPLE-MAPKIT-HANDLE=`+
				strings.Repeat("CAESvAII", 2000)+`;X-APPLE-RADIUS=70;X-TITLE="Café Einstein":geo:52.5,13.3`,
			`ATTENDEE;CN="`+strings.Repeat("é", 100_000)+`";PARTSTAT=DECLINED:mailto:d@x`,
			"ATTENDEE;CN="+strings.Repeat("b\r\n ", 3000)+";PARTSTAT=ACCEPTED:mailto:e@x",
			"SUMMARY:After",
		)), func(t *testing.T, e model.CalendarEvent) {
			if len(e.Attendees) != 2 || e.Summary != "After" || e.Line != 3 {
				t.Fatalf("got %+v", e)
			}
			if a := e.Attendees[0]; a.Name != strings.Repeat("é", maxParamValue/2) || a.Email != "d@x" || !a.Declined {
				t.Errorf("first attendee %q %q %v", a.Name, a.Email, a.Declined)
			}
			if a := e.Attendees[1]; a.Name != strings.Repeat("b", maxParamValue) || a.Email != "e@x" || a.Declined {
				t.Errorf("second attendee %q %q %v", a.Name, a.Email, a.Declined)
			}
		}},
		{"event inside another component is not an event", []byte(cal("BEGIN:X-WRAP", "BEGIN:VEVENT", "END:VEVENT", "END:X-WRAP")), func(t *testing.T, e model.CalendarEvent) {
			if e.UID != "x" || e.Line != 3 {
				t.Errorf("got %+v", e)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events := mustReadIn(t, tt.data)
			if len(events) != 1 {
				t.Fatalf("%d events, want 1: %+v", len(events), events)
			}
			tt.check(t, events[0])
		})
	}
	t.Run("calendar without events", func(t *testing.T) {
		if events := mustReadIn(t, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")); len(events) != 0 {
			t.Errorf("%d events", len(events))
		}
	})
}

func TestWindowsZones(t *testing.T) {
	for win, iana := range windowsZones {
		if _, err := time.LoadLocation(iana); err != nil {
			t.Errorf("%s: %v", win, err)
		}
		if win != strings.ToLower(win) {
			t.Errorf("%q is not lower case", win)
		}
	}
	for _, win := range []string{"Pacific Standard Time", "Mountain Standard Time", "Central Standard Time",
		"Eastern Standard Time", "GMT Standard Time", "W. Europe Standard Time", "Romance Standard Time",
		"Central Europe Standard Time", "AUS Eastern Standard Time", "India Standard Time",
		"China Standard Time", "Tokyo Standard Time"} {
		if _, ok := windowsZones[strings.ToLower(win)]; !ok {
			t.Errorf("%s is not mapped", win)
		}
	}
}

func TestReadErrors(t *testing.T) {
	google := readFile(t, "google.ics")
	cal := func(lines ...string) []byte {
		return []byte(strings.Join(lines, "\r\n") + "\r\n")
	}
	tests := []struct {
		name string
		data []byte
		want string // in the message
	}{
		{"cut short", readFile(t, "cut-short.ics"), "line 55: the file is cut short"},
		{"cut short after a whole event", google[:bytes.Index(google, []byte("BEGIN:VEVENT\r\nDTSTART;TZID"))], "line 1: the file is cut short: BEGIN:VCALENDAR is never ended"},
		{"cut short in a folded line", google[:bytes.Index(google, []byte("Priya\r\n  Nair"))+8], "line 26: the file is cut short"},
		{"binary junk", readFile(t, "junk.ics"), "binary data"},
		{"empty", nil, "empty"},
		{"blank", []byte(" \r\n\r\n\t"), "empty"},
		{"plain text", []byte("Dear Sam,\nhere is my calendar.\n"), "does not begin with BEGIN:VCALENDAR"},
		{"a vCard", cal("BEGIN:VCARD", "VERSION:3.0", "FN:Dana", "END:VCARD"), "does not begin with BEGIN:VCALENDAR"},
		{"not UTF-8", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Caf\xe9", "END:VEVENT", "END:VCALENDAR"), "line 3: not UTF-8"},
		{"wrong END", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VTODO", "END:VCALENDAR"), "line 3: END:VTODO where END:VEVENT was expected (for the BEGIN on line 2)"},
		{"END without BEGIN", cal("BEGIN:VCALENDAR", "END:VCALENDAR", "END:VEVENT"), "line 3: END:VEVENT without a BEGIN"},
		{"text after the calendar", cal("BEGIN:VCALENDAR", "END:VCALENDAR", "", "SUMMARY:stray"), "line 4: SUMMARY outside a calendar"},
		{"second thing not a calendar", cal("BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VCARD", "END:VCARD"), "line 3: BEGIN:VCARD outside a calendar"},
		{"line without colon", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY Hello", "END:VEVENT", "END:VCALENDAR"), "line 3: malformed content line: missing colon"},
		{"folded line without colon", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY Hello", " world", "END:VEVENT", "END:VCALENDAR"), "line 3: malformed content line"},
		{"parameter without colon (go-ical panics)", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", "ATTENDEE;CN=Dana", "END:VEVENT", "END:VCALENDAR"), "line 3: malformed property parameters"},
		{"text after a quoted parameter (go-ical panics)", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", `ATTENDEE;CN="Dana"R:mailto:d@x`, "END:VEVENT", "END:VCALENDAR"), "line 3: malformed property parameters"},
		{"nested too deep", cal(append(append([]string{"BEGIN:VCALENDAR"}, strings.Split(strings.Repeat("BEGIN:X\n", 100), "\n")...), "END:VCALENDAR")...), "line 17: components nested more than 16 deep"},
		{"bad DTSTART", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Sync", "DTSTART:2026-11-03", "END:VEVENT", "END:VCALENDAR"), `line 2: event "Sync": DTSTART "2026-11-03" is not a date`},
		{"bad DTEND", cal("BEGIN:VCALENDAR", "", "BEGIN:VEVENT", "DTSTART:20261103T120000Z", "DTEND:soon", "END:VEVENT", "END:VCALENDAR"), `line 3: event: DTEND "soon" is not a date`},
		{"bad DURATION", cal("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20261103T120000Z", "DURATION:an hour", "END:VEVENT", "END:VCALENDAR"), `line 2: event: DURATION "an hour"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			events, err := readIn(tt.data, readZone(t))
			if err == nil || !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want ErrUnreadable containing %q", err, tt.want)
			}
			if events != nil {
				t.Errorf("%d events returned with the error", len(events))
			}
			t.Logf("%v (%v)", err, time.Since(start))
		})
	}
}

func TestReadSizeAndIO(t *testing.T) {
	head := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261103T120000Z\r\nDESCRIPTION:"
	tail := "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	fill := func(total int) string { return head + strings.Repeat("x", total-len(head)-len(tail)) + tail }

	_, err := Read(strings.NewReader(fill(MaxReadSize + 1)))
	if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "larger than 20 MB") {
		t.Errorf("over the limit: error = %v", err)
	}
	events, err := Read(strings.NewReader(fill(MaxReadSize)))
	if err != nil || len(events) != 1 {
		t.Errorf("at the limit: %d events, error %v", len(events), err)
	}

	_, err = Read(iotest.ErrReader(errors.New("disk on fire")))
	if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("I/O error = %v", err)
	}
	_, err = Read(iotest.TimeoutReader(bytes.NewReader(readFile(t, "google.ics"))))
	if !errors.Is(err, ErrUnreadable) || !errors.Is(err, iotest.ErrTimeout) {
		t.Errorf("I/O error = %v, want it wrapped", err)
	}
}

// TestReadHostileSpeed reads 20 MB of long parameter values, which
// go-ical alone reads in time quadratic in their length. What keeps it
// linear is cutting each value to maxParamValue bytes before go-ical sees
// it, so that is what it checks; the time is only logged (a loaded
// machine is not a failure).
func TestReadHostileSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 20 MB")
	}
	for _, size := range []int{maxParamValue, 10_000, 1 << 20} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			var b strings.Builder
			b.WriteString("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")
			line := "ATTENDEE;CN=" + strings.Repeat("a", size) + ":mailto:d@x\r\n"
			for b.Len()+len(line) < MaxReadSize-100 {
				b.WriteString(line)
			}
			b.WriteString("END:VEVENT\r\nEND:VCALENDAR\r\n")
			start := time.Now()
			events, err := Read(strings.NewReader(b.String()))
			if err != nil || len(events) != 1 {
				t.Fatalf("%d events, error %v", len(events), err)
			}
			for i, a := range events[0].Attendees {
				if len(a.Name) > maxParamValue {
					t.Fatalf("attendee %d: name of %d bytes reached go-ical, want at most %d", i, len(a.Name), maxParamValue)
				}
			}
			t.Logf("%d attendees in %v", len(events[0].Attendees), time.Since(start))
		})
	}
}

// FuzzRead checks that Read never panics, that every error wraps
// ErrUnreadable, and that every event's Line is a BEGIN:VEVENT line.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"outlook.ics", "google.ics", "cut-short.ics", "junk.ics"} {
		f.Add(readFile(f, name))
	}
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nATTENDEE;CN=\"a\"b:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		events, err := readIn(data, time.UTC)
		if err != nil {
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("error does not wrap ErrUnreadable: %v", err)
			}
			return
		}
		text := bytes.TrimPrefix(data, []byte("\uFEFF"))
		if len(text) >= 2 && (text[0] == 0xff || text[0] == 0xfe) {
			return // converted from UTF-16
		}
		ls := strings.Split(string(text), "\n")
		for i, e := range events {
			if e.Line < 1 || e.Line > len(ls) || len(ls[e.Line-1]) < 5 || !strings.EqualFold(ls[e.Line-1][:5], "BEGIN") {
				t.Fatalf("event %d: Line %d is not a BEGIN line", i+1, e.Line)
			}
		}
	})
}

// BenchmarkRead20MB reads a Google export grown to nearly MaxReadSize by
// repeating its events (about 40,000 of them).
func BenchmarkRead20MB(b *testing.B) {
	data := readFile(b, "google.ics")
	begin := bytes.Index(data, []byte("BEGIN:VEVENT"))
	end := bytes.LastIndex(data, []byte("END:VCALENDAR"))
	events := data[begin:end]
	var buf bytes.Buffer
	buf.Write(data[:begin])
	for buf.Len()+len(events) < MaxReadSize-100 {
		buf.Write(events)
	}
	buf.Write(data[end:])
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
