package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"rapport/model"
)

// creditsVersion names the weights of model.DefaultCredits that the folded
// balances on the person rows were computed with. Change it whenever that
// table changes: Open then refolds everyone once.
const creditsVersion = 1

// rules are the credit rules the store folds with.
var rules = model.DefaultCredits

// querier is what both *sql.DB and *sql.Tx offer for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// refreshPeople recomputes what a person row keeps about the person's
// history (the last contact and the folded credits) for the given people,
// or for everyone when ids is nil. Call it in the transaction that changed
// their interactions or promises.
func (s *Store) refreshPeople(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if err := refreshLastAt(ctx, tx, ids); err != nil {
		return err
	}
	return s.refoldCredits(ctx, tx, ids)
}

// refoldCredits folds the credits of the given people (everyone when ids is
// nil) as of the store's clock and saves the result on their rows.
func (s *Store) refoldCredits(ctx context.Context, tx *sql.Tx, ids []int64) error {
	credits, err := creditsOf(ctx, tx, ids)
	if err != nil {
		return fmt.Errorf("fold credits: %w", err)
	}
	if ids == nil {
		if ids, err = queryIDs(ctx, tx, `SELECT id FROM person`); err != nil {
			return fmt.Errorf("fold credits: %w", err)
		}
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE person SET credit_folded = ?, credit_next = ?,
		credits_version = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("fold credits: %w", err)
	}
	defer stmt.Close()
	now := s.now()
	for _, id := range ids {
		folded, next := rules.Fold(credits[id], now)
		if _, err := stmt.ExecContext(ctx, folded, instant(next), creditsVersion, id); err != nil {
			return fmt.Errorf("fold credits of person %d: %w", id, err)
		}
	}
	return nil
}

// refoldStale refolds, in one transaction, the credits of everyone folded
// with other weights than today's (or never, just after migration 0002).
func (s *Store) refoldStale(ctx context.Context) error {
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM person WHERE credits_version <> ?`, creditsVersion)
	if err != nil || len(ids) == 0 {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if len(ids) > 500 {
			ids = nil // everyone: one pass over the interactions beats many
		}
		return s.refoldCredits(ctx, tx, ids)
	})
}

// creditsOf reads the credits of the given people (everyone when ids is
// nil) from their interactions and the outcomes of the promises they were
// made.
func creditsOf(ctx context.Context, q querier, ids []int64) (map[int64][]model.Credit, error) {
	people, args := "", []any(nil)
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		people = " AND person_id IN (?" + strings.Repeat(", ?", len(ids)-1) + ")"
		for _, id := range ids {
			args = append(args, id)
		}
	}
	out := make(map[int64][]model.Credit)
	rows, err := q.QueryContext(ctx, `SELECT ip.person_id, i.kind, ip.at FROM interaction_person ip
		JOIN interaction i ON i.id = ip.interaction_id WHERE 1`+people, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var kind model.InteractionKind
		var at time.Time
		if err := rows.Scan(&id, &kind, timeField{&at}); err != nil {
			rows.Close()
			return nil, err
		}
		out[id] = append(out[id], rules.ForInteraction(kind, at))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT person_id, direction, what, status, due_on, resolved_on
		FROM promise WHERE direction = 'mine' AND status IN ('kept', 'kept_late', 'broken')`+people, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p model.Promise
		if err := rows.Scan(&p.PersonID, &p.Direction, &p.What, &p.Status, timeField{&p.DueOn},
			timeField{&p.ResolvedOn}); err != nil {
			return nil, err
		}
		if c, ok := rules.ForPromise(p); ok {
			out[p.PersonID] = append(out[p.PersonID], c)
		}
	}
	return out, rows.Err()
}

// queryIDs runs a query whose rows are single IDs.
func queryIDs(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// foldedBalance is a person's folded credits as read from their row.
type foldedBalance struct {
	folded float64
	next   time.Time
}

// balances turns folded credits into balances at now. A fold that a credit
// dated after it has overtaken (next on or before now) is recomputed from
// the person's history, which is rare: it takes a contact typed in ahead of
// time.
func balances(ctx context.Context, q querier, folds map[int64]foldedBalance, now time.Time) (map[int64]float64, error) {
	out := make(map[int64]float64, len(folds))
	var stale []int64
	for id, f := range folds {
		bal, ok := unfold(f, now)
		if !ok {
			stale = append(stale, id)
			continue
		}
		out[id] = bal
	}
	if len(stale) == 0 {
		return out, nil
	}
	credits, err := creditsOf(ctx, q, stale)
	if err != nil {
		return nil, err
	}
	for _, id := range stale {
		out[id] = rules.Balance(credits[id], now)
	}
	return out, nil
}

// unfold is the balance at now of a folded one, or false when a credit
// dated after the fold has overtaken it (next on or before now): then it
// must be recomputed from the person's history.
func unfold(f foldedBalance, now time.Time) (float64, bool) {
	if !f.next.IsZero() && !f.next.After(now) {
		return 0, false
	}
	return rules.Unfold(f.folded, now), true
}

// Credits returns a person's credits in no particular order: what
// model.CreditRules.Balance and History are computed from.
func (s *Store) Credits(ctx context.Context, personID int64) ([]model.Credit, error) {
	credits, err := creditsOf(ctx, s.db, []int64{personID})
	if err != nil {
		return nil, fmt.Errorf("credits of person %d: %w", personID, err)
	}
	return credits[personID], nil
}
