package kit

import (
	"fmt"
	"image/color"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"rapport/model"
)

// StanceColor is the colour of a stance on every screen: hues that stay
// apart for colour-blind eyes (blue and amber rather than only green and
// red), each also named in words wherever it is shown.
func StanceColor(s model.Stance) color.NRGBA {
	switch s {
	case model.StanceChampion:
		return color.NRGBA{R: 0x2e, G: 0x9e, B: 0x5b, A: 0xff}
	case model.StanceSupporter:
		return color.NRGBA{R: 0x3d, G: 0x8b, B: 0xd9, A: 0xff}
	case model.StanceNeutral:
		return color.NRGBA{R: 0x94, G: 0x9a, B: 0xa3, A: 0xff}
	case model.StanceSkeptic:
		return color.NRGBA{R: 0xe0, G: 0x9a, B: 0x2b, A: 0xff}
	case model.StanceBlocker:
		return color.NRGBA{R: 0xd6, G: 0x45, B: 0x45, A: 0xff}
	default:
		return color.NRGBA{R: 0xa5, G: 0x8c, B: 0xd6, A: 0xff}
	}
}

// InfluenceDots draws influence 1–5 as filled and empty dots: "●●●○○".
func InfluenceDots(n int) string {
	n = max(0, min(5, n))
	return strings.Repeat("●", n) + strings.Repeat("○", 5-n)
}

// Ago says how long before now t was, in the words a person would use.
func Ago(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	days := model.DaysBetween(t.Local(), now.Local())
	switch {
	case days < 0:
		return "in the future"
	case days == 0:
		return "today"
	case days == 1:
		return "yesterday"
	case days < 14:
		return fmt.Sprintf("%d days ago", days)
	case days < 60:
		return fmt.Sprintf("%d weeks ago", days/7)
	case days < 365*2:
		return fmt.Sprintf("%d months ago", days/30)
	default:
		return fmt.Sprintf("%d years ago", days/365)
	}
}

// DayText formats a stored day for display and editing: "2026-11-23".
func DayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// CadenceText describes a keep-in-touch cadence.
func CadenceText(days int) string {
	switch {
	case days == 0:
		return "No fixed cadence"
	case days == 1:
		return "Every day"
	case days%30 == 0:
		if days == 30 {
			return "Every month"
		}
		return fmt.Sprintf("Every %d months", days/30)
	case days%7 == 0:
		if days == 7 {
			return "Every week"
		}
		return fmt.Sprintf("Every %d weeks", days/7)
	default:
		return fmt.Sprintf("Every %d days", days)
	}
}

// Plural is "1 person", "2 people"-style counting.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// LowerFirst lower-cases the first letter of a label for use mid-sentence.
func LowerFirst(s string) string { return mapFirst(s, unicode.ToLower) }

// CapitalFirst upper-cases the first letter, to start a sentence.
func CapitalFirst(s string) string { return mapFirst(s, unicode.ToUpper) }

// mapFirst is s with f applied to its first letter.
func mapFirst(s string, f func(rune) rune) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(f(r)) + s[n:]
}
