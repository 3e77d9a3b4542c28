package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// outcomeEditor logs what happened at a meeting in one step: it becomes an
// interaction (and so credits), with the promises made either way, what
// the person is working on and needs now, and their stance if it moved.
type outcomeEditor struct {
	w       *Window
	meeting model.Meeting
	person  model.Person
	zone    *time.Location
	onSaved func()

	day        *widget.Entry
	clock      *widget.Entry
	summary    *widget.Entry
	workingOn  *widget.Entry
	needs      *widget.Entry
	stance     *widget.Select
	promises   []*outcomePromise
	promiseBox *fyne.Container
	addPromise *widget.Button
	notes      *widget.Entry
	fields     *kit.FieldSet
	save       *widget.Button
	dialog     dialog.Dialog
}

// outcomePromise is one promise row of the outcome form.
type outcomePromise struct {
	direction *widget.Select
	what      *widget.Entry
	due       *widget.Entry
	row       fyne.CanvasObject
}

// openOutcomeEditor opens the outcome form for meeting m with person p.
func openOutcomeEditor(w *Window, m model.Meeting, p model.Person, onSaved func()) *outcomeEditor {
	e := &outcomeEditor{w: w, meeting: m, person: p, zone: w.zone(w.settings()), onSaved: onSaved}
	at := latestOccurrence(m, w.now(), e.zone).In(e.zone)
	e.day = widget.NewEntry()
	e.day.SetText(at.Format("2006-01-02"))
	e.clock = widget.NewEntry()
	e.clock.SetText(at.Format("15:04"))
	e.summary = widget.NewEntry()
	e.summary.SetPlaceHolder(meetingTitle(m, p))
	e.workingOn = widget.NewMultiLineEntry()
	e.workingOn.Wrapping = fyne.TextWrapWord
	e.workingOn.SetMinRowsVisible(2)
	e.workingOn.SetText(p.WorkingOn)
	e.workingOn.SetPlaceHolder("What they said they are working on")
	e.needs = widget.NewMultiLineEntry()
	e.needs.Wrapping = fyne.TextWrapWord
	e.needs.SetMinRowsVisible(2)
	e.needs.SetText(p.Needs)
	e.needs.SetPlaceHolder("What they said would help them")
	e.stance = widget.NewSelect(model.Labels(model.Stances()), nil)
	e.stance.SetSelected(p.Stance.Label())
	e.promiseBox = container.NewVBox()
	e.addPromise = widget.NewButtonWithIcon("Add a promise", theme.ContentAddIcon(), func() { e.newPromise() })
	e.addPromise.Importance = widget.LowImportance
	e.notes = widget.NewMultiLineEntry()
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.SetMinRowsVisible(3)
	e.notes.SetPlaceHolder("Private: never in an invite or anything shared")

	first := kit.FirstName(p.Name)
	f := kit.NewFieldSet()
	f.Add("date", "When", container.NewGridWithColumns(2, e.day, e.clock), "")
	f.Add("summary", "Summary", e.summary, "")
	f.Add("working on", first+" is working on", e.workingOn, "")
	f.Add("needs", first+" needs", e.needs, "")
	f.Add("stance", "Stance", e.stance, "")
	f.Add("promises", "Promises made", container.NewVBox(e.promiseBox, container.NewHBox(e.addPromise)),
		"Note every promise, either way, while it is fresh: keeping them is what earns trust.")
	f.Add("notes", "Notes", e.notes, "")
	e.fields = f

	e.dialog, e.save = openForm(w, f, "How did it go? "+meetingTitle(m, p), "Log outcome", fyne.NewSize(680, 640), e.submit)
	w.win.Canvas().Focus(e.summary)
	w.currentOutcomeEditor = e
	return e
}

// latestOccurrence is the start of the last occurrence of m that began by
// now (m.Start for a one-off, or when none has begun).
func latestOccurrence(m model.Meeting, now time.Time, zone *time.Location) time.Time {
	at := m.Start
	for m.Recurrence != model.RecurrenceNone {
		next := m.NextOccurrence(at.Add(m.Duration), zone)
		if next.After(now) || !next.After(at) {
			break
		}
		at = next
	}
	return at
}

