package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Capture is what one quick-capture line asks to save: an interaction, the
// promises made at it, and a one-line preview of exactly that.
type Capture struct {
	Interaction Interaction
	Promises    []Promise // InteractionID is set when saved
	Preview     string
}

// CaptureResult is what saving a Capture created, so that it can be undone.
type CaptureResult struct {
	InteractionID int64
	PromiseIDs    []int64
}

// CaptureError says which part of a quick-capture line could not be read
// and, for a name, whom it could have meant.
type CaptureError struct {
	Part       string   // the words that could not be read, as typed
	Problem    string   // what is wrong with them
	Candidates []string // full names the part could mean, if any
}

// Error is the part, the problem and the candidates in one line.
func (e *CaptureError) Error() string {
	msg := fmt.Sprintf("%q: %s", e.Part, e.Problem)
	if len(e.Candidates) > 0 {
		msg += " (" + strings.Join(e.Candidates, ", ") + ")"
	}
	return msg
}

// CaptureHelp is the grammar of a quick-capture line, for help texts.
const CaptureHelp = `KIND with NAME[, NAME…] [WHEN][: SUMMARY]` +
	` then any number of "; I owe [her|him|them|NAME] WHAT [by WHEN]" or "; NAME owes me WHAT [by WHEN]"`

// ParseCapture reads one quick-capture line (see CaptureHelp), such as
//
//	coffee with Helena yesterday: the reorg; I owe her the migration plan by Fri
//
// against people (only the active ones are matched), relative to now. The
// interaction's WHEN looks back (DatePast) and defaults to today; a promise's
// "by WHEN" looks ahead (DateAhead). Names match a full name, a first or last
// name, or the start of a name, ignoring case and accents. It does no I/O;
// on any error it returns an empty Capture and a *CaptureError.
func ParseCapture(line string, people []Person, now time.Time) (Capture, error) {
	r := captureReader{all: people, now: now}
	parts := strings.Split(line, ";")
	if err := r.head(parts[0]); err != nil {
		return Capture{}, err
	}
	for _, part := range parts[1:] {
		if strings.TrimSpace(part) == "" {
			continue
		}
		if err := r.promise(part); err != nil {
			return Capture{}, err
		}
	}
	c := Capture{Interaction: r.interaction, Promises: r.promises}
	if err := c.Interaction.Validate(); err != nil {
		return Capture{}, &CaptureError{Part: strings.TrimSpace(parts[0]), Problem: err.Error()}
	}
	for i, p := range c.Promises {
		if err := p.Validate(); err != nil {
			return Capture{}, &CaptureError{Part: r.promiseParts[i], Problem: err.Error()}
		}
	}
	c.Preview = r.preview()
	return c, nil
}

// captureReader holds what has been read of a line so far.
type captureReader struct {
	all          []Person // the people given, the trash included
	people       []Person // the active ones, found when a name is first read
	now          time.Time
	interaction  Interaction
	with         []Person // the interaction's people, in the order typed
	promises     []Promise
	promiseParts []string // the part of the line each promise came from
}

// active is the people a name may stand for: found once, when the line
// first names someone, so that a line that is no capture (a search typed
// in the same box) costs no pass over thousands of people.
func (r *captureReader) active() []Person {
	if r.people == nil {
		r.people = activePeople(r.all)
	}
	return r.people
}

// activePeople are the people not in the trash that have been saved:
// people itself when all are, as they usually are, else a copy of those.
func activePeople(people []Person) []Person {
	if !slices.ContainsFunc(people, func(p Person) bool { return !p.ArchivedAt.IsZero() || p.ID <= 0 }) {
		return people
	}
	out := make([]Person, 0, len(people))
	for _, p := range people {
		if p.ArchivedAt.IsZero() && p.ID > 0 {
			out = append(out, p)
		}
	}
	return out
}

// head reads "KIND with NAME, NAME WHEN: SUMMARY".
func (r *captureReader) head(head string) error {
	words := strings.Fields(head)
	if len(words) == 0 {
		return &CaptureError{Part: head, Problem: "is empty; start with what it was, like: coffee with Helena yesterday"}
	}
	kind, n := captureKind(words)
	if n == 0 {
		return &CaptureError{Part: words[0], Problem: "is not a kind of contact", Candidates: captureKindWords}
	}
	if n < len(words) && captureConnectors[Fold(words[n])] {
		n++
	}
	rest := strings.Join(words[n:], " ")
	who, summary, _ := strings.Cut(rest, ":")
	summary = strings.TrimSpace(summary)
	if summary == "" {
		summary = kind.summary
	}
	if err := r.whoAndWhen(who); err != nil {
		return err
	}
	r.interaction.Kind, r.interaction.Summary = kind.kind, summary
	return nil
}

