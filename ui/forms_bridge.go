package ui

// The bridge between the shell and ui/forms, while the screens move to
// their own packages: the shell's former form functions (openPersonEditor
// and the rest) keep their names and signatures here as thin wrappers over
// the forms package, and still set the Window's current* fields that tests
// read. Once every caller uses the navigation verbs or ui/forms and no
// test reads current*, this file goes.

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit"
)

// saved is forms.Saved over w.
func saved(w *Window, f *kit.FieldSet, err error, what string) bool {
	return forms.Saved(w, f, err, what)
}

// saveRecord is forms.SaveRecord over w.
func saveRecord[T any](w *Window, f *kit.FieldSet, rec *T, isNew bool,
	create, update func(context.Context, *T) error, what string) bool {
	return forms.SaveRecord(w, f, rec, isNew, create, update, what)
}

// openForm is forms.Open over w.
func openForm(w *Window, f *kit.FieldSet, title, verb string, size fyne.Size, submit func()) (dialog.Dialog, *widget.Button) {
	return forms.Open(w, f, title, verb, size, submit)
}

// fitCanvas is kit.FitWindow for w's window.
func fitCanvas(w *Window, size fyne.Size) fyne.Size { return kit.FitWindow(w.win, size) }

// promiseSentence is kit.PromiseSentence.
func promiseSentence(p model.Promise, name string) string { return kit.PromiseSentence(p, name) }

// minutesText is kit.MinutesText.
func minutesText(n int) string { return kit.MinutesText(n) }

// reminderText is kit.ReminderText.
func reminderText(n int) string { return kit.ReminderText(n) }

// identityEntries is forms.IdentityEntries.
func identityEntries(s model.Settings) (name, email *widget.Entry) { return forms.IdentityEntries(s) }

// draftAgenda is forms.DraftAgenda on w's store and clock.
func (w *Window) draftAgenda(m model.Meeting) (string, error) {
	return forms.DraftAgenda(context.Background(), w.store, m, w.now())
}

// keepPromise is forms.KeepPromise over w.
func (w *Window) keepPromise(p model.Promise, name string, onChanged func()) {
	forms.KeepPromise(w, w.store, p, name, onChanged)
}

// scheduleMeeting opens the form for a new meeting with the person (none
// chosen when personID is 0), then shows it on the Meetings screen.
func (w *Window) scheduleMeeting(personID int64) {
	openMeetingEditor(w, model.Meeting{PersonID: personID}, func(m model.Meeting) { w.showMeeting(m.ID) })
}

// personEditor is a forms.PersonEditor under its former field names.
type personEditor struct {
	*forms.PersonEditor
	name, title, team, organisation, email, phone *widget.Entry
	cadence, firstMet                             *widget.Entry
	workingOn, needs, notes                       *widget.Entry
	relation, stance                              *widget.Select
	influence                                     *widget.RadioGroup
	fields                                        *kit.FieldSet
	save                                          *widget.Button
	dialog                                        dialog.Dialog
}

// openPersonEditor shows the form for p (a new person when p.ID is 0) and
// calls onSaved with what was stored.
func openPersonEditor(w *Window, p model.Person, onSaved func(model.Person)) *personEditor {
	var e *personEditor
	f := forms.EditPerson(w, w.store, p, func(p model.Person) {
		if w.currentPersonEditor == e {
			w.currentPersonEditor = nil
		}
		if onSaved != nil {
			onSaved(p)
		}
	})
	e = &personEditor{PersonEditor: f, name: f.Name, title: f.Title, team: f.Team, organisation: f.Organisation,
		email: f.Email, phone: f.Phone, cadence: f.Cadence, firstMet: f.FirstMet, workingOn: f.WorkingOn,
		needs: f.Needs, notes: f.Notes, relation: f.Relation, stance: f.Stance, influence: f.Influence,
		fields: f.Fields, save: f.Save, dialog: f.Dialog}
	w.currentPersonEditor = e
	return e
}