// newPromise adds an empty promise row and returns it.
func (e *outcomeEditor) newPromise() *outcomePromise {
	first := kit.FirstName(e.person.Name)
	mine, theirs := "I owe "+first, first+" owes me"
	op := &outcomePromise{}
	op.direction = widget.NewSelect([]string{mine, theirs}, nil)
	op.direction.SetSelected(mine)
	op.what = widget.NewEntry()
	op.what.SetPlaceHolder("What")
	op.due = widget.NewEntry()
	op.due.SetPlaceHolder("Due: Fri, next week")
	var remove *widget.Button
	remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range e.promises {
			if x == op {
				e.promises = append(e.promises[:i], e.promises[i+1:]...)
			}
		}
		e.promiseBox.Remove(op.row)
	})
	remove.Importance = widget.LowImportance
	left := container.NewGridWithColumns(2, op.direction, op.due)
	op.row = container.NewBorder(nil, nil, nil, remove, container.NewVBox(op.what, left))
	e.promises = append(e.promises, op)
	e.promiseBox.Add(op.row)
	e.w.win.Canvas().Focus(op.what)
	return op
}

// read builds the outcome the form describes.
func (e *outcomeEditor) read() (model.MeetingOutcome, map[string]string) {
	problems := map[string]string{}
	now := e.w.now().In(e.zone)
	o := model.MeetingOutcome{
		Summary:   strings.TrimSpace(e.summary.Text),
		Notes:     strings.TrimSpace(e.notes.Text),
		WorkingOn: strings.TrimSpace(e.workingOn.Text),
		Needs:     strings.TrimSpace(e.needs.Text),
		Stance:    e.person.Stance,
	}
	if s, ok := model.FromLabel(model.Stances(), e.stance.Selected); ok {
		o.Stance = s
	}
	day, err := model.ParseDay(e.day.Text, now)
	hour, minute, clockErr := model.ParseClock(e.clock.Text)
	switch {
	case err != nil:
		problems["date"] = "When: " + err.Error()
	case day.IsZero():
		problems["date"] = "When is required"
	case clockErr != nil:
		problems["date"] = "When: the time " + clockErr.Error()
	default:
		o.At = time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, e.zone)
		if o.At.After(e.w.now()) {
			problems["date"] = "When must not be in the future: log the outcome once the meeting has taken place"
		}
	}
	var promiseProblems []string
	for i, op := range e.promises {
		p := model.Promise{Direction: model.DirectionMine, What: strings.TrimSpace(op.what.Text),
			Status: model.PromiseOpen, MadeOn: model.Day(o.At)}
		if strings.HasSuffix(op.direction.Selected, "owes me") {
			p.Direction = model.DirectionTheirs
		}
		if p.What == "" && strings.TrimSpace(op.due.Text) == "" {
			continue // an empty row is ignored
		}
		due, err := model.ParseDue(op.due.Text, now)
		if err != nil {
			promiseProblems = append(promiseProblems, fmt.Sprintf("promise %d: %s", i+1, err))
		}
		p.DueOn = due
		if p.What == "" {
			promiseProblems = append(promiseProblems, fmt.Sprintf("promise %d: say what was promised", i+1))
		}
		o.Promises = append(o.Promises, p)
	}
	if len(promiseProblems) > 0 {
		problems["promises"] = kit.CapitalFirst(strings.Join(promiseProblems, "; "))
	}
	return o, problems
}

func (e *outcomeEditor) submit() {
	o, problems := e.read()
	err := o.Validate()
	if problems["promises"] == "" {
		var v *model.ValidationError
		if errors.As(err, &v) {
			var ps []string
			for _, f := range v.Fields {
				if strings.HasPrefix(f.Field, "promise ") {
					ps = append(ps, f.Error())
				}
			}
			if len(ps) > 0 {
				problems["promises"] = kit.CapitalFirst(strings.Join(ps, "; "))
			}
		}
	}
	if e.fields.Show(err, problems) {
		return
	}
	i, err := e.w.store.LogMeetingOutcome(context.Background(), e.meeting.ID, o)
	if !saved(e.w, e.fields, err, "Could not log the outcome") {
		return
	}
	e.dialog.Hide()
	if e.w.currentOutcomeEditor == e {
		e.w.currentOutcomeEditor = nil
	}
	msg := fmt.Sprintf("Logged: %s.", i.Title())
	if n := len(o.Promises); n > 0 {
		msg = fmt.Sprintf("Logged: %s, with %s.", i.Title(), kit.Plural(n, "promise", "promises"))
	}
	e.w.toast.show(msg, nil)
	if e.onSaved != nil {
		e.onSaved()
	}
}
