package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"rapport/model"
)

// ImportInteractions adds the interactions in list, in one transaction,
// skipping each that repeats one already stored: the same kind, the same
// time (to the millisecond, as stored) and the same set of people. So
// importing one calendar file twice adds nothing the second time, and an
// interaction listed twice is added once. The IDs in list are ignored:
// every interaction is added as new, with the store's clock as its
// creation time; list itself is left as it was. The last contact and
// credits of everyone in an added interaction follow.
//
// Every interaction is checked first: an invalid one, or one naming a
// person who does not exist (ErrNotFound), is an error naming its position
// (from 1) and nothing is written.
func (s *Store) ImportInteractions(ctx context.Context, list []model.Interaction) (added, skipped int, err error) {
	for k, i := range list {
		if err := i.Validate(); err != nil {
			return 0, 0, fmt.Errorf("import interactions: interaction %d: %w", k+1, err)
		}
	}
	now := s.now()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkPeopleExist(ctx, tx, list); err != nil {
			return err
		}
		added, skipped = 0, 0
		var touched []int64
		for k, i := range list {
			ok, err := importInteraction(ctx, tx, i, now)
			if err != nil {
				return fmt.Errorf("interaction %d: %w", k+1, err)
			}
			if !ok {
				skipped++
				continue
			}
			added++
			touched = append(touched, i.PersonIDs...)
		}
		if len(touched) == 0 {
			return nil // refreshPeople(nil) would mean everyone
		}
		slices.Sort(touched)
		return s.refreshPeople(ctx, tx, slices.Compact(touched))
	})
	if err != nil {
		return 0, 0, fmt.Errorf("import interactions: %w", err)
	}
	return added, skipped, nil
}

// importInteraction adds i as a new interaction made now, unless it
// duplicates a stored one, and reports whether it added it. It works on a
// copy: i's people are not sorted in place.
func importInteraction(ctx context.Context, tx *sql.Tx, i model.Interaction, now time.Time) (bool, error) {
	i.ID, i.PersonIDs, i.CreatedAt, i.UpdatedAt = 0, slices.Clone(i.PersonIDs), now, now
	slices.Sort(i.PersonIDs)
	dup, err := isDuplicateInteraction(ctx, tx, i)
	if err != nil || dup {
		return false, err
	}
	return true, insertInteraction(ctx, tx, &i)
}

// isDuplicateInteraction reports whether an interaction of i's kind, at
// i's stored time and with exactly i's people (sorted) is already stored.
func isDuplicateInteraction(ctx context.Context, tx *sql.Tx, i model.Interaction) (bool, error) {
	candidates, err := queryIDs(ctx, tx, `SELECT id FROM interaction WHERE kind = ? AND at = ?`,
		i.Kind, instant(i.At))
	if err != nil {
		return false, fmt.Errorf("find duplicates: %w", err)
	}
	for _, id := range candidates {
		people, err := participants(ctx, tx, id)
		if err != nil {
			return false, fmt.Errorf("find duplicates: %w", err)
		}
		slices.Sort(people)
		if slices.Equal(people, i.PersonIDs) {
			return true, nil
		}
	}
	return false, nil
}

// checkPeopleExist returns an error wrapping ErrNotFound, naming the
// interaction's position, when an interaction in list names a person who
// does not exist.
func checkPeopleExist(ctx context.Context, tx *sql.Tx, list []model.Interaction) error {
	known := make(map[int64]bool)
	for k, i := range list {
		for _, id := range i.PersonIDs {
			if known[id] {
				continue
			}
			var found int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM person WHERE id = ?`, id).Scan(&found)
			if err != nil {
				return fmt.Errorf("interaction %d: %w", k+1, notFound(err, "person", id))
			}
			known[id] = true
		}
	}
	return nil
}
