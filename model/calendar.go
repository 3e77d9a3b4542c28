package model

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// CalendarParty is the organizer or an attendee of a calendar event, as
// the calendar file names them. Either field may be empty.
type CalendarParty struct {
	// Name is the display name (the CN parameter), single-line.
	Name string
	// Email is the address without "mailto:", as written in the file.
	Email string
	// Declined is true when the party answered no (PARTSTAT=DECLINED):
	// they were not there, so they are not matched to anyone.
	Declined bool
}

// CalendarEvent is one event read from a calendar file (a VEVENT): what
// MatchEvents needs to decide whether it was a meeting with people the
// user knows.
type CalendarEvent struct {
	// UID is the event's identifier in its calendar. Occurrences of a
	// repeating event that were moved share their series' UID.
	UID string
	// Summary is the event's title, single-line.
	Summary string
	// Location is where it took place, single-line; often a room or a
	// video-call link.
	Location string
	// Start is when the event began, in UTC; zero when the file gave no
	// start.
	Start time.Time
	// End is when it ended, in UTC; never before Start.
	End time.Time
	// AllDay is true for a date-only event (a holiday, a trip, a
	// reminder), which has a day but no time.
	AllDay bool
	// Organizer is who sent the invitation; zero when the file names none.
	Organizer CalendarParty
	// Attendees are the invited people and groups, in file order.
	Attendees []CalendarParty
	// Canceled is true when the event was called off (STATUS:CANCELLED).
	Canceled bool
	// Recurring is true when the event repeats; only its first
	// occurrence (Start) is described.
	Recurring bool
	// Line is the 1-based line of the file where the event begins, for
	// the preview and for messages; 0 when unknown.
	Line int
}

// How MatchEvents matched the people of an event: EventMatch.By.
const (
	MatchedByEmail = "email"
	MatchedByName  = "name"
)

// Why MatchEvents will not import an event: EventMatch.Skip, checked in
// this order.
const (
	SkipNoStart   = "no start time"
	SkipCancelled = "cancelled"
	SkipDeclined  = "you declined"
	SkipAllDay    = "all-day event"
	SkipFuture    = "in the future"
	SkipNoOne     = "no attendee matches anyone you know"
)

// EventMatch is what importing one calendar event would do: the people it
// was with and the kind of interaction it would become, or why it will be
// left out.
type EventMatch struct {
	// Event is the calendar event, unchanged.
	Event CalendarEvent
	// PersonIDs are the known people the event was with, each once, in
	// the order the file names them (organizer first). They are filled
	// in even when the event is skipped, so the preview can say who.
	PersonIDs []int64
	// By is MatchedByEmail when every person was found by e-mail address
	// (at least once), MatchedByName when at least one was found by name
	// only (worth a look before confirming), and "" when nobody was found.
	By string
	// Kind is the interaction kind guessed from the summary; see
	// GuessInteractionKind.
	Kind InteractionKind
	// Skip is why the event will not be imported, one of the Skip
	// constants; "" when it will be.
	Skip string
}

// Imported reports whether the event will become an interaction.
func (m EventMatch) Imported() bool { return m.Skip == "" }

// Interaction is the interaction the event becomes: its kind, its start
// as the date, its summary (trimmed and cut to the length an interaction
// summary may have, ending in "…" when cut) and its people. The event's
// description is never copied: it can be long, and private to others.
func (m EventMatch) Interaction() Interaction {
	return Interaction{
		Kind:      m.Kind,
		At:        m.Event.Start,
		Summary:   capRunes(strings.TrimSpace(strings.ToValidUTF8(strings.ReplaceAll(m.Event.Summary, "\x00", ""), "\uFFFD")), MaxShortText*5),
		PersonIDs: append([]int64(nil), m.PersonIDs...),
	}
}

// capRunes cuts s to at most n runes, the last one "…" when it was cut.
func capRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return strings.TrimSpace(s[:i]) + "…"
}

