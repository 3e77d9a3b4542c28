package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// AgendaInput is what DraftAgenda knows about a meeting.
type AgendaInput struct {
	Kind MeetingKind
	// Person is whom the meeting is with. Only Name, WorkingOn and Needs
	// are read (and ID, to leave out promises with someone else); Notes
	// never.
	Person Person
	// Promises are the promises with this person, of any status; only the
	// pending ones (open or renegotiated) appear. Their Notes never do.
	Promises []Promise
	// AskAbout are the career gaps this person advises on, as topic
	// phrases ("stakeholder management"); empty until the career planner
	// exists.
	AskAbout []string
	// Now is when the agenda is drafted; due dates are put in words
	// relative to it.
	Now time.Time
}

// AgendaMaxQuote is the most runes of the person's own words (WorkingOn,
// Needs) an agenda quotes; longer text is cut at a word boundary and ends
// with "…".
const AgendaMaxQuote = 280

// DraftAgenda is the agenda text, plain text with short sections separated
// by blank lines, for the user to edit before it goes into a calendar invite
// the other person will see:
//
//	Hi Dana — coffee to catch up.
//
//	What you are working on
//	Last time: migrating billing to the new platform — how is it going?
//
//	What you need
//	What would make the biggest difference for you right now?
//
//	How can I help?
//
//	Following up
//	I owe you: the migration plan, due Thursday
//	You offered: an intro to the data team (we said 3 Nov)
//
//	I'd value your advice on: stakeholder management, budgeting
//
// Sections with nothing to say are left out, except "How can I help?". It
// holds nothing private: not the person's notes, not the notes on promises,
// nothing from the disclosures log. Lines are trimmed, carriage returns
// become line feeds, there is never more than one blank line in a row and
// no newline at the end. The user's own checklist is AgendaReminders.
func DraftAgenda(in AgendaInput) string {
	name := agendaFirstName(in.Person.Name)
	sections := []string{
		agendaPurpose(in.Kind, name),
		agendaQuote("What you are working on", in.Person.WorkingOn,
			"how is it going?", "What are you working on these days?"),
		agendaQuote("What you need", in.Person.Needs,
			"is that still what you need?", "What would make the biggest difference for you right now?"),
		"How can I help?",
		agendaPromises(in),
		agendaAdvice(in.AskAbout),
	}
	var b strings.Builder
	for _, s := range sections {
		if s = agendaTidy(s); s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	return b.String()
}

// AgendaReminders is the user's own checklist for a meeting, for the screen
// to show beside the agenda. It is never part of the agenda nor exported.
func AgendaReminders() []string {
	return []string{
		"Listen most of the time: ask, then ask a follow-up.",
		"Note any promise made, either way, before you leave.",
		"Offer one concrete way to help.",
	}
}

// agendaPurpose is the opening line: "Hi Dana — coffee to catch up.", or
// without a name "Coffee to catch up."
func agendaPurpose(kind MeetingKind, name string) string {
	var what string
	switch kind {
	case MeetingCoffee:
		what = "coffee to catch up."
	case MeetingExploratory:
		what = "a chance to learn what you are working on and where I can help."
	case MeetingOneOnOne:
		what = "our one-on-one: your priorities, and where I can help."
	case MeetingLunch:
		what = "lunch to catch up."
	default:
		what = "time to catch up."
	}
	if name == "" {
		return agendaCapital(what)
	}
	return "Hi " + name + " — " + what
}

// agendaHonorifics are the titles before a name that make "Dr. Priya Raman"
// "Dr. Raman" rather than "Dr.".
var agendaHonorifics = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "miss": true,
	"prof": true, "professor": true, "sir": true, "dame": true,
}

// agendaFirstName is how the agenda addresses a person: the first word of
// their name ("Dana Whitfield" is "Dana"; "Whitfield, Dana" is "Dana"), or
// the title and last word when the name starts with one ("Dr. Raman").
func agendaFirstName(name string) string {
	if last, first, ok := strings.Cut(name, ","); ok && len(strings.Fields(first)) > 0 {
		name = first + " " + last
	}
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	if agendaHonorifics[strings.ToLower(strings.TrimSuffix(f[0], "."))] {
		if len(f) == 1 {
			return ""
		}
		return f[0] + " " + f[len(f)-1]
	}
	return f[0]
}

