package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"rapport/model"
)

const personColumns = `id, name, title, team, organisation, email, phone, relation, influence,
	stance, cadence_days, cadence_set, working_on, needs, notes, first_met, archived_at, created_at, updated_at`

func personFields(p *model.Person) []any {
	return []any{&p.ID, &p.Name, &p.Title, &p.Team, &p.Organisation, &p.Email, &p.Phone,
		&p.Relation, &p.Influence, &p.Stance, &p.CadenceDays, &p.CadenceSet, &p.WorkingOn, &p.Needs, &p.Notes,
		timeField{&p.FirstMet}, timeField{&p.ArchivedAt}, timeField{&p.CreatedAt}, timeField{&p.UpdatedAt}}
}

// CreatePerson validates p and adds it, setting its ID and timestamps.
func (s *Store) CreatePerson(ctx context.Context, p *model.Person) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	p.CreatedAt, p.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertPerson(ctx, tx, p) })
}

// insertPerson writes p, with its own ID when it has one. A new person has
// no credits yet: folded with today's weights already (credits_version), so
// that the next Open has nothing to refold and writes nothing.
func insertPerson(ctx context.Context, tx *sql.Tx, p *model.Person) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO person (`+personColumns+`, credits_version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(p.ID), p.Name, p.Title, p.Team, p.Organisation, p.Email, p.Phone, p.Relation,
		p.Influence, p.Stance, p.CadenceDays, p.CadenceSet, p.WorkingOn, p.Needs, p.Notes,
		day(p.FirstMet), instant(p.ArchivedAt), instant(p.CreatedAt), instant(p.UpdatedAt), creditsVersion)
	if err != nil {
		return fmt.Errorf("add person: %w", err)
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return recordStance(ctx, tx, p.ID, model.CauseAdded, p.CreatedAt)
}

// UpdatePerson validates p and saves every field of it but its archive
// state and creation time, setting UpdatedAt.
func (s *Store) UpdatePerson(ctx context.Context, p *model.Person) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	p.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE person SET name = ?, title = ?, team = ?,
			organisation = ?, email = ?, phone = ?, relation = ?, influence = ?, stance = ?,
			cadence_days = ?, cadence_set = ?, working_on = ?, needs = ?, notes = ?, first_met = ?,
			updated_at = ? WHERE id = ?`,
			p.Name, p.Title, p.Team, p.Organisation, p.Email, p.Phone, p.Relation, p.Influence,
			p.Stance, p.CadenceDays, p.CadenceSet, p.WorkingOn, p.Needs, p.Notes, day(p.FirstMet),
			instant(p.UpdatedAt), p.ID)
		if err != nil {
			return fmt.Errorf("save person: %w", err)
		}
		if err := checkAffected(res, "person", p.ID); err != nil {
			return err
		}
		return recordStance(ctx, tx, p.ID, model.CauseForm, p.UpdatedAt)
	})
}

// Person returns the person with the given ID, archived or not.
func (s *Store) Person(ctx context.Context, id int64) (model.Person, error) {
	return personByID(ctx, s.db, id)
}

// personByID is Person on q.
func personByID(ctx context.Context, q querier, id int64) (model.Person, error) {
	p, ok, err := personIn(ctx, q, id)
	if err == nil && !ok {
		err = fmt.Errorf("person %d: %w", id, ErrNotFound)
	}
	return p, err
}

// AnyPerson reports whether the database holds anyone, active or in the
// trash.
func (s *Store) AnyPerson(ctx context.Context) (bool, error) {
	var any bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM person)`).Scan(&any); err != nil {
		return false, fmt.Errorf("look for anyone: %w", err)
	}
	return any, nil
}

// People lists the active people, or with archived set the ones in the
// trash, ordered by name, each with the date of their last contact.
func (s *Store) People(ctx context.Context, archived bool) ([]model.PersonSummary, error) {
	return listPeople(ctx, s.db, archived, s.now())
}

// listPeople is People on q, with the last contacts at or before at.
func listPeople(ctx context.Context, q querier, archived bool, at time.Time) ([]model.PersonSummary, error) {
	where := "archived_at IS NULL"
	if archived {
		where = "archived_at IS NOT NULL"
	}
	return peopleSummaries(ctx, q, at, where)
}

