package storage

import (
	"context"
	"database/sql"
	"fmt"

	"rapport/model"
)

const promiseColumns = `id, direction, person_id, what, made_on, due_on, status, resolved_on,
	meeting_id, interaction_id, notes, created_at, updated_at`

// promiseOrder puts pending promises first, then the soonest due (those
// without a due date last), then the oldest made.
const promiseOrder = ` ORDER BY status NOT IN ('open', 'renegotiated'), due_on IS NULL, due_on, made_on, id`

func promiseFields(p *model.Promise) []any {
	return []any{&p.ID, &p.Direction, &p.PersonID, &p.What, timeField{&p.MadeOn}, timeField{&p.DueOn},
		&p.Status, timeField{&p.ResolvedOn}, idField{&p.MeetingID}, idField{&p.InteractionID}, &p.Notes,
		timeField{&p.CreatedAt}, timeField{&p.UpdatedAt}}
}

// normalizePromiseDays reduces p's dates to the calendar days that are stored.
func normalizePromiseDays(p *model.Promise) {
	p.MadeOn, p.DueOn, p.ResolvedOn = model.Day(p.MadeOn), model.Day(p.DueOn), model.Day(p.ResolvedOn)
}

// CreatePromise validates p and adds it, setting its ID and timestamps.
// Its dates are reduced to calendar days (see model.Day).
func (s *Store) CreatePromise(ctx context.Context, p *model.Promise) error {
	normalizePromiseDays(p)
	if err := p.Validate(); err != nil {
		return err
	}
	p.CreatedAt, p.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertPromise(ctx, tx, p); err != nil {
			return err
		}
		return s.refoldCredits(ctx, tx, []int64{p.PersonID})
	})
}

