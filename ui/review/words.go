package review

import (
	"fmt"

	"rapport/model"
)

// The words the review shares with the shell's screens. They are copies
// until kit holds them (the forms and career moves bring kit.MeetingTitle,
// kit.PromiseSentence and kit.GapFigure).

// meetingTitle names a meeting: "Coffee with Dana Reyes".
func meetingTitle(m model.Meeting, with model.Person) string {
	if with.Name == "" {
		return m.Kind.Label()
	}
	return m.Kind.Label() + " with " + with.Name
}

// promiseSentence says a promise in a line: "You owe Dana: send the deck"
// or "Dana owes you: an intro to Priya".
func promiseSentence(p model.Promise, name string) string {
	if p.Direction == model.DirectionTheirs {
		return name + " owes you: " + p.What
	}
	return "You owe " + name + ": " + p.What
}

// gapFigure says a requirement's gap in numbers: "gap 2 × importance 5".
func gapFigure(r model.Requirement) string {
	if r.Gap() == 0 {
		return "met"
	}
	return fmt.Sprintf("gap %d × importance %d = %d", r.Gap(), r.Importance, r.WeightedGap())
}
