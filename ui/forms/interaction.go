package forms

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// InteractionEditor logs a contact with a person, and the promises made
// there, in one dialog and one transaction: two clicks for the usual case
// (the kind defaults to coffee and the date to today), and one empty
// promise row ready to fill in. Opened without a person, it asks whom
// first.
type InteractionEditor struct {
	Form
	host     Host
	store    InteractionStore
	person   model.Person // whom it was opened for; ID 0: asked in Who
	onSaved  func()
	promises *promiseRows          // nil when editing a logged contact
	people   []model.PersonSummary // the active people, offered in Who and Others

	// Who asks whom the contact was with; nil when the form was opened
	// for a person.
	Who *kit.PersonPicker
	// Others are who else was there.
	Others *kit.PeopleChooser
	// The inputs, as the user fills them in.
	Kind           *kit.Select
	Date           *kit.DateField
	Summary, Notes *kit.TextField
	// AddPromise adds a row for one more promise.
	AddPromise *widget.Button
}

// LogInteraction shows the form to log a contact with person over host
// (person.ID 0: the form asks whom, that field first), and calls onSaved
// (if any) once it is stored in store, and again if it is undone.
func LogInteraction(host Host, store InteractionStore, person model.Person, onSaved func()) *InteractionEditor {
	e := newInteractionEditor(host, store, person, onSaved, true)
	title := "Log interaction"
	if person.ID != 0 {
		title += " with " + person.Name
	}
	e.open(host, title, "Log", fyne.NewSize(620, 620), e.submit)
	if e.Who != nil {
		host.Window().Canvas().Focus(e.Who.Entry)
	} else {
		host.Window().Canvas().Focus(e.Summary)
	}
	return e
}

// newInteractionEditor builds the form's inputs for a contact with person,
// empty but for the defaults, for LogInteraction (withPromises: with one
// empty promise row) and EditInteraction (without: a logged contact's
// promises are edited on their own).
func newInteractionEditor(host Host, store InteractionStore, person model.Person, onSaved func(), withPromises bool) *InteractionEditor {
	e := &InteractionEditor{host: host, store: store, person: person, onSaved: onSaved}
	e.people = activePeople(store)
	e.Others = kit.NewPeopleChooser(othersThan(e.people, person.ID), "Type a name to add someone else who was there")
	e.Kind = kit.Choice(model.InteractionKinds(), model.KindCoffee)
	e.Date = kit.NewDateField("today", "today, yesterday, last Fri, 4 Dec, 3 days ago", model.DatePast, host.Now, "")
	e.Summary = kit.Entry("", "What happened, in a line")
	e.Notes = kit.MultiLine("", "What they are working on, what they need, what you promised", 3)
	if withPromises {
		e.promises = newPromiseRows(host, person.Name)
		e.promises.newRow()
		e.AddPromise = e.promises.add
	}
	e.Fields = e.fieldSet(e.people)
	return e
}

