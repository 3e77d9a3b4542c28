package model

import (
	"slices"
	"testing"
	"time"
)

func TestCompleteCapture(t *testing.T) {
	var people []Person
	for i, name := range []string{"Helena Sørensen", "Daniel Okafor", "Dana Reyes", "Ingrid Halvorsen"} {
		p := NewPerson(name)
		p.ID = int64(i + 1)
		people = append(people, p)
	}
	cases := []struct {
		line    string
		from    int
		options []string
	}{
		{"co", 0, []string{"coffee with "}},
		{"  lu", 2, []string{"lunch with "}},
		{"th", 0, []string{"thanked with ", "thanked publicly with "}},
		{"coffee", 0, nil},
		{"brunch", 0, nil},
		{"coffee with hel", 12, []string{"Helena Sørensen "}},
		{"coffee with SØR", 12, []string{"Helena Sørensen "}},
		{"lunch with da", 11, []string{"Daniel Okafor ", "Dana Reyes "}},
		{"lunch with Dana Reyes, hel", 23, []string{"Helena Sørensen "}},
		{"coffee with Helena ", 0, nil},
		{"coffee with Helena Sørensen", 0, nil},
		{"coffee with Helena: the re", 0, nil},
		{"coffee with zz", 0, nil},
		{"coffee with Helena; I owe da", 26, []string{"Daniel Okafor ", "Dana Reyes "}},
		{"coffee with Helena; I owe the plan", 0, nil},
		{"coffee with Helena; dan", 20, []string{"Daniel Okafor owes me ", "Dana Reyes owes me "}},
		{"coffee with Helena; i", 20, []string{"I owe ", "Ingrid Halvorsen owes me "}},
		{"coffee with Helena; th", 20, []string{"they owe me "}},
		{"coffee with Helena; ", 0, nil},
		{"coffee with Helena; Daniel owes me feedback", 0, nil},
	}
	for _, c := range cases {
		got := CompleteCapture(c.line, people)
		if got.From != c.from || !slices.Equal(got.Options, c.options) {
			t.Errorf("CompleteCapture(%q) = %d %q, want %d %q", c.line, got.From, got.Options, c.from, c.options)
		}
	}
}

// TestCompletedLinesParse checks that taking a completion makes a line
// ParseCapture reads.
func TestCompletedLinesParse(t *testing.T) {
	helena := NewPerson("Helena Sørensen")
	helena.ID = 1
	people := []Person{helena}
	line := ""
	for _, typed := range []string{"co", "hel", "; I owe hel"} {
		line += typed
		c := CompleteCapture(line, people)
		if len(c.Options) == 0 {
			t.Fatalf("nothing offered for %q", line)
		}
		line = line[:c.From] + c.Options[0]
	}
	line += "the plan by Fri"
	got, err := ParseCapture(line, people, time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC))
	if err != nil || len(got.Promises) != 1 || got.Interaction.PersonIDs[0] != 1 {
		t.Fatalf("ParseCapture(%q) = %+v, %v", line, got, err)
	}
}
