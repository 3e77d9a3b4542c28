package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// captureKindWord is a plain word (or words) for an interaction kind.
type captureKindWord struct {
	words   string // folded, space-separated
	kind    InteractionKind
	summary string // the summary when none is typed, for kinds saved as Other
}

// captureKinds maps the plain words of a quick-capture line to kinds,
// longest phrases first within each kind.
var captureKinds = []captureKindWord{
	{"coffee", KindCoffee, ""}, {"lunch", KindLunch, ""}, {"dinner", KindLunch, ""},
	{"1:1", KindOneOnOne, ""}, {"1-1", KindOneOnOne, ""}, {"1on1", KindOneOnOne, ""},
	{"one-on-one", KindOneOnOne, ""}, {"one on one", KindOneOnOne, ""}, {"121", KindOneOnOne, ""},
	{"exploratory meeting", KindExploratory, ""}, {"exploratory", KindExploratory, ""},
	{"call", KindOther, "Call"}, {"phone call", KindOther, "Call"}, {"video call", KindOther, "Call"},
	{"meeting", KindOther, "Meeting"}, {"met", KindOther, "Meeting"},
	{"message", KindMessage, ""}, {"messaged", KindMessage, ""}, {"email", KindMessage, ""},
	{"emailed", KindMessage, ""}, {"chat", KindMessage, ""}, {"texted", KindMessage, ""},
	{"helped", KindHelpGiven, ""}, {"help given", KindHelpGiven, ""},
	{"offered help", KindHelpOffered, ""}, {"offered to help", KindHelpOffered, ""},
	{"got help from", KindHelpReceived, ""}, {"was helped by", KindHelpReceived, ""},
	{"help received", KindHelpReceived, ""},
	{"thanked publicly", KindThanksPublic, ""}, {"publicly thanked", KindThanksPublic, ""},
	{"thanked in public", KindThanksPublic, ""}, {"praised", KindThanksPublic, ""},
	{"thanked", KindThanksPrivate, ""}, {"thanks", KindThanksPrivate, ""},
	{"asked", KindAsk, ""}, {"ask", KindAsk, ""}, {"favour", KindAsk, ""},
	{"introduced", KindIntroduction, ""}, {"intro", KindIntroduction, ""},
	{"introduction", KindIntroduction, ""},
	{"feedback", KindFeedback, ""}, {"gave feedback", KindFeedback, ""},
	{"other", KindOther, ""},
}

// captureKindWords lists the one-word kinds, for an error's candidates.
var captureKindWords = []string{"coffee", "lunch", "1:1", "one-on-one", "call", "meeting", "message",
	"helped", "thanked", "thanked publicly", "asked", "introduced", "feedback"}

// captureConnectors may follow the kind: "coffee with", "helped", "thanked
// Kenji", "feedback to", "help from".
var captureConnectors = map[string]bool{"with": true, "to": true, "from": true, "for": true}

// captureKind finds the longest kind phrase that starts words, returning it
// and how many words it takes (0 when none does).
func captureKind(words []string) (captureKindWord, int) {
	var best captureKindWord
	n := 0
	for _, k := range captureKinds {
		kw := strings.Fields(k.words)
		if len(kw) <= n || len(kw) > len(words) {
			continue
		}
		match := true
		for i, w := range kw {
			if Fold(words[i]) != w {
				match = false
				break
			}
		}
		if match {
			best, n = k, len(kw)
		}
	}
	return best, n
}

// promise reads "I owe her WHAT by WHEN" or "Daniel owes me WHAT by WHEN".
func (r *captureReader) promise(part string) error {
	words := strings.Fields(part)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = Fold(w)
	}
	if len(words) >= 2 && folded[0] == "i" && (folded[1] == "owe" || folded[1] == "promised") {
		whom, rest, err := r.whom(words[2:])
		if err != nil {
			return err
		}
		return r.addPromises(part, DirectionMine, whom, rest)
	}
	for i := 1; i+1 < len(words); i++ {
		if (folded[i] == "owes" || folded[i] == "owe" || folded[i] == "promised") && folded[i+1] == "me" {
			who, err := r.subject(words[:i])
			if err != nil {
				return err
			}
			return r.addPromises(part, DirectionTheirs, who, words[i+2:])
		}
	}
	return &CaptureError{Part: strings.TrimSpace(part),
		Problem: `is not a promise like "I owe her the plan by Fri" or "Daniel owes me feedback by 15 Dec"`}
}

// whom reads who follows "I owe": a pronoun, a first or full name, or
// nobody (then the interaction's one person).
func (r *captureReader) whom(words []string) ([]Person, []string, error) {
	if len(words) > 0 {
		switch Fold(words[0]) {
		case "her", "him", "them":
			who, err := r.pronoun(words[0])
			return who, words[1:], err
		}
	}
	for k := min(3, len(words)-1); k >= 1; k-- {
		name := strings.Join(words[:k], " ")
		p, err := matchPerson(name, r.active(), true)
		if err == nil {
			return []Person{p}, words[k:], nil
		}
		if ce, ok := err.(*CaptureError); ok && len(ce.Candidates) > 1 {
			return nil, nil, err
		}
	}
	who, err := r.pronoun("I owe")
	return who, words, err
}

// subject reads who comes before "owes me": they, she, he, or a name.
func (r *captureReader) subject(words []string) ([]Person, error) {
	name := strings.Join(words, " ")
	switch Fold(name) {
	case "they", "she", "he":
		return r.pronoun(name)
	}
	p, err := matchPerson(name, r.active(), false)
	if err != nil {
		return nil, err
	}
	return []Person{p}, nil
}

