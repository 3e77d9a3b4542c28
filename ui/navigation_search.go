package ui

import (
	"context"

	"rapport/model"
)

// The verbs that open what a search found at its place (the Ctrl+K box's
// results): a person on their page, an interaction on its person's
// timeline, a promise in Promises, a meeting on its page, a part of the
// plan at its role, an opportunity's form on the credit screen, and what
// the user shared on the person's page.

// openHit shows h at its place.
func (w *Window) openHit(h model.SearchHit) {
	switch h.Kind {
	case model.HitPerson:
		w.OpenPerson(h.ID)
	case model.HitInteraction:
		w.openInteraction(h.PersonID, h.ID)
	case model.HitPromise:
		w.showPromise(h.ID)
	case model.HitMeeting:
		w.showMeeting(h.ID)
	case model.HitPlan:
		w.showRole(h.RoleID)
	case model.HitOpportunity:
		w.showOpportunity(h.ID)
	case model.HitDisclosure:
		w.OpenPerson(h.PersonID)
	}
}

// openInteraction shows the page of the person with personID, the
// interaction with id marked on their timeline and scrolled to.
func (w *Window) openInteraction(personID, id int64) {
	p, err := w.store.Person(context.Background(), personID)
	if err != nil {
		w.ShowError("Could not open the interaction", err)
		return
	}
	w.openPeopleOn(p.ID, p.Archived())
	w.screens.people.RevealInteraction(id)
}

// showPromise shows the Promises screen with the promise with id
// highlighted in its list, the list given the keyboard: Enter opens it.
func (w *Window) showPromise(id int64) {
	w.screens.promises.Select(id)
	w.showOrReload(screenPromises)
	w.screens.promises.FocusList(w.win.Canvas())
}

// showRole shows the Career plan on the page of the role with id.
func (w *Window) showRole(id int64) {
	w.screens.career.Select(id)
	w.showOrReload(screenCareer)
}

// showOpportunity shows the credit screen, where opportunities are, with
// the form of the one with id open.
func (w *Window) showOpportunity(id int64) {
	w.screens.credit.OpenOpportunity(id)
	w.showOrReload(screenCredit)
}

// showOrReload shows the screen id, or reads it again when it is on show
// already.
func (w *Window) showOrReload(id screenID) {
	if w.current == id {
		w.refresh()
		return
	}
	w.show(id)
}
