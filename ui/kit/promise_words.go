package kit

import "rapport/model"

// PromiseSentence says a promise in a line: "You owe Dana: send the deck"
// or "Dana owes you: an intro to Priya".
func PromiseSentence(p model.Promise, name string) string {
	if p.Direction == model.DirectionTheirs {
		return name + " owes you: " + p.What
	}
	return "You owe " + name + ": " + p.What
}
