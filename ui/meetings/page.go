package meetings

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// page is one meeting: when and where, the agenda to edit, the calendar
// exports, and logging what happened.
type page struct {
	s    *Screen
	data model.MeetingPage // the meeting as last saved, its person, the settings
	zone *time.Location

	agenda     *kit.TextField
	draft      string // the draft shown while the agenda follows the data, else ""
	saveAgenda *widget.Button
	redraft    *widget.Button
	exports    *fyne.Container // the bar of the last file written
	root       fyne.CanvasObject
}

// newPage builds the page of the meeting read as data.
func newPage(s *Screen, data model.MeetingPage) *page {
	pg := &page{s: s, data: data, zone: data.Settings.Zone(s.system)}
	now := s.now()
	// The handle has a line of its own so that the page fits beside the
	// list in a small window.
	body := container.NewVBox(pg.header(now)...)
	body.Add(widget.NewSeparator())
	body.Objects = append(body.Objects, pg.calendar()...)
	body.Add(widget.NewSeparator())
	body.Objects = append(body.Objects, pg.agendaPart()...)
	body.Add(widget.NewSeparator())
	body.Add(kit.CardHeading("For you, not in the invite"))
	reminders := container.NewVBox()
	for _, r := range model.AgendaReminders() {
		reminders.Add(kit.Quiet("•  " + r))
	}
	body.Add(reminders)
	pg.root = container.NewVScroll(container.NewPadded(body))
	return pg
}

// header is the title, the person, the facts and the actions.
func (pg *page) header(now time.Time) []fyne.CanvasObject {
	m, p := pg.data.Meeting, pg.data.Person
	title := widget.NewLabelWithStyle(kit.MeetingTitle(m, p), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Wrapping = fyne.TextWrapWord
	who := widget.NewHyperlink(kit.PersonLabel(p), nil)
	who.Truncation = fyne.TextTruncateEllipsis
	who.OnTapped = func() { pg.s.nav.OpenPerson(p.ID) }

	facts := widget.NewForm()
	facts.Append("When", kit.ValueLabel(pg.whenText(now)))
	if m.Location != "" {
		facts.Append("Where", kit.ValueLabel(m.Location))
	}
	facts.Append("Reminder", widget.NewLabel(kit.ReminderText(m.ReminderMinutes)))
	facts.Append("Status", widget.NewLabel(pg.statusText(now)))
	return []fyne.CanvasObject{title, who, facts, pg.actions(now)}
}

// actions are what can be done with the meeting as it stands: log its
// outcome, change or cancel it, or reinstate it; and delete it.
func (pg *page) actions(now time.Time) fyne.CanvasObject {
	m, p, nav := pg.data.Meeting, pg.data.Person, pg.s.nav
	actions := container.NewHBox()
	switch {
	case m.Status == model.MeetingCanceled:
		actions.Add(widget.NewButtonWithIcon("Reinstate", theme.ContentUndoIcon(), func() { pg.setStatus(model.MeetingPlanned) }))
	case p.Archived():
		// Restore the person to act on the meeting.
	case m.Status == model.MeetingPlanned:
		if pg.outcomeDue(now) {
			log := widget.NewButtonWithIcon("Log outcome…", theme.ConfirmIcon(), func() { nav.LogOutcome(pg.data.Meeting.ID) })
			log.Importance = widget.HighImportance
			actions.Add(log)
		}
		actions.Add(widget.NewButtonWithIcon("Change…", theme.DocumentCreateIcon(), func() { nav.EditMeeting(pg.data.Meeting) }))
		actions.Add(widget.NewButtonWithIcon("Cancel meeting", theme.CancelIcon(), pg.cancelMeeting))
	}
	if !p.Archived() {
		actions.Add(widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), pg.deleteMeeting))
	}
	return actions
}

// calendar is the calendar part: the exports, the drag handle, what they
// do, and the bar of the last file written.
func (pg *page) calendar() []fyne.CanvasObject {
	m, first := pg.data.Meeting, kit.FirstName(pg.data.Person.Name)
	mine, theirs := "Add to my calendar", "Invite "+first
	if m.Status == model.MeetingCanceled {
		mine, theirs = "Take off my calendar", "Cancellation for "+first
	}
	addToCalendar := widget.NewButtonWithIcon(mine, theme.CalendarIcon(), func() { pg.export(false) })
	invite := widget.NewButtonWithIcon(theirs, theme.MailSendIcon(), func() { pg.export(true) })
	handle := pg.s.nav.DragMeeting("page", func() (model.ScheduledMeeting, bool) {
		ok := pg.storeAgenda()
		return pg.scheduled(), ok
	})
	hint := widget.NewLabel(pg.calendarHint())
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	pg.exports = container.NewStack()
	return []fyne.CanvasObject{kit.CardHeading("Calendar"), container.NewHBox(addToCalendar, invite),
		container.NewHBox(handle), hint, pg.exports}
}