// peopleSummaries is listPeople for the people matching where (whose
// arguments are args), with the last contacts at or before at.
func peopleSummaries(ctx context.Context, q querier, at time.Time, where string, args ...any) ([]model.PersonSummary, error) {
	n, err := count(ctx, q, `SELECT count(*) FROM person WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	// last_at is the latest contact unless it lies in the future (a planned
	// contact logged ahead); only then are the person's interactions read.
	now := instant(at)
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+`,
		CASE WHEN last_at IS NULL OR last_at <= ?1 THEN last_at ELSE
		(SELECT max(ip.at) FROM interaction_person ip WHERE ip.person_id = person.id AND ip.at <= ?1) END
		FROM person WHERE `+where+` ORDER BY name COLLATE NOCASE, id`, append([]any{now}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	defer rows.Close()
	out := make([]model.PersonSummary, 0, n)
	// One row's destinations, made once: thousands of rows each making
	// their own slice of twenty was a fifth of the list's time.
	var ps model.PersonSummary
	dest := append(personFields(&ps.Person), timeField{&ps.LastContact})
	for rows.Next() {
		ps = model.PersonSummary{}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("list people: %w", err)
		}
		out = append(out, ps)
	}
	return out, rows.Err()
}

// refreshLastAt recomputes last_at and thanked_at for the given people, or
// for everyone when ids is nil, from their interactions.
func refreshLastAt(ctx context.Context, tx *sql.Tx, ids []int64) error {
	const set = `UPDATE person SET
		last_at = (SELECT max(at) FROM interaction_person WHERE person_id = person.id),
		thanked_at = (SELECT max(ip.at) FROM interaction_person ip
			JOIN interaction i ON i.id = ip.interaction_id
			WHERE ip.person_id = person.id AND i.kind IN ('thanks_private', 'thanks_public'))`
	if ids == nil {
		_, err := tx.ExecContext(ctx, set)
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, set+` WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// ArchivePerson moves a person to the trash. Nothing about them is lost;
// RestorePerson brings them back.
func (s *Store) ArchivePerson(ctx context.Context, id int64) error {
	return s.setArchived(ctx, id, instant(s.now()))
}

// RestorePerson takes a person out of the trash.
func (s *Store) RestorePerson(ctx context.Context, id int64) error {
	return s.setArchived(ctx, id, nil)
}

func (s *Store) setArchived(ctx context.Context, id int64, at any) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE person SET archived_at = ?, updated_at = ? WHERE id = ?`,
			at, instant(s.now()), id)
		if err != nil {
			return fmt.Errorf("archive person: %w", err)
		}
		return checkAffected(res, "person", id)
	})
}

// EmptyTrash deletes for good every archived person, with their ties,
// promises, meetings and disclosures, and the interactions that involved
// nobody else. It returns how many people were deleted.
func (s *Store) EmptyTrash(ctx context.Context) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// Interactions whose every participant is in the trash go too.
		if _, err := tx.ExecContext(ctx, `DELETE FROM interaction WHERE id IN (
			SELECT ip.interaction_id FROM interaction_person ip
			GROUP BY ip.interaction_id
			HAVING sum(ip.person_id NOT IN (SELECT id FROM person WHERE archived_at IS NOT NULL)) = 0)`); err != nil {
			return fmt.Errorf("empty trash: %w", err)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM person WHERE archived_at IS NOT NULL`)
		if err != nil {
			return fmt.Errorf("empty trash: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// SetStance changes the stance of the person with the given ID, and
// nothing else but UpdatedAt, in one transaction, recording the change in
// their stance history as the weekly review's, and returns the stance
// they had before, for an undo (UndoStance).
func (s *Store) SetStance(ctx context.Context, id int64, stance model.Stance) (model.Stance, error) {
	if !stance.Valid() {
		return "", fmt.Errorf("set stance of person %d: %q is not a stance", id, stance)
	}
	var before model.Stance
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT stance FROM person WHERE id = ?`, id).Scan(&before)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("person %d: %w", id, ErrNotFound)
		} else if err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `UPDATE person SET stance = ?, updated_at = ? WHERE id = ?`,
			stance, instant(s.now()), id); err != nil {
			return err
		}
		return recordStance(ctx, tx, id, model.CauseReview, s.now())
	})
	if err != nil {
		return "", fmt.Errorf("set stance of person %d: %w", id, err)
	}
	return before, nil
}
