package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"rapport/model"
)

// WarmPaths reads the tie graph at now and returns the best chains of
// introductions from the user to the person with the given ID (see
// model.TieGraph.WarmPaths): none for someone archived or unknown. It is
// its own read, apart from the person page's, for the window to run off
// the UI goroutine.
func (s *Store) WarmPaths(ctx context.Context, personID int64, now time.Time) ([]model.WarmPath, error) {
	var paths []model.WarmPath
	err := s.inReadTx(ctx, func(q querier) error {
		n, err := tieGraphAround(ctx, q, personID, now)
		if err != nil {
			return err
		}
		paths = model.NewTieGraph(n).WarmPaths(personID)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("warm paths to person %d: %w", personID, err)
	}
	return paths, nil
}

// ReachRisks reads the tie graph and the panels of the roles not archived
// at now and returns where the user's reach is thin (model.ReachRisks):
// panel members with one champion, influential people reached through one
// person, cold brokers. It is its own read, apart from Today's.
//
// The whole tie graph takes tens of milliseconds to read and walk at
// thousands of people, and Today asks on every show: the store keeps the
// last answer until something is written or the day of now changes, so a
// second ask on the same day with nothing written in between gives the
// answer of the first, with the warmth figures as they were then.
func (s *Store) ReachRisks(ctx context.Context, now time.Time) ([]model.Risk, error) {
	key := riskKey{day: now.Format(dayLayout), zone: now.Location().String()}
	if s.version != nil {
		key.version = s.version.Load() // before the read: see Store.version
	}
	if risks, ok := s.reachRisks.get(key); ok {
		return risks, nil
	}
	risks, err := s.readReachRisks(ctx, now)
	if err == nil {
		s.reachRisks.put(key, risks)
	}
	return slices.Clone(risks), err
}

// riskKey is what a kept ReachRisks answer holds for: the data as it was
// after so many writes, and the day of now in its zone.
type riskKey struct {
	version   uint64
	day, zone string
}

// riskCache keeps the last ReachRisks answer; a nil one keeps nothing.
type riskCache struct {
	mu    sync.Mutex
	key   riskKey
	risks []model.Risk
	kept  bool
	reads int // answers computed, for tests
}

func (c *riskCache) get(key riskKey) ([]model.Risk, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.kept || c.key != key {
		return nil, false
	}
	return slices.Clone(c.risks), true
}

func (c *riskCache) put(key riskKey, risks []model.Risk) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.key, c.risks, c.kept = key, slices.Clone(risks), true
	c.reads++
}

// readReachRisks is ReachRisks read afresh.
func (s *Store) readReachRisks(ctx context.Context, now time.Time) ([]model.Risk, error) {
	var risks []model.Risk
	err := s.inReadTx(ctx, func(q querier) error {
		n, err := tieGraph(ctx, q, now)
		if err != nil {
			return err
		}
		seats, err := panelSeats(ctx, q)
		if err != nil {
			return err
		}
		risks = model.ReachRisks(model.NewTieGraph(n), seats)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reach risks: %w", err)
	}
	return risks, nil
}

// tieGraph reads what model.NewTieGraph needs at now: the active people
// with the fields the paths and risks use and their warmth, and every tie
// (the model drops those to archived people).
func tieGraph(ctx context.Context, q querier, now time.Time) (model.Network, error) {
	ties, err := count(ctx, q, `SELECT count(*) FROM tie`)
	if err != nil {
		return model.Network{}, err
	}
	n := model.Network{Now: now, Ties: make([]model.Tie, 0, ties)}
	if n.Ties, err = scanTieEnds(ctx, q, n.Ties, `SELECT from_id, to_id, kind FROM tie`); err != nil {
		return model.Network{}, err
	}
	n.People, err = tieGraphPeople(ctx, q, now, `1`)
	return n, err
}

// tieGraphAround is tieGraph cut to what a warm path to the person with
// the given ID can use: the ties of the people tied to them (theirs
// included) and the people at either end. Read through the tie indexes,
// it does not grow with the network.
func tieGraphAround(ctx context.Context, q querier, personID int64, now time.Time) (model.Network, error) {
	n := model.Network{Now: now}
	var err error
	n.Ties, err = scanTieEnds(ctx, q, nil, `WITH near(id) AS (SELECT ?1
			UNION SELECT to_id FROM tie WHERE from_id = ?1 UNION SELECT from_id FROM tie WHERE to_id = ?1)
		SELECT from_id, to_id, kind FROM tie WHERE from_id IN near
		UNION SELECT from_id, to_id, kind FROM tie WHERE to_id IN near`, personID)
	if err != nil {
		return model.Network{}, err
	}
	ids := map[int64]bool{personID: true}
	for _, t := range n.Ties {
		ids[t.FromID], ids[t.ToID] = true, true
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, strconv.FormatInt(id, 10))
	}
	n.People, err = tieGraphPeople(ctx, q, now, `id IN (SELECT value FROM json_each(?2))`,
		"["+strings.Join(list, ",")+"]")
	return n, err
}

