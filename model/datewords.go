package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateDirection says which way a date field looks when a typed day is
// ambiguous: a bare weekday or "4 Dec" names a day either side of today.
type DateDirection int

// The two directions of a date field.
const (
	// DateAhead is for due dates: a bare weekday is the next such day after
	// today ("fri" on a Friday is a week away) and "4 Dec" or "end of March"
	// the next one on or after today.
	DateAhead DateDirection = iota
	// DatePast is for things that happened (logging a coffee): a bare
	// weekday is the latest such day on or before today ("fri" on a Friday
	// is today) and "4 Dec" or "end of March" the latest one on or before
	// today.
	DatePast
)

// ParseDate reads a calendar day typed by the user, relative to now, whose
// own calendar day is read in now's location (as Day does). One language
// serves every date field; dir only settles the words that could mean a
// day either side of today. It accepts, case and extra spaces ignored:
//
//   - "2026-12-04"; "today", "yesterday", "tomorrow", "day before
//     yesterday", "day after tomorrow";
//   - a weekday, "fri" or "friday" (also "tues", "thurs"...), optionally
//     after "on": see DateAhead and DatePast; "last fri" is the latest such
//     day strictly before today, "next fri" that weekday in the calendar
//     week (Monday to Sunday) after this one, "this fri" the one in this
//     week;
//   - "next week" and "last week" (their Monday); "this week", "end of
//     week" or "eow" (this week's Friday, or today once it is past); "end
//     of month", "end of the month" or "eom"; "end of year"; "next month"
//     (its first day);
//   - "in 3 days", "in a week", "2 months" (months that land past the end
//     of a shorter month stop at its last day), and "3 days ago", "a week
//     ago";
//   - "4 Dec", "Dec 4", "4th December", with an optional year ("4 Dec
//     2027"), and "end of March" (optionally "end of March 2027"): without
//     a year, the nearest one in dir's direction, today included.
//
// Empty text gives the zero time and no error. The result is in the form
// Day returns. The error quotes the text and, when one word is the
// trouble, names it.
func ParseDate(text string, now time.Time, dir DateDirection) (time.Time, error) {
	s := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(text, ",", " ")), " "))
	if s == "" {
		return time.Time{}, nil
	}
	s = strings.TrimPrefix(s, "on ")
	today := Day(now)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	for _, parse := range []func(string, time.Time, DateDirection) (time.Time, bool){
		dateKeyword, dateWeekday, dateAgo, dateIn, dateDayMonth, dateEndOfMonth,
	} {
		if t, ok := parse(s, today, dir); ok {
			return t, nil
		}
	}
	return time.Time{}, dateError(text, s, dir)
}

// DateError says that a typed date could not be read: it quotes the text,
// gives examples and, when one word is the trouble, names it.
type DateError struct {
	Text string        // as typed
	Word string        // the first word that is no word of dates, or ""
	Dir  DateDirection // which way the field looks, for the examples
}

// Error is the message a date field shows under itself.
func (e *DateError) Error() string {
	msg := fmt.Sprintf("%q is not a date like 2026-11-23, today, yesterday or 3 days ago", e.Text)
	if e.Dir == DateAhead {
		msg = fmt.Sprintf("%q is not a due date like Tue, next week, in 3 days or 2026-12-01", e.Text)
	}
	if e.Word != "" {
		msg += fmt.Sprintf(": %q is not a word of dates", e.Word)
	}
	return msg
}

// dateError explains why text is not a date, naming the first word that is
// no word of dates at all.
func dateError(text, folded string, dir DateDirection) error {
	e := &DateError{Text: text, Dir: dir}
	if words := strings.Fields(folded); len(words) > 1 {
		for _, w := range words {
			if !dateWord(w) {
				e.Word = w
				break
			}
		}
	}
	return e
}

// legacyDateError is err without the word it names: the message ParseDay
// and ParseDue have always given, which the current forms show and test.
func legacyDateError(err error) error {
	if e, ok := err.(*DateError); ok && e.Word != "" {
		return &DateError{Text: e.Text, Dir: e.Dir}
	}
	return err
}

// dateVocabulary is every word ParseDate knows besides numbers, weekdays
// and months.
var dateVocabulary = map[string]bool{
	"today": true, "tomorrow": true, "yesterday": true, "day": true, "days": true,
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"next": true, "last": true, "this": true, "in": true, "ago": true, "end": true, "of": true,
	"the": true, "a": true, "an": true, "one": true, "eow": true, "eom": true, "on": true,
	"before": true, "after": true,
}

// dateWord reports whether w is a word ParseDate could use.
func dateWord(w string) bool {
	if dateVocabulary[w] {
		return true
	}
	if _, ok := dueWeekdayNames[w]; ok {
		return true
	}
	if _, ok := dueMonthNames[w]; ok {
		return true
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suffix)
	}
	_, err := strconv.Atoi(strings.ReplaceAll(w, "-", ""))
	return err == nil
}

