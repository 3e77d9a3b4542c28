package forms

import (
	"context"
	"time"

	"rapport/model"
)

// DraftAgenda drafts the agenda of m from what store knows about its
// person at now: what they are working on and need, the promises pending
// either way, and the career gaps they are best placed to advise on.
func DraftAgenda(ctx context.Context, store AgendaStore, m model.Meeting, now time.Time) (string, error) {
	p, err := store.Person(ctx, m.PersonID)
	if err != nil {
		return "", err
	}
	promises, err := store.PromisesFor(ctx, m.PersonID)
	if err != nil {
		return "", err
	}
	advises, err := store.AdvisedBy(ctx, m.PersonID)
	if err != nil {
		return "", err
	}
	return model.DraftAgenda(model.AgendaInput{Kind: m.Kind, Person: p, Promises: promises,
		AskAbout: model.AskAbout(advises, m.PersonID), Now: now}), nil
}
