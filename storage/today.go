package storage

import (
	"cmp"
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
	people, err := readTodayPeople(ctx, tx, now)
	if err != nil {
		return err
	}
	// Promises due, both ways, archived people's too: the first few in
	// full, and counts of all of them by person and direction.
	today, dueBy := model.Day(now.Local()), model.Day(now.Local()).AddDate(0, 0, model.DueSoonDays)
	due, err := promisesDue(ctx, tx, today, dueBy)
	if err != nil {
		return err
	}
	t.Due, t.DueCount, t.Overdue, t.DueToday = due.shown, due.count, due.overdue, due.today
	inHand, err := readTodayMeetings(ctx, tx, t)
	if err != nil {
		return err
	}
	if err := rankReachOuts(ctx, tx, t, people, due, inHand); err != nil {
		return err
	}
	t.Risks = model.NetworkRisks(people.risks(now), now)
	if err := readJobNews(ctx, tx, t); err != nil {
		return err
	}
	if err := readHeadline(ctx, tx, t, people); err != nil {
		return err
	}
	return s.namePeople(ctx, tx, t, people)
}

// readTodayMeetings fills t's meetings: the coming week, and the held
// ones with no outcome. It returns the first meeting planned with each
// person within model.MeetingInHandDays.
func readTodayMeetings(ctx context.Context, tx querier, t *model.Today) (map[int64]model.Meeting, error) {
	now := t.Now
	ahead := now.AddDate(0, 0, model.MeetingsAheadDays)
	// A repeating meeting that began before the week counts at its next
	// occurrence, in the zone of now.
	upcoming, err := queryMeetings(ctx, tx, `WHERE status = 'planned' AND start_at < ?
		AND (start_at >= ? OR recurrence <> '')`, instant(ahead), instant(now.Add(-12*time.Hour)))
	if err != nil {
		return nil, err
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
		return nil, err
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
		return nil, err
	}
	for _, m := range soon {
		if _, ok := inHand[m.PersonID]; !ok {
			inHand[m.PersonID] = m
		}
	}
	return inHand, nil
}

// rankReachOuts fills t.ReachOuts: whom to reach out to, ranked over
// every active person with what they are owed and the meetings in hand.
func rankReachOuts(ctx context.Context, tx querier, t *model.Today, people activePeople,
	due dueSummary, inHand map[int64]model.Meeting) error {
	now := t.Now
	for i := range people.inputs {
		in := &people.inputs[i]
		id := in.Person.ID
		in.MineDue, in.TheirsDue = due.mine[id], due.theirs[id]
		if m, ok := inHand[id]; ok {
			in.NextMeeting, in.NextMeetingKind = m.Start, m.Kind
		}
	}
	for _, r := range rules.RankReachOuts(people.inputs, now, model.TodayReachOuts) {
		i, _ := people.index(r.PersonID)
		in := people.inputs[i]
		var err error
		if in.LastKind, err = lastKind(ctx, tx, r.PersonID, now); err != nil {
			return err
		}
		t.ReachOuts = append(t.ReachOuts, rules.ReachOut(in, now))
	}
	return nil
}

// readHeadline fills t's headline numbers: how the user's promises were
// resolved, the people contacted this month and the public thank-yous
// this quarter.
func readHeadline(ctx context.Context, tx querier, t *model.Today, people activePeople) error {
	if err := countFollowThrough(ctx, tx, &t.FollowThrough); err != nil {
		return err
	}
	now := t.Now
	local := now.Location()
	y, m, _ := now.Date()
	monthStart := time.Date(y, m, 1, 0, 0, 0, 0, local)
	quarterStart := time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, local)
	for _, in := range people.inputs {
		// A last contact (up to now) this month means a contact this month.
		if !in.LastContact.Before(monthStart) {
			t.Warmed++
		}
	}
	var err error
	t.PublicThanks, err = count(ctx, tx, `SELECT count(*) FROM interaction
		WHERE kind = 'thanks_public' AND at >= ? AND at <= ?`,
		instant(quarterStart), instant(now))
	return err
}

// dueSummary is what Today shows of the pending promises due soon.
type dueSummary struct {
	shown                 []model.Promise // the first model.TodayDueShown, soonest first
	count, overdue, today int
	mine, theirs          map[int64]int // by person
}

