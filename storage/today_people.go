package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"rapport/model"
)

// todayPeopleQuery reads what Today needs of each active person with an
// ID from ?2 to ?3, in order of ID, from the person_reach index alone;
// ?1 is now. It gives when they were added only for a cadence set and
// perhaps no contact by now (todayPerson looks at it only when there was
// none), and of the folded credits' next change only whether it is at or
// before now: stored instants sort as text in time order, which the
// comparisons with last_at and thanked_at rely on too.
const todayPeopleQuery = `SELECT id, name, relation, influence, stance, cadence_days,
	cadence_set, CASE WHEN cadence_set AND (last_at IS NULL OR last_at > ?1) THEN created_at END,
	credit_folded, credit_next IS NOT NULL AND credit_next <= ?1,
	CASE WHEN last_at IS NULL OR last_at <= ?1 THEN last_at
		ELSE (SELECT max(at) FROM interaction_person WHERE person_id = person.id AND at <= ?1) END,
	CASE WHEN thanked_at IS NULL OR thanked_at <= ?1 THEN thanked_at
		ELSE (SELECT max(ip.at) FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id
			WHERE ip.person_id = person.id AND ip.at <= ?1
			AND i.kind IN ('thanks_private', 'thanks_public')) END
	FROM person WHERE archived_at IS NULL AND id BETWEEN ?2 AND ?3 ORDER BY id`

// activePeople are the active people as Today reads them: each as a
// reach-out candidate with their balance, in order of ID, and their last
// thank-you (zero for none) at the same index.
type activePeople struct {
	inputs  []model.ReachOutInput
	thanked []time.Time
}

// index is where the person with the given ID is in p.inputs. It looks
// at the inputs in place: slices.BinarySearchFunc would copy each one it
// compares, hundreds of bytes.
func (p activePeople) index(id int64) (int, bool) {
	i := sort.Search(len(p.inputs), func(i int) bool { return p.inputs[i].Person.ID >= id })
	return i, i < len(p.inputs) && p.inputs[i].Person.ID == id
}

// todayScratch is the room one Today read works in: slices per person
// (5,000 of them make megabytes), kept between reads in todayScratches
// so that each read does not allocate and clear them again. Nothing a
// read returns points into it, and each read writes every element it
// uses before reading it: it keeps no result from one read to the next.
type todayScratch struct {
	people activePeople
	parts  []todayPart
	stale  []int64
	risks  []model.RiskInput
}

var todayScratches = sync.Pool{New: func() any { return new(todayScratch) }}

// todayPart is the active people of one part of the range of IDs, as
// scanTodayPeople reads them.
type todayPart struct {
	people activePeople
	stale  []int64 // whose folded credits a later credit overtook
}

// todayParts is how many parts of the range of IDs the people are read
// in, so that two connections can share them out.
const todayParts = 8

// peopleScan reads the active people, part by part, on one connection
// or more: each takes the next part not yet taken until none is left.
type peopleScan struct {
	now  time.Time
	from []int64 // part i holds the IDs from from[i] up to from[i+1] (not included)
	to   int64   // the last part holds the IDs up to to (included)
	next atomic.Int64
	sc   *todayScratch
}

// newPeopleScan splits the range of the active people's IDs into at
// most parts parts of sc.parts, each read into its own room.
func newPeopleScan(ctx context.Context, q querier, now time.Time, sc *todayScratch, parts int) (*peopleScan, error) {
	lo, hi, err := activeIDs(ctx, q)
	if err != nil {
		return nil, err
	}
	ps := &peopleScan{now: now, sc: sc}
	if !lo.Valid || !hi.Valid {
		sc.parts = sc.parts[:0]
		return ps, nil
	}
	// In unsigned arithmetic, which cannot overflow here, part i holds
	// the IDs from lo + i×step on, the last one up to hi.
	span := uint64(hi.Int64) - uint64(lo.Int64)
	n := uint64(parts)
	if span < n {
		n = span + 1
	}
	step := span / n
	ps.from = make([]int64, n)
	for i := range ps.from {
		ps.from[i] = int64(uint64(lo.Int64) + step*uint64(i))
	}
	ps.to = hi.Int64
	sc.parts = slices.Grow(sc.parts[:0], int(n))[:n]
	// Room for as many people as a part holds IDs, up to a bound (the
	// IDs may be sparse): growing a slice of large elements as rows come
	// costs more than the reading (a read after others reuses its room).
	room := int(min(step+1, partRoom))
	for i := range sc.parts {
		p := &sc.parts[i].people
		p.inputs, p.thanked = slices.Grow(p.inputs[:0], room), slices.Grow(p.thanked[:0], room)
	}
	return ps, nil
}

