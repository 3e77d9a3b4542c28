package storage

import (
	"context"
	"database/sql"
	"fmt"

	"rapport/model"
)

const disclosureColumns = `id, person_id, topic, sensitivity, shared_on, notes, created_at, updated_at`

func disclosureFields(d *model.Disclosure) []any {
	return []any{&d.ID, &d.PersonID, &d.Topic, &d.Sensitivity, timeField{&d.SharedOn}, &d.Notes,
		timeField{&d.CreatedAt}, timeField{&d.UpdatedAt}}
}

// CreateDisclosure validates d and adds it to the private log, setting its
// ID and timestamps. SharedOn is reduced to a calendar day (see model.Day).
func (s *Store) CreateDisclosure(ctx context.Context, d *model.Disclosure) error {
	d.SharedOn = model.Day(d.SharedOn)
	if err := d.Validate(); err != nil {
		return err
	}
	d.CreatedAt, d.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertDisclosure(ctx, tx, d) })
}

// insertDisclosure writes d, with its own ID when it has one.
func insertDisclosure(ctx context.Context, tx *sql.Tx, d *model.Disclosure) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO disclosure (`+disclosureColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(d.ID), d.PersonID, d.Topic, d.Sensitivity, day(d.SharedOn), d.Notes,
		instant(d.CreatedAt), instant(d.UpdatedAt))
	if err != nil {
		return missingRef("add disclosure", "a person", err)
	}
	d.ID, err = res.LastInsertId()
	return err
}

// UpdateDisclosure validates d and saves every field of it but its creation
// time, setting UpdatedAt.
func (s *Store) UpdateDisclosure(ctx context.Context, d *model.Disclosure) error {
	d.SharedOn = model.Day(d.SharedOn)
	if err := d.Validate(); err != nil {
		return err
	}
	d.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE disclosure SET person_id = ?, topic = ?, sensitivity = ?,
			shared_on = ?, notes = ?, updated_at = ? WHERE id = ?`,
			d.PersonID, d.Topic, d.Sensitivity, day(d.SharedOn), d.Notes, instant(d.UpdatedAt), d.ID)
		if err != nil {
			return missingRef("save disclosure", "a person", err)
		}
		return checkAffected(res, "disclosure", d.ID)
	})
}

// DeleteDisclosure removes an entry from the private log.
func (s *Store) DeleteDisclosure(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM disclosure WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete disclosure: %w", err)
		}
		return checkAffected(res, "disclosure", id)
	})
}

// DisclosuresFor returns what the user shared with a person, the most
// recently shared first.
func (s *Store) DisclosuresFor(ctx context.Context, personID int64) ([]model.Disclosure, error) {
	return disclosuresFor(ctx, s.db, personID)
}

// disclosuresFor is DisclosuresFor on q.
func disclosuresFor(ctx context.Context, q querier, personID int64) ([]model.Disclosure, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+disclosureColumns+` FROM disclosure
		WHERE person_id = ? ORDER BY shared_on DESC, id DESC`, personID)
	if err != nil {
		return nil, fmt.Errorf("list disclosures: %w", err)
	}
	defer rows.Close()
	var out []model.Disclosure
	for rows.Next() {
		var d model.Disclosure
		if err := rows.Scan(disclosureFields(&d)...); err != nil {
			return nil, fmt.Errorf("list disclosures: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list disclosures: %w", err)
	}
	return out, nil
}
