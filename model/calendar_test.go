package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var calNow = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func calPeople() []PersonSummary {
	mk := func(id int64, name, email string) PersonSummary {
		return PersonSummary{Person: Person{ID: id, Name: name, Email: email}}
	}
	archived := mk(6, "Olu Ade", "olu@example.com")
	archived.ArchivedAt = calNow.AddDate(0, -1, 0)
	return []PersonSummary{
		mk(1, "Dana Reyes", "Dana.Reyes@Example.com"),
		mk(2, "Priya Nair", "priya@example.com"),
		mk(3, "Alex Kim", "alex.kim@example.com"),
		mk(4, "alex  KIM", ""), // same name as 3 once folded
		mk(5, "José Álvarez", ""),
		archived,
		mk(7, "Sam Lee", "sam@example.com"), // the user, also kept as a person
	}
}

func TestMatchEvents(t *testing.T) {
	past := calNow.Add(-48 * time.Hour)
	ev := func(change func(*CalendarEvent)) CalendarEvent {
		e := CalendarEvent{UID: "u", Summary: "Sync", Start: past, End: past.Add(time.Hour),
			Organizer: CalendarParty{Name: "Sam Lee", Email: "sam@example.com"}}
		change(&e)
		return e
	}
	att := func(e *CalendarEvent, name, email string) {
		e.Attendees = append(e.Attendees, CalendarParty{Name: name, Email: email})
	}
	tests := []struct {
		name  string
		event CalendarEvent
		ids   []int64
		by    string
		skip  string
	}{
		{"email beats name", ev(func(e *CalendarEvent) { att(e, "Priya Nair", "dana.reyes@example.com") }),
			[]int64{1}, MatchedByEmail, ""},
		{"email without case or space", ev(func(e *CalendarEvent) { att(e, "", "  DANA.REYES@EXAMPLE.COM ") }),
			[]int64{1}, MatchedByEmail, ""},
		{"mailto prefix tolerated", ev(func(e *CalendarEvent) { att(e, "", "MAILTO:priya@example.com") }),
			[]int64{2}, MatchedByEmail, ""},
		{"name when the address is unknown", ev(func(e *CalendarEvent) { att(e, "  priya   NAIR ", "priya@home.example") }),
			[]int64{2}, MatchedByName, ""},
		{"name without an address", ev(func(e *CalendarEvent) { att(e, "Dana Reyes", "") }),
			[]int64{1}, MatchedByName, ""},
		{"Last, First name", ev(func(e *CalendarEvent) { att(e, "Reyes, Dana", "") }),
			[]int64{1}, MatchedByName, ""},
		{"ambiguous name matches nobody", ev(func(e *CalendarEvent) { att(e, "Alex Kim", "") }),
			nil, "", SkipNoOne},
		{"ambiguous name but known address", ev(func(e *CalendarEvent) { att(e, "Alex Kim", "alex.kim@example.com") }),
			[]int64{3}, MatchedByEmail, ""},
		{"accents count", ev(func(e *CalendarEvent) { att(e, "Jose Alvarez", "") }),
			nil, "", SkipNoOne},
		{"accented name", ev(func(e *CalendarEvent) { att(e, "JOSÉ ÁLVAREZ", "") }),
			[]int64{5}, MatchedByName, ""},
		{"user's own address ignored", ev(func(e *CalendarEvent) { att(e, "Sam", "Sam@Example.com ") }),
			nil, "", SkipNoOne},
		{"organizer counted", ev(func(e *CalendarEvent) {
			e.Organizer = CalendarParty{Name: "Dana", Email: "dana.reyes@example.com"}
			att(e, "Sam Lee", "sam@example.com")
		}), []int64{1}, MatchedByEmail, ""},
		{"each person once, organizer first", ev(func(e *CalendarEvent) {
			e.Organizer = CalendarParty{Email: "priya@example.com"}
			att(e, "", "dana.reyes@example.com")
			att(e, "Priya Nair", "priya@example.com")
			att(e, "Dana Reyes", "")
		}), []int64{2, 1}, MatchedByEmail, ""},
		{"one by name makes the match by name", ev(func(e *CalendarEvent) {
			att(e, "Dana Reyes", "")
			att(e, "", "priya@example.com")
			att(e, "", "dana.reyes@example.com")
			att(e, "José Álvarez", "jose@elsewhere.example")
		}), []int64{1, 2, 5}, MatchedByName, ""},
		{"archived people match", ev(func(e *CalendarEvent) { att(e, "", "olu@example.com") }),
			[]int64{6}, MatchedByEmail, ""},
		{"declined attendee not counted", ev(func(e *CalendarEvent) {
			e.Attendees = []CalendarParty{{Email: "priya@example.com", Declined: true}}
		}), nil, "", SkipNoOne},
		{"user declined", ev(func(e *CalendarEvent) {
			att(e, "", "priya@example.com")
			e.Attendees = append(e.Attendees, CalendarParty{Email: "sam@example.com", Declined: true})
		}), []int64{2}, MatchedByEmail, SkipDeclined},
		{"future", ev(func(e *CalendarEvent) { att(e, "", "priya@example.com"); e.Start = calNow.Add(time.Minute) }),
			[]int64{2}, MatchedByEmail, SkipFuture},
		{"started just now", ev(func(e *CalendarEvent) { att(e, "", "priya@example.com"); e.Start = calNow }),
			[]int64{2}, MatchedByEmail, ""},
		{"cancelled", ev(func(e *CalendarEvent) { att(e, "", "priya@example.com"); e.Canceled = true }),
			[]int64{2}, MatchedByEmail, SkipCancelled},
		{"all-day", ev(func(e *CalendarEvent) { att(e, "", "priya@example.com"); e.AllDay = true }),
			[]int64{2}, MatchedByEmail, SkipAllDay},
		{"no start", ev(func(e *CalendarEvent) { att(e, "", "priya@example.com"); e.Start = time.Time{} }),
			[]int64{2}, MatchedByEmail, SkipNoStart},
		{"cancelled wins over future", ev(func(e *CalendarEvent) { e.Canceled = true; e.Start = calNow.AddDate(1, 0, 0) }),
			nil, "", SkipCancelled},
		{"recurring imported", ev(func(e *CalendarEvent) { att(e, "", "priya@example.com"); e.Recurring = true }),
			[]int64{2}, MatchedByEmail, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchEvents([]CalendarEvent{tt.event}, calPeople(), " SAM@example.com", calNow)
			if len(got) != 1 {
				t.Fatalf("%d matches, want 1", len(got))
			}
			m := got[0]
			if !reflect.DeepEqual(m.PersonIDs, tt.ids) {
				t.Errorf("PersonIDs = %v, want %v", m.PersonIDs, tt.ids)
			}
			if m.By != tt.by {
				t.Errorf("By = %q, want %q", m.By, tt.by)
			}
			if m.Skip != tt.skip {
				t.Errorf("Skip = %q, want %q", m.Skip, tt.skip)
			}
			if m.Imported() != (tt.skip == "") {
				t.Errorf("Imported() = %v with Skip %q", m.Imported(), m.Skip)
			}
			if !reflect.DeepEqual(m.Event, tt.event) {
				t.Errorf("Event changed: %+v", m.Event)
			}
		})
	}
}

