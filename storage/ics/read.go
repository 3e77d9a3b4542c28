package ics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // zone rules for TZIDs on machines without them (Windows)
	"unicode/utf16"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"rapport/model"
)

// MaxReadSize is the largest calendar file Read accepts, in bytes (20 MiB):
// years of a busy calendar fit in a few megabytes.
const MaxReadSize = 20 << 20

// maxDepth bounds how deeply components may nest (a VALARM in a VEVENT in
// a VCALENDAR is 3), so a hostile file cannot make the decoder, which
// recurses, run out of stack.
const maxDepth = 16

// maxParamValue bounds each parameter value, in bytes: go-ical builds
// parameter values a byte at a time, in time quadratic in their length
// (one of 100 kB takes seconds), so longer ones are cut before decoding.
// The values Read uses (CN, EMAIL, PARTSTAT, CUTYPE, TZID, VALUE) are far
// shorter; Apple's X-APPLE-MAPKIT-HANDLE can be longer, and is not used.
const maxParamValue = 256

// ErrUnreadable is wrapped by every error Read returns for a file it
// cannot read: too large, not a calendar, not UTF-8, cut short, malformed.
// The message names the line when there is one ("line 12: …").
var ErrUnreadable = errors.New("unreadable calendar file")

// Read reads the events of one or more VCALENDARs, one after the other, as
// calendar apps export them (Outlook, Google Calendar, Apple Calendar).
// The whole input is read into memory first; more than MaxReadSize bytes
// is refused. A UTF-8 byte-order mark is skipped and a UTF-16 file
// (which some Windows tools write) is converted.
//
// Each VEVENT directly inside a VCALENDAR becomes one CalendarEvent, in
// file order, with the line where it begins. Times are returned in UTC:
//
//   - a time ending in Z is UTC;
//   - a TZID naming an IANA zone ("Europe/Berlin") uses that zone's rules,
//     from the embedded time zone database, not the file's VTIMEZONE;
//   - a Windows zone name, as Outlook writes ("W. Europe Standard Time"),
//     is mapped to its IANA zone by a table of the common ones; a TZID
//     ending in an IANA name ("/mozilla.org/…/Europe/Berlin") uses that;
//     any other TZID is taken as UTC, silently: the date is still right
//     or off by one near midnight;
//   - a time with no zone ("floating") and a date are in the computer's
//     zone (time.Local).
//
// The end is DTEND, else DTSTART plus DURATION, else the next day for a
// date and the start itself for a time; an end before the start is the
// start. An event whose DTSTART is a date (VALUE=DATE, or eight digits)
// is AllDay. An event without DTSTART is returned with a zero Start, for
// model.MatchEvents to skip; a DTSTART or DTEND that is present but not a
// date is an error naming the event's line. STATUS:CANCELLED sets
// Canceled. An RRULE or RDATE sets Recurring; only the first occurrence
// (DTSTART) is read, and moved occurrences (VEVENTs with a RECURRENCE-ID)
// are events of their own.
//
// SUMMARY, LOCATION and CN are unescaped leniently (an unknown escape
// keeps its character, an unescaped comma stays a comma) and made one
// line. ORGANIZER and ATTENDEE give Email from a "mailto:" value (any
// case) or else an EMAIL parameter, Name from CN (dropped when it is just
// the address), and Declined from PARTSTAT=DECLINED. Attendees that are
// rooms or equipment (CUTYPE=ROOM or RESOURCE) are left out. The
// DESCRIPTION is not read. Parameter values are cut to 256 bytes before
// decoding (see maxParamValue), which no real CN or e-mail address reaches.
//
// An input that is empty, not a calendar, not UTF-8, cut short or
// malformed is an error wrapping ErrUnreadable, with the line when known.
func Read(r io.Reader) ([]model.CalendarEvent, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("ics: read: %w: %w", err, ErrUnreadable)
	}
	if len(data) > MaxReadSize {
		return nil, unreadable(0, "the file is larger than %d MB", MaxReadSize>>20)
	}
	return readIn(data, time.Local)
}

