package forms

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// promiseHint is said under the promise rows of a form.
const promiseHint = "Note every promise, either way, while it is fresh: keeping them is what earns trust."

// PromiseInput is one promise row of a form that logs a contact (Log
// interaction, Log outcome): who owes whom, what, and by when.
type PromiseInput struct {
	Direction *kit.Select
	What, Due *kit.TextField
	row       fyne.CanvasObject
}

// dueHint is the due field's placeholder while what is owed names no date.
const dueHint = "Due: Fri, next week"

// dueFromWhat is the due field's placeholder for what: the date read back
// when what ends with one ("the plan by Fri": "Due Fri 11 Dec"), which is
// the due date while the field stays empty.
func dueFromWhat(what string, now time.Time) string {
	if _, due := model.WhatAndDue(what, now); !due.IsZero() {
		return "Due " + model.DateReadBack(due, now)
	}
	return dueHint
}

// promiseRows are the promise rows of a form, either way between the user
// and one person, with the button that adds a row.
type promiseRows struct {
	host  Host
	first string // the person's first name, "" while unknown
	rows  []*PromiseInput
	box   *fyne.Container
	add   *widget.Button
	root  fyne.CanvasObject
}

// newPromiseRows are the rows of promises with the person named name
// ("" when not known yet: "them"), none to start with.
func newPromiseRows(host Host, name string) *promiseRows {
	r := &promiseRows{host: host, first: kit.FirstName(name), box: container.NewVBox()}
	r.add = widget.NewButtonWithIcon("Add a promise", theme.ContentAddIcon(), func() {
		host.Window().Canvas().Focus(r.newRow().What)
	})
	r.add.Importance = widget.LowImportance
	r.root = container.NewVBox(r.box, container.NewHBox(r.add))
	return r
}

// directions are the labels of the two directions, mine first.
func (r *promiseRows) directions() []string {
	if r.first == "" {
		return []string{"I owe them", "They owe me"}
	}
	return []string{"I owe " + r.first, r.first + " owes me"}
}

// newRow adds an empty row, mine, and returns it.
func (r *promiseRows) newRow() *PromiseInput {
	op := &PromiseInput{}
	op.Direction = kit.NewSelect(r.directions(), nil)
	op.Direction.SetSelectedIndex(0)
	op.What = kit.Entry("", "What")
	op.Due = kit.Entry("", dueHint)
	op.What.OnChanged = func(what string) { op.Due.SetPlaceHolder(dueFromWhat(what, r.host.Now())) }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range r.rows {
			if x == op {
				r.rows = append(r.rows[:i], r.rows[i+1:]...)
			}
		}
		r.box.Remove(op.row)
	})
	remove.Importance = widget.LowImportance
	// What, then Due, then the direction: Tab goes from what to when.
	below := container.NewGridWithColumns(2, op.Due, op.Direction)
	op.row = container.NewBorder(nil, nil, nil, remove, container.NewVBox(op.What, below))
	r.rows = append(r.rows, op)
	r.box.Add(op.row)
	return op
}

// setPerson names the person in the rows' directions, keeping each row's.
func (r *promiseRows) setPerson(name string) {
	r.first = kit.FirstName(name)
	for _, op := range r.rows {
		i := op.Direction.SelectedIndex()
		op.Direction.SetOptions(r.directions())
		op.Direction.SetSelectedIndex(i)
	}
}

// read is the promises of the rows not left empty, made on madeOn, their
// due dates read as of now, and what is wrong with them ("" when nothing).
func (r *promiseRows) read(madeOn, now time.Time) ([]model.Promise, string) {
	var out []model.Promise
	var problems []string
	for i, op := range r.rows {
		p := model.Promise{Direction: model.DirectionMine, What: strings.TrimSpace(op.What.Text),
			Status: model.PromiseOpen, MadeOn: model.Day(madeOn)}
		if op.Direction.SelectedIndex() == 1 {
			p.Direction = model.DirectionTheirs
		}
		if p.What == "" && strings.TrimSpace(op.Due.Text) == "" {
			continue // an empty row is ignored
		}
		if strings.TrimSpace(op.Due.Text) == "" {
			p.What, p.DueOn = model.WhatAndDue(p.What, now)
			out = append(out, p)
			continue
		}
		due, err := model.ParseDue(op.Due.Text, now)
		if err != nil {
			problems = append(problems, fmt.Sprintf("promise %d: %s", i+1, err))
		}
		p.DueOn = due
		if p.What == "" {
			problems = append(problems, fmt.Sprintf("promise %d: say what was promised", i+1))
		}
		out = append(out, p)
	}
	if len(problems) == 0 {
		return out, ""
	}
	return out, kit.CapitalFirst(strings.Join(problems, "; "))
}
