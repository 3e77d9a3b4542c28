package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseDue reads a due date typed by the user, relative to now, whose
// calendar day is read in now's own location (as Day does). It accepts:
//
//   - "2026-12-01", "today" (as ParseDay reads them) and "tomorrow";
//   - a weekday, "tue" or "tuesday" (also "tues", "thu", "thurs"...): the
//     next such day strictly after today, so "tue" on a Tuesday is a week
//     away;
//   - "next tue": that weekday in the calendar week (Monday to Sunday)
//     after the current one; "next week": the Monday of that week;
//   - "this week", "end of week" or "eow": the Friday of this week, or
//     today if that Friday is past; "end of month" or "eom": the last day of
//     this month; "next month": the first day of next month;
//   - "in 3 days", "in a week", "in 2 months", "in 1 year", or the same
//     without "in": months and years that land past the end of a shorter
//     month stop at its last day (31 Jan + a month is 28 or 29 Feb);
//   - "1 Dec", "Dec 1", "1st december", with an optional year ("1 Dec 2027",
//     "Dec 1, 2027"): without a year, the next such date on or after today.
//
// Case and extra spaces do not matter. Empty text gives the zero time and no
// error. The result is in the form Day returns.
func ParseDue(text string, now time.Time) (time.Time, error) {
	s := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(text, ",", " ")), " "))
	if s == "" {
		return time.Time{}, nil
	}
	today := Day(now)
	for _, parse := range []func(string, time.Time) (time.Time, bool){
		dueISO, dueKeyword, dueWeekday, dueAfter, dueDayMonth,
	} {
		if t, ok := parse(s, today); ok {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a due date like Tue, next week, in 3 days or 2026-12-01", text)
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

// dueISO reads "today" and ISO dates through ParseDay, leaving out the past
// forms ("yesterday", "3 days ago") that make no sense for a due date.
func dueISO(s string, today time.Time) (time.Time, bool) {
	if s != "today" && !(len(s) == 10 && s[4] == '-' && s[7] == '-') {
		return time.Time{}, false
	}
	t, err := ParseDay(s, today)
	return t, err == nil
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
