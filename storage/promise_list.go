package storage

import (
	"context"

	"rapport/model"
)

// PromiseList reads every promise, in the order of Promises, with the
// people they are with, in one read transaction (see model.PromiseList).
func (s *Store) PromiseList(ctx context.Context) (model.PromiseList, error) {
	return readPage(ctx, s, "promise list", model.PromiseList{}, func(q querier, l *model.PromiseList) error {
		var err error
		if l.Promises, err = queryPromises(ctx, q, ``); err != nil {
			return err
		}
		l.People, err = queryPeople(ctx, q, `WHERE id IN (SELECT person_id FROM promise)`)
		return err
	})
}
