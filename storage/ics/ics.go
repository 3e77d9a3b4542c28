// Package ics writes meetings as iCalendar (RFC 5545) invites that Outlook,
// Google Calendar and Apple Calendar accept, and checks such files with a
// byte-level linter.
//
// Encoding goes through github.com/emersion/go-ical, which neither folds
// long lines nor sanitises parameter values: this package does both, and
// encodes into a buffer first so that a failed encode never writes half a
// calendar. One-off meetings are written in UTC; recurring ones in the
// user's IANA zone with a VTIMEZONE built from RRULEs.
package ics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"rapport/model"
)

// ProdID is the PRODID of every calendar this package writes.
const ProdID = "-//Rapport//Rapport//EN"

// Method is the iTIP method of a calendar (RFC 5546): what the receiving
// calendar should do with it.
type Method string

// The methods an Invite asks for.
const (
	// MethodPublish adds the meeting to the user's own calendar; no
	// ATTENDEE is written. RFC 5546 wants an ORGANIZER in a PUBLISH, so
	// when any invite lacks the organizer's e-mail address the calendar is
	// written without a METHOD: a plain calendar file, which every
	// calendar imports as it would a PUBLISH.
	MethodPublish Method = "PUBLISH"
	// MethodRequest is an invite to the other person: it needs an ORGANIZER
	// and an ATTENDEE, so both e-mail addresses are required. For a
	// cancelled meeting the calendar says METHOD:CANCEL instead (a REQUEST
	// may not carry STATUS:CANCELLED), so re-sending it takes the meeting
	// off the other person's calendar.
	MethodRequest Method = "REQUEST"
)

// ErrInvalid is wrapped by every error Encode returns for an invite it
// cannot write; the message names the invite and the field.
var ErrInvalid = errors.New("invalid invite")

// Party is a person on an invite: a display name and an e-mail address.
type Party struct {
	Name  string
	Email string
}

// Invite is one meeting to write as a VEVENT.
type Invite struct {
	Meeting model.Meeting
	// With is the other person: the ATTENDEE of a REQUEST, and the name in
	// the summary of a PUBLISH, which goes on the user's own calendar
	// ("Coffee with Dana Reyes").
	With Party
	// Organizer is the user: the ORGANIZER, required for a REQUEST and
	// written for a PUBLISH only when it has an e-mail address. A REQUEST
	// goes on the other person's calendar, so its summary names the
	// organizer ("Coffee with Sam Lee"), or the kind alone when the
	// organizer has no name.
	Organizer Party
	// Method must be the same for every invite in one calendar.
	Method Method
	// Zone is the user's IANA zone. Recurring meetings are written in it,
	// so it is required for them, and it must have a real name:
	// time.Local ("Local") is refused because no calendar knows it.
	Zone *time.Location
	// Now is the DTSTAMP, written in UTC. It is required.
	Now time.Time
}

// Marshal returns invites as one folded, CRLF-terminated VCALENDAR.
// See Encode.
func Marshal(invites ...Invite) ([]byte, error) {
	var cal ical.Calendar
	if err := build(&cal, invites); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(&cal); err != nil {
		return nil, fmt.Errorf("ics: %w", err)
	}
	return fold(buf.Bytes()), nil
}

// Encode writes invites to w as one VCALENDAR whose METHOD is the invites'
// common Method, with one VTIMEZONE per zone used by a recurring meeting
// and one VEVENT per invite. Lines are folded at 75 octets on rune
// boundaries and end in CRLF. Nothing is written to w unless the whole
// calendar could be encoded.
func Encode(w io.Writer, invites ...Invite) error {
	data, err := Marshal(invites...)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("ics: write: %w", err)
	}
	return nil
}

func build(cal *ical.Calendar, invites []Invite) error {
	if len(invites) == 0 {
		return fmt.Errorf("ics: no invites: %w", ErrInvalid)
	}
	method := invites[0].Method
	if method != MethodPublish && method != MethodRequest {
		return fmt.Errorf("ics: invite 1: method %q is not PUBLISH or REQUEST: %w", method, ErrInvalid)
	}
	written, err := calendarMethod(invites)
	if err != nil {
		return err
	}
	cal.Component = ical.NewComponent(ical.CompCalendar)
	cal.Props.SetText(ical.PropProductID, ProdID)
	cal.Props.SetText(ical.PropVersion, "2.0")
	if written != "" {
		cal.Props.SetText(ical.PropMethod, written)
	}

	var zones []*ical.Component
	seenZone := map[string]bool{}
	seenUID := map[string]int{}
	events := make([]*ical.Component, 0, len(invites))
	for i, inv := range invites {
		if inv.Method != method {
			return fmt.Errorf("ics: invite %d: method %q differs from %q: %w", i+1, inv.Method, method, ErrInvalid)
		}
		if first, ok := seenUID[inv.Meeting.UID]; ok {
			return fmt.Errorf("ics: invite %d: uid %q already used by invite %d: %w", i+1, inv.Meeting.UID, first, ErrInvalid)
		}
		seenUID[inv.Meeting.UID] = i + 1
		ev, err := event(inv, written)
		if err != nil {
			return fmt.Errorf("ics: invite %d: %w", i+1, err)
		}
		if inv.Meeting.Recurrence != model.RecurrenceNone && !seenZone[inv.Zone.String()] {
			seenZone[inv.Zone.String()] = true
			zones = append(zones, timezone(inv.Zone, inv.Meeting.Start.In(inv.Zone).Year()))
		}
		events = append(events, ev)
	}
	cal.Children = append(zones, events...)
	return nil
}

