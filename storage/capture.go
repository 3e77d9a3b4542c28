package storage

import (
	"context"
	"database/sql"
	"fmt"

	"rapport/model"
)

// LogCapture saves a quick capture: its interaction and every promise made
// at it, linked to the interaction, in one transaction, so that either all
// of it is saved or nothing is. It returns the IDs of what it created, for
// UndoCapture.
func (s *Store) LogCapture(ctx context.Context, c model.Capture) (model.CaptureResult, error) {
	in := c.Interaction
	if err := in.Validate(); err != nil {
		return model.CaptureResult{}, err
	}
	promises := append([]model.Promise(nil), c.Promises...)
	people := append([]int64(nil), in.PersonIDs...)
	for i := range promises {
		normalizePromiseDays(&promises[i])
		if err := promises[i].Validate(); err != nil {
			return model.CaptureResult{}, err
		}
		people = append(people, promises[i].PersonID)
	}
	now := s.now()
	in.ID, in.CreatedAt, in.UpdatedAt = 0, now, now
	var res model.CaptureResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertInteraction(ctx, tx, &in); err != nil {
			return err
		}
		res = model.CaptureResult{InteractionID: in.ID}
		for i := range promises {
			p := &promises[i]
			p.ID, p.InteractionID, p.CreatedAt, p.UpdatedAt = 0, in.ID, now, now
			if err := insertPromise(ctx, tx, p); err != nil {
				return err
			}
			res.PromiseIDs = append(res.PromiseIDs, p.ID)
		}
		return s.refreshPeople(ctx, tx, people)
	})
	if err != nil {
		return model.CaptureResult{}, fmt.Errorf("log capture: %w", err)
	}
	return res, nil
}

// UndoCapture deletes exactly what LogCapture created, in one transaction:
// if any of it is already gone, it deletes nothing and the error wraps
// ErrNotFound.
func (s *Store) UndoCapture(ctx context.Context, r model.CaptureResult) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		people, err := participants(ctx, tx, r.InteractionID)
		if err != nil {
			return err
		}
		for _, id := range r.PromiseIDs {
			var personID int64
			err := tx.QueryRowContext(ctx, `DELETE FROM promise WHERE id = ? AND interaction_id = ? RETURNING person_id`,
				id, r.InteractionID).Scan(&personID)
			if err != nil {
				return notFound(err, "promise", id)
			}
			people = append(people, personID)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM interaction WHERE id = ?`, r.InteractionID)
		if err != nil {
			return err
		}
		if err := checkAffected(res, "interaction", r.InteractionID); err != nil {
			return err
		}
		return s.refreshPeople(ctx, tx, people)
	})
	if err != nil {
		return fmt.Errorf("undo capture: %w", err)
	}
	return nil
}
