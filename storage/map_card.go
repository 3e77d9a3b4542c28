package storage

import (
	"context"
	"fmt"

	"rapport/model"
)

// MapCard reads what the relationship map's card shows about the person
// with the given ID beyond the network: their latest interactions and
// their promises, in one read transaction (see model.MapCard). Someone
// with neither gets an empty card.
func (s *Store) MapCard(ctx context.Context, personID int64) (model.MapCard, error) {
	return readPage(ctx, s, fmt.Sprintf("map card %d", personID), model.MapCard{}, func(q querier, c *model.MapCard) error {
		var err error
		if c.Recent, err = interactionsWith(ctx, q, personID, model.MapCardRecent); err != nil {
			return err
		}
		c.Promises, err = queryPromises(ctx, q, `WHERE person_id = ?`, personID)
		return err
	})
}
