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

// meetingPage is one meeting: when and where, the agenda to edit, the
// calendar exports, and logging what happened. It keeps its widgets so
// tests can tap them.
type meetingPage struct {
	s        *meetingsScreen
	meeting  model.Meeting
	person   model.Person
	settings model.Settings // read once, with the meeting
	zone     *time.Location

	logOutcome    *widget.Button
	change        *widget.Button
	cancel        *widget.Button
	reinstate     *widget.Button
	addToCalendar *widget.Button
	invite        *widget.Button
	agenda        *widget.Entry
	saveAgenda    *widget.Button
	redraft       *widget.Button
	exports       *exportBar
	handle        *dragHandle
	root          fyne.CanvasObject
}

// newMeetingPage reads the page of the meeting with the given ID in one
// call and builds it.
func newMeetingPage(s *meetingsScreen, id int64) (*meetingPage, error) {
	data, err := s.w.store.MeetingPage(context.Background(), id)
	if err != nil {
		return nil, err
	}
	m, p, settings := data.Meeting, data.Person, data.Settings
	pg := &meetingPage{s: s, meeting: m, person: p, settings: settings, zone: s.w.zone(settings)}
	w := s.w
	now := w.now()

	title := widget.NewLabelWithStyle(meetingTitle(m, p), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Wrapping = fyne.TextWrapWord
	who := widget.NewHyperlink(kit.PersonLabel(p), nil)
	who.Truncation = fyne.TextTruncateEllipsis
	who.OnTapped = func() { w.openPeopleOn(p.ID, p.Archived()) }

	facts := widget.NewForm()
	facts.Append("When", kit.ValueLabel(pg.whenText(now)))
	if m.Location != "" {
		facts.Append("Where", kit.ValueLabel(m.Location))
	}
	facts.Append("Reminder", widget.NewLabel(reminderText(m.ReminderMinutes)))
	facts.Append("Status", widget.NewLabel(pg.statusText(now)))

	pg.logOutcome = widget.NewButtonWithIcon("Log outcome…", theme.ConfirmIcon(), func() {
		openOutcomeEditor(w, pg.meeting, pg.person, s.reload)
	})
	pg.logOutcome.Importance = widget.HighImportance
	pg.change = widget.NewButtonWithIcon("Change…", theme.DocumentCreateIcon(), func() {
		openMeetingEditor(w, pg.meeting, func(model.Meeting) { s.reload() })
	})
	pg.cancel = widget.NewButtonWithIcon("Cancel meeting", theme.CancelIcon(), pg.cancelMeeting)
	pg.reinstate = widget.NewButtonWithIcon("Reinstate", theme.ContentUndoIcon(), func() { pg.setStatus(model.MeetingPlanned) })
	actions := container.NewHBox()
	switch {
	case m.Status == model.MeetingCanceled:
		actions.Add(pg.reinstate)
	case p.Archived():
		// Restore the person to act on the meeting.
	case m.Status == model.MeetingPlanned:
		if pg.outcomeDue(now) {
			actions.Add(pg.logOutcome)
		}
		actions.Add(pg.change)
		actions.Add(pg.cancel)
	}

	first := kit.FirstName(p.Name)
	mine, theirs := "Add to my calendar", "Invite "+first
	if m.Status == model.MeetingCanceled {
		mine, theirs = "Take off my calendar", "Cancellation for "+first
	}
	pg.addToCalendar = widget.NewButtonWithIcon(mine, theme.CalendarIcon(), func() { pg.export(false) })
	pg.invite = widget.NewButtonWithIcon(theirs, theme.MailSendIcon(), func() { pg.export(true) })
	pg.exports = newExportBar(w)
	pg.handle = newDragHandle(w, model.ScheduledMeeting{Meeting: m, With: p}, "page")
	pg.handle.prepare = func() (model.ScheduledMeeting, bool) {
		return model.ScheduledMeeting{Meeting: pg.meeting, With: pg.person}, pg.storeAgenda()
	}
	calendarHint := widget.NewLabel(pg.calendarHint())
	calendarHint.Wrapping = fyne.TextWrapWord
	calendarHint.SizeName = theme.SizeNameCaptionText

	pg.agenda = widget.NewMultiLineEntry()
	pg.agenda.Wrapping = fyne.TextWrapWord
	pg.agenda.SetMinRowsVisible(8)
	pg.agenda.SetText(m.Agenda)
	pg.saveAgenda = widget.NewButtonWithIcon("Save agenda", theme.DocumentSaveIcon(), func() { pg.storeAgenda() })
	pg.saveAgenda.Disable()
	pg.agenda.OnChanged = func(string) { pg.saveAgenda.Enable() }
	pg.redraft = widget.NewButtonWithIcon("Draft again", theme.ViewRefreshIcon(), pg.draftAgain)
	agendaHint := widget.NewLabel("This text goes into the invite " + first + " sees. Your notes on " + first + " and what you have shared about yourself never do.")
	agendaHint.Wrapping = fyne.TextWrapWord
	agendaHint.SizeName = theme.SizeNameCaptionText

	reminders := container.NewVBox()
	for _, r := range model.AgendaReminders() {
		reminders.Add(kit.Quiet("•  " + r))
	}

	// The handle has a line of its own so that the page fits beside the
	// list in a small window.
	body := container.NewVBox(title, who, facts, actions,
		widget.NewSeparator(), kit.CardHeading("Calendar"), container.NewHBox(pg.addToCalendar, pg.invite), container.NewHBox(pg.handle), calendarHint, pg.exports.root,
		widget.NewSeparator(), kit.CardHeading("Agenda"), agendaHint, pg.agenda, container.NewHBox(pg.saveAgenda, pg.redraft),
		widget.NewSeparator(), kit.CardHeading("For you, not in the invite"), reminders)
	if m.Status != model.MeetingPlanned || p.Archived() {
		pg.agenda.Disable()
		pg.redraft.Disable()
	}
	pg.root = container.NewVScroll(container.NewPadded(body))
	return pg, nil
}

// outcomeDue reports whether the meeting can take an outcome now: a
// one-off once it has started, with none logged; a recurring one once its
// first occurrence has started.
func (pg *meetingPage) outcomeDue(now time.Time) bool {
	m := pg.meeting
	if m.Start.After(now) {
		return false
	}
	return m.Recurrence != model.RecurrenceNone || m.OutcomeID == 0
}

// whenText says when the meeting is: "Tuesday 1 December 2026, 10:00–10:30
// (30 minutes)", and for a repeating one how it repeats and when next.
func (pg *meetingPage) whenText(now time.Time) string {
	m := pg.meeting
	span := func(start time.Time) string {
		start = start.In(pg.zone)
		return fmt.Sprintf("%s, %s–%s (%s)", start.Format("Monday 2 January 2006"), start.Format("15:04"),
			start.Add(m.Duration).Format("15:04"), minutesText(int(m.Duration/time.Minute)))
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
func (pg *meetingPage) statusText(now time.Time) string {
	m := pg.meeting
	switch {
	case m.Status == model.MeetingCanceled:
		return "Cancelled. Take it off your calendar, and send " + kit.FirstName(pg.person.Name) + " the cancellation if you sent an invite."
	case m.Status == model.MeetingHeld:
		return "Held; the outcome is on " + kit.FirstName(pg.person.Name) + "'s timeline."
	case pg.person.Archived():
		return pg.person.Name + " is in the trash: restore them to act on this meeting."
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
func (pg *meetingPage) calendarHint() string {
	if pg.meeting.Status == model.MeetingCanceled {
		return "Open the file each button writes: your calendar app removes the meeting, and a cancellation sent to " +
			kit.FirstName(pg.person.Name) + " removes it from theirs."
	}
	text := "Add to my calendar writes an event for your own calendar. "
	me := pg.settings
	switch {
	case pg.person.Email == "":
		text += "To invite " + kit.FirstName(pg.person.Name) + ", add their e-mail address to their details."
	case me.UserEmail == "":
		text += "To invite " + kit.FirstName(pg.person.Name) + ", set your own e-mail address in Settings: the invite comes from you."
	default:
		text += fmt.Sprintf("The invite goes from %s to %s.", me.UserEmail, pg.person.Email)
	}
	if pg.meeting.Sequence > 0 {
		text += " Export again after a change: the calendar entry is updated, not duplicated."
	}
	return text
}

// storeAgenda saves the agenda as edited, reporting whether it could.
func (pg *meetingPage) storeAgenda() bool {
	if pg.agenda.Text == pg.meeting.Agenda {
		pg.saveAgenda.Disable()
		return true
	}
	m := pg.meeting
	m.Agenda = strings.TrimRight(pg.agenda.Text, " \n")
	if err := pg.s.w.store.UpdateMeeting(context.Background(), &m); err != nil {
		pg.s.w.showError("Could not save the agenda", err)
		return false
	}
	pg.meeting = m
	pg.saveAgenda.Disable()
	return true
}

// draftAgain replaces the agenda with a fresh draft, asking first when it
// would lose the user's edits.
func (pg *meetingPage) draftAgain() {
	draft, err := pg.s.w.draftAgenda(pg.meeting)
	if err != nil {
		pg.s.w.showError("Could not draft the agenda", err)
		return
	}
	if pg.agenda.Text == draft {
		return
	}
	replace := func() {
		pg.agenda.SetText(draft)
		pg.storeAgenda()
	}
	if strings.TrimSpace(pg.agenda.Text) == "" {
		replace()
		return
	}
	dialog.ShowConfirm("Draft the agenda again?",
		"The agenda is drafted afresh from what you know about "+kit.FirstName(pg.person.Name)+" now. Your edits to it are replaced.",
		func(ok bool) {
			if ok {
				replace()
			}
		}, pg.s.w.win)
}

// export writes the meeting for the user's calendar, or as an invite to
// the person, saving the agenda first.
func (pg *meetingPage) export(request bool) {
	if !pg.storeAgenda() {
		return
	}
	sm := model.ScheduledMeeting{Meeting: pg.meeting, With: pg.person}
	w := pg.s.w
	if w.opts.Calendar == nil {
		w.showError("Could not write the invite", errNoCalendar)
		return
	}
	f, err := w.writeInvites(request, w.inviteFileName(sm, request), sm)
	if err != nil {
		w.explainExportError(err, pg.person, pg.s.reload)
		return
	}
	what := "The event for your calendar"
	switch {
	case request && pg.meeting.Status == model.MeetingCanceled:
		what = "The cancellation for " + pg.person.Name
	case request:
		what = "The invite to " + pg.person.Name
	}
	pg.exports.show(f, what)
}

// cancelMeeting calls the meeting off, with Undo.
func (pg *meetingPage) cancelMeeting() {
	if !pg.setStatus(model.MeetingCanceled) {
		return
	}
	w := pg.s.w
	id := pg.meeting.ID
	w.toast.show(meetingTitle(pg.meeting, pg.person)+" cancelled. Its page can take it off the calendars.", func() {
		m, err := w.store.Meeting(context.Background(), id)
		if err == nil {
			m.Status = model.MeetingPlanned
			err = w.store.UpdateMeeting(context.Background(), &m)
		}
		if err != nil {
			w.showError("Could not reinstate the meeting", err)
		}
		w.meetings.reload()
	})
}

// setStatus saves the meeting with a new status and shows it afresh.
func (pg *meetingPage) setStatus(status model.MeetingStatus) bool {
	m := pg.meeting
	m.Status = status
	if err := pg.s.w.store.UpdateMeeting(context.Background(), &m); err != nil {
		pg.s.w.showError("Could not save the meeting", err)
		return false
	}
	pg.s.reload()
	return true
}

// showMeeting opens the Meetings screen on the meeting with the given ID.
func (w *Window) showMeeting(id int64) {
	w.meetings.selectedID = id
	if w.current == screenMeetings {
		w.meetings.reload()
	} else {
		w.show(screenMeetings)
	}
}