// pronoun is whom "her", "him" or "them" stands for: the interaction's one
// person; "them" and "they" also stand for each of several.
func (r *captureReader) pronoun(word string) ([]Person, error) {
	plural := Fold(word) == "them" || Fold(word) == "they"
	if len(r.with) == 1 || plural {
		return r.with, nil
	}
	return nil, &CaptureError{Part: word, Problem: "could be several people; name one", Candidates: personNames(r.with)}
}

// addPromises adds one promise per person for "WHAT [by WHEN]".
func (r *captureReader) addPromises(part string, dir Direction, who []Person, words []string) error {
	what, due, err := r.whatAndDue(words)
	if err != nil {
		return err
	}
	if what == "" {
		return &CaptureError{Part: strings.TrimSpace(part), Problem: "does not say what is owed"}
	}
	for _, p := range who {
		r.promises = append(r.promises, Promise{Direction: dir, PersonID: p.ID, What: what,
			MadeOn: Day(r.interaction.At), DueOn: due, Status: PromiseOpen})
		r.promiseParts = append(r.promiseParts, strings.TrimSpace(part))
	}
	return nil
}

// WhatAndDue splits a promise typed with its due date, as in a quick
// capture line ("the migration plan by Fri"), at its last "by" when the
// words after it are a due date as of now. Otherwise what comes back
// trimmed, with no due date: a form keeps the words as typed.
func WhatAndDue(what string, now time.Time) (string, time.Time) {
	r := captureReader{now: now}
	w, due, err := r.whatAndDue(strings.Fields(what))
	if err != nil || due.IsZero() {
		return strings.TrimSpace(what), time.Time{}
	}
	return w, due
}

// whatAndDue splits "the migration plan by Fri" at its last "by". The words
// after it are the due date; when they are not one, they are part of what
// is owed unless they look like a date that was mistyped ("by Fridy").
func (r *captureReader) whatAndDue(words []string) (string, time.Time, error) {
	by := -1
	for i := len(words) - 1; i > 0; i-- {
		if Fold(words[i]) == "by" {
			by = i
			break
		}
	}
	if by < 0 || by == len(words)-1 {
		return captureWhat(words), time.Time{}, nil
	}
	when := strings.Join(words[by+1:], " ")
	due, err := ParseDate(when, r.now, DateAhead)
	if err == nil {
		return captureWhat(words[:by]), due, nil
	}
	first := Fold(words[by+1])
	if len(words)-by-1 <= 2 || (dateWord(first) && !slices.Contains([]string{"the", "a", "an", "one", "of", "on", "in"}, first)) {
		return "", time.Time{}, &CaptureError{Part: "by " + when, Problem: err.Error()}
	}
	return captureWhat(words), time.Time{}, nil
}

// captureWhat joins what is owed, without surrounding quotes or a final
// full stop.
func captureWhat(words []string) string {
	s := strings.TrimSpace(strings.Join(words, " "))
	s = strings.TrimRightFunc(strings.TrimSuffix(s, "."), unicode.IsSpace)
	return strings.Trim(s, `"'“”‘’`)
}

// personNames lists people's full names.
func personNames(people []Person) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Name
	}
	return out
}

// matchPerson finds the one active person name stands for: by full name,
// then by a first or last name, then (unless exact) by the start of the
// name or of its words; case and accents are ignored. Several at the first
// level that matches is an error listing them.
func matchPerson(name string, people []Person, exact bool) (Person, error) {
	q := strings.Join(strings.Fields(Fold(name)), " ")
	if q == "" {
		return Person{}, &CaptureError{Part: name, Problem: "names no one"}
	}
	levels := []func(full string) bool{
		func(full string) bool { return full == q },
		func(full string) bool { return slices.Contains(strings.Fields(full), q) },
	}
	if !exact {
		levels = append(levels,
			func(full string) bool { return strings.HasPrefix(full, q) },
			func(full string) bool { return allWordPrefixes(full, strings.Fields(q)) })
	}
	for _, match := range levels {
		var found []Person
		for _, p := range people {
			if match(Fold(p.Name)) {
				found = append(found, p)
			}
		}
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			return Person{}, &CaptureError{Part: strings.TrimSpace(name),
				Problem: fmt.Sprintf("could be %d people; type more of the name", len(found)), Candidates: capNames(found)}
		}
	}
	return Person{}, &CaptureError{Part: strings.TrimSpace(name), Problem: "is no one in your network",
		Candidates: capNames(nearPeople(q, people))}
}

// allWordPrefixes reports whether each word of query starts a word of full.
func allWordPrefixes(full string, query []string) bool {
	for _, w := range query {
		if !hasWordPrefix(full, w) {
			return false
		}
	}
	return len(query) > 0
}

// nearPeople are the people with a name word starting like q's first two
// letters: the suggestions for a name that matched no one.
func nearPeople(q string, people []Person) []Person {
	runes := []rune(q)
	if len(runes) < 2 {
		return nil
	}
	var out []Person
	for _, p := range people {
		if hasWordPrefix(Fold(p.Name), string(runes[:2])) {
			out = append(out, p)
		}
	}
	return out
}

// capNames lists at most eight people's full names, then how many more.
func capNames(people []Person) []string {
	names := personNames(people)
	if len(names) > 8 {
		return append(names[:8], fmt.Sprintf("and %d more", len(names)-8))
	}
	return names
}
