package model

import (
	"strings"
	"testing"
	"time"
)

// dateMonday is Monday 7 December 2026, 10:00: the pinned clock of the date
// language tests.
var dateMonday = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

func TestParseDateBothWays(t *testing.T) {
	d := dueDate
	tests := []struct {
		now   time.Time
		text  string
		ahead time.Time // read for a due date
		past  time.Time // read for something that happened
	}{
		{dateMonday, "today", d(2026, 12, 7), d(2026, 12, 7)},
		{dateMonday, "Yesterday", d(2026, 12, 6), d(2026, 12, 6)},
		{dateMonday, "tomorrow", d(2026, 12, 8), d(2026, 12, 8)},
		{dateMonday, "2026-12-04", d(2026, 12, 4), d(2026, 12, 4)},
		// A bare weekday: ahead strictly after today, past on or before it.
		{dateMonday, "Fri", d(2026, 12, 11), d(2026, 12, 4)},
		{dateMonday, "friday", d(2026, 12, 11), d(2026, 12, 4)},
		{dateMonday, "on Friday", d(2026, 12, 11), d(2026, 12, 4)},
		{dateMonday, "mon", d(2026, 12, 14), d(2026, 12, 7)},
		{dateMonday, "last Fri", d(2026, 12, 4), d(2026, 12, 4)},
		{dateMonday, "last friday", d(2026, 12, 4), d(2026, 12, 4)},
		{dateMonday, "last mon", d(2026, 11, 30), d(2026, 11, 30)},
		{dateMonday, "next Fri", d(2026, 12, 18), d(2026, 12, 18)},
		{dateMonday, "this fri", d(2026, 12, 11), d(2026, 12, 11)},
		{dateMonday, "next week", d(2026, 12, 14), d(2026, 12, 14)},
		{dateMonday, "last week", d(2026, 11, 30), d(2026, 11, 30)},
		{dateMonday, "in 3 days", d(2026, 12, 10), d(2026, 12, 10)},
		{dateMonday, "in 2 weeks", d(2026, 12, 21), d(2026, 12, 21)},
		{dateMonday, "3 days ago", d(2026, 12, 4), d(2026, 12, 4)},
		{dateMonday, "a week ago", d(2026, 11, 30), d(2026, 11, 30)},
		{dateMonday, "day before yesterday", d(2026, 12, 5), d(2026, 12, 5)},
		// Day and month: the next one ahead, the last one past, today either way.
		{dateMonday, "4 Dec", d(2027, 12, 4), d(2026, 12, 4)},
		{dateMonday, "Dec 4", d(2027, 12, 4), d(2026, 12, 4)},
		{dateMonday, "4 December", d(2027, 12, 4), d(2026, 12, 4)},
		{dateMonday, "15 Dec", d(2026, 12, 15), d(2025, 12, 15)},
		{dateMonday, "7 dec", d(2026, 12, 7), d(2026, 12, 7)},
		{dateMonday, "4 Dec 2027", d(2027, 12, 4), d(2027, 12, 4)},
		{dateMonday, "end of March", d(2027, 3, 31), d(2026, 3, 31)},
		{dateMonday, "end of december", d(2026, 12, 31), d(2025, 12, 31)},
		{dateMonday, "end of the month", d(2026, 12, 31), d(2026, 12, 31)},
		{dateMonday, "end of year", d(2026, 12, 31), d(2026, 12, 31)},
		// Year ends: Friday 1 January 2027 and Monday 4 January 2027.
		{d(2027, 1, 1), "yesterday", d(2026, 12, 31), d(2026, 12, 31)},
		{d(2027, 1, 1), "31 dec", d(2027, 12, 31), d(2026, 12, 31)},
		{d(2027, 1, 4), "last fri", d(2027, 1, 1), d(2027, 1, 1)},
		{d(2027, 1, 4), "thu", d(2027, 1, 7), d(2026, 12, 31)},
		{d(2026, 12, 31), "2 Jan", d(2027, 1, 2), d(2026, 1, 2)},
		{d(2026, 12, 31), "next week", d(2027, 1, 4), d(2027, 1, 4)},
		// Leap days: 2028 is a leap year.
		{d(2028, 3, 1), "yesterday", d(2028, 2, 29), d(2028, 2, 29)},
		{d(2028, 3, 1), "29 feb", d(2032, 2, 29), d(2028, 2, 29)},
		{d(2027, 3, 1), "29 feb", d(2028, 2, 29), d(2024, 2, 29)},
		{d(2028, 3, 31), "a month ago", d(2028, 2, 29), d(2028, 2, 29)},
		{d(2028, 1, 15), "end of feb", d(2028, 2, 29), d(2027, 2, 28)},
		{d(2029, 2, 28), "a year ago", d(2028, 2, 28), d(2028, 2, 28)},
	}
	for _, tt := range tests {
		for _, dir := range []DateDirection{DateAhead, DatePast} {
			want := tt.ahead
			if dir == DatePast {
				want = tt.past
			}
			got, err := ParseDate(tt.text, tt.now, dir)
			if err != nil {
				t.Errorf("ParseDate(%q, %s, %d) error: %v", tt.text, tt.now.Format("2006-01-02"), dir, err)
				continue
			}
			if !got.Equal(want) || got.Location() != time.UTC {
				t.Errorf("ParseDate(%q, %s, %d) = %s, want %s", tt.text, tt.now.Format("2006-01-02"), dir,
					got.Format("2006-01-02"), want.Format("2006-01-02"))
			}
		}
	}
}

