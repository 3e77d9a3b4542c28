package ics

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"rapport/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var now = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	z, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load zone %s: %v", name, err)
	}
	return z
}

func coffeeInvite(t testing.TB) Invite {
	berlin := mustZone(t, "Europe/Berlin")
	return Invite{
		Meeting: model.Meeting{
			UID:             "3f1c2a9e-coffee@rapport",
			Kind:            model.MeetingCoffee,
			Start:           time.Date(2026, 12, 1, 9, 0, 0, 0, berlin),
			Duration:        30 * time.Minute,
			Location:        "Café Einstein, Kurfürstenstraße 58; 2nd floor",
			Agenda:          "Ask about the platform team's roadmap,\r\nand whether they need help with the migration.",
			ReminderMinutes: 15,
			Status:          model.MeetingPlanned,
		},
		With:   Party{Name: "Dana Reyes", Email: "dana.reyes@example.com"},
		Method: MethodPublish,
		Zone:   berlin,
		Now:    now,
	}
}

func oneOnOneInvite(t testing.TB) Invite {
	berlin := mustZone(t, "Europe/Berlin")
	return Invite{
		Meeting: model.Meeting{
			UID:        "8b7d0c44-one-on-one@rapport",
			Kind:       model.MeetingOneOnOne,
			Start:      time.Date(2027, 1, 12, 14, 0, 0, 0, berlin), // a Tuesday
			Duration:   45 * time.Minute,
			Location:   "https://meet.example.com/abc-defg-hij",
			Agenda:     "Career goals\nFeedback on the Q4 launch\nAnything on your mind",
			Recurrence: model.RecurrenceBiweekly,
			Sequence:   2,
			Status:     model.MeetingPlanned,
		},
		With:      Party{Name: "Jörg Müller, Head of Platform", Email: "joerg@example.de"},
		Organizer: Party{Name: "Sam Lee", Email: "sam@example.com"},
		Method:    MethodRequest,
		Zone:      berlin,
		Now:       now,
	}
}

func mustMarshal(t testing.TB, invites ...Invite) []byte {
	t.Helper()
	data, err := Marshal(invites...)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return data
}

func TestGolden(t *testing.T) {
	tests := []struct {
		file   string
		invite Invite
	}{
		{"coffee-publish.ics", coffeeInvite(t)},
		{"one-on-one-biweekly-request.ics", oneOnOneInvite(t)},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := mustMarshal(t, tt.invite)
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Marshal differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
			}
			if errs := Lint(want); len(errs) > 0 {
				t.Errorf("Lint(%s) = %v", path, errs)
			}
		})
	}
}

