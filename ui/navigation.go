package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/ui/forms"
)

// The navigation verbs: what a screen asks of the window, through an
// interface it declares itself (for example today.Navigator). A screen
// never touches another screen; it asks the window to go somewhere or to
// open a form, and the window reloads the screen on show after a form
// saves.

// OpenPerson shows the People screen on the person's page, in the trash
// if that is where they are.
func (w *Window) OpenPerson(id int64) {
	p, err := w.store.Person(context.Background(), id)
	if err != nil {
		w.ShowError("Could not open the person", err)
		return
	}
	w.openPeopleOn(id, p.Archived())
}

// ShowPeople shows the People screen, filtered to relation, or with its
// filters as they were when relation is "".
func (w *Window) ShowPeople(relation model.Relation) {
	w.show(screenPeople)
	if relation != "" {
		w.screens.people.Filter(relation)
	}
}

// ShowPromises shows the Promises screen.
func (w *Window) ShowPromises() { w.show(screenPromises) }

// LogInteraction opens the form to log a contact with the person.
func (w *Window) LogInteraction(personID int64) {
	p, err := w.store.Person(context.Background(), personID)
	if err != nil {
		w.ShowError("Could not read the person", err)
		return
	}
	w.openLog(p)
}

// openLog opens the form to log a contact with p (nobody: it asks whom),
// remembering whom it was logged with once it is.
func (w *Window) openLog(p model.Person) *forms.InteractionEditor {
	var e *forms.InteractionEditor
	e = forms.LogInteraction(w, w.store, p, func() {
		w.lastLogged = e.Person().ID
		w.refresh()
	})
	return e
}

// NewPromise opens the quick-add form for a promise to or from the person
// (0: the person in view, if any).
func (w *Window) NewPromise(personID int64) { w.addPromise(personID) }

// ScheduleMeeting opens the form for a new meeting with the person (0:
// choose in the form), then shows it on the Meetings screen.
func (w *Window) ScheduleMeeting(personID int64) {
	w.editMeeting(model.Meeting{PersonID: personID}, func(m model.Meeting) { w.showMeeting(m.ID) })
}

// KeepPromise marks p kept, offering to undo; personName is whom it is
// with, for the message.
func (w *Window) KeepPromise(p model.Promise, personName string) {
	forms.KeepPromise(w, w.store, p, personName, w.refresh)
}

// OpenPromise opens the dialog of p: its history, and the ways to resolve
// or change it.
func (w *Window) OpenPromise(p model.Promise, personName string) {
	forms.OpenPromise(w, w.store, p, personName, w.refresh)
}

// OpenMeeting shows the Meetings screen on the meeting's page.
func (w *Window) OpenMeeting(id int64) { w.showMeeting(id) }

// LogOutcome shows the meeting's page and opens the form for its outcome.
// When the page is already on show, it is not read again (its agenda may
// hold edits).
func (w *Window) LogOutcome(meetingID int64) {
	if pg, ok := w.screens.meetings.Shown(); !ok || pg.Meeting.ID != meetingID || w.current != screenMeetings {
		w.showMeeting(meetingID)
	}
	if pg, ok := w.screens.meetings.Shown(); ok && pg.Meeting.ID == meetingID {
		w.logOutcome(pg.Meeting, pg.Person, w.screens.meetings.Reload)
	}
}

// StartReview opens the weekly review.
func (w *Window) StartReview() { openWeeklyReview(w) }

// MeetingDragHandle is a handle that drags the meeting's calendar file,
// as stored (a repeating meeting's invite starts with the series), out of
// the window; place is where it sits, for Options.HandleMoved.
func (w *Window) MeetingDragHandle(meetingID int64, place string) fyne.CanvasObject {
	h := newDragHandle(w, model.ScheduledMeeting{}, place)
	h.prepare = func() (model.ScheduledMeeting, bool) {
		ctx := context.Background()
		m, err := w.store.Meeting(ctx, meetingID)
		if err != nil {
			w.ShowError("Could not read the meeting", err)
			return model.ScheduledMeeting{}, false
		}
		with, err := w.store.Person(ctx, m.PersonID)
		if err != nil {
			w.ShowError("Could not read the meeting", err)
			return model.ScheduledMeeting{}, false
		}
		return model.ScheduledMeeting{Meeting: m, With: with}, true
	}
	return h
}

// ShowError tells the user that something failed, in words, with the
// cause; title says what failed ("Could not save the meeting").
func (w *Window) ShowError(title string, err error) { w.showError(title, err) }

// Toast shows message at the foot of the window for a while, with an Undo
// button when undo is not nil.
func (w *Window) Toast(message string, undo func()) { w.toast.show(message, undo) }
