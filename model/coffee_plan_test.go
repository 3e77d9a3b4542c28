package model

import (
	"slices"
	"testing"
	"time"
)

func TestPlanCoffees(t *testing.T) {
	zone := time.FixedZone("UTC+1", 3600)
	// Monday 23 November 2026, 09:30 in zone.
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, zone)
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, zone) }
	meet := func(person int64, start time.Time, minutes int, rec Recurrence) Meeting {
		return Meeting{PersonID: person, Start: start, Duration: time.Duration(minutes) * time.Minute,
			Status: MeetingPlanned, Recurrence: rec}
	}
	slot := func(person int64, start time.Time) CoffeeSlot { return CoffeeSlot{PersonID: person, Start: start} }
	tests := []struct {
		name      string
		ids       []int64
		planned   []Meeting
		wantSlots []CoffeeSlot
		wantBusy  []int64
	}{
		{"nothing planned: one a working day at 10:00", []int64{1, 2, 3, 4, 5}, nil,
			[]CoffeeSlot{slot(1, at(24, 10, 0)), slot(2, at(25, 10, 0)), slot(3, at(26, 10, 0)),
				slot(4, at(27, 10, 0)), slot(5, at(30, 10, 0))}, nil},
		{"a one-off at 10:00 on Tuesday with someone else: 11:00", []int64{1},
			[]Meeting{meet(9, at(24, 10, 0), 60, RecurrenceNone)},
			[]CoffeeSlot{slot(1, at(24, 11, 0))}, nil},
		{"a meeting ending at 10:15 still overlaps 10:00", []int64{1},
			[]Meeting{meet(9, at(24, 9, 30), 45, RecurrenceNone)},
			[]CoffeeSlot{slot(1, at(24, 11, 0))}, nil},
		{"a meeting ending at 10:00 does not", []int64{1},
			[]Meeting{meet(9, at(24, 9, 0), 60, RecurrenceNone)},
			[]CoffeeSlot{slot(1, at(24, 10, 0))}, nil},
		{"a standing weekly 1:1 begun weeks ago, Tuesdays 10:00", []int64{1},
			[]Meeting{meet(9, time.Date(2026, 10, 6, 10, 0, 0, 0, zone), 30, RecurrenceWeekly)},
			[]CoffeeSlot{slot(1, at(24, 11, 0))}, nil},
		{"a day full from 10 to 17 is skipped", []int64{1, 2},
			[]Meeting{meet(9, at(24, 10, 0), 7*60, RecurrenceNone)},
			[]CoffeeSlot{slot(1, at(25, 10, 0)), slot(2, at(26, 10, 0))}, nil},
		{"the same person ticked twice: one coffee", []int64{1, 1, 2}, nil,
			[]CoffeeSlot{slot(1, at(24, 10, 0)), slot(2, at(25, 10, 0))}, nil},
		{"a person with a meeting this week gets none", []int64{1, 2},
			[]Meeting{meet(1, at(27, 15, 0), 30, RecurrenceNone)},
			[]CoffeeSlot{slot(2, at(24, 10, 0))}, []int64{1}},
		{"a person with a standing 1:1 this week gets none", []int64{1},
			[]Meeting{meet(1, time.Date(2026, 9, 3, 16, 0, 0, 0, zone), 30, RecurrenceWeekly)},
			nil, []int64{1}},
		{"a meeting in three weeks does not count as this week", []int64{1},
			[]Meeting{meet(1, at(23, 10, 0).AddDate(0, 0, 21), 30, RecurrenceNone)},
			[]CoffeeSlot{slot(1, at(24, 10, 0))}, nil},
		{"a cancelled meeting is no obstacle", []int64{1},
			[]Meeting{{PersonID: 1, Start: at(24, 10, 0), Duration: time.Hour, Status: MeetingCanceled}},
			[]CoffeeSlot{slot(1, at(24, 10, 0))}, nil},
	}
	for _, tt := range tests {
		slots, busy := PlanCoffees(now, zone, tt.ids, 30*time.Minute, tt.planned)
		if !slices.EqualFunc(slots, tt.wantSlots, func(a, b CoffeeSlot) bool {
			return a.PersonID == b.PersonID && a.Start.Equal(b.Start)
		}) {
			t.Errorf("%s: slots = %v, want %v", tt.name, slots, tt.wantSlots)
		}
		if !slices.Equal(busy, tt.wantBusy) {
			t.Errorf("%s: busy = %v, want %v", tt.name, busy, tt.wantBusy)
		}
	}
}