func TestParseDateErrorsNameTheWord(t *testing.T) {
	tests := []struct {
		text string
		dir  DateDirection
		want string
	}{
		{"blorp", DatePast, `"blorp" is not a date like 2026-11-23, today, yesterday or 3 days ago`},
		{"last fridy", DatePast, `"last fridy" is not a date like 2026-11-23, today, yesterday or 3 days ago: "fridy" is not a word of dates`},
		{"4 Decmber", DateAhead, `"4 Decmber" is not a due date like Tue, next week, in 3 days or 2026-12-01: "decmber" is not a word of dates`},
		{"31 Feb", DatePast, `"31 Feb" is not a date like 2026-11-23, today, yesterday or 3 days ago`},
		{"end of smarch", DateAhead, `"end of smarch" is not a due date like Tue, next week, in 3 days or 2026-12-01: "smarch" is not a word of dates`},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.text, dateMonday, tt.dir)
		if err == nil || err.Error() != tt.want || !got.IsZero() {
			t.Errorf("ParseDate(%q) = %v, %v; want the zero time and %s", tt.text, got, err, tt.want)
		}
	}
}

func TestDateReadBack(t *testing.T) {
	tests := []struct {
		day  time.Time
		want string
	}{
		{dueDate(2026, 12, 11), "Fri 11 Dec"},
		{dueDate(2027, 1, 1), "Fri 1 Jan 2027"},
		{time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := DateReadBack(tt.day, dateMonday); got != tt.want {
			t.Errorf("DateReadBack(%v) = %q, want %q", tt.day, got, tt.want)
		}
	}
	if got := strings.TrimSpace(DateReadBack(dueDate(2026, 12, 4), dateMonday)); got != "Fri 4 Dec" {
		t.Errorf("DateReadBack(4 Dec) = %q", got)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, seed := range []string{"Fri", "last friday", "4 Dec", "end of March", "in 3 days", "3 days ago", "29 feb", "2026-12-04"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, dir := range []DateDirection{DateAhead, DatePast} {
			got, err := ParseDate(text, dateMonday, dir)
			switch {
			case err != nil && !got.IsZero():
				t.Fatalf("ParseDate(%q, %d) = %v with error %v", text, dir, got, err)
			case err == nil && got != Day(got):
				t.Fatalf("ParseDate(%q, %d) = %v, not a calendar day", text, dir, got)
			}
		}
	})
}