// agendaQuote is a section quoting what the person said last time, followed
// by a question, or asking open when they said nothing yet:
//
//	What you are working on
//	Last time: migrating billing — how is it going?
func agendaQuote(heading, said, followUp, open string) string {
	said = agendaCut(agendaLines(said), AgendaMaxQuote)
	var body string
	switch {
	case said == "":
		body = open
	case strings.Contains(said, "\n"):
		body = "Last time:\n" + said + "\n" + agendaCapital(followUp)
	case strings.ContainsAny(agendaLastRune(said), ".!?…"):
		body = "Last time: " + said + " " + agendaCapital(followUp)
	default:
		body = "Last time: " + said + " — " + followUp
	}
	return heading + "\n" + body
}

// agendaPromises is the section of pending promises with the person: what
// I owe them first, then what they offered me, each soonest due first and
// those with no date last.
func agendaPromises(in AgendaInput) string {
	var mine, theirs []Promise
	for _, p := range in.Promises {
		if !p.Status.Pending() || agendaLine(p.What) == "" {
			continue
		}
		if in.Person.ID != 0 && p.PersonID != 0 && p.PersonID != in.Person.ID {
			continue // someone else's promise has no place here
		}
		switch p.Direction {
		case DirectionMine:
			mine = append(mine, p)
		case DirectionTheirs:
			theirs = append(theirs, p)
		}
	}
	if len(mine)+len(theirs) == 0 {
		return ""
	}
	lines := []string{"Following up"}
	for _, p := range agendaSorted(mine) {
		lines = append(lines, "I owe you: "+agendaPromise(p, in.Now, "due", "an update"))
	}
	for _, p := range agendaSorted(theirs) {
		lines = append(lines, "You offered: "+agendaPromise(p, in.Now, "by", ""))
	}
	return strings.Join(lines, "\n")
}

