package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"rapport/model"
)

// Today reads what the Today screen shows at now (see model.Today). It
// reads each table once through its indexes and the per-person summaries
// (last contact, folded credits), never every interaction.
func (s *Store) Today(ctx context.Context, now time.Time) (model.Today, error) {
	t := model.Today{Now: now, People: make(map[int64]model.Person)}
	if err := s.inReadTx(ctx, func(q querier) error { return s.readToday(ctx, q, &t) }); err != nil {
		return model.Today{}, fmt.Errorf("today: %w", err)
	}
	return t, nil
}

// readToday fills t; run it in one read transaction, so every list agrees.
func (s *Store) readToday(ctx context.Context, tx querier, t *model.Today) error {
	now := t.Now
	var err error
	if t.LastReview, err = lastReview(ctx, tx); err != nil {
		return err
	}
	if t.FirstUse, err = firstUse(ctx, tx); err != nil {
		return err
	}
	inputs, folds, thanked, err := todayPeople(ctx, tx, now)
	if err != nil {
		return err
	}
	bal, err := balances(ctx, tx, folds, now)
	if err != nil {
		return err
	}
	byID := make(map[int64]int, len(inputs))
	if len(t.People) == 0 {
		t.People = make(map[int64]model.Person, len(inputs))
	}
	for i := range inputs {
		in := &inputs[i]
		in.Balance = bal[in.Person.ID]
		byID[in.Person.ID] = i
		t.People[in.Person.ID] = in.Person
	}

	// Promises due, both ways, archived people's too: the first few in
	// full, and counts of all of them by person and direction.
	today, dueBy := model.Day(now.Local()), model.Day(now.Local()).AddDate(0, 0, model.DueSoonDays)
	due, err := promisesDue(ctx, tx, today, dueBy)
	if err != nil {
		return err
	}
	t.Due, t.DueCount, t.Overdue, t.DueToday = due.shown, due.count, due.overdue, due.today
	mineDue, theirsDue := due.mine, due.theirs

	// Meetings: the coming week, and the held ones with no outcome.
	ahead := now.AddDate(0, 0, model.MeetingsAheadDays)
	// A repeating meeting that began before the week counts at its next
	// occurrence, in the zone of now.
	upcoming, err := queryMeetings(ctx, tx, `WHERE status = 'planned' AND start_at < ?
		AND (start_at >= ? OR recurrence <> '')`, instant(ahead), instant(now.Add(-12*time.Hour)))
	if err != nil {
		return err
	}
	for _, m := range upcoming {
		m.Start = m.NextOccurrence(now, now.Location())
		if m.End().After(now) && m.Start.Before(ahead) {
			t.Upcoming = append(t.Upcoming, m)
		}
	}
	slices.SortStableFunc(t.Upcoming, func(a, b model.Meeting) int { return a.Start.Compare(b.Start) })
	past, err := queryMeetings(ctx, tx, `WHERE status = 'planned' AND outcome_id IS NULL
		AND recurrence = '' AND start_at < ?`, instant(now))
	if err != nil {
		return err
	}
	for i := len(past) - 1; i >= 0; i-- {
		if !past[i].End().After(now) {
			t.Unlogged = append(t.Unlogged, past[i])
		}
	}
	inHand := make(map[int64]model.Meeting)
	soon, err := queryMeetings(ctx, tx, `WHERE status = 'planned' AND start_at >= ? AND start_at < ?`,
		instant(now), instant(now.AddDate(0, 0, model.MeetingInHandDays)))
	if err != nil {
		return err
	}
	for _, m := range soon {
		if _, ok := inHand[m.PersonID]; !ok {
			inHand[m.PersonID] = m
		}
	}

	// Whom to reach out to.
	for i := range inputs {
		in := &inputs[i]
		id := in.Person.ID
		in.MineDue, in.TheirsDue = mineDue[id], theirsDue[id]
		if m, ok := inHand[id]; ok {
			in.NextMeeting, in.NextMeetingKind = m.Start, m.Kind
		}
	}
	ranked := rules.RankReachOuts(inputs, now, model.TodayReachOuts)
	for _, r := range ranked {
		in := inputs[byID[r.PersonID]]
		if in.LastKind, err = lastKind(ctx, tx, r.PersonID, now); err != nil {
			return err
		}
		t.ReachOuts = append(t.ReachOuts, rules.ReachOut(in, now))
	}

	// Risks.
	risks := make([]model.RiskInput, len(inputs))
	for i, in := range inputs {
		risks[i] = model.RiskInput{
			Person: in.Person, LastContact: in.LastContact, LastThanks: thanked[in.Person.ID],
			Warmth: rules.Warmth(in.Balance, in.LastContact, in.Person.CadenceDays, now),
		}
	}
	t.Risks = model.NetworkRisks(risks, now)
	if err := readJobNews(ctx, tx, t); err != nil {
		return err
	}

	// Headline numbers.
	if err := countFollowThrough(ctx, tx, &t.FollowThrough); err != nil {
		return err
	}
	local := now.Location()
	y, m, _ := now.Date()
	monthStart := time.Date(y, m, 1, 0, 0, 0, 0, local)
	quarterStart := time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, local)
	for _, in := range inputs {
		// A last contact (up to now) this month means a contact this month.
		if !in.LastContact.Before(monthStart) {
			t.Warmed++
		}
	}
	if t.PublicThanks, err = count(ctx, tx, `SELECT count(*) FROM interaction
		WHERE kind = 'thanks_public' AND at >= ? AND at <= ?`,
		instant(quarterStart), instant(now)); err != nil {
		return err
	}
	return s.namePeople(ctx, tx, t)
}