// partRoom is the most people a part makes room for before reading.
const partRoom = 1024

// activeIDs are the lowest and highest IDs of the active people; not
// valid when there is none.
func activeIDs(ctx context.Context, q querier) (lo, hi sql.NullInt64, err error) {
	rows, err := q.QueryContext(ctx, `SELECT (SELECT min(id) FROM person WHERE archived_at IS NULL),
		(SELECT max(id) FROM person WHERE archived_at IS NULL)`)
	if err != nil {
		return lo, hi, err
	}
	defer rows.Close()
	if rows.Next() {
		err = rows.Scan(&lo, &hi)
	}
	return lo, hi, errors.Join(err, rows.Err())
}

// run reads parts through q until none is left.
func (ps *peopleScan) run(ctx context.Context, q querier) error {
	for {
		i := int(ps.next.Add(1) - 1)
		if i >= len(ps.sc.parts) {
			return nil
		}
		to := ps.to
		if i+1 < len(ps.from) {
			to = ps.from[i+1] - 1
		}
		if err := scanTodayPeople(ctx, q, ps.now, ps.from[i], to, &ps.sc.parts[i]); err != nil {
			return err
		}
	}
}

// gather puts the parts together in sc.people, in order of ID, and
// gives the people whose folded credits are stale their balance at now
// from their history, read through q.
func (ps *peopleScan) gather(ctx context.Context, q querier) error {
	sc := ps.sc
	p := &sc.people
	n := 0
	for i := range sc.parts {
		n += len(sc.parts[i].people.inputs)
	}
	p.inputs, p.thanked = slices.Grow(p.inputs[:0], n), slices.Grow(p.thanked[:0], n)
	sc.stale = sc.stale[:0]
	for i := range sc.parts {
		part := &sc.parts[i]
		p.inputs = append(p.inputs, part.people.inputs...)
		p.thanked = append(p.thanked, part.people.thanked...)
		sc.stale = append(sc.stale, part.stale...)
	}
	if len(sc.stale) == 0 {
		return nil
	}
	credits, err := creditsOf(ctx, q, sc.stale)
	if err != nil {
		return err
	}
	for _, id := range sc.stale {
		i, _ := p.index(id)
		p.inputs[i].Balance = rules.Balance(credits[id], ps.now)
	}
	return nil
}

