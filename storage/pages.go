package storage

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"rapport/model"
)

// The pages: each is read in one read transaction, so everything on it
// agrees, by the same unexported helpers the single-entity methods use.

// PersonPage reads everything the page of the person with the given ID
// shows at now (see model.PersonPage). A person who does not exist gives
// an error wrapping ErrNotFound.
func (s *Store) PersonPage(ctx context.Context, id int64, now time.Time) (model.PersonPage, error) {
	return readPage(ctx, s, fmt.Sprintf("person page %d", id), model.PersonPage{Now: now},
		func(q querier, pg *model.PersonPage) error { return readPersonPage(ctx, q, id, pg) })
}

// readPersonPage fills pg with the page of person id.
func readPersonPage(ctx context.Context, q querier, id int64, pg *model.PersonPage) error {
	var err error
	if pg.Person, err = personByID(ctx, q, id); err != nil {
		return err
	}
	if pg.Timeline, err = interactionsWith(ctx, q, id, model.TimelineLimit); err != nil {
		return err
	}
	if pg.Promises, err = queryPromises(ctx, q, `WHERE person_id = ?`, id); err != nil {
		return err
	}
	if pg.Ties, err = tiesOf(ctx, q, id); err != nil {
		return err
	}
	if pg.Disclosures, err = disclosuresFor(ctx, q, id); err != nil {
		return err
	}
	if pg.Advises, err = advisedBy(ctx, q, id); err != nil {
		return err
	}
	if pg.Upcoming, err = upcomingWith(ctx, q, id, pg.Now); err != nil {
		return err
	}
	if pg.StanceHistory, err = queryStanceChanges(ctx, q, `WHERE person_id = ?`, id); err != nil {
		return err
	}
	if pg.RoleHistory, err = roleHistoryOf(ctx, q, `WHERE person_id = ?`, id); err != nil {
		return err
	}
	named := make(map[int64]bool)
	for _, i := range pg.Timeline {
		for _, p := range i.PersonIDs {
			named[p] = true
		}
	}
	for _, t := range pg.Ties {
		named[t.FromID], named[t.ToID] = true, true
	}
	delete(named, id)
	pg.People, err = peopleByID(ctx, q, slices.Sorted(maps.Keys(named)))
	return err
}

// upcomingWith is the planned meetings with person id that have not
// ended at now, each at its next occurrence in the user's zone, soonest
// first.
func upcomingWith(ctx context.Context, q querier, id int64, now time.Time) ([]model.NextMeeting, error) {
	st, err := readSettings(ctx, q)
	if err != nil {
		return nil, err
	}
	zone := st.Zone(time.Local)
	all, err := queryMeetings(ctx, q, `WHERE person_id = ? AND status = ?`, id, string(model.MeetingPlanned))
	if err != nil {
		return nil, err
	}
	var out []model.NextMeeting
	for _, m := range all {
		next := m.NextOccurrence(now, zone)
		if next.Add(m.Duration).After(now) {
			out = append(out, model.NextMeeting{Meeting: m, Next: next})
		}
	}
	slices.SortStableFunc(out, func(a, b model.NextMeeting) int { return a.Next.Compare(b.Next) })
	return out, nil
}

// RolePage reads everything the page of the role with the given ID shows
// at now (see model.RolePage). A role that does not exist gives an error
// wrapping ErrNotFound.
func (s *Store) RolePage(ctx context.Context, id int64, now time.Time) (model.RolePage, error) {
	return readPage(ctx, s, fmt.Sprintf("role page %d", id), model.RolePage{Now: now},
		func(q querier, pg *model.RolePage) error { return readRolePage(ctx, q, id, pg) })
}