// insertPromise writes p, with its own ID when it has one.
func insertPromise(ctx context.Context, tx *sql.Tx, p *model.Promise) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO promise (`+promiseColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(p.ID), p.Direction, p.PersonID, p.What, day(p.MadeOn), day(p.DueOn), p.Status,
		day(p.ResolvedOn), ref(p.MeetingID), ref(p.InteractionID), p.Notes,
		instant(p.CreatedAt), instant(p.UpdatedAt))
	if err != nil {
		return missingRef("add promise", "a person, meeting or interaction", err)
	}
	p.ID, err = res.LastInsertId()
	return err
}

// UpdatePromise validates p and saves every field of it but its creation
// time, setting UpdatedAt. A change of status or due date is recorded in the
// promise's history (see PromiseHistory).
func (s *Store) UpdatePromise(ctx context.Context, p *model.Promise) error {
	normalizePromiseDays(p)
	if err := p.Validate(); err != nil {
		return err
	}
	p.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var old model.Promise
		err := tx.QueryRowContext(ctx, `SELECT person_id, status, due_on FROM promise WHERE id = ?`, p.ID).
			Scan(&old.PersonID, &old.Status, timeField{&old.DueOn})
		if err != nil {
			return fmt.Errorf("save promise: %w", notFound(err, "promise", p.ID))
		}
		_, err = tx.ExecContext(ctx, `UPDATE promise SET direction = ?, person_id = ?, what = ?,
			made_on = ?, due_on = ?, status = ?, resolved_on = ?, meeting_id = ?, interaction_id = ?,
			notes = ?, updated_at = ? WHERE id = ?`,
			p.Direction, p.PersonID, p.What, day(p.MadeOn), day(p.DueOn), p.Status, day(p.ResolvedOn),
			ref(p.MeetingID), ref(p.InteractionID), p.Notes, instant(p.UpdatedAt), p.ID)
		if err != nil {
			return missingRef("save promise", "a person, meeting or interaction", err)
		}
		if err := s.refoldCredits(ctx, tx, []int64{old.PersonID, p.PersonID}); err != nil {
			return err
		}
		if old.Status == p.Status && old.DueOn.Equal(p.DueOn) {
			return nil
		}
		return insertPromiseChange(ctx, tx, &model.PromiseChange{
			PromiseID:  p.ID,
			At:         p.UpdatedAt,
			FromStatus: old.Status,
			ToStatus:   p.Status,
			OldDueOn:   old.DueOn,
			NewDueOn:   p.DueOn,
		})
	})
}

// insertPromiseChange writes c, with its own ID when it has one.
func insertPromiseChange(ctx context.Context, tx *sql.Tx, c *model.PromiseChange) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO promise_change (id, promise_id, at, from_status,
		to_status, old_due_on, new_due_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(c.ID), c.PromiseID, instant(c.At), c.FromStatus, c.ToStatus, day(c.OldDueOn),
		day(c.NewDueOn), c.Note)
	if err != nil {
		return fmt.Errorf("record promise change: %w", err)
	}
	c.ID, err = res.LastInsertId()
	return err
}

// Promise returns the promise with the given ID.
func (s *Store) Promise(ctx context.Context, id int64) (model.Promise, error) {
	var p model.Promise
	err := s.db.QueryRowContext(ctx, `SELECT `+promiseColumns+` FROM promise WHERE id = ?`, id).
		Scan(promiseFields(&p)...)
	return p, notFound(err, "promise", id)
}

// PromisesFor returns the promises between the user and a person, in both
// directions: pending ones first, then by due date (undated last), then by
// the day they were made.
func (s *Store) PromisesFor(ctx context.Context, personID int64) ([]model.Promise, error) {
	return queryPromises(ctx, s.db, `WHERE person_id = ?`, personID)
}

// Promises returns every promise, in the order of PromisesFor.
func (s *Store) Promises(ctx context.Context) ([]model.Promise, error) {
	return queryPromises(ctx, s.db, ``)
}

// queryPromises reads the promises matching where, in the order of
// PromisesFor.
func queryPromises(ctx context.Context, q querier, where string, args ...any) ([]model.Promise, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+promiseColumns+` FROM promise `+where+promiseOrder, args...)
	if err != nil {
		return nil, fmt.Errorf("list promises: %w", err)
	}
	defer rows.Close()
	var out []model.Promise
	for rows.Next() {
		var p model.Promise
		if err := rows.Scan(promiseFields(&p)...); err != nil {
			return nil, fmt.Errorf("list promises: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list promises: %w", err)
	}
	return out, nil
}

// PromiseHistory returns the changes of status and due date of a promise,
// oldest first. A promise never changed has none.
func (s *Store) PromiseHistory(ctx context.Context, promiseID int64) ([]model.PromiseChange, error) {
	return promiseHistory(ctx, s.db, promiseID)
}

// promiseHistory is PromiseHistory on q.
func promiseHistory(ctx context.Context, q querier, promiseID int64) ([]model.PromiseChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, promise_id, at, from_status, to_status, old_due_on,
		new_due_on, note FROM promise_change WHERE promise_id = ? ORDER BY at, id`, promiseID)
	if err != nil {
		return nil, fmt.Errorf("promise history: %w", err)
	}
	defer rows.Close()
	var out []model.PromiseChange
	for rows.Next() {
		var c model.PromiseChange
		if err := rows.Scan(&c.ID, &c.PromiseID, timeField{&c.At}, &c.FromStatus, &c.ToStatus,
			timeField{&c.OldDueOn}, timeField{&c.NewDueOn}, &c.Note); err != nil {
			return nil, fmt.Errorf("promise history: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("promise history: %w", err)
	}
	return out, nil
}

// DeletePromise removes a promise and its history.
func (s *Store) DeletePromise(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var personID int64
		err := tx.QueryRowContext(ctx, `SELECT person_id FROM promise WHERE id = ?`, id).Scan(&personID)
		if err != nil {
			return fmt.Errorf("delete promise: %w", notFound(err, "promise", id))
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM promise WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete promise: %w", err)
		}
		return s.refoldCredits(ctx, tx, []int64{personID})
	})
}
