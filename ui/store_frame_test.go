package ui

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"rapport/model"
)

// The fake's private log of what the user shared (the frame), with the
// real store's rules: days reduced to calendar days, the newest first, an
// entry put back under its own ID, and whether a person sits on a panel.

func (m *memStore) DisclosuresFor(_ context.Context, personID int64) ([]model.Disclosure, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Disclosure
	for _, d := range m.disclosures {
		if d.PersonID == personID {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Disclosure) int {
		return cmp.Or(b.SharedOn.Compare(a.SharedOn), cmp.Compare(b.ID, a.ID))
	})
	return out, nil
}

func (m *memStore) CreateDisclosure(_ context.Context, d *model.Disclosure) error {
	d.SharedOn = model.Day(d.SharedOn)
	if err := d.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.people[d.PersonID]; !ok {
		return fmt.Errorf("add disclosure: person %d: not found", d.PersonID)
	}
	if d.ID == 0 {
		m.nextID++
		d.ID = m.nextID
	} else if slices.ContainsFunc(m.disclosures, func(o model.Disclosure) bool { return o.ID == d.ID }) {
		return fmt.Errorf("add disclosure: %d already exists", d.ID)
	}
	d.CreatedAt, d.UpdatedAt = m.now(), m.now()
	m.disclosures = append(m.disclosures, *d)
	return nil
}

func (m *memStore) UpdateDisclosure(_ context.Context, d *model.Disclosure) error {
	d.SharedOn = model.Day(d.SharedOn)
	if err := d.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.disclosures {
		if m.disclosures[k].ID == d.ID {
			d.CreatedAt, d.UpdatedAt = m.disclosures[k].CreatedAt, m.now()
			m.disclosures[k] = *d
			return nil
		}
	}
	return fmt.Errorf("disclosure %d: not found", d.ID)
}

func (m *memStore) DeleteDisclosure(_ context.Context, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := len(m.disclosures)
	m.disclosures = slices.DeleteFunc(m.disclosures, func(d model.Disclosure) bool { return d.ID == id })
	if len(m.disclosures) == n {
		return fmt.Errorf("disclosure %d: not found", id)
	}
	return nil
}

// OnPanel reports whether the person sits on the panel of a role the user
// is still working toward (one not archived).
func (m *memStore) OnPanel(_ context.Context, personID int64) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, pm := range m.panel {
		if pm.PersonID != personID {
			continue
		}
		for _, r := range m.roles {
			if r.ID == pm.RoleID && r.ArchivedAt.IsZero() {
				return true, nil
			}
		}
	}
	return false, nil
}

// SensitiveKnowers is every active person (not in the trash) the user
// shared something of high sensitivity with.
func (m *memStore) SensitiveKnowers(context.Context) (map[int64]bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.knowerReads++
	out := map[int64]bool{}
	for _, d := range m.disclosures {
		if d.Sensitivity == model.SensitivityHigh && !m.people[d.PersonID].Archived() {
			out[d.PersonID] = true
		}
	}
	return out, nil
}
