package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"rapport/model"
)

// Opportunities the user went for, with the people who backed them.

// normalizeOpportunity reduces o's date to the calendar day that is
// stored, and sorts its backers, dropping repeats; none is nil.
func normalizeOpportunity(o *model.Opportunity) {
	o.Date = model.Day(o.Date)
	slices.Sort(o.BackerIDs)
	o.BackerIDs = slices.Compact(o.BackerIDs)
	if len(o.BackerIDs) == 0 {
		o.BackerIDs = nil
	}
}

// CreateOpportunity validates o and adds it with its backers, setting its
// ID and timestamps. Date is reduced to a calendar day (see model.Day) and
// BackerIDs sorted and rid of repeats. A backer who does not exist gives
// an error wrapping ErrNotFound that names them, and nothing is added.
func (s *Store) CreateOpportunity(ctx context.Context, o *model.Opportunity) error {
	normalizeOpportunity(o)
	if err := o.Validate(); err != nil {
		return err
	}
	o.CreatedAt, o.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO opportunity (id, title, kind, date, outcome, notes,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			ref(o.ID), o.Title, o.Kind, day(o.Date), o.Outcome, o.Notes, instant(o.CreatedAt), instant(o.UpdatedAt))
		if err != nil {
			return fmt.Errorf("add opportunity: %w", err)
		}
		if o.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("add opportunity: %w", err)
		}
		if err := insertBackers(ctx, tx, o); err != nil {
			return fmt.Errorf("add opportunity: %w", err)
		}
		return nil
	})
}

// insertBackers writes o's backers, refusing one who does not exist with
// an error wrapping ErrNotFound.
func insertBackers(ctx context.Context, tx *sql.Tx, o *model.Opportunity) error {
	for _, pid := range o.BackerIDs {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM person WHERE id = ?`, pid).Scan(&one); err != nil {
			return fmt.Errorf("backer: %w", notFound(err, "person", pid))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO opportunity_backer (opportunity_id, person_id)
			VALUES (?, ?)`, o.ID, pid); err != nil {
			return fmt.Errorf("add backer %d: %w", pid, err)
		}
	}
	return nil
}

// UpdateOpportunity validates o and saves every field of it but its
// creation time, replacing its backers with BackerIDs (sorted and rid of
// repeats) and setting UpdatedAt, in one transaction. An opportunity or a
// backer that does not exist gives an error wrapping ErrNotFound that
// names it, and nothing changes.
func (s *Store) UpdateOpportunity(ctx context.Context, o *model.Opportunity) error {
	normalizeOpportunity(o)
	if err := o.Validate(); err != nil {
		return err
	}
	o.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE opportunity SET title = ?, kind = ?, date = ?, outcome = ?,
			notes = ?, updated_at = ? WHERE id = ?`,
			o.Title, o.Kind, day(o.Date), o.Outcome, o.Notes, instant(o.UpdatedAt), o.ID)
		if err != nil {
			return fmt.Errorf("save opportunity: %w", err)
		}
		if err := checkAffected(res, "opportunity", o.ID); err != nil {
			return fmt.Errorf("save opportunity: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM opportunity_backer WHERE opportunity_id = ?`, o.ID); err != nil {
			return fmt.Errorf("save opportunity: %w", err)
		}
		if err := insertBackers(ctx, tx, o); err != nil {
			return fmt.Errorf("save opportunity: %w", err)
		}
		return nil
	})
}

// DeleteOpportunity removes an opportunity with its backers; one that does
// not exist gives an error wrapping ErrNotFound.
func (s *Store) DeleteOpportunity(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM opportunity WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete opportunity: %w", err)
		}
		if err := checkAffected(res, "opportunity", id); err != nil {
			return fmt.Errorf("delete opportunity: %w", err)
		}
		return nil
	})
}

// Opportunity returns the opportunity with the given ID, with its backers.
func (s *Store) Opportunity(ctx context.Context, id int64) (model.Opportunity, error) {
	list, err := queryOpportunities(ctx, s.db, `WHERE o.id = ?`, id)
	if err != nil {
		return model.Opportunity{}, err
	}
	if len(list) == 0 {
		return model.Opportunity{}, fmt.Errorf("opportunity %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

// Opportunities returns every opportunity with its backers (by ID, people
// in the trash included), the latest date first, then the latest added.
func (s *Store) Opportunities(ctx context.Context) ([]model.Opportunity, error) {
	return queryOpportunities(ctx, s.db, ``)
}

// queryOpportunities reads the opportunities matching where through q,
// in the order of Opportunities.
func queryOpportunities(ctx context.Context, q querier, where string, args ...any) ([]model.Opportunity, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id, o.title, o.kind, o.date, o.outcome, o.notes,
		o.created_at, o.updated_at, (SELECT group_concat(person_id) FROM (SELECT person_id
		FROM opportunity_backer WHERE opportunity_id = o.id ORDER BY person_id))
		FROM opportunity o `+where+` ORDER BY o.date DESC, o.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	defer rows.Close()
	var out []model.Opportunity
	for rows.Next() {
		var o model.Opportunity
		var backers sql.NullString
		if err := rows.Scan(&o.ID, &o.Title, &o.Kind, timeField{&o.Date}, &o.Outcome, &o.Notes,
			timeField{&o.CreatedAt}, timeField{&o.UpdatedAt}, &backers); err != nil {
			return nil, fmt.Errorf("list opportunities: %w", err)
		}
		if o.BackerIDs, err = parseIDs(backers.String); err != nil {
			return nil, fmt.Errorf("list opportunities: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	return out, nil
}