// readAll reads up to MaxReadSize+1 bytes of r into one buffer, sized
// once when r tells its length (a file, a bytes.Reader) instead of grown
// and copied as io.ReadAll does.
func readAll(r io.Reader) ([]byte, error) {
	size := -1
	switch r := r.(type) {
	case interface{ Len() int }:
		size = r.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			size = int(min(fi.Size(), MaxReadSize+1))
		}
	}
	if size < 0 {
		return io.ReadAll(io.LimitReader(r, MaxReadSize+1))
	}
	var buf bytes.Buffer
	buf.Grow(min(size, MaxReadSize+1) + bytes.MinRead)
	_, err := buf.ReadFrom(io.LimitReader(r, MaxReadSize+1))
	return buf.Bytes(), err
}

// unreadable is an error wrapping ErrUnreadable, naming line unless it
// is 0.
func unreadable(line int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		return fmt.Errorf("ics: line %d: %s: %w", line, msg, ErrUnreadable)
	}
	return fmt.Errorf("ics: %s: %w", msg, ErrUnreadable)
}

// reader reads one calendar file held in memory.
type reader struct {
	data   []byte
	base   int   // lines trimmed off the front, added to every line number
	starts []int // offset of each physical line in data
	local  *time.Location
	zones  map[string]*time.Location
}

// readIn is Read on data already in memory, with floating times and dates
// in local.
func readIn(data []byte, local *time.Location) ([]model.CalendarEvent, error) {
	rd, eventLines, err := prepareIn(data, local)
	if err != nil {
		return nil, err
	}
	return decodeIn(rd, eventLines)
}

// prepareIn checks data and readies a reader of it: what readIn does
// before decoding.
func prepareIn(data []byte, local *time.Location) (*reader, []int, error) {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		data = fromUTF16(data[2:], data[0] == 0xfe)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	rd := &reader{local: local, zones: map[string]*time.Location{}}
	// Leading and trailing blank space: go-ical takes a line of spaces
	// for a continuation (or a broken line), so cut it off.
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	rd.base = bytes.Count(data[:len(data)-len(trimmed)], []byte("\n"))
	data = bytes.TrimRight(trimmed, " \t\r\n")

	if len(data) == 0 {
		return nil, nil, unreadable(0, "the file is empty")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if !strings.EqualFold(string(bytes.TrimSpace(first)), "BEGIN:VCALENDAR") {
		if looksBinary(data) {
			return nil, nil, unreadable(0, "not a calendar file: it holds binary data, not text")
		}
		return nil, nil, unreadable(0, "not a calendar file: it does not begin with BEGIN:VCALENDAR")
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, nil, unreadable(rd.base+1+bytes.Count(data[:off], []byte("\n")), "not UTF-8 text (save the calendar as UTF-8)")
	}
	rd.data = shortenParams(data)
	eventLines, err := rd.scan()
	if err != nil {
		return nil, nil, err
	}
	return rd, eventLines, nil
}

// decodeIn is the rest of readIn.
func decodeIn(rd *reader, eventLines []int) ([]model.CalendarEvent, error) {
	events := make([]model.CalendarEvent, 0, len(eventLines))
	var convertErr error // the first event that cannot be read
	err := rd.decodeAll(func(ev propList) {
		if convertErr != nil {
			return
		}
		line := 0
		if len(events) < len(eventLines) {
			line = eventLines[len(events)]
		}
		e, err := rd.event(ev, line)
		if err != nil {
			convertErr = err
			return
		}
		events = append(events, e)
	})
	// The file's structure is checked in full before any one event: a
	// malformed line anywhere is the error, as when the whole file was
	// decoded first.
	if err != nil {
		return nil, err
	}
	if convertErr != nil {
		return nil, convertErr
	}
	if len(events) != len(eventLines) { // cannot happen: scan and go-ical see the same structure
		for i := range events {
			events[i].Line = 0
		}
	}
	return events, nil
}

// fromUTF16 converts UTF-16 text (after its byte-order mark) to UTF-8.
func fromUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// looksBinary reports whether the start of data is not text: invalid
// UTF-8 or control characters other than TAB, CR and LF.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 512)]
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 && len(head) >= utf8.UTFMax {
			return true
		}
		if r < 0x20 && r != '\t' && r != '\r' && r != '\n' || r == 0x7f {
			return true
		}
		head = head[size:]
	}
	return false
}

