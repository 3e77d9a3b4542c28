package model

import "time"

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
// when b is earlier), counting dates, not 24-hour periods.
func DaysBetween(a, b time.Time) int {
	return int(Day(b).Sub(Day(a)).Hours() / 24)
}
