package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"rapport/model"
)

// The career plan: target roles, what each requires (with the people best
// placed to advise on it), and the actions toward each requirement.

const roleColumns = `id, title, horizon, target_date, why, focus, archived_at, created_at, updated_at`

func roleFields(r *model.Role) []any {
	return []any{&r.ID, &r.Title, &r.Horizon, timeField{&r.TargetDate}, &r.Why, &r.Focus,
		timeField{&r.ArchivedAt}, timeField{&r.CreatedAt}, timeField{&r.UpdatedAt}}
}

// CreateRole validates r and adds it, setting its ID and timestamps. When r
// is the focus, the role that was the focus before stops being it.
func (s *Store) CreateRole(ctx context.Context, r *model.Role) error {
	r.TargetDate = model.Day(r.TargetDate)
	if err := r.Validate(); err != nil {
		return err
	}
	r.CreatedAt, r.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if r.Focus {
			if err := clearFocus(ctx, tx, r.ID, r.UpdatedAt); err != nil {
				return fmt.Errorf("add role: %w", err)
			}
		}
		return insertRole(ctx, tx, r)
	})
}

// insertRole writes r, with its own ID when it has one.
func insertRole(ctx context.Context, tx *sql.Tx, r *model.Role) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO role (`+roleColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(r.ID), r.Title, r.Horizon, day(r.TargetDate), r.Why, r.Focus, instant(r.ArchivedAt),
		instant(r.CreatedAt), instant(r.UpdatedAt))
	if err != nil {
		return fmt.Errorf("add role: %w", err)
	}
	r.ID, err = res.LastInsertId()
	return err
}

// clearFocus makes every role but the one with ID keep stop being the
// focus, setting their UpdatedAt to at.
func clearFocus(ctx context.Context, tx *sql.Tx, keep int64, at time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE role SET focus = 0, updated_at = ? WHERE focus = 1 AND id <> ?`,
		instant(at), keep)
	if err != nil {
		return fmt.Errorf("clear focus: %w", err)
	}
	return nil
}

// UpdateRole validates r and saves every field of it but its creation time,
// setting UpdatedAt. Archiving is saving it with ArchivedAt set. When r is
// the focus, the role that was the focus before stops being it.
func (s *Store) UpdateRole(ctx context.Context, r *model.Role) error {
	r.TargetDate = model.Day(r.TargetDate)
	if err := r.Validate(); err != nil {
		return err
	}
	r.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if r.Focus {
			if err := clearFocus(ctx, tx, r.ID, r.UpdatedAt); err != nil {
				return fmt.Errorf("save role: %w", err)
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE role SET title = ?, horizon = ?, target_date = ?, why = ?,
			focus = ?, archived_at = ?, updated_at = ? WHERE id = ?`,
			r.Title, r.Horizon, day(r.TargetDate), r.Why, r.Focus, instant(r.ArchivedAt),
			instant(r.UpdatedAt), r.ID)
		if err != nil {
			return fmt.Errorf("save role: %w", err)
		}
		return checkAffected(res, "role", r.ID)
	})
}

// SetFocusRole makes the role with the given ID the one the user is working
// toward now, and the one that was before no longer.
func (s *Store) SetFocusRole(ctx context.Context, id int64) error {
	now := s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := clearFocus(ctx, tx, id, now); err != nil {
			return fmt.Errorf("set focus role: %w", err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE role SET focus = 1, updated_at = ? WHERE id = ?`, instant(now), id)
		if err != nil {
			return fmt.Errorf("set focus role: %w", err)
		}
		return checkAffected(res, "role", id)
	})
}

// Role returns the role with the given ID, archived or not.
func (s *Store) Role(ctx context.Context, id int64) (model.Role, error) {
	return roleByID(ctx, s.db, id)
}

// roleByID is Role on q.
func roleByID(ctx context.Context, q querier, id int64) (model.Role, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+roleColumns+` FROM role WHERE id = ?`, id)
	if err != nil {
		return model.Role{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return model.Role{}, err
		}
		return model.Role{}, fmt.Errorf("role %d: %w", id, ErrNotFound)
	}
	var r model.Role
	if err := rows.Scan(roleFields(&r)...); err != nil {
		return model.Role{}, err
	}
	return r, rows.Err()
}

// Roles lists the active roles, or with archived set the archived ones: the
// focus first, then the next role before the one after, then by target date
// (undated last).
func (s *Store) Roles(ctx context.Context, archived bool) ([]model.Role, error) {
	return queryRoles(ctx, s.db, archived)
}

