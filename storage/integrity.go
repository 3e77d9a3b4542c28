package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// ErrDamaged means the database failed its integrity check. Open refuses
// such a file without writing to it (not even a checkpoint), so that what
// is left of it can still be recovered; the way out is a backup.
var ErrDamaged = errors.New("database is damaged")

// checkFile runs the checks Open makes before it writes anything: the
// file is Rapport's and not too new (checkExisting), and it passes
// PRAGMA quick_check, unless later is set and the file's schema is
// current (then the caller checks it in the background). A Rapport file
// whose first page is damaged looks like no Rapport file at all; it is
// reported as damaged, not as foreign. It returns the file's schema
// version.
func checkFile(path string, known int, later bool) (version int, err error) {
	version, err = checkExisting(path, known, later)
	if err == nil {
		return version, nil
	}
	if errors.Is(err, ErrNotRapport) {
		var e sqlite3.Error
		if qerr := quickCheck(context.Background(), path); errors.Is(qerr, ErrDamaged) &&
			!(errors.As(qerr, &e) && e.Code == sqlite3.ErrNotADB) {
			return 0, qerr
		}
	}
	return 0, err
}

// integrityCheck is the quick_check of an open store's file: its result,
// once done is closed. A nil one is a check made before the file was
// opened, and passed.
type integrityCheck struct {
	done   chan struct{}
	err    error
	cancel context.CancelFunc
	// start lets the check begin; begin closes it, once.
	start chan struct{}
	begin func()
}

// checkInBackground prepares the quick_check of the file at path, on a
// goroutine of its own, to begin when it is first asked for (Intact):
// the window asks once its first screen is shown, so that the check's
// half a second of CPU on a large file does not slow that screen, and a
// write asks before it writes.
func checkInBackground(path string) *integrityCheck {
	ctx, cancel := context.WithCancel(context.Background())
	c := &integrityCheck{done: make(chan struct{}), cancel: cancel, start: make(chan struct{})}
	c.begin = sync.OnceFunc(func() { close(c.start) })
	go inBackground(func() {
		defer close(c.done)
		select {
		case <-c.start:
			c.err = quickCheck(ctx, path)
		case <-ctx.Done():
			c.err = ctx.Err()
		}
	})
	return c
}

// stop ends the check if it is still running (or has not begun) and
// waits for it. A check stopped before it finished counts as not passed.
func (c *integrityCheck) stop() {
	if c == nil {
		return
	}
	c.cancel()
	<-c.done
}

// Intact waits for the integrity check of the file (run by Open before it
// returned, or in the background after OpenCheckingInBackground, begun
// by the first call of Intact) and returns its result: nil, or an error
// wrapping ErrDamaged. Writes and backups call it first, so a damaged
// file is never written to.
func (s *Store) Intact(ctx context.Context) error {
	if s.intact == nil { // checked before it was opened
		return nil
	}
	s.intact.begin()
	select {
	case <-s.intact.done:
		if s.intact.err != nil {
			return fmt.Errorf("database %s: %w", s.path, s.intact.err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// quickCheck runs PRAGMA quick_check on the database file at path through
// a read-only connection of its own with a small page cache (a large one
// makes the check several times slower), so that nothing, not even the
// checkpoint a read-write connection makes as it closes, writes to a
// damaged file. A missing or empty file passes: it will be made.
func quickCheck(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	db, err := openProbe(path)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check(10)")
	return checkResult("quick_check", rows, err)
}

// IntegrityCheck runs SQLite's full PRAGMA integrity_check, which also
// compares every index with its table, and returns an error wrapping
// ErrDamaged, with the first problem found, when the database fails it.
// It reads the whole file: seconds on a large database.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check(10)")
	return checkResult("integrity_check", rows, err)
}

// checkResult reads the rows of an integrity pragma: the single row "ok",
// or one line per problem. An SQLite error saying the file is corrupt or
// not a database counts as damage too.
func checkResult(pragma string, rows *sql.Rows, err error) error {
	if err != nil {
		return checkFailed(pragma, err)
	}
	defer rows.Close()
	var first string
	n := 0
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return checkFailed(pragma, err)
		}
		if n == 0 {
			first = line
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return checkFailed(pragma, err)
	}
	switch {
	case n == 1 && first == "ok":
		return nil
	case n == 0:
		return fmt.Errorf("%w: %s reported nothing", ErrDamaged, pragma)
	default:
		return fmt.Errorf("%w: %s: %s", ErrDamaged, pragma, first)
	}
}

// checkFailed explains an integrity pragma that could not run: damage when
// SQLite says so, else the error as it is (a busy or unreadable file is
// not a damaged one).
func checkFailed(pragma string, err error) error {
	var e sqlite3.Error
	if errors.As(err, &e) && (e.Code == sqlite3.ErrCorrupt || e.Code == sqlite3.ErrNotADB) {
		return fmt.Errorf("%w: %s: %w", ErrDamaged, pragma, err)
	}
	return fmt.Errorf("%s: %w", pragma, err)
}
