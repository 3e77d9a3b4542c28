package model

import (
	"fmt"
	"strings"
	"time"
)

// Day returns the calendar date of t, read in t's own location, as midnight
// UTC: the form in which Rapport keeps dates that have no time of day
// (promise due dates, when someone was first met). The zero time stays zero.
func Day(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DaysBetween is the number of whole calendar days from a to b (negative
// when b is earlier), counting dates, not 24-hour periods. Each is read in
// its own location, so dates (as Day returns them) compare with dates; to
// count the days since an instant, give both in the same location.
func DaysBetween(a, b time.Time) int {
	return int(Day(b).Sub(Day(a)).Hours() / 24)
}

// ParseDay reads a calendar day typed by the user, relative to now when
// need be: "2026-11-20", "today", "yesterday", "3 days ago", "2 weeks ago".
// Empty text gives the zero time and no error. The result is in the form
// Day returns.
func ParseDay(text string, now time.Time) (time.Time, error) {
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	switch s {
	case "":
		return time.Time{}, nil
	case "today":
		return Day(now), nil
	case "yesterday":
		return Day(now).AddDate(0, 0, -1), nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	var n int
	var unit string
	if k, err := fmt.Sscanf(s, "%d %s ago", &n, &unit); err == nil && k == 2 && n >= 0 {
		switch strings.TrimSuffix(unit, "s") {
		case "day":
			return Day(now).AddDate(0, 0, -n), nil
		case "week":
			return Day(now).AddDate(0, 0, -7*n), nil
		case "month":
			return Day(now).AddDate(0, -n, 0), nil
		case "year":
			return Day(now).AddDate(-n, 0, 0), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date like 2026-11-23, today, yesterday or 3 days ago", text)
}
