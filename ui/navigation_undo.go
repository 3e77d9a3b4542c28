package ui

import (
	"rapport/model"
	"rapport/ui/forms"
)

// Navigation verbs that change or delete what is already logged, each
// with Undo in the toast.

// EditInteraction opens the form of the logged interaction i, seen from
// person's page; changed (the screen's own refresh) runs after a save and
// after its undo.
func (w *Window) EditInteraction(i model.Interaction, person model.Person, changed func()) {
	forms.EditInteraction(w, w.store, i, person, changed)
}

// DeleteInteraction deletes i at once, with Undo in the toast; with are
// the names of whom it was with. changed (the screen's own refresh) runs
// after the delete and after its undo.
func (w *Window) DeleteInteraction(i model.Interaction, with []string, changed func()) {
	forms.DeleteInteraction(w, w.store, i, with, changed)
}
