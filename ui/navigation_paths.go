package ui

import (
	"rapport/model"
	"rapport/ui/forms"
)

// AskIntroduction opens the Log interaction form with via, drafted as an
// ask for an introduction to target, with the promise via owes the user
// (see forms.AskIntroduction): what a warm path's "Ask for an
// introduction" does, on a person's page and on the map's card.
func (w *Window) AskIntroduction(via, target model.Person) { w.askIntroduction(via, target) }

// askIntroduction is AskIntroduction, returning the form.
func (w *Window) askIntroduction(via, target model.Person) *forms.InteractionEditor {
	var e *forms.InteractionEditor
	e = forms.AskIntroduction(w, w.store, via, target, func() {
		w.lastLogged = e.Person().ID
		w.refresh()
	})
	return e
}

// The screens ask the window for AskIntroduction through an interface of
// their own; this keeps the window answering it.
var _ interface {
	AskIntroduction(via, target model.Person)
} = (*Window)(nil)
