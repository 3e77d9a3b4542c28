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

// PromisePhrase is PromiseSentence inside a sentence ("Promise deleted:
// you owe Dana: send the deck"): only the app's own "You" loses its
// capital; the person's name and the promise keep the case the user gave
// them ("Priya owes you: …", never "priya owes you").
func PromisePhrase(p model.Promise, name string) string {
	if p.Direction == model.DirectionTheirs {
		return PromiseSentence(p, name)
	}
	return "you owe " + name + ": " + p.What
}
