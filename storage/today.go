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
// (last contact, folded credits), never every interaction, all of it in
// one snapshot of the database: on two connections side by side when it
// can (see readTodaySnapshot).
func (s *Store) Today(ctx context.Context, now time.Time) (model.Today, error) {
	t := model.Today{Now: now, People: make(map[int64]model.Person)}
	sc := todayScratches.Get().(*todayScratch)
	defer todayScratches.Put(sc)
	if err := s.readTodaySnapshot(ctx, &t, sc); err != nil {
		return model.Today{}, fmt.Errorf("today: %w", err)
	}
	return t, nil
}

// todayLists is what Today reads beside the people and puts together
// with them: the promises due and the meetings in hand, by person, which
// rank them, and the job news.
type todayLists struct {
	due    dueSummary
	inHand map[int64]model.Meeting
	jobs   todayJobNews
}

// readTodayLists fills what t lists that needs no one's ranking: the
// last review and first use, the promises due, the meetings, and the
// headline numbers read from their own tables. It returns what is put
// together with the people later.
func readTodayLists(ctx context.Context, q querier, t *model.Today) (todayLists, error) {
	var l todayLists
	var err error
	if t.LastReview, err = lastReview(ctx, q); err != nil {
		return l, err
	}
	if t.FirstUse, err = firstUse(ctx, q); err != nil {
		return l, err
	}
	// Promises due, both ways, archived people's too: the first few in
	// full, and counts of all of them by person and direction.
	today := model.Day(t.Now.Local())
	if l.due, err = promisesDue(ctx, q, today, today.AddDate(0, 0, model.DueSoonDays)); err != nil {
		return l, err
	}
	t.Due, t.DueCount, t.Overdue, t.DueToday = l.due.shown, l.due.count, l.due.overdue, l.due.today
	if l.inHand, err = readTodayMeetings(ctx, q, t); err != nil {
		return l, err
	}
	if l.jobs, err = readJobNews(ctx, q); err != nil {
		return l, err
	}
	return l, readHeadline(ctx, q, t)
}

// assessPeople fills what t says of the people read into sc alone:
// the risks in the network and the people warmed this month.
func assessPeople(t *model.Today, sc *todayScratch) {
	sc.risks = sc.people.risks(t.Now, sc.risks)
	t.Risks = model.NetworkRisks(sc.risks, t.Now)
	t.Warmed = sc.people.warmed(t.Now)
}

// finishToday adds to t what the job news say, once the reach-outs and
// the risks are in, and names everyone t lists.
func (s *Store) finishToday(ctx context.Context, q querier, t *model.Today, sc *todayScratch, l todayLists) error {
	l.jobs.addTo(t)
	return s.namePeople(ctx, q, t, sc.people)
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
	// Each person read has nothing due and no meeting yet: only those
	// who have some are looked up.
	for id, n := range due.mine {
		if i, ok := people.index(id); ok {
			people.inputs[i].MineDue = n
		}
	}
	for id, n := range due.theirs {
		if i, ok := people.index(id); ok {
			people.inputs[i].TheirsDue = n
		}
	}
	for id, m := range inHand {
		if i, ok := people.index(id); ok {
			people.inputs[i].NextMeeting, people.inputs[i].NextMeetingKind = m.Start, m.Kind
		}
	}
	ranked := rules.RankReachOuts(people.inputs, now, model.TodayReachOuts)
	ids := make([]int64, len(ranked))
	for i, r := range ranked {
		ids[i] = r.PersonID
	}
	kinds, err := lastKinds(ctx, tx, ids, now)
	if err != nil {
		return err
	}
	for _, r := range ranked {
		i, _ := people.index(r.PersonID)
		in := people.inputs[i]
		in.LastKind = kinds[r.PersonID]
		t.ReachOuts = append(t.ReachOuts, rules.ReachOut(in, now))
	}
	return nil
}

// readHeadline fills the headline numbers t reads from their own
// tables: how the user's promises were resolved and the public
// thank-yous this quarter.
func readHeadline(ctx context.Context, q querier, t *model.Today) error {
	if err := countFollowThrough(ctx, q, &t.FollowThrough); err != nil {
		return err
	}
	now := t.Now
	y, m, _ := now.Date()
	quarterStart := time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, now.Location())
	var err error
	t.PublicThanks, err = count(ctx, q, `SELECT count(*) FROM interaction
		WHERE kind = 'thanks_public' AND at >= ? AND at <= ?`,
		instant(quarterStart), instant(now))
	return err
}

// warmed counts the people contacted in the calendar month of now: a
// last contact (up to now) this month means a contact this month.
func (p activePeople) warmed(now time.Time) int {
	y, m, _ := now.Date()
	monthStart := time.Date(y, m, 1, 0, 0, 0, 0, now.Location())
	n := 0
	for i := range p.inputs {
		if !p.inputs[i].LastContact.Before(monthStart) {
			n++
		}
	}
	return n
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

// parseNullTime reads a stored instant that may be NULL into dst.
func parseNullTime(s sql.NullString, dst *time.Time) error {
	if !s.Valid {
		*dst = time.Time{}
		return nil
	}
	return timeField{dst}.Scan(s.String)
}

// lastKinds are the kinds of the last contact at or before now of the
// given people, by ID, for those who have one.
func lastKinds(ctx context.Context, q querier, ids []int64, now time.Time) (map[int64]model.InteractionKind, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := []any{instant(now)}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := q.QueryContext(ctx, `SELECT p.id, (SELECT i.kind FROM interaction_person ip
		JOIN interaction i ON i.id = ip.interaction_id
		WHERE ip.person_id = p.id AND ip.at <= ?1 ORDER BY ip.at DESC LIMIT 1)
		FROM person p WHERE p.id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	kinds := make(map[int64]model.InteractionKind, len(ids))
	for rows.Next() {
		var id int64
		var kind sql.NullString
		if err := rows.Scan(&id, &kind); err != nil {
			return nil, err
		}
		kinds[id] = model.InteractionKind(kind.String)
	}
	return kinds, rows.Err()
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