// interactionEditor is a forms.InteractionEditor under its former field
// names.
type interactionEditor struct {
	*forms.InteractionEditor
	person               model.Person
	others               *kit.PeopleChooser
	kind                 *widget.Select
	date, summary, notes *widget.Entry
	fields               *kit.FieldSet
	save                 *widget.Button
	dialog               dialog.Dialog
}

// openInteractionEditor shows the form to log a contact with person.
func openInteractionEditor(w *Window, person model.Person, onSaved func()) *interactionEditor {
	var e *interactionEditor
	f := forms.LogInteraction(w, w.store, person, func() {
		if w.currentInteractionEditor == e {
			w.currentInteractionEditor = nil
		}
		if onSaved != nil {
			onSaved()
		}
	})
	e = &interactionEditor{InteractionEditor: f, person: person, others: f.Others, kind: f.Kind, date: f.Date,
		summary: f.Summary, notes: f.Notes, fields: f.Fields, save: f.Save, dialog: f.Dialog}
	w.currentInteractionEditor = e
	return e
}

// promiseEditor is a forms.PromiseEditor under its former field names;
// person is the one chosen when it opened.
type promiseEditor struct {
	*forms.PromiseEditor
	person                   model.PersonSummary
	people                   *kit.PersonSuggester
	direction                *widget.RadioGroup
	who                      *widget.SelectEntry
	what, due, madeOn, notes *widget.Entry
	dueHint                  *widget.Label
	fields                   *kit.FieldSet
	save                     *widget.Button
	dialog                   dialog.Dialog
}

// openPromiseEditor opens the form for p: a new promise when p.ID is 0,
// with p's person already chosen when p.PersonID is set.
func openPromiseEditor(w *Window, p model.Promise, onSaved func(model.Promise)) *promiseEditor {
	var e *promiseEditor
	f := forms.EditPromise(w, w.store, p, func(p model.Promise) {
		if w.currentPromiseEditor == e {
			w.currentPromiseEditor = nil
		}
		if onSaved != nil {
			onSaved(p)
		}
	})
	if f == nil {
		return nil
	}
	e = &promiseEditor{PromiseEditor: f, person: f.Person(), people: f.People, direction: f.Direction, who: f.Who,
		what: f.What, due: f.Due, madeOn: f.MadeOn, notes: f.Notes, dueHint: f.DueHint,
		fields: f.Fields, save: f.Save, dialog: f.Dialog}
	w.currentPromiseEditor = e
	return e
}

// promiseDialog is a forms.PromiseDialog under its former field names.
type promiseDialog struct {
	*forms.PromiseDialog
	kept, keptLate, broken, released, reopen, edit *widget.Button
	renegotiate                                    *widget.Button
	newDue                                         *widget.Entry
	problem                                        *widget.Label
	dialog                                         dialog.Dialog
}

// openPromiseDialog opens the dialog for p, whose person is called name;
// changed runs after any change is saved.
func openPromiseDialog(w *Window, p model.Promise, name string, changed func()) *promiseDialog {
	var d *promiseDialog
	f := forms.OpenPromise(w, w.store, p, name, func() {
		if w.currentPromiseDialog == d {
			w.currentPromiseDialog = nil
		}
		if changed != nil {
			changed()
		}
	})
	d = &promiseDialog{PromiseDialog: f, kept: f.Kept, keptLate: f.KeptLate, broken: f.Broken, released: f.Released,
		reopen: f.Reopen, edit: f.Edit, renegotiate: f.Renegotiate, newDue: f.NewDue, problem: f.Problem, dialog: f.Dialog}
	w.currentPromiseDialog = d
	return d
}

// meetingEditor is a forms.MeetingEditor under its former field names.
type meetingEditor struct {
	*forms.MeetingEditor
	zone                            *time.Location
	who                             *widget.SelectEntry
	day, clock, place               *widget.Entry
	dayHint                         *widget.Label
	kind, length, repeats, reminder *widget.Select
	fields                          *kit.FieldSet
	save                            *widget.Button
	dialog                          dialog.Dialog
}