// scan walks the physical lines once: it records where each starts, checks
// that BEGIN and END lines pair up (so a file cut short or mangled is
// reported with its line, which go-ical cannot do), bounds the nesting,
// and returns the line of each VEVENT directly in a VCALENDAR,
// in order.
func (rd *reader) scan() ([]int, error) {
	type open struct {
		name string
		line int
	}
	var (
		stack      []open
		eventLines []int
		pending    []byte // a BEGIN or END line being unfolded
		pendingAt  int    // its line number
	)
	finish := func() error {
		if pending == nil {
			return nil
		}
		text := string(pending)
		pending = nil
		i := strings.IndexAny(text, ";:")
		name := strings.ToUpper(text[:i])
		_, value, ok := strings.Cut(text[i:], ":")
		if !ok {
			return nil // go-ical reports the malformed line
		}
		value = strings.ToUpper(strings.TrimRight(value, " \t"))
		line := rd.base + pendingAt
		if name == "BEGIN" {
			if len(stack) == 0 && value != ical.CompCalendar {
				return unreadable(line, "BEGIN:%s outside a calendar (expected BEGIN:VCALENDAR)", value)
			}
			if len(stack) == 1 && value == ical.CompEvent {
				eventLines = append(eventLines, line)
			}
			if len(stack) == maxDepth {
				return unreadable(line, "components nested more than %d deep", maxDepth)
			}
			stack = append(stack, open{value, line})
			return nil
		}
		if len(stack) == 0 {
			return unreadable(line, "END:%s without a BEGIN", value)
		}
		top := stack[len(stack)-1]
		if value != top.name {
			return unreadable(line, "END:%s where END:%s was expected (for the BEGIN on line %d)", value, top.name, top.line)
		}
		stack = stack[:len(stack)-1]
		return nil
	}

	data := rd.data
	rd.starts = make([]int, 0, bytes.Count(data, []byte("\n"))+1)
	for off, n := 0, 1; off < len(data); n++ {
		rd.starts = append(rd.starts, off)
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		text := bytes.TrimSuffix(data[off:end], []byte("\r"))
		off = end + 1

		if len(text) > 0 && (text[0] == ' ' || text[0] == '\t') {
			if pending != nil {
				pending = append(pending, text[1:]...)
			}
			continue
		}
		if err := finish(); err != nil {
			return nil, err
		}
		if len(text) == 0 {
			continue
		}
		i := bytes.IndexAny(text, ";:")
		if i < 0 {
			continue // go-ical reports it
		}
		switch name := text[:i]; {
		case isBeginOrEnd(name):
			// Copied only if a continuation line is added to it.
			pending, pendingAt = text[:len(text):len(text)], n
		case len(stack) == 0:
			return nil, unreadable(rd.base+n, "%s outside a calendar (expected BEGIN:VCALENDAR)", strings.ToUpper(string(name)))
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, unreadable(top.line, "the file is cut short: BEGIN:%s is never ended", top.name)
	}
	return eventLines, nil
}

// isBeginOrEnd reports whether a property name is BEGIN or END in any
// case, as strings.ToUpper sees it, without a copy for an ASCII name.
func isBeginOrEnd(name []byte) bool {
	for _, b := range name {
		if b >= utf8.RuneSelf {
			upper := strings.ToUpper(string(name))
			return upper == "BEGIN" || upper == "END"
		}
	}
	return bytes.EqualFold(name, []byte("BEGIN")) || bytes.EqualFold(name, []byte("END"))
}

// shortenParams returns data with every parameter value cut to
// maxParamValue bytes, on a rune boundary, keeping line breaks and folds
// so that line numbers stay the same. It follows go-ical's grammar: a
// content line is NAME *(";" PARAM "=" VALUE *("," VALUE)) ":" VALUE, a
// parameter value may be in double quotes, and a line beginning with a
// space or a tab continues the one before.
func shortenParams(data []byte) []byte {
	const (
		inName = iota
		inParamName
		inParamValue
		inValue
	)
	// out is a copy made at the first byte dropped: most files have no
	// parameter that long, and get data itself back.
	var out []byte
	copied := false
	keep := func(b byte) {
		if copied {
			out = append(out, b)
		}
	}
	state, quoted, atStart, dropping, n := inName, false, false, false, 0
	for i := 0; i < len(data); i++ {
		b := data[i]
		if b == '\n' {
			keep(b)
			if i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\t') {
				i++
				keep(data[i])
			} else {
				state, quoted = inName, false
			}
			continue
		}
		if b == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			keep(b)
			continue
		}
		switch state {
		case inName:
			if b == ';' {
				state = inParamName
			} else if b == ':' {
				state = inValue
			}
		case inParamName:
			if b == '=' {
				state, quoted, atStart, dropping, n = inParamValue, false, true, false, 0
			} else if b == ':' {
				state = inValue
			}
		case inParamValue:
			switch {
			case atStart && b == '"':
				quoted, atStart = true, false
			case quoted && b == '"':
				quoted = false
			case !quoted && b == ',':
				atStart, dropping, n = true, false, 0
			case !quoted && b == ';':
				state = inParamName
			case !quoted && b == ':':
				state = inValue
			default:
				atStart = false
				if dropping || n >= maxParamValue && utf8.RuneStart(b) {
					if !copied {
						out, copied = append(make([]byte, 0, len(data)), data[:i]...), true
					}
					dropping = true
					continue
				}
				n++
			}
		}
		keep(b)
	}
	if !copied {
		return data
	}
	return out
}

