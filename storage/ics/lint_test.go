package ics

import (
	"strings"
	"testing"
)

// cal joins lines with CRLF and ends with one.
func cal(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

func TestLint(t *testing.T) {
	bare := func(extra ...string) []string {
		l := []string{"BEGIN:VEVENT", "UID:a@x", "DTSTAMP:20261120T093000Z", "DTSTART:20261201T080000Z"}
		l = append(l, extra...)
		return append(l, "END:VEVENT")
	}
	event := func(extra ...string) []string { return bare(append(extra, "ORGANIZER:mailto:me@x")...) }
	wrap := func(method string, body ...string) []string {
		l := []string{"BEGIN:VCALENDAR", "METHOD:" + method, "PRODID:-//Rapport//Rapport//EN", "VERSION:2.0"}
		l = append(l, body...)
		return append(l, "END:VCALENDAR")
	}
	good := cal(wrap("PUBLISH", event()...)...)
	tests := []struct {
		name string
		data string
		want []string // substrings, one per expected error, in order
	}{
		{"clean", good, nil},
		{"bare LF", strings.Replace(good, "VERSION:2.0\r\n", "VERSION:2.0\n", 1), []string{"line 4: bare LF"}},
		{"bare CR", strings.Replace(good, "VERSION:2.0\r\n", "VERSION:2.0\r", 1), []string{"line 4: bare CR"}},
		{"no final CRLF", strings.TrimSuffix(good, "\r\n"), []string{"line 11: last line does not end in CRLF"}},
		{"long line", cal(wrap("PUBLISH", event("SUMMARY:"+strings.Repeat("x", 68))...)...), []string{"line 9: 76 octets"}},
		{"75 octets is fine", cal(wrap("PUBLISH", event("SUMMARY:"+strings.Repeat("x", 67))...)...), nil},
		{"fold splits a rune", cal(wrap("PUBLISH", event("SUMMARY:caf\xc3", " \xa9")...)...), []string{"line 9: not valid UTF-8", "line 10: not valid UTF-8"}},
		{"TZID without VTIMEZONE", cal(wrap("PUBLISH", event("DTEND;TZID=Europe/Berlin:20261201T090000")...)...), []string{"line 9: TZID=Europe/Berlin has no VTIMEZONE"}},
		{"TZID with VTIMEZONE", cal(wrap("PUBLISH", append([]string{"BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "END:STANDARD", "END:VTIMEZONE"},
			event("DTEND;TZID=Europe/Berlin:20261201T090000")...)...)...), nil},
		{"quoted TZID", cal(wrap("PUBLISH", event(`DTEND;TZID="Etc/Nowhere":20261201T090000`)...)...), []string{"TZID=Etc/Nowhere has no VTIMEZONE"}},
		{"DTSTAMP not UTC", strings.Replace(good, "DTSTAMP:20261120T093000Z", "DTSTAMP:20261120T093000", 1), []string{"line 7: DTSTAMP"}},
		{"no UID", strings.Replace(good, "UID:a@x\r\n", "", 1), []string{"line 5: VEVENT has 0 UIDs"}},
		{"two UIDs", cal(wrap("PUBLISH", event("UID:b@x")...)...), []string{"line 5: VEVENT has 2 UIDs"}},
		{"UID repeated", cal(wrap("PUBLISH", append(event(), event()...)...)...), []string{"line 12: UID \"a@x\" already used on line 6"}},
		{"publish without organizer", cal(wrap("PUBLISH", bare()...)...), []string{"line 5: VEVENT of a METHOD:PUBLISH has no ORGANIZER"}},
		{"plain calendar without organizer", strings.Replace(cal(wrap("PUBLISH", bare()...)...), "METHOD:PUBLISH\r\n", "", 1), nil},
		{"cancel without attendee", cal(wrap("CANCEL", event()...)...), []string{"line 5: VEVENT of a METHOD:CANCEL has no ATTENDEE"}},
		{"request without organizer or attendee", cal(wrap("REQUEST", bare()...)...), []string{"line 5: VEVENT of a METHOD:REQUEST has no ORGANIZER", "line 5: VEVENT of a METHOD:REQUEST has no ATTENDEE"}},
		{"request without attendee", cal(wrap("REQUEST", event()...)...), []string{"no ATTENDEE"}},
		{"request complete", cal(wrap("REQUEST", event("ATTENDEE;CN=\"B, b\":mailto:b@x")...)...), nil},
		{"folded ATTENDEE counts", cal(wrap("REQUEST", event("ATTEN", " DEE:mailto:b@x")...)...), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := Lint([]byte(tt.data))
			if len(errs) != len(tt.want) {
				t.Fatalf("Lint = %v, want %d errors %q", errs, len(tt.want), tt.want)
			}
			for i, err := range errs {
				if !strings.Contains(err.Error(), tt.want[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, err, tt.want[i])
				}
			}
		})
	}
}