// agendaSorted sorts promises soonest due first, undated last, then by when
// they were made and by ID.
func agendaSorted(ps []Promise) []Promise {
	slices.SortStableFunc(ps, func(a, b Promise) int {
		if a.DueOn.IsZero() != b.DueOn.IsZero() {
			if a.DueOn.IsZero() {
				return 1
			}
			return -1
		}
		if c := Day(a.DueOn).Compare(Day(b.DueOn)); c != 0 {
			return c
		}
		if c := Day(a.MadeOn).Compare(Day(b.MadeOn)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return ps
}

// agendaPromise is a promise in words: "the migration plan, due Thursday",
// or when overdue "the migration plan (was due 12 Nov; an update)" for mine
// and "an intro to Sam (we said 3 Nov)" for theirs.
func agendaPromise(p Promise, now time.Time, prep, overdueNote string) string {
	what := agendaToReader(agendaPhrase(p.What))
	if p.DueOn.IsZero() {
		return what
	}
	if now.IsZero() {
		return what + ", " + prep + " " + Day(p.DueOn).Format("2 Jan 2006")
	}
	if DaysBetween(now, p.DueOn) >= 0 {
		return what + ", " + prep + " " + DueWords(p.DueOn, now)
	}
	date := Day(p.DueOn).Format("2 Jan")
	if Day(p.DueOn).Year() != Day(now).Year() {
		date = Day(p.DueOn).Format("2 Jan 2006")
	}
	if overdueNote == "" {
		return what + " (we said " + date + ")"
	}
	return what + " (was due " + date + "; " + overdueNote + ")"
}

// agendaSecondPerson is what each third-person pronoun becomes when the
// person it stands for reads it. "her" is decided by agendaHer.
var agendaSecondPerson = map[string]string{
	"his": "your", "him": "you", "himself": "yourself",
	"hers": "yours", "herself": "yourself",
}

// agendaHerObject are the words after which "her" is an object ("send her
// the deck", "intro her to Sam") rather than a possessive ("review her
// doc").
var agendaHerObject = map[string]bool{
	"the": true, "a": true, "an": true, "to": true, "about": true, "with": true, "for": true,
	"on": true, "in": true, "at": true, "and": true, "or": true, "by": true, "from": true,
	"up": true, "back": true, "know": true, "that": true, "this": true, "some": true,
	"my": true, "our": true, "what": true, "how": true, "when": true, "if": true, "again": true,
}

// agendaToReader rewrites a promise the user wrote about the person in the
// third person ("Review his payments API doc", "Send her the deck") for
// the person who reads the invite ("Review your payments API doc", "Send
// you the deck"): his, him, her, hers, himself and herself become your,
// you, yourself; "her" is "you" before an article, a preposition or the
// end, else "your". A capital stays a capital; nothing else changes, and
// he, she, they and them are left alone (they often mean someone else).
func agendaToReader(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		start := strings.IndexFunc(w, unicode.IsLetter)
		if start < 0 {
			continue
		}
		end := start + strings.IndexFunc(w[start:], func(r rune) bool { return !unicode.IsLetter(r) })
		if end < start {
			end = len(w)
		}
		core := w[start:end]
		lower := strings.ToLower(core)
		to, ok := agendaSecondPerson[lower]
		if lower == "her" {
			to, ok = "your", true
			if end < len(w) || i == len(words)-1 || agendaHerObject[strings.ToLower(strings.Trim(words[i+1], ".,;:!?"))] {
				to = "you"
			}
		}
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(core); unicode.IsUpper(r) {
			to = agendaCapital(to)
		}
		words[i] = w[:start] + to + w[end:]
	}
	return strings.Join(words, " ")
}

// agendaAdvice is "I'd value your advice on: stakeholder management,
// budgeting", each topic once, or "" when there is none.
func agendaAdvice(topics []string) string {
	var seen []string
	var out []string
	for _, t := range topics {
		t = agendaPhrase(t)
		key := strings.ToLower(t)
		if t == "" || slices.Contains(seen, key) {
			continue
		}
		seen = append(seen, key)
		out = append(out, t)
	}
	if len(out) == 0 {
		return ""
	}
	return "I'd value your advice on: " + strings.Join(out, ", ")
}

// agendaNewlines turns every kind of line break into "\n": CRLF, a bare CR
// (which calendar encoders refuse), and the Unicode line and paragraph
// separators.
var agendaNewlines = strings.NewReplacer(
	"\r\n", "\n", "\r", "\n", "\v", "\n", "\f", "\n",
	"\u0085", "\n", "\u2028", "\n", "\u2029", "\n",
)

// agendaLines is text typed by the user made tidy for the agenda: each line
// trimmed, blank lines left out (a quote stays one block of its section).
func agendaLines(s string) string {
	var out []string
	for line := range strings.SplitSeq(agendaNewlines.Replace(s), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// agendaLine is text typed by the user on one line, its runs of white space
// (line breaks included) made single spaces.
func agendaLine(s string) string {
	return strings.Join(strings.Fields(agendaNewlines.Replace(s)), " ")
}

// agendaPhrase is agendaLine without the punctuation that would jar before
// what the agenda adds after it ("the plan." gives "the plan"); an ellipsis
// stays.
func agendaPhrase(s string) string {
	s = agendaLine(s)
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return s
	}
	return strings.TrimRight(s, " .,;:")
}

// agendaCut shortens text longer than limit runes to at most limit runes,
// ending at a word boundary with "…". Only a single word longer than the
// limit (a link, say) is cut inside the word.
func agendaCut(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	keep := limit - 1 // room for the ellipsis
	end := keep
	if !unicode.IsSpace(r[keep]) {
		for end > 0 && !unicode.IsSpace(r[end-1]) {
			end--
		}
		if end == 0 {
			end = keep
		}
	}
	cut := strings.TrimRightFunc(string(r[:end]), func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune(",;:.-–—", c)
	})
	if cut == "" {
		cut = string(r[:keep])
	}
	return cut + "…"
}

// agendaTidy trims every line of a section and drops blank lines at its
// start and end, so sections join with exactly one blank line between them.
func agendaTidy(s string) string {
	lines := strings.Split(agendaNewlines.Replace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	out := lines[:0]
	for _, l := range lines {
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// agendaCapital is s with its first letter in upper case.
func agendaCapital(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// agendaLastRune is the last rune of s as a string, or "" for empty s.
func agendaLastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return ""
	}
	return string(r)
}