// fieldSet lays the inputs out with their labels: whom first, a picker
// among people when the form was opened for nobody.
func (e *InteractionEditor) fieldSet(people []model.PersonSummary) *kit.FieldSet {
	f := kit.NewFieldSet()
	if e.person.ID == 0 {
		e.Who = kit.NewPersonPicker(people, "Type a name: whom did you meet?")
		e.Who.OnChanged = func(string) { e.promises.setPerson(e.Person().Name) }
		e.Who.OnPicked = func(model.PersonSummary) { e.host.Window().Canvas().Focus(e.Summary) }
		f.Add("person", "With", e.Who.Root, "")
	}
	f.Add("kind", "Kind", e.Kind, "")
	f.Add("date", "Date", e.Date.Root, "")
	if e.person.ID == 0 {
		f.Add("people", "Also there", e.Others.Root, "")
	} else {
		who := widget.NewLabelWithStyle(e.person.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		f.Add("people", "With", container.NewVBox(who, e.Others.Root), "")
	}
	f.Add("summary", "Summary", e.Summary, "")
	if e.promises != nil {
		f.Add("promises", "Promises made", e.promises.root, promiseHint)
	}
	f.Add("notes", "Notes", e.Notes, "")
	return f
}

// Person is whom the interaction is logged with: the person the form was
// opened for, or whom Who names so far (ID 0 until it names someone).
func (e *InteractionEditor) Person() model.Person {
	if e.Who == nil {
		return e.person
	}
	p, _ := e.Who.Resolve()
	return p.Person
}

// Promises are the promise rows, in order (the form opens with one).
func (e *InteractionEditor) Promises() []*PromiseInput { return e.promises.rows }

// NewPromise adds an empty promise row, as Add a promise does, and
// returns it.
func (e *InteractionEditor) NewPromise() *PromiseInput {
	op := e.promises.newRow()
	e.host.Window().Canvas().Focus(op.What)
	return op
}

// activePeople lists the active people; none when they cannot be read
// (the form still logs with the person it was opened for).
func activePeople(store InteractionStore) []model.PersonSummary {
	all, err := store.People(context.Background(), false)
	if err != nil {
		return nil
	}
	return all
}

// othersThan is people but the one with id, to add to an interaction.
func othersThan(people []model.PersonSummary, id int64) []model.PersonSummary {
	var others []model.PersonSummary
	for _, p := range people {
		if p.ID != id {
			others = append(others, p)
		}
	}
	return others
}

// read builds the interaction and promises the form describes.
func (e *InteractionEditor) read() (model.Capture, map[string]string) {
	problems := map[string]string{}
	i := model.Interaction{Summary: strings.TrimSpace(e.Summary.Text), Notes: strings.TrimSpace(e.Notes.Text)}
	if k, ok := model.FromLabel(model.InteractionKinds(), e.Kind.Selected); ok {
		i.Kind = k
	}
	person := e.Person()
	if person.ID == 0 {
		_, problem := e.Who.Resolve()
		problems["person"] = kit.PersonProblem("With", problem)
	}
	now := e.host.Now()
	day, err := model.ParseDay(e.Date.Text, now)
	switch {
	case err != nil:
		problems["date"] = "Date: " + err.Error()
	case day.IsZero():
		problems["date"] = "Date is required"
	default:
		i.At = atTimeOfDay(day, now)
	}
	i.PersonIDs = []int64{person.ID}
	for _, p := range e.Others.Picked() {
		if p.ID != person.ID {
			i.PersonIDs = append(i.PersonIDs, p.ID)
		}
	}
	if e.promises == nil {
		return model.Capture{Interaction: i}, problems
	}
	promises, problem := e.promises.read(i.At, now)
	if problem != "" {
		problems["promises"] = problem
	}
	for k := range promises {
		promises[k].PersonID = person.ID
	}
	return model.Capture{Interaction: i, Promises: promises}, problems
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

// submit validates the form and, when everything is right, stores the
// interaction and its promises together, offering to undo both.
func (e *InteractionEditor) submit() {
	c, problems := e.read()
	if e.Fields.Show(c.Interaction.Validate(), problems) {
		return
	}
	res, err := e.store.LogCapture(context.Background(), c)
	if !Saved(e.host, e.Fields, err, "Could not log the interaction") {
		return
	}
	e.Dialog.Hide()
	msg := c.Interaction.Kind.Label() + " with " + kit.Isolate(e.Person().Name) + " logged."
	if n := len(c.Promises); n > 0 {
		msg = fmt.Sprintf("%s with %s logged, with %s.", c.Interaction.Kind.Label(), kit.Isolate(e.Person().Name),
			kit.Plural(n, "promise", "promises"))
	}
	e.host.Toast(msg, func() { e.undo(res) })
	if e.onSaved != nil {
		e.onSaved()
	}
}

// undo removes what submit stored: the interaction and its promises.
func (e *InteractionEditor) undo(res model.CaptureResult) {
	if err := e.store.UndoCapture(context.Background(), res); err != nil {
		e.host.ShowError("Could not undo the log", err)
		return
	}
	if e.onSaved != nil {
		e.onSaved()
	}
}
