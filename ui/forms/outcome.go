package forms

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// OutcomeEditor logs what happened at a meeting in one step: it becomes
// an interaction (and so credits), with the promises made either way,
// what the person is working on and needs now, and their stance if it
// moved.
type OutcomeEditor struct {
	Form
	host     Host
	store    OutcomeStore
	meeting  model.Meeting
	person   model.Person
	zone     *time.Location
	onSaved  func()
	promises *promiseRows

	// The inputs, as the user fills them in.
	Day                                     *kit.DateField
	Clock, Summary, WorkingOn, Needs, Notes *kit.TextField
	Stance                                  *kit.Select
	// AddPromise adds a row for one more promise.
	AddPromise *widget.Button
}

// LogOutcome shows the outcome form of meeting m with person p over host,
// its times in zone; onSaved (if any) runs once store has logged it.
func LogOutcome(host Host, store OutcomeStore, m model.Meeting, p model.Person, zone *time.Location, onSaved func()) *OutcomeEditor {
	e := &OutcomeEditor{host: host, store: store, meeting: m, person: p, zone: zone, onSaved: onSaved}
	e.inputs()
	e.Fields = e.fieldSet()
	e.open(host, "How did it go? "+kit.MeetingTitle(m, p), "Log outcome", fyne.NewSize(680, 640), e.submit)
	host.Window().Canvas().Focus(e.Summary)
	return e
}

// inputs builds the form's inputs, holding when the meeting last took
// place and what is known of the person.
func (e *OutcomeEditor) inputs() {
	p := e.person
	at := latestOccurrence(e.meeting, e.host.Now(), e.zone).In(e.zone)
	e.Day = kit.NewDateField(at.Format("2006-01-02"), "", model.DatePast, func() time.Time { return e.host.Now().In(e.zone) }, "")
	e.Clock = kit.Entry(at.Format("15:04"), "")
	e.Summary = kit.Entry("", kit.MeetingTitle(e.meeting, p))
	e.WorkingOn = kit.MultiLine(p.WorkingOn, "What they said they are working on", 2)
	e.Needs = kit.MultiLine(p.Needs, "What they said would help them", 2)
	e.Stance = kit.Choice(model.Stances(), p.Stance)
	e.promises = newPromiseRows(e.host, p.Name)
	e.AddPromise = e.promises.add
	e.Notes = kit.MultiLine("", "Private: never in an invite or anything shared", 3)
}

// fieldSet lays the inputs out with their labels and hints.
func (e *OutcomeEditor) fieldSet() *kit.FieldSet {
	first := kit.FirstName(e.person.Name)
	f := kit.NewFieldSet()
	f.Add("date", "When", container.NewGridWithColumns(2, e.Day.Root, e.Clock), "")
	f.Add("summary", "Summary", e.Summary, "")
	f.Add("working on", first+" is working on", e.WorkingOn, "")
	f.Add("needs", first+" needs", e.Needs, "")
	f.Add("stance", "Stance", e.Stance, "")
	f.Add("promises", "Promises made", e.promises.root, promiseHint)
	f.Add("notes", "Notes", e.Notes, "")
	return f
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

// NewPromise adds an empty promise row, as Add a promise does, and
// returns it.
func (e *OutcomeEditor) NewPromise() *PromiseInput {
	op := e.promises.newRow()
	e.host.Window().Canvas().Focus(op.What)
	return op
}

// read builds the outcome the form describes.
func (e *OutcomeEditor) read() (model.MeetingOutcome, map[string]string) {
	problems := map[string]string{}
	o := model.MeetingOutcome{
		Summary:   strings.TrimSpace(e.Summary.Text),
		Notes:     strings.TrimSpace(e.Notes.Text),
		WorkingOn: strings.TrimSpace(e.WorkingOn.Text),
		Needs:     strings.TrimSpace(e.Needs.Text),
		Stance:    e.person.Stance,
	}
	if s, ok := model.FromLabel(model.Stances(), e.Stance.Selected); ok {
		o.Stance = s
	}
	if msg := e.readWhen(&o); msg != "" {
		problems["date"] = msg
	}
	if msg := e.readPromises(&o); msg != "" {
		problems["promises"] = msg
	}
	return o, problems
}

// readWhen sets when o took place from the day and time typed, or says
// what is wrong with them.
func (e *OutcomeEditor) readWhen(o *model.MeetingOutcome) string {
	day, err := model.ParseDay(e.Day.Text, e.host.Now().In(e.zone))
	hour, minute, clockErr := model.ParseClock(e.Clock.Text)
	switch {
	case err != nil:
		return "When: " + err.Error()
	case day.IsZero():
		return "When is required"
	case clockErr != nil:
		return "When: the time " + clockErr.Error()
	}
	o.At = time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, e.zone)
	if o.At.After(e.host.Now()) {
		return "When must not be in the future: log the outcome once the meeting has taken place"
	}
	return ""
}

// readPromises adds to o the promises of the rows not left empty, and
// says what is wrong with them, if anything.
func (e *OutcomeEditor) readPromises(o *model.MeetingOutcome) string {
	promises, problem := e.promises.read(o.At, e.host.Now().In(e.zone))
	o.Promises = append(o.Promises, promises...)
	return problem
}

// promiseProblems are the problems validation found with the promises in
// err, in a sentence; "" when none.
func promiseProblems(err error) string {
	var v *model.ValidationError
	if !errors.As(err, &v) {
		return ""
	}
	var ps []string
	for _, f := range v.Fields {
		if strings.HasPrefix(f.Field, "promise ") {
			ps = append(ps, f.Error())
		}
	}
	if len(ps) == 0 {
		return ""
	}
	return kit.CapitalFirst(strings.Join(ps, "; "))
}

// submit validates the form and, when everything is right, logs it.
func (e *OutcomeEditor) submit() {
	o, problems := e.read()
	err := o.Validate()
	if problems["promises"] == "" {
		if msg := promiseProblems(err); msg != "" {
			problems["promises"] = msg
		}
	}
	if e.Fields.Show(err, problems) {
		return
	}
	i, err := e.store.LogMeetingOutcome(context.Background(), e.meeting.ID, o)
	if !Saved(e.host, e.Fields, err, "Could not log the outcome") {
		return
	}
	e.Dialog.Hide()
	msg := fmt.Sprintf("Logged: %s.", i.Title())
	if n := len(o.Promises); n > 0 {
		msg = fmt.Sprintf("Logged: %s, with %s.", i.Title(), kit.Plural(n, "promise", "promises"))
	}
	e.host.Toast(msg, nil)
	if e.onSaved != nil {
		e.onSaved()
	}
}
