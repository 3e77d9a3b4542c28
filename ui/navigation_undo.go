package ui

import (
	"rapport/model"
	"rapport/ui/forms"
)

// Navigation verbs that change or delete what is already logged, each
// with Undo in the toast.

// EditInteraction opens the form of the logged interaction i, seen from
// person's page; the screen on show reloads after a save or an undo.
func (w *Window) EditInteraction(i model.Interaction, person model.Person) {
	forms.EditInteraction(w, w.store, i, person, w.refresh)
}

// DeleteInteraction deletes i at once, with Undo in the toast; with are
// the names of whom it was with.
func (w *Window) DeleteInteraction(i model.Interaction, with []string) {
	forms.DeleteInteraction(w, w.store, i, with, w.refresh)
}