// readRolePage fills pg with the page of role id.
func readRolePage(ctx context.Context, q querier, id int64, pg *model.RolePage) error {
	var err error
	if pg.Role, err = roleByID(ctx, q, id); err != nil {
		return err
	}
	if pg.Requirements, err = queryRequirements(ctx, q, `WHERE r.role_id = ?`, id); err != nil {
		return err
	}
	if pg.History, err = levelHistory(ctx, q, id); err != nil {
		return err
	}
	if pg.Panel, err = assessPanel(ctx, q, id, pg.Now); err != nil {
		return err
	}
	actions, err := queryActions(ctx, q, `WHERE requirement_id IN (SELECT id FROM requirement WHERE role_id = ?)`, id)
	if err != nil {
		return err
	}
	pg.Actions = make(map[int64][]model.Action, len(pg.Requirements))
	var advisors []int64
	for _, r := range pg.Requirements {
		advisors = append(advisors, r.AdvisorIDs...)
	}
	for _, a := range actions {
		pg.Actions[a.RequirementID] = append(pg.Actions[a.RequirementID], a)
	}
	slices.Sort(advisors)
	if pg.Advisors, err = peopleByID(ctx, q, slices.Compact(advisors)); err != nil {
		return err
	}
	pg.Candidates, err = listPeople(ctx, q, false, pg.Now)
	return err
}

// RoleList reads the active roles, or with archived set the archived ones,
// in the order of Roles, with each one's total weighted gap (see
// model.RoleList).
func (s *Store) RoleList(ctx context.Context, archived bool) (model.RoleList, error) {
	return readPage(ctx, s, "role list", model.RoleList{}, func(q querier, l *model.RoleList) error {
		var err error
		if l.Roles, err = listRoles(ctx, q, archived); err != nil {
			return err
		}
		reqs, err := queryRequirements(ctx, q,
			`WHERE r.role_id IN (SELECT id FROM role WHERE `+rolesWhere(archived)+`)`)
		if err != nil {
			return err
		}
		l.Gaps = make(map[int64]int, len(l.Roles))
		for _, r := range reqs {
			if g := r.WeightedGap(); g > 0 {
				l.Gaps[r.RoleID] += g
			}
		}
		return nil
	})
}

// MeetingPage reads the meeting with the given ID, its person and the
// settings its page needs (see model.MeetingPage). A meeting that does
// not exist gives an error wrapping ErrNotFound.
func (s *Store) MeetingPage(ctx context.Context, id int64) (model.MeetingPage, error) {
	return readPage(ctx, s, fmt.Sprintf("meeting page %d", id), model.MeetingPage{}, func(q querier, pg *model.MeetingPage) error {
		var err error
		if pg.Meeting, err = meetingByID(ctx, q, id); err != nil {
			return err
		}
		if pg.Person, err = personByID(ctx, q, pg.Meeting.PersonID); err != nil {
			return err
		}
		pg.Settings, err = readSettings(ctx, q)
		return err
	})
}

// MeetingList reads every meeting, in order of start, with the people
// they are with and the settings (see model.MeetingList).
func (s *Store) MeetingList(ctx context.Context) (model.MeetingList, error) {
	return readPage(ctx, s, "meeting list", model.MeetingList{}, func(q querier, l *model.MeetingList) error {
		var err error
		if l.Meetings, err = queryMeetings(ctx, q, ``); err != nil {
			return err
		}
		if l.People, err = queryPeople(ctx, q, `WHERE id IN (SELECT person_id FROM meeting)`); err != nil {
			return err
		}
		l.Settings, err = readSettings(ctx, q)
		return err
	})
}

// peopleByID reads the people with the given IDs, archived or not; an ID
// nobody has is left out.
func peopleByID(ctx context.Context, q querier, ids []int64) (map[int64]model.Person, error) {
	if len(ids) == 0 {
		return map[int64]model.Person{}, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return queryPeople(ctx, q, `WHERE id IN (?`+strings.Repeat(`, ?`, len(ids)-1)+`)`, args...)
}

// queryPeople reads the people matching where, by ID.
func queryPeople(ctx context.Context, q querier, where string, args ...any) (map[int64]model.Person, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM person `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]model.Person)
	for rows.Next() {
		var p model.Person
		if err := rows.Scan(personFields(&p)...); err != nil {
			return nil, err
		}
		out[p.ID] = p
	}
	return out, rows.Err()
}
