package storage

import (
	"context"
	"database/sql"
	"fmt"

	"rapport/model"
)

// Deleting an interaction, a promise or a meeting from the window can be
// undone: each Remove method deletes in one transaction and returns what
// it deleted and what pointed at it, and the matching Restore method puts
// all of it back in one transaction, under the same IDs when they are
// still free, with the same links, timestamps and history.

// RemoveInteraction deletes the interaction with the given ID and returns
// it as it was, with the promises made at it and the meetings it was the
// outcome of (which keep existing without the link), for
// RestoreInteraction.
func (s *Store) RemoveInteraction(ctx context.Context, id int64) (model.RemovedInteraction, error) {
	var r model.RemovedInteraction
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		list, err := queryInteractions(ctx, tx, `WHERE i.id = ?`, id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return fmt.Errorf("interaction %d: %w", id, ErrNotFound)
		}
		r.Interaction = list[0]
		if r.PromiseIDs, err = queryIDs(ctx, tx, `SELECT id FROM promise WHERE interaction_id = ? ORDER BY id`, id); err != nil {
			return err
		}
		if r.MeetingIDs, err = queryIDs(ctx, tx, `SELECT id FROM meeting WHERE outcome_id = ? ORDER BY id`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM interaction WHERE id = ?`, id); err != nil {
			return err
		}
		return s.refreshPeople(ctx, tx, r.Interaction.PersonIDs)
	})
	if err != nil {
		return model.RemovedInteraction{}, fmt.Errorf("delete interaction: %w", err)
	}
	return r, nil
}

// RestoreInteraction puts back an interaction RemoveInteraction deleted,
// with its people, and links to it again the promises and meetings that
// pointed at it and have not been linked elsewhere since. It keeps its ID
// unless another interaction took it, and returns it as stored.
func (s *Store) RestoreInteraction(ctx context.Context, r model.RemovedInteraction) (model.Interaction, error) {
	in := r.Interaction
	in.PersonIDs = append([]int64(nil), in.PersonIDs...)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := keepIDIfFree(ctx, tx, "interaction", &in.ID); err != nil {
			return err
		}
		if err := insertInteraction(ctx, tx, &in); err != nil {
			return missingRef("restore interaction", "a person", err)
		}
		if err := relink(ctx, tx, `UPDATE promise SET interaction_id = ? WHERE id = ? AND interaction_id IS NULL`,
			in.ID, r.PromiseIDs); err != nil {
			return err
		}
		if err := relink(ctx, tx, `UPDATE meeting SET outcome_id = ? WHERE id = ? AND outcome_id IS NULL`,
			in.ID, r.MeetingIDs); err != nil {
			return err
		}
		return s.refreshPeople(ctx, tx, in.PersonIDs)
	})
	if err != nil {
		return model.Interaction{}, fmt.Errorf("restore interaction: %w", err)
	}
	return in, nil
}

// RemovePromise deletes the promise with the given ID and its history and
// returns both as they were, for RestorePromise.
func (s *Store) RemovePromise(ctx context.Context, id int64) (model.RemovedPromise, error) {
	var r model.RemovedPromise
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT `+promiseColumns+` FROM promise WHERE id = ?`, id).
			Scan(promiseFields(&r.Promise)...)
		if err != nil {
			return notFound(err, "promise", id)
		}
		if r.History, err = promiseHistory(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM promise WHERE id = ?`, id); err != nil {
			return err
		}
		return s.refoldCredits(ctx, tx, []int64{r.Promise.PersonID})
	})
	if err != nil {
		return model.RemovedPromise{}, fmt.Errorf("delete promise: %w", err)
	}
	return r, nil
}

// RestorePromise puts back a promise RemovePromise deleted, with its
// history, under the same IDs unless others took them. A link to a meeting
// or interaction deleted since is left out. It returns the promise as
// stored.
func (s *Store) RestorePromise(ctx context.Context, r model.RemovedPromise) (model.Promise, error) {
	p := r.Promise
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := keepIDIfFree(ctx, tx, "promise", &p.ID); err != nil {
			return err
		}
		if err := keepRefIfExists(ctx, tx, "meeting", &p.MeetingID); err != nil {
			return err
		}
		if err := keepRefIfExists(ctx, tx, "interaction", &p.InteractionID); err != nil {
			return err
		}
		if err := insertPromise(ctx, tx, &p); err != nil {
			return err
		}
		for _, c := range r.History {
			c.PromiseID = p.ID
			if err := keepIDIfFree(ctx, tx, "promise_change", &c.ID); err != nil {
				return err
			}
			if err := insertPromiseChange(ctx, tx, &c); err != nil {
				return err
			}
		}
		return s.refoldCredits(ctx, tx, []int64{p.PersonID})
	})
	if err != nil {
		return model.Promise{}, fmt.Errorf("restore promise: %w", err)
	}
	return p, nil
}

// RemoveMeeting deletes the meeting with the given ID (a repeating
// meeting is one row: the whole series) and returns it as it was, with the
// promises made in it (which keep existing without the link), for
// RestoreMeeting.
func (s *Store) RemoveMeeting(ctx context.Context, id int64) (model.RemovedMeeting, error) {
	var r model.RemovedMeeting
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if r.Meeting, err = meetingByID(ctx, tx, id); err != nil {
			return err
		}
		if r.PromiseIDs, err = queryIDs(ctx, tx, `SELECT id FROM promise WHERE meeting_id = ? ORDER BY id`, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM meeting WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return model.RemovedMeeting{}, fmt.Errorf("delete meeting: %w", err)
	}
	return r, nil
}

// RestoreMeeting puts back a meeting RemoveMeeting deleted, with its UID
// and sequence (so calendars still match it), under the same ID unless
// another meeting took it, and links to it again the promises made in it.
// A link to an outcome deleted since is left out. It returns the meeting
// as stored.
func (s *Store) RestoreMeeting(ctx context.Context, r model.RemovedMeeting) (model.Meeting, error) {
	m := r.Meeting
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := keepIDIfFree(ctx, tx, "meeting", &m.ID); err != nil {
			return err
		}
		if err := keepRefIfExists(ctx, tx, "interaction", &m.OutcomeID); err != nil {
			return err
		}
		if err := insertMeeting(ctx, tx, &m); err != nil {
			return err
		}
		return relink(ctx, tx, `UPDATE promise SET meeting_id = ? WHERE id = ? AND meeting_id IS NULL`, m.ID, r.PromiseIDs)
	})
	if err != nil {
		return model.Meeting{}, fmt.Errorf("restore meeting: %w", err)
	}
	return m, nil
}

// keepIDIfFree leaves *id as it is when no row of table has it, and makes
// it 0 (a new ID on insert) when one has. table is one of the store's
// table names, never user input.
func keepIDIfFree(ctx context.Context, tx *sql.Tx, table string, id *int64) error {
	taken, err := rowExists(ctx, tx, table, *id)
	if err != nil {
		return err
	}
	if taken {
		*id = 0
	}
	return nil
}

// keepRefIfExists leaves the reference *id as it is when the row of table
// it names exists, and makes it 0 (no link) when it does not.
func keepRefIfExists(ctx context.Context, tx *sql.Tx, table string, id *int64) error {
	if *id == 0 {
		return nil
	}
	found, err := rowExists(ctx, tx, table, *id)
	if err != nil {
		return err
	}
	if !found {
		*id = 0
	}
	return nil
}

// rowExists reports whether table has a row with the given ID.
func rowExists(ctx context.Context, tx *sql.Tx, table string, id int64) (bool, error) {
	var found bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE id = ?)`, id).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("look up %s %d: %w", table, id, err)
	}
	return found, nil
}

// relink runs update (which sets a link to target on the row with an ID,
// where the link is still empty) for each of ids.
func relink(ctx context.Context, tx *sql.Tx, update string, target int64, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, update, target, id); err != nil {
			return fmt.Errorf("link %d again: %w", id, err)
		}
	}
	return nil
}