// lineBefore is the line number of the logical line (first physical line
// of a folded one) that ends just before offset off.
func (rd *reader) lineBefore(off int) int {
	if off > 0 {
		off--
	}
	i := sort.Search(len(rd.starts), func(i int) bool { return rd.starts[i] > off }) - 1
	for i > 0 && (rd.data[rd.starts[i]] == ' ' || rd.data[rd.starts[i]] == '\t') {
		i--
	}
	return rd.base + max(i, 0) + 1
}

// event converts one VEVENT beginning at line, of which it is given the
// properties.
func (rd *reader) event(ev propList, line int) (model.CalendarEvent, error) {
	e := model.CalendarEvent{
		UID:      strings.TrimSpace(textValue(ev.get(ical.PropUID))),
		Summary:  oneLine(textValue(ev.get(ical.PropSummary))),
		Location: oneLine(textValue(ev.get(ical.PropLocation))),
		Line:     line,
	}
	bad := func(prop *ical.Prop) error {
		what := "event"
		if e.Summary != "" {
			what = fmt.Sprintf("event %q", e.Summary)
		}
		want := "a date or a date and time"
		if prop.Name == ical.PropDuration {
			want = "a duration"
		}
		return unreadable(line, "%s: %s %q is not %s", what, prop.Name, prop.Value, want)
	}

	if p := ev.get(ical.PropDateTimeStart); p != nil && strings.TrimSpace(p.Value) != "" {
		start, date, err := rd.dateTime(p)
		if err != nil {
			return e, bad(p)
		}
		e.Start, e.AllDay = start.UTC(), date
		switch end, dur := ev.get(ical.PropDateTimeEnd), ev.get(ical.PropDuration); {
		case end != nil:
			t, _, err := rd.dateTime(end)
			if err != nil {
				return e, bad(end)
			}
			e.End = t.UTC()
		case dur != nil:
			d, err := dur.Duration()
			if err != nil {
				return e, bad(dur)
			}
			e.End = e.Start.Add(d)
		case date:
			e.End = start.AddDate(0, 0, 1).UTC()
		default:
			e.End = e.Start
		}
		if e.End.Before(e.Start) {
			e.End = e.Start
		}
	}

	status := strings.TrimSpace(textValue(ev.get(ical.PropStatus)))
	e.Canceled = strings.EqualFold(status, "CANCELLED") || strings.EqualFold(status, "CANCELED")
	e.Recurring = ev.get(ical.PropRecurrenceRule) != nil || ev.get(ical.PropRecurrenceDates) != nil
	if p := ev.get(ical.PropOrganizer); p != nil {
		e.Organizer = partyOf(p)
	}
	for i := range ev {
		p := &ev[i]
		if p.Name != ical.PropAttendee {
			continue
		}
		switch strings.ToUpper(p.Params.Get(ical.ParamCalendarUserType)) {
		case "ROOM", "RESOURCE":
			continue
		}
		e.Attendees = append(e.Attendees, partyOf(p))
	}
	return e, nil
}

