package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// readWriteQuery configures every pooled connection of an open store.
// secure_delete makes SQLite overwrite what is deleted (an emptied trash,
// an edited note) with zeros instead of leaving it in free pages.
// _mutex=no opens each connection in SQLite's multi-thread mode, without
// a lock taken around every call (three per column of every row read):
// database/sql hands a connection to one goroutine at a time, which is
// all that mode asks.
const readWriteQuery = "_foreign_keys=on&_journal_mode=WAL&_synchronous=FULL&_busy_timeout=5000" +
	"&_txlock=immediate&_cache_size=-32000&_stmt_cache_size=64&_secure_delete=on&_mutex=no"

// Notice says what Open did to the file unasked, such as making it
// readable by the user alone or opening it read-only on a full disk, in
// sentences to show the user once; "" when nothing.
func (s *Store) Notice() string { return s.notice }

// ReadOnly reports why the store was opened read-only (a full disk, a
// read-only folder), nil when it can write.
func (s *Store) ReadOnly() error { return s.readOnly }

// joinNotice joins two notices with a space, either possibly empty.
func joinNotice(a, b string) string { return strings.TrimSpace(a + " " + b) }

// privatise makes the database file at path, and the -wal and -shm files
// beside it, readable by the user alone when anyone else may read them,
// and says so; a failure is said too, and the file opened all the same.
// Windows has no such modes: nothing to do there.
func privatise(path string) string {
	if runtime.GOOS == "windows" {
		return ""
	}
	var made, failed []string
	var was fs.FileMode
	for _, suffix := range []string{"", "-wal", "-shm"} {
		fi, err := os.Stat(path + suffix)
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		name := filepath.Base(path + suffix)
		if err := os.Chmod(path+suffix, 0o600); err != nil {
			failed = append(failed, fmt.Sprintf("Could not make %s readable by you alone: %v.", name, err))
			continue
		}
		if len(made) == 0 {
			was = fi.Mode().Perm()
		}
		made = append(made, name)
	}
	notice := strings.Join(failed, " ")
	if len(made) > 0 {
		notice = joinNotice(fmt.Sprintf("Made %s readable by you alone (it was %04o).",
			strings.Join(made, ", "), was), notice)
	}
	return notice
}

// connect opens the pool of connections of a store on the file at path.
// When the disk is full or read-only, so that SQLite cannot set up its
// write-ahead log, and current says the file's schema needs no
// migration, it opens the file read-only instead and returns why.
func connect(path string, current bool) (db *sql.DB, readOnly, err error) {
	db, err = sql.Open("sqlite3", dsn(path, readWriteQuery))
	if err != nil {
		return nil, nil, err
	}
	var v int
	err = db.QueryRow("PRAGMA user_version").Scan(&v)
	if err == nil {
		// SQLite reads a file it may not write without saying so; the
		// first write would fail.
		if err = writable(path); err == nil {
			return db, nil, nil
		}
	}
	db.Close()
	problem := diskProblem(err)
	fi, serr := os.Stat(path)
	if problem == nil || !current || serr != nil || fi.Size() == 0 {
		return nil, nil, describeDisk(err)
	}
	db, err = sql.Open("sqlite3", probeDSN(path)+"&_foreign_keys=on&_cache_size=-32000")
	if err != nil {
		return nil, nil, err
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		db.Close()
		return nil, nil, describeDisk(err)
	}
	return db, problem, nil
}

// probeDSN is the DSN of a read-only look at the file at path that leaves
// nothing beside it and needs no room on the disk: with no write-ahead log
// to read, the file is opened immutable (no -shm file, no locks; the
// caller holds the file's lock, or the file is a backup or damaged file
// that no one writes). A write-ahead log must be read through SQLite's
// usual read-only mode, which needs the -shm file.
func probeDSN(path string) string {
	if nonEmpty(path + "-journal") {
		// A hot journal left by a crash: the file may hold half-written
		// pages until SQLite rolls the journal back, which it does only
		// on a connection that may write.
		return dsn(path, "_busy_timeout=5000")
	}
	if nonEmpty(path + "-wal") {
		return dsn(path, "mode=ro&_busy_timeout=5000")
	}
	return dsn(path, "mode=ro&immutable=1")
}

// openProbe opens the read-only look of probeDSN at the file at path and
// reads its schema once. A file left by a crash, with a hot rollback
// journal or a write-ahead log whose index must be rebuilt, cannot be read
// read-only (SQLite says "attempt to write a readonly database"): SQLite
// must first recover it, as any open for writing does, so the look is
// opened again for writing. The files SQLite needs for that are already
// beside it, so nothing new is left there.
func openProbe(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", probeDSN(path))
	if err != nil {
		return nil, err
	}
	var v int
	err = db.QueryRow("PRAGMA schema_version").Scan(&v)
	var e sqlite3.Error
	if err == nil || !errors.As(err, &e) || e.Code != sqlite3.ErrReadonly || !leftByACrash(path) {
		return db, nil // a failed read is the caller's to explain
	}
	db.Close()
	return sql.Open("sqlite3", dsn(path, "_busy_timeout=5000"))
}

// leftByACrash reports whether a rollback journal or a write-ahead log
// lies beside the file at path.
func leftByACrash(path string) bool {
	return nonEmpty(path+"-journal") || nonEmpty(path+"-wal")
}

// nonEmpty reports whether a file with something in it is at path.
func nonEmpty(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Size() > 0
}

// probeFailed explains a read of a file's header that failed: not a
// database when SQLite says so, a full or read-only disk as such, else
// the error.
func probeFailed(err error) error {
	var e sqlite3.Error
	if errors.As(err, &e) && (e.Code == sqlite3.ErrNotADB || e.Code == sqlite3.ErrCorrupt) {
		return fmt.Errorf("%w: %v", ErrNotRapport, err)
	}
	return describeDisk(err)
}

// diskProblem says, in words and wrapping the system's error number, what
// is wrong with the disk when err is an SQLite or system error saying it
// is full, read-only or not ours to write; nil for any other error.
func diskProblem(err error) error {
	var errno syscall.Errno
	var e sqlite3.Error
	if errors.As(err, &e) {
		errno = e.SystemErrno
		if errno == 0 && e.Code == sqlite3.ErrFull {
			errno = syscall.ENOSPC
		}
	} else if !errors.As(err, &errno) {
		return nil
	}
	switch errno {
	case syscall.ENOSPC:
		return fmt.Errorf("the disk is full (%w)", errno)
	case syscall.EROFS:
		return fmt.Errorf("the disk is read-only (%w)", errno)
	case syscall.EACCES, syscall.EPERM:
		return fmt.Errorf("the folder or file may not be written (%w)", errno)
	}
	return nil
}

// describeDisk is err, preceded by what is wrong with the disk when
// diskProblem knows.
func describeDisk(err error) error {
	if p := diskProblem(err); p != nil {
		return fmt.Errorf("%w: %w", p, err)
	}
	return err
}
