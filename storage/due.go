package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"rapport/model"
)

// Due reads what is due at now (see model.DueReport) in one read
// transaction: the pending promises both ways due by the end of
// model.DueSoonDays after today (archived people's too: archiving someone
// never hides what is owed), today's meetings not yet over, and the gap
// actions due by then. Days are those of now's zone.
func (s *Store) Due(ctx context.Context, now time.Time) (model.DueReport, error) {
	today := model.Day(now)
	r := model.DueReport{Now: now, Today: today, Names: make(map[int64]string)}
	return readPage(ctx, s, "due", r, func(q querier, r *model.DueReport) error {
		if err := readDuePromises(ctx, q, r); err != nil {
			return err
		}
		if err := readMeetingsToday(ctx, q, r); err != nil {
			return err
		}
		if err := readDueActions(ctx, q, r); err != nil {
			return err
		}
		return nameDue(ctx, q, r)
	})
}

// readDuePromises fills the promise lists of r through the promise_due
// index, the earliest due first (then the oldest made).
func readDuePromises(ctx context.Context, q querier, r *model.DueReport) error {
	by := r.Today.AddDate(0, 0, model.DueSoonDays)
	rows, err := q.QueryContext(ctx, `SELECT `+promiseColumns+` FROM promise
		WHERE status IN ('open', 'renegotiated') AND due_on <= ? ORDER BY due_on, made_on, id`, day(by))
	if err != nil {
		return fmt.Errorf("promises: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p model.Promise
		if err := rows.Scan(promiseFields(&p)...); err != nil {
			return fmt.Errorf("promises: %w", err)
		}
		switch {
		case p.DueOn.Before(r.Today):
			r.Overdue = append(r.Overdue, p)
		case p.DueOn.Equal(r.Today):
			r.DueToday = append(r.DueToday, p)
		default:
			r.DueThisWeek = append(r.DueThisWeek, p)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("promises: %w", err)
	}
	return nil
}

// readMeetingsToday fills r.Meetings: planned meetings whose occurrence
// today has not ended at r.Now.
func readMeetingsToday(ctx context.Context, q querier, r *model.DueReport) error {
	now, loc := r.Now, r.Now.Location()
	y, m, d := now.Date()
	dayEnd := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
	// A one-off meeting began at most model.MaxMeetingDuration before now
	// if it has not ended; a repeating one may have begun long ago.
	ms, err := queryMeetings(ctx, q, `WHERE status = 'planned' AND start_at < ?
		AND (start_at >= ? OR recurrence <> '')`, instant(dayEnd), instant(now.Add(-model.MaxMeetingDuration)))
	if err != nil {
		return err
	}
	for _, m := range ms {
		m.Start = m.NextOccurrence(now, loc)
		if m.End().After(now) && m.Start.Before(dayEnd) {
			r.Meetings = append(r.Meetings, m)
		}
	}
	slices.SortStableFunc(r.Meetings, func(a, b model.Meeting) int { return a.Start.Compare(b.Start) })
	return nil
}

// dueActionColumns are actionColumns of the action a.
var dueActionColumns = "a." + strings.Join(strings.Fields(strings.ReplaceAll(actionColumns, ",", " ")), ", a.")

// readDueActions fills r.Actions: gap actions planned or in progress, of
// roles not archived, due by the end of model.DueSoonDays.
func readDueActions(ctx context.Context, q querier, r *model.DueReport) error {
	by := r.Today.AddDate(0, 0, model.DueSoonDays)
	rows, err := q.QueryContext(ctx, `SELECT `+dueActionColumns+`, req.title, role.title
		FROM action a JOIN requirement req ON req.id = a.requirement_id JOIN role ON role.id = req.role_id
		WHERE a.status IN ('planned', 'in_progress') AND a.due_on IS NOT NULL AND a.due_on <= ?
		AND role.archived_at IS NULL ORDER BY a.due_on, a.id`, day(by))
	if err != nil {
		return fmt.Errorf("gap actions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a model.DueAction
		if err := rows.Scan(append(actionFields(&a.Action), &a.Requirement, &a.Role)...); err != nil {
			return fmt.Errorf("gap actions: %w", err)
		}
		r.Actions = append(r.Actions, a)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("gap actions: %w", err)
	}
	return nil
}

// nameDue reads the names of the people r's promises and meetings
// mention, archived or not.
func nameDue(ctx context.Context, q querier, r *model.DueReport) error {
	var ids []int64
	for _, p := range slices.Concat(r.Overdue, r.DueToday, r.DueThisWeek) {
		ids = append(ids, p.PersonID)
	}
	for _, m := range r.Meetings {
		ids = append(ids, m.PersonID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	const batch = 500 // well under SQLite's limit of bound parameters
	for len(ids) > 0 {
		n := min(len(ids), batch)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		rows, err := q.QueryContext(ctx, `SELECT id, name FROM person WHERE id IN (`+placeholders(n)+`)`, args...)
		if err != nil {
			return fmt.Errorf("names: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return fmt.Errorf("names: %w", err)
			}
			r.Names[id] = name
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("names: %w", err)
		}
	}
	return nil
}
