package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mattn/go-sqlite3"

	"rapport/model"
)

const tieColumns = `id, from_id, to_id, kind, note, created_at, updated_at`

// CreateTie validates t and adds it, setting its ID and timestamps. A tie
// of the same kind between the same two people in the same direction, or
// for a mutual kind (close to, at odds with) in either direction, is
// refused with ErrDuplicate.
func (s *Store) CreateTie(ctx context.Context, t *model.Tie) error {
	if err := t.Validate(); err != nil {
		return err
	}
	t.CreatedAt, t.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertTie(ctx, tx, t) })
}

// insertTie writes t, with its own ID when it has one.
func insertTie(ctx context.Context, tx *sql.Tx, t *model.Tie) error {
	if t.Kind.Mutual() {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tie WHERE from_id = ? AND to_id = ? AND kind = ?`,
			t.ToID, t.FromID, t.Kind).Scan(&n)
		if err != nil {
			return fmt.Errorf("add tie: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("add tie: person %d %s person %d: %w", t.FromID, t.Kind.Label(), t.ToID, ErrDuplicate)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO tie (`+tieColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		ref(t.ID), t.FromID, t.ToID, t.Kind, t.Note, instant(t.CreatedAt), instant(t.UpdatedAt))
	if isConstraint(err, sqlite3.ErrConstraintUnique) {
		return fmt.Errorf("add tie: person %d %s person %d: %w", t.FromID, t.Kind.Label(), t.ToID, ErrDuplicate)
	}
	if err != nil {
		return missingRef("add tie", "a person", err)
	}
	t.ID, err = res.LastInsertId()
	return err
}

// DeleteTie removes a tie.
func (s *Store) DeleteTie(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM tie WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete tie: %w", err)
		}
		return checkAffected(res, "tie", id)
	})
}

// TiesOf returns the ties from and to a person, ordered by ID, whether or
// not the person at the other end is archived.
func (s *Store) TiesOf(ctx context.Context, personID int64) ([]model.Tie, error) {
	return tiesOf(ctx, s.db, personID)
}

// tiesOf is TiesOf on q.
func tiesOf(ctx context.Context, q querier, personID int64) ([]model.Tie, error) {
	return queryTies(ctx, q, 0, `SELECT `+tieColumns+` FROM tie WHERE from_id = ? OR to_id = ? ORDER BY id`,
		personID, personID)
}

// Ties returns every tie between two people who are not archived, ordered
// by ID: the edges of the map.
func (s *Store) Ties(ctx context.Context) ([]model.Tie, error) {
	return queryTies(ctx, s.db, 0, `SELECT t.id, t.from_id, t.to_id, t.kind, t.note, t.created_at, t.updated_at
		FROM tie t
		JOIN person f ON f.id = t.from_id AND f.archived_at IS NULL
		JOIN person o ON o.id = t.to_id AND o.archived_at IS NULL
		ORDER BY t.id`)
}

// queryTies reads the ties a query selects (tieColumns), making room for
// sizeHint of them up front.
func queryTies(ctx context.Context, q querier, sizeHint int, query string, args ...any) ([]model.Tie, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list ties: %w", err)
	}
	defer rows.Close()
	out := make([]model.Tie, 0, sizeHint)
	// Plain values, converted here: far faster than database/sql's
	// conversion into named types, for the map's 15,000 ties.
	var id, from, to int64
	var kind, note, created, updated string
	for rows.Next() {
		if err := rows.Scan(&id, &from, &to, &kind, &note, &created, &updated); err != nil {
			return nil, fmt.Errorf("list ties: %w", err)
		}
		t := model.Tie{ID: id, FromID: from, ToID: to, Kind: model.TieKind(kind), Note: note}
		if err := parseStoredTime(created, &t.CreatedAt); err != nil {
			return nil, fmt.Errorf("list ties: %w", err)
		}
		if err := parseStoredTime(updated, &t.UpdatedAt); err != nil {
			return nil, fmt.Errorf("list ties: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list ties: %w", err)
	}
	return out, nil
}
