package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"rapport/model"
)

// The fake's meetings, outcomes and settings: enough of the real store's
// rules (sequence on change, one outcome per one-off) for the screens.

func (m *memStore) Meetings(_ context.Context, from, to time.Time) ([]model.Meeting, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []model.Meeting
	for _, mt := range m.meetings {
		if (from.IsZero() || !mt.Start.Before(from)) && (to.IsZero() || mt.Start.Before(to)) {
			out = append(out, mt)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start.Before(out[b].Start) })
	return out, nil
}

func (m *memStore) Meeting(_ context.Context, id int64) (model.Meeting, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, mt := range m.meetings {
		if mt.ID == id {
			return mt, nil
		}
	}
	return model.Meeting{}, fmt.Errorf("meeting %d: not found", id)
}

func (m *memStore) MeetingsWith(ctx context.Context, personID int64) ([]model.Meeting, error) {
	all, _ := m.Meetings(ctx, time.Time{}, time.Time{})
	return slices.DeleteFunc(all, func(mt model.Meeting) bool { return mt.PersonID != personID }), nil
}

func (m *memStore) CreateMeeting(_ context.Context, mt *model.Meeting) error {
	if mt.Status == "" {
		mt.Status = model.MeetingPlanned
	}
	mt.Sequence = 0
	if err := mt.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.people[mt.PersonID]; !ok {
		return fmt.Errorf("person %d: not found", mt.PersonID)
	}
	m.nextID++
	mt.ID = m.nextID
	if mt.UID == "" {
		mt.UID = fmt.Sprintf("meeting-%d@rapport", mt.ID)
	}
	mt.CreatedAt, mt.UpdatedAt = m.now(), m.now()
	m.meetings = append(m.meetings, *mt)
	return nil
}

func (m *memStore) UpdateMeeting(_ context.Context, mt *model.Meeting) error {
	if err := mt.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, old := range m.meetings {
		if old.ID != mt.ID {
			continue
		}
		mt.UID, mt.Sequence = old.UID, old.Sequence
		if old.Kind != mt.Kind || !old.Start.Equal(mt.Start) || old.Duration != mt.Duration ||
			old.Location != mt.Location || old.Agenda != mt.Agenda || old.Recurrence != mt.Recurrence || old.Status != mt.Status {
			mt.Sequence++
		}
		mt.UpdatedAt = m.now()
		m.meetings[k] = *mt
		return nil
	}
	return fmt.Errorf("meeting %d: not found", mt.ID)
}

func (m *memStore) LogMeetingOutcome(ctx context.Context, id int64, o model.MeetingOutcome) (model.Interaction, error) {
	mt, err := m.Meeting(ctx, id)
	if err != nil {
		return model.Interaction{}, err
	}
	if mt.Status != model.MeetingPlanned || mt.Recurrence == model.RecurrenceNone && mt.OutcomeID != 0 {
		return model.Interaction{}, fmt.Errorf("meeting %d: outcome already logged or cancelled", id)
	}
	if err := o.Validate(); err != nil {
		return model.Interaction{}, err
	}
	p, err := m.Person(ctx, mt.PersonID)
	if err != nil {
		return model.Interaction{}, err
	}
	i := model.Interaction{Kind: mt.Kind.InteractionKind(), At: o.At, Summary: o.Summary, Notes: o.Notes,
		PersonIDs: []int64{p.ID}}
	if i.Summary == "" {
		i.Summary = mt.Kind.Label() + " with " + p.Name
	}
	if err := m.CreateInteraction(ctx, &i); err != nil {
		return model.Interaction{}, err
	}
	for _, pr := range o.Promises {
		pr.PersonID, pr.MeetingID, pr.InteractionID = p.ID, mt.ID, i.ID
		if pr.MadeOn.IsZero() {
			pr.MadeOn = model.Day(o.At)
		}
		if err := m.CreatePromise(ctx, &pr); err != nil {
			return model.Interaction{}, err
		}
	}
	p.WorkingOn, p.Needs, p.Stance = o.WorkingOn, o.Needs, o.Stance
	if err := m.UpdatePerson(ctx, &p); err != nil {
		return model.Interaction{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.meetings {
		if m.meetings[k].ID == id {
			m.meetings[k].OutcomeID = i.ID
			if mt.Recurrence == model.RecurrenceNone {
				m.meetings[k].Status = model.MeetingHeld
			}
		}
	}
	return i, nil
}

func (m *memStore) ImportInteractions(ctx context.Context, list []model.Interaction) (added, skipped int, err error) {
	for k := range list {
		if err := list[k].Validate(); err != nil {
			return 0, 0, fmt.Errorf("interaction %d: %w", k+1, err)
		}
	}
	for k := range list {
		dup := false
		m.mu.Lock()
		for _, old := range m.interactions {
			dup = dup || old.Kind == list[k].Kind && old.At.Equal(list[k].At) && slices.Equal(old.PersonIDs, list[k].PersonIDs)
		}
		m.mu.Unlock()
		if dup {
			skipped++
			continue
		}
		if err := m.CreateInteraction(ctx, &list[k]); err != nil {
			return 0, 0, err
		}
		added++
	}
	return added, skipped, nil
}

func (m *memStore) Settings(context.Context) (model.Settings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings, nil
}

func (m *memStore) SaveSettings(_ context.Context, s model.Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.settings = s
	return nil
}