func lines(data []byte) []string {
	// unfold, then split
	s := strings.ReplaceAll(string(data), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

func hasLine(data []byte, want string) bool {
	for _, l := range lines(data) {
		if l == want {
			return true
		}
	}
	return false
}

func countPrefix(data []byte, prefix string) int {
	n := 0
	for _, l := range lines(data) {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

func TestRules(t *testing.T) {
	pub := mustMarshal(t, coffeeInvite(t))
	req := mustMarshal(t, oneOnOneInvite(t))
	cancelled := coffeeInvite(t)
	cancelled.Meeting.Status = model.MeetingCanceled
	canc := mustMarshal(t, cancelled)
	noReminder := coffeeInvite(t)
	noReminder.Meeting.ReminderMinutes = 0
	quiet := mustMarshal(t, noReminder)
	signed := coffeeInvite(t)
	signed.Organizer = Party{Name: "Sam Lee", Email: "sam@example.com"}
	pubOrg := mustMarshal(t, signed)
	callOff := oneOnOneInvite(t)
	callOff.Meeting.Status = model.MeetingCanceled
	callOff.Meeting.ReminderMinutes = 10
	cancel := mustMarshal(t, callOff)
	tests := []struct {
		name string
		data []byte
		line string
		want bool
	}{
		{"prodid", pub, "PRODID:-//Rapport//Rapport//EN", true},
		{"version", pub, "VERSION:2.0", true},
		{"publish without organizer is a plain calendar", pub, "METHOD:", false},
		{"method publish", pubOrg, "METHOD:PUBLISH", true},
		{"publish organizer", pubOrg, "ORGANIZER;CN=Sam Lee:mailto:sam@example.com", true},
		{"cancelled request is a cancel", cancel, "METHOD:CANCEL", true},
		{"cancel status", cancel, "STATUS:CANCELLED", true},
		{"cancel keeps the attendee", cancel, `ATTENDEE;CN="Jörg Müller, Head of Platform";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:joerg@example.de`, true},
		{"cancel has no alarm", cancel, "BEGIN:VALARM", false},
		{"method request", req, "METHOD:REQUEST", true},
		{"uid", pub, "UID:3f1c2a9e-coffee@rapport", true},
		{"sequence 0", pub, "SEQUENCE:0", true},
		{"sequence 2", req, "SEQUENCE:2", true},
		{"dtstamp utc", pub, "DTSTAMP:20261120T093000Z", true},
		{"summary", pub, "SUMMARY:Coffee with Dana Reyes", true},
		{"summary kind", req, `SUMMARY:One-on-one with Sam Lee`, true},
		{"location escaped", pub, `LOCATION:Café Einstein\, Kurfürstenstraße 58\; 2nd floor`, true},
		{"description crlf to \\n", pub, `DESCRIPTION:Ask about the platform team's roadmap\,\nand whether they need help with the migration.`, true},
		{"confirmed", pub, "STATUS:CONFIRMED", true},
		{"cancelled", canc, "STATUS:CANCELLED", true},
		{"one-off start utc", pub, "DTSTART:20261201T080000Z", true},
		{"one-off end utc", pub, "DTEND:20261201T083000Z", true},
		{"one-off no rrule", pub, "RRULE:", false},
		{"one-off no vtimezone", pub, "BEGIN:VTIMEZONE", false},
		{"recurring start local", req, "DTSTART;TZID=Europe/Berlin:20270112T140000", true},
		{"recurring end local", req, "DTEND;TZID=Europe/Berlin:20270112T144500", true},
		{"biweekly rrule", req, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", true},
		{"vtimezone", req, "TZID:Europe/Berlin", true},
		{"organizer", req, "ORGANIZER;CN=Sam Lee:mailto:sam@example.com", true},
		{"attendee", req, `ATTENDEE;CN="Jörg Müller, Head of Platform";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:joerg@example.de`, true},
		{"publish no attendee", pub, "ATTENDEE", false},
		{"no calname", pub, "X-WR-CALNAME", false},
		{"alarm", pub, "BEGIN:VALARM", true},
		{"alarm action", pub, "ACTION:DISPLAY", true},
		{"alarm trigger", pub, "TRIGGER:-PT15M", true},
		{"alarm description", pub, "DESCRIPTION:Coffee with Dana Reyes", true},
		{"no alarm", quiet, "BEGIN:VALARM", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bool
			if tt.want {
				got = hasLine(tt.data, tt.line)
			} else {
				got = countPrefix(tt.data, tt.line) > 0
			}
			if got != tt.want {
				t.Errorf("line %q present = %v, want %v in\n%s", tt.line, got, tt.want, tt.data)
			}
		})
	}
}

func TestRRule(t *testing.T) {
	tests := []struct {
		r     model.Recurrence
		start time.Time
		want  string
	}{
		{model.RecurrenceWeekly, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), "FREQ=WEEKLY;BYDAY=TU"},
		{model.RecurrenceBiweekly, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"},
		{model.RecurrenceMonthly, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), "FREQ=MONTHLY;BYDAY=1TU"},
		{model.RecurrenceMonthly, time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC), "FREQ=MONTHLY;BYDAY=2TU"},
		{model.RecurrenceMonthly, time.Date(2026, 12, 22, 9, 0, 0, 0, time.UTC), "FREQ=MONTHLY;BYDAY=4TU"},
		{model.RecurrenceMonthly, time.Date(2026, 12, 29, 9, 0, 0, 0, time.UTC), "FREQ=MONTHLY;BYDAY=-1TU"},
		{model.RecurrenceMonthly, time.Date(2027, 2, 23, 9, 0, 0, 0, time.UTC), "FREQ=MONTHLY;BYDAY=4TU"}, // 4th and last
	}
	for _, tt := range tests {
		if got := RRule(tt.r, tt.start); got != tt.want {
			t.Errorf("RRule(%s, %s) = %q, want %q", tt.r, tt.start.Format("2006-01-02"), got, tt.want)
		}
	}
}

func TestMonthlyUsesLocalWeekday(t *testing.T) {
	// 23:30 on Monday in New York is Tuesday in UTC: the rule must say MO.
	ny := mustZone(t, "America/New_York")
	inv := oneOnOneInvite(t)
	inv.Zone = ny
	inv.Meeting.Start = time.Date(2026, 12, 14, 23, 30, 0, 0, ny)
	inv.Meeting.Recurrence = model.RecurrenceMonthly
	data := mustMarshal(t, inv)
	if !hasLine(data, "RRULE:FREQ=MONTHLY;BYDAY=2MO") || !hasLine(data, "DTSTART;TZID=America/New_York:20261214T233000") {
		t.Errorf("monthly rule not in local time:\n%s", data)
	}
}

func TestReexportKeepsUIDRaisesSequence(t *testing.T) {
	inv := oneOnOneInvite(t)
	first := mustMarshal(t, inv)
	inv.Meeting.Start = inv.Meeting.Start.Add(time.Hour)
	inv.Meeting.Sequence++
	second := mustMarshal(t, inv)
	for _, data := range [][]byte{first, second} {
		if !hasLine(data, "UID:8b7d0c44-one-on-one@rapport") {
			t.Errorf("UID changed:\n%s", data)
		}
	}
	if !hasLine(first, "SEQUENCE:2") || !hasLine(second, "SEQUENCE:3") {
		t.Errorf("SEQUENCE did not go from 2 to 3")
	}
	if !hasLine(second, "DTSTART;TZID=Europe/Berlin:20270112T150000") {
		t.Errorf("new time not written:\n%s", second)
	}
}

func TestParameterInjection(t *testing.T) {
	inv := oneOnOneInvite(t)
	inv.With.Name = "Eve\r\nATTENDEE:mailto:evil@x"
	inv.Organizer.Name = "Mallory\nORGANIZER:mailto:evil@x\r"
	data := mustMarshal(t, inv)
	if n := countPrefix(data, "ATTENDEE"); n != 1 {
		t.Errorf("%d ATTENDEE lines, want 1:\n%s", n, data)
	}
	if n := countPrefix(data, "ORGANIZER"); n != 1 {
		t.Errorf("%d ORGANIZER lines, want 1:\n%s", n, data)
	}
	if errs := Lint(data); len(errs) > 0 {
		t.Errorf("Lint: %v", errs)
	}
}

func TestParamQuoting(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Dana Reyes", "CN=Dana Reyes;"},
		{`Dana "DJ" Reyes`, "CN=Dana 'DJ' Reyes;"},
		{"Reyes, Dana", `CN="Reyes, Dana";`},
		{"a:b;c", `CN="a:b;c";`},
		{"  tab\there\x00 ", "CN=tab here;"},
	}
	for _, tt := range tests {
		inv := oneOnOneInvite(t)
		inv.With.Name = tt.name
		data := mustMarshal(t, inv)
		var att string
		for _, l := range lines(data) {
			if strings.HasPrefix(l, "ATTENDEE") {
				att = l
			}
		}
		if !strings.Contains(att, tt.want) {
			t.Errorf("name %q: ATTENDEE line %q, want it to contain %q", tt.name, att, tt.want)
		}
	}
}

func decode(t testing.TB, data []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, data)
	}
	return cal
}

