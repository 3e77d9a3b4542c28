package model

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// SearchQuery is what the search box (or `rapport search`) asked for,
// read by ParseSearch: words and phrases to find, and filters in plain
// words that narrow what is found.
type SearchQuery struct {
	// Words are found as word prefixes: "reo" finds "reorg". Case and
	// accents are ignored.
	Words []string
	// Phrases are found as these words in this order ("migration plan").
	Phrases []string
	// Kinds limits the hits to these kinds (is:person, is:promise...);
	// none means every kind but the frame log.
	Kinds []HitKind
	// Frame includes the frame log (what the user shared about themselves),
	// which is left out unless asked for (is:frame or frame:yes): screens
	// are often shared.
	Frame bool
	// Overdue keeps open promises whose due day has passed (is:overdue).
	Overdue bool
	// Stances keeps what is with a person of one of these stances.
	Stances []Stance
	// InfluenceMin and InfluenceMax keep what is with a person whose
	// influence is within them; 0 is no bound.
	InfluenceMin, InfluenceMax int
	// Teams keeps what is with a person whose team contains one of these
	// (folded: case and accents ignored).
	Teams []string
	// InteractionKinds keeps interactions and meetings of these kinds
	// (kind:coffee).
	InteractionKinds []InteractionKind
	// After keeps what is dated on or after this day; Before what is
	// dated strictly before this one. Zero is no bound.
	After, Before time.Time
	// Trashed finds, of people, those in the trash instead of the others
	// (the People screen's trash view sets it; nothing typed does).
	Trashed bool
}

// Empty reports whether the query asks for nothing: no words, no phrases
// and no filter. An empty query finds nothing (the box shows no results).
func (q SearchQuery) Empty() bool {
	return len(q.Words) == 0 && len(q.Phrases) == 0 && !q.Filtered()
}

// Filtered reports whether the query has a filter, which alone (without
// words) lists everything that passes it: "is:person stance:skeptic".
func (q SearchQuery) Filtered() bool {
	return len(q.Kinds) > 0 || q.Frame || q.Overdue || len(q.Stances) > 0 ||
		q.InfluenceMin > 0 || q.InfluenceMax > 0 || len(q.Teams) > 0 ||
		len(q.InteractionKinds) > 0 || !q.After.IsZero() || !q.Before.IsZero()
}

// PersonFiltered reports whether the query filters on the person a thing
// is with (stance, influence, team): things with no person are left out.
func (q SearchQuery) PersonFiltered() bool {
	return len(q.Stances) > 0 || q.InfluenceMin > 0 || q.InfluenceMax > 0 || len(q.Teams) > 0
}

// Wants reports whether hits of kind k can be found by the query: the
// kinds asked for with is: (all but the frame log when none), the frame
// log only when asked, promises only for is:overdue, interactions and
// meetings only for kind:.
func (q SearchQuery) Wants(k HitKind) bool {
	if q.Overdue && k != HitPromise {
		return false
	}
	if len(q.InteractionKinds) > 0 && k != HitInteraction && k != HitMeeting {
		return false
	}
	if len(q.Kinds) > 0 {
		for _, want := range q.Kinds {
			if want == k {
				return true
			}
		}
		return k == HitDisclosure && q.Frame
	}
	if k == HitDisclosure {
		return q.Frame
	}
	return true
}

// ParseSearch reads what was typed in the search box. Words are found as
// prefixes; "quoted words" as a phrase (a quote left open runs to the
// end). Filters, each one word "name:value" (a value with spaces may be
// quoted: team:"core platform"):
//
//   - is:person, is:interaction, is:promise, is:meeting, is:plan,
//     is:opportunity (several widen each other), is:overdue (open promises
//     past due), is:frame (only the frame log) or frame:yes (the frame log
//     too);
//   - stance:skeptic (a stance's code or name), influence:4 (also 4+ for
//     at least, 4- for at most), team:payments (team contains),
//     kind:coffee (interaction or meeting kind, code or name);
//   - before:DATE and after:DATE, with the date words of ParseDate, read
//     looking back ("after:last fri", "before:2026-11-01"; words after the
//     colon are taken while they still make a date).
//
// Bad syntax never fails: an unknown filter or a value that cannot be read
// is searched for as words.
func ParseSearch(text string, now time.Time) SearchQuery {
	var q SearchQuery
	toks := searchTokens(text)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.quoted {
			if p := strings.Join(wordsIn(strings.Fields(t.text)), " "); p != "" {
				q.Phrases = append(q.Phrases, p)
			}
			continue
		}
		name, value, ok := strings.Cut(t.text, ":")
		if ok && value == "" && t.valueQuoted == "" && i+1 < len(toks) && toks[i+1].quoted {
			ok = false // "kind:" then a separate quoted phrase: words
		}
		if ok {
			if t.valueQuoted != "" {
				value = t.valueQuoted
			}
			used, handled := q.filter(strings.ToLower(name), value, toks[i+1:], now)
			if handled {
				i += used
				continue
			}
		}
		q.Words = append(q.Words, searchWords(t.text)...)
	}
	return q
}

// searchWords splits a typed word that is not a filter into what is
// searched: "foo:bar" is the two words; one with no letter or digit
// ("*", "-") is nothing to search for.
func searchWords(s string) []string {
	return wordsIn(strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '"' }))
}

