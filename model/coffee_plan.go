package model

import (
	"slices"
	"time"
)

// CoffeeSlot is one coffee the weekly review schedules: with whom, and
// when it starts.
type CoffeeSlot struct {
	PersonID int64
	Start    time.Time
}

// Limits of PlanCoffees.
const (
	// CoffeeBusyDays: a person with a meeting planned within this many
	// days of now gets no second one from the review.
	CoffeeBusyDays = 7
	// coffeeSearchDays is how far ahead PlanCoffees looks for free days.
	coffeeSearchDays = 90
)

// coffeeHours are the hours of the day, in order of preference, at which
// PlanCoffees tries to put a coffee.
var coffeeHours = []int{10, 11, 14, 15, 16}

// PlanCoffees places a coffee of the given length with each person in ids
// (a person listed twice counts once), in order, one per working day
// after now, in zone, at the first of 10:00, 11:00, 14:00, 15:00 and
// 16:00 that overlaps no occurrence of a meeting in planned (status
// planned; a recurring meeting counts at each of its occurrences), and on
// a later working day when none is free. A person who already has a
// planned meeting starting within CoffeeBusyDays of now, or who cannot be
// placed within coffeeSearchDays, is returned in busy instead, in order.
func PlanCoffees(now time.Time, zone *time.Location, ids []int64, length time.Duration,
	planned []Meeting) (slots []CoffeeSlot, busy []int64) {
	if zone == nil {
		zone = time.UTC
	}
	var active []Meeting
	for _, m := range planned {
		if m.Status == MeetingPlanned || m.Status == "" {
			active = append(active, m)
		}
	}
	day := now.In(zone)
	last := day.AddDate(0, 0, coffeeSearchDays)
	var seen []int64
	for _, id := range ids {
		if slices.Contains(seen, id) {
			continue
		}
		seen = append(seen, id)
		if meetsWithin(active, id, now, now.AddDate(0, 0, CoffeeBusyDays), zone) {
			busy = append(busy, id)
			continue
		}
		start, next, ok := freeCoffee(active, day, last, length, zone)
		if !ok {
			busy = append(busy, id)
			continue
		}
		day = next
		slots = append(slots, CoffeeSlot{PersonID: id, Start: start})
		active = append(active, Meeting{PersonID: id, Start: start, Duration: length, Status: MeetingPlanned})
	}
	return slots, busy
}

// freeCoffee is the first free coffee start on a working day after day
// and up to last, and that start's day, from which the next coffee is
// looked for; ok is false when there is none.
func freeCoffee(planned []Meeting, day, last time.Time, length time.Duration, zone *time.Location) (start, on time.Time, ok bool) {
	for day.Before(last) {
		day = day.AddDate(0, 0, 1)
		if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			continue
		}
		for _, h := range coffeeHours {
			s := time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, zone)
			if !overlapsAny(planned, s, s.Add(length), zone) {
				return s, day, true
			}
		}
	}
	return time.Time{}, day, false
}

// overlapsAny reports whether an occurrence of a meeting in planned
// overlaps [from, to).
func overlapsAny(planned []Meeting, from, to time.Time, zone *time.Location) bool {
	for _, m := range planned {
		occ := m.NextOccurrence(from, zone)
		if occ.Before(to) && occ.Add(m.Duration).After(from) {
			return true
		}
	}
	return false
}

// meetsWithin reports whether an occurrence of a meeting with the person
// in planned starts in [from, to), or is under way at from.
func meetsWithin(planned []Meeting, personID int64, from, to time.Time, zone *time.Location) bool {
	for _, m := range planned {
		if m.PersonID != personID {
			continue
		}
		occ := m.NextOccurrence(from, zone)
		if occ.Before(to) && occ.Add(m.Duration).After(from) {
			return true
		}
	}
	return false
}
