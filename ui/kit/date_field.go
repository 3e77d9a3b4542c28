package kit

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// DateField is a one-line field for a day typed in words ("Fri", "last
// Friday", "end of March", "2026-12-04"), with what it reads as under it
// while it is typed: "Friday 11 December 2026 (in 4 days)". Every date
// field of the app reads the same words (model.ParseDate); dir says which
// way a word that could mean either side of today looks.
type DateField struct {
	*TextField
	// Hint reads the day back under the field.
	Hint *widget.Label
	// Root is the field with its hint, to place in a form.
	Root fyne.CanvasObject

	// Words says how far the day is from today in the hint; daysFrom
	// ("in 4 days", "3 days ago") unless set (model.DueWords for a due
	// date: "Tuesday", "overdue by 3 days").
	Words func(day, now time.Time) string
	// NotYet is the hint while the text is not a day.
	NotYet string

	dir   model.DateDirection
	now   func() time.Time
	empty string
}

// NewDateField is a date field holding text, with placeholder; empty is
// what the hint says while nothing is typed ("No due date", or "" for a
// field that must be filled in).
func NewDateField(text, placeholder string, dir model.DateDirection, now func() time.Time, empty string) *DateField {
	f := &DateField{TextField: Entry(text, placeholder), dir: dir, now: now, empty: empty,
		Words: daysFrom, NotYet: "Not a date yet"}
	f.Hint = widget.NewLabel("")
	f.Hint.SizeName = theme.SizeNameCaptionText
	f.Hint.Wrapping = fyne.TextWrapWord
	f.Root = container.NewVBox(f.TextField, f.Hint)
	f.TextField.OnChanged = func(string) { f.ReadBack() }
	f.ReadBack()
	return f
}

// ReadBack says under the field what it reads as now.
func (f *DateField) ReadBack() {
	f.Hint.SetText(dateHint(f.Text, f.now(), f.dir, f.empty, f.NotYet, f.Words))
}

// DateHint reads a typed day back in words, relative to now: "Friday 11
// December 2026 (in 4 days)" or "Sunday 6 December 2026 (yesterday)";
// empty when nothing is typed, and the problem while it is not a day yet.
func DateHint(text string, now time.Time, dir model.DateDirection, empty string) string {
	return dateHint(text, now, dir, empty, "Not a date yet", daysFrom)
}

// dateHint reads text back as a day, as of now, with words saying how
// far it is; empty when nothing is typed, notYet while it is no day.
func dateHint(text string, now time.Time, dir model.DateDirection, empty, notYet string, words func(day, now time.Time) string) string {
	if strings.TrimSpace(text) == "" {
		return empty
	}
	day, err := model.ParseDate(text, now, dir)
	if err != nil {
		return notYet
	}
	return day.Format("Monday 2 January 2006") + " (" + words(day, now) + ")"
}

// daysFrom says how far day is from now's day: "today", "tomorrow", "in 4
// days", "yesterday", "3 days ago".
func daysFrom(day, now time.Time) string {
	switch n := model.DaysBetween(now, day); {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 1:
		return fmt.Sprintf("in %d days", n)
	default:
		return fmt.Sprintf("%d days ago", -n)
	}
}
