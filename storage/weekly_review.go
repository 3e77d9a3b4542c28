package storage

import (
	"context"
	"maps"
	"slices"
	"time"

	"rapport/model"
)

// WeeklyReview reads everything the weekly review shows at now (see
// model.WeeklyReview) in one read transaction, so every step agrees.
func (s *Store) WeeklyReview(ctx context.Context, now time.Time) (model.WeeklyReview, error) {
	return readPage(ctx, s, "weekly review", model.WeeklyReview{Now: now}, func(q querier, r *model.WeeklyReview) error {
		if err := readReviewItems(ctx, q, r); err != nil {
			return err
		}
		if err := readReviewMoves(ctx, q, r); err != nil {
			return err
		}
		var err error
		if r.InTouch, err = inTouch(ctx, q, now, s.now()); err != nil {
			return err
		}
		if err := readReviewGaps(ctx, q, r); err != nil {
			return err
		}
		r.Today = model.Today{Now: now, People: make(map[int64]model.Person)}
		if err := s.readToday(ctx, q, &r.Today); err != nil {
			return err
		}
		if r.Settings, err = readSettings(ctx, q); err != nil {
			return err
		}
		r.Planned, err = queryMeetings(ctx, q, `WHERE status = 'planned'
			AND (start_at >= ? OR recurrence <> '')`, instant(now.Add(-12*time.Hour)))
		return err
	})
}

// readReviewItems fills r's Meetings, Due and People: last week's
// meetings not cancelled, the pending promises due within the week, and
// their people; an item whose person does not exist is left out.
func readReviewItems(ctx context.Context, q querier, r *model.WeeklyReview) error {
	from := r.Now.AddDate(0, 0, -7)
	meetings, err := queryMeetings(ctx, q, `WHERE start_at >= ? AND start_at < ?`, instant(from), instant(r.Now))
	if err != nil {
		return err
	}
	dueBy := model.Day(r.Now).AddDate(0, 0, 7)
	promises, err := queryPromises(ctx, q, `WHERE status IN ('open', 'renegotiated') AND due_on IS NOT NULL AND due_on <= ?`, day(dueBy))
	if err != nil {
		return err
	}
	meetings = slices.DeleteFunc(meetings, func(m model.Meeting) bool { return m.Status == model.MeetingCanceled })
	var ids []int64
	for _, m := range meetings {
		ids = append(ids, m.PersonID)
	}
	for _, p := range promises {
		ids = append(ids, p.PersonID)
	}
	slices.Sort(ids)
	if r.People, err = peopleByID(ctx, q, slices.Compact(ids)); err != nil {
		return err
	}
	r.Meetings = slices.DeleteFunc(meetings, func(m model.Meeting) bool { _, ok := r.People[m.PersonID]; return !ok })
	r.Due = slices.DeleteFunc(promises, func(p model.Promise) bool { _, ok := r.People[p.PersonID]; return !ok })
	return nil
}

// readReviewMoves fills r's Moved, the active people whose stance or
// influence moved in the week before Now, and adds them to People.
func readReviewMoves(ctx context.Context, q querier, r *model.WeeklyReview) error {
	moves, err := stanceMovesSince(ctx, q, r.Now.AddDate(0, 0, -7))
	if err != nil {
		return err
	}
	var ids []int64
	for _, m := range moves {
		if _, ok := r.People[m.PersonID]; !ok {
			ids = append(ids, m.PersonID)
		}
	}
	more, err := peopleByID(ctx, q, ids)
	if err != nil {
		return err
	}
	maps.Copy(r.People, more)
	r.Moved = slices.DeleteFunc(moves, func(m model.StanceMove) bool {
		p, ok := r.People[m.PersonID]
		return !ok || p.Archived()
	})
	return nil
}

// inTouch are the active people (as People lists them at clock) last in
// touch within the week before now.
func inTouch(ctx context.Context, q querier, now, clock time.Time) ([]model.PersonSummary, error) {
	// last_at is the latest contact, perhaps one logged ahead: only people
	// whose last_at is in the week or later can have been in touch in it.
	people, err := peopleSummaries(ctx, q, clock, `archived_at IS NULL AND last_at >= ?`, instant(now.Add(-7*24*time.Hour)))
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(people, func(p model.PersonSummary) bool {
		return p.LastContact.IsZero() || now.Sub(p.LastContact) > 7*24*time.Hour
	}), nil
}

// readReviewGaps fills r's Focus, Gaps and Actions: the focus role, its
// largest gaps and the actions toward each.
func readReviewGaps(ctx context.Context, q querier, r *model.WeeklyReview) error {
	roles, err := listRoles(ctx, q, false)
	if err != nil {
		return err
	}
	for _, role := range roles {
		if role.Focus {
			r.Focus = role
		}
	}
	r.Actions = map[int64][]model.Action{}
	if r.Focus.ID == 0 {
		return nil
	}
	reqs, err := queryRequirements(ctx, q, `WHERE r.role_id = ?`, r.Focus.ID)
	if err != nil {
		return err
	}
	r.Gaps = model.RankGaps(reqs)
	if len(r.Gaps) > model.ReviewGapsShown {
		r.Gaps = r.Gaps[:model.ReviewGapsShown]
	}
	for _, g := range r.Gaps {
		if r.Actions[g.ID], err = queryActions(ctx, q, `WHERE requirement_id = ?`, g.ID); err != nil {
			return err
		}
	}
	return nil
}
