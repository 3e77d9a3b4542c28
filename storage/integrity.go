package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/mattn/go-sqlite3"
)

// ErrDamaged means the database failed its integrity check. Open refuses
// such a file without writing to it (not even a checkpoint), so that what
// is left of it can still be recovered; the way out is a backup.
var ErrDamaged = errors.New("database is damaged")

// checkFile runs the checks Open makes before it writes anything: the
// file is Rapport's and not too new (checkExisting), and it passes
// PRAGMA quick_check. A Rapport file whose first page is damaged looks
// like no Rapport file at all; it is reported as damaged, not as foreign.
func checkFile(path string, known int) error {
	err := checkExisting(path, known)
	if err == nil {
		return quickCheck(path)
	}
	if errors.Is(err, ErrNotRapport) {
		var e sqlite3.Error
		if qerr := quickCheck(path); errors.Is(qerr, ErrDamaged) &&
			!(errors.As(qerr, &e) && e.Code == sqlite3.ErrNotADB) {
			return qerr
		}
	}
	return err
}

// quickCheck runs PRAGMA quick_check on the database file at path through
// a read-only connection of its own with a small page cache (a large one
// makes the check several times slower), so that nothing, not even the
// checkpoint a read-write connection makes as it closes, writes to a
// damaged file. A missing or empty file passes: it will be made.
func quickCheck(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", dsn(path, "mode=ro&_busy_timeout=5000"))
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query("PRAGMA quick_check(10)")
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
