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
	mu            sync.Mutex
	now           func() time.Time
	people        map[int64]model.Person
	interactions  []model.Interaction
	promises      []model.Promise
	changes       []model.PromiseChange
	ties          []model.Tie
	meetings      []model.Meeting
	roles         []model.Role
	requirements  []model.Requirement
	actions       []model.Action
	levels        []model.LevelChange
	panel         []model.PanelMember
	disclosures   []model.Disclosure
	knowerReads   int // calls of SensitiveKnowers
	opportunities []model.Opportunity
	lastReview    time.Time
	settings      model.Settings
	nextID        int64
	sampleLoads   int
	sample        []model.Person // what LoadSample adds
}

func newMemStore(now func() time.Time) *memStore {
	return &memStore{now: now, people: map[int64]model.Person{}, settings: model.DefaultSettings()}
}

var _ Store = (*memStore)(nil)

func (m *memStore) AnyPerson(context.Context) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.people) > 0, nil
}

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

func (m *memStore) Promises(context.Context) ([]model.Promise, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.promises), nil
}

func (m *memStore) PromisesFor(_ context.Context, personID int64) ([]model.Promise, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Promise
	for _, p := range m.promises {
		if p.PersonID == personID {
			out = append(out, p)
		}
	}
	return out, nil
}

func (m *memStore) CreatePromise(_ context.Context, p *model.Promise) error {
	p.MadeOn, p.DueOn, p.ResolvedOn = model.Day(p.MadeOn), model.Day(p.DueOn), model.Day(p.ResolvedOn)
	if err := p.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.people[p.PersonID]; !ok {
		return fmt.Errorf("person %d: not found", p.PersonID)
	}
	m.nextID++
	p.ID = m.nextID
	m.promises = append(m.promises, *p)
	return nil
}

func (m *memStore) UpdatePromise(_ context.Context, p *model.Promise) error {
	if err := p.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, old := range m.promises {
		if old.ID == p.ID {
			if old.Status != p.Status || !old.DueOn.Equal(p.DueOn) {
				m.changes = append(m.changes, model.PromiseChange{PromiseID: p.ID, At: m.now(),
					FromStatus: old.Status, ToStatus: p.Status, OldDueOn: old.DueOn, NewDueOn: p.DueOn})
			}
			m.promises[k] = *p
			return nil
		}
	}
	return fmt.Errorf("promise %d: not found", p.ID)
}

func (m *memStore) PromiseHistory(_ context.Context, id int64) ([]model.PromiseChange, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.PromiseChange
	for _, c := range m.changes {
		if c.PromiseID == id {
			out = append(out, c)
		}
	}
	return out, nil
}

