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
			np.Overdue = model.ContactOverdue(p, np.LastContact, now)
		}
		n.People = people
		ties, err := count(ctx, q, `SELECT count(*) FROM tie`)
		if err != nil {
			return err
		}
		n.Ties, err = queryTies(ctx, q, ties, `SELECT `+tieColumns+` FROM tie ORDER BY id`)
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
		stance, cadence_days, cadence_set, created_at, archived_at, credit_folded, credit_next,
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
	var set bool
	var archived, created, next, last sql.NullString
	for rows.Next() {
		if err := rows.Scan(&id, &name, &title, &team, &org, &relation, &influence, &stance, &cadence,
			&set, &created, &archived, &folded, &next, &last); err != nil {
			return nil, nil, err
		}
		np := model.NetworkPerson{Person: model.Person{ID: id, Name: name, Title: title, Team: team,
			Organisation: org, Relation: model.Relation(relation), Influence: int(influence),
			Stance: model.Stance(stance), CadenceDays: int(cadence), CadenceSet: set}}
		f := foldedBalance{folded: folded}
		for _, t := range []struct {
			s   sql.NullString
			dst *time.Time
		}{{created, &np.Person.CreatedAt}, {archived, &np.Person.ArchivedAt}, {next, &f.next}, {last, &np.LastContact}} {
			if err := parseNullTime(t.s, t.dst); err != nil {
				return nil, nil, err
			}
		}
		out = append(out, np)
		folds[id] = f
	}
	return out, folds, rows.Err()
}