// risks are the inputs of model.NetworkRisks at now: the people it may
// count or name (model.RiskCandidate), for whom it gives the same risks
// as for everyone. They are written into out's room.
func (p activePeople) risks(now time.Time, out []model.RiskInput) []model.RiskInput {
	n := 0
	for i := range p.inputs {
		if model.RiskCandidate(p.inputs[i].Person) {
			n++
		}
	}
	out = slices.Grow(out[:0], n)
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

// scanTodayPeople reads the active people with IDs from lo to hi into
// part: each as a reach-out candidate (name and the fields that
// rank them, when they were added only where it counts, not their title
// or notes) with their last contact and last thank-you at or before now
// (the person row also counts those typed in ahead of time), and their
// balance at now from their folded credits, or their ID in part.stale
// when a later credit overtook those. It reads the driver's values as
// they are (database/sql converting and copying each of 60,000 cells
// doubles the time).
func scanTodayPeople(ctx context.Context, q querier, now time.Time, lo, hi int64, part *todayPart) error {
	p := &part.people
	p.inputs, p.thanked, part.stale = p.inputs[:0], p.thanked[:0], part.stale[:0]
	args := []driver.NamedValue{{Ordinal: 1, Value: instant(now)}, {Ordinal: 2, Value: lo}, {Ordinal: 3, Value: hi}}
	return eachRow(ctx, q, todayPeopleQuery, args, func(row []driver.Value) error {
		in, thanked, stale, err := todayPerson(row, now)
		if err != nil {
			return err
		}
		if stale {
			part.stale = append(part.stale, in.Person.ID)
		}
		p.inputs = append(p.inputs, in)
		p.thanked = append(p.thanked, thanked)
		return nil
	})
}

// todayPerson is one row of todayPeopleQuery: the person as a reach-out
// candidate with their balance at now, their last thank-you, and whether
// their folded credits are stale (then the balance is left 0).
func todayPerson(row []driver.Value, now time.Time) (in model.ReachOutInput, thanked time.Time, stale bool, err error) {
	var c cells
	p := &in.Person
	p.ID, p.Name, p.Relation = c.int(row[0]), c.text(row[1]), model.Relation(c.text(row[2]))
	p.Influence, p.Stance, p.CadenceDays = int(c.int(row[3])), model.Stance(c.text(row[4])), int(c.int(row[5]))
	p.CadenceSet, stale = c.int(row[6]) != 0, c.int(row[9]) != 0
	folded := c.float(row[8])
	c.time(row[10], &in.LastContact)
	c.time(row[11], &thanked)
	// When they were added counts only for a cadence set and no contact.
	if p.CadenceSet && in.LastContact.IsZero() {
		c.time(row[7], &p.CreatedAt)
	}
	if c.err != nil {
		return in, thanked, stale, fmt.Errorf("person %d: %w", p.ID, c.err)
	}
	if !stale {
		in.Balance = rules.Unfold(folded, now)
	}
	return in, thanked, stale, nil
}

// cells converts the driver's values of a row, keeping the first error.
type cells struct{ err error }

func (c *cells) fail(what string, v driver.Value) {
	if c.err == nil {
		c.err = fmt.Errorf("%s column holds %T", what, v)
	}
}

func (c *cells) int(v driver.Value) int64 {
	switch v := v.(type) {
	case int64:
		return v
	case bool:
		if v {
			return 1
		}
		return 0
	}
	c.fail("integer", v)
	return 0
}

func (c *cells) float(v driver.Value) float64 {
	switch v := v.(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	c.fail("real", v)
	return 0
}

func (c *cells) text(v driver.Value) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	c.fail("text", v)
	return ""
}

// time reads a stored instant, or NULL as the zero time, into dst.
func (c *cells) time(v driver.Value, dst *time.Time) {
	if err := (timeField{dst}).Scan(v); err != nil && c.err == nil {
		c.err = err
	}
}

// eachRow runs query with args through q and calls fn with each row's
// values as the driver gives them, which are good until fn returns. On a
// connection it asks the driver itself.
func eachRow(ctx context.Context, q querier, query string, args []driver.NamedValue,
	fn func(row []driver.Value) error) error {
	conn, ok := q.(*sql.Conn)
	if !ok {
		return eachScannedRow(ctx, q, query, args, fn)
	}
	raw := true
	err := conn.Raw(func(dc any) error {
		qc, ok := dc.(driver.QueryerContext)
		if !ok {
			raw = false // conn cannot be queried while Raw holds it
			return nil
		}
		return eachDriverRow(ctx, qc, query, args, fn)
	})
	if !raw {
		return eachScannedRow(ctx, q, query, args, fn)
	}
	return err
}

// eachDriverRow is eachRow through the driver's connection qc.
func eachDriverRow(ctx context.Context, qc driver.QueryerContext, query string, args []driver.NamedValue,
	fn func(row []driver.Value) error) error {
	rows, err := qc.QueryContext(ctx, query, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	row := make([]driver.Value, len(rows.Columns()))
	for {
		if err := rows.Next(row); errors.Is(err, io.EOF) {
			return rows.Close()
		} else if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}

// eachScannedRow is eachRow through database/sql, which hands on the
// driver's values when scanning into an any.
func eachScannedRow(ctx context.Context, q querier, query string, args []driver.NamedValue,
	fn func(row []driver.Value) error) error {
	params := make([]any, len(args))
	for i, a := range args {
		params[i] = a.Value
	}
	rows, err := q.QueryContext(ctx, query, params...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	row, dest := make([]driver.Value, len(cols)), make([]any, len(cols))
	for i := range row {
		dest[i] = (*any)(&row[i]) // scanned as is
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return rows.Err()
}