// openMeetingEditor opens the form for m: a new meeting when m.ID is 0
// (with m's person and kind already chosen when set), else the meeting to
// change.
func openMeetingEditor(w *Window, m model.Meeting, onSaved func(model.Meeting)) *meetingEditor {
	var e *meetingEditor
	f := forms.EditMeeting(w, w.store, m, w.meetingDefaults(), func(m model.Meeting) {
		if w.currentMeetingEditor == e {
			w.currentMeetingEditor = nil
		}
		if onSaved != nil {
			onSaved(m)
		}
	})
	if f == nil {
		return nil
	}
	e = &meetingEditor{MeetingEditor: f, zone: f.Zone(), who: f.Who, day: f.Day, clock: f.Clock, place: f.Place,
		dayHint: f.DayHint, kind: f.Kind, length: f.Length, repeats: f.Repeats, reminder: f.Reminder,
		fields: f.Fields, save: f.Save, dialog: f.Dialog}
	w.currentMeetingEditor = e
	return e
}

// outcomeEditor is a forms.OutcomeEditor under its former field names.
type outcomeEditor struct {
	*forms.OutcomeEditor
	day, clock, summary, workingOn, needs, notes *widget.Entry
	stance                                       *widget.Select
	addPromise                                   *widget.Button
	fields                                       *kit.FieldSet
	save                                         *widget.Button
	dialog                                       dialog.Dialog
}

// outcomePromise is a forms.OutcomePromise under its former field names.
type outcomePromise struct {
	direction *widget.Select
	what, due *widget.Entry
}

// newPromise adds an empty promise row and returns it.
func (e *outcomeEditor) newPromise() *outcomePromise {
	p := e.NewPromise()
	return &outcomePromise{direction: p.Direction, what: p.What, due: p.Due}
}

// openOutcomeEditor opens the outcome form for meeting m with person p.
func openOutcomeEditor(w *Window, m model.Meeting, p model.Person, onSaved func()) *outcomeEditor {
	var e *outcomeEditor
	f := forms.LogOutcome(w, w.store, m, p, w.zone(w.settings()), func() {
		if w.currentOutcomeEditor == e {
			w.currentOutcomeEditor = nil
		}
		if onSaved != nil {
			onSaved()
		}
	})
	e = &outcomeEditor{OutcomeEditor: f, day: f.Day, clock: f.Clock, summary: f.Summary, workingOn: f.WorkingOn,
		needs: f.Needs, notes: f.Notes, stance: f.Stance, addPromise: f.AddPromise,
		fields: f.Fields, save: f.Save, dialog: f.Dialog}
	w.currentOutcomeEditor = e
	return e
}

// settingsEditor is a forms.SettingsEditor under its former field names.
type settingsEditor struct {
	*forms.SettingsEditor
	name, email, folder, backups *widget.Entry
	zone                         *widget.SelectEntry
	length, reminder             *widget.Select
	look                         *widget.RadioGroup
	encrypt                      *encryptChoice
	fields                       *kit.FieldSet
	save                         *widget.Button
	dialog                       dialog.Dialog
}

// openSettingsEditor opens the settings; onSaved (if any) runs after a
// save.
func openSettingsEditor(w *Window, onSaved func()) *settingsEditor {
	var e *settingsEditor
	c := w.settingsChoices()
	enc := newEncryptChoice(w, w.settings().EncryptBackups)
	c.Encrypt, c.EncryptHint, c.AfterSave = enc.check, encryptHint, enc.keep
	f := forms.EditSettings(w, w.store, w.settings(), c, func() {
		if w.currentSettingsEditor == e {
			w.currentSettingsEditor = nil
		}
		if onSaved != nil {
			onSaved()
		}
	})
	e = &settingsEditor{SettingsEditor: f, name: f.Name, email: f.Email, folder: f.Folder, backups: f.Backups,
		zone: f.Zone, length: f.Length, reminder: f.Reminder, look: f.Look, encrypt: enc,
		fields: f.Fields, save: f.Save, dialog: f.Dialog}
	w.currentSettingsEditor = e
	return e
}
