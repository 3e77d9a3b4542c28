package ui

import (
	"context"

	"rapport/model"
)

// LogThanks opens the form to log a contact with the person, set to
// thanks given in private (the Give credit screen's Thank).
func (w *Window) LogThanks(personID int64) {
	p, err := w.store.Person(context.Background(), personID)
	if err != nil {
		w.ShowError("Could not read the person", err)
		return
	}
	if e := w.openLog(p); e != nil {
		e.Kind.SetSelected(model.KindThanksPrivate.Label())
	}
}