// dateKeyword reads the fixed phrases: "tomorrow", "next week", "end of
// month" and the like.
func dateKeyword(s string, today time.Time, _ DateDirection) (time.Time, bool) {
	switch s {
	case "today":
		return today, true
	case "yesterday":
		return today.AddDate(0, 0, -1), true
	case "day before yesterday", "the day before yesterday":
		return today.AddDate(0, 0, -2), true
	case "day after tomorrow", "the day after tomorrow":
		return today.AddDate(0, 0, 2), true
	case "last week":
		return dueWeekStart(today).AddDate(0, 0, -7), true
	case "end of year", "end of the year", "end of this year", "eoy":
		return time.Date(today.Year(), time.December, 31, 0, 0, 0, 0, time.UTC), true
	}
	return dueKeyword(s, today)
}

// dateWeekday reads "fri", "last fri", "next fri" and "this fri".
func dateWeekday(s string, today time.Time, dir DateDirection) (time.Time, bool) {
	which, name, found := strings.Cut(s, " ")
	if !found {
		which, name = "", s
	}
	wd, ok := dueWeekdayNames[name]
	if !ok {
		return time.Time{}, false
	}
	back := (int(today.Weekday()) - int(wd) + 7) % 7 // days since the latest such day, 0 today
	switch which {
	case "next":
		return dueWeekStart(today).AddDate(0, 0, 7+dueDaysFromMonday(wd)), true
	case "this":
		return dueWeekStart(today).AddDate(0, 0, dueDaysFromMonday(wd)), true
	case "last":
		if back == 0 {
			back = 7
		}
		return today.AddDate(0, 0, -back), true
	case "":
		if dir == DatePast {
			return today.AddDate(0, 0, -back), true
		}
		return dueWeekday(s, today)
	}
	return time.Time{}, false
}

// dateIn reads "in 3 days", "in a week", "2 months".
func dateIn(s string, today time.Time, _ DateDirection) (time.Time, bool) {
	return dueAfter(s, today)
}

// dateAgo reads "3 days ago", "a week ago", "2 months ago".
func dateAgo(s string, today time.Time, _ DateDirection) (time.Time, bool) {
	rest, ok := strings.CutSuffix(s, " ago")
	if !ok {
		return time.Time{}, false
	}
	f := strings.Fields(rest)
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
		t = today.AddDate(0, 0, -n)
	case "week":
		t = today.AddDate(0, 0, -7*n)
	case "month":
		t = dueAddMonths(today, -n)
	case "year":
		t = dueAddMonths(today, -12*n)
	default:
		return time.Time{}, false
	}
	return t, t.Year() >= 1
}

// dateDayMonth reads "4 dec", "dec 4", "4th december", with an optional
// four-digit year. Without a year it is the nearest such date in dir's
// direction, today included (29 Feb waits for, or goes back to, a leap
// year). Dates that do not exist are refused.
func dateDayMonth(s string, today time.Time, dir DateDirection) (time.Time, bool) {
	if dir == DateAhead {
		return dueDayMonth(s, today)
	}
	f := strings.Fields(s)
	if len(f) != 2 {
		return dueDayMonth(s, today) // with a year, the direction does not matter
	}
	d, m, ok := dueDayOfMonth(f[0], f[1])
	if !ok {
		d, m, ok = dueDayOfMonth(f[1], f[0])
	}
	if !ok {
		return time.Time{}, false
	}
	for y := today.Year(); y >= today.Year()-8 && y >= 1; y-- {
		if d > dueDaysIn(y, m) {
			continue
		}
		if t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); !t.After(today) {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateEndOfMonth reads "end of march" and "end of march 2027": the last day
// of that month, without a year the nearest one in dir's direction, today
// included.
func dateEndOfMonth(s string, today time.Time, dir DateDirection) (time.Time, bool) {
	rest, ok := strings.CutPrefix(s, "end of ")
	if !ok {
		return time.Time{}, false
	}
	f := strings.Fields(rest)
	if len(f) == 0 || len(f) > 2 {
		return time.Time{}, false
	}
	m, ok := dueMonthNames[f[0]]
	if !ok {
		return time.Time{}, false
	}
	end := func(y int) time.Time { return time.Date(y, m, dueDaysIn(y, m), 0, 0, 0, 0, time.UTC) }
	if len(f) == 2 {
		y, err := strconv.Atoi(f[1])
		if err != nil || len(f[1]) != 4 || y < 1 {
			return time.Time{}, false
		}
		return end(y), true
	}
	t := end(today.Year())
	switch {
	case dir == DateAhead && t.Before(today):
		t = end(today.Year() + 1)
	case dir == DatePast && t.After(today):
		t = end(today.Year() - 1)
	}
	return t, true
}

// DateReadBack is the day as a date field shows it under what was typed,
// so the user sees what was understood: "Fri 11 Dec" in now's year, "Fri 11
// Dec 2027" in another. The zero time gives "".
func DateReadBack(day, now time.Time) string {
	if day.IsZero() {
		return ""
	}
	if Day(day).Year() == Day(now).Year() {
		return Day(day).Format("Mon 2 Jan")
	}
	return Day(day).Format("Mon 2 Jan 2006")
}