// whoAndWhen reads "Helena, Daniel and Kenji last Friday".
func (r *captureReader) whoAndWhen(text string) error {
	segments := captureSplitNames(text)
	if len(segments) == 0 {
		return &CaptureError{Part: text, Problem: "names no one; say with whom, like: coffee with Helena"}
	}
	day := Day(r.now)
	last := strings.Fields(segments[len(segments)-1])
	if d, err := ParseDate(strings.Join(last, " "), r.now, DatePast); err == nil && len(segments) > 1 {
		day, segments = d, segments[:len(segments)-1]
	} else {
		for i := 1; i < len(last); i++ {
			if d, err := ParseDate(strings.Join(last[i:], " "), r.now, DatePast); err == nil {
				day, segments[len(segments)-1] = d, strings.Join(last[:i], " ")
				break
			}
		}
	}
	if day.After(Day(r.now)) {
		return &CaptureError{Part: text, Problem: fmt.Sprintf("%s is in the future: log what has happened", DateReadBack(day, r.now))}
	}
	for _, name := range segments {
		p, err := matchPerson(name, r.active(), false)
		if err != nil {
			return err
		}
		for _, q := range r.with {
			if q.ID == p.ID {
				return &CaptureError{Part: name, Problem: "is named twice"}
			}
		}
		r.with = append(r.with, p)
		r.interaction.PersonIDs = append(r.interaction.PersonIDs, p.ID)
	}
	r.interaction.At = captureAt(day, r.now)
	return nil
}

// captureSplitNames splits "Helena, Daniel and Kenji yesterday" into its
// names, the last keeping whatever follows it.
func captureSplitNames(text string) []string {
	var out []string
	for _, seg := range strings.Split(text, ",") {
		var cur []string
		for _, w := range strings.Fields(seg) {
			if f := Fold(w); f == "and" || f == "&" {
				if len(cur) > 0 {
					out = append(out, strings.Join(cur, " "))
				}
				cur = nil
				continue
			}
			cur = append(cur, w)
		}
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
		}
	}
	return out
}

// captureAt places a contact logged for day: now when day is today, else
// noon in now's location, as the Log dialog does.
func captureAt(day, now time.Time) time.Time {
	if Day(now).Equal(day) {
		return now
	}
	return time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, now.Location())
}

// preview describes the capture in one line.
func (r *captureReader) preview() string {
	names := make([]string, len(r.with))
	for i, p := range r.with {
		names[i] = p.Name
	}
	label := r.interaction.Kind.Label()
	if r.interaction.Kind == KindOther && r.interaction.Summary != "" {
		label = r.interaction.Summary
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s with %s, %s", label, captureList(names), captureDayWords(Day(r.interaction.At), r.now))
	if s := r.interaction.Summary; s != "" && s != label {
		fmt.Fprintf(&b, ": %q", s)
	}
	for _, p := range r.promises {
		who := r.shortName(p.PersonID)
		if p.Direction == DirectionMine {
			fmt.Fprintf(&b, " · Promise: you owe %s %q", who, p.What)
		} else {
			fmt.Fprintf(&b, " · Promise: %s owes you %q", who, p.What)
		}
		if p.DueOn.IsZero() {
			b.WriteString(", no due date")
		} else {
			b.WriteString(", due " + DateReadBack(p.DueOn, r.now))
		}
	}
	return b.String()
}

// shortName is a person's first name, or the full name when another active
// person has the same first name.
func (r *captureReader) shortName(id int64) string {
	var name string
	for _, p := range r.active() {
		if p.ID == id {
			name = p.Name
		}
	}
	first := firstName(name)
	for _, p := range r.active() {
		if p.ID != id && Fold(firstName(p.Name)) == Fold(first) {
			return name
		}
	}
	return first
}

// firstName is the first word of name, or name when it has none.
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}

// captureList joins names as "A", "A and B", "A, B and C".
func captureList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// captureDayWords is "today", "yesterday" or the read-back of day.
func captureDayWords(day, now time.Time) string {
	switch DaysBetween(now, day) {
	case 0:
		return "today"
	case -1:
		return "yesterday"
	}
	return DateReadBack(day, now)
}
