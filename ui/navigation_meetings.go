package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit"
)

// The verbs the Meetings screen asks of the window (see
// meetings.Navigator): the forms, calendar files and drag handles are the
// window's.

// EditMeeting opens the form to change m; the screen on show is reloaded
// after it saves.
func (w *Window) EditMeeting(m model.Meeting) {
	w.editMeeting(m, func(model.Meeting) { w.refresh() })
}

// DraftAgenda drafts m's agenda from what is known about its person: what
// they are working on and need, the promises pending either way, and the
// career gaps they are best placed to advise on.
func (w *Window) DraftAgenda(m model.Meeting) (string, error) {
	return forms.DraftAgenda(context.Background(), w.store, m, w.now())
}

// ExportInvite writes m's calendar file to the invites folder, for the
// user's own calendar or, when request is true, as an invite to its
// person, and returns the bar that says where it is and offers Open, Show
// in folder, Copy and Save as. When nothing could be written it explains
// why (offering the fix) and returns nil.
func (w *Window) ExportInvite(m model.ScheduledMeeting, request bool) fyne.CanvasObject {
	if w.opts.Calendar == nil {
		w.showError("Could not write the invite", errNoCalendar)
		return nil
	}
	f, err := w.writeInvites(request, w.inviteFileName(m, request), m)
	if err != nil {
		w.explainExportError(err, m.With, w.refresh)
		return nil
	}
	what := "The event for your calendar"
	switch {
	case request && m.Meeting.Status == model.MeetingCanceled:
		what = "The cancellation for " + m.With.Name
	case request:
		what = "The invite to " + m.With.Name
	}
	bar := newExportBar(w)
	bar.show(f, what)
	return bar.root
}

// ExportWeek writes every planned meeting of the coming seven days into
// one calendar file for the user's own calendar, and shows where.
func (w *Window) ExportWeek() {
	l, err := w.store.MeetingList(context.Background())
	if err != nil {
		w.showError("Could not read the meetings", err)
		return
	}
	zone := w.zone(l.Settings)
	from := model.Day(w.now().In(zone))
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, zone)
	end := start.AddDate(0, 0, 7)
	var week []model.ScheduledMeeting
	for _, m := range l.Meetings {
		next := m.NextOccurrence(start, zone)
		if m.Status == model.MeetingPlanned && !next.Before(start) && next.Before(end) {
			week = append(week, model.ScheduledMeeting{Meeting: m, With: l.People[m.PersonID]})
		}
	}
	if len(week) == 0 {
		w.toast.show("No meetings planned in the coming seven days: nothing to export.", nil)
		return
	}
	name := fmt.Sprintf("Meetings %s to %s.ics", start.Format("2006-01-02"), end.AddDate(0, 0, -1).Format("2006-01-02"))
	f, err := w.writeInvites(false, name, week...)
	if err != nil {
		w.explainExportError(err, model.Person{}, w.refresh)
		return
	}
	bar := newExportBar(w)
	bar.show(f, kit.Plural(len(week), "meeting", "meetings")+" of the week")
	dialog.ShowCustom("The week's meetings", "Close", container.New(&kit.MaxWidth{Width: 520}, bar.root), w.win)
}

// ImportCalendar asks for a calendar file, then previews the past
// meetings to bring in from it.
func (w *Window) ImportCalendar() { openCalendarImport(w) }

// DragMeeting is a handle that drags the calendar file of the meeting
// prepare gives at the start of a drag (false: nothing to drag) out of
// the window; place is where it sits ("page", "list"), for
// Options.HandleMoved.
func (w *Window) DragMeeting(place string, prepare func() (model.ScheduledMeeting, bool)) fyne.CanvasObject {
	h := newDragHandle(w, model.ScheduledMeeting{}, place)
	h.prepare = prepare
	return h
}

// Confirm asks the user title, explained by message, and calls yes when
// they agree.
func (w *Window) Confirm(title, message string, yes func()) {
	dialog.ShowConfirm(title, message, func(ok bool) {
		if ok {
			yes()
		}
	}, w.win)
}

// showMeeting opens the Meetings screen on the meeting with the given ID.
func (w *Window) showMeeting(id int64) {
	w.screens.meetings.Select(id)
	if w.current == screenMeetings {
		w.screens.meetings.Reload()
	} else {
		w.show(screenMeetings)
	}
}
