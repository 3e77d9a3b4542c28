package forms

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// PromiseEditor adds a promise, or edits what one says: who owes whom,
// what, and by when, with the due date typed in words ("Tue", "next week",
// "in 3 days") and read back as a date while typing.
type PromiseEditor struct {
	Form
	host    Host
	store   PromiseStore
	promise model.Promise // the promise edited; ID 0 for a new one
	onSaved func(model.Promise)
	person  model.PersonSummary // the promise's person when it has one

	// The inputs, as the user fills them in; DueHint reads Due back.
	Direction   *widget.RadioGroup
	Who         *kit.PersonPicker
	What, Notes *kit.TextField
	Due         *kit.DateField
	MadeOn      *kit.DateField
	DueHint     *widget.Label
}

// EditPromise shows the form for p over host: a new promise when p.ID is
// 0, with p's person already chosen when p.PersonID is set. onSaved (if
// any) runs with what was stored in store. It returns nil, having said
// why, when the people (or p's person) cannot be read.
func EditPromise(host Host, store PromiseStore, p model.Promise, onSaved func(model.Promise)) *PromiseEditor {
	all, err := store.People(context.Background(), false)
	if err != nil {
		host.ShowError("Could not read people", err)
		return nil
	}
	e := &PromiseEditor{host: host, store: store, promise: p, onSaved: onSaved}
	if p.PersonID != 0 {
		person, err := store.Person(context.Background(), p.PersonID)
		if err != nil {
			host.ShowError("Could not read the promise's person", err)
			return nil
		}
		e.person = model.PersonSummary{Person: person}
	}
	e.inputs(p, all)
	e.Fields = e.fieldSet()
	title, verb := "New promise", "Add"
	if p.ID != 0 {
		title, verb = "Edit promise", "Save"
	}
	e.open(host, title, verb, fyne.NewSize(600, 480), e.submit)
	if e.person.ID == 0 {
		host.Window().Canvas().Focus(e.Who.Entry)
	} else {
		host.Window().Canvas().Focus(e.What)
	}
	return e
}

// inputs builds the form's inputs holding p, whom it is with picked
// among people.
func (e *PromiseEditor) inputs(p model.Promise, people []model.PersonSummary) {
	e.Direction = widget.NewRadioGroup(model.Labels(model.Directions()), nil)
	e.Direction.Horizontal = true
	e.Direction.Required = true
	if p.Direction == "" {
		p.Direction = model.DirectionMine
	}
	e.Direction.SetSelected(p.Direction.Label())
	e.Who = kit.NewPersonPicker(people, "Type a name")
	if e.person.ID != 0 {
		e.Who.SetPerson(e.person)
	}
	e.What = kit.Entry(p.What, "Send the migration plan; introduce them to Priya")
	e.Due = kit.NewDateField(kit.DayText(p.DueOn), "Tue, next week, in 3 days, 1 Dec, 2026-12-01", model.DateAhead, e.host.Now, "No due date")
	e.Due.Words = model.DueWords
	e.Due.ReadBack()
	e.DueHint = e.Due.Hint
	e.MadeOn = kit.NewDateField("today", "today, yesterday, last Fri", model.DatePast, e.host.Now, "")
	if !p.MadeOn.IsZero() {
		e.MadeOn.SetText(kit.DayText(p.MadeOn))
	}
	e.Notes = kit.MultiLine(p.Notes, "", 2)
}

// fieldSet lays the inputs out with their labels.
func (e *PromiseEditor) fieldSet() *kit.FieldSet {
	f := kit.NewFieldSet()
	f.Add("direction", "Who owes", e.Direction, "")
	f.Add("person", "Person", e.Who.Root, "")
	f.Add("what", "What", e.What, "")
	f.Add("due on", "Due", e.Due.Root, "")
	f.Add("made on", "Made on", e.MadeOn.Root, "")
	f.Add("notes", "Notes", e.Notes, "")
	return f
}

// Person is the person the Person field names so far, ID 0 until it
// names one.
func (e *PromiseEditor) Person() model.PersonSummary {
	p, _ := e.Who.Resolve()
	return p
}

// read builds the promise the form describes.
func (e *PromiseEditor) read() (model.Promise, map[string]string) {
	problems := map[string]string{}
	p := e.promise
	p.What = strings.TrimSpace(e.What.Text)
	p.Notes = strings.TrimSpace(e.Notes.Text)
	if d, ok := model.FromLabel(model.Directions(), e.Direction.Selected); ok {
		p.Direction = d
	}
	person, problem := e.Who.Resolve()
	p.PersonID = person.ID
	if p.PersonID == 0 {
		problems["person"] = kit.PersonProblem("Person", problem)
	}
	now := e.host.Now()
	due, err := model.ParseDue(e.Due.Text, now)
	if err != nil {
		problems["due on"] = "Due: " + err.Error()
	}
	p.DueOn = due
	made, err := model.ParseDay(e.MadeOn.Text, now)
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

// submit validates the form and, when everything is right, stores it.
func (e *PromiseEditor) submit() {
	p, problems := e.read()
	if e.Fields.Show(p.Validate(), problems) {
		return
	}
	if !SaveRecord(e.host, e.Fields, &p, p.ID == 0, e.store.CreatePromise, e.store.UpdatePromise,
		"Could not save the promise") {
		return
	}
	e.Dialog.Hide()
	if e.promise.ID == 0 {
		e.host.Toast(kit.PromiseSentence(p, kit.Isolate(e.Person().Name))+" added.", nil)
	}
	if e.onSaved != nil {
		e.onSaved(p)
	}
}
