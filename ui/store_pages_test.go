package ui

import (
	"context"
	"errors"
	"time"

	"rapport/model"
)

// The pages, composed of memStore's single-entity methods.

func (m *memStore) PersonPage(ctx context.Context, id int64, now time.Time) (model.PersonPage, error) {
	pg := model.PersonPage{Now: now, People: map[int64]model.Person{}}
	var err [6]error
	pg.Person, err[0] = m.Person(ctx, id)
	pg.Timeline, err[1] = m.InteractionsWith(ctx, id, model.TimelineLimit)
	pg.Promises, err[2] = m.PromisesFor(ctx, id)
	pg.Ties, err[3] = m.TiesOf(ctx, id)
	pg.Disclosures, err[4] = m.DisclosuresFor(ctx, id)
	pg.Advises, err[5] = m.AdvisedBy(ctx, id)
	if err := errors.Join(err[:]...); err != nil {
		return model.PersonPage{}, err
	}
	var named []int64
	for _, i := range pg.Timeline {
		named = append(named, i.PersonIDs...)
	}
	for _, t := range pg.Ties {
		named = append(named, t.FromID, t.ToID)
	}
	for _, o := range named {
		if p, err := m.Person(ctx, o); err == nil && o != id {
			pg.People[o] = p
		}
	}
	return pg, nil
}

func (m *memStore) RolePage(ctx context.Context, id int64, now time.Time) (model.RolePage, error) {
	pg := model.RolePage{Now: now, Actions: map[int64][]model.Action{}, Advisors: map[int64]model.Person{}}
	var err [5]error
	pg.Role, err[0] = m.Role(ctx, id)
	pg.Requirements, err[1] = m.Requirements(ctx, id)
	pg.History, err[2] = m.LevelHistory(ctx, id)
	pg.Panel, err[3] = m.Panel(ctx, id, now)
	pg.Candidates, err[4] = m.People(ctx, false)
	if err := errors.Join(err[:]...); err != nil {
		return model.RolePage{}, err
	}
	for _, r := range pg.Requirements {
		actions, err := m.Actions(ctx, r.ID)
		if err != nil {
			return model.RolePage{}, err
		}
		pg.Actions[r.ID] = actions
		for _, a := range r.AdvisorIDs {
			if p, err := m.Person(ctx, a); err == nil {
				pg.Advisors[a] = p
			}
		}
	}
	return pg, nil
}

func (m *memStore) MeetingPage(ctx context.Context, id int64) (model.MeetingPage, error) {
	var pg model.MeetingPage
	var err [3]error
	pg.Meeting, err[0] = m.Meeting(ctx, id)
	if err[0] == nil {
		pg.Person, err[1] = m.Person(ctx, pg.Meeting.PersonID)
	}
	pg.Settings, err[2] = m.Settings(ctx)
	return pg, errors.Join(err[:]...)
}

func (m *memStore) MeetingList(ctx context.Context) (model.MeetingList, error) {
	all, err := m.Meetings(ctx, time.Time{}, time.Time{})
	l := model.MeetingList{Meetings: all, People: map[int64]model.Person{}}
	for _, mt := range all {
		p, perr := m.Person(ctx, mt.PersonID)
		err = errors.Join(err, perr)
		l.People[mt.PersonID] = p
	}
	var serr error
	l.Settings, serr = m.Settings(ctx)
	return l, errors.Join(err, serr)
}

func (m *memStore) PromiseList(ctx context.Context) (model.PromiseList, error) {
	all, err := m.Promises(ctx)
	l := model.PromiseList{Promises: all, People: map[int64]model.Person{}}
	for _, pr := range all {
		p, perr := m.Person(ctx, pr.PersonID)
		err = errors.Join(err, perr)
		l.People[pr.PersonID] = p
	}
	return l, err
}
