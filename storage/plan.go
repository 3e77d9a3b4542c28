package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"rapport/model"
)

// The career plan beyond roles and requirements (roles.go): the history of
// the user's levels, the promotion panel of each role, and whom to ask
// about which gap.

// LevelHistory returns every recorded change of the user's current level of
// the role's requirements, oldest first (ties in the order they were
// recorded): what model.GapTrend charts. A role without requirements, or
// one that does not exist, has none.
func (s *Store) LevelHistory(ctx context.Context, roleID int64) ([]model.LevelChange, error) {
	return levelHistory(ctx, s.db, roleID)
}

// levelHistory is LevelHistory on q.
func levelHistory(ctx context.Context, q querier, roleID int64) ([]model.LevelChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT l.requirement_id, l.level, l.at FROM requirement_level l
		JOIN requirement r ON r.id = l.requirement_id WHERE r.role_id = ? ORDER BY l.at, l.id`, roleID)
	if err != nil {
		return nil, fmt.Errorf("level history of role %d: %w", roleID, err)
	}
	defer rows.Close()
	var out []model.LevelChange
	for rows.Next() {
		var c model.LevelChange
		if err := rows.Scan(&c.RequirementID, &c.Level, timeField{&c.At}); err != nil {
			return nil, fmt.Errorf("level history of role %d: %w", roleID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("level history of role %d: %w", roleID, err)
	}
	return out, nil
}

// PanelMembers returns who is on the decision chain for a role, people in
// the trash included, ordered by name (case-insensitive), then person ID.
// A role that does not exist has none.
func (s *Store) PanelMembers(ctx context.Context, roleID int64) ([]model.PanelMember, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.role_id, m.person_id, m.part, m.target_stance FROM panel_member m
		JOIN person p ON p.id = m.person_id WHERE m.role_id = ?
		ORDER BY p.name COLLATE NOCASE, p.id`, roleID)
	if err != nil {
		return nil, fmt.Errorf("panel of role %d: %w", roleID, err)
	}
	defer rows.Close()
	var out []model.PanelMember
	for rows.Next() {
		var m model.PanelMember
		if err := rows.Scan(&m.RoleID, &m.PersonID, &m.Part, &m.Target); err != nil {
			return nil, fmt.Errorf("panel of role %d: %w", roleID, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("panel of role %d: %w", roleID, err)
	}
	return out, nil
}

// SetPanelMember puts a person on a role's panel with the given part, or
// changes their part when they are on it already. It validates m and
// refuses a role or person that does not exist with an error wrapping
// ErrNotFound.
func (s *Store) SetPanelMember(ctx context.Context, m model.PanelMember) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, named := range []struct {
			table string
			id    int64
		}{{"role", m.RoleID}, {"person", m.PersonID}} {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+named.table+` WHERE id = ?`, named.id).Scan(&one)
			if err != nil {
				return fmt.Errorf("set panel member: %w", notFound(err, named.table, named.id))
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO panel_member (role_id, person_id, part, target_stance)
			VALUES (?, ?, ?, ?) ON CONFLICT (role_id, person_id) DO UPDATE SET part = excluded.part`,
			m.RoleID, m.PersonID, m.Part, m.Target)
		if err != nil {
			return fmt.Errorf("set panel member: %w", err)
		}
		return nil
	})
}

// SetPanelTarget sets the stance the user is working toward with a
// member of a role's panel ("" for none), returning an error wrapping
// ErrNotFound when they are not on it.
func (s *Store) SetPanelTarget(ctx context.Context, roleID, personID int64, target model.Stance) error {
	m := model.PanelMember{RoleID: roleID, PersonID: personID, Part: model.PanelDecides, Target: target}
	if err := m.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE panel_member SET target_stance = ? WHERE role_id = ? AND person_id = ?`,
			target, roleID, personID)
		if err != nil {
			return fmt.Errorf("set panel target: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("set panel target: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("set panel target: person %d on the panel of role %d: %w", personID, roleID, ErrNotFound)
		}
		return nil
	})
}

