package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"rapport/model"
)

// Network reads what the relationship map draws at now (see
// model.Network): everyone, archived people too, with their credits
// balance, warmth, last contact and whether they are overdue, and every
// tie. It reads the per-person summaries (folded credits, last contact),
// never every interaction, in one read transaction.
func (s *Store) Network(ctx context.Context, now time.Time) (model.Network, error) {
	n := model.Network{Now: now}
	err := s.inReadTx(ctx, func(q querier) error {
		people, folds, err := networkPeople(ctx, q, now)
		if err != nil {
			return err
		}
		bal, err := balances(ctx, q, folds, now)
		if err != nil {
			return err
		}
		for i := range people {
			np := &people[i]
			p := np.Person
			np.Balance = bal[p.ID]
			np.Warmth = rules.Warmth(np.Balance, np.LastContact, p.CadenceDays, now)
			np.Overdue = model.ContactOverdue(p.CadenceDays, np.LastContact, now)
		}
		n.People = people
		n.Ties, err = networkTies(ctx, q)
		return err
	})
	if err != nil {
		return model.Network{}, fmt.Errorf("network: %w", err)
	}
	return n, nil
}

// networkPeople reads everyone with the fields the map shows, their last
// contact at or before now and their folded credits.
func networkPeople(ctx context.Context, q querier, now time.Time) ([]model.NetworkPerson, map[int64]foldedBalance, error) {
	n, err := count(ctx, q, `SELECT count(*) FROM person`)
	if err != nil {
		return nil, nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name, title, team, organisation, relation, influence,
		stance, cadence_days, archived_at, credit_folded, credit_next,
		CASE WHEN last_at IS NULL OR last_at <= ?1 THEN last_at
			ELSE (SELECT max(at) FROM interaction_person WHERE person_id = person.id AND at <= ?1) END
		FROM person ORDER BY id`, instant(now))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out := make([]model.NetworkPerson, 0, n)
	folds := make(map[int64]foldedBalance, n)
	// Plain values, converted here: several times faster than letting
	// database/sql convert into named types.
	var id, influence, cadence int64
	var name, title, team, org, relation, stance string
	var folded float64
	var archived, next, last sql.NullString
	for rows.Next() {
		if err := rows.Scan(&id, &name, &title, &team, &org, &relation, &influence, &stance, &cadence,
			&archived, &folded, &next, &last); err != nil {
			return nil, nil, err
		}
		np := model.NetworkPerson{Person: model.Person{ID: id, Name: name, Title: title, Team: team,
			Organisation: org, Relation: model.Relation(relation), Influence: int(influence),
			Stance: model.Stance(stance), CadenceDays: int(cadence)}}
		f := foldedBalance{folded: folded}
		for _, t := range []struct {
			s   sql.NullString
			dst *time.Time
		}{{archived, &np.Person.ArchivedAt}, {next, &f.next}, {last, &np.LastContact}} {
			if !t.s.Valid {
				continue
			}
			if err := parseInstant(t.s.String, t.dst); err != nil {
				return nil, nil, err
			}
		}
		out = append(out, np)
		folds[id] = f
	}
	return out, folds, rows.Err()
}

// networkTies reads every tie ordered by ID, giving what queryTies would.
// Scanning plain values (not named types through database/sql's
// reflection) and reading the instants with parseInstant cut the time of
// Network by about a third at 15,000 ties (BenchmarkNetwork).
func networkTies(ctx context.Context, q querier) ([]model.Tie, error) {
	n, err := count(ctx, q, `SELECT count(*) FROM tie`)
	if err != nil {
		return nil, fmt.Errorf("list ties: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+tieColumns+` FROM tie ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list ties: %w", err)
	}
	defer rows.Close()
	out := make([]model.Tie, 0, n)
	var id, from, to int64
	var kind, note, created, updated string
	for rows.Next() {
		if err := rows.Scan(&id, &from, &to, &kind, &note, &created, &updated); err != nil {
			return nil, fmt.Errorf("list ties: %w", err)
		}
		t := model.Tie{ID: id, FromID: from, ToID: to, Kind: model.TieKind(kind), Note: note}
		if err := parseInstant(created, &t.CreatedAt); err != nil {
			return nil, fmt.Errorf("list ties: %w", err)
		}
		if err := parseInstant(updated, &t.UpdatedAt); err != nil {
			return nil, fmt.Errorf("list ties: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list ties: %w", err)
	}
	return out, nil
}

// parseInstant reads a stored instant into dst, giving the same time
// timeField does. The form instant writes (2026-11-23T09:30:00.000Z) is
// parsed by hand, several times faster than time.Parse; anything else
// goes through timeField.
func parseInstant(s string, dst *time.Time) error {
	const n = len("2006-01-02T15:04:05.000Z")
	if len(s) != n || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
		s[19] != '.' || s[23] != 'Z' {
		return timeField{dst}.Scan(s)
	}
	num := func(i, j int) int {
		v := 0
		for ; i < j; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d := num(0, 4), num(5, 7), num(8, 10)
	h, mi, sec, ms := num(11, 13), num(14, 16), num(17, 19), num(20, 23)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0 {
		return timeField{dst}.Scan(s)
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, ms*1e6, time.UTC)
	if t.Day() != d { // 31 April and the like: let time.Parse refuse it
		return timeField{dst}.Scan(s)
	}
	*dst = t
	return nil
}