// dueSummary is what Today shows of the pending promises due soon.
type dueSummary struct {
	shown                 []model.Promise // the first model.TodayDueShown, soonest first
	count, overdue, today int
	mine, theirs          map[int64]int // by person
}

// promisesDue reads the pending promises due by dueBy in one pass over
// the promise_due index, soonest first (then the oldest made): counting
// all of them and reading in full only the first model.TodayDueShown.
func promisesDue(ctx context.Context, q querier, today, dueBy time.Time) (dueSummary, error) {
	d := dueSummary{mine: make(map[int64]int), theirs: make(map[int64]int)}
	rows, err := q.QueryContext(ctx, `SELECT id, person_id, direction = 'mine', due_on FROM promise
		WHERE status IN ('open', 'renegotiated') AND due_on <= ? ORDER BY due_on, made_on, id`, day(dueBy))
	if err != nil {
		return d, err
	}
	defer rows.Close()
	todayDay := today.Format(dayLayout)
	var ids []any
	var id, personID int64
	var mine bool
	var dueOn string
	for rows.Next() {
		if err := rows.Scan(&id, &personID, &mine, &dueOn); err != nil {
			return d, err
		}
		if len(ids) < model.TodayDueShown {
			ids = append(ids, id)
		}
		if mine {
			d.mine[personID]++
		} else {
			d.theirs[personID]++
		}
		d.count++
		if dueOn < todayDay {
			d.overdue++
		} else if dueOn == todayDay {
			d.today++
		}
	}
	if err := rows.Close(); err != nil {
		return d, err
	}
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return d, err
	}
	d.shown, err = promisesByID(ctx, q, ids)
	return d, err
}

