package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PeopleIndex answers search-as-you-type over a fixed list of people. It
// folds case and common accents, so "zoe ang" finds "Zoë Ångström", and
// matches every word of the query against name, title, team, organisation
// and email. Build it once per list; Match is cheap enough per keystroke.
type PeopleIndex struct {
	names []string // folded names
	texts []string // folded name, title, team, organisation and email
}

// NewPeopleIndex indexes people, keeping their order.
func NewPeopleIndex(people []PersonSummary) *PeopleIndex {
	ix := &PeopleIndex{names: make([]string, len(people)), texts: make([]string, len(people))}
	for i, p := range people {
		ix.names[i] = Fold(p.Name)
		ix.texts[i] = Fold(strings.Join([]string{p.Name, p.Title, p.Team, p.Organisation, p.Email}, "\x00"))
	}
	return ix
}

// Len is the number of people indexed.
func (ix *PeopleIndex) Len() int { return len(ix.names) }

// Match returns the positions of the people who match every word of query
// and for whom keep (when not nil) returns true. People whose name has a
// word starting with the query's first word come first; within each group
// the list's order is kept. An empty query matches everyone kept.
func (ix *PeopleIndex) Match(query string, keep func(i int) bool) []int {
	words := strings.Fields(Fold(query))
	var first, rest []int
	for i, text := range ix.texts {
		if keep != nil && !keep(i) {
			continue
		}
		if !containsAll(text, words) {
			continue
		}
		if len(words) > 0 && hasWordPrefix(ix.names[i], words[0]) {
			first = append(first, i)
		} else {
			rest = append(rest, i)
		}
	}
	return append(first, rest...)
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// hasWordPrefix reports whether some word of s starts with prefix.
func hasWordPrefix(s, prefix string) bool {
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], prefix) {
			return true
		}
		j := strings.IndexAny(s[i:], " -'.")
		if j < 0 {
			return false
		}
		i += j + 1
	}
	return false
}

// Fold lowers s and strips the accents of Latin letters, for matching that
// ignores case and diacritics: Fold("Zoë Ångström") == "zoe angstrom".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || ('A' <= s[i] && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldTable maps accented lower-case Latin letters to their plain forms.
var foldTable = func() map[rune]string {
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě",
		"g": "ĝğġģ", "h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ",
		"l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő", "r": "ŕŗř",
		"s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ",
		"y": "ýÿŷ", "z": "źżž", "ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	}
	m := make(map[rune]string)
	for plain, accented := range groups {
		for _, r := range accented {
			m[r] = plain
		}
	}
	return m
}()
