package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// reviewSteps are the steps of the weekly review, in order.
var reviewSteps = []string{
	"Last week's meetings",
	"Promises due",
	"Stances and what they are working on",
	"Your gaps",
	"Whom to reach this week",
}

// weeklyReview walks the user through about ten minutes of upkeep:
// confirm last week's meetings and log their outcomes, resolve promises
// due, touch up stances and "working on", look at the gaps, and pick the
// people to reach this week, scheduling coffees in one go. Finishing it
// records when it was done. It keeps its widgets so tests can walk it.
type weeklyReview struct {
	w    *Window
	step int

	title    *widget.Label
	body     *fyne.Container
	back     *widget.Button
	next     *widget.Button
	finish   *widget.Button
	outcomes map[int64]*widget.Button // meeting ID → Log outcome
	kept     map[int64]*widget.Button // promise ID → Kept
	reach    map[int64]*widget.Check  // person ID → reach out this week
	order    []int64                  // the people offered, in Today's order
	schedule *widget.Button
	dialog   dialog.Dialog
}

// openWeeklyReview starts the weekly review at its first step.
func openWeeklyReview(w *Window) *weeklyReview {
	r := &weeklyReview{w: w, title: widget.NewLabel(""), body: container.NewStack()}
	r.title.TextStyle.Bold = true
	r.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), func() { r.show(r.step - 1) })
	r.next = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), func() { r.show(r.step + 1) })
	r.next.Importance = widget.HighImportance
	r.finish = widget.NewButtonWithIcon("Finish the review", theme.ConfirmIcon(), r.done)
	r.finish.Importance = widget.HighImportance
	later := widget.NewButton("Later", func() { r.dialog.Hide() })
	buttons := container.NewHBox(later, layout.NewSpacer(), r.back, r.next, r.finish)
	r.dialog = dialog.NewCustomWithoutButtons("Weekly review", container.NewBorder(r.title, buttons, nil, nil, r.body), w.win)
	r.dialog.Resize(fitCanvas(w, fyne.NewSize(760, 600)))
	r.show(0)
	r.dialog.Show()
	w.currentReview = r
	return r
}

// show moves to step i and builds it from fresh data.
func (r *weeklyReview) show(i int) {
	r.step = max(0, min(i, len(reviewSteps)-1))
	r.title.SetText(fmt.Sprintf("Step %d of %d · %s", r.step+1, len(reviewSteps), reviewSteps[r.step]))
	var content fyne.CanvasObject
	switch r.step {
	case 0:
		content = r.meetingsStep()
	case 1:
		content = r.promisesStep()
	case 2:
		content = r.peopleStep()
	case 3:
		content = r.gapsStep()
	default:
		content = r.reachStep()
	}
	r.body.Objects = []fyne.CanvasObject{container.NewVScroll(content)}
	r.body.Refresh()
	setShown(r.back, r.step > 0)
	setShown(r.next, r.step < len(reviewSteps)-1)
	setShown(r.finish, r.step == len(reviewSteps)-1)
}

// setShown shows or hides o.
func setShown(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// refreshStep rebuilds the step on show after something was logged.
func (r *weeklyReview) refreshStep() { r.show(r.step) }

// meetingsStep lists last week's meetings: the ones waiting for an outcome
// with Log outcome, and those already logged.
func (r *weeklyReview) meetingsStep() fyne.CanvasObject {
	w := r.w
	r.outcomes = map[int64]*widget.Button{}
	now := w.now()
	ctx := context.Background()
	list, err := w.store.Meetings(ctx, now.AddDate(0, 0, -7), now)
	box := container.NewVBox(kit.Quiet("Confirm last week's meetings and log what came of each while you remember: promises made, what they are working on, their stance."))
	if err != nil {
		w.showError("Could not read the meetings", err)
		return box
	}
	shown := 0
	for _, m := range list {
		p, err := w.store.Person(ctx, m.PersonID)
		if err != nil || m.Status == model.MeetingCanceled {
			continue
		}
		shown++
		label := widget.NewLabel(fmt.Sprintf("%s · %s", m.Start.In(w.zone(w.settings())).Format("Mon 2 Jan 15:04"), meetingTitle(m, p)))
		if !m.WaitingForOutcome(now) {
			box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, label))
			continue
		}
		log := widget.NewButtonWithIcon("Log outcome…", theme.DocumentCreateIcon(), func() {
			openOutcomeEditor(w, m, p, r.refreshStep)
		})
		r.outcomes[m.ID] = log
		box.Add(container.NewBorder(nil, nil, nil, log, label))
	}
	if shown == 0 {
		box.Add(kit.Quiet("No meetings last week. This week's last step helps you book some."))
	}
	return box
}