// MatchEvents decides, for each event in order, who it was with and
// whether it becomes an interaction; it returns one EventMatch per event.
//
// The parties of an event are its organizer and its attendees, leaving out
// the user (userEmail, compared without case and surrounding space) and
// anyone who declined. Each party is matched to one person:
//
//   - by e-mail address, compared without case and surrounding space,
//     when exactly one person has that address;
//   - else by name, when exactly one person has that name once case is
//     folded and runs of white space are made one space (accents count:
//     "José" is not "Jose"). A name written "Last, First", as Outlook
//     often does, is also tried as "First Last".
//
// Archived people are matched too: the meeting happened, and the
// interaction belongs in their history if they are restored. An address
// or a name shared by several people matches none of them rather than a
// guess (an address shared so falls back to the name).
//
// An event is skipped (EventMatch.Skip, first reason that applies) when it
// has no start time, was cancelled, was declined by the user (their own
// attendee entry says so), is an all-day event (those are not meetings),
// starts after now, or has no party matching anyone.
func MatchEvents(events []CalendarEvent, people []PersonSummary, userEmail string, now time.Time) []EventMatch {
	byEmail := make(map[string][]int64, len(people))
	byName := make(map[string][]int64, len(people))
	for _, p := range people {
		if e := foldEmail(p.Email); e != "" {
			byEmail[e] = appendUnique(byEmail[e], p.ID)
		}
		if n := foldName(p.Name); n != "" {
			byName[n] = appendUnique(byName[n], p.ID)
		}
	}
	user := foldEmail(userEmail)

	out := make([]EventMatch, len(events))
	for i, ev := range events {
		m := EventMatch{Event: ev, Kind: GuessInteractionKind(ev.Summary)}
		userDeclined := false
		var byMail []int64 // the people found by e-mail at least once
		parties := append([]CalendarParty{ev.Organizer}, ev.Attendees...)
		for _, p := range parties {
			if user != "" && foldEmail(p.Email) == user {
				userDeclined = userDeclined || p.Declined
				continue
			}
			if p.Declined {
				continue
			}
			id, by := matchParty(p, byEmail, byName)
			if id == 0 {
				continue
			}
			m.PersonIDs = appendUnique(m.PersonIDs, id)
			if by == MatchedByEmail {
				byMail = appendUnique(byMail, id)
			}
		}
		switch {
		case len(m.PersonIDs) == 0:
		case len(byMail) < len(m.PersonIDs):
			m.By = MatchedByName
		default:
			m.By = MatchedByEmail
		}

		switch {
		case ev.Start.IsZero():
			m.Skip = SkipNoStart
		case ev.Canceled:
			m.Skip = SkipCancelled
		case userDeclined:
			m.Skip = SkipDeclined
		case ev.AllDay:
			m.Skip = SkipAllDay
		case ev.Start.After(now):
			m.Skip = SkipFuture
		case len(m.PersonIDs) == 0:
			m.Skip = SkipNoOne
		}
		out[i] = m
	}
	return out
}

// matchParty returns the one person p is, and how they were found, or 0.
func matchParty(p CalendarParty, byEmail, byName map[string][]int64) (int64, string) {
	if ids := byEmail[foldEmail(p.Email)]; len(ids) == 1 {
		return ids[0], MatchedByEmail
	}
	name := foldName(p.Name)
	if name == "" {
		return 0, ""
	}
	if ids := byName[name]; len(ids) == 1 {
		return ids[0], MatchedByName
	}
	if last, first, ok := strings.Cut(name, ","); ok && !strings.Contains(first, ",") {
		if ids := byName[foldName(first+" "+last)]; len(ids) == 1 {
			return ids[0], MatchedByName
		}
	}
	return 0, ""
}

// foldEmail is an address as compared: trimmed, without a "mailto:", in
// lower case.
func foldEmail(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = strings.TrimSpace(s[7:])
	}
	return strings.ToLower(s)
}

// foldName is a name as compared: case folded, white space collapsed to
// single spaces, accents kept.
func foldName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ToUpper(s))), " ")
}

func appendUnique(ids []int64, id int64) []int64 {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

// GuessInteractionKind guesses the kind of interaction a meeting was from
// the words of its summary, ignoring case, trying in turn:
//
//   - "coffee" → KindCoffee;
//   - "lunch" → KindLunch;
//   - "1:1", "1-1", "1on1", "one-on-one", "one on one", "one-to-one" or
//     "one to one" → KindOneOnOne (the digits only when no other digit
//     touches them, so "11:15" is not a 1:1);
//   - anything else → KindOther.
//
// There is no plain "meeting" kind, and KindOther, worth the fewest
// credits, is the honest default: KindExploratory would credit every
// status meeting as a career conversation.
func GuessInteractionKind(summary string) InteractionKind {
	s := strings.Join(strings.FieldsFunc(strings.ToLower(summary), unicode.IsSpace), " ")
	switch {
	case strings.Contains(s, "coffee"):
		return KindCoffee
	case strings.Contains(s, "lunch"):
		return KindLunch
	case containsNumeral(s, "1:1"), containsNumeral(s, "1-1"), containsNumeral(s, "1on1"),
		strings.Contains(s, "one-on-one"), strings.Contains(s, "one on one"),
		strings.Contains(s, "one-to-one"), strings.Contains(s, "one to one"):
		return KindOneOnOne
	}
	return KindOther
}

// containsNumeral reports whether s contains tok with no digit right
// before or after it.
func containsNumeral(s, tok string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], tok)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(tok)
		if (i == 0 || !asciiDigit(s[i-1])) && (end == len(s) || !asciiDigit(s[end])) {
			return true
		}
		from = i + 1
	}
}

func asciiDigit(b byte) bool { return '0' <= b && b <= '9' }
