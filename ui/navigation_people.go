package ui

import (
	"context"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit"
)

// Navigation verbs the People screen (ui/people) asks for, besides those
// in navigation.go.

// NewPerson opens the form for a new person; once saved, their page shows
// on the People screen with a word at the foot.
func (w *Window) NewPerson() {
	forms.EditPerson(w, w.store, model.NewPerson(""), func(p model.Person) {
		w.openPeopleOn(p.ID, false)
		w.Toast(kit.Isolate(p.Name)+" added.", nil)
	})
}

// EditPerson opens the form for the person with id.
func (w *Window) EditPerson(id int64) {
	p, err := w.store.Person(context.Background(), id)
	if err != nil {
		w.ShowError("Could not read the person", err)
		return
	}
	forms.EditPerson(w, w.store, p, func(model.Person) { w.refresh() })
}

// Refresh reads the data of the screen on show again, after a screen
// changed something that others show too.
func (w *Window) Refresh() { w.refresh() }

// openPeopleOn shows the People screen on the page of the person with id,
// in the trash when archived.
func (w *Window) openPeopleOn(id int64, archived bool) {
	if w.current != screenPeople {
		w.show(screenPeople)
	}
	w.screens.people.Open(id, archived)
}
