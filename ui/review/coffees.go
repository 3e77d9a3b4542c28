package review

import (
	"context"
	"fmt"
	"time"

	"rapport/model"
	"rapport/ui/kit"
)

// coffeeSlots are the starts of n coffees on the working days after now,
// one a day at 10:00 in zone.
func coffeeSlots(now time.Time, zone *time.Location, n int) []time.Time {
	var out []time.Time
	day := now.In(zone)
	for len(out) < n {
		day = day.AddDate(0, 0, 1)
		if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			continue
		}
		out = append(out, time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, zone))
	}
	return out
}

// scheduleCoffees schedules a coffee with each person ticked, one per
// working day from tomorrow, each with its agenda drafted.
func (r *Review) scheduleCoffees() {
	var ids []int64
	for _, id := range r.order {
		if r.reach[id].Checked {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		r.nav.Toast("Tick the people to reach first.", nil)
		return
	}
	settings := r.read.Settings
	slots := coffeeSlots(r.now(), r.zone(), len(ids))
	made := 0
	for i, id := range ids {
		m := model.Meeting{PersonID: id, Kind: model.MeetingCoffee, Start: slots[i],
			Duration: time.Duration(settings.MeetingMinutes) * time.Minute, ReminderMinutes: settings.ReminderMinutes}
		agenda, err := r.nav.DraftAgenda(m)
		if err != nil {
			r.nav.ShowError("Could not draft the agenda", err)
			return
		}
		m.Agenda = agenda
		if err := r.store.CreateMeeting(context.Background(), &m); err != nil {
			r.nav.ShowError("Could not schedule the coffee", err)
			return
		}
		made++
	}
	r.nav.Toast(fmt.Sprintf("%s scheduled this week, one a day at 10:00. Change any on the Meetings screen.", kit.Plural(made, "coffee", "coffees")), nil)
	for _, c := range r.reach {
		c.SetChecked(false)
	}
}
