package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// influenceChoices are the influence levels as the form offers them.
var influenceChoices = []string{"1", "2", "3", "4", "5"}

// personEditor is the form that adds or edits a person. Problems are shown
// under the fields at fault and nothing is saved until all are fixed.
type personEditor struct {
	w        *Window
	original model.Person
	onSaved  func(model.Person)

	name, title, team, organisation, email, phone *widget.Entry
	cadence, firstMet                             *widget.Entry
	workingOn, needs, notes                       *widget.Entry
	relation, stance                              *widget.Select
	influence                                     *widget.RadioGroup
	fields                                        *kit.FieldSet
	save, cancel                                  *widget.Button
	dialog                                        dialog.Dialog
}

// openPersonEditor shows the form for p (a new person when p.ID is 0) and
// calls onSaved with what was stored.
func openPersonEditor(w *Window, p model.Person, onSaved func(model.Person)) *personEditor {
	e := &personEditor{w: w, original: p, onSaved: onSaved}
	line := func(text, placeholder string) *widget.Entry {
		en := widget.NewEntry()
		en.SetText(text)
		en.SetPlaceHolder(placeholder)
		return en
	}
	multi := func(text, placeholder string) *widget.Entry {
		en := widget.NewMultiLineEntry()
		en.SetText(text)
		en.SetPlaceHolder(placeholder)
		en.Wrapping = fyne.TextWrapWord
		en.SetMinRowsVisible(2)
		return en
	}
	e.name = line(p.Name, "Full name")
	e.title = line(p.Title, "e.g. Director of Engineering")
	e.team = line(p.Team, "e.g. Platform")
	e.organisation = line(p.Organisation, "e.g. Northwind Labs")
	e.email = line(p.Email, "name@example.com")
	e.phone = line(p.Phone, "")
	e.relation = widget.NewSelect(model.Labels(model.Relations()), nil)
	e.relation.SetSelected(p.Relation.Label())
	e.influence = widget.NewRadioGroup(influenceChoices, nil)
	e.influence.Horizontal = true
	e.influence.Required = true
	e.influence.SetSelected(strconv.Itoa(p.Influence))
	e.stance = widget.NewSelect(model.Labels(model.Stances()), nil)
	e.stance.SetSelected(p.Stance.Label())
	e.cadence = line(strconv.Itoa(p.CadenceDays), "days")
	e.firstMet = line(kit.DayText(p.FirstMet), "2026-11-23, yesterday, 3 years ago")
	e.workingOn = multi(p.WorkingOn, "What they said they are working on")
	e.needs = multi(p.Needs, "What they said they need, where you could help")
	e.notes = multi(p.Notes, "Private notes: only you see these")

	f := kit.NewFieldSet()
	f.Add("name", "Name", e.name, "")
	f.Add("title", "Title", e.title, "")
	f.Add("team", "Team", e.team, "")
	f.Add("organisation", "Organisation", e.organisation, "")
	f.Add("email", "Email", e.email, "")
	f.Add("phone", "Phone", e.phone, "")
	f.Add("relation", "Relation to you", e.relation, "")
	f.Add("influence", "Influence", e.influence, "How much say they have over your next move: 1 little, 5 decides.")
	f.Add("stance", "Stance", e.stance, "Where they stand toward you today.")
	f.Add("cadence", "Keep in touch every", e.cadence, "Days between contacts; 0 for no cadence.")
	f.Add("first met", "First met", e.firstMet, "")
	f.Add("working on", "Working on", e.workingOn, "")
	f.Add("needs", "What they need", e.needs, "")
	f.Add("notes", "Notes", e.notes, "")
	e.fields = f

	title := "New person"
	saveText := "Add person"
	if p.ID != 0 {
		title = "Edit " + p.Name
		saveText = "Save"
	}
	e.dialog, e.save = openForm(w, f, title, saveText, fyne.NewSize(640, 680), e.submit)
	w.win.Canvas().Focus(e.name)
	w.currentPersonEditor = e
	return e
}

// read builds the person the form describes, with the problems met while
// reading inputs that are not text (numbers, dates).
func (e *personEditor) read() (model.Person, map[string]string) {
	p := e.original
	problems := map[string]string{}
	p.Name = e.name.Text
	p.Title = e.title.Text
	p.Team = e.team.Text
	p.Organisation = e.organisation.Text
	p.Email = strings.TrimSpace(e.email.Text)
	p.Phone = e.phone.Text
	if r, ok := model.FromLabel(model.Relations(), e.relation.Selected); ok {
		p.Relation = r
	}
	if n, err := strconv.Atoi(e.influence.Selected); err == nil {
		p.Influence = n
	} else {
		problems["influence"] = "Choose an influence from 1 to 5"
	}
	if st, ok := model.FromLabel(model.Stances(), e.stance.Selected); ok {
		p.Stance = st
	}
	if n, err := strconv.Atoi(strings.TrimSpace(e.cadence.Text)); err == nil {
		p.CadenceDays = n
	} else if strings.TrimSpace(e.cadence.Text) == "" {
		p.CadenceDays = 0
	} else {
		problems["cadence"] = "Keep in touch needs a whole number of days, like 30"
	}
	if d, err := model.ParseDay(e.firstMet.Text, e.w.now()); err == nil {
		p.FirstMet = d
	} else {
		problems["first met"] = "First met: " + err.Error()
	}
	p.WorkingOn = strings.TrimSpace(e.workingOn.Text)
	p.Needs = strings.TrimSpace(e.needs.Text)
	p.Notes = strings.TrimRight(e.notes.Text, " \n\t")
	return p, problems
}

// submit validates the form and, when everything is right, stores it.
func (e *personEditor) submit() {
	p, problems := e.read()
	p.Normalize()
	if e.fields.Show(p.Validate(), problems) {
		return
	}
	ctx := context.Background()
	var err error
	if p.ID == 0 {
		err = e.w.store.CreatePerson(ctx, &p)
	} else {
		err = e.w.store.UpdatePerson(ctx, &p)
	}
	if !saved(e.w, e.fields, err, "Could not save "+p.Name) {
		return
	}
	e.dialog.Hide()
	if e.w.currentPersonEditor == e {
		e.w.currentPersonEditor = nil
	}
	if e.onSaved != nil {
		e.onSaved(p)
	}
}
