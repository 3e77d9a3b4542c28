package model

import (
	"strings"
)

// maxCaptureCompletions is how many completions CompleteCapture offers.
const maxCaptureCompletions = 6

// CaptureCompletion is what the words being typed at the end of a
// quick-capture line could become: each option replaces line[From:].
type CaptureCompletion struct {
	From    int
	Options []string
}

// CompleteCapture offers completions for the end of a quick-capture line
// as it is typed: the kind in plain words while the first word is typed
// ("co" → "coffee with "), the name of an active person after "with" or
// a comma there ("with hel" → "with Helena Sørensen"), after "I owe", and
// at the start of a promise ("; da" → "Daniel Okafor owes me ", and "; I"
// → "I owe "). Case and accents are ignored; nothing is offered when the
// words typed are already complete or match nothing.
func CompleteCapture(line string, people []Person) CaptureCompletion {
	people = activePeople(people)
	semi := strings.LastIndex(line, ";")
	if semi < 0 {
		return completeHead(line, people)
	}
	from := skipSpaces(line, semi+1)
	typed := line[from:]
	lower := lowerASCII(typed)
	if strings.HasPrefix(lower, "i owe ") {
		start := skipSpaces(line, from+len("i owe "))
		return completion(start, nameOptions(line[start:], people, " "))
	}
	if typed == "" || strings.Contains(lower, " ") {
		return CaptureCompletion{}
	}
	var options []string
	for _, phrase := range []string{"I owe ", "they owe me "} {
		if strings.HasPrefix(lowerASCII(phrase), Fold(typed)) {
			options = append(options, phrase)
		}
	}
	options = append(options, nameOptions(typed, people, " owes me ")...)
	return completion(from, options)
}

// completeHead completes the part before the first ';': the kind while
// the first word is typed, else a name after "with" or a comma.
func completeHead(line string, people []Person) CaptureCompletion {
	from := skipSpaces(line, 0)
	typed := line[from:]
	if typed != "" && !strings.Contains(typed, " ") {
		var options []string
		for _, k := range captureKindWords {
			if strings.HasPrefix(k, Fold(typed)) && k != Fold(typed) {
				options = append(options, k+" with ")
			}
		}
		return completion(from, options)
	}
	lower := lowerASCII(line)
	at := strings.LastIndex(lower, " with ")
	if at >= 0 {
		at += len(" with ")
	}
	if comma := strings.LastIndex(lower, ","); comma >= 0 && comma > at {
		at = comma + 1
	}
	if at < 0 || strings.Contains(line[at:], ":") {
		return CaptureCompletion{}
	}
	start := skipSpaces(line, at)
	return completion(start, nameOptions(line[start:], people, " "))
}

// nameOptions are the names of people that typed begins (the name, or a
// word of it), each followed by suffix; none when typed is empty, ends
// with a space (the name is done), or is already someone's full name.
func nameOptions(typed string, people []Person, suffix string) []string {
	want := Fold(typed)
	if want == "" || strings.HasSuffix(typed, " ") {
		return nil
	}
	var out []string
	for _, p := range people {
		name := Fold(p.Name)
		if name == want {
			return nil
		}
		if strings.HasPrefix(name, want) || hasWordPrefix(name, want) {
			out = append(out, p.Name+suffix)
		}
	}
	return out
}

// skipSpaces is the position of the first non-space of s at or after i.
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// lowerASCII lowers the ASCII letters of s only, so that positions in
// the result are positions in s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// completion is options (at most maxCaptureCompletions) replacing from.
func completion(from int, options []string) CaptureCompletion {
	if len(options) == 0 {
		return CaptureCompletion{}
	}
	if len(options) > maxCaptureCompletions {
		options = options[:maxCaptureCompletions]
	}
	return CaptureCompletion{From: from, Options: options}
}
