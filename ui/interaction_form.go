package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// interactionEditor logs a contact with a person: two clicks for the usual
// case (the kind defaults to coffee and the date to today), more fields for
// who else was there and what was said.
type interactionEditor struct {
	w       *Window
	person  model.Person
	onSaved func()

	others *kit.PeopleChooser // who else was there

	kind    *widget.Select
	date    *widget.Entry
	summary *widget.Entry
	notes   *widget.Entry
	fields  *kit.FieldSet
	save    *widget.Button
	dialog  dialog.Dialog
}

func openInteractionEditor(w *Window, person model.Person, onSaved func()) *interactionEditor {
	e := &interactionEditor{w: w, person: person, onSaved: onSaved}
	var others []model.PersonSummary
	if all, err := w.store.People(context.Background(), false); err == nil {
		for _, p := range all {
			if p.ID != person.ID {
				others = append(others, p)
			}
		}
	}
	e.others = kit.NewPeopleChooser(others, "Type a name to add someone else who was there")

	e.kind = widget.NewSelect(model.Labels(model.InteractionKinds()), nil)
	e.kind.SetSelected(model.KindCoffee.Label())
	e.date = widget.NewEntry()
	e.date.SetText("today")
	e.date.SetPlaceHolder("today, yesterday, 2026-11-20, 3 days ago")
	e.summary = widget.NewEntry()
	e.summary.SetPlaceHolder("What happened, in a line")
	e.notes = widget.NewMultiLineEntry()
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.SetMinRowsVisible(3)
	e.notes.SetPlaceHolder("What they are working on, what they need, what you promised")

	who := widget.NewLabelWithStyle(person.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f := kit.NewFieldSet()
	f.Add("kind", "Kind", e.kind, "")
	f.Add("date", "Date", e.date, "")
	f.Add("people", "With", container.NewVBox(who, e.others.Root), "")
	f.Add("summary", "Summary", e.summary, "")
	f.Add("notes", "Notes", e.notes, "")
	e.fields = f

	e.dialog, e.save = openForm(w, f, "Log interaction with "+person.Name, "Log", fyne.NewSize(600, 520), e.submit)
	w.win.Canvas().Focus(e.summary)
	w.currentInteractionEditor = e
	return e
}

// read builds the interaction the form describes.
func (e *interactionEditor) read() (model.Interaction, map[string]string) {
	problems := map[string]string{}
	i := model.Interaction{Summary: strings.TrimSpace(e.summary.Text), Notes: strings.TrimSpace(e.notes.Text)}
	if k, ok := model.FromLabel(model.InteractionKinds(), e.kind.Selected); ok {
		i.Kind = k
	}
	now := e.w.now()
	day, err := model.ParseDay(e.date.Text, now)
	switch {
	case err != nil:
		problems["date"] = "Date: " + err.Error()
	case day.IsZero():
		problems["date"] = "Date is required"
	default:
		i.At = atTimeOfDay(day, now)
	}
	i.PersonIDs = []int64{e.person.ID}
	for _, p := range e.others.Picked() {
		i.PersonIDs = append(i.PersonIDs, p.ID)
	}
	return i, problems
}

// atTimeOfDay places a contact logged for day: at the current time when day
// is today, else at noon local time, so a day's contacts sort sensibly.
func atTimeOfDay(day, now time.Time) time.Time {
	local := now.Local()
	if model.Day(local).Equal(day) {
		return now
	}
	return time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, time.Local)
}

func (e *interactionEditor) submit() {
	i, problems := e.read()
	if e.fields.Show(i.Validate(), problems) {
		return
	}
	if !saved(e.w, e.fields, e.w.store.CreateInteraction(context.Background(), &i), "Could not log the interaction") {
		return
	}
	e.dialog.Hide()
	if e.w.currentInteractionEditor == e {
		e.w.currentInteractionEditor = nil
	}
	e.w.toast.show(i.Kind.Label()+" with "+e.person.Name+" logged.", nil)
	if e.onSaved != nil {
		e.onSaved()
	}
}
