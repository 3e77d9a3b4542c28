package storage

import (
	"context"

	"rapport/model"
)

// CreditPage reads everything the Give credit screen shows (see
// model.CreditPage) in one read transaction: the active people with
// their last contacts, the thanks given and the opportunities.
func (s *Store) CreditPage(ctx context.Context) (model.CreditPage, error) {
	return readPage(ctx, s, "credit page", model.CreditPage{}, func(q querier, pg *model.CreditPage) error {
		var err error
		if pg.People, err = listPeople(ctx, q, false, s.now()); err != nil {
			return err
		}
		if pg.Thanks, err = queryThanks(ctx, q); err != nil {
			return err
		}
		pg.Opportunities, err = queryOpportunities(ctx, q, ``)
		return err
	})
}
