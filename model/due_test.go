package model

import (
	"strings"
	"testing"
	"time"
)

// dueMonday is a Monday morning, the "now" of most due date tests.
var dueMonday = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// dueLateEvening is 23:30 on Monday 23 November at UTC-8, already Tuesday
// in UTC: the local calendar day must win.
var dueLateEvening = time.Date(2026, 11, 23, 23, 30, 0, 0, time.FixedZone("UTC-8", -8*60*60))

// dueDate is midnight UTC of a calendar day, the form ParseDue returns.
func dueDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestParseDue(t *testing.T) {
	tests := []struct {
		text string
		want time.Time
	}{
		{"", time.Time{}},
		{"   ", time.Time{}},
		{"2026-12-01", dueDate(2026, 12, 1)},
		{"2026-11-01", dueDate(2026, 11, 1)}, // a past date is still a date
		{"today", dueDate(2026, 11, 23)},
		{"  TODAY ", dueDate(2026, 11, 23)},
		{"tomorrow", dueDate(2026, 11, 24)},
		{"Tomorrow", dueDate(2026, 11, 24)},
		{"Tue", dueDate(2026, 11, 24)},
		{"tuesday", dueDate(2026, 11, 24)},
		{"TUES", dueDate(2026, 11, 24)},
		{"wed", dueDate(2026, 11, 25)},
		{"thu", dueDate(2026, 11, 26)},
		{"thurs", dueDate(2026, 11, 26)},
		{"Thursday", dueDate(2026, 11, 26)},
		{"fri", dueDate(2026, 11, 27)},
		{"sun", dueDate(2026, 11, 29)},
		{"mon", dueDate(2026, 11, 30)}, // strictly after today
		{"next mon", dueDate(2026, 11, 30)},
		{"next tue", dueDate(2026, 12, 1)},
		{"Next  Sunday", dueDate(2026, 12, 6)},
		{"next week", dueDate(2026, 11, 30)},
		{"this week", dueDate(2026, 11, 27)},
		{"end of week", dueDate(2026, 11, 27)},
		{"EOW", dueDate(2026, 11, 27)},
		{"end of month", dueDate(2026, 11, 30)},
		{"eom", dueDate(2026, 11, 30)},
		{"next month", dueDate(2026, 12, 1)},
		{"in 3 days", dueDate(2026, 11, 26)},
		{"in 1 day", dueDate(2026, 11, 24)},
		{"in a day", dueDate(2026, 11, 24)},
		{"in 0 days", dueDate(2026, 11, 23)},
		{"in 2 weeks", dueDate(2026, 12, 7)},
		{"in a week", dueDate(2026, 11, 30)},
		{"in 3 months", dueDate(2027, 2, 23)},
		{"in a month", dueDate(2026, 12, 23)},
		{"in 1 year", dueDate(2027, 11, 23)},
		{"3 days", dueDate(2026, 11, 26)},
		{"2 weeks", dueDate(2026, 12, 7)},
		{" In  2  Weeks ", dueDate(2026, 12, 7)},
		{"1 Dec", dueDate(2026, 12, 1)},
		{"1 december", dueDate(2026, 12, 1)},
		{"Dec 1", dueDate(2026, 12, 1)},
		{"December 1", dueDate(2026, 12, 1)},
		{"dec 1st", dueDate(2026, 12, 1)},
		{"22nd Dec", dueDate(2026, 12, 22)},
		{"1 Dec 2027", dueDate(2027, 12, 1)},
		{"Dec 1 2027", dueDate(2027, 12, 1)},
		{"Dec 1, 2027", dueDate(2027, 12, 1)},
		{"23 Nov", dueDate(2026, 11, 23)}, // today counts
		{"22 Nov", dueDate(2027, 11, 22)}, // yesterday's date is next year's
		{"1 Jan", dueDate(2027, 1, 1)},
		{"29 Feb", dueDate(2028, 2, 29)}, // the next leap day
		{"29 Feb 2028", dueDate(2028, 2, 29)},
		{"30 Nov 2025", dueDate(2025, 11, 30)},
	}
	for _, tt := range tests {
		got, err := ParseDue(tt.text, dueMonday)
		if err != nil {
			t.Errorf("ParseDue(%q) error: %v", tt.text, err)
			continue
		}
		if !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseDue(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestParseDueRelativeToOtherDays(t *testing.T) {
	tests := []struct {
		now  time.Time
		text string
		want time.Time
	}{
		// On a Tuesday, "tue" is a week away and "next tue" is in next week.
		{dueDate(2026, 11, 24), "Tue", dueDate(2026, 12, 1)},
		{dueDate(2026, 11, 24), "next tue", dueDate(2026, 12, 1)},
		{dueDate(2026, 11, 24), "mon", dueDate(2026, 11, 30)},
		// On a Friday, this week is today; on Sunday too, Friday being past.
		{dueDate(2026, 11, 27), "this week", dueDate(2026, 11, 27)},
		{dueDate(2026, 11, 27), "fri", dueDate(2026, 12, 4)},
		{dueDate(2026, 11, 29), "eow", dueDate(2026, 11, 29)},
		{dueDate(2026, 11, 29), "next week", dueDate(2026, 11, 30)},
		{dueDate(2026, 11, 29), "mon", dueDate(2026, 11, 30)},
		{dueDate(2026, 11, 29), "next mon", dueDate(2026, 11, 30)},
		{dueDate(2026, 11, 29), "sun", dueDate(2026, 12, 6)},
		{dueDate(2026, 11, 29), "next sun", dueDate(2026, 12, 6)},
		// Month ends: a month on from 31 January stops at February's end.
		{dueDate(2026, 1, 31), "in a month", dueDate(2026, 2, 28)},
		{dueDate(2028, 1, 31), "in a month", dueDate(2028, 2, 29)},
		{dueDate(2026, 1, 31), "in 2 months", dueDate(2026, 3, 31)},
		{dueDate(2026, 3, 31), "in 1 month", dueDate(2026, 4, 30)},
		{dueDate(2028, 2, 10), "end of month", dueDate(2028, 2, 29)},
		{dueDate(2026, 2, 10), "eom", dueDate(2026, 2, 28)},
		// Leap day.
		{dueDate(2028, 2, 28), "tomorrow", dueDate(2028, 2, 29)},
		{dueDate(2028, 2, 29), "in 1 year", dueDate(2029, 2, 28)},
		{dueDate(2028, 2, 29), "in 4 years", dueDate(2032, 2, 29)},
		{dueDate(2028, 2, 29), "29 feb", dueDate(2028, 2, 29)},
		{dueDate(2028, 3, 1), "29 feb", dueDate(2032, 2, 29)},
		// Year end: 31 December 2026 is a Thursday.
		{dueDate(2026, 12, 31), "1 Jan", dueDate(2027, 1, 1)},
		{dueDate(2026, 12, 31), "tomorrow", dueDate(2027, 1, 1)},
		{dueDate(2026, 12, 31), "next month", dueDate(2027, 1, 1)},
		{dueDate(2026, 12, 31), "next week", dueDate(2027, 1, 4)},
		{dueDate(2026, 12, 31), "end of week", dueDate(2027, 1, 1)},
		{dueDate(2026, 12, 31), "31 dec", dueDate(2026, 12, 31)},
		// Late evening west of UTC: it is still Monday 23 November.
		{dueLateEvening, "today", dueDate(2026, 11, 23)},
		{dueLateEvening, "tomorrow", dueDate(2026, 11, 24)},
		{dueLateEvening, "tue", dueDate(2026, 11, 24)},
		{dueLateEvening, "next week", dueDate(2026, 11, 30)},
		{dueLateEvening, "in 3 days", dueDate(2026, 11, 26)},
		{dueLateEvening, "23 nov", dueDate(2026, 11, 23)},
	}
	for _, tt := range tests {
		got, err := ParseDue(tt.text, tt.now)
		if err != nil {
			t.Errorf("ParseDue(%q, %v) error: %v", tt.text, tt.now, err)
			continue
		}
		if !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseDue(%q, %v) = %v, want %v", tt.text, tt.now, got, tt.want)
		}
	}
}

func TestParseDueRejects(t *testing.T) {
	for _, text := range []string{
		"blorp",
		"next",
		"next blorp",
		"in",
		"in days",
		"in -3 days",
		"in 3 fortnights",
		"in 99999999 years",
		"31 Feb",
		"30 feb",
		"31 Nov",
		"29 Feb 2027",
		"0 Dec",
		"32 Dec",
		"Dec",
		"1 Dec 27",
		"1 Dec 2027 extra",
		"2026-02-30",
		"2026-13-01",
	} {
		got, err := ParseDue(text, dueMonday)
		if err == nil {
			t.Errorf("ParseDue(%q) = %v, want an error", text, got)
			continue
		}
		if !got.IsZero() {
			t.Errorf("ParseDue(%q) = %v with an error, want the zero time", text, got)
		}
		msg := err.Error()
		if !strings.Contains(msg, `"`+text+`"`) || !strings.Contains(msg, "next week") || !strings.Contains(msg, "2026-12-01") {
			t.Errorf("ParseDue(%q) error %q should quote the text and give examples", text, msg)
		}
	}
}

func TestParseDueErrorMessage(t *testing.T) {
	_, err := ParseDue("blorp", dueMonday)
	want := `"blorp" is not a due date like Tue, next week, in 3 days or 2026-12-01`
	if err == nil || err.Error() != want {
		t.Errorf("ParseDue(blorp) error = %v, want %s", err, want)
	}
}

func TestDueWords(t *testing.T) {
	tests := []struct {
		now  time.Time
		due  time.Time
		want string
	}{
		{dueMonday, time.Time{}, ""},
		{dueMonday, dueDate(2026, 11, 23), "today"},
		{dueMonday, dueDate(2026, 11, 24), "tomorrow"},
		{dueMonday, dueDate(2026, 11, 22), "overdue by 1 day"},
		{dueMonday, dueDate(2026, 11, 18), "overdue by 5 days"},
		{dueMonday, dueDate(2025, 12, 31), "overdue by 327 days"},
		{dueMonday, dueDate(2026, 11, 25), "Wednesday"},
		{dueMonday, dueDate(2026, 11, 26), "Thursday"},
		{dueMonday, dueDate(2026, 11, 29), "Sunday"},
		{dueMonday, dueDate(2026, 11, 30), "Mon 30 Nov"},
		{dueMonday, dueDate(2026, 12, 14), "Mon 14 Dec"},
		{dueMonday, dueDate(2027, 1, 4), "4 Jan 2027"},
		{dueMonday, dueDate(2027, 12, 14), "14 Dec 2027"},
		{dueDate(2026, 12, 28), dueDate(2027, 1, 2), "Saturday"}, // within six days, across the year
		{dueLateEvening, dueDate(2026, 11, 23), "today"},
		{dueLateEvening, dueDate(2026, 11, 24), "tomorrow"},
		{dueLateEvening, dueDate(2026, 11, 22), "overdue by 1 day"},
		{dueLateEvening, dueDate(2026, 11, 29), "Sunday"},
		{dueLateEvening, dueDate(2026, 11, 30), "Mon 30 Nov"},
	}
	for _, tt := range tests {
		if got := DueWords(tt.due, tt.now); got != tt.want {
			t.Errorf("DueWords(%v, %v) = %q, want %q", tt.due, tt.now, got, tt.want)
		}
	}
}

// TestParseDueThenDueWords checks that what the user types reads back as
// expected on a list.
func TestParseDueThenDueWords(t *testing.T) {
	tests := []struct{ text, want string }{
		{"today", "today"},
		{"tomorrow", "tomorrow"},
		{"thu", "Thursday"},
		{"next week", "Mon 30 Nov"},
		{"1 Jan", "1 Jan 2027"},
	}
	for _, tt := range tests {
		due, err := ParseDue(tt.text, dueLateEvening)
		if err != nil {
			t.Fatalf("ParseDue(%q): %v", tt.text, err)
		}
		if got := DueWords(due, dueLateEvening); got != tt.want {
			t.Errorf("DueWords(ParseDue(%q)) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
