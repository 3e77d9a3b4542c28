package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseDue reads a due date typed by the user: ParseDate looking ahead (see
// DateAhead), so "tue" on a Tuesday is a week away and "1 Dec" is the next
// 1 December on or after today. Empty text gives the zero time and no
// error. Its error does not name the word at fault (ParseDate's does).
func ParseDue(text string, now time.Time) (time.Time, error) {
	t, err := ParseDate(text, now, DateAhead)
	return t, legacyDateError(err)
}

// DueWords describes a due day relative to now, for a row in a list:
// "today", "tomorrow", "overdue by 3 days", the weekday ("Thursday") within
// the coming six days, "Mon 14 Dec" later this year and "14 Dec 2027" in
// another year. The zero time gives "".
func DueWords(due, now time.Time) string {
	if due.IsZero() {
		return ""
	}
	switch n := DaysBetween(now, due); {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "overdue by 1 day"
	case n < 0:
		return fmt.Sprintf("overdue by %d days", -n)
	case n <= 6:
		return Day(due).Weekday().String()
	case Day(due).Year() == Day(now).Year():
		return Day(due).Format("Mon 2 Jan")
	default:
		return Day(due).Format("2 Jan 2006")
	}
}

// dueKeyword reads the fixed phrases: "tomorrow", "next week", "end of
// month" and the like.
func dueKeyword(s string, today time.Time) (time.Time, bool) {
	switch s {
	case "tomorrow":
		return today.AddDate(0, 0, 1), true
	case "next week":
		return dueWeekStart(today).AddDate(0, 0, 7), true
	case "this week", "end of week", "end of the week", "end of this week", "eow":
		friday := dueWeekStart(today).AddDate(0, 0, 4)
		if friday.Before(today) {
			return today, true
		}
		return friday, true
	case "end of month", "end of the month", "end of this month", "eom":
		y, m, _ := today.Date()
		return time.Date(y, m, dueDaysIn(y, m), 0, 0, 0, 0, time.UTC), true
	case "next month":
		y, m, _ := today.Date()
		return time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

// dueWeekdayNames maps the names and abbreviations of weekdays to weekdays.
var dueWeekdayNames = map[string]time.Weekday{
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "weds": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
	"sun": time.Sunday, "sunday": time.Sunday,
}

// dueWeekday reads "tue" (the next Tuesday after today) and "next tue" (the
// Tuesday of next calendar week).
func dueWeekday(s string, today time.Time) (time.Time, bool) {
	name, next := strings.CutPrefix(s, "next ")
	wd, ok := dueWeekdayNames[name]
	if !ok {
		return time.Time{}, false
	}
	if next {
		return dueWeekStart(today).AddDate(0, 0, 7+dueDaysFromMonday(wd)), true
	}
	ahead := (int(wd) - int(today.Weekday()) + 7) % 7
	if ahead == 0 {
		ahead = 7
	}
	return today.AddDate(0, 0, ahead), true
}

// dueAfter reads "in 3 days", "in a week", "2 months", "in 1 year".
func dueAfter(s string, today time.Time) (time.Time, bool) {
	f := strings.Fields(strings.TrimPrefix(s, "in "))
	if len(f) != 2 {
		return time.Time{}, false
	}
	n, err := strconv.Atoi(f[0])
	if f[0] == "a" || f[0] == "an" || f[0] == "one" {
		n, err = 1, nil
	}
	if err != nil || n < 0 || n > 100_000 {
		return time.Time{}, false
	}
	var t time.Time
	switch strings.TrimSuffix(f[1], "s") {
	case "day":
		t = today.AddDate(0, 0, n)
	case "week":
		t = today.AddDate(0, 0, 7*n)
	case "month":
		t = dueAddMonths(today, n)
	case "year":
		t = dueAddMonths(today, 12*n)
	default:
		return time.Time{}, false
	}
	return t, t.Year() <= 9999
}

// dueMonthNames maps the names and abbreviations of months to months.
var dueMonthNames = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

// dueDayMonth reads "1 dec", "dec 1", "1st december" and the same followed
// by a four-digit year. Without a year it is the next such date on or after
// today (29 Feb waits for a leap year). Dates that do not exist are refused.
func dueDayMonth(s string, today time.Time) (time.Time, bool) {
	f := strings.Fields(s)
	if len(f) != 2 && len(f) != 3 {
		return time.Time{}, false
	}
	d, m, ok := dueDayOfMonth(f[0], f[1])
	if !ok {
		d, m, ok = dueDayOfMonth(f[1], f[0])
	}
	if !ok {
		return time.Time{}, false
	}
	if len(f) == 3 {
		y, err := strconv.Atoi(f[2])
		if err != nil || len(f[2]) != 4 || y < 1 || d > dueDaysIn(y, m) {
			return time.Time{}, false
		}
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	for y := today.Year(); y <= today.Year()+8; y++ {
		if d > dueDaysIn(y, m) {
			continue
		}
		if t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); !t.Before(today) {
			return t, true
		}
	}
	return time.Time{}, false
}

// dueDayOfMonth reads a day number ("1", "01", "1st", "22nd") and a month name.
func dueDayOfMonth(day, month string) (int, time.Month, bool) {
	m, ok := dueMonthNames[month]
	if !ok {
		return 0, 0, false
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(day, suffix); ok {
			day = d
			break
		}
	}
	d, err := strconv.Atoi(day)
	if err != nil || len(day) > 2 || d < 1 || d > 31 {
		return 0, 0, false
	}
	return d, m, true
}

// dueWeekStart is the Monday of the calendar week (Monday to Sunday) of day.
func dueWeekStart(day time.Time) time.Time {
	return day.AddDate(0, 0, -dueDaysFromMonday(day.Weekday()))
}

// dueDaysFromMonday is how many days wd comes after Monday: 0 for Monday, 6
// for Sunday.
func dueDaysFromMonday(wd time.Weekday) int { return (int(wd) + 6) % 7 }

// dueDaysIn is the number of days in month m of year y.
func dueDaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dueAddMonths moves day n months on, stopping at the last day of the month
// it lands in rather than spilling into the next (31 Jan + 1 is 28 Feb).
func dueAddMonths(day time.Time, n int) time.Time {
	y, m, d := day.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	if last := dueDaysIn(first.Year(), first.Month()); d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}
