package ui

import (
	"context"
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

// meetingLengths are the lengths a meeting can be given, in minutes.
var meetingLengths = []int{15, 20, 30, 45, 60, 90, 120}

// reminderChoices are the reminders a meeting can have, in minutes before.
var reminderChoices = []int{0, 5, 10, 15, 30, 60, 24 * 60}

// minutesText says a length of time: "30 minutes", "1 hour", "1½ hours".
func minutesText(n int) string {
	switch {
	case n == 60:
		return "1 hour"
	case n == 90:
		return "1½ hours"
	case n == 24*60:
		return "1 day"
	case n >= 60 && n%60 == 0:
		return fmt.Sprintf("%d hours", n/60)
	}
	return fmt.Sprintf("%d minutes", n)
}

// reminderText says a reminder: "No reminder", "10 minutes before".
func reminderText(n int) string {
	if n == 0 {
		return "No reminder"
	}
	return minutesText(n) + " before"
}

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

// meetingEditor schedules a meeting or changes one: with whom, what kind,
// when (the day in words, "Tue" or "1 Dec", and the time), how long, where,
// whether it repeats, and a reminder. A new meeting gets an agenda drafted
// from what Rapport knows about the person.
type meetingEditor struct {
	w       *Window
	meeting model.Meeting // the meeting edited; ID 0 for a new one
	onSaved func(model.Meeting)
	zone    *time.Location

	people   *kit.PersonSuggester
	person   model.PersonSummary
	who      *widget.SelectEntry
	kind     *widget.Select
	day      *widget.Entry
	dayHint  *widget.Label
	clock    *widget.Entry
	length   *widget.Select
	place    *widget.Entry
	repeats  *widget.Select
	reminder *widget.Select
	fields   *kit.FieldSet
	save     *widget.Button
	dialog   dialog.Dialog
}

// openMeetingEditor opens the form for m: a new meeting when m.ID is 0
// (with m's person and kind already chosen when set), else the meeting to
// change.
func openMeetingEditor(w *Window, m model.Meeting, onSaved func(model.Meeting)) *meetingEditor {
	settings := w.settings()
	e := &meetingEditor{w: w, meeting: m, onSaved: onSaved, zone: w.zone(settings)}
	all, err := w.store.People(context.Background(), false)
	if err != nil {
		w.showError("Could not read people", err)
		return nil
	}
	e.people = kit.NewPersonSuggester(all)
	if m.PersonID != 0 {
		p, err := w.store.Person(context.Background(), m.PersonID)
		if err != nil {
			w.showError("Could not read whom the meeting is with", err)
			return nil
		}
		e.person = model.PersonSummary{Person: p}
	}
	if m.ID == 0 {
		if m.Kind == "" {
			m.Kind = model.MeetingCoffee
		}
		if m.Duration == 0 {
			m.Duration = time.Duration(settings.MeetingMinutes) * time.Minute
		}
		m.ReminderMinutes = settings.ReminderMinutes
		e.meeting = m
	}

	e.who = widget.NewSelectEntry(nil)
	e.who.SetPlaceHolder("Type a name")
	if e.person.ID != 0 {
		e.who.SetText(e.person.Name)
	}
	e.who.OnChanged = func(text string) { e.people.PickOne(e.who, text, &e.person) }
	e.kind = widget.NewSelect(model.Labels(model.MeetingKinds()), nil)
	e.kind.SetSelected(m.Kind.Label())

	e.day = widget.NewEntry()
	e.day.SetPlaceHolder("Tue, tomorrow, 1 Dec, 2026-12-01")
	e.dayHint = widget.NewLabel("")
	e.dayHint.SizeName = theme.SizeNameCaptionText
	e.day.OnChanged = func(string) { e.showDay() }
	e.clock = widget.NewEntry()
	e.clock.SetPlaceHolder("10:00")
	if m.Start.IsZero() {
		e.day.SetText("tomorrow")
		e.clock.SetText("10:00")
	} else {
		local := m.Start.In(e.zone)
		e.day.SetText(local.Format("2006-01-02"))
		e.clock.SetText(local.Format("15:04"))
	}
	e.showDay()

	e.length = widget.NewSelect(minuteLabels(meetingLengths, minutesText), nil)
	e.length.SetSelected(minutesText(int(m.Duration / time.Minute)))
	if e.length.Selected == "" {
		e.length.SetSelected(minutesText(30))
	}
	e.place = widget.NewEntry()
	e.place.SetPlaceHolder("Café on the corner, or a video link")
	e.place.SetText(m.Location)
	e.repeats = widget.NewSelect(model.Labels(model.Recurrences()), nil)
	e.repeats.SetSelected(m.Recurrence.Label())
	e.reminder = widget.NewSelect(minuteLabels(reminderChoices, reminderText), nil)
	e.reminder.SetSelected(reminderText(m.ReminderMinutes))
	if e.reminder.Selected == "" {
		e.reminder.SetSelected(reminderText(10))
	}

	f := kit.NewFieldSet()
	f.Add("person", "With", e.who, "")
	f.Add("kind", "Kind", e.kind, "")
	f.Add("start", "Day", container.NewVBox(e.day, e.dayHint), "")
	f.Add("time", "Time", e.clock, fmt.Sprintf("In %s", zoneName(e.zone)))
	f.Add("duration", "Length", e.length, "")
	f.Add("location", "Place", e.place, "")
	f.Add("recurrence", "Repeats", e.repeats, "A standing one-on-one can repeat; one invite covers every occurrence.")
	f.Add("reminder", "Reminder", e.reminder, "")
	e.fields = f

	title, verb := "Schedule a meeting", "Schedule"
	if m.ID != 0 {
		title, verb = "Change the meeting", "Save"
	}
	e.dialog, e.save = openForm(w, f, title, verb, fyne.NewSize(600, 560), e.submit)
	if e.person.ID == 0 {
		w.win.Canvas().Focus(e.who)
	} else {
		w.win.Canvas().Focus(e.day)
	}
	w.currentMeetingEditor = e
	return e
}

// zoneName is a zone as a person knows it: "Europe/London", or "your
// computer's time zone" when it has no name.
func zoneName(z *time.Location) string {
	if z == nil || z.String() == "Local" {
		return "your computer's time zone"
	}
	return z.String()
}

// today is now in the user's zone, for reading typed days.
func (e *meetingEditor) today() time.Time { return e.w.now().In(e.zone) }

// showDay reads the day back in words as it is typed.
func (e *meetingEditor) showDay() {
	e.dayHint.SetText(kit.DayHint(e.day.Text, e.today(), "", "Not a day yet"))
}

// read builds the meeting the form describes.
func (e *meetingEditor) read() (model.Meeting, map[string]string) {
	problems := map[string]string{}
	m := e.meeting
	m.PersonID = e.person.ID
	if m.PersonID == 0 {
		if strings.TrimSpace(e.who.Text) == "" {
			problems["person"] = "With: choose whom the meeting is with"
		} else {
			problems["person"] = "With: pick someone from the list"
		}
	}
	if k, ok := model.FromLabel(model.MeetingKinds(), e.kind.Selected); ok {
		m.Kind = k
	}
	day, err := model.ParseDue(e.day.Text, e.today())
	switch {
	case err != nil:
		problems["start"] = "Day: " + err.Error()
	case day.IsZero():
		problems["start"] = "Day is required"
	}
	hour, minute, err := model.ParseClock(e.clock.Text)
	if err != nil {
		problems["time"] = "Time " + err.Error()
	}
	if problems["start"] == "" && problems["time"] == "" {
		m.Start = time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, e.zone)
	}
	if n, ok := minutesFromLabel(meetingLengths, minutesText, e.length.Selected); ok {
		m.Duration = time.Duration(n) * time.Minute
	}
	m.Location = strings.TrimSpace(e.place.Text)
	if r, ok := model.FromLabel(model.Recurrences(), e.repeats.Selected); ok {
		m.Recurrence = r
	}
	if n, ok := minutesFromLabel(reminderChoices, reminderText, e.reminder.Selected); ok {
		m.ReminderMinutes = n
	}
	if m.Status == "" {
		m.Status = model.MeetingPlanned
	}
	return m, problems
}

