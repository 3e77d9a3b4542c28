package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"rapport/model"
)

// memStore is an in-memory Store for screen tests. It validates like the
// real store, so forms meet the same errors; the real store has its own
// tests against SQLite in package storage.
type memStore struct {
	mu           sync.Mutex
	now          func() time.Time
	people       map[int64]model.Person
	interactions []model.Interaction
	nextID       int64
	sampleLoads  int
	sample       []model.Person // what LoadSample adds
}

func newMemStore(now func() time.Time) *memStore {
	return &memStore{now: now, people: map[int64]model.Person{}}
}

var _ Store = (*memStore)(nil)

func (m *memStore) People(_ context.Context, archived bool) ([]model.PersonSummary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.PersonSummary
	for _, p := range m.people {
		if p.Archived() != archived {
			continue
		}
		ps := model.PersonSummary{Person: p}
		for _, i := range m.interactions {
			if slices.Contains(i.PersonIDs, p.ID) && !i.At.After(m.now()) && i.At.After(ps.LastContact) {
				ps.LastContact = i.At
			}
		}
		out = append(out, ps)
	}
	sort.Slice(out, func(a, b int) bool { return strings.ToLower(out[a].Name) < strings.ToLower(out[b].Name) })
	return out, nil
}

func (m *memStore) Person(_ context.Context, id int64) (model.Person, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.people[id]
	if !ok {
		return p, fmt.Errorf("person %d: not found", id)
	}
	return p, nil
}

func (m *memStore) CreatePerson(_ context.Context, p *model.Person) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	p.ID = m.nextID
	p.CreatedAt, p.UpdatedAt = m.now(), m.now()
	m.people[p.ID] = *p
	return nil
}

func (m *memStore) UpdatePerson(_ context.Context, p *model.Person) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	old, ok := m.people[p.ID]
	if !ok {
		return fmt.Errorf("person %d: not found", p.ID)
	}
	p.ArchivedAt, p.CreatedAt, p.UpdatedAt = old.ArchivedAt, old.CreatedAt, m.now()
	m.people[p.ID] = *p
	return nil
}

func (m *memStore) setArchived(id int64, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.people[id]
	if !ok {
		return fmt.Errorf("person %d: not found", id)
	}
	p.ArchivedAt = at
	m.people[id] = p
	return nil
}

func (m *memStore) ArchivePerson(_ context.Context, id int64) error {
	return m.setArchived(id, m.now())
}

func (m *memStore) RestorePerson(_ context.Context, id int64) error {
	return m.setArchived(id, time.Time{})
}

func (m *memStore) EmptyTrash(context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for id, p := range m.people {
		if p.Archived() {
			delete(m.people, id)
			n++
		}
	}
	return n, nil
}

func (m *memStore) CreateInteraction(_ context.Context, i *model.Interaction) error {
	if err := i.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range i.PersonIDs {
		if _, ok := m.people[id]; !ok {
			return fmt.Errorf("person %d: not found", id)
		}
	}
	m.nextID++
	i.ID = m.nextID
	m.interactions = append(m.interactions, *i)
	return nil
}

func (m *memStore) InteractionsWith(_ context.Context, personID int64, limit int) ([]model.Interaction, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Interaction
	for _, i := range m.interactions {
		if slices.Contains(i.PersonIDs, personID) {
			out = append(out, i)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].At.After(out[b].At) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (m *memStore) LoadSample(ctx context.Context) error {
	m.sampleLoads++
	for _, p := range m.sample {
		if err := m.CreatePerson(ctx, &p); err != nil {
			return err
		}
	}
	return nil
}

// count returns how many people the store holds, archived or not.
func (m *memStore) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.people)
}
