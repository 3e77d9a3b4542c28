package forms

import (
	"rapport/model"
	"rapport/ui/kit"
)

// AskIntroduction shows the Log interaction form with via, drafted as an
// ask for an introduction to target: an ask or favour, today, the summary
// "Asked Daniel for an introduction to Nadia", and one promise row via
// owes the user, "introduce me to Nadia Haddad", to keep when they agree
// or drop (its delete button) when they do not. It calls onSaved as
// LogInteraction does.
func AskIntroduction(host Host, store InteractionStore, via, target model.Person, onSaved func()) *InteractionEditor {
	e := LogInteraction(host, store, via, onSaved)
	e.Kind.SetSelected(model.KindAsk.Label())
	e.Summary.SetText("Asked " + kit.FirstName(via.Name) + " for an introduction to " + kit.FirstName(target.Name))
	row := e.promises.rows[0]
	row.Direction.SetSelectedIndex(1) // they owe me
	row.What.SetText("introduce me to " + target.Name)
	return e
}
