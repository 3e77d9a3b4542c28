package model_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"rapport/model"
	"rapport/model/sample"
)

// captureNow is Monday 7 December 2026, 10:00: the pinned clock of the
// quick-capture tests.
var captureNow = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

// captureAt is noon UTC on a day of December 2026.
func captureAt(d int) time.Time { return time.Date(2026, 12, d, 12, 0, 0, 0, time.UTC) }

func capturePeople(t testing.TB) ([]model.Person, map[string]int64) {
	t.Helper()
	people := sample.Generate(sample.Options{Now: captureNow}).People
	ids := map[string]int64{}
	for _, p := range people {
		ids[p.Name] = p.ID
	}
	if ids["Helena Sørensen"] == 0 || ids["Daniel Okafor"] == 0 {
		t.Fatalf("the sample network lacks Helena or Daniel")
	}
	return people, ids
}

func TestParseCaptureIssueLines(t *testing.T) {
	people, ids := capturePeople(t)
	helena, daniel := ids["Helena Sørensen"], ids["Daniel Okafor"]
	tests := []struct {
		line        string
		interaction model.Interaction
		promises    []model.Promise
		preview     string
	}{
		{
			line:        "coffee with Helena yesterday: the reorg; I owe her the migration plan by Fri",
			interaction: model.Interaction{Kind: model.KindCoffee, At: captureAt(6), Summary: "the reorg", PersonIDs: []int64{helena}},
			promises: []model.Promise{{Direction: model.DirectionMine, PersonID: helena, What: "the migration plan",
				MadeOn: day(6), DueOn: day(11), Status: model.PromiseOpen}},
			preview: `Coffee with Helena Sørensen, yesterday: "the reorg" · Promise: you owe Helena "the migration plan", due Fri 11 Dec`,
		},
		{
			line:        "lunch with Daniel last Friday; Daniel owes me feedback on my proposal by 15 Dec",
			interaction: model.Interaction{Kind: model.KindLunch, At: captureAt(4), PersonIDs: []int64{daniel}},
			promises: []model.Promise{{Direction: model.DirectionTheirs, PersonID: daniel, What: "feedback on my proposal",
				MadeOn: day(4), DueOn: day(15), Status: model.PromiseOpen}},
			preview: `Lunch with Daniel Okafor, Fri 4 Dec · Promise: Daniel owes you "feedback on my proposal", due Tue 15 Dec`,
		},
		{
			line:        "1:1 with helena sorensen: roadmap",
			interaction: model.Interaction{Kind: model.KindOneOnOne, At: captureNow, Summary: "roadmap", PersonIDs: []int64{helena}},
			preview:     `One-on-one with Helena Sørensen, today: "roadmap"`,
		},
		{
			line:        "call with Hel, Dan 3 days ago; they owe me a decision; I owe Daniel the numbers",
			interaction: model.Interaction{Kind: model.KindOther, At: captureAt(4), Summary: "Call", PersonIDs: []int64{helena, daniel}},
			promises: []model.Promise{
				{Direction: model.DirectionTheirs, PersonID: helena, What: "a decision", MadeOn: day(4), Status: model.PromiseOpen},
				{Direction: model.DirectionTheirs, PersonID: daniel, What: "a decision", MadeOn: day(4), Status: model.PromiseOpen},
				{Direction: model.DirectionMine, PersonID: daniel, What: "the numbers", MadeOn: day(4), Status: model.PromiseOpen},
			},
			preview: `Call with Helena Sørensen and Daniel Okafor, Fri 4 Dec · Promise: Helena owes you "a decision", no due date · ` +
				`Promise: Daniel owes you "a decision", no due date · Promise: you owe Daniel "the numbers", no due date`,
		},
		{
			line:        "thanked publicly Daniel on Mon; I owe him a write-up by end of March",
			interaction: model.Interaction{Kind: model.KindThanksPublic, At: captureNow, PersonIDs: []int64{daniel}},
			promises: []model.Promise{{Direction: model.DirectionMine, PersonID: daniel, What: "a write-up",
				MadeOn: day(7), DueOn: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), Status: model.PromiseOpen}},
			preview: `Thanks in public with Daniel Okafor, today · Promise: you owe Daniel "a write-up", due Wed 31 Mar 2027`,
		},
	}
	zoe := ids["Zoë Ångström"]
	tests = append(tests, struct {
		line        string
		interaction model.Interaction
		promises    []model.Promise
		preview     string
	}{
		line:        "helped zoe angstrom 4 Dec: CV review: part 2; I owe Zoë intros by in 2 weeks",
		interaction: model.Interaction{Kind: model.KindHelpGiven, At: captureAt(4), Summary: "CV review: part 2", PersonIDs: []int64{zoe}},
		promises: []model.Promise{{Direction: model.DirectionMine, PersonID: zoe, What: "intros",
			MadeOn: day(4), DueOn: day(21), Status: model.PromiseOpen}},
		preview: `Help given with Zoë Ångström, Fri 4 Dec: "CV review: part 2" · Promise: you owe Zoë "intros", due Mon 21 Dec`,
	})
	for _, tt := range tests {
		got, err := model.ParseCapture(tt.line, people, captureNow)
		if err != nil {
			t.Errorf("ParseCapture(%q) error: %v", tt.line, err)
			continue
		}
		gi, wi := got.Interaction, tt.interaction
		if gi.Kind != wi.Kind || !gi.At.Equal(wi.At) || gi.Summary != wi.Summary || !slices.Equal(gi.PersonIDs, wi.PersonIDs) {
			t.Errorf("ParseCapture(%q) interaction = %+v, want %+v", tt.line, gi, wi)
		}
		if len(got.Promises) != len(tt.promises) {
			t.Errorf("ParseCapture(%q) promises = %+v, want %+v", tt.line, got.Promises, tt.promises)
			continue
		}
		for i, p := range got.Promises {
			w := tt.promises[i]
			if p.Direction != w.Direction || p.PersonID != w.PersonID || p.What != w.What ||
				!p.MadeOn.Equal(w.MadeOn) || !p.DueOn.Equal(w.DueOn) || p.Status != w.Status {
				t.Errorf("ParseCapture(%q) promise %d = %+v, want %+v", tt.line, i, p, w)
			}
		}
		if got.Preview != tt.preview {
			t.Errorf("ParseCapture(%q) preview\n got %s\nwant %s", tt.line, got.Preview, tt.preview)
		}
	}
}