// agendaPart is the agenda to edit, saved by its button or before any
// export, and drafted again on demand.
func (pg *page) agendaPart() []fyne.CanvasObject {
	m, p := pg.data.Meeting, pg.data.Person
	first := kit.FirstName(p.Name)
	text := m.Agenda
	if m.AgendaDrafted && m.Status == model.MeetingPlanned {
		// Not edited yet: show it as drafted from what is known now.
		if d, err := pg.s.nav.DraftAgenda(m); err != nil {
			pg.s.nav.ShowError("Could not draft the agenda", err)
		} else {
			text = d
		}
		pg.draft = text
	}
	pg.agenda = kit.MultiLine(text, "", 8)
	pg.saveAgenda = widget.NewButtonWithIcon("Save agenda", theme.DocumentSaveIcon(), func() { pg.storeAgenda() })
	pg.saveAgenda.Disable()
	pg.agenda.OnChanged = func(string) { pg.saveAgenda.Enable() }
	pg.redraft = widget.NewButtonWithIcon("Draft again", theme.ViewRefreshIcon(), pg.draftAgain)
	hint := widget.NewLabel("This text goes into the invite " + first + " sees. Your notes on " + first +
		" and what you have shared about yourself never do. Until you edit it, it follows what you know about " + first + ".")
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	if m.Status != model.MeetingPlanned || p.Archived() {
		pg.agenda.Disable()
		pg.redraft.Disable()
	}
	return []fyne.CanvasObject{kit.CardHeading("Agenda"), hint, pg.agenda, container.NewHBox(pg.saveAgenda, pg.redraft)}
}

// scheduled is the meeting as last saved, with its person.
func (pg *page) scheduled() model.ScheduledMeeting {
	return model.ScheduledMeeting{Meeting: pg.data.Meeting, With: pg.data.Person}
}

// outcomeDue reports whether the meeting can take an outcome now: a
// one-off once it has started, with none logged; a recurring one once its
// first occurrence has started.
func (pg *page) outcomeDue(now time.Time) bool {
	m := pg.data.Meeting
	if m.Start.After(now) {
		return false
	}
	return m.Recurrence != model.RecurrenceNone || m.OutcomeID == 0
}

// whenText says when the meeting is: "Tuesday 1 December 2026, 10:00–10:30
// (30 minutes)", and for a repeating one how it repeats and when next.
func (pg *page) whenText(now time.Time) string {
	m := pg.data.Meeting
	span := func(start time.Time) string {
		start = start.In(pg.zone)
		return fmt.Sprintf("%s, %s–%s (%s)", start.Format("Monday 2 January 2006"), start.Format("15:04"),
			start.Add(m.Duration).Format("15:04"), kit.MinutesText(int(m.Duration/time.Minute)))
	}
	if m.Recurrence == model.RecurrenceNone {
		return span(m.Start)
	}
	since := " since "
	if m.Start.After(now) {
		since = " from "
	}
	text := m.Recurrence.Label() + since + m.Start.In(pg.zone).Format("2 January 2006")
	if m.Status == model.MeetingPlanned {
		text += "\nNext: " + span(m.NextOccurrence(now, pg.zone))
	}
	return text
}

// statusText says where the meeting stands.
func (pg *page) statusText(now time.Time) string {
	m, p := pg.data.Meeting, pg.data.Person
	switch {
	case m.Status == model.MeetingCanceled:
		return "Cancelled. Take it off your calendar, and send " + kit.FirstName(p.Name) + " the cancellation if you sent an invite."
	case m.Status == model.MeetingHeld:
		return "Held; the outcome is on " + kit.Isolate(kit.FirstName(p.Name)) + "'s timeline."
	case p.Archived():
		return kit.Isolate(p.Name) + " is in the trash: restore them to act on this meeting."
	case m.WaitingForOutcome(now):
		return "Waiting for an outcome: log what happened while you remember it."
	case m.Recurrence != model.RecurrenceNone && m.OutcomeID != 0:
		return "Planned; outcomes are logged per occurrence."
	case m.Start.After(now):
		return "Planned for " + model.DueWords(model.Day(m.Start.In(pg.zone)), now.In(pg.zone))
	}
	return "Under way"
}

// calendarHint says what the exports do and to whom an invite goes.
func (pg *page) calendarHint() string {
	m, p, me := pg.data.Meeting, pg.data.Person, pg.data.Settings
	if m.Status == model.MeetingCanceled {
		return "Open the file each button writes: your calendar app removes the meeting, and a cancellation sent to " +
			kit.FirstName(p.Name) + " removes it from theirs."
	}
	text := "Add to my calendar writes an event for your own calendar. "
	switch {
	case p.Email == "":
		text += "To invite " + kit.FirstName(p.Name) + ", add their e-mail address to their details."
	case me.UserEmail == "":
		text += "To invite " + kit.FirstName(p.Name) + ", set your own e-mail address in Settings: the invite comes from you."
	default:
		text += fmt.Sprintf("The invite goes from %s to %s.", me.UserEmail, p.Email)
	}
	if m.Sequence > 0 {
		text += " Export again after a change: the calendar entry is updated, not duplicated."
	}
	return text
}
