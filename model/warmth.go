package model

import (
	"math"
	"time"
)

// Constants of the warmth formula (see Warmth).
const (
	// warmthRecencyShare is the part of warmth that comes from recency;
	// the rest comes from the balance.
	warmthRecencyShare = 0.75
	// warmthBalanceHalf is the balance that earns half the balance share:
	// about a coffee, an exploratory meeting and a message, all fresh.
	warmthBalanceHalf = 10.0
	// noCadenceScaleDays stands in for the cadence of people without one.
	noCadenceScaleDays = 90
)

// Warmth is how warm the relationship with a person is, 0 (cold) to 100
// (warm), mostly from how recently the user was in touch and partly from
// the credits balance:
//
//	warmth = round(100 × clamp(0.75 × recency + 0.25 × b/(|b| + 10), 0, 1))
//
// where b is the balance and, with d the calendar days from lastContact to
// now (DaysBetween) and c the cadence in days (90 when cadenceDays is 0):
//
//	recency = 0                  when there has been no contact (zero lastContact)
//	recency = 1                  when d ≤ c
//	recency = 2^(−(d − c)/c)     when d > c: halving every further cadence period
//
// The balance term saturates: 10 points give half of its share, 30 give
// three quarters, and no balance gives more than the whole; a negative
// balance pulls warmth down by as much. A lastContact after now counts as
// now: a contact dated in the future is no warmer than one today.
func (r CreditRules) Warmth(balance float64, lastContact time.Time, cadenceDays int, now time.Time) int {
	return warmth(balance, daysSince(lastContact, Day(now), now.Location()), cadenceDays)
}

// daysSince is the calendar days from t to today (a date as Day returns
// it, computed once by callers that loop, of a now in location loc), 0
// when t is after today, and -1 when t is zero (never). t's date is read
// in loc, the zone of now, so an instant stored in UTC and a local now
// agree on what "yesterday" is.
func daysSince(t, today time.Time, loc *time.Location) int {
	if t.IsZero() {
		return -1
	}
	return max(int(today.Sub(Day(t.In(loc))).Hours()/24), 0)
}

// warmth is Warmth with the days since the last contact already counted
// (-1 for never), so a caller that needs them too counts them once.
func warmth(balance float64, days, cadenceDays int) int {
	w := warmthRecencyShare*recency(days, cadenceDays) +
		(1-warmthRecencyShare)*saturate(balance, warmthBalanceHalf)
	return int(math.Round(100 * min(max(w, 0), 1)))
}

// recency is 1 within the cadence, halving every further cadence period
// after it, and 0 when there was never any contact (days < 0).
func recency(days, cadenceDays int) float64 {
	if days < 0 {
		return 0
	}
	scale := cadenceScale(cadenceDays)
	if days <= scale {
		return 1
	}
	return math.Exp2(-float64(days-scale) / float64(scale))
}

// cadenceScale is the cadence in days, or noCadenceScaleDays for a person
// without one.
func cadenceScale(cadenceDays int) int {
	if cadenceDays <= 0 {
		return noCadenceScaleDays
	}
	return cadenceDays
}

// saturate maps any value to (−1, 1): v/(|v| + half), so half gives ½.
// Infinities give ±1 and NaN gives 0.
func saturate(v, half float64) float64 {
	switch {
	case math.IsNaN(v):
		return 0
	case math.IsInf(v, 1):
		return 1
	case math.IsInf(v, -1):
		return -1
	}
	return v / (math.Abs(v) + half)
}
