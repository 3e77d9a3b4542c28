package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"rapport/model"
)

// The fake's thanks, praise, opportunities and weekly review, read from
// what it holds with the real store's rules.

func (m *memStore) Thanks(context.Context) ([]model.ThanksRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.ThanksRecord
	for _, i := range m.interactions {
		if i.Kind != model.KindThanksPrivate && i.Kind != model.KindThanksPublic {
			continue
		}
		for _, id := range i.PersonIDs {
			out = append(out, model.ThanksRecord{PersonID: id, At: i.At, Public: i.Kind == model.KindThanksPublic})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].At.Before(out[b].At) })
	return out, nil
}

func (m *memStore) PraiseFacts(_ context.Context, ids []int64, since time.Time) ([]model.PraiseFacts, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.PraiseFacts
	for _, id := range ids {
		p, ok := m.people[id]
		if !ok {
			continue
		}
		f := model.PraiseFacts{Person: p}
		for k := len(m.interactions) - 1; k >= 0; k-- {
			i := m.interactions[k]
			if i.Kind == model.PraiseHelpKind && slices.Contains(i.PersonIDs, id) && !i.At.Before(since) {
				f.Helped = append(f.Helped, i.Title())
			}
		}
		for k := len(m.promises) - 1; k >= 0; k-- {
			pr := m.promises[k]
			if pr.PersonID == id && pr.Direction == model.DirectionTheirs &&
				(pr.Status == model.PromiseKept || pr.Status == model.PromiseKeptLate) && !pr.ResolvedOn.Before(model.Day(since)) {
				f.Kept = append(f.Kept, pr.What)
			}
		}
		out = append(out, f)
	}
	return out, nil
}

func (m *memStore) Opportunities(context.Context) ([]model.Opportunity, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := slices.Clone(m.opportunities)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Date.After(out[b].Date) })
	return out, nil
}

func (m *memStore) CreateOpportunity(_ context.Context, o *model.Opportunity) error {
	if err := o.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextID++
	o.ID = m.nextID
	o.CreatedAt, o.UpdatedAt = m.now(), m.now()
	m.opportunities = append(m.opportunities, *o)
	return nil
}

func (m *memStore) UpdateOpportunity(_ context.Context, o *model.Opportunity) error {
	if err := o.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.opportunities {
		if m.opportunities[k].ID == o.ID {
			o.UpdatedAt = m.now()
			m.opportunities[k] = *o
			return nil
		}
	}
	return fmt.Errorf("opportunity %d: not found", o.ID)
}

func (m *memStore) LastReview(context.Context) (time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lastReview, nil
}

func (m *memStore) MarkReviewed(_ context.Context, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastReview = at
	return nil
}

// CreditPage is the Give credit screen's read, from People, Thanks and
// Opportunities.
func (m *memStore) CreditPage(ctx context.Context) (model.CreditPage, error) {
	people, err := m.People(ctx, false)
	if err != nil {
		return model.CreditPage{}, err
	}
	thanks, _ := m.Thanks(ctx)
	opps, _ := m.Opportunities(ctx)
	return model.CreditPage{People: people, Thanks: thanks, Opportunities: opps}, nil
}

// WeeklyReview is not in the fake: the review's tests run on the real
// store.
func (m *memStore) WeeklyReview(context.Context, time.Time) (model.WeeklyReview, error) {
	return model.WeeklyReview{}, fmt.Errorf("weekly review: not in memStore, use storetest")
}
