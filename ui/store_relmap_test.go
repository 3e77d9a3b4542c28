package ui

import (
	"context"

	"rapport/model"
)

// MapCard implements Store for memStore, by its InteractionsWith and
// PromisesFor, until the last test leaves memStore.
func (m *memStore) MapCard(ctx context.Context, personID int64) (model.MapCard, error) {
	recent, err := m.InteractionsWith(ctx, personID, model.MapCardRecent)
	if err != nil {
		return model.MapCard{}, err
	}
	promises, err := m.PromisesFor(ctx, personID)
	if err != nil {
		return model.MapCard{}, err
	}
	return model.MapCard{Recent: recent, Promises: promises}, nil
}