// promisesByID reads the promises with the given IDs, in that order.
func promisesByID(ctx context.Context, q querier, ids []any) ([]model.Promise, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+promiseColumns+` FROM promise WHERE id IN (?`+
		strings.Repeat(", ?", len(ids)-1)+`)`, ids...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[int64]model.Promise, len(ids))
	for rows.Next() {
		var p model.Promise
		if err := rows.Scan(promiseFields(&p)...); err != nil {
			return nil, err
		}
		byID[p.ID] = p
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]model.Promise, 0, len(ids))
	for _, id := range ids {
		if p, ok := byID[id.(int64)]; ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// todayPeopleQuery reads what todayPeople needs of each active person;
// ?1 is now.
const todayPeopleQuery = `SELECT id, name, relation, influence, stance, cadence_days,
	cadence_set, created_at, credit_folded, credit_next,
	CASE WHEN last_at IS NULL OR last_at <= ?1 THEN last_at
		ELSE (SELECT max(at) FROM interaction_person WHERE person_id = person.id AND at <= ?1) END,
	CASE WHEN thanked_at IS NULL OR thanked_at <= ?1 THEN thanked_at
		ELSE (SELECT max(ip.at) FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id
			WHERE ip.person_id = person.id AND ip.at <= ?1
			AND i.kind IN ('thanks_private', 'thanks_public')) END
	FROM person WHERE archived_at IS NULL`

// todayPeople reads every active person as a reach-out candidate (name
// and the fields that rank them, when they were added only where it
// counts, not their title or notes) with their last contact and last
// thank-you at or before now (the person row also counts those typed in
// ahead of time), and their folded credits.
func todayPeople(ctx context.Context, q querier, now time.Time) (
	[]model.ReachOutInput, map[int64]foldedBalance, map[int64]time.Time, error) {
	n, err := count(ctx, q, `SELECT count(*) FROM person WHERE archived_at IS NULL`)
	if err != nil {
		return nil, nil, nil, err
	}
	at := instant(now)
	rows, err := q.QueryContext(ctx, todayPeopleQuery, at)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rows.Close()
	out := make([]model.ReachOutInput, 0, n)
	folds := make(map[int64]foldedBalance, n)
	thanked := make(map[int64]time.Time)
	// Scanning into plain values and converting here is several times
	// faster than letting database/sql convert into named types.
	var id, influence, cadence int64
	var name, relation, stance string
	var folded float64
	var set bool
	var created string
	var next, last, thanks sql.NullString
	for rows.Next() {
		if err := rows.Scan(&id, &name, &relation, &influence, &stance, &cadence, &set, &created, &folded,
			&next, &last, &thanks); err != nil {
			return nil, nil, nil, err
		}
		in := model.ReachOutInput{Person: model.Person{ID: id, Name: name, Relation: model.Relation(relation),
			Influence: int(influence), Stance: model.Stance(stance), CadenceDays: int(cadence),
			CadenceSet: set}}
		f := foldedBalance{folded: folded}
		if err := parseNullTime(next, &f.next); err != nil {
			return nil, nil, nil, err
		}
		if err := parseNullTime(last, &in.LastContact); err != nil {
			return nil, nil, nil, err
		}
		// When they were added counts only for a cadence set and no contact.
		if set && in.LastContact.IsZero() {
			if err := parseStoredTime(created, &in.Person.CreatedAt); err != nil {
				return nil, nil, nil, err
			}
		}
		if thanks.Valid {
			var t time.Time
			if err := parseNullTime(thanks, &t); err != nil {
				return nil, nil, nil, err
			}
			thanked[id] = t
		}
		out = append(out, in)
		folds[id] = f
	}
	return out, folds, thanked, rows.Err()
}

// parseNullTime reads a stored instant that may be NULL into dst.
func parseNullTime(s sql.NullString, dst *time.Time) error {
	if !s.Valid {
		*dst = time.Time{}
		return nil
	}
	return timeField{dst}.Scan(s.String)
}

// lastKind is the kind of a person's last contact at or before now, or ""
// when there was none.
func lastKind(ctx context.Context, q querier, personID int64, now time.Time) (model.InteractionKind, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.kind FROM interaction_person ip
		JOIN interaction i ON i.id = ip.interaction_id
		WHERE ip.person_id = ? AND ip.at <= ? ORDER BY ip.at DESC LIMIT 1`, personID, instant(now))
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var kind model.InteractionKind
	if rows.Next() {
		if err := rows.Scan(&kind); err != nil {
			return "", err
		}
	}
	return kind, rows.Err()
}

// countFollowThrough counts how the user's own promises were resolved.
func countFollowThrough(ctx context.Context, q querier, f *model.FollowThrough) error {
	rows, err := q.QueryContext(ctx, `SELECT status, count(*) FROM promise
		WHERE direction = 'mine' GROUP BY status`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var status model.PromiseStatus
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return err
		}
		switch status {
		case model.PromiseKept:
			f.Kept += n
		case model.PromiseKeptLate:
			f.KeptLate += n
		case model.PromiseBroken:
			f.Broken += n
		case model.PromiseReleased:
			f.Released += n
		}
	}
	return rows.Err()
}

// count runs a query that counts something.
func count(ctx context.Context, q querier, query string, args ...any) (int, error) {
	ids, err := queryIDs(ctx, q, query, args...)
	if err != nil || len(ids) != 1 {
		return 0, err
	}
	return int(ids[0]), nil
}

// namePeople adds to t.People the archived people its lists name, so
// every promise and meeting has a name to show.
func (s *Store) namePeople(ctx context.Context, q querier, t *model.Today) error {
	var missing []int64
	need := func(id int64) {
		if _, ok := t.People[id]; !ok && !slices.Contains(missing, id) {
			missing = append(missing, id)
		}
	}
	for _, p := range t.Due {
		need(p.PersonID)
	}
	for _, m := range append(slices.Clone(t.Upcoming), t.Unlogged...) {
		need(m.PersonID)
	}
	for _, id := range missing {
		rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM person WHERE id = ?`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p model.Person
			if err := rows.Scan(personFields(&p)...); err != nil {
				rows.Close()
				return err
			}
			t.People[p.ID] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// firstUse is when the first person was added, archived or not; zero
// when the database holds nobody.
func firstUse(ctx context.Context, q querier) (time.Time, error) {
	rows, err := q.QueryContext(ctx, `SELECT MIN(created_at) FROM person`)
	if err != nil {
		return time.Time{}, fmt.Errorf("first use: %w", err)
	}
	defer rows.Close()
	var first sql.NullString
	if rows.Next() {
		if err := rows.Scan(&first); err != nil {
			return time.Time{}, fmt.Errorf("first use: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return time.Time{}, fmt.Errorf("first use: %w", err)
	}
	var t time.Time
	if !first.Valid {
		return t, nil
	}
	if err := parseStoredTime(first.String, &t); err != nil {
		return time.Time{}, fmt.Errorf("first use: person created %q: %w", first.String, err)
	}
	return t, nil
}