// dateTime parses a DTSTART or DTEND with go-ical, in the zone its TZID
// names as resolved by zone, and reports whether it is a date.
func (rd *reader) dateTime(prop *ical.Prop) (time.Time, bool, error) {
	p := ical.Prop{Name: prop.Name, Value: strings.TrimSpace(prop.Value), Params: ical.Params{}}
	vt := strings.ToUpper(prop.Params.Get(ical.ParamValue))
	date := vt == string(ical.ValueDate) || vt == "" && len(p.Value) == len("20060102")
	if date {
		p.Params.Set(ical.ParamValue, string(ical.ValueDate))
	} else if vt != "" {
		p.Params.Set(ical.ParamValue, vt)
	}
	loc := rd.local
	if tz := prop.Params.Get(ical.ParamTimezoneID); tz != "" && !date {
		loc = rd.zone(tz)
	}
	t, err := p.DateTime(loc)
	return t, date, err
}

// zone resolves a TZID: an IANA name, a Windows name from windowsZones, a
// path ending in an IANA name, "Local" as the local zone; else UTC.
func (rd *reader) zone(tzid string) *time.Location {
	if loc, ok := rd.zones[tzid]; ok {
		return loc
	}
	loc := time.UTC
	name := strings.TrimSpace(tzid)
	if iana, ok := windowsZones[strings.ToLower(name)]; ok {
		name = iana
	}
	if strings.EqualFold(name, "Local") {
		loc = rd.local
	} else if l, err := time.LoadLocation(name); err == nil && name != "" {
		loc = l
	} else {
		// "/mozilla.org/20070129_1/Europe/Berlin": try what follows each
		// slash, keeping at least one slash ("Europe/Berlin").
		for i, tries := strings.IndexByte(name, '/'), 0; i >= 0 && tries < 8; tries++ {
			name = name[i+1:]
			i = strings.IndexByte(name, '/')
			if i < 0 {
				break
			}
			if l, err := time.LoadLocation(name); err == nil {
				loc = l
				break
			}
		}
	}
	rd.zones[tzid] = loc
	return loc
}

