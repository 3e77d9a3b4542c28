package review

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// meetingsStep lists last week's meetings: the ones waiting for an outcome
// with Log outcome, and those already logged.
func (r *Review) meetingsStep() fyne.CanvasObject {
	box := container.NewVBox(kit.Quiet("Confirm last week's meetings and log what came of each while you remember: promises made, what they are working on, their stance."))
	zone := r.zone()
	for _, m := range r.read.Meetings {
		p := r.read.People[m.PersonID]
		label := widget.NewLabel(fmt.Sprintf("%s · %s", m.Start.In(zone).Format("Mon 2 Jan 15:04"), kit.MeetingTitle(m, p)))
		if !m.WaitingForOutcome(r.read.Now) {
			box.Add(container.NewBorder(nil, nil, kit.NewThemedIcon(theme.IconNameConfirm), nil, label))
			continue
		}
		log := widget.NewButtonWithIcon("Log outcome…", theme.DocumentCreateIcon(), func() {
			r.nav.LogOutcomeThen(m, p, r.refreshStep)
		})
		box.Add(container.NewBorder(nil, nil, nil, log, label))
	}
	if len(r.read.Meetings) == 0 {
		box.Add(kit.Quiet("No meetings last week. This week's last step helps you book some."))
	}
	return box
}

// promisesStep lists the promises overdue or due within the week, both
// ways, with Kept and the promise dialog.
func (r *Review) promisesStep() fyne.CanvasObject {
	box := container.NewVBox(kit.Quiet("Resolve what is due: keep it, renegotiate a new date in good time, or release it. A promise kept late still beats one left to rot."))
	for _, p := range r.read.Due {
		name := r.read.People[p.PersonID].Name
		label := widget.NewLabel(kit.PromiseSentence(p, name) + " · " + model.DueWords(p.DueOn, r.read.Now))
		label.Wrapping = fyne.TextWrapWord
		kept := widget.NewButtonWithIcon("Kept", theme.ConfirmIcon(), func() { r.nav.KeepPromiseThen(p, name, r.refreshStep) })
		kept.Importance = widget.LowImportance
		more := widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), func() { r.nav.OpenPromiseThen(p, name, r.refreshStep) })
		more.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(kept, more), label))
	}
	if len(r.read.Due) == 0 {
		box.Add(kit.Quiet("Nothing due this week, either way."))
	}
	return box
}

// peopleStep lists the people in touch last week, each with a chip per
// stance (the current one highlighted) that changes it at once, and Edit…
// for what they are working on.
func (r *Review) peopleStep() fyne.CanvasObject {
	box := container.NewVBox(r.moversBox(), kit.Quiet("The people you were in touch with last week: has anyone's stance moved? Tap their stance. Did they tell you what they are working on, or what they need?"))
	for _, p := range r.read.InTouch {
		working := p.WorkingOn
		if working == "" {
			working = "working on: not noted"
		}
		label := widget.NewLabel(p.Name + " · " + working)
		label.Truncation = fyne.TextTruncateEllipsis
		person := p.Person
		edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
			r.nav.EditPersonThen(person, r.refreshStep)
		})
		edit.Importance = widget.LowImportance
		box.Add(container.NewVBox(container.NewBorder(nil, nil, nil, edit, label), r.stanceChips(person)))
	}
	if len(r.read.InTouch) == 0 {
		box.Add(kit.Quiet("Nobody logged last week."))
	}
	return box
}

// stanceChips is a row of buttons, one per stance, the person's own
// highlighted; tapping another changes their stance at once.
func (r *Review) stanceChips(p model.Person) fyne.CanvasObject {
	row := container.NewHBox()
	for _, st := range model.Stances() {
		chip := widget.NewButton(st.Label(), func() { r.setStance(p, st) })
		chip.Importance = widget.MediumImportance
		if st == p.Stance {
			chip.Importance = widget.HighImportance
		}
		row.Add(chip)
	}
	return row
}

// setStance stores p's new stance, rebuilds the step and says so, offering
// Undo, which puts back the stance p had and takes the change out of
// their history.
func (r *Review) setStance(p model.Person, st model.Stance) {
	if st == p.Stance {
		return
	}
	before, err := r.store.SetStance(context.Background(), p.ID, st)
	if err != nil {
		r.nav.ShowError("Could not change "+p.Name+"'s stance", err)
		return
	}
	r.refreshStep()
	r.nav.Toast(p.Name+"'s stance: "+st.Label()+".", func() {
		if err := r.store.UndoStance(context.Background(), p.ID, before); err != nil {
			r.nav.ShowError("Could not undo the stance", err)
			return
		}
		r.refreshStep()
	})
}

// gapsStep shows the focus role's largest gaps and their open actions.
func (r *Review) gapsStep() fyne.CanvasObject {
	box := container.NewVBox(kit.Quiet("Your largest gaps for the role you focus on, and what you are doing about each. Is this week's effort aimed at them?"))
	if r.read.Focus.ID == 0 {
		box.Add(kit.Quiet("No role is your focus yet: the Career plan screen sets one."))
		return box
	}
	box.Add(kit.Subheading(r.read.Focus.Title))
	for _, q := range r.read.Gaps {
		box.Add(widget.NewLabelWithStyle(q.Title+" · "+kit.GapFigure(q), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		open := 0
		for _, a := range r.read.Actions[q.ID] {
			if a.Status == model.ActionPlanned || a.Status == model.ActionInProgress {
				open++
				line := "• " + a.Title
				if !a.DueOn.IsZero() {
					line += " · due " + model.DueWords(a.DueOn, r.read.Now)
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
func (r *Review) reachStep() fyne.CanvasObject {
	r.reach = map[int64]*widget.Check{}
	r.order = nil
	box := container.NewVBox(kit.Quiet("Pick the people to reach this week. Rapport schedules a coffee with each on the coming working days, with an agenda drafted; send them the invites from the Meetings screen."))
	today := r.read.Today
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
	schedule := widget.NewButtonWithIcon("Schedule coffees with the people ticked", theme.CalendarIcon(), r.scheduleCoffees)
	box.Add(container.NewHBox(schedule))
	return box
}
