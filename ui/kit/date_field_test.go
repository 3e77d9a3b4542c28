package kit_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// dateNow is Monday 7 December 2026.
var dateNow = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

func TestDateHint(t *testing.T) {
	tests := []struct {
		text string
		dir  model.DateDirection
		want string
	}{
		{"", model.DateAhead, "No due date"},
		{"Fri", model.DateAhead, "Friday 11 December 2026 (in 4 days)"},
		{"Fri", model.DatePast, "Friday 4 December 2026 (3 days ago)"},
		{"last Friday", model.DatePast, "Friday 4 December 2026 (3 days ago)"},
		{"yesterday", model.DatePast, "Sunday 6 December 2026 (yesterday)"},
		{"tomorrow", model.DateAhead, "Tuesday 8 December 2026 (tomorrow)"},
		{"today", model.DatePast, "Monday 7 December 2026 (today)"},
		{"4 Dec", model.DateAhead, "Saturday 4 December 2027 (in 362 days)"},
		{"end of March", model.DateAhead, "Wednesday 31 March 2027 (in 114 days)"},
		{"Fridy", model.DateAhead, "Not a date yet"},
	}
	for _, tt := range tests {
		if got := kit.DateHint(tt.text, dateNow, tt.dir, "No due date"); got != tt.want {
			t.Errorf("DateHint(%q, %v) = %q, want %q", tt.text, tt.dir, got, tt.want)
		}
	}
}

// TestDateFieldReadsBackAsTyped: the hint under the field follows the
// typing.
func TestDateFieldReadsBackAsTyped(t *testing.T) {
	kittest.NewApp(t)
	f := kit.NewDateField("today", "", model.DatePast, func() time.Time { return dateNow }, "")
	if f.Hint.Text != "Monday 7 December 2026 (today)" {
		t.Errorf("it opens reading %q", f.Hint.Text)
	}
	f.SetText("")
	test.Type(f.TextField, "last Fri")
	if f.Hint.Text != "Friday 4 December 2026 (3 days ago)" {
		t.Errorf("after typing it reads %q", f.Hint.Text)
	}
}