func TestMatchEventsWithoutUserEmail(t *testing.T) {
	// Without the user's address, the user's own entry is a party like any
	// other: here it matches the person kept for them.
	ev := CalendarEvent{Start: calNow.Add(-time.Hour), Organizer: CalendarParty{Email: "sam@example.com"}}
	got := MatchEvents([]CalendarEvent{ev}, calPeople(), "", calNow)
	if !reflect.DeepEqual(got[0].PersonIDs, []int64{7}) {
		t.Errorf("PersonIDs = %v, want [7]", got[0].PersonIDs)
	}
}

func TestMatchEventsOrderAndEmpty(t *testing.T) {
	if got := MatchEvents(nil, calPeople(), "", calNow); len(got) != 0 {
		t.Errorf("no events: %d matches", len(got))
	}
	evs := []CalendarEvent{
		{UID: "a", Start: calNow.Add(-time.Hour), Attendees: []CalendarParty{{Email: "priya@example.com"}}},
		{UID: "b", Start: calNow.Add(-time.Hour)},
		{UID: "c", Start: calNow.Add(-time.Hour), Attendees: []CalendarParty{{Email: "dana.reyes@example.com"}}},
	}
	got := MatchEvents(evs, nil, "", calNow)
	for i, m := range got {
		if m.Event.UID != evs[i].UID || m.Skip != SkipNoOne {
			t.Errorf("match %d: UID %q skip %q, want %q skipped for no one known", i, m.Event.UID, m.Skip, evs[i].UID)
		}
	}
	got = MatchEvents(evs, calPeople(), "", calNow)
	if got[0].Skip != "" || got[1].Skip != SkipNoOne || got[2].Skip != "" {
		t.Errorf("skips = %q %q %q", got[0].Skip, got[1].Skip, got[2].Skip)
	}
}

