package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"rapport/model"
)

// The stance history (model.StanceChange): every writer of a person's
// stance or influence calls recordStance in its own transaction, after
// writing the person row, so the latest entry always holds what the row
// holds. Role changes (model.RoleChange) are written by contacts imports.

// recordStance adds an entry to the stance history of person id with the
// stance and influence their row holds now, dated at, when it differs from
// their latest entry (or they have none).
func recordStance(ctx context.Context, tx *sql.Tx, id int64, cause model.StanceCause, at time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO stance_change (person_id, at, stance, influence, cause)
		SELECT p.id, ?, p.stance, p.influence, ? FROM person p WHERE p.id = ? AND NOT EXISTS (
			SELECT 1 FROM (SELECT stance, influence FROM stance_change WHERE person_id = p.id
				ORDER BY at DESC, id DESC LIMIT 1) l
			WHERE l.stance = p.stance AND l.influence = p.influence)`,
		instant(at), cause, id)
	if err != nil {
		return fmt.Errorf("record stance of person %d: %w", id, err)
	}
	return nil
}

const stanceChangeColumns = `id, person_id, at, stance, influence, cause`

func stanceChangeFields(c *model.StanceChange) []any {
	return []any{&c.ID, &c.PersonID, timeField{&c.At}, &c.Stance, &c.Influence, &c.Cause}
}

// queryStanceChanges reads the entries of the stance history matching
// where (with args), by person, oldest first.
func queryStanceChanges(ctx context.Context, q querier, where string, args ...any) ([]model.StanceChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+stanceChangeColumns+` FROM stance_change `+where+`
		ORDER BY person_id, at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("stance history: %w", err)
	}
	defer rows.Close()
	var out []model.StanceChange
	for rows.Next() {
		var c model.StanceChange
		if err := rows.Scan(stanceChangeFields(&c)...); err != nil {
			return nil, fmt.Errorf("stance history: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// StanceHistory returns the stance history of the person with the given
// ID, oldest first.
func (s *Store) StanceHistory(ctx context.Context, id int64) ([]model.StanceChange, error) {
	return queryStanceChanges(ctx, s.db, `WHERE person_id = ?`, id)
}

// StanceHistoryAll returns the stance history of everyone, archived
// people included, by person, oldest first: what the map as of a day reads.
func (s *Store) StanceHistoryAll(ctx context.Context) ([]model.StanceChange, error) {
	return queryStanceChanges(ctx, s.db, ``)
}

// stanceMovesSince reads who moved since a moment (model.StanceMoves):
// the whole history of everyone with an entry after it.
func stanceMovesSince(ctx context.Context, q querier, since time.Time) ([]model.StanceMove, error) {
	h, err := queryStanceChanges(ctx, q, `WHERE person_id IN (SELECT person_id FROM stance_change WHERE at > ?)`,
		instant(since))
	if err != nil {
		return nil, err
	}
	return model.StanceMoves(h, since), nil
}

// UndoStance puts back the stance a person had before SetStance changed
// it, and takes that change out of their history (it is the latest entry,
// from the weekly review, holding the stance they have now): an undone
// change leaves no trace. When something changed them since, the stance
// is put back as a change of its own.
func (s *Store) UndoStance(ctx context.Context, id int64, before model.Stance) error {
	if !before.Valid() {
		return fmt.Errorf("undo stance of person %d: %q is not a stance", id, before)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM stance_change WHERE id = (
			SELECT id FROM stance_change WHERE person_id = ? ORDER BY at DESC, id DESC LIMIT 1)
			AND cause = 'review' AND stance = (SELECT stance FROM person WHERE id = ?)`, id, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE person SET stance = ?, updated_at = ? WHERE id = ?`,
			before, instant(s.now()), id)
		if err != nil {
			return err
		}
		if err := checkAffected(res, "person", id); err != nil {
			return err
		}
		return recordStance(ctx, tx, id, model.CauseReview, s.now())
	})
	if err != nil {
		return fmt.Errorf("undo stance of person %d: %w", id, err)
	}
	return nil
}

// roleHistoryOf is the role changes of person id, oldest first.
func roleHistoryOf(ctx context.Context, q querier, where string, args ...any) ([]model.RoleChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, person_id, at, was_title, was_organisation, title, organisation, cause
		FROM role_change `+where+` ORDER BY person_id, at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("role history: %w", err)
	}
	defer rows.Close()
	var out []model.RoleChange
	for rows.Next() {
		var c model.RoleChange
		if err := rows.Scan(&c.ID, &c.PersonID, timeField{&c.At}, &c.WasTitle, &c.WasOrganisation,
			&c.Title, &c.Organisation, &c.Cause); err != nil {
			return nil, fmt.Errorf("role history: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// RoleHistory returns the role changes of the person with the given ID,
// oldest first.
func (s *Store) RoleHistory(ctx context.Context, id int64) ([]model.RoleChange, error) {
	return roleHistoryOf(ctx, s.db, `WHERE person_id = ?`, id)
}

// recordRoleChange keeps a person's old role in their history and gives
// them the new one: c's title and organisation.
func recordRoleChange(ctx context.Context, tx *sql.Tx, id int64, c model.JobChange, at time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO role_change
		(person_id, at, was_title, was_organisation, title, organisation, cause) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, instant(at), c.WasTitle, c.WasOrganisation, c.Title, c.Organisation, model.CauseImport)
	if err != nil {
		return fmt.Errorf("record role of person %d: %w", id, err)
	}
	return nil
}

// checkStanceChange checks a restored row of stance_change.
func checkStanceChange(c *rowCheck) {
	s := model.StanceChange{PersonID: c.id("person_id"), Stance: model.Stance(c.str("stance")),
		Influence: c.integer("influence"), Cause: model.StanceCause(c.str("cause"))}
	c.model(s.Validate(), map[string]string{"person": "person_id"})
}

// checkRoleChange checks a restored row of role_change.
func checkRoleChange(c *rowCheck) {
	r := model.RoleChange{PersonID: c.id("person_id"), WasTitle: c.str("was_title"),
		WasOrganisation: c.str("was_organisation"), Title: c.str("title"),
		Organisation: c.str("organisation"), Cause: model.StanceCause(c.str("cause"))}
	c.model(r.Validate(), map[string]string{"person": "person_id", "was title": "was_title",
		"was organisation": "was_organisation"})
}