// queryRoles is Roles through q.
func queryRoles(ctx context.Context, q querier, archived bool) ([]model.Role, error) {
	where := "archived_at IS NULL"
	if archived {
		where = "archived_at IS NOT NULL"
	}
	rows, err := q.QueryContext(ctx, `SELECT `+roleColumns+` FROM role WHERE `+where+`
		ORDER BY focus DESC, horizon <> 'next', target_date IS NULL, target_date, id`)
	if err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	defer rows.Close()
	var out []model.Role
	for rows.Next() {
		var r model.Role
		if err := rows.Scan(roleFields(&r)...); err != nil {
			return nil, fmt.Errorf("list roles: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	return out, nil
}

// normalizeAdvisors sorts r's advisors and drops repeats; none is nil.
func normalizeAdvisors(r *model.Requirement) {
	slices.Sort(r.AdvisorIDs)
	r.AdvisorIDs = slices.Compact(r.AdvisorIDs)
	if len(r.AdvisorIDs) == 0 {
		r.AdvisorIDs = nil
	}
}

// CreateRequirement validates r and adds it with its advisors, setting its
// ID and timestamps, and records its current level in its level history
// (see LevelHistory). AdvisorIDs is sorted and rid of repeats.
func (s *Store) CreateRequirement(ctx context.Context, r *model.Requirement) error {
	if err := r.Validate(); err != nil {
		return err
	}
	r.CreatedAt, r.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertRequirement(ctx, tx, r) })
}

// insertRequirement writes r and its advisors, with its own ID when it has
// one, and records its current level as of its creation.
func insertRequirement(ctx context.Context, tx *sql.Tx, r *model.Requirement) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO requirement (id, role_id, kind, title, target_level,
		current_level, manager_level, importance, evidence, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(r.ID), r.RoleID, r.Kind, r.Title, r.TargetLevel, r.CurrentLevel, r.ManagerLevel,
		r.Importance, r.Evidence, instant(r.CreatedAt), instant(r.UpdatedAt))
	if err != nil {
		return missingRef("add requirement", "a role", err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := insertLevel(ctx, tx, r.ID, r.CurrentLevel, r.CreatedAt); err != nil {
		return fmt.Errorf("add requirement: %w", err)
	}
	return insertAdvisors(ctx, tx, r)
}

// insertLevel records that the user's current level of a requirement was
// level at the given moment.
func insertLevel(ctx context.Context, tx *sql.Tx, requirementID int64, level int, at time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO requirement_level (requirement_id, level, at)
		VALUES (?, ?, ?)`, requirementID, level, instant(at))
	if err != nil {
		return fmt.Errorf("record level: %w", err)
	}
	return nil
}

// insertAdvisors writes r's advisors, sorting them and dropping repeats.
func insertAdvisors(ctx context.Context, tx *sql.Tx, r *model.Requirement) error {
	normalizeAdvisors(r)
	for _, pid := range r.AdvisorIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO requirement_advisor (requirement_id, person_id)
			VALUES (?, ?)`, r.ID, pid); err != nil {
			return missingRef(fmt.Sprintf("add advisor %d to requirement", pid), "a person", err)
		}
	}
	return nil
}

// UpdateRequirement validates r and saves it, replacing its advisors with
// AdvisorIDs (sorted and rid of repeats) and setting UpdatedAt. When the
// current level changed it records the new one in the level history.
func (s *Store) UpdateRequirement(ctx context.Context, r *model.Requirement) error {
	if err := r.Validate(); err != nil {
		return err
	}
	r.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var stored int
		err := tx.QueryRowContext(ctx, `SELECT current_level FROM requirement WHERE id = ?`, r.ID).Scan(&stored)
		if err != nil {
			return fmt.Errorf("save requirement: %w", notFound(err, "requirement", r.ID))
		}
		res, err := tx.ExecContext(ctx, `UPDATE requirement SET role_id = ?, kind = ?, title = ?,
			target_level = ?, current_level = ?, manager_level = ?, importance = ?, evidence = ?,
			updated_at = ? WHERE id = ?`,
			r.RoleID, r.Kind, r.Title, r.TargetLevel, r.CurrentLevel, r.ManagerLevel, r.Importance,
			r.Evidence, instant(r.UpdatedAt), r.ID)
		if err != nil {
			return missingRef("save requirement", "a role", err)
		}
		if err := checkAffected(res, "requirement", r.ID); err != nil {
			return err
		}
		if stored != r.CurrentLevel {
			if err := insertLevel(ctx, tx, r.ID, r.CurrentLevel, r.UpdatedAt); err != nil {
				return fmt.Errorf("save requirement: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM requirement_advisor WHERE requirement_id = ?`, r.ID); err != nil {
			return fmt.Errorf("save requirement: %w", err)
		}
		return insertAdvisors(ctx, tx, r)
	})
}

