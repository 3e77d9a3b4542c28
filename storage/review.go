package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"rapport/model"
)

// The weekly review's memory, the frame's look-ups, and other small
// questions the review and the person page ask.

// reviewKey is the setting that holds when the weekly review was last done.
const reviewKey = "review.last_done"

// LastReview returns when the weekly review was last done, zero when never
// (see model.ReviewDue). A stored value that is not a time gives an error
// naming the setting.
func (s *Store) LastReview(ctx context.Context) (time.Time, error) {
	return lastReview(ctx, s.db)
}

// lastReview reads when the weekly review was last done through q.
func lastReview(ctx context.Context, q querier) (time.Time, error) {
	v, ok, err := settingValue(ctx, q, reviewKey)
	if err != nil {
		return time.Time{}, fmt.Errorf("last review: %w", err)
	}
	if !ok {
		return time.Time{}, nil
	}
	var t time.Time
	if err := parseStoredTime(v, &t); err != nil {
		return time.Time{}, fmt.Errorf("last review: setting %s: %q is not a time: %w", reviewKey, v, err)
	}
	return t, nil
}

// MarkReviewed records that the weekly review was done at the given time
// (kept as RFC 3339 UTC, to the millisecond), replacing the time before.
func (s *Store) MarkReviewed(ctx context.Context, at time.Time) error {
	if at.IsZero() {
		return errors.New("mark reviewed: no time given")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := putSetting(ctx, tx, reviewKey, at.UTC().Format(timeLayout)); err != nil {
			return fmt.Errorf("mark reviewed: %w", err)
		}
		return nil
	})
}

// settingValue reads one row of the setting table, reporting whether there
// is one.
func settingValue(ctx context.Context, q querier, key string) (string, bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT value FROM setting WHERE key = ?`, key)
	if err != nil {
		return "", false, fmt.Errorf("setting %s: %w", key, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return "", false, rows.Err()
	}
	var v string
	if err := rows.Scan(&v); err != nil {
		return "", false, fmt.Errorf("setting %s: %w", key, err)
	}
	return v, true, rows.Err()
}

// putSetting writes one row of the setting table, replacing its value.
func putSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return nil
}

// OnPanel reports whether a person is on the promotion panel of any role
// that is not archived: a decision-maker for model.NeedsFrameCheck. A
// person who does not exist is on none.
func (s *Store) OnPanel(ctx context.Context, personID int64) (bool, error) {
	n, err := count(ctx, s.db, `SELECT count(*) FROM panel_member m JOIN role r ON r.id = m.role_id
		WHERE m.person_id = ? AND r.archived_at IS NULL`, personID)
	if err != nil {
		return false, fmt.Errorf("on panel, person %d: %w", personID, err)
	}
	return n > 0, nil
}

// SensitiveKnowers returns the active people (not in the trash) the user
// has shared at least one high-sensitivity thing with, as a set of IDs: the
// people the map can tint. None gives an empty, non-nil map.
func (s *Store) SensitiveKnowers(ctx context.Context) (map[int64]bool, error) {
	ids, err := queryIDs(ctx, s.db, `SELECT DISTINCT d.person_id FROM disclosure d
		JOIN person p ON p.id = d.person_id
		WHERE d.sensitivity = ? AND p.archived_at IS NULL`, model.SensitivityHigh)
	if err != nil {
		return nil, fmt.Errorf("sensitive knowers: %w", err)
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}
