package ics

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Lint checks an iCalendar file byte by byte for the mistakes calendars
// punish, and returns one error per problem, naming its line (1-based,
// physical lines; a folded property is reported at its first line):
//
//   - a line ending other than CRLF (a bare LF or CR), or a last line
//     without one;
//   - a line longer than 75 octets;
//   - a line that is not valid UTF-8 (which is also how a fold that split a
//     rune shows);
//   - a TZID= parameter with no VTIMEZONE of that TZID in the file;
//   - a DTSTAMP not in UTC (not ending in Z);
//   - a VEVENT without exactly one UID, or a UID used by two VEVENTs;
//   - under METHOD:REQUEST or CANCEL, a VEVENT without an ORGANIZER or
//     without an ATTENDEE; under METHOD:PUBLISH, one without an ORGANIZER
//     (RFC 5546 §3.2).
//
// Lint is exported so that tests and fuzzers elsewhere can check what they
// export. It returns nil for a clean file.
func Lint(data []byte) []error {
	var errs []error
	add := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("line %d: "+format, append([]any{line}, args...)...))
	}

	// Physical lines.
	type physical struct {
		n    int
		text []byte
	}
	var lines []physical
	n := 1
	for start := 0; start < len(data); {
		end := start
		for end < len(data) && data[end] != '\r' && data[end] != '\n' {
			end++
		}
		text := data[start:end]
		switch {
		case end == len(data):
			add(n, "last line does not end in CRLF")
			start = end
		case data[end] == '\n':
			add(n, "bare LF line ending (want CRLF)")
			start = end + 1
		case end+1 < len(data) && data[end+1] == '\n':
			start = end + 2
		default:
			add(n, "bare CR (want CRLF)")
			start = end + 1
		}
		if len(text) > MaxLine {
			add(n, "%d octets long (at most %d)", len(text), MaxLine)
		}
		if !utf8.Valid(text) {
			add(n, "not valid UTF-8 (a fold may split a character)")
		}
		lines = append(lines, physical{n, text})
		n++
	}

	// Logical lines, unfolded.
	type logical struct {
		n    int
		text string
	}
	var props []logical
	for _, l := range lines {
		if len(l.text) > 0 && (l.text[0] == ' ' || l.text[0] == '\t') && len(props) > 0 {
			props[len(props)-1].text += string(l.text[1:])
			continue
		}
		if len(bytes.TrimSpace(l.text)) == 0 {
			continue
		}
		props = append(props, logical{l.n, string(l.text)})
	}

	type tzUse struct {
		n    int
		tzid string
	}
	type vevent struct {
		n                   int
		uids, orgs, attends int
	}
	var (
		method  string
		stack   []string
		zones   = map[string]bool{}
		uses    []tzUse
		events  []*vevent
		cur     *vevent
		uidLine = map[string]int{}
	)
	for _, p := range props {
		name, params, value := splitLine(p.text)
		inside := ""
		if len(stack) > 0 {
			inside = stack[len(stack)-1]
		}
		switch name {
		case "BEGIN":
			v := strings.ToUpper(value)
			stack = append(stack, v)
			if v == "VEVENT" {
				cur = &vevent{n: p.n}
				events = append(events, cur)
			}
		case "END":
			if len(stack) > 0 {
				if stack[len(stack)-1] == "VEVENT" {
					cur = nil
				}
				stack = stack[:len(stack)-1]
			}
		case "METHOD":
			if inside == "VCALENDAR" {
				method = strings.ToUpper(value)
			}
		case "TZID":
			if inside == "VTIMEZONE" {
				zones[value] = true
			}
		case "DTSTAMP":
			if !strings.HasSuffix(value, "Z") {
				add(p.n, "DTSTAMP %q is not in UTC (must end in Z)", value)
			}
		case "UID":
			if inside == "VEVENT" && cur != nil {
				cur.uids++
				if first, ok := uidLine[value]; ok {
					add(p.n, "UID %q already used on line %d", value, first)
				} else {
					uidLine[value] = p.n
				}
			}
		case "ORGANIZER":
			if inside == "VEVENT" && cur != nil {
				cur.orgs++
			}
		case "ATTENDEE":
			if inside == "VEVENT" && cur != nil {
				cur.attends++
			}
		}
		for _, tzid := range params["TZID"] {
			uses = append(uses, tzUse{p.n, tzid})
		}
	}
	for _, u := range uses {
		if !zones[u.tzid] {
			add(u.n, "TZID=%s has no VTIMEZONE", u.tzid)
		}
	}
	for _, ev := range events {
		if ev.uids != 1 {
			add(ev.n, "VEVENT has %d UIDs (want exactly 1)", ev.uids)
		}
		if method == "REQUEST" || method == "CANCEL" {
			if ev.orgs == 0 {
				add(ev.n, "VEVENT of a METHOD:%s has no ORGANIZER", method)
			}
			if ev.attends == 0 {
				add(ev.n, "VEVENT of a METHOD:%s has no ATTENDEE", method)
			}
		}
		if method == "PUBLISH" && ev.orgs == 0 {
			add(ev.n, "VEVENT of a METHOD:PUBLISH has no ORGANIZER")
		}
	}
	return errs
}

// splitLine splits an unfolded content line into its upper-cased name,
// its parameters (names upper-cased, values unquoted) and its value. It is
// lenient: a malformed line yields what could be read.
func splitLine(s string) (name string, params map[string][]string, value string) {
	i := strings.IndexAny(s, ";:")
	if i < 0 {
		return strings.ToUpper(s), nil, ""
	}
	name = strings.ToUpper(s[:i])
	s = s[i:]
	for len(s) > 0 && s[0] == ';' {
		s = s[1:]
		eq := strings.IndexAny(s, "=;:")
		if eq < 0 || s[eq] != '=' {
			break
		}
		pname := strings.ToUpper(s[:eq])
		s = s[eq+1:]
		for {
			var v string
			if strings.HasPrefix(s, `"`) {
				end := strings.IndexByte(s[1:], '"')
				if end < 0 {
					return name, params, ""
				}
				v, s = s[1:1+end], s[2+end:]
			} else {
				end := strings.IndexAny(s, ",;:")
				if end < 0 {
					end = len(s)
				}
				v, s = s[:end], s[end:]
			}
			if params == nil {
				params = map[string][]string{}
			}
			params[pname] = append(params[pname], v)
			if !strings.HasPrefix(s, ",") {
				break
			}
			s = s[1:]
		}
	}
	if strings.HasPrefix(s, ":") {
		value = s[1:]
	}
	return name, params, value
}
