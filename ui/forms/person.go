package forms

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// influenceChoices are the influence levels as the form offers them.
var influenceChoices = []string{"1", "2", "3", "4", "5"}

// PersonEditor is the form that adds or edits a person.
type PersonEditor struct {
	Form
	host     Host
	store    PersonStore
	original model.Person
	onSaved  func(model.Person)

	// The inputs, as the user fills them in.
	Name, Title, Team, Organisation, Email, Phone *kit.TextField
	Cadence                                       *kit.TextField
	FirstMet                                      *kit.DateField
	WorkingOn, Needs, Notes                       *kit.TextField
	Relation, Stance                              *kit.Select
	Influence                                     *widget.RadioGroup
}

// EditPerson shows the form for p (a new person when p.ID is 0) over host,
// and calls onSaved (if any) with what was stored in store.
func EditPerson(host Host, store PersonStore, p model.Person, onSaved func(model.Person)) *PersonEditor {
	e := newPersonEditor(p, host.Now)
	e.host, e.store, e.onSaved = host, store, onSaved
	e.Fields = e.fieldSet()
	title, verb := "New person", "Add person"
	if p.ID != 0 {
		title, verb = "Edit "+p.Name, "Save"
	}
	e.open(host, title, verb, fyne.NewSize(640, 680), e.submit)
	host.Window().Canvas().Focus(e.Name)
	return e
}

// newPersonEditor is the form's inputs holding p; now is the clock the
// first-met date is read back by.
func newPersonEditor(p model.Person, now func() time.Time) *PersonEditor {
	e := &PersonEditor{original: p}
	e.Name = kit.Entry(p.Name, "Full name")
	e.Title = kit.Entry(p.Title, "e.g. Director of Engineering")
	e.Team = kit.Entry(p.Team, "e.g. Platform")
	e.Organisation = kit.Entry(p.Organisation, "e.g. Northwind Labs")
	e.Email = kit.Entry(p.Email, "name@example.com")
	e.Phone = kit.Entry(p.Phone, "")
	e.Relation = kit.Choice(model.Relations(), p.Relation)
	e.Influence = widget.NewRadioGroup(influenceChoices, nil)
	e.Influence.Horizontal = true
	e.Influence.Required = true
	e.Influence.SetSelected(strconv.Itoa(p.Influence))
	e.Stance = kit.Choice(model.Stances(), p.Stance)
	e.Cadence = kit.Entry(cadenceText(p), defaultCadenceHint)
	e.FirstMet = kit.NewDateField(kit.DayText(p.FirstMet), "2026-11-23, yesterday, 3 years ago", model.DatePast, now, "")
	e.WorkingOn = kit.MultiLine(p.WorkingOn, "What they said they are working on", 2)
	e.Needs = kit.MultiLine(p.Needs, "What they said they need, where you could help", 2)
	e.Notes = kit.MultiLine(p.Notes, "Private notes: only you see these", 2)
	return e
}

// defaultCadenceHint is what the empty cadence field shows: the default
// that applies until the user sets one.
var defaultCadenceHint = "Every " + strconv.Itoa(model.DefaultCadenceDays) + " days (default)"

// cadenceText is what the cadence field holds for p: its days when the
// user set them, empty (showing defaultCadenceHint) for the default.
func cadenceText(p model.Person) string {
	if !p.CadenceSet {
		return ""
	}
	return strconv.Itoa(p.CadenceDays)
}

// fieldSet lays the inputs out with their labels and hints.
func (e *PersonEditor) fieldSet() *kit.FieldSet {
	f := kit.NewFieldSet()
	f.Add("name", "Name", e.Name, "")
	f.Add("title", "Title", e.Title, "")
	f.Add("team", "Team", e.Team, "")
	f.Add("organisation", "Organisation", e.Organisation, "")
	f.Add("email", "Email", e.Email, "")
	f.Add("phone", "Phone", e.Phone, "")
	f.Add("relation", "Relation to you", e.Relation, "")
	f.Add("influence", "Influence", e.Influence, "How much say they have over your next move: 1 little, 5 decides.")
	f.Add("stance", "Stance", e.Stance, "Where they stand toward you today.")
	f.Add("cadence", "Keep in touch every", e.Cadence,
		"Days between contacts; 0 for no cadence. Left empty, the default counts only once you have been in touch.")
	f.Add("first met", "First met", e.FirstMet.Root, "")
	f.Add("working on", "Working on", e.WorkingOn, "")
	f.Add("needs", "What they need", e.Needs, "")
	f.Add("notes", "Notes", e.Notes, "")
	return f
}

// read builds the person the form describes, with the problems met while
// reading inputs that are not text (numbers, dates).
func (e *PersonEditor) read() (model.Person, map[string]string) {
	p := e.original
	problems := map[string]string{}
	p.Name = e.Name.Text
	p.Title = e.Title.Text
	p.Team = e.Team.Text
	p.Organisation = e.Organisation.Text
	p.Email = strings.TrimSpace(e.Email.Text)
	p.Phone = e.Phone.Text
	if r, ok := model.FromLabel(model.Relations(), e.Relation.Selected); ok {
		p.Relation = r
	}
	if n, err := strconv.Atoi(e.Influence.Selected); err == nil {
		p.Influence = n
	} else {
		problems["influence"] = "Choose an influence from 1 to 5"
	}
	if st, ok := model.FromLabel(model.Stances(), e.Stance.Selected); ok {
		p.Stance = st
	}
	if n, err := strconv.Atoi(strings.TrimSpace(e.Cadence.Text)); err == nil {
		p.CadenceDays, p.CadenceSet = n, true
	} else if strings.TrimSpace(e.Cadence.Text) == "" {
		p.CadenceDays, p.CadenceSet = model.DefaultCadenceDays, false
	} else {
		problems["cadence"] = "Keep in touch needs a whole number of days, like 30"
	}
	if d, err := model.ParseDay(e.FirstMet.Text, e.host.Now()); err == nil {
		p.FirstMet = d
	} else {
		problems["first met"] = "First met: " + err.Error()
	}
	p.WorkingOn = strings.TrimSpace(e.WorkingOn.Text)
	p.Needs = strings.TrimSpace(e.Needs.Text)
	p.Notes = strings.TrimRight(e.Notes.Text, " \n\t")
	return p, problems
}

// submit validates the form and, when everything is right, stores it.
func (e *PersonEditor) submit() {
	p, problems := e.read()
	p.Normalize()
	if e.Fields.Show(p.Validate(), problems) {
		return
	}
	ctx := context.Background()
	var err error
	if p.ID == 0 {
		err = e.store.CreatePerson(ctx, &p)
	} else {
		err = e.store.UpdatePerson(ctx, &p)
	}
	if !Saved(e.host, e.Fields, err, "Could not save "+p.Name) {
		return
	}
	e.Dialog.Hide()
	if e.onSaved != nil {
		e.onSaved(p)
	}
}