// Requirement returns the requirement with the given ID, with its advisors.
func (s *Store) Requirement(ctx context.Context, id int64) (model.Requirement, error) {
	list, err := queryRequirements(ctx, s.db, `WHERE r.id = ?`, id)
	if err != nil {
		return model.Requirement{}, err
	}
	if len(list) == 0 {
		return model.Requirement{}, fmt.Errorf("requirement %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

// Requirements returns what a role requires, with the advisors of each,
// ordered by ID.
func (s *Store) Requirements(ctx context.Context, roleID int64) ([]model.Requirement, error) {
	return queryRequirements(ctx, s.db, `WHERE r.role_id = ?`, roleID)
}

// queryRequirements reads the requirements matching where, with their
// advisors, ordered by ID.
func queryRequirements(ctx context.Context, q querier, where string, args ...any) ([]model.Requirement, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.role_id, r.kind, r.title, r.target_level,
		r.current_level, r.manager_level, r.importance, r.evidence, r.created_at, r.updated_at,
		(SELECT group_concat(person_id) FROM (SELECT person_id FROM requirement_advisor
		WHERE requirement_id = r.id ORDER BY person_id))
		FROM requirement r `+where+` ORDER BY r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list requirements: %w", err)
	}
	defer rows.Close()
	var out []model.Requirement
	for rows.Next() {
		var r model.Requirement
		var advisors sql.NullString
		if err := rows.Scan(&r.ID, &r.RoleID, &r.Kind, &r.Title, &r.TargetLevel, &r.CurrentLevel,
			&r.ManagerLevel, &r.Importance, &r.Evidence, timeField{&r.CreatedAt}, timeField{&r.UpdatedAt},
			&advisors); err != nil {
			return nil, fmt.Errorf("list requirements: %w", err)
		}
		if r.AdvisorIDs, err = parseIDs(advisors.String); err != nil {
			return nil, fmt.Errorf("list requirements: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list requirements: %w", err)
	}
	return out, nil
}

// DeleteRequirement removes a requirement with its advisors and actions.
func (s *Store) DeleteRequirement(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM requirement WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete requirement: %w", err)
		}
		return checkAffected(res, "requirement", id)
	})
}

const actionColumns = `id, requirement_id, kind, title, due_on, status, done_on, notes, evidence,
	created_at, updated_at`

func actionFields(a *model.Action) []any {
	return []any{&a.ID, &a.RequirementID, &a.Kind, &a.Title, timeField{&a.DueOn}, &a.Status,
		timeField{&a.DoneOn}, &a.Notes, &a.Evidence, timeField{&a.CreatedAt}, timeField{&a.UpdatedAt}}
}

// CreateAction validates a and adds it, setting its ID and timestamps. Its
// dates are reduced to calendar days (see model.Day).
func (s *Store) CreateAction(ctx context.Context, a *model.Action) error {
	a.DueOn, a.DoneOn = model.Day(a.DueOn), model.Day(a.DoneOn)
	if err := a.Validate(); err != nil {
		return err
	}
	a.CreatedAt, a.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertAction(ctx, tx, a) })
}

// insertAction writes a, with its own ID when it has one.
func insertAction(ctx context.Context, tx *sql.Tx, a *model.Action) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO action (`+actionColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(a.ID), a.RequirementID, a.Kind, a.Title, day(a.DueOn), a.Status, day(a.DoneOn), a.Notes,
		a.Evidence, instant(a.CreatedAt), instant(a.UpdatedAt))
	if err != nil {
		return missingRef("add action", "a requirement", err)
	}
	a.ID, err = res.LastInsertId()
	return err
}

// UpdateAction validates a and saves every field of it but its creation
// time, setting UpdatedAt.
func (s *Store) UpdateAction(ctx context.Context, a *model.Action) error {
	a.DueOn, a.DoneOn = model.Day(a.DueOn), model.Day(a.DoneOn)
	if err := a.Validate(); err != nil {
		return err
	}
	a.UpdatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE action SET requirement_id = ?, kind = ?, title = ?,
			due_on = ?, status = ?, done_on = ?, notes = ?, evidence = ?, updated_at = ? WHERE id = ?`,
			a.RequirementID, a.Kind, a.Title, day(a.DueOn), a.Status, day(a.DoneOn), a.Notes,
			a.Evidence, instant(a.UpdatedAt), a.ID)
		if err != nil {
			return missingRef("save action", "a requirement", err)
		}
		return checkAffected(res, "action", a.ID)
	})
}

// Action returns the action with the given ID.
func (s *Store) Action(ctx context.Context, id int64) (model.Action, error) {
	var a model.Action
	err := s.db.QueryRowContext(ctx, `SELECT `+actionColumns+` FROM action WHERE id = ?`, id).
		Scan(actionFields(&a)...)
	return a, notFound(err, "action", id)
}

// Actions returns the actions toward a requirement, ordered by ID.
func (s *Store) Actions(ctx context.Context, requirementID int64) ([]model.Action, error) {
	return queryActions(ctx, s.db, `WHERE requirement_id = ?`, requirementID)
}

// queryActions reads the actions matching where, ordered by ID.
func queryActions(ctx context.Context, q querier, where string, args ...any) ([]model.Action, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+actionColumns+` FROM action `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list actions: %w", err)
	}
	defer rows.Close()
	var out []model.Action
	for rows.Next() {
		var a model.Action
		if err := rows.Scan(actionFields(&a)...); err != nil {
			return nil, fmt.Errorf("list actions: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list actions: %w", err)
	}
	return out, nil
}

// DeleteAction removes an action.
func (s *Store) DeleteAction(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM action WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete action: %w", err)
		}
		return checkAffected(res, "action", id)
	})
}
