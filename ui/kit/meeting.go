package kit

import (
	"fmt"

	"rapport/model"
)

// MeetingTitle names a meeting: "Coffee with Dana Reyes", or its kind
// alone when the person has no name.
func MeetingTitle(m model.Meeting, with model.Person) string {
	if with.Name == "" {
		return m.Kind.Label()
	}
	return m.Kind.Label() + " with " + with.Name
}

// MinutesText says a length of time: "30 minutes", "1 hour", "1½ hours".
func MinutesText(n int) string {
	switch {
	case n == 60:
		return "1 hour"
	case n == 90:
		return "1½ hours"
	case n == 24*60:
		return "1 day"
	case n >= 60 && n%60 == 0:
		return fmt.Sprintf("%d hours", n/60)
	}
	return fmt.Sprintf("%d minutes", n)
}

// ReminderText says a reminder: "No reminder", "10 minutes before".
func ReminderText(n int) string {
	if n == 0 {
		return "No reminder"
	}
	return MinutesText(n) + " before"
}