func text(t testing.TB, props ical.Props, name string) string {
	t.Helper()
	p := props.Get(name)
	if p == nil {
		return ""
	}
	s, err := p.Text()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name, location, agenda string
	}{
		{"Dana Reyes", "Room 1", "plain"},
		{"Zoë 山田, Jr.; \"DJ\"", "Straße 5, Berlin; 2F", "line 1\nline 2\n\nline 4"},
		{"O'Brien\\Backslash", `a\b\,c;d`, "windows\r\nline\rold mac"},
		{"😀 emoji " + strings.Repeat("ü", 60), strings.Repeat("長い場所", 40), strings.Repeat("long agenda, with; punctuation\n", 30)},
	}
	for _, tt := range tests {
		inv := oneOnOneInvite(t)
		inv.With.Name = tt.name
		inv.Meeting.Location = tt.location
		inv.Meeting.Agenda = tt.agenda
		data := mustMarshal(t, inv)
		if errs := Lint(data); len(errs) > 0 {
			t.Errorf("Lint: %v", errs)
		}
		cal := decode(t, data)
		evs := cal.Events()
		if len(evs) != 1 {
			t.Fatalf("%d events, want 1", len(evs))
		}
		ev := evs[0]
		if got, want := text(t, ev.Props, ical.PropSummary), "One-on-one with Sam Lee"; got != want { // the request is the attendee's copy
			t.Errorf("SUMMARY = %q, want %q", got, want)
		}
		if got, want := text(t, ev.Props, ical.PropLocation), tt.location; got != want {
			t.Errorf("LOCATION = %q, want %q", got, want)
		}
		if got, want := text(t, ev.Props, ical.PropDescription), strings.ReplaceAll(strings.ReplaceAll(tt.agenda, "\r\n", "\n"), "\r", "\n"); got != want {
			t.Errorf("DESCRIPTION = %q, want %q", got, want)
		}
		att := ev.Props.Get(ical.PropAttendee)
		if att == nil {
			t.Fatal("no ATTENDEE")
		}
		if got, want := att.Params.Get(ical.ParamCommonName), strings.ReplaceAll(tt.name, `"`, "'"); got != want {
			t.Errorf("CN = %q, want %q", got, want)
		}
		start, err := ev.DateTimeStart(nil)
		if err != nil || !start.Equal(inv.Meeting.Start) {
			t.Errorf("DTSTART = %v, %v; want %v", start, err, inv.Meeting.Start)
		}
	}
}