// promisesStep lists the promises overdue or due within the week, both
// ways, with Kept and the promise dialog.
func (r *weeklyReview) promisesStep() fyne.CanvasObject {
	w := r.w
	r.kept = map[int64]*widget.Button{}
	box := container.NewVBox(kit.Quiet("Resolve what is due: keep it, renegotiate a new date in good time, or release it. A promise kept late still beats one left to rot."))
	all, err := w.store.Promises(context.Background())
	if err != nil {
		w.showError("Could not read the promises", err)
		return box
	}
	now := w.now()
	dueBy := model.Day(now).AddDate(0, 0, 7)
	shown := 0
	for _, p := range all {
		if !p.Status.Pending() || p.DueOn.IsZero() || p.DueOn.After(dueBy) {
			continue
		}
		person, err := w.store.Person(context.Background(), p.PersonID)
		if err != nil {
			continue
		}
		shown++
		label := widget.NewLabel(promiseSentence(p, person.Name) + " · " + model.DueWords(p.DueOn, now))
		label.Wrapping = fyne.TextWrapWord
		kept := widget.NewButtonWithIcon("Kept", theme.ConfirmIcon(), func() { w.keepPromise(p, person.Name, r.refreshStep) })
		kept.Importance = widget.LowImportance
		more := widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), func() { openPromiseDialog(w, p, person.Name, r.refreshStep) })
		more.Importance = widget.LowImportance
		r.kept[p.ID] = kept
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(kept, more), label))
	}
	if shown == 0 {
		box.Add(kit.Quiet("Nothing due this week, either way."))
	}
	return box
}

// peopleStep lists the people in touch last week, to touch up their
// stance and what they are working on.
func (r *weeklyReview) peopleStep() fyne.CanvasObject {
	w := r.w
	box := container.NewVBox(kit.Quiet("The people you were in touch with last week: has anyone's stance moved? Did they tell you what they are working on, or what they need?"))
	people, err := w.store.People(context.Background(), false)
	if err != nil {
		w.showError("Could not read people", err)
		return box
	}
	now := w.now()
	shown := 0
	for _, p := range people {
		if p.LastContact.IsZero() || now.Sub(p.LastContact) > 7*24*time.Hour {
			continue
		}
		shown++
		working := p.WorkingOn
		if working == "" {
			working = "working on: not noted"
		}
		label := widget.NewLabel(p.Name + " · " + working)
		label.Truncation = fyne.TextTruncateEllipsis
		person := p.Person
		edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
			openPersonEditor(w, person, func(model.Person) { r.refreshStep() })
		})
		edit.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, kit.StanceBadge(p.Stance), edit, label))
	}
	if shown == 0 {
		box.Add(kit.Quiet("Nobody logged last week."))
	}
	return box
}

