package ics

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"rapport/model"
)

// readWithGoIcal is Read as it was before decode.go: go-ical's Decoder
// over the whole file, then every event converted. Read must return the
// same events and the same error for every input.
func readWithGoIcal(data []byte, local *time.Location) ([]model.CalendarEvent, error) {
	rd, eventLines, err := prepareIn(data, local)
	if err != nil {
		return nil, err
	}
	src := bytes.NewReader(rd.data)
	br := bufio.NewReaderSize(src, 64<<10)
	dec := ical.NewDecoder(br)
	consumed := func() int { return len(rd.data) - src.Len() - br.Buffered() }
	var cals []*ical.Calendar
	for len(bytes.TrimSpace(rd.data[consumed():])) > 0 {
		cal, err := func() (cal *ical.Calendar, err error) {
			defer func() {
				if r := recover(); r != nil {
					cal, err = nil, errParams
				}
			}()
			return dec.Decode()
		}()
		if errors.Is(err, io.EOF) {
			return nil, unreadable(rd.lineBefore(consumed()), "the file is cut short: it ends before END:VCALENDAR")
		}
		if err != nil {
			return nil, unreadable(rd.lineBefore(consumed()), "%s", strings.TrimPrefix(err.Error(), "ical: "))
		}
		cals = append(cals, cal)
	}
	var events []model.CalendarEvent
	for _, cal := range cals {
		for _, ev := range cal.Events() {
			line := 0
			if len(events) < len(eventLines) {
				line = eventLines[len(events)]
			}
			var props propList
			for _, ps := range ev.Props {
				props = append(props, ps...)
			}
			e, err := rd.event(props, line)
			if err != nil {
				return nil, err
			}
			events = append(events, e)
		}
	}
	if len(events) != len(eventLines) {
		for i := range events {
			events[i].Line = 0
		}
	}
	return events, nil
}

// sameAsGoIcal fails t when Read and readWithGoIcal differ on data.
func sameAsGoIcal(t *testing.T, data []byte) {
	t.Helper()
	got, gotErr := readIn(data, time.UTC)
	want, wantErr := readWithGoIcal(data, time.UTC)
	if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("error %v, go-ical's %v\ninput %q", gotErr, wantErr, data)
	}
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("events differ from go-ical's:\n got %+v\nwant %+v\ninput %q", got, want, data)
	}
}

// seedCalendars are every calendar file in testdata.
func seedCalendars(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	for _, pattern := range []string{"testdata/*.ics", "testdata/import/*.ics"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, data)
		}
	}
	if len(out) < 4 {
		t.Fatalf("only %d calendar files in testdata", len(out))
	}
	return out
}

// TestReadDecodesAsGoIcal: Read's own decoding returns what go-ical's
// Decoder did for every test file and for every one of them damaged at
// every line by each of the characters its grammar turns on.
func TestReadDecodesAsGoIcal(t *testing.T) {
	extra := `BEGIN:VCALENDAR
X-CAL;A=1:x
BEGIN:VEVENT
DTSTART;TZID="Europe/Berlin":20260105T100000
ATTENDEE;CN="Lee, Sam";PARTSTAT=declined,x:mailto:SAM@example.com
ATTENDEE;cutype=room:mailto:room@example.com
summary:lower case\, name
BEGIN:VALARM
TRIGGER:-PT10M
END:VALARM
END:VEVENT
BEGIN:VTODO
SUMMARY:not an event
END:VTODO
END:VCALENDAR

BEGIN:VCALENDAR
BEGIN:VEVENT
DTSTART;VALUE=DATE:20260105
DURATION:P1D
END:vevent
END:VCALENDAR
`
	seeds := append(seedCalendars(t), []byte(extra), []byte(strings.ReplaceAll(extra, "\n", "\r\n")))
	for _, data := range seeds {
		sameAsGoIcal(t, data)
		lines := bytes.SplitAfter(data, []byte("\n"))
		for i := range lines {
			for _, insert := range []string{";", ":", "\"", ",", "=", " ", "\t", "\n", "X", ";A=\"b\"c", "\n "} {
				for _, at := range []int{0, 1, len(lines[i]) / 2, len(lines[i]) - 1} {
					if at < 0 || at > len(lines[i]) {
						continue
					}
					var b bytes.Buffer
					for j, l := range lines {
						if j == i {
							b.Write(l[:at])
							b.WriteString(insert)
							b.Write(l[at:])
							continue
						}
						b.Write(l)
					}
					sameAsGoIcal(t, b.Bytes())
				}
			}
			// The line left out.
			sameAsGoIcal(t, bytes.Join(append(append([][]byte{}, lines[:i]...), lines[i+1:]...), nil))
		}
	}
}

// FuzzReadDecodesAsGoIcal is TestReadDecodesAsGoIcal on any input.
func FuzzReadDecodesAsGoIcal(f *testing.F) {
	for _, data := range seedCalendars(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsGoIcal(t, data)
	})
}
