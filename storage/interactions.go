package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"rapport/model"
)

// CreateInteraction validates i and adds it with its participants, setting
// its ID and timestamps.
func (s *Store) CreateInteraction(ctx context.Context, i *model.Interaction) error {
	if err := i.Validate(); err != nil {
		return err
	}
	i.CreatedAt, i.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertInteraction(ctx, tx, i); err != nil {
			return err
		}
		return s.refreshPeople(ctx, tx, i.PersonIDs)
	})
}

// insertInteraction writes i and its participants, with its own ID when it
// has one.
func insertInteraction(ctx context.Context, tx *sql.Tx, i *model.Interaction) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO interaction (id, kind, at, summary, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		ref(i.ID), i.Kind, instant(i.At), i.Summary, i.Notes, instant(i.CreatedAt), instant(i.UpdatedAt))
	if err != nil {
		return fmt.Errorf("add interaction: %w", err)
	}
	if i.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return insertParticipants(ctx, tx, i)
}

func insertParticipants(ctx context.Context, tx *sql.Tx, i *model.Interaction) error {
	slices.Sort(i.PersonIDs)
	for _, pid := range i.PersonIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO interaction_person (interaction_id, person_id, at)
			VALUES (?, ?, ?)`, i.ID, pid, instant(i.At)); err != nil {
			return fmt.Errorf("add interaction with person %d: %w", pid, err)
		}
	}
	return nil
}

// UpdateInteraction validates i and saves it and its participants.
func (s *Store) UpdateInteraction(ctx context.Context, i *model.Interaction) error {
	if err := i.Validate(); err != nil {
		return err
	}
	i.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE interaction SET kind = ?, at = ?, summary = ?, notes = ?,
			updated_at = ? WHERE id = ?`, i.Kind, instant(i.At), i.Summary, i.Notes, instant(i.UpdatedAt), i.ID)
		if err != nil {
			return fmt.Errorf("save interaction: %w", err)
		}
		if err := checkAffected(res, "interaction", i.ID); err != nil {
			return err
		}
		before, err := participants(ctx, tx, i.ID)
		if err != nil {
			return fmt.Errorf("save interaction: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM interaction_person WHERE interaction_id = ?`, i.ID); err != nil {
			return fmt.Errorf("save interaction: %w", err)
		}
		if err := insertParticipants(ctx, tx, i); err != nil {
			return err
		}
		return s.refreshPeople(ctx, tx, append(before, i.PersonIDs...))
	})
}

// DeleteInteraction removes an interaction. Meetings and promises that
// pointed at it keep existing, without the link.
func (s *Store) DeleteInteraction(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		people, err := participants(ctx, tx, id)
		if err != nil {
			return fmt.Errorf("delete interaction: %w", err)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM interaction WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete interaction: %w", err)
		}
		if err := checkAffected(res, "interaction", id); err != nil {
			return err
		}
		return s.refreshPeople(ctx, tx, people)
	})
}

// participants returns the IDs of the people an interaction involves.
func participants(ctx context.Context, tx *sql.Tx, interactionID int64) ([]int64, error) {
	return queryIDs(ctx, tx, `SELECT person_id FROM interaction_person WHERE interaction_id = ?`, interactionID)
}

// Interaction returns the interaction with the given ID.
func (s *Store) Interaction(ctx context.Context, id int64) (model.Interaction, error) {
	list, err := queryInteractions(ctx, s.db, `WHERE i.id = ?`, id)
	if err != nil {
		return model.Interaction{}, err
	}
	if len(list) == 0 {
		return model.Interaction{}, fmt.Errorf("interaction %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

// InteractionsWith returns the interactions a person took part in, newest
// first, at most limit of them (all when limit ≤ 0).
func (s *Store) InteractionsWith(ctx context.Context, personID int64, limit int) ([]model.Interaction, error) {
	return interactionsWith(ctx, s.db, personID, limit)
}

// interactionsWith is InteractionsWith on q.
func interactionsWith(ctx context.Context, q querier, personID int64, limit int) ([]model.Interaction, error) {
	tail := ""
	if limit > 0 {
		tail = " LIMIT " + strconv.Itoa(limit)
	}
	return queryInteractions(ctx, q, `WHERE i.id IN (
		SELECT interaction_id FROM interaction_person WHERE person_id = ? ORDER BY at DESC`+tail+`)`, personID)
}

// queryInteractions returns the interactions matching where, newest first,
// each with all of its participants.
func queryInteractions(ctx context.Context, q querier, where string, args ...any) ([]model.Interaction, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.id, i.kind, i.at, i.summary, i.notes, i.created_at,
		i.updated_at, (SELECT group_concat(person_id) FROM (SELECT person_id FROM interaction_person
		WHERE interaction_id = i.id ORDER BY person_id))
		FROM interaction i `+where+` ORDER BY i.at DESC, i.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list interactions: %w", err)
	}
	defer rows.Close()
	var out []model.Interaction
	for rows.Next() {
		var i model.Interaction
		var people sql.NullString
		if err := rows.Scan(&i.ID, &i.Kind, timeField{&i.At}, &i.Summary, &i.Notes,
			timeField{&i.CreatedAt}, timeField{&i.UpdatedAt}, &people); err != nil {
			return nil, fmt.Errorf("list interactions: %w", err)
		}
		if i.PersonIDs, err = parseIDs(people.String); err != nil {
			return nil, fmt.Errorf("list interactions: %w", err)
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// parseIDs reads a comma-separated list of IDs, as group_concat makes.
func parseIDs(s string) ([]int64, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	ids := make([]int64, len(parts))
	for k, p := range parts {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, err
		}
		ids[k] = id
	}
	return ids, nil
}
