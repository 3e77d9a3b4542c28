package storage

import (
	"context"
	"fmt"
)

// readPage is pg filled by read in one read transaction, so everything a
// page shows agrees; a failure is wrapped with what was being read
// ("person page 7") and gives the zero value.
func readPage[T any](ctx context.Context, s *Store, what string, pg T, read func(q querier, pg *T) error) (T, error) {
	if err := s.inReadTx(ctx, func(q querier) error { return read(q, &pg) }); err != nil {
		var zero T
		return zero, fmt.Errorf("%s: %w", what, err)
	}
	return pg, nil
}
