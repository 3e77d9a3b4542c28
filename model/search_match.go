package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SearchMatcher finds a query's words and phrases in text the way the
// search index reads them: text is split into words at anything but
// letters and digits, case and accents are ignored, each typed word
// matches the start of a word and a quoted phrase matches whole words in
// a row. It marks the matches for a snippet, and can tell whether a
// thing matches at all, so that the search need not ask the index again
// for what it has already read.
type SearchMatcher struct {
	parts []matchPart
	exact bool
}

// matchPart is one word or phrase of a query: words in a row, the last
// one a prefix for a typed word.
type matchPart struct {
	words  []string
	prefix bool
}

// textWord is one word of a text: where it is, and its folded form.
type textWord struct {
	start, end int
	folded     string
}

// NewSearchMatcher is the matcher of q's words and phrases.
func NewSearchMatcher(q SearchQuery) SearchMatcher {
	m := SearchMatcher{exact: true}
	add := func(text string, prefix bool) {
		var words []string
		for _, w := range splitWords(text) {
			words = append(words, w.folded)
			for i := 0; i < len(w.folded); i++ {
				if w.folded[i] >= 0x80 {
					m.exact = false
				}
			}
		}
		if len(words) > 0 {
			m.parts = append(m.parts, matchPart{words: words, prefix: prefix})
		}
	}
	for _, w := range q.Words {
		add(w, true)
	}
	for _, p := range q.Phrases {
		add(p, false)
	}
	return m
}

// Empty reports whether the query has no words to find.
func (m SearchMatcher) Empty() bool { return len(m.parts) == 0 }

// Exact reports whether Matches agrees with the search index for every
// text: true when each word of the query is plain letters and digits of
// the Latin alphabet, whose folding the two share. (For other letters the
// index's folding may differ in a few, so only the index can say.)
func (m SearchMatcher) Exact() bool { return m.exact && len(m.parts) > 0 }

// Matches reports whether every word and phrase of the query is found in
// one of the columns (a phrase within one column), as the index would
// find the thing.
func (m SearchMatcher) Matches(columns ...string) bool {
	if len(m.parts) == 0 {
		return false
	}
	split := make([][]textWord, len(columns))
	for _, part := range m.parts {
		found := false
		for i, col := range columns {
			if split[i] == nil {
				split[i] = splitWords(col)
			}
			if len(part.at(split[i])) > 0 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Mark is text as spans with the query's matches marked, or nil when
// nothing in text matches. With around > 0, it is cut to about that many
// words from just before the first match, "…" standing for what was cut.
func (m SearchMatcher) Mark(text string, around int) []Span {
	words := splitWords(text)
	matched := make([]bool, len(words))
	joined := make([]bool, len(words)) // the gap after the word is inside a phrase
	first := -1
	for _, part := range m.parts {
		for _, i := range part.at(words) {
			for j := i; j < i+len(part.words); j++ {
				matched[j] = true
				joined[j] = joined[j] || j < i+len(part.words)-1
			}
			if first < 0 || i < first {
				first = i
			}
		}
	}
	if first < 0 {
		return nil
	}
	from, to := 0, len(words)
	if around > 0 && len(words) > around {
		from = max(0, min(first-around/4, len(words)-around))
		to = from + around
	}
	var spans []Span
	add := func(text string, match bool) {
		if n := len(spans); n > 0 && spans[n-1].Match == match {
			spans[n-1].Text += text
		} else if text != "" {
			spans = append(spans, Span{Text: text, Match: match})
		}
	}
	at := 0
	if from > 0 {
		add("…", false)
		at = words[from].start
	}
	for i := from; i < to; i++ {
		add(text[at:words[i].start], i > from && joined[i-1])
		add(text[words[i].start:words[i].end], matched[i])
		at = words[i].end
	}
	if to < len(words) {
		add("…", false)
	} else {
		add(text[at:], false)
	}
	return spans
}

// at is where the part starts in words: the index of each first word.
func (p matchPart) at(words []textWord) []int {
	var out []int
	n := len(p.words)
	for i := 0; i+n <= len(words); i++ {
		ok := true
		for j, want := range p.words {
			got := words[i+j].folded
			if !(got == want || p.prefix && j == n-1 && strings.HasPrefix(got, want)) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// splitWords splits text into words as the index's tokenizer (SQLite's
// unicode61) does: a word starts at a letter, digit or private-use
// character and goes on over those and combining marks; each word is
// folded by indexFold.
func splitWords(text string) []textWord {
	var out []textWord
	start := -1
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r):
			if start < 0 {
				start = i
			}
		case start >= 0 && unicode.Is(unicode.Mn, r):
		case start >= 0:
			out = append(out, textWord{start: start, end: i, folded: indexFold(text[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, textWord{start: start, end: len(text), folded: indexFold(text[start:])})
	}
	return out
}

// indexFold folds a word as the index does (unicode61 with
// remove_diacritics=2): lower case, and letters that decompose into a
// letter and marks without the marks, so "É" is "e" but "ø", "ß" and "æ"
// stay as they are (unlike Fold, which is for names typed in a filter).
func indexFold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFD.String(w))
}
