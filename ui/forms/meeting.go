package forms

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// meetingLengths are the lengths a meeting can be given, in minutes.
var meetingLengths = []int{15, 20, 30, 45, 60, 90, 120}

// reminderChoices are the reminders a meeting can have, in minutes before.
var reminderChoices = []int{0, 5, 10, 15, 30, 60, 24 * 60}

// minuteLabels lists the choices ns as text says them, for a drop-down.
func minuteLabels(ns []int, text func(int) string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = text(n)
	}
	return out
}

// minutesFromLabel is the choice in ns that text says as label, and
// whether there is one.
func minutesFromLabel(ns []int, text func(int) string, label string) (int, bool) {
	for _, n := range ns {
		if text(n) == label {
			return n, true
		}
	}
	return 0, false
}

// zoneName is a zone as a person knows it: "Europe/London", or "your
// computer's time zone" when it has no name.
func zoneName(z *time.Location) string {
	if z == nil || z.String() == "Local" {
		return "your computer's time zone"
	}
	return z.String()
}

// Defaults are the user's settings a meeting form starts from: the time
// zone meetings are in (the settings', else the system's), and the length
// and reminder of a new meeting.
type Defaults struct {
	Zone                            *time.Location
	MeetingMinutes, ReminderMinutes int
}

// MeetingEditor schedules a meeting or changes one: with whom, what kind,
// when (the day in words, "Tue" or "1 Dec", and the time), how long,
// where, whether it repeats, and a reminder. A new meeting gets an agenda
// drafted from what Rapport knows about the person.
type MeetingEditor struct {
	Form
	host    Host
	store   MeetingStore
	meeting model.Meeting // the meeting edited; ID 0 for a new one
	onSaved func(model.Meeting)
	zone    *time.Location
	person  model.PersonSummary // whom m is with when it names someone
	people  []model.PersonSummary

	// The inputs, as the user fills them in; DayHint reads Day back.
	Who                             *kit.PersonPicker
	Clock, Place                    *kit.TextField
	Day                             *kit.DateField
	DayHint                         *widget.Label
	Kind, Length, Repeats, Reminder *kit.Select
}

// EditMeeting shows the form for m over host: a new meeting when m.ID is
// 0 (with m's person and kind already chosen when set, and d's length and
// reminder), else the meeting to change. onSaved (if any) runs with what
// was stored in store. It returns nil, having said why, when the people
// cannot be read.
func EditMeeting(host Host, store MeetingStore, m model.Meeting, d Defaults, onSaved func(model.Meeting)) *MeetingEditor {
	e := &MeetingEditor{host: host, store: store, onSaved: onSaved, zone: d.Zone}
	if !e.load(m) {
		return nil
	}
	e.meeting = withDefaults(m, d)
	e.inputs(e.meeting)
	e.Fields = e.fieldSet()
	title, verb := "Schedule a meeting", "Schedule"
	if m.ID != 0 {
		title, verb = "Change the meeting", "Save"
	}
	e.open(host, title, verb, fyne.NewSize(600, 560), e.submit)
	if e.person.ID == 0 {
		host.Window().Canvas().Focus(e.Who.Entry)
	} else {
		host.Window().Canvas().Focus(e.Day)
	}
	return e
}

// load reads the people to choose from and whom m is with, if anyone; a
// failure is shown, and load reports whether it succeeded.
func (e *MeetingEditor) load(m model.Meeting) bool {
	all, err := e.store.People(context.Background(), false)
	if err != nil {
		e.host.ShowError("Could not read people", err)
		return false
	}
	e.people = all
	if m.PersonID != 0 {
		p, err := e.store.Person(context.Background(), m.PersonID)
		if err != nil {
			e.host.ShowError("Could not read whom the meeting is with", err)
			return false
		}
		e.person = model.PersonSummary{Person: p}
	}
	return true
}

// withDefaults is m, when new, with the kind, length and reminder it has
// not been given: a coffee, d's length and d's reminder.
func withDefaults(m model.Meeting, d Defaults) model.Meeting {
	if m.ID != 0 {
		return m
	}
	if m.Kind == "" {
		m.Kind = model.MeetingCoffee
	}
	if m.Duration == 0 {
		m.Duration = time.Duration(d.MeetingMinutes) * time.Minute
	}
	m.ReminderMinutes = d.ReminderMinutes
	return m
}

// inputs builds the form's inputs holding m.
func (e *MeetingEditor) inputs(m model.Meeting) {
	e.Who = kit.NewPersonPicker(e.people, "Type a name")
	if e.person.ID != 0 {
		e.Who.SetPerson(e.person)
	}
	e.Kind = kit.Choice(model.MeetingKinds(), m.Kind)
	e.whenInputs(m)
	e.Length = kit.NewSelect(minuteLabels(meetingLengths, kit.MinutesText), nil)
	e.Length.SetSelected(kit.MinutesText(int(m.Duration / time.Minute)))
	if e.Length.Selected == "" {
		e.Length.SetSelected(kit.MinutesText(30))
	}
	e.Place = kit.Entry(m.Location, "Café on the corner, or a video link")
	e.Repeats = kit.Choice(model.Recurrences(), m.Recurrence)
	e.Reminder = kit.NewSelect(minuteLabels(reminderChoices, kit.ReminderText), nil)
	e.Reminder.SetSelected(kit.ReminderText(m.ReminderMinutes))
	if e.Reminder.Selected == "" {
		e.Reminder.SetSelected(kit.ReminderText(10))
	}
}