func TestVTimezone(t *testing.T) {
	tests := []struct {
		zone string
		want []string // lines inside the VTIMEZONE, in order
	}{
		{"Europe/Berlin", []string{
			"BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
			"BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
			"TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
			"BEGIN:STANDARD", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
			"TZNAME:CET", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
			"END:VTIMEZONE",
		}},
		{"America/New_York", []string{
			"BEGIN:VTIMEZONE", "TZID:America/New_York",
			"BEGIN:DAYLIGHT", "DTSTART:19700308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
			"TZNAME:EDT", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
			"BEGIN:STANDARD", "DTSTART:19701101T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
			"TZNAME:EST", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
			"END:VTIMEZONE",
		}},
		{"Asia/Tokyo", []string{
			"BEGIN:VTIMEZONE", "TZID:Asia/Tokyo",
			"BEGIN:STANDARD", "DTSTART:19700101T000000",
			"TZNAME:JST", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD",
			"END:VTIMEZONE",
		}},
		{"Australia/Sydney", []string{ // southern hemisphere: standard comes first in the year
			"BEGIN:VTIMEZONE", "TZID:Australia/Sydney",
			"BEGIN:STANDARD", "DTSTART:19700405T030000", "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
			"TZNAME:AEST", "TZOFFSETFROM:+1100", "TZOFFSETTO:+1000", "END:STANDARD",
			"BEGIN:DAYLIGHT", "DTSTART:19701004T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
			"TZNAME:AEDT", "TZOFFSETFROM:+1000", "TZOFFSETTO:+1100", "END:DAYLIGHT",
			"END:VTIMEZONE",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			inv := oneOnOneInvite(t)
			inv.Zone = mustZone(t, tt.zone)
			inv.Meeting.Start = time.Date(2026, 6, 2, 10, 0, 0, 0, inv.Zone)
			data := mustMarshal(t, inv)
			var got []string
			in := false
			for _, l := range lines(data) {
				if l == "BEGIN:VTIMEZONE" {
					in = true
				}
				if in {
					got = append(got, l)
				}
				if l == "END:VTIMEZONE" {
					in = false
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("VTIMEZONE:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if errs := Lint(data); len(errs) > 0 {
				t.Errorf("Lint: %v", errs)
			}
		})
	}
}

func TestTimezoneOncePerZone(t *testing.T) {
	a, b := oneOnOneInvite(t), oneOnOneInvite(t)
	b.Meeting.UID = "other@rapport"
	c := oneOnOneInvite(t)
	c.Meeting.UID = "third@rapport"
	c.Zone = mustZone(t, "America/New_York")
	data := mustMarshal(t, a, b, c)
	if n := countPrefix(data, "BEGIN:VTIMEZONE"); n != 2 {
		t.Errorf("%d VTIMEZONEs, want 2", n)
	}
	if n := countPrefix(data, "BEGIN:VEVENT"); n != 3 {
		t.Errorf("%d VEVENTs, want 3", n)
	}
	if errs := Lint(data); len(errs) > 0 {
		t.Errorf("Lint: %v", errs)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Invite)
		want   string // in the message
	}{
		{"request without organizer email", func(i *Invite) { i.Organizer.Email = "" }, "organizer email"},
		{"request with bad organizer email", func(i *Invite) { i.Organizer.Email = "sam at example.com" }, "organizer email"},
		{"request without attendee email", func(i *Invite) { i.With.Email = "" }, "attendee email"},
		{"request with injected attendee email", func(i *Invite) { i.With.Email = "a@b\r\nX:y" }, "attendee email"},
		{"local zone", func(i *Invite) { i.Zone = time.Local }, "zone"},
		{"no zone for recurring", func(i *Invite) { i.Zone = nil }, "zone"},
		{"no now", func(i *Invite) { i.Now = time.Time{} }, "now"},
		{"no uid", func(i *Invite) { i.Meeting.UID = "" }, "uid"},
		{"no start", func(i *Invite) { i.Meeting.Start = time.Time{} }, "start"},
		{"bad method", func(i *Invite) { i.Method = "CANCEL" }, "method"},
		{"bad recurrence", func(i *Invite) { i.Meeting.Recurrence = "daily" }, "recurrence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := oneOnOneInvite(t)
			tt.change(&inv)
			var buf bytes.Buffer
			err := Encode(&buf, inv)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrInvalid) {
				t.Errorf("Encode error = %v, want ErrInvalid naming %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("Encode wrote %d bytes on error", buf.Len())
			}
		})
	}
	t.Run("mixed methods", func(t *testing.T) {
		_, err := Marshal(oneOnOneInvite(t), coffeeInvite(t))
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("err = %v, want ErrInvalid", err)
		}
	})
	t.Run("repeated uid", func(t *testing.T) {
		_, err := Marshal(oneOnOneInvite(t), oneOnOneInvite(t))
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "uid") {
			t.Errorf("err = %v, want ErrInvalid naming the uid", err)
		}
	})
	t.Run("none", func(t *testing.T) {
		if _, err := Marshal(); !errors.Is(err, ErrInvalid) {
			t.Errorf("err = %v, want ErrInvalid", err)
		}
	})
	t.Run("publish without organizer", func(t *testing.T) {
		data := mustMarshal(t, coffeeInvite(t))
		if countPrefix(data, "ORGANIZER") != 0 {
			t.Errorf("ORGANIZER written without an address")
		}
	})
	t.Run("request mixing cancelled and planned", func(t *testing.T) {
		off := coffeeInvite(t)
		off.Method, off.Organizer = MethodRequest, Party{Email: "sam@example.com"}
		off.Meeting.Status = model.MeetingCanceled
		_, err := Marshal(oneOnOneInvite(t), off)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "cancelled") {
			t.Errorf("err = %v, want ErrInvalid about mixing cancelled and planned", err)
		}
	})
}

