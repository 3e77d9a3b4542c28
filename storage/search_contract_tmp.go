package storage

import (
	"context"
	"errors"

	"rapport/model"
)

// Search is a stand-in for the search-store branch's index, so that the
// window compiles against the agreed contract before that branch merges.
// TEMPORARY: deleted when search-store merges.
func (s *Store) Search(ctx context.Context, q model.SearchQuery, limit int) (model.SearchResults, error) {
	_, _, _ = ctx, q, limit
	return model.SearchResults{}, errors.New("search is not built yet")
}
