package model

import (
	"math"
	"testing"
	"time"
)

func TestWarmth(t *testing.T) {
	now := time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC)
	ago := func(days int) time.Time { return now.AddDate(0, 0, -days) }
	tests := []struct {
		name    string
		balance float64
		last    time.Time
		cadence int
		want    int
	}{
		{"never contacted", 0, time.Time{}, 30, 0},
		{"added today, no contact", 0, time.Time{}, DefaultCadenceDays, 0},
		{"never contacted, some credit", 10, time.Time{}, 30, 13},
		{"contacted today", 0, now, 30, 75},
		{"contacted earlier today", 0, time.Date(2026, 6, 1, 0, 5, 0, 0, time.UTC), 30, 75},
		{"contact dated in the future", 0, now.AddDate(0, 0, 10), 30, 75},
		{"contacted today, balance 10", 10, now, 30, 88},
		{"exactly at cadence", 0, ago(30), 30, 75},
		{"a day past cadence", 0, ago(31), 30, 73},
		{"twice the cadence", 0, ago(60), 30, 38},
		{"three times the cadence", 0, ago(90), 30, 19},
		{"no cadence, within 90 days", 0, ago(90), 0, 75},
		{"no cadence, 180 days", 0, ago(180), 0, 38},
		{"negative balance", -10, now, 30, 63},
		{"very negative balance, long ago", -1e6, ago(3650), 30, 0},
		{"huge balance", 1e9, now, 30, 100},
		{"infinite balance", math.Inf(1), now, 30, 100},
		{"not a number", math.NaN(), now, 30, 75},
		{"never contacted, no cadence", 0, time.Time{}, 0, 0},
		{"never contacted, in debt", -10, time.Time{}, 30, 0},
		{"added today, a coffee this morning", 3, time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC), DefaultCadenceDays, 81},
		{"added today, help given just now", 8, now, 0, 86},
		{"contact dated in the future, no cadence", 0, now.AddDate(1, 0, 0), 0, 75},
		{"contact dated later today", 0, now.Add(time.Hour), 30, 75},
		{"no cadence, a day past 90 days", 0, ago(91), 0, 74},
		{"no cadence, 400 days", 0, ago(400), 0, 7},
		{"negative cadence counts as none", 0, ago(180), -5, 38},
		{"one-day cadence, yesterday", 0, ago(1), 1, 75},
		{"one-day cadence, two days ago", 0, ago(2), 1, 38},
	}
	for _, tt := range tests {
		got := DefaultCredits.Warmth(tt.balance, tt.last, tt.cadence, now)
		if got != tt.want {
			t.Errorf("%s: Warmth = %d, want %d", tt.name, got, tt.want)
		}
		if got < 0 || got > 100 {
			t.Errorf("%s: Warmth = %d, out of 0–100", tt.name, got)
		}
	}
}

func TestWarmthCalendarDays(t *testing.T) {
	// 23:50 the day before is one calendar day ago, not zero.
	now := time.Date(2026, 6, 1, 0, 10, 0, 0, time.UTC)
	last := time.Date(2026, 4, 30, 23, 50, 0, 0, time.UTC) // 32 calendar days
	if got := DefaultCredits.Warmth(0, last, 31, now); got != 73 {
		t.Errorf("one day past a 31-day cadence: %d, want 73", got)
	}
}

func TestWarmthFallsWithTime(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	prev := 101
	for days := 0; days <= 400; days += 5 {
		w := DefaultCredits.Warmth(5, now.AddDate(0, 0, -days), 30, now)
		if w > prev {
			t.Fatalf("warmth rose from %d to %d at %d days", prev, w, days)
		}
		prev = w
	}
}