func TestFolding(t *testing.T) {
	inv := coffeeInvite(t)
	inv.Meeting.Agenda = strings.Repeat("é", 200) + strings.Repeat("x", 200) + strings.Repeat("😀", 50)
	data := mustMarshal(t, inv)
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets", i+1, len(l))
		}
	}
	if errs := Lint(data); len(errs) > 0 {
		t.Errorf("Lint: %v", errs)
	}
	ev := decode(t, data).Events()[0]
	if got := text(t, ev.Props, ical.PropDescription); got != inv.Meeting.Agenda {
		t.Errorf("DESCRIPTION after unfolding = %q", got)
	}
}

// BenchmarkMarshal1000 exports 1,000 invites (half recurring, in two
// zones) into one calendar. Target: at most 200 ms per op.
func BenchmarkMarshal1000(b *testing.B) {
	invites := make([]Invite, 1000)
	for i := range invites {
		inv := oneOnOneInvite(b)
		if i%2 == 0 {
			inv = coffeeInvite(b)
			inv.Method = MethodRequest
			inv.Organizer = Party{Name: "Sam Lee", Email: "sam@example.com"}
		}
		if i%4 == 1 {
			inv.Zone = mustZone(b, "America/New_York")
		}
		inv.Meeting.UID = fmt.Sprintf("%04d@rapport", i)
		invites[i] = inv
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(invites...); err != nil {
			b.Fatal(err)
		}
	}
}
