package storage

import (
	"context"
	"database/sql"
	"errors"
	"sync"

	"rapport/model"
)

// readTodaySnapshot fills t in one snapshot of the database, so that every
// list agrees. Reading the 5,000 people takes longer than all the rest
// together, so when it can it reads on two connections side by side
// (readTodaySideBySide), in two read transactions that see the same
// snapshot (see twoSnapshots). It can when this process holds the
// file's lock (a store from OpenReadOnly does not: another process may
// write) and no write of this store is under way (one may hold the
// write lock for long, and Today waits for no writer): otherwise it reads
// everything in turn in one read transaction (readTodayIn).
func (s *Store) readTodaySnapshot(ctx context.Context, t *model.Today, sc *todayScratch) error {
	if s.lock == nil || !s.writing.TryLock() {
		return s.inReadTx(ctx, func(q querier) error { return s.readTodayIn(ctx, q, t, sc) })
	}
	a, b, end, err := s.twoSnapshots(ctx)
	if err != nil {
		return err
	}
	defer end()
	return s.readTodaySideBySide(ctx, a, b, t, sc)
}

// readToday fills t through q, in the read transaction it is in (the
// weekly review reads Today in its own).
func (s *Store) readToday(ctx context.Context, q querier, t *model.Today) error {
	sc := todayScratches.Get().(*todayScratch)
	defer todayScratches.Put(sc)
	return s.readTodayIn(ctx, q, t, sc)
}

// readTodayIn fills t through q, one read after the other, with the
// room sc.
func (s *Store) readTodayIn(ctx context.Context, q querier, t *model.Today, sc *todayScratch) error {
	l, err := readTodayLists(ctx, q, t)
	if err != nil {
		return err
	}
	scan, err := newPeopleScan(ctx, q, t.Now, sc, 1)
	if err != nil {
		return err
	}
	if err := scan.run(ctx, q); err != nil {
		return err
	}
	if err := scan.gather(ctx, q); err != nil {
		return err
	}
	assessPeople(t, sc)
	if err := rankReachOuts(ctx, q, t, sc.people, l.due, l.inHand); err != nil {
		return err
	}
	return s.finishToday(ctx, q, t, sc, l)
}

// readTodaySideBySide fills t from a and b, two connections in the same
// snapshot. Reading the lists takes b a while; the people are read in
// parts, each by whichever connection is free; then the risks are
// assessed beside the ranking, which writes other fields of the people
// (what is due, the next meeting) than the risks read.
func (s *Store) readTodaySideBySide(ctx context.Context, a, b *sql.Conn, t *model.Today, sc *todayScratch) error {
	scan, err := newPeopleScan(ctx, a, t.Now, sc, todayParts)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	var aErr error
	wg.Go(func() { aErr = scan.run(ctx, a) })
	l, err := readTodayLists(ctx, b, t)
	if err == nil {
		err = scan.run(ctx, b)
	}
	wg.Wait()
	if err := errors.Join(aErr, err); err != nil {
		return err
	}
	if err := scan.gather(ctx, b); err != nil {
		return err
	}
	// The two write different fields of t.
	wg.Go(func() { assessPeople(t, sc) })
	err = rankReachOuts(ctx, b, t, sc.people, l.due, l.inHand)
	wg.Wait()
	if err != nil {
		return err
	}
	return s.finishToday(ctx, b, t, sc, l)
}

// twoSnapshots begins a read transaction on each of two connections and
// makes each take its snapshot with a first read, while the caller holds
// s.writing, which it releases. The snapshots are the same: every write
// of this process goes through s.writing (inTx) and the file's lock
// keeps every other process from writing, so no write can commit
// between the two first reads. end rolls both back and frees them.
func (s *Store) twoSnapshots(ctx context.Context) (a, b *sql.Conn, end func(), err error) {
	defer s.writing.Unlock()
	a, endA, err := s.beginSnapshot(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	snapshotTaken(s)
	b, endB, err := s.beginSnapshot(ctx)
	if err != nil {
		endA()
		return nil, nil, nil, err
	}
	snapshotTaken(s)
	return a, b, func() { endB(); endA() }, nil
}

// snapshotTaken is called in twoSnapshots as each connection has taken
// its snapshot; tests look at the write lock there.
var snapshotTaken = func(*Store) {}

// beginSnapshot takes a connection and begins a deferred read
// transaction on it (the DSN makes BeginTx immediate, which suits
// writers only), with a first read: from then on, the connection reads
// the database as it was then. end rolls back and frees the connection.
func (s *Store) beginSnapshot(ctx context.Context) (conn *sql.Conn, end func(), err error) {
	conn, err = s.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	end = func() { endRead(ctx, conn) }
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		_ = conn.Close()
		return nil, nil, err
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		end()
		return nil, nil, err
	}
	return conn, end, nil
}