// calendarMethod is the METHOD a calendar of invites is written with (see
// MethodPublish and MethodRequest): "PUBLISH", "" for a publish without an
// organizer, "REQUEST", or "CANCEL" when every meeting of a request is
// cancelled. Cancelled and planned meetings cannot share a request.
func calendarMethod(invites []Invite) (string, error) {
	if invites[0].Method == MethodPublish {
		for _, inv := range invites {
			if strings.TrimSpace(inv.Organizer.Email) == "" {
				return "", nil
			}
		}
		return string(MethodPublish), nil
	}
	canceled := 0
	for _, inv := range invites {
		if inv.Meeting.Status == model.MeetingCanceled {
			canceled++
		}
	}
	switch canceled {
	case 0:
		return string(MethodRequest), nil
	case len(invites):
		return "CANCEL", nil
	}
	return "", fmt.Errorf("ics: a request cannot mix cancelled and planned meetings (%d of %d cancelled): %w",
		canceled, len(invites), ErrInvalid)
}

func invalid(field, format string, args ...any) error {
	return fmt.Errorf("%s %s: %w", field, fmt.Sprintf(format, args...), ErrInvalid)
}

// event builds the VEVENT of one invite in a calendar whose METHOD is
// method.
func event(inv Invite, method string) (*ical.Component, error) {
	m := inv.Meeting
	if strings.TrimSpace(m.UID) == "" || strings.ContainsFunc(m.UID, unicode.IsControl) || !utf8.ValidString(m.UID) {
		return nil, invalid("uid", "%q must be non-empty text without control characters", m.UID)
	}
	if m.Start.IsZero() {
		return nil, invalid("start", "is required")
	}
	if m.Duration <= 0 {
		return nil, invalid("duration", "must be positive")
	}
	if m.Sequence < 0 {
		return nil, invalid("sequence", "must not be negative")
	}
	if inv.Now.IsZero() {
		return nil, invalid("now", "is required (it is the DTSTAMP)")
	}
	if inv.Zone != nil || m.Recurrence != model.RecurrenceNone {
		if err := checkZone(inv.Zone); err != nil {
			return nil, err
		}
	}

	ev := ical.NewComponent(ical.CompEvent)
	ev.Props.SetText(ical.PropUID, m.UID)
	ev.Props.Set(&ical.Prop{Name: ical.PropSequence, Params: ical.Params{}, Value: strconv.Itoa(m.Sequence)})
	ev.Props.SetDateTime(ical.PropDateTimeStamp, inv.Now.UTC())
	summary := inviteSummary(inv)
	ev.Props.SetText(ical.PropSummary, summary)
	if loc := cleanText(m.Location); loc != "" {
		ev.Props.SetText(ical.PropLocation, loc)
	}
	if agenda := cleanText(m.Agenda); agenda != "" {
		ev.Props.SetText(ical.PropDescription, agenda)
	}
	status := "CONFIRMED"
	if m.Status == model.MeetingCanceled {
		status = "CANCELLED"
	}
	ev.Props.SetText(ical.PropStatus, status)

	switch m.Recurrence {
	case model.RecurrenceNone:
		ev.Props.SetDateTime(ical.PropDateTimeStart, m.Start.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, m.End().UTC())
	case model.RecurrenceWeekly, model.RecurrenceBiweekly, model.RecurrenceMonthly:
		start := m.Start.In(inv.Zone)
		ev.Props.SetDateTime(ical.PropDateTimeStart, start)
		ev.Props.SetDateTime(ical.PropDateTimeEnd, m.End().In(inv.Zone))
		ev.Props.Set(&ical.Prop{Name: ical.PropRecurrenceRule, Params: ical.Params{}, Value: RRule(m.Recurrence, start)})
	default:
		return nil, invalid("recurrence", "%q is not one of the recurrences", m.Recurrence)
	}

	needEmail := inv.Method == MethodRequest
	if needEmail || inv.Organizer.Email != "" {
		p, err := party("organizer", inv.Organizer)
		if err != nil {
			return nil, err
		}
		p.Name = ical.PropOrganizer
		ev.Props.Set(p)
	}
	if needEmail {
		p, err := party("attendee", inv.With)
		if err != nil {
			return nil, err
		}
		p.Name = ical.PropAttendee
		p.Params.Set(ical.ParamRole, "REQ-PARTICIPANT")
		p.Params.Set(ical.ParamParticipationStatus, "NEEDS-ACTION")
		p.Params.Set(ical.ParamRSVP, "TRUE")
		ev.Props.Add(p)
	}

	if m.ReminderMinutes < 0 {
		return nil, invalid("reminder", "must not be negative")
	}
	if m.ReminderMinutes > 0 && method != "CANCEL" { // RFC 5546 allows no VALARM in a CANCEL
		alarm := ical.NewComponent(ical.CompAlarm)
		alarm.Props.SetText(ical.PropAction, "DISPLAY")
		alarm.Props.Set(&ical.Prop{Name: ical.PropTrigger, Params: ical.Params{}, Value: fmt.Sprintf("-PT%dM", m.ReminderMinutes)})
		alarm.Props.SetText(ical.PropDescription, summary)
		ev.Children = append(ev.Children, alarm)
	}
	return ev, nil
}

