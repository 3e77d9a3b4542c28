package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"rapport/model"
)

// The fake's career plan: roles, requirements with their level history,
// actions and panels, with the real store's rules where screens rely on
// them (one focus, history on a change of level).

func (m *memStore) Roles(_ context.Context, archived bool) ([]model.Role, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Role
	for _, r := range m.roles {
		if r.ArchivedAt.IsZero() != archived {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Focus && !out[b].Focus })
	return out, nil
}

func (m *memStore) RoleList(ctx context.Context, archived bool) (model.RoleList, error) {
	roles, _ := m.Roles(ctx, archived)
	l := model.RoleList{Roles: roles, Gaps: map[int64]int{}}
	for _, r := range roles {
		reqs, _ := m.Requirements(ctx, r.ID)
		for _, q := range reqs {
			if q.WeightedGap() > 0 {
				l.Gaps[r.ID] += q.WeightedGap()
			}
		}
	}
	return l, nil
}

func (m *memStore) Role(_ context.Context, id int64) (model.Role, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range m.roles {
		if r.ID == id {
			return r, nil
		}
	}
	return model.Role{}, fmt.Errorf("role %d: not found", id)
}

func (m *memStore) CreateRole(_ context.Context, r *model.Role) error {
	if err := r.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	r.ID = m.nextID
	r.CreatedAt, r.UpdatedAt = m.now(), m.now()
	m.clearFocus(r)
	m.roles = append(m.roles, *r)
	return nil
}

// clearFocus takes the focus from every other role when r has it.
func (m *memStore) clearFocus(r *model.Role) {
	if !r.Focus {
		return
	}
	for k := range m.roles {
		if m.roles[k].ID != r.ID {
			m.roles[k].Focus = false
		}
	}
}

func (m *memStore) UpdateRole(_ context.Context, r *model.Role) error {
	if err := r.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.roles {
		if m.roles[k].ID == r.ID {
			r.UpdatedAt = m.now()
			m.clearFocus(r)
			m.roles[k] = *r
			return nil
		}
	}
	return fmt.Errorf("role %d: not found", r.ID)
}

func (m *memStore) SetFocusRole(ctx context.Context, id int64) error {
	r, err := m.Role(ctx, id)
	if err != nil {
		return err
	}
	r.Focus = true
	return m.UpdateRole(ctx, &r)
}

func (m *memStore) Requirements(_ context.Context, roleID int64) ([]model.Requirement, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Requirement
	for _, r := range m.requirements {
		if r.RoleID == roleID {
			out = append(out, r)
		}
	}
	return out, nil
}

func (m *memStore) CreateRequirement(_ context.Context, r *model.Requirement) error {
	if err := r.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	r.ID = m.nextID
	r.CreatedAt, r.UpdatedAt = m.now(), m.now()
	m.requirements = append(m.requirements, *r)
	m.levels = append(m.levels, model.LevelChange{RequirementID: r.ID, Level: r.CurrentLevel, At: m.now()})
	return nil
}

func (m *memStore) UpdateRequirement(_ context.Context, r *model.Requirement) error {
	if err := r.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, old := range m.requirements {
		if old.ID != r.ID {
			continue
		}
		if old.CurrentLevel != r.CurrentLevel {
			m.levels = append(m.levels, model.LevelChange{RequirementID: r.ID, Level: r.CurrentLevel, At: m.now()})
		}
		r.UpdatedAt = m.now()
		m.requirements[k] = *r
		return nil
	}
	return fmt.Errorf("requirement %d: not found", r.ID)
}

func (m *memStore) Actions(_ context.Context, requirementID int64) ([]model.Action, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Action
	for _, a := range m.actions {
		if a.RequirementID == requirementID {
			out = append(out, a)
		}
	}
	return out, nil
}

func (m *memStore) CreateAction(_ context.Context, a *model.Action) error {
	if err := a.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	a.ID = m.nextID
	m.actions = append(m.actions, *a)
	return nil
}

func (m *memStore) UpdateAction(_ context.Context, a *model.Action) error {
	if err := a.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.actions {
		if m.actions[k].ID == a.ID {
			m.actions[k] = *a
			return nil
		}
	}
	return fmt.Errorf("action %d: not found", a.ID)
}

func (m *memStore) LevelHistory(ctx context.Context, roleID int64) ([]model.LevelChange, error) {
	reqs, _ := m.Requirements(ctx, roleID)
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.LevelChange
	for _, c := range m.levels {
		if slices.ContainsFunc(reqs, func(r model.Requirement) bool { return r.ID == c.RequirementID }) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (m *memStore) PanelMembers(_ context.Context, roleID int64) ([]model.PanelMember, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.PanelMember
	for _, pm := range m.panel {
		if pm.RoleID == roleID {
			out = append(out, pm)
		}
	}
	return out, nil
}

func (m *memStore) SetPanelMember(_ context.Context, pm model.PanelMember) error {
	if !pm.Part.Valid() {
		return fmt.Errorf("panel member: part %q is not one of the parts", pm.Part)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.panel {
		if m.panel[k].RoleID == pm.RoleID && m.panel[k].PersonID == pm.PersonID {
			m.panel[k] = pm
			return nil
		}
	}
	m.panel = append(m.panel, pm)
	return nil
}

func (m *memStore) RemovePanelMember(_ context.Context, roleID, personID int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := len(m.panel)
	m.panel = slices.DeleteFunc(m.panel, func(pm model.PanelMember) bool { return pm.RoleID == roleID && pm.PersonID == personID })
	if len(m.panel) == n {
		return fmt.Errorf("panel member %d of role %d: not found", personID, roleID)
	}
	return nil
}

// Panel assesses the members with warmth from the model's rules over the
// fake's interactions.
func (m *memStore) Panel(ctx context.Context, roleID int64, now time.Time) (model.PanelReadiness, error) {
	members, _ := m.PanelMembers(ctx, roleID)
	var in []model.PanelInput
	for _, pm := range members {
		p, err := m.Person(ctx, pm.PersonID)
		if err != nil || p.Archived() {
			continue
		}
		m.mu.Lock()
		var credits []model.Credit
		var last time.Time
		for _, i := range m.interactions {
			if slices.Contains(i.PersonIDs, p.ID) {
				credits = append(credits, model.DefaultCredits.ForInteraction(i.Kind, i.At))
				if !i.At.After(now) && i.At.After(last) {
					last = i.At
				}
			}
		}
		m.mu.Unlock()
		bal := model.DefaultCredits.Balance(credits, now)
		in = append(in, model.PanelInput{Person: p, Part: pm.Part, LastContact: last,
			Warmth: model.DefaultCredits.Warmth(bal, last, p.CadenceDays, now)})
	}
	return model.AssessPanel(in, now), nil
}

func (m *memStore) AdvisedBy(_ context.Context, personID int64) ([]model.Requirement, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Requirement
	for _, r := range m.requirements {
		if slices.Contains(r.AdvisorIDs, personID) {
			out = append(out, r)
		}
	}
	return out, nil
}