// RemovePanelMember takes a person off a role's panel, returning an error
// wrapping ErrNotFound when they were not on it.
func (s *Store) RemovePanelMember(ctx context.Context, roleID, personID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM panel_member WHERE role_id = ? AND person_id = ?`,
			roleID, personID)
		if err != nil {
			return fmt.Errorf("remove panel member: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("remove panel member: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("remove panel member: person %d on the panel of role %d: %w", personID, roleID, ErrNotFound)
		}
		return nil
	})
}

// Panel assesses how ready a role's panel is at now (model.AssessPanel):
// each member with their warmth and last contact at or before now,
// computed as Network computes them (from the folded credits on the person
// rows). People in the trash are left out. A role that does not exist
// gives an error wrapping ErrNotFound.
func (s *Store) Panel(ctx context.Context, roleID int64, now time.Time) (model.PanelReadiness, error) {
	var r model.PanelReadiness
	err := s.inReadTx(ctx, func(q querier) error {
		var err error
		r, err = assessPanel(ctx, q, roleID, now)
		return err
	})
	if err != nil {
		return model.PanelReadiness{}, fmt.Errorf("panel of role %d: %w", roleID, err)
	}
	return r, nil
}

// assessPanel is model.AssessPanel of the role's panel at now, each
// member with the target stance the user set.
func assessPanel(ctx context.Context, q querier, roleID int64, now time.Time) (model.PanelReadiness, error) {
	in, err := panelInputs(ctx, q, roleID, now)
	if err != nil {
		return model.PanelReadiness{}, err
	}
	r := model.AssessPanel(in, now)
	rows, err := q.QueryContext(ctx, `SELECT person_id, target_stance FROM panel_member
		WHERE role_id = ? AND target_stance <> ''`, roleID)
	if err != nil {
		return model.PanelReadiness{}, err
	}
	defer rows.Close()
	targets := make(map[int64]model.Stance)
	for rows.Next() {
		var id int64
		var st model.Stance
		if err := rows.Scan(&id, &st); err != nil {
			return model.PanelReadiness{}, err
		}
		targets[id] = st
	}
	r.SetTargets(targets)
	return r, rows.Err()
}

// panelInputs reads the active members of a role's panel with their
// warmth and last contact at now.
func panelInputs(ctx context.Context, q querier, roleID int64, now time.Time) ([]model.PanelInput, error) {
	exists, err := count(ctx, q, `SELECT count(*) FROM role WHERE id = ?`, roleID)
	if err != nil {
		return nil, err
	}
	if exists == 0 {
		return nil, fmt.Errorf("role %d: %w", roleID, ErrNotFound)
	}
	// The last contact as Network and People read it: last_at unless it
	// lies in the future, when the person's interactions are read.
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+`, panel_member.part,
		person.credit_folded, person.credit_next,
		CASE WHEN last_at IS NULL OR last_at <= ?2 THEN last_at ELSE
		(SELECT max(ip.at) FROM interaction_person ip WHERE ip.person_id = person.id AND ip.at <= ?2) END
		FROM panel_member JOIN person ON person.id = panel_member.person_id
		WHERE panel_member.role_id = ?1 AND person.archived_at IS NULL ORDER BY person.id`,
		roleID, instant(now))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var in []model.PanelInput
	folds := make(map[int64]foldedBalance)
	for rows.Next() {
		var m model.PanelInput
		var f foldedBalance
		if err := rows.Scan(append(personFields(&m.Person), &m.Part, &f.folded, timeField{&f.next},
			timeField{&m.LastContact})...); err != nil {
			return nil, err
		}
		in = append(in, m)
		folds[m.Person.ID] = f
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	bal, err := balances(ctx, q, folds, now)
	if err != nil {
		return nil, err
	}
	for i := range in {
		p := in[i].Person
		in[i].Warmth = rules.Warmth(bal[p.ID], in[i].LastContact, p.CadenceDays, now)
	}
	return in, nil
}

// AdvisedBy returns the requirements, with their advisors, of the roles
// not archived that a person advises on, ordered by ID: what
// model.AskAbout turns into topics.
func (s *Store) AdvisedBy(ctx context.Context, personID int64) ([]model.Requirement, error) {
	reqs, err := advisedBy(ctx, s.db, personID)
	if err != nil {
		return nil, fmt.Errorf("advised by person %d: %w", personID, err)
	}
	return reqs, nil
}

// advisedBy is AdvisedBy on q, with unwrapped errors.
func advisedBy(ctx context.Context, q querier, personID int64) ([]model.Requirement, error) {
	return queryRequirements(ctx, q, `WHERE r.id IN (SELECT requirement_id FROM requirement_advisor
		WHERE person_id = ?) AND r.role_id IN (SELECT id FROM role WHERE archived_at IS NULL)`, personID)
}