// checkZone refuses a missing zone and zones without an IANA name.
func checkZone(z *time.Location) error {
	if z == nil {
		return invalid("zone", "is required for a recurring meeting")
	}
	name := z.String()
	if name == "" || name == "Local" || strings.ContainsFunc(name, func(r rune) bool {
		return unicode.IsControl(r) || unicode.IsSpace(r) || strings.ContainsRune(`";:,`, r)
	}) {
		return invalid("zone", "%q is not an IANA zone name (load it with time.LoadLocation)", name)
	}
	return nil
}

// Summary is the SUMMARY of a meeting with the named person: the kind's
// label, " with " and the name ("Coffee with Dana Reyes"), or the label
// alone when the name is blank. Text is cleaned as for every TEXT value
// (see the package's cleanText rules: CR and CRLF become LF, other control
// characters but TAB and LF are dropped, invalid UTF-8 is replaced).
func Summary(m model.Meeting, with string) string {
	name := strings.TrimSpace(cleanText(with))
	if name == "" {
		return m.Kind.Label()
	}
	return m.Kind.Label() + " with " + name
}

// inviteSummary is the SUMMARY of inv as its reader sees it: a PUBLISH
// goes on the user's calendar and names the other person ("Coffee with
// Priya Shah"); a REQUEST goes on the other person's and names the user,
// the organizer ("Coffee with Avery Quinn"), or says the kind alone when
// the user has no name.
func inviteSummary(inv Invite) string {
	if inv.Method == MethodRequest {
		return Summary(inv.Meeting, inv.Organizer.Name)
	}
	return Summary(inv.Meeting, inv.With.Name)
}

// RRule is the RRULE value of a meeting recurring as r from start (in the
// zone it is written in):
//
//	weekly:   FREQ=WEEKLY;BYDAY=TU
//	biweekly: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU
//	monthly:  FREQ=MONTHLY;BYDAY=2TU
//
// "Monthly on the same weekday" takes the weekday's ordinal in the start's
// month (1 to 4); a start on the 5th such weekday (day 29 or later) becomes
// the last one, -1TU, because most months have no 5th. A 4th weekday that
// happens to be the month's last stays 4.
func RRule(r model.Recurrence, start time.Time) string {
	day := weekdays[start.Weekday()]
	switch r {
	case model.RecurrenceWeekly:
		return "FREQ=WEEKLY;BYDAY=" + day
	case model.RecurrenceBiweekly:
		return "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day
	case model.RecurrenceMonthly:
		n := (start.Day()-1)/7 + 1
		if n == 5 {
			n = -1
		}
		return "FREQ=MONTHLY;BYDAY=" + strconv.Itoa(n) + day
	}
	return ""
}

var weekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// party builds the ORGANIZER or ATTENDEE property of p (its name is set
// by the caller), checking the e-mail address and sanitising the CN.
func party(field string, p Party) (*ical.Prop, error) {
	email := strings.TrimSpace(p.Email)
	if !validEmail(email) {
		return nil, invalid(field+" email", "%q is missing or not a plain address like name@example.com", p.Email)
	}
	prop := &ical.Prop{Params: ical.Params{}, Value: "mailto:" + email}
	if cn := cleanParam(p.Name); cn != "" {
		prop.Params.Set(ical.ParamCommonName, cn)
	}
	return prop, nil
}

// validEmail accepts a plain addr-spec: one @, a non-empty local part and
// a dotted-or-not domain, no white space, controls or characters that
// would need quoting in a URI or a content line.
func validEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || at == len(s)-1 {
		return false
	}
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`"(),:;<>[\]?#%/`, r) {
			return false
		}
	}
	return true
}

// cleanText prepares a TEXT value for go-ical: invalid UTF-8 becomes
// U+FFFD, CRLF and lone CR become LF (go-ical refuses CR and escapes LF as
// \n), and the other control characters RFC 5545 forbids in TEXT (all but
// TAB and LF) are dropped.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && isControl(r) {
			return -1
		}
		return r
	}, s)
}

// cleanParam prepares a parameter value such as CN: invalid UTF-8 becomes
// U+FFFD, every control character (CR and LF included, so a name can never
// start a new property) is dropped, a DQUOTE becomes an apostrophe (no
// escape exists for it) and surrounding spaces are trimmed. go-ical then
// DQUOTE-quotes the value when it contains ':', ';' or ','.
func cleanParam(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case r == '\t':
			return ' '
		case isControl(r):
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// isControl reports the CONTROL characters of RFC 5545 (C0 and DEL) and
// the C1 controls.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }
