package model

import (
	"testing"
	"time"
)

func mustLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("LoadLocation(%q): %v", name, err)
	}
	return loc
}

func TestNextOccurrence(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	// Tuesday 6 October 2026, 09:30 BST (08:30 UTC); clocks go back on 25 October.
	start := time.Date(2026, 10, 6, 9, 30, 0, 0, london)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, london) }
	tests := []struct {
		name  string
		rec   Recurrence
		after time.Time
		want  time.Time
	}{
		{"one-off ahead", RecurrenceNone, at(2026, 10, 1, 0, 0), start},
		{"one-off past returns itself", RecurrenceNone, at(2026, 12, 1, 0, 0), start},
		{"weekly before the first", RecurrenceWeekly, at(2026, 10, 1, 0, 0), start},
		{"weekly during the first", RecurrenceWeekly, at(2026, 10, 6, 9, 45), start},
		{"weekly just after the first ends", RecurrenceWeekly, at(2026, 10, 6, 10, 0), at(2026, 10, 13, 9, 30)},
		{"weekly keeps 09:30 after the clocks change", RecurrenceWeekly, at(2026, 11, 23, 12, 0), at(2026, 11, 24, 9, 30)},
		{"weekly on the day, before", RecurrenceWeekly, at(2026, 11, 24, 8, 0), at(2026, 11, 24, 9, 30)},
		{"every 2 weeks", RecurrenceBiweekly, at(2026, 10, 7, 0, 0), at(2026, 10, 20, 9, 30)},
		{"every 2 weeks a year on", RecurrenceBiweekly, at(2027, 10, 6, 0, 0), at(2027, 10, 19, 9, 30)},
		{"monthly first Tuesday", RecurrenceMonthly, at(2026, 10, 7, 0, 0), at(2026, 11, 3, 9, 30)},
		{"monthly across the year end", RecurrenceMonthly, at(2026, 12, 2, 0, 0), at(2027, 1, 5, 9, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Meeting{Start: start, Duration: 30 * time.Minute, Recurrence: tt.rec}
			if got := m.NextOccurrence(tt.after, london); !got.Equal(tt.want) {
				t.Errorf("NextOccurrence(%s) = %s, want %s", tt.after, got.In(london), tt.want)
			}
		})
	}
}

func TestNextOccurrenceFifthWeekdayIsLast(t *testing.T) {
	utc := time.UTC
	// Thursday 29 October 2026 is the 5th Thursday: the series takes the last one.
	m := Meeting{Start: time.Date(2026, 10, 29, 14, 0, 0, 0, utc), Duration: time.Hour, Recurrence: RecurrenceMonthly}
	got := m.NextOccurrence(time.Date(2026, 11, 1, 0, 0, 0, 0, utc), utc)
	if want := time.Date(2026, 11, 26, 14, 0, 0, 0, utc); !got.Equal(want) {
		t.Errorf("got %s, want %s (last Thursday of November)", got, want)
	}
}

func TestMeetingOutcomeValidate(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	ok := MeetingOutcome{At: at, Stance: StanceSupporter,
		Promises: []Promise{{Direction: DirectionMine, What: "Send the plan", Status: PromiseOpen}}}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid outcome: %v", err)
	}
	bad := ok
	bad.At = time.Time{}
	bad.Stance = "fond"
	bad.Promises = []Promise{ok.Promises[0], {Direction: DirectionTheirs, Status: PromiseOpen}}
	err := bad.Validate()
	for _, field := range []string{"date", "stance", "promise 2 what"} {
		if FieldProblem(err, field) == "" {
			t.Errorf("no problem reported for %q in %v", field, err)
		}
	}
	if FieldProblem(err, "promise 1 what") != "" {
		t.Errorf("promise 1 is fine but was reported: %v", err)
	}
}

func TestSettingsValidate(t *testing.T) {
	if err := DefaultSettings().Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	s := DefaultSettings()
	s.UserEmail = "me at example"
	s.TimeZone = "Mars/Olympus"
	s.MeetingMinutes = 2
	s.BackupFolder = "/mnt/usb\nbackups"
	err := s.Validate()
	for _, field := range []string{"your email", "time zone", "meeting length", "backup folder"} {
		if FieldProblem(err, field) == "" {
			t.Errorf("no problem reported for %q in %v", field, err)
		}
	}
	s = DefaultSettings()
	s.TimeZone = "Local"
	if FieldProblem(s.Validate(), "time zone") == "" {
		t.Error(`"Local" accepted as a zone name; no calendar knows it`)
	}
}

func TestSettingsZone(t *testing.T) {
	fallback := time.FixedZone("X", 3600)
	if got := (Settings{}).Zone(fallback); got != fallback {
		t.Errorf("empty zone = %v, want the fallback", got)
	}
	if got := (Settings{TimeZone: "Europe/Paris"}).Zone(fallback); got.String() != "Europe/Paris" {
		t.Errorf("zone = %v", got)
	}
	if got := (Settings{TimeZone: "Nowhere/Else"}).Zone(fallback); got != fallback {
		t.Errorf("unknown zone = %v, want the fallback", got)
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in         string
		h, m       int
		wantsError bool
	}{
		{"10:00", 10, 0, false},
		{"9:30", 9, 30, false},
		{" 15.45 ", 15, 45, false},
		{"14", 14, 0, false},
		{"3pm", 15, 0, false},
		{"3:30 PM", 15, 30, false},
		{"12am", 0, 0, false},
		{"12pm", 12, 0, false},
		{"noon", 12, 0, false},
		{"0:05", 0, 5, false},
		{"", 0, 0, true},
		{"24:00", 0, 0, true},
		{"9:7", 0, 0, true},
		{"13pm", 0, 0, true},
		{"930", 0, 0, true},
		{"tea time", 0, 0, true},
		{"9:60", 0, 0, true},
	}
	for _, tt := range tests {
		h, m, err := ParseClock(tt.in)
		if (err != nil) != tt.wantsError {
			t.Errorf("ParseClock(%q) error = %v, want error %v", tt.in, err, tt.wantsError)
			continue
		}
		if err == nil && (h != tt.h || m != tt.m) {
			t.Errorf("ParseClock(%q) = %d:%02d, want %d:%02d", tt.in, h, m, tt.h, tt.m)
		}
	}
}