// wordsIn keeps of words those with a letter or digit.
func wordsIn(words []string) []string {
	var out []string
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, w)
		}
	}
	return out
}

// filter applies the filter name:value, reporting whether it was one it
// could read and how many of the following tokens it took (dates only).
func (q *SearchQuery) filter(name, value string, rest []searchToken, now time.Time) (used int, ok bool) {
	switch name {
	case "is":
		return 0, q.filterIs(strings.ToLower(value))
	case "frame":
		switch strings.ToLower(value) {
		case "yes", "y", "on", "true":
			q.Frame = true
			return 0, true
		}
		return 0, false
	case "stance":
		return 0, q.filterStance(value)
	case "influence":
		return 0, q.filterInfluence(value)
	case "team":
		v := Fold(strings.TrimSpace(value))
		if v == "" {
			return 0, false
		}
		q.Teams = append(q.Teams, v)
		return 0, true
	case "kind":
		return 0, q.filterKind(value)
	case "before", "after":
		day, used, ok := searchDate(value, rest, now)
		if !ok {
			return 0, false
		}
		if name == "before" {
			q.Before = day
		} else {
			q.After = day
		}
		return used, true
	}
	return 0, false
}

var isKinds = map[string]HitKind{
	"person": HitPerson, "people": HitPerson,
	"interaction": HitInteraction, "interactions": HitInteraction,
	"promise": HitPromise, "promises": HitPromise,
	"meeting": HitMeeting, "meetings": HitMeeting,
	"plan": HitPlan, "opportunity": HitOpportunity, "opportunities": HitOpportunity,
}

func (q *SearchQuery) filterIs(v string) bool {
	switch v {
	case "overdue":
		q.Overdue = true
		return true
	case "frame":
		q.Frame = true
		q.Kinds = append(q.Kinds, HitDisclosure)
		return true
	}
	k, ok := isKinds[v]
	if ok {
		q.Kinds = append(q.Kinds, k)
	}
	return ok
}

func (q *SearchQuery) filterStance(v string) bool {
	f := Fold(v)
	for _, s := range Stances() {
		if f == string(s) || f == Fold(s.Label()) {
			q.Stances = append(q.Stances, s)
			return true
		}
	}
	return false
}

func (q *SearchQuery) filterInfluence(v string) bool {
	lo, hi := 0, 0
	n, err := strconv.Atoi(strings.TrimRight(v, "+-"))
	if err != nil || n < 1 || n > 5 || len(v) > 2 {
		return false
	}
	switch {
	case strings.HasSuffix(v, "+"):
		lo = n
	case strings.HasSuffix(v, "-"):
		hi = n
	default:
		lo, hi = n, n
	}
	q.InfluenceMin, q.InfluenceMax = lo, hi
	return true
}

// kindCode folds a kind as typed to compare it with codes and labels:
// "One-on-one", "one on one" and "one_on_one" are the same.
func kindCode(s string) string {
	return strings.Join(strings.FieldsFunc(Fold(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}), "_")
}

func (q *SearchQuery) filterKind(v string) bool {
	code := kindCode(v)
	if code == "" {
		return false
	}
	for _, k := range InteractionKinds() {
		if code == string(k) || code == kindCode(k.Label()) {
			q.InteractionKinds = append(q.InteractionKinds, k)
			return true
		}
	}
	return false
}

// searchDate reads a date filter's value, taking up to three of the
// following plain words while they make a longer date ("after:last
// week"). It returns the day and how many following words it took.
func searchDate(value string, rest []searchToken, now time.Time) (time.Time, int, bool) {
	if strings.TrimSpace(value) == "" {
		return time.Time{}, 0, false
	}
	words := []string{value}
	for _, t := range rest {
		if t.quoted || strings.Contains(t.text, ":") || len(words) == 4 {
			break
		}
		words = append(words, t.text)
	}
	for n := len(words); n >= 1; n-- {
		day, err := ParseDate(strings.Join(words[:n], " "), now, DatePast)
		if err == nil && !day.IsZero() {
			return day, n - 1, true
		}
	}
	return time.Time{}, 0, false
}

// searchToken is one piece of the typed query: a word (perhaps
// name:value, whose value may be quoted) or a quoted phrase.
type searchToken struct {
	text        string
	quoted      bool
	valueQuoted string // name:"value" gives text "name:" and this
}

// searchTokens splits the query at spaces, keeping "quoted phrases" (and
// name:"quoted values") whole; a quote left open runs to the end.
func searchTokens(s string) []searchToken {
	var out []searchToken
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return out
		}
		if s[0] == '"' {
			phrase, rest, _ := strings.Cut(s[1:], `"`)
			out = append(out, searchToken{text: phrase, quoted: true})
			s = rest
			continue
		}
		end := strings.IndexAny(s, " \t\r\n\"")
		if end < 0 {
			end = len(s)
		}
		word := s[:end]
		s = s[end:]
		if strings.HasSuffix(word, ":") && strings.HasPrefix(s, `"`) && strings.Count(word, ":") == 1 {
			value, rest, _ := strings.Cut(s[1:], `"`)
			if strings.TrimSpace(value) != "" {
				out = append(out, searchToken{text: word, valueQuoted: value})
				s = rest
				continue
			}
		}
		out = append(out, searchToken{text: word})
	}
}