// Today builds the report from the model's rules over what the fake holds,
// without the real store's folding and indexes.
func (m *memStore) Today(_ context.Context, now time.Time) (model.Today, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := model.Today{Now: now, People: map[int64]model.Person{}, LastReview: m.lastReview}
	for id, p := range m.people {
		t.People[id] = p
	}
	dueBy := model.Day(now).AddDate(0, 0, model.DueSoonDays)
	mineDue := map[int64]int{}
	for _, p := range m.promises {
		if p.Direction == model.DirectionMine {
			t.FollowThrough.Add(p.Status)
		}
		if p.Status.Pending() && !p.DueOn.IsZero() && !p.DueOn.After(dueBy) {
			t.Due = append(t.Due, p)
			if p.Direction == model.DirectionMine {
				mineDue[p.PersonID]++
			}
		}
	}
	sort.SliceStable(t.Due, func(a, b int) bool { return t.Due[a].DueOn.Before(t.Due[b].DueOn) })
	var inputs []model.ReachOutInput
	var risks []model.RiskInput
	for _, p := range m.people {
		if p.Archived() {
			continue
		}
		var credits []model.Credit
		var last time.Time
		var kind model.InteractionKind
		for _, i := range m.interactions {
			if slices.Contains(i.PersonIDs, p.ID) {
				credits = append(credits, model.DefaultCredits.ForInteraction(i.Kind, i.At))
				if !i.At.After(now) && i.At.After(last) {
					last, kind = i.At, i.Kind
				}
			}
		}
		bal := model.DefaultCredits.Balance(credits, now)
		inputs = append(inputs, model.ReachOutInput{Person: p, Balance: bal, LastContact: last,
			LastKind: kind, MineDue: mineDue[p.ID]})
		risks = append(risks, model.RiskInput{Person: p, LastContact: last,
			Warmth: model.DefaultCredits.Warmth(bal, last, p.CadenceDays, now)})
	}
	sort.Slice(inputs, func(a, b int) bool { return inputs[a].Person.ID < inputs[b].Person.ID })
	sort.Slice(risks, func(a, b int) bool { return risks[a].Person.ID < risks[b].Person.ID })
	t.ReachOuts = model.DefaultCredits.RankReachOuts(inputs, now, model.TodayReachOuts)
	for _, mt := range m.meetings {
		mt.Start = mt.NextOccurrence(now, now.Location()) // as the store lists repeating ones
		switch {
		case mt.Status != model.MeetingPlanned:
		case mt.End().After(now) && mt.Start.Before(now.AddDate(0, 0, model.MeetingsAheadDays)):
			t.Upcoming = append(t.Upcoming, mt)
		case !mt.End().After(now) && mt.Recurrence == model.RecurrenceNone && mt.OutcomeID == 0:
			t.Unlogged = append(t.Unlogged, mt)
		}
	}
	t.Risks = model.NetworkRisks(risks, now)
	return t, nil
}

// Network builds the map's data from the model's rules over what the fake
// holds.
func (m *memStore) Network(_ context.Context, now time.Time) (model.Network, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := model.Network{Now: now, Ties: slices.Clone(m.ties)}
	for _, p := range m.people {
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
		bal := model.DefaultCredits.Balance(credits, now)
		p.Notes, p.WorkingOn, p.Needs = "", "", ""
		n.People = append(n.People, model.NetworkPerson{Person: p, Balance: bal, LastContact: last,
			Warmth:  model.DefaultCredits.Warmth(bal, last, p.CadenceDays, now),
			Overdue: model.ContactOverdue(p.CadenceDays, last, now)})
	}
	sort.Slice(n.People, func(a, b int) bool { return n.People[a].Person.ID < n.People[b].Person.ID })
	return n, nil
}

func (m *memStore) TiesOf(_ context.Context, personID int64) ([]model.Tie, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Tie
	for _, t := range m.ties {
		if t.FromID == personID || t.ToID == personID {
			out = append(out, t)
		}
	}
	return out, nil
}

func (m *memStore) CreateTie(_ context.Context, t *model.Tie) error {
	if err := t.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range []int64{t.FromID, t.ToID} {
		if _, ok := m.people[id]; !ok {
			return fmt.Errorf("no person %d", id)
		}
	}
	// Like the real store, refuse a repeat; a tie of a mutual kind (close
	// to, at odds with) repeats one the other way round too.
	mutual := t.Kind.Mutual()
	for _, o := range m.ties {
		same := o.FromID == t.FromID && o.ToID == t.ToID
		reverse := mutual && o.FromID == t.ToID && o.ToID == t.FromID
		if o.Kind == t.Kind && (same || reverse) {
			return fmt.Errorf("add tie: person %d %s person %d: already exists", t.FromID, t.Kind.Label(), t.ToID)
		}
	}
	m.nextID++
	t.ID = m.nextID
	t.CreatedAt, t.UpdatedAt = m.now(), m.now()
	m.ties = append(m.ties, *t)
	return nil
}

func (m *memStore) DeleteTie(_ context.Context, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, t := range m.ties {
		if t.ID == id {
			m.ties = slices.Delete(m.ties, i, i+1)
			return nil
		}
	}
	return fmt.Errorf("no tie %d", id)
}
