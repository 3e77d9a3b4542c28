package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"rapport/model"
	"rapport/ui/kit"
)

// scheduleCoffees schedules a coffee with each person ticked, one per
// working day from tomorrow, clear of the meetings already planned
// (model.PlanCoffees), each with its agenda drafted; a person already
// meeting the user this week gets no second one, and the toast says so.
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
	length := time.Duration(settings.MeetingMinutes) * time.Minute
	slots, busy := model.PlanCoffees(r.now(), r.zone(), ids, length, r.read.Planned)
	made := 0
	for _, slot := range slots {
		m := model.Meeting{PersonID: slot.PersonID, Kind: model.MeetingCoffee, Start: slot.Start,
			Duration: length, ReminderMinutes: settings.ReminderMinutes, Status: model.MeetingPlanned}
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
		r.read.Planned = append(r.read.Planned, m)
		made++
	}
	r.nav.Toast(r.coffeesScheduled(made, busy), nil)
	for _, c := range r.reach {
		c.SetChecked(false)
	}
}

// coffeesScheduled is the toast after scheduling: how many coffees, and
// whom none was scheduled with because they already meet this week.
func (r *Review) coffeesScheduled(made int, busy []int64) string {
	msg := fmt.Sprintf("%s scheduled, one a working day, clear of the meetings already planned. Change any on the Meetings screen.",
		kit.Plural(made, "coffee", "coffees"))
	if made == 0 {
		msg = "No coffee scheduled."
	}
	if len(busy) > 0 {
		names := make([]string, len(busy))
		for i, id := range busy {
			names[i] = r.read.Today.Name(id)
		}
		msg += " Already meeting this week, none added: " + strings.Join(names, ", ") + "."
	}
	return msg
}
