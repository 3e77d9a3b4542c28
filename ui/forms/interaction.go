package forms

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// InteractionEditor logs a contact with a person: two clicks for the
// usual case (the kind defaults to coffee and the date to today), more
// fields for who else was there and what was said.
type InteractionEditor struct {
	Form
	host    Host
	store   InteractionStore
	person  model.Person
	onSaved func()

	// Others are who else was there.
	Others *kit.PeopleChooser
	// The inputs, as the user fills them in.
	Kind                 *widget.Select
	Date, Summary, Notes *kit.TextField
}

// LogInteraction shows the form to log a contact with person over host,
// and calls onSaved (if any) once it is stored in store.
func LogInteraction(host Host, store InteractionStore, person model.Person, onSaved func()) *InteractionEditor {
	e := newInteractionEditor(host, store, person, onSaved)
	e.open(host, "Log interaction with "+person.Name, "Log", fyne.NewSize(600, 520), e.submit)
	host.Window().Canvas().Focus(e.Summary)
	return e
}

// newInteractionEditor builds the form's inputs for a contact with person,
// empty but for the defaults, for LogInteraction and EditInteraction.
func newInteractionEditor(host Host, store InteractionStore, person model.Person, onSaved func()) *InteractionEditor {
	e := &InteractionEditor{host: host, store: store, person: person, onSaved: onSaved}
	e.Others = kit.NewPeopleChooser(othersThan(store, person.ID), "Type a name to add someone else who was there")
	e.Kind = kit.Choice(model.InteractionKinds(), model.KindCoffee)
	e.Date = kit.Entry("today", "today, yesterday, 2026-11-20, 3 days ago")
	e.Summary = kit.Entry("", "What happened, in a line")
	e.Notes = kit.MultiLine("", "What they are working on, what they need, what you promised", 3)

	who := widget.NewLabelWithStyle(person.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f := kit.NewFieldSet()
	f.Add("kind", "Kind", e.Kind, "")
	f.Add("date", "Date", e.Date, "")
	f.Add("people", "With", container.NewVBox(who, e.Others.Root), "")
	f.Add("summary", "Summary", e.Summary, "")
	f.Add("notes", "Notes", e.Notes, "")
	e.Fields = f
	return e
}

// Person is whom the interaction is logged with.
func (e *InteractionEditor) Person() model.Person { return e.person }

// othersThan lists the active people but the one with id, to add to an
// interaction; none when they cannot be read (the form works without).
func othersThan(store InteractionStore, id int64) []model.PersonSummary {
	var others []model.PersonSummary
	if all, err := store.People(context.Background(), false); err == nil {
		for _, p := range all {
			if p.ID != id {
				others = append(others, p)
			}
		}
	}
	return others
}

// read builds the interaction the form describes.
func (e *InteractionEditor) read() (model.Interaction, map[string]string) {
	problems := map[string]string{}
	i := model.Interaction{Summary: strings.TrimSpace(e.Summary.Text), Notes: strings.TrimSpace(e.Notes.Text)}
	if k, ok := model.FromLabel(model.InteractionKinds(), e.Kind.Selected); ok {
		i.Kind = k
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
	i.PersonIDs = []int64{e.person.ID}
	for _, p := range e.Others.Picked() {
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

// submit validates the form and, when everything is right, stores it.
func (e *InteractionEditor) submit() {
	i, problems := e.read()
	if e.Fields.Show(i.Validate(), problems) {
		return
	}
	if !Saved(e.host, e.Fields, e.store.CreateInteraction(context.Background(), &i), "Could not log the interaction") {
		return
	}
	e.Dialog.Hide()
	e.host.Toast(i.Kind.Label()+" with "+e.person.Name+" logged.", nil)
	if e.onSaved != nil {
		e.onSaved()
	}
}