// scanTieEnds appends to out the ties a query selects as from_id, to_id,
// kind: all a tie graph needs of them.
func scanTieEnds(ctx context.Context, q querier, out []model.Tie, query string, args ...any) ([]model.Tie, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var from, to int64
	var kind string
	for rows.Next() {
		if err := rows.Scan(&from, &to, &kind); err != nil {
			return nil, err
		}
		out = append(out, model.Tie{FromID: from, ToID: to, Kind: model.TieKind(kind)})
	}
	return out, rows.Err()
}

// tieGraphPeople reads the active people the condition where (on the
// person table; its arguments from ?2 on) selects, with their name, team,
// organisation, influence, stance and cadence, their last contact at or
// before now, and their balance and warmth at now.
func tieGraphPeople(ctx context.Context, q querier, now time.Time, where string, args ...any) ([]model.NetworkPerson, error) {
	people, folds, err := tieGraphRows(ctx, q, now, where, args...)
	if err != nil {
		return nil, err
	}
	bal, err := balances(ctx, q, folds, now)
	if err != nil {
		return nil, err
	}
	for i := range people {
		np := &people[i]
		np.Balance = bal[np.Person.ID]
		np.Warmth = rules.Warmth(np.Balance, np.LastContact, np.Person.CadenceDays, now)
	}
	return people, nil
}

// tieGraphRows reads the people of tieGraphPeople with their folded
// credits.
func tieGraphRows(ctx context.Context, q querier, now time.Time, where string, args ...any) ([]model.NetworkPerson, map[int64]foldedBalance, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, team, organisation, influence, stance, cadence_days,
		credit_folded, credit_next,
		CASE WHEN last_at IS NULL OR last_at <= ?1 THEN last_at
			ELSE (SELECT max(at) FROM interaction_person WHERE person_id = person.id AND at <= ?1) END
		FROM person WHERE archived_at IS NULL AND `+where, append([]any{instant(now)}, args...)...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []model.NetworkPerson
	folds := map[int64]foldedBalance{}
	var id, influence, cadence int64
	var name, team, org, stance string
	var folded float64
	var next, last sql.NullString
	for rows.Next() {
		if err := rows.Scan(&id, &name, &team, &org, &influence, &stance, &cadence, &folded, &next, &last); err != nil {
			return nil, nil, err
		}
		np := model.NetworkPerson{Person: model.Person{ID: id, Name: name, Team: team, Organisation: org,
			Influence: int(influence), Stance: model.Stance(stance), CadenceDays: int(cadence)}}
		f := foldedBalance{folded: folded}
		if err := parseNullTime(next, &f.next); err != nil {
			return nil, nil, err
		}
		if err := parseNullTime(last, &np.LastContact); err != nil {
			return nil, nil, err
		}
		out = append(out, np)
		folds[id] = f
	}
	return out, folds, rows.Err()
}

// panelSeats reads who sits on the panel of each role not archived, with
// the role's title.
func panelSeats(ctx context.Context, q querier) ([]model.PanelSeat, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.role_id, m.person_id, m.part, r.title FROM panel_member m
		JOIN role r ON r.id = m.role_id WHERE r.archived_at IS NULL ORDER BY r.id, m.person_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.PanelSeat
	for rows.Next() {
		var s model.PanelSeat
		if err := rows.Scan(&s.Member.RoleID, &s.Member.PersonID, &s.Member.Part, &s.Role); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