// promisesDue reads the pending promises due by dueBy in one pass over
// the promise_due index, in index order: it counts all of them and keeps
// the first model.TodayDueShown, soonest first (then the oldest made),
// which it then reads in full. Picking those few as the rows go by spares
// SQLite sorting them all.
func promisesDue(ctx context.Context, q querier, today, dueBy time.Time) (dueSummary, error) {
	d := dueSummary{mine: make(map[int64]int), theirs: make(map[int64]int)}
	rows, err := q.QueryContext(ctx, `SELECT id, person_id, direction = 'mine', due_on, made_on FROM promise
		WHERE status IN ('open', 'renegotiated') AND due_on <= ?`, day(dueBy))
	if err != nil {
		return d, err
	}
	defer rows.Close()
	todayDay := today.Format(dayLayout)
	var first firstDue
	var id, personID int64
	var mine bool
	var dueOn, madeOn string
	for rows.Next() {
		if err := rows.Scan(&id, &personID, &mine, &dueOn, &madeOn); err != nil {
			return d, err
		}
		first.offer(dueKey{due: dueOn, made: madeOn, id: id})
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
	if err := rows.Err(); err != nil || len(first) == 0 {
		return d, err
	}
	ids := make([]any, len(first))
	for i, k := range first {
		ids[i] = k.id
	}
	d.shown, err = promisesByID(ctx, q, ids)
	return d, err
}

// dueKey is the order Today lists promises due in: due day, day made, ID.
type dueKey struct {
	due, made string
	id        int64
}

func (k dueKey) compare(o dueKey) int {
	if c := strings.Compare(k.due, o.due); c != 0 {
		return c
	}
	if c := strings.Compare(k.made, o.made); c != 0 {
		return c
	}
	return cmp.Compare(k.id, o.id)
}

// firstDue keeps, in order, the first model.TodayDueShown keys offered.
type firstDue []dueKey

func (f *firstDue) offer(k dueKey) {
	if len(*f) == model.TodayDueShown && k.compare((*f)[len(*f)-1]) >= 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(*f, k, dueKey.compare)
	*f = slices.Insert(*f, i, k)
	if len(*f) > model.TodayDueShown {
		*f = (*f)[:model.TodayDueShown]
	}
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

// todayPeopleQuery reads what readTodayPeople needs of each active
// person, in order of ID, from the person_reach index alone; ?1 is now.
// When they were added counts only for a cadence set.
const todayPeopleQuery = `SELECT id, name, relation, influence, stance, cadence_days,
	cadence_set, CASE WHEN cadence_set THEN created_at END, credit_folded, credit_next,
	CASE WHEN last_at IS NULL OR last_at <= ?1 THEN last_at
		ELSE (SELECT max(at) FROM interaction_person WHERE person_id = person.id AND at <= ?1) END,
	CASE WHEN thanked_at IS NULL OR thanked_at <= ?1 THEN thanked_at
		ELSE (SELECT max(ip.at) FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id
			WHERE ip.person_id = person.id AND ip.at <= ?1
			AND i.kind IN ('thanks_private', 'thanks_public')) END
	FROM person WHERE archived_at IS NULL ORDER BY id`

// activePeople are the active people as Today reads them: each as a
// reach-out candidate with their balance, in order of ID, and their last
// thank-you (zero for none) at the same index.
type activePeople struct {
	inputs  []model.ReachOutInput
	thanked []time.Time
}

// index is where the person with the given ID is in p.inputs.
func (p activePeople) index(id int64) (int, bool) {
	return slices.BinarySearchFunc(p.inputs, id, func(in model.ReachOutInput, id int64) int {
		return cmp.Compare(in.Person.ID, id)
	})
}

// risks are the inputs of model.NetworkRisks at now: the people it may
// count or name (model.RiskCandidate), for whom it gives the same risks
// as for everyone.
func (p activePeople) risks(now time.Time) []model.RiskInput {
	n := 0
	for i := range p.inputs {
		if model.RiskCandidate(p.inputs[i].Person) {
			n++
		}
	}
	out := make([]model.RiskInput, 0, n)
	for i := range p.inputs {
		in := &p.inputs[i]
		if !model.RiskCandidate(in.Person) {
			continue
		}
		out = append(out, model.RiskInput{
			Person: in.Person, LastContact: in.LastContact, LastThanks: p.thanked[i],
			Warmth: rules.Warmth(in.Balance, in.LastContact, in.Person.CadenceDays, now),
		})
	}
	return out
}

// readTodayPeople reads every active person as a reach-out candidate
// (name and the fields that rank them, when they were added only where
// it counts, not their title or notes) with their last contact and last
// thank-you at or before now (the person row also counts those typed in
// ahead of time), and their balance at now from their folded credits.
func readTodayPeople(ctx context.Context, q querier, now time.Time) (activePeople, error) {
	p, folds, err := scanTodayPeople(ctx, q, now)
	if err != nil {
		return p, err
	}
	var stale []int64
	for i := range p.inputs {
		if bal, ok := unfold(folds[i], now); ok {
			p.inputs[i].Balance = bal
		} else {
			stale = append(stale, p.inputs[i].Person.ID)
		}
	}
	if len(stale) == 0 {
		return p, nil
	}
	credits, err := creditsOf(ctx, q, stale)
	if err != nil {
		return p, err
	}
	for _, id := range stale {
		i, _ := p.index(id)
		p.inputs[i].Balance = rules.Balance(credits[id], now)
	}
	return p, nil
}

// scanTodayPeople reads the rows of readTodayPeople, with each person's
// folded credits at the same index.
func scanTodayPeople(ctx context.Context, q querier, now time.Time) (activePeople, []foldedBalance, error) {
	n, err := count(ctx, q, `SELECT count(*) FROM person WHERE archived_at IS NULL`)
	if err != nil {
		return activePeople{}, nil, err
	}
	p := activePeople{inputs: make([]model.ReachOutInput, 0, n), thanked: make([]time.Time, 0, n)}
	folds := make([]foldedBalance, 0, n)
	rows, err := q.QueryContext(ctx, todayPeopleQuery, instant(now))
	if err != nil {
		return p, nil, err
	}
	defer rows.Close()
	// Scanning into plain values and converting here is several times
	// faster than letting database/sql convert into named types.
	var id, influence, cadence int64
	var name, relation, stance string
	var folded float64
	var set bool
	var created, next, last, thanks sql.NullString
	for rows.Next() {
		if err := rows.Scan(&id, &name, &relation, &influence, &stance, &cadence, &set, &created, &folded,
			&next, &last, &thanks); err != nil {
			return p, nil, err
		}
		in := model.ReachOutInput{Person: model.Person{ID: id, Name: name, Relation: model.Relation(relation),
			Influence: int(influence), Stance: model.Stance(stance), CadenceDays: int(cadence),
			CadenceSet: set}}
		f := foldedBalance{folded: folded}
		var thanked time.Time
		if err := parseNullTimes(next, &f.next, last, &in.LastContact, thanks, &thanked); err != nil {
			return p, nil, err
		}
		// When they were added counts only for a cadence set and no contact.
		if set && in.LastContact.IsZero() {
			if err := parseNullTime(created, &in.Person.CreatedAt); err != nil {
				return p, nil, err
			}
		}
		p.inputs = append(p.inputs, in)
		p.thanked = append(p.thanked, thanked)
		folds = append(folds, f)
	}
	return p, folds, rows.Err()
}

// parseNullTimes is parseNullTime of each pair of a stored instant and
// where it goes.
func parseNullTimes(s1 sql.NullString, d1 *time.Time, s2 sql.NullString, d2 *time.Time,
	s3 sql.NullString, d3 *time.Time) error {
	if err := parseNullTime(s1, d1); err != nil {
		return err
	}
	if err := parseNullTime(s2, d2); err != nil {
		return err
	}
	return parseNullTime(s3, d3)
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

// namePeople fills t.People with everyone its lists name: the active
// people from people, the archived ones from their rows, so every
// promise and meeting has a name to show.
func (s *Store) namePeople(ctx context.Context, q querier, t *model.Today, people activePeople) error {
	if t.People == nil {
		t.People = make(map[int64]model.Person)
	}
	var missing []int64
	need := func(id int64) {
		if _, ok := t.People[id]; ok || slices.Contains(missing, id) {
			return
		}
		if i, ok := people.index(id); ok {
			t.People[id] = people.inputs[i].Person
			return
		}
		missing = append(missing, id)
	}
	for _, r := range t.ReachOuts {
		need(r.PersonID)
	}
	for _, r := range t.Risks {
		for _, id := range r.PersonIDs {
			need(id)
		}
	}
	for _, p := range t.Due {
		need(p.PersonID)
	}
	for _, m := range append(slices.Clone(t.Upcoming), t.Unlogged...) {
		need(m.PersonID)
	}
	for _, id := range missing {
		p, ok, err := personIn(ctx, q, id)
		if err != nil {
			return err
		}
		if ok {
			t.People[p.ID] = p
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
