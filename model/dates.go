package model

import (
	"errors"
	"fmt"
	"strconv"
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

// ParseDay reads the day of something that happened, typed by the user:
// ParseDate looking into the past (see DatePast). Empty text gives the zero
// time and no error. Its error does not name the word at fault (ParseDate's
// does), as the forms that call it expect.
func ParseDay(text string, now time.Time) (time.Time, error) {
	t, err := ParseDate(text, now, DatePast)
	return t, legacyDateError(err)
}

// ParseClock reads a time of day typed by the user: "10:00", "9:30",
// "15.45", "14", "3pm", "3:30 pm", "noon". It returns the hour (0–23) and
// minute.
func ParseClock(text string) (hour, minute int, err error) {
	s := strings.ToLower(strings.Join(strings.Fields(text), ""))
	bad := fmt.Errorf("%q is not a time like 10:00, 9:30 or 3pm", text)
	switch s {
	case "":
		return 0, 0, errors.New("is required")
	case "noon", "midday":
		return 12, 0, nil
	case "midnight":
		return 0, 0, nil
	}
	suffix := ""
	for _, x := range []string{"am", "pm", "a.m.", "p.m."} {
		if strings.HasSuffix(s, x) {
			suffix, s = x[:1], strings.TrimSuffix(s, x)
			break
		}
	}
	hs, ms, found := strings.Cut(strings.ReplaceAll(s, ".", ":"), ":")
	if !found && len(hs) > 2 {
		return 0, 0, bad
	}
	if !found {
		ms = "0"
	}
	if hs == "" || ms == "" || len(hs) > 2 || len(ms) > 2 || found && len(ms) != 2 {
		return 0, 0, bad
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 {
		return 0, 0, bad
	}
	switch suffix {
	case "a", "p":
		if h < 1 || h > 12 {
			return 0, 0, bad
		}
		h %= 12
		if suffix == "p" {
			h += 12
		}
	default:
		if h > 23 {
			return 0, 0, bad
		}
	}
	return h, m, nil
}
