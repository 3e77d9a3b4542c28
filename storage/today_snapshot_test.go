package storage

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"rapport/model"
)

// TestTodayAgreesBesideWrites reads Today over and over while another
// goroutine logs public thank-yous, each with someone never contacted
// before, so that Today reads both side by side (between two writes)
// and on one connection (while a write holds the lock): the people
// (warmed this month) and the thank-yous counted apart (this quarter)
// must come from one snapshot, so the two numbers move together. The
// moment a write could slip between two snapshots is short, which
// TestTodayTakesBothSnapshotsUnderTheWriteLock checks.
func TestTodayAgreesBesideWrites(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	var people []model.Person
	for i := range 120 {
		people = append(people, mustCreatePerson(t, s, "Person "+string(rune('A'+i%26))+string(rune('a'+i/26))))
	}
	var wg sync.WaitGroup
	done := make(chan struct{})
	var writeErr error
	wg.Go(func() {
		defer close(done)
		for _, p := range people {
			i := model.Interaction{Kind: model.KindThanksPublic, At: testNow.Add(-time.Hour), PersonIDs: []int64{p.ID}}
			if writeErr = s.CreateInteraction(ctx, &i); writeErr != nil {
				return
			}
		}
	})
	reads := 0
	for running := true; running; reads++ {
		select {
		case <-done:
			running = false
		default:
		}
		td, err := s.Today(ctx, testNow)
		if err != nil {
			t.Fatal(err)
		}
		if td.Warmed != td.PublicThanks {
			t.Fatalf("read %d: %d people warmed this month, %d public thank-yous: want them equal, from one snapshot",
				reads, td.Warmed, td.PublicThanks)
		}
	}
	wg.Wait()
	if writeErr != nil {
		t.Fatal(writeErr)
	}
	td, err := s.Today(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if td.Warmed != len(people) || td.PublicThanks != len(people) {
		t.Errorf("after the writes: %d warmed, %d public thank-yous, want %d each", td.Warmed, td.PublicThanks, len(people))
	}
	t.Logf("%d reads beside the writes", reads)
}

// TestTodayTakesBothSnapshotsUnderTheWriteLock checks what makes the
// two connections Today reads side by side see the same snapshot: the
// write lock is held from before the first takes its snapshot until the
// second has, so no write of the store can commit in between.
func TestTodayTakesBothSnapshotsUnderTheWriteLock(t *testing.T) {
	f := newTodayFixture(t)
	taken := 0
	snapshotTaken = func(s *Store) {
		taken++
		if s.writing.TryLock() {
			s.writing.Unlock()
			t.Errorf("snapshot %d was taken with the write lock free: a write could commit between the two", taken)
		}
	}
	defer func() { snapshotTaken = func(*Store) {} }()
	if _, err := f.s.Today(t.Context(), testNow); err != nil {
		t.Fatal(err)
	}
	if taken != 2 {
		t.Errorf("Today took %d snapshots side by side, want 2", taken)
	}
}

// TestTwoSnapshotsAreTakenBeforeTheyReturn checks that twoSnapshots
// releases the write lock only once both connections hold their
// snapshot: a write that commits after it returns is seen by neither.
func TestTwoSnapshotsAreTakenBeforeTheyReturn(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mustCreatePerson(t, s, "Before")
	s.writing.Lock()
	a, b, end, err := s.twoSnapshots(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer end()
	mustCreatePerson(t, s, "After") // waits for the write lock
	for name, q := range map[string]querier{"first": a, "second": b} {
		n, err := count(ctx, q, `SELECT count(*) FROM person`)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("the %s connection sees %d people, want 1: the write after its snapshot", name, n)
		}
	}
}

// TestTodayReadsTheSameEveryWay compares Today read side by side on two
// connections with Today read on one: while a write holds the write
// lock (Today does not wait for it), from a read-only store beside the
// window, in the weekly review's own read transaction, and through
// database/sql rather than the driver itself.
func TestTodayReadsTheSameEveryWay(t *testing.T) {
	f := newTodayFixture(t)
	s, ctx := f.s, t.Context()
	want, err := s.Today(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.ReachOuts) == 0 || len(want.Due) == 0 || len(want.Risks) == 0 {
		t.Fatalf("the fixture's Today lacks something to compare: %+v", want)
	}
	s.writing.Lock()
	onOne, err := s.Today(ctx, testNow)
	s.writing.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	readOnly, err := r.Today(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	review, err := s.WeeklyReview(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	// Through database/sql's scanning, which a querier other than a
	// connection takes.
	scanned := model.Today{Now: testNow, People: make(map[int64]model.Person)}
	if err := s.readToday(ctx, s.db, &scanned); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]model.Today{
		"with a write under way": onOne, "read-only": readOnly, "in the weekly review": review.Today,
		"scanned by database/sql": scanned,
	} {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Today %s:\n got %+v\nwant %+v", name, got, want)
		}
	}
}
