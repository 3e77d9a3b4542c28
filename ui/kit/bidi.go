package kit

import (
	"strings"
	"unicode"
)

// The invisible Unicode marks that steer the direction of text (see
// docs/bidi.md): Fyne 2.8 draws none of them as a glyph.
const (
	firstStrongIsolate = "\u2068" // FSI: what follows takes its own direction
	popIsolate         = "\u2069" // PDI: ends the isolate
	leftToRightMark    = "\u200e" // LRM: a strong left-to-right character
)

// rightToLeft are the scripts written right to left.
var rightToLeft = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac,
	unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam}

// HasRightToLeft reports whether s holds a letter of a script written
// right to left (Arabic, Hebrew and the like).
func HasRightToLeft(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.In(r, rightToLeft...) })
}

// Isolate makes the user's text, a name say, keep to itself inside a
// sentence of the app's: wrapped in FSI … PDI when it holds right-to-left
// letters, so the spaces and punctuation around it stay where the
// sentence puts them and do not flip with it. Other text is unchanged.
func Isolate(s string) string {
	if !HasRightToLeft(s) {
		return s
	}
	return firstStrongIsolate + s + popIsolate
}

// LeftToRight makes a sentence of the app's read left to right even when
// it starts with right-to-left text: with a left-to-right mark in front
// when it holds right-to-left letters. Other text is unchanged.
func LeftToRight(s string) string {
	if !HasRightToLeft(s) || strings.HasPrefix(s, leftToRightMark) {
		return s
	}
	return leftToRightMark + s
}

// IsolateRuns isolates each run of right-to-left words in s (from its
// first right-to-left letter to its last, with the spaces and
// punctuation between them) in FSI … PDI, so that a line mixing scripts,
// such as a snippet of someone's notes, keeps the spaces between a
// right-to-left run and the left-to-right words beside it. Text without
// right-to-left letters is unchanged.
func IsolateRuns(s string) string {
	if !HasRightToLeft(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	start, end := -1, -1 // the run: its first right-to-left letter, and just after its last
	flush := func(next int) {
		if start >= 0 {
			b.WriteString(firstStrongIsolate + s[start:end] + popIsolate + s[end:next])
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.In(r, rightToLeft...):
			if start < 0 {
				start = i
			}
			end = i + len(string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) && start < 0:
			flush(i)
			b.WriteRune(r)
		case start < 0:
			b.WriteRune(r)
		}
	}
	flush(len(s))
	return b.String()
}
