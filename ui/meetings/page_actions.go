package meetings

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/ui/kit"
)

// storeAgenda saves the agenda as edited, reporting whether it could.
// An agenda left as drafted keeps following the data (AgendaDrafted); one
// the user changed is theirs from then on.
func (pg *page) storeAgenda() bool {
	text := strings.TrimRight(pg.agenda.Text, " \n")
	drafted := pg.draft != "" && text == strings.TrimRight(pg.draft, " \n")
	if text == pg.data.Meeting.Agenda && drafted == pg.data.Meeting.AgendaDrafted {
		pg.saveAgenda.Disable()
		return true
	}
	m := pg.data.Meeting
	m.Agenda, m.AgendaDrafted = text, drafted
	if err := pg.s.store.UpdateMeeting(context.Background(), &m); err != nil {
		pg.s.nav.ShowError("Could not save the agenda", err)
		return false
	}
	pg.data.Meeting = m
	pg.saveAgenda.Disable()
	return true
}

// draftAgain replaces the agenda with a fresh draft, asking first when it
// would lose the user's edits.
func (pg *page) draftAgain() {
	draft, err := pg.s.nav.DraftAgenda(pg.data.Meeting)
	if err != nil {
		pg.s.nav.ShowError("Could not draft the agenda", err)
		return
	}
	if pg.agenda.Text == draft {
		pg.draft = draft
		pg.storeAgenda()
		return
	}
	replace := func() {
		pg.draft = draft // it follows the data again
		pg.agenda.SetText(draft)
		pg.storeAgenda()
	}
	if strings.TrimSpace(pg.agenda.Text) == "" {
		replace()
		return
	}
	pg.s.nav.Confirm("Draft the agenda again?",
		"The agenda is drafted afresh from what you know about "+kit.FirstName(pg.data.Person.Name)+" now. Your edits to it are replaced.",
		replace)
}

// export writes the meeting for the user's calendar, or as an invite to
// the person, saving the agenda first, and shows what was written.
func (pg *page) export(request bool) {
	if !pg.storeAgenda() {
		return
	}
	if bar := pg.s.nav.ExportInvite(pg.scheduled(), request); bar != nil {
		pg.exports.Objects = []fyne.CanvasObject{bar}
		pg.exports.Refresh()
	}
}

// cancelMeeting calls the meeting off, with Undo.
func (pg *page) cancelMeeting() {
	if !pg.setStatus(model.MeetingCanceled) {
		return
	}
	s, id := pg.s, pg.data.Meeting.ID
	s.nav.Toast(kit.MeetingTitle(pg.data.Meeting, pg.data.Person)+" cancelled. Its page can take it off the calendars.", func() {
		m, err := s.store.Meeting(context.Background(), id)
		if err == nil {
			m.Status = model.MeetingPlanned
			err = s.store.UpdateMeeting(context.Background(), &m)
		}
		if err != nil {
			s.nav.ShowError("Could not reinstate the meeting", err)
		}
		s.Reload()
	})
}

// setStatus saves the meeting with a new status and shows it afresh.
func (pg *page) setStatus(status model.MeetingStatus) bool {
	m := pg.data.Meeting
	m.Status = status
	if err := pg.s.store.UpdateMeeting(context.Background(), &m); err != nil {
		pg.s.nav.ShowError("Could not save the meeting", err)
		return false
	}
	pg.s.Reload()
	return true
}

// deleteMeeting deletes the meeting at once (a repeating one: the whole
// series), asking nothing, with an Undo that puts it back exactly: its
// UID, so calendars still match it, and the promises made in it.
func (pg *page) deleteMeeting() {
	s, m := pg.s, pg.data.Meeting
	removed, err := s.store.RemoveMeeting(context.Background(), m.ID)
	if err != nil {
		s.nav.ShowError("Could not delete the meeting", err)
		return
	}
	what := kit.MeetingTitle(m, pg.data.Person)
	if m.Recurrence != model.RecurrenceNone {
		what += ", every occurrence,"
	}
	s.Reload()
	s.nav.Toast(what+" deleted.", func() {
		back, err := s.store.RestoreMeeting(context.Background(), removed)
		if err != nil {
			s.nav.ShowError("Could not undo the delete", err)
		} else {
			s.Select(back.ID)
		}
		s.Reload()
	})
}
