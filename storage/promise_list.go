package storage

import (
	"context"
	"fmt"

	"rapport/model"
)

// PromiseList reads every promise, in the order of Promises, with the
// people they are with, in one read transaction (see model.PromiseList).
func (s *Store) PromiseList(ctx context.Context) (model.PromiseList, error) {
	var l model.PromiseList
	err := s.inReadTx(ctx, func(q querier) error {
		var err error
		if l.Promises, err = queryPromises(ctx, q, ``); err != nil {
			return err
		}
		l.People, err = queryPeople(ctx, q, `WHERE id IN (SELECT person_id FROM promise)`)
		return err
	})
	if err != nil {
		return model.PromiseList{}, fmt.Errorf("promise list: %w", err)
	}
	return l, nil
}
