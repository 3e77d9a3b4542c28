package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"
)

// Issue 18, fault 11: a panic inside a write transaction must not leave
// the write lock held.
func TestPanicInATransactionReleasesTheWriteLock(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic did not reach the caller")
			}
		}()
		_ = s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES ('x', 'y')`); err != nil {
				t.Fatal(err)
			}
			panic("boom")
		})
	}()
	mustCreatePerson(t, s, "Dana Reyes") // fails with "database is locked" if the lock leaked
	if got := countRows(t, s, "setting"); got != 0 {
		t.Errorf("the panicking transaction left %d settings, want it rolled back", got)
	}
}

// secure_delete is on for every pooled connection, and what is deleted
// does not stay in the file.
func TestSecureDeleteOnEveryConnection(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	var conns []*sql.Conn
	for range 3 { // held at once: three different connections
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var on int
		if err := c.QueryRowContext(ctx, "PRAGMA secure_delete").Scan(&on); err != nil || on != 1 {
			t.Errorf("connection %d: secure_delete = %d, %v; want 1", i, on, err)
		}
		c.Close()
	}
	p := mustCreatePerson(t, s, "Dana Reyes")
	p.Notes = "SECRET-" + string(bytes.Repeat([]byte("note "), 200))
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.Notes = "nothing to see"
	if err := s.UpdatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("SECRET-")) {
		t.Error("the edited note is still in the database file")
	}
}

// Issue 18, fault 2: the lock is on the file, not on the path.
func TestLockFollowsTheFileNotThePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	hard := filepath.Join(t.TempDir(), "hard.db")
	if err := os.Link(path, hard); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	soft := filepath.Join(dir, "soft.db")
	if err := os.Symlink(path, soft); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	others := []string{path, hard, soft}
	if runtime.GOOS == "windows" {
		others = []string{path, soft} // Windows locks by the resolved path: hard links are not recognised
	}
	for _, other := range others {
		if o, err := Open(other); !errors.Is(err, ErrLocked) {
			if o != nil {
				o.Close()
			}
			t.Errorf("Open(%s) while a.db is open = %v, want ErrLocked", filepath.Base(other), err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	o, err := Open(hard)
	if err != nil {
		t.Fatalf("Open(hard link) after Close: %v", err)
	}
	if got := countRows(t, o, "person"); got != 1 {
		t.Errorf("the hard link sees %d people, want 1", got)
	}
	o.Close()
}

// Opens racing through several links to one file: exactly one wins, the
// others are told it is locked, none that it is damaged.
func TestConcurrentOpensThroughLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows locks by the resolved path: hard links are not recognised")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	s.Close()
	paths := []string{path}
	for i := range 5 {
		p := filepath.Join(dir, "link"+string(rune('0'+i))+".db")
		if err := os.Link(path, p); err != nil {
			t.Skipf("no hard links here: %v", err)
		}
		paths = append(paths, p)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(paths))
	stores := make([]*Store, len(paths))
	for i, p := range paths {
		wg.Go(func() { stores[i], errs[i] = Open(p) })
	}
	wg.Wait()
	opened := 0
	for i, err := range errs {
		switch {
		case err == nil:
			opened++
			defer stores[i].Close()
		case !errors.Is(err, ErrLocked):
			t.Errorf("Open(%s) = %v, want ErrLocked", filepath.Base(paths[i]), err)
		}
	}
	if opened != 1 {
		t.Errorf("%d opens succeeded, want exactly 1", opened)
	}
}

// Issue 18, fault 3: opening a database that has people writes nothing.
func TestOpeningWritesNothing(t *testing.T) {
	s := mustOpen(t)
	mustCreatePerson(t, s, "Dana Reyes")
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, path)
	for range 2 {
		again, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var changes int
		if err := again.db.QueryRow("SELECT total_changes()").Scan(&changes); err != nil {
			t.Fatal(err)
		}
		if err := again.Close(); err != nil {
			t.Fatal(err)
		}
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fileSum(t, path) != sum || !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
		t.Errorf("opening twice changed the file (size %d -> %d, modified %v -> %v)",
			before.Size(), after.Size(), before.ModTime(), after.ModTime())
	}
}

// A disk error is said as such, never as a foreign file.
func TestDiskErrorsAreNotForeignFiles(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		wantErrno syscall.Errno
	}{
		{"SQLITE_FULL", sqlite3.Error{Code: sqlite3.ErrFull}, syscall.ENOSPC},
		{"an I/O error on a full disk", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, syscall.ENOSPC},
		{"a read-only disk", sqlite3.Error{Code: sqlite3.ErrCantOpen, SystemErrno: syscall.EROFS}, syscall.EROFS},
		{"no permission", sqlite3.Error{Code: sqlite3.ErrCantOpen, SystemErrno: syscall.EACCES}, syscall.EACCES},
		{"a full disk from the system", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, syscall.ENOSPC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := probeFailed(tt.err)
			if errors.Is(got, ErrNotRapport) {
				t.Errorf("probeFailed = %v, want no ErrNotRapport", got)
			}
			if !errors.Is(got, tt.wantErrno) {
				t.Errorf("probeFailed = %v, want it to wrap %v", got, tt.wantErrno)
			}
		})
	}
	if got := probeFailed(sqlite3.Error{Code: sqlite3.ErrNotADB}); !errors.Is(got, ErrNotRapport) {
		t.Errorf("probeFailed(SQLITE_NOTADB) = %v, want ErrNotRapport", got)
	}
}

// Issue 18, fault 9: a refused file gets no neighbours; a failed open or
// restore leaves no empty database and no lock.
func TestRefusedAndFailedOpensLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite3", dsn(foreign, "_journal_mode=WAL"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// A new database whose log cannot be made: a folder is in the way.
	blocked := filepath.Join(dir, "blocked.db")
	if err := os.Mkdir(blocked+"-wal", 0o700); err != nil {
		t.Fatal(err)
	}
	want := names(t, dir)
	sum := fileSum(t, foreign)
	if s, err := Open(foreign); !errors.Is(err, ErrNotRapport) {
		if s != nil {
			s.Close()
		}
		t.Errorf("Open(foreign) = %v, want ErrNotRapport", err)
	}
	if s, err := Open(blocked); err == nil {
		s.Close()
		t.Error("Open with a folder in place of its log succeeded")
	}
	if err := Restore(filepath.Join(dir, "new.db"), foreign); err == nil {
		t.Error("Restore from a foreign file succeeded")
	}
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("the folder holds %q, want %q as before", got, want)
	}
	if fileSum(t, foreign) != sum {
		t.Error("the foreign file changed")
	}
}