// gapsStep shows the focus role's largest gaps and their open actions.
func (r *weeklyReview) gapsStep() fyne.CanvasObject {
	w := r.w
	ctx := context.Background()
	box := container.NewVBox(kit.Quiet("Your largest gaps for the role you focus on, and what you are doing about each. Is this week's effort aimed at them?"))
	roles, err := w.store.Roles(ctx, false)
	if err != nil {
		w.showError("Could not read the career plan", err)
		return box
	}
	var focus model.Role
	for _, role := range roles {
		if role.Focus {
			focus = role
		}
	}
	if focus.ID == 0 {
		box.Add(kit.Quiet("No role is your focus yet: the Career plan screen sets one."))
		return box
	}
	reqs, err := w.store.Requirements(ctx, focus.ID)
	if err != nil {
		w.showError("Could not read the career plan", err)
		return box
	}
	box.Add(kit.Subheading(focus.Title))
	for i, q := range model.RankGaps(reqs) {
		if i == 3 {
			break
		}
		box.Add(widget.NewLabelWithStyle(q.Title+" · "+gapFigure(q), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		actions, _ := w.store.Actions(ctx, q.ID)
		open := 0
		for _, a := range actions {
			if a.Status == model.ActionPlanned || a.Status == model.ActionInProgress {
				open++
				line := "• " + a.Title
				if !a.DueOn.IsZero() {
					line += " · due " + model.DueWords(a.DueOn, w.now())
				}
				box.Add(widget.NewLabel(line))
			}
		}
		if open == 0 {
			box.Add(kit.Quiet("No action under way: add one on the Career plan screen."))
		}
	}
	return box
}

// reachStep offers the people to reach this week, ranked as on Today, to
// tick and schedule coffees for in one go.
func (r *weeklyReview) reachStep() fyne.CanvasObject {
	w := r.w
	r.reach = map[int64]*widget.Check{}
	r.order = nil
	box := container.NewVBox(kit.Quiet("Pick the people to reach this week. Rapport schedules a coffee with each on the coming working days, with an agenda drafted; send them the invites from the Meetings screen."))
	today, err := w.store.Today(context.Background(), w.now())
	if err != nil {
		w.showError("Could not read today's plan", err)
		return box
	}
	for _, ro := range today.ReachOuts {
		p := today.People[ro.PersonID]
		check := widget.NewCheck(p.Name, nil)
		r.reach[p.ID] = check
		r.order = append(r.order, p.ID)
		why := widget.NewLabel(strings.Join(ro.Reasons, " · "))
		why.SizeName = theme.SizeNameCaptionText
		why.Truncation = fyne.TextTruncateEllipsis
		box.Add(container.NewBorder(nil, nil, check, nil, why))
	}
	if len(today.ReachOuts) == 0 {
		box.Add(kit.Quiet("Nobody is pressing this week."))
	}
	r.schedule = widget.NewButtonWithIcon("Schedule coffees with the people ticked", theme.CalendarIcon(), r.scheduleCoffees)
	box.Add(container.NewHBox(r.schedule))
	return box
}

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
func (r *weeklyReview) scheduleCoffees() {
	w := r.w
	var ids []int64
	for _, id := range r.order {
		if r.reach[id].Checked {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		w.toast.show("Tick the people to reach first.", nil)
		return
	}
	settings := w.settings()
	slots := coffeeSlots(w.now(), w.zone(settings), len(ids))
	made := 0
	for i, id := range ids {
		m := model.Meeting{PersonID: id, Kind: model.MeetingCoffee, Start: slots[i],
			Duration: time.Duration(settings.MeetingMinutes) * time.Minute, ReminderMinutes: settings.ReminderMinutes}
		agenda, err := w.draftAgenda(m)
		if err != nil {
			w.showError("Could not draft the agenda", err)
			return
		}
		m.Agenda = agenda
		if err := w.store.CreateMeeting(context.Background(), &m); err != nil {
			w.showError("Could not schedule the coffee", err)
			return
		}
		made++
	}
	w.toast.show(fmt.Sprintf("%s scheduled this week, one a day at 10:00. Change any on the Meetings screen.", kit.Plural(made, "coffee", "coffees")), nil)
	for _, c := range r.reach {
		c.SetChecked(false)
	}
}

// done records the review as done today and closes it.
func (r *weeklyReview) done() {
	if err := r.w.store.MarkReviewed(context.Background(), r.w.now()); err != nil {
		r.w.showError("Could not record the review", err)
		return
	}
	r.dialog.Hide()
	r.w.toast.show("Weekly review done. See you next week.", nil)
	r.w.refresh()
}