// windowsZones maps the Windows time zone names Outlook writes as TZIDs
// (lower-cased) to IANA zones, after the "001" rows of CLDR's
// windowsZones.xml: the zones most calendars are in, not every one.
var windowsZones = map[string]string{
	"utc":                             "UTC",
	"hawaiian standard time":          "Pacific/Honolulu",
	"alaskan standard time":           "America/Anchorage",
	"pacific standard time":           "America/Los_Angeles",
	"us mountain standard time":       "America/Phoenix",
	"mountain standard time":          "America/Denver",
	"central standard time":           "America/Chicago",
	"central standard time (mexico)":  "America/Mexico_City",
	"canada central standard time":    "America/Regina",
	"eastern standard time":           "America/New_York",
	"sa pacific standard time":        "America/Bogota",
	"atlantic standard time":          "America/Halifax",
	"e. south america standard time":  "America/Sao_Paulo",
	"argentina standard time":         "America/Argentina/Buenos_Aires",
	"greenwich standard time":         "Atlantic/Reykjavik",
	"gmt standard time":               "Europe/London",
	"w. europe standard time":         "Europe/Berlin",
	"romance standard time":           "Europe/Paris",
	"central europe standard time":    "Europe/Budapest",
	"central european standard time":  "Europe/Warsaw",
	"w. central africa standard time": "Africa/Lagos",
	"morocco standard time":           "Africa/Casablanca",
	"gtb standard time":               "Europe/Bucharest",
	"fle standard time":               "Europe/Kyiv",
	"e. europe standard time":         "Europe/Chisinau",
	"egypt standard time":             "Africa/Cairo",
	"south africa standard time":      "Africa/Johannesburg",
	"israel standard time":            "Asia/Jerusalem",
	"turkey standard time":            "Europe/Istanbul",
	"russian standard time":           "Europe/Moscow",
	"arab standard time":              "Asia/Riyadh",
	"arabian standard time":           "Asia/Dubai",
	"pakistan standard time":          "Asia/Karachi",
	"india standard time":             "Asia/Kolkata",
	"se asia standard time":           "Asia/Bangkok",
	"singapore standard time":         "Asia/Singapore",
	"china standard time":             "Asia/Shanghai",
	"taipei standard time":            "Asia/Taipei",
	"tokyo standard time":             "Asia/Tokyo",
	"korea standard time":             "Asia/Seoul",
	"w. australia standard time":      "Australia/Perth",
	"cen. australia standard time":    "Australia/Adelaide",
	"e. australia standard time":      "Australia/Brisbane",
	"aus eastern standard time":       "Australia/Sydney",
	"new zealand standard time":       "Pacific/Auckland",
}

// partyOf reads an ORGANIZER or ATTENDEE.
func partyOf(p *ical.Prop) model.CalendarParty {
	var party model.CalendarParty
	v := strings.TrimSpace(p.Value)
	if len(v) >= 7 && strings.EqualFold(v[:7], "mailto:") {
		party.Email = strings.TrimSpace(v[7:])
	} else {
		party.Email = strings.TrimSpace(p.Params.Get(ical.ParamEmail))
	}
	party.Email = oneLine(party.Email)
	party.Name = oneLine(p.Params.Get(ical.ParamCommonName))
	if strings.EqualFold(party.Name, party.Email) {
		party.Name = ""
	}
	party.Declined = strings.EqualFold(strings.TrimSpace(p.Params.Get(ical.ParamParticipationStatus)), "DECLINED")
	return party
}

// textValue unescapes a TEXT value leniently: \\ \; \, \n and \N as RFC
// 5545 says, any other escaped character as itself, a trailing backslash
// kept. go-ical's Text stops at the first unescaped comma and fails on an
// unknown escape, both common in real files.
func textValue(p *ical.Prop) string {
	if p == nil {
		return ""
	}
	if !strings.Contains(p.Value, `\`) {
		return p.Value
	}
	var sb strings.Builder
	for i := 0; i < len(p.Value); i++ {
		c := p.Value[i]
		if c == '\\' && i+1 < len(p.Value) {
			i++
			c = p.Value[i]
			if c == 'n' || c == 'N' {
				c = '\n'
			}
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// oneLine makes text a single line: control characters (line breaks and
// tabs among them) become spaces, runs of white space one space, and
// surrounding space goes.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
