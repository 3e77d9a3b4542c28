package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// promiseEditor adds a promise, or edits what one says: who owes whom,
// what, and by when, with the due date typed in words ("Tue", "next week",
// "in 3 days") and read back as a date while typing.
type promiseEditor struct {
	w       *Window
	promise model.Promise // the promise edited; ID 0 for a new one
	onSaved func(model.Promise)

	people    *kit.PersonSuggester
	person    model.PersonSummary // the chosen person, ID 0 until chosen
	direction *widget.RadioGroup
	who       *widget.SelectEntry
	what      *widget.Entry
	due       *widget.Entry
	dueHint   *widget.Label
	madeOn    *widget.Entry
	notes     *widget.Entry
	fields    *kit.FieldSet
	save      *widget.Button
	dialog    dialog.Dialog
}

// openPromiseEditor opens the form for p: a new promise when p.ID is 0,
// with p's person already chosen when p.PersonID is set.
func openPromiseEditor(w *Window, p model.Promise, onSaved func(model.Promise)) *promiseEditor {
	e := &promiseEditor{w: w, promise: p, onSaved: onSaved}
	all, err := w.store.People(context.Background(), false)
	if err != nil {
		w.showError("Could not read people", err)
		return nil
	}
	e.people = kit.NewPersonSuggester(all)
	if p.PersonID != 0 {
		if person, err := w.store.Person(context.Background(), p.PersonID); err == nil {
			e.person = model.PersonSummary{Person: person}
		}
	}

	e.direction = widget.NewRadioGroup(model.Labels(model.Directions()), nil)
	e.direction.Horizontal = true
	e.direction.Required = true
	if p.Direction == "" {
		p.Direction = model.DirectionMine
	}
	e.direction.SetSelected(p.Direction.Label())
	e.who = widget.NewSelectEntry(nil)
	e.who.SetPlaceHolder("Type a name")
	if e.person.ID != 0 {
		e.who.SetText(e.person.Name)
	}
	e.who.OnChanged = e.suggest
	e.what = widget.NewEntry()
	e.what.SetPlaceHolder("Send the migration plan; introduce them to Priya")
	e.what.SetText(p.What)
	e.due = widget.NewEntry()
	e.due.SetPlaceHolder("Tue, next week, in 3 days, 1 Dec, 2026-12-01")
	e.dueHint = widget.NewLabel("")
	e.dueHint.SizeName = theme.SizeNameCaptionText
	e.due.OnChanged = func(string) { e.showDue() }
	e.due.SetText(kit.DayText(p.DueOn))
	e.showDue() // SetText of the same text fires no change
	e.madeOn = widget.NewEntry()
	e.madeOn.SetText("today")
	if !p.MadeOn.IsZero() {
		e.madeOn.SetText(kit.DayText(p.MadeOn))
	}
	e.notes = widget.NewMultiLineEntry()
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.SetMinRowsVisible(2)
	e.notes.SetText(p.Notes)

	f := kit.NewFieldSet()
	f.Add("direction", "Who owes", e.direction, "")
	f.Add("person", "Person", e.who, "")
	f.Add("what", "What", e.what, "")
	f.Add("due on", "Due", container.NewVBox(e.due, e.dueHint), "")
	f.Add("made on", "Made on", e.madeOn, "")
	f.Add("notes", "Notes", e.notes, "")
	e.fields = f

	title, verb := "New promise", "Add"
	if p.ID != 0 {
		title, verb = "Edit promise", "Save"
	}
	e.dialog, e.save = openForm(w, f, title, verb, fyne.NewSize(600, 480), e.submit)
	if e.person.ID == 0 {
		w.win.Canvas().Focus(e.who)
	} else {
		w.win.Canvas().Focus(e.what)
	}
	w.currentPromiseEditor = e
	return e
}

// suggest offers the people matching what was typed, and takes the one
// picked from the drop-down.
func (e *promiseEditor) suggest(text string) {
	e.people.PickOne(e.who, text, &e.person)
}

// showDue reads the due date back in words under the field as it is typed.
func (e *promiseEditor) showDue() {
	e.dueHint.SetText(kit.DayHint(e.due.Text, e.w.now(), "No due date", "Not a date yet"))
}

// read builds the promise the form describes.
func (e *promiseEditor) read() (model.Promise, map[string]string) {
	problems := map[string]string{}
	p := e.promise
	p.What = strings.TrimSpace(e.what.Text)
	p.Notes = strings.TrimSpace(e.notes.Text)
	if d, ok := model.FromLabel(model.Directions(), e.direction.Selected); ok {
		p.Direction = d
	}
	p.PersonID = e.person.ID
	if p.PersonID == 0 {
		if strings.TrimSpace(e.who.Text) == "" {
			problems["person"] = "Person is required"
		} else {
			problems["person"] = "Person: pick someone from the list"
		}
	}
	now := e.w.now()
	due, err := model.ParseDue(e.due.Text, now)
	if err != nil {
		problems["due on"] = "Due: " + err.Error()
	}
	p.DueOn = due
	made, err := model.ParseDay(e.madeOn.Text, now)
	switch {
	case err != nil:
		problems["made on"] = "Made on: " + err.Error()
	case made.IsZero():
		problems["made on"] = "Made on is required"
	}
	p.MadeOn = made
	if p.Status == "" {
		p.Status = model.PromiseOpen
	}
	return p, problems
}

func (e *promiseEditor) submit() {
	p, problems := e.read()
	if e.fields.Show(p.Validate(), problems) {
		return
	}
	if !saveRecord(e.w, e.fields, &p, p.ID == 0, e.w.store.CreatePromise, e.w.store.UpdatePromise,
		"Could not save the promise") {
		return
	}
	e.dialog.Hide()
	if e.w.currentPromiseEditor == e {
		e.w.currentPromiseEditor = nil
	}
	if e.promise.ID == 0 {
		e.w.toast.show(promiseSentence(p, e.person.Name)+" added.", nil)
	}
	if e.onSaved != nil {
		e.onSaved(p)
	}
}

// promiseSentence says a promise in a line: "You owe Dana: send the deck"
// or "Dana owes you: an intro to Priya".
func promiseSentence(p model.Promise, name string) string {
	if p.Direction == model.DirectionTheirs {
		return name + " owes you: " + p.What
	}
	return "You owe " + name + ": " + p.What
}