func TestGuessInteractionKind(t *testing.T) {
	tests := []struct {
		summary string
		want    InteractionKind
	}{
		{"Coffee with Dana", KindCoffee},
		{"☕ COFFEE chat", KindCoffee},
		{"Virtual coffee", KindCoffee},
		{"Lunch", KindLunch},
		{"Team lunch: Q4", KindLunch},
		{"Coffee & lunch", KindCoffee}, // coffee is tried first
		{"Dana / Sam 1:1", KindOneOnOne},
		{"1-1 Dana", KindOneOnOne},
		{"Weekly 1on1", KindOneOnOne},
		{"One-on-one", KindOneOnOne},
		{"one  on\tone", KindOneOnOne},
		{"One-to-one catch-up", KindOneOnOne},
		{"1:1 over lunch", KindLunch},
		{"Standup 11:15", KindOther},
		{"Review 2026-11-12", KindOther},
		{"Q3 planning", KindOther},
		{"", KindOther},
		{"Exploratory chat", KindOther},
	}
	for _, tt := range tests {
		if got := GuessInteractionKind(tt.summary); got != tt.want {
			t.Errorf("GuessInteractionKind(%q) = %q, want %q", tt.summary, got, tt.want)
		}
		if !tt.want.Valid() {
			t.Errorf("%q is not a valid kind", tt.want)
		}
	}
	m := MatchEvents([]CalendarEvent{{Summary: "Lunch with Priya"}}, nil, "", calNow)[0]
	if m.Kind != KindLunch {
		t.Errorf("MatchEvents Kind = %q, want lunch", m.Kind)
	}
}

func TestEventMatchInteraction(t *testing.T) {
	start := time.Date(2026, 11, 3, 12, 0, 0, 0, time.UTC)
	m := EventMatch{
		Event: CalendarEvent{UID: "x", Summary: "  Lunch with Priya \t", Start: start, End: start.Add(time.Hour),
			Location: "Canteen"},
		PersonIDs: []int64{2, 1},
		By:        MatchedByEmail,
		Kind:      KindLunch,
	}
	got := m.Interaction()
	want := Interaction{Kind: KindLunch, At: start, Summary: "Lunch with Priya", PersonIDs: []int64{2, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Interaction() = %+v, want %+v", got, want)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	got.PersonIDs[0] = 99
	if m.PersonIDs[0] != 2 {
		t.Errorf("Interaction shares PersonIDs with the match")
	}

	tests := []struct {
		name, summary string
		wantRunes     int
		wantSuffix    string
	}{
		{"at the limit", strings.Repeat("é", MaxShortText*5), MaxShortText * 5, "é"},
		{"over the limit", strings.Repeat("é", MaxShortText*5+1), MaxShortText * 5, "…"},
		{"far over", strings.Repeat("ab ", 2000), MaxShortText*5 - 1, "b…"}, // the space before the cut is trimmed
		{"invalid UTF-8 and NUL", "a\xffb\x00c", 4, "c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := EventMatch{Event: CalendarEvent{Summary: tt.summary, Start: start}, PersonIDs: []int64{1}, Kind: KindOther}
			in := m.Interaction()
			if n := utf8.RuneCountInString(in.Summary); n != tt.wantRunes {
				t.Errorf("summary is %d runes, want %d", n, tt.wantRunes)
			}
			if !strings.HasSuffix(in.Summary, tt.wantSuffix) {
				t.Errorf("summary ends %q, want %q", in.Summary[max(0, len(in.Summary)-8):], tt.wantSuffix)
			}
			if err := in.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}