// whenInputs builds the day (read back in words as it is typed) and the
// time of m, in the form's zone: tomorrow at 10:00 when m has no start.
func (e *MeetingEditor) whenInputs(m model.Meeting) {
	e.Day = kit.NewDateField("", "Tue, tomorrow, 1 Dec, 2026-12-01", model.DateAhead, e.today, "")
	e.Day.Words, e.Day.NotYet = model.DueWords, "Not a day yet"
	e.DayHint = e.Day.Hint
	e.Clock = kit.Entry("", "10:00")
	if m.Start.IsZero() {
		e.Day.SetText("tomorrow")
		e.Clock.SetText("10:00")
	} else {
		local := m.Start.In(e.zone)
		e.Day.SetText(local.Format("2006-01-02"))
		e.Clock.SetText(local.Format("15:04"))
	}
	e.Day.ReadBack()
}

// fieldSet lays the inputs out with their labels and hints.
func (e *MeetingEditor) fieldSet() *kit.FieldSet {
	f := kit.NewFieldSet()
	f.Add("person", "With", e.Who.Root, "")
	f.Add("kind", "Kind", e.Kind, "")
	f.Add("start", "Day", e.Day.Root, "")
	f.Add("time", "Time", e.Clock, fmt.Sprintf("In %s", zoneName(e.zone)))
	f.Add("duration", "Length", e.Length, "")
	f.Add("location", "Place", e.Place, "")
	f.Add("recurrence", "Repeats", e.Repeats, "A standing one-on-one can repeat; one invite covers every occurrence.")
	f.Add("reminder", "Reminder", e.Reminder, "")
	return f
}

// Zone is the time zone the form reads times in.
func (e *MeetingEditor) Zone() *time.Location { return e.zone }

// Person is the person the With field names so far, ID 0 until it names
// one.
func (e *MeetingEditor) Person() model.PersonSummary {
	p, _ := e.Who.Resolve()
	return p
}

// today is now in the user's zone, for reading typed days.
func (e *MeetingEditor) today() time.Time { return e.host.Now().In(e.zone) }

// read builds the meeting the form describes.
func (e *MeetingEditor) read() (model.Meeting, map[string]string) {
	problems := map[string]string{}
	m := e.meeting
	person, problem := e.Who.Resolve()
	m.PersonID = person.ID
	if m.PersonID == 0 {
		problems["person"] = "With: choose whom the meeting is with"
		if problem != "" {
			problems["person"] = "With: " + problem
		}
	}
	if k, ok := model.FromLabel(model.MeetingKinds(), e.Kind.Selected); ok {
		m.Kind = k
	}
	e.readWhen(&m, problems)
	if n, ok := minutesFromLabel(meetingLengths, kit.MinutesText, e.Length.Selected); ok {
		m.Duration = time.Duration(n) * time.Minute
	}
	m.Location = strings.TrimSpace(e.Place.Text)
	if r, ok := model.FromLabel(model.Recurrences(), e.Repeats.Selected); ok {
		m.Recurrence = r
	}
	if n, ok := minutesFromLabel(reminderChoices, kit.ReminderText, e.Reminder.Selected); ok {
		m.ReminderMinutes = n
	}
	if m.Status == "" {
		m.Status = model.MeetingPlanned
	}
	return m, problems
}

// readWhen sets the start of m from the day and time typed, or notes in
// problems what is wrong with them.
func (e *MeetingEditor) readWhen(m *model.Meeting, problems map[string]string) {
	day, err := model.ParseDue(e.Day.Text, e.today())
	switch {
	case err != nil:
		problems["start"] = "Day: " + err.Error()
	case day.IsZero():
		problems["start"] = "Day is required"
	}
	hour, minute, err := model.ParseClock(e.Clock.Text)
	if err != nil {
		problems["time"] = "Time " + err.Error()
	}
	if problems["start"] == "" && problems["time"] == "" {
		m.Start = time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, e.zone)
	}
}

// submit validates the form and, when everything is right, stores it: a
// new meeting with its agenda drafted.
func (e *MeetingEditor) submit() {
	m, problems := e.read()
	if e.Fields.Show(m.Validate(), problems) {
		return
	}
	ctx := context.Background()
	if m.ID == 0 {
		agenda, err := DraftAgenda(ctx, e.store, m, e.host.Now())
		if err != nil {
			e.host.ShowError("Could not draft the agenda", err)
			return
		}
		m.Agenda, m.AgendaDrafted = agenda, true // it follows the data until edited
		if !Saved(e.host, e.Fields, e.store.CreateMeeting(ctx, &m), "Could not schedule the meeting") {
			return
		}
		e.host.Toast(fmt.Sprintf("%s with %s planned for %s. Its page has the agenda and the calendar invite.",
			m.Kind.Label(), e.Person().Name, m.Start.In(e.zone).Format("Mon 2 Jan at 15:04")), nil)
	} else if !Saved(e.host, e.Fields, e.store.UpdateMeeting(ctx, &m), "Could not save the meeting") {
		return
	}
	e.Dialog.Hide()
	if e.onSaved != nil {
		e.onSaved(m)
	}
}
