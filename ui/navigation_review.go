package ui

import (
	"time"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/review"
)

// The verbs of the weekly review (ui/review). The review is a dialog over
// the window, not a screen of the table that is reloaded on show, so the
// verbs that open a form call then after it saved, to rebuild the step.

// openWeeklyReview opens the weekly review over the window at its first
// step (the menu's Weekly review…, and StartReview).
func openWeeklyReview(w *Window) *review.Review {
	system := w.opts.Zone
	if system == nil {
		system = time.Local
	}
	return review.Open(w.win, w.store, w, w.now, system)
}

// LogOutcomeThen opens the outcome form of m, with p, over the window,
// and calls then after it saved.
func (w *Window) LogOutcomeThen(m model.Meeting, p model.Person, then func()) {
	w.logOutcome(m, p, then)
}

// KeepPromiseThen marks p kept, offering to undo, and calls then;
// personName is whom it is with, for the message.
func (w *Window) KeepPromiseThen(p model.Promise, personName string, then func()) {
	forms.KeepPromise(w, w.store, p, personName, then)
}

// OpenPromiseThen opens the dialog of p, and calls then after p changed.
func (w *Window) OpenPromiseThen(p model.Promise, personName string, then func()) {
	forms.OpenPromise(w, w.store, p, personName, then)
}

// EditPersonThen opens the form to change p, and calls then after it
// saved.
func (w *Window) EditPersonThen(p model.Person, then func()) {
	forms.EditPerson(w, w.store, p, func(model.Person) { then() })
}

// ReloadScreen reloads the screen on show, after something changed that
// it shows.
func (w *Window) ReloadScreen() { w.refresh() }