func day(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, time.UTC) }

func TestParseCaptureRefuses(t *testing.T) {
	people, _ := capturePeople(t)
	people = append(people, model.Person{ID: 99001, Name: "Daniela Ferri"},
		model.Person{ID: 99002, Name: "Helena Old", ArchivedAt: captureNow})
	tests := []struct {
		line       string
		part       string
		problem    string // a piece of the problem
		candidates string // a piece of the candidates, joined by ", "
	}{
		{"", "", "is empty", ""},
		{"brunch with Helena", "brunch", "not a kind", "coffee"},
		{"coffee with Helna yesterday", "Helna", "no one in your network", "Helena Sørensen"},
		{"coffee with Dan", "Dan", "could be 2 people", "Daniel Okafor, Daniela Ferri"},
		{"coffee with Helena last fridy", "Helena last fridy", "no one", ""},
		{"coffee with Helena tomorrow", "Helena tomorrow", "in the future", ""},
		{"coffee with Helena, Helena", "Helena", "named twice", ""},
		{"coffee with Helena; I owe her the plan by Fridy", "by Fridy", `"Fridy" is not a due date`, ""},
		{"coffee with Helena; we should talk", "we should talk", "not a promise", ""},
		{"coffee with Helena; I owe her", "I owe her", "does not say what", ""},
		{"coffee with Helena and Daniel; I owe her the plan", "her", "could be several", "Helena Sørensen, Daniel Okafor"},
		{"coffee with Helena; Dan owes me a call", "Dan", "could be 2 people", "Daniela Ferri"},
		{"coffee with", "", "names no one", ""},
	}
	for _, tt := range tests {
		got, err := model.ParseCapture(tt.line, people, captureNow)
		var ce *model.CaptureError
		if !errors.As(err, &ce) {
			t.Errorf("ParseCapture(%q) = %+v, %v; want a CaptureError", tt.line, got, err)
			continue
		}
		if got.Preview != "" || len(got.Promises) != 0 || len(got.Interaction.PersonIDs) != 0 {
			t.Errorf("ParseCapture(%q) refused but returned %+v", tt.line, got)
		}
		if ce.Part != tt.part || !strings.Contains(ce.Problem, tt.problem) ||
			!strings.Contains(strings.Join(ce.Candidates, ", "), tt.candidates) {
			t.Errorf("ParseCapture(%q) error = %q %q %v; want %q, %q, %q", tt.line, ce.Part, ce.Problem, ce.Candidates,
				tt.part, tt.problem, tt.candidates)
		}
	}
}

func FuzzParseCapture(f *testing.F) {
	people, _ := capturePeople(f)
	for _, seed := range []string{
		"coffee with Helena yesterday: the reorg; I owe her the migration plan by Fri",
		"lunch with Daniel last Friday; Daniel owes me feedback on my proposal by 15 Dec",
		"1:1 with Zoë, Tomás and Kenji 4 Dec: x; they owe me y by end of March",
		"call with ; ; I owe",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		got, err := model.ParseCapture(line, people, captureNow)
		if err != nil {
			if got.Preview != "" || len(got.Promises) != 0 || len(got.Interaction.PersonIDs) != 0 {
				t.Fatalf("ParseCapture(%q) refused (%v) but returned %+v", line, err, got)
			}
			return
		}
		if got.Preview == "" || got.Interaction.Validate() != nil {
			t.Fatalf("ParseCapture(%q) = %+v: no preview or an invalid interaction", line, got)
		}
		for _, p := range got.Promises {
			if p.Validate() != nil {
				t.Fatalf("ParseCapture(%q) gave an invalid promise %+v", line, p)
			}
		}
	})
}

func TestWhatAndDue(t *testing.T) {
	fri := time.Date(2026, 12, 11, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		typed, what string
		due         time.Time
	}{
		{"the migration plan by Fri", "the migration plan", fri},
		{"  the plan by 11 Dec ", "the plan", fri},
		{"stand by me", "stand by me", time.Time{}},
		{"the plan by Fridy", "the plan by Fridy", time.Time{}},
		{"by Fri", "by Fri", time.Time{}},
		{"", "", time.Time{}},
	}
	for _, tt := range tests {
		what, due := model.WhatAndDue(tt.typed, captureNow)
		if what != tt.what || !due.Equal(tt.due) {
			t.Errorf("WhatAndDue(%q) = %q, %v; want %q, %v", tt.typed, what, due, tt.what, tt.due)
		}
	}
}