func (e *meetingEditor) submit() {
	m, problems := e.read()
	if e.fields.Show(m.Validate(), problems) {
		return
	}
	ctx := context.Background()
	if m.ID == 0 {
		agenda, err := e.w.draftAgenda(m)
		if err != nil {
			e.w.showError("Could not draft the agenda", err)
			return
		}
		m.Agenda = agenda
		if !saved(e.w, e.fields, e.w.store.CreateMeeting(ctx, &m), "Could not schedule the meeting") {
			return
		}
		e.w.toast.show(fmt.Sprintf("%s with %s planned for %s. Its page has the agenda and the calendar invite.",
			m.Kind.Label(), e.person.Name, m.Start.In(e.zone).Format("Mon 2 Jan at 15:04")), nil)
	} else if !saved(e.w, e.fields, e.w.store.UpdateMeeting(ctx, &m), "Could not save the meeting") {
		return
	}
	e.dialog.Hide()
	if e.w.currentMeetingEditor == e {
		e.w.currentMeetingEditor = nil
	}
	if e.onSaved != nil {
		e.onSaved(m)
	}
}

// draftAgenda drafts the agenda of m from what is known about its person:
// what they are working on and need, the promises pending either way, and
// the career gaps they are best placed to advise on.
func (w *Window) draftAgenda(m model.Meeting) (string, error) {
	ctx := context.Background()
	p, err := w.store.Person(ctx, m.PersonID)
	if err != nil {
		return "", err
	}
	promises, err := w.store.PromisesFor(ctx, m.PersonID)
	if err != nil {
		return "", err
	}
	advises, err := w.store.AdvisedBy(ctx, m.PersonID)
	if err != nil {
		return "", err
	}
	return model.DraftAgenda(model.AgendaInput{Kind: m.Kind, Person: p, Promises: promises,
		AskAbout: model.AskAbout(advises, m.PersonID), Now: w.now()}), nil
}

// scheduleMeeting opens the form for a new meeting with the person (none
// chosen when personID is 0), then shows it on the Meetings screen.
func (w *Window) scheduleMeeting(personID int64) {
	openMeetingEditor(w, model.Meeting{PersonID: personID}, func(m model.Meeting) { w.showMeeting(m.ID) })
}
