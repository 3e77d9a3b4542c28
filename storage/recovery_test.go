package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenRecoversWhatACrashLeft opens copies of a database taken while it
// was open, as a crash leaves it: the newest changes only in the
// write-ahead log, and its index file stale or missing. SQLite must
// recover the log before the file can be read, which a read-only look
// cannot do; Open must still open it, with nothing lost.
func TestOpenRecoversWhatACrashLeft(t *testing.T) {
	for _, shm := range []string{"missing", "empty", "stale"} {
		t.Run(shm, func(t *testing.T) {
			s := mustOpen(t)
			p := mustCreatePerson(t, s, "Dana Reyes")
			dir := t.TempDir()
			copyPath := filepath.Join(dir, "crashed.db")
			for _, suffix := range []string{"", "-wal"} {
				data, err := os.ReadFile(s.Path() + suffix)
				if err != nil {
					t.Fatal(err)
				}
				if suffix == "-wal" && len(data) == 0 {
					t.Fatal("the change is not in the write-ahead log: nothing to recover")
				}
				if err := os.WriteFile(copyPath+suffix, data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			switch shm {
			case "empty":
				if err := os.WriteFile(copyPath+"-shm", nil, 0o600); err != nil {
					t.Fatal(err)
				}
			case "stale":
				if err := os.WriteFile(copyPath+"-shm", make([]byte, 32768), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			got, err := Open(copyPath)
			if err != nil {
				t.Fatalf("Open after the crash: %v", err)
			}
			defer got.Close()
			back, err := got.Person(context.Background(), p.ID)
			if err != nil || back.Name != "Dana Reyes" {
				t.Fatalf("Person after recovery = %q, %v; want Dana Reyes", back.Name, err)
			}
		})
	}
}

// TestOpenRollsBackAHotJournal opens a copy of a database taken in the
// middle of a transaction in rollback-journal mode (as a crash while the
// journal mode is being set leaves it): the file holds half-written pages
// and the journal beside it the pages to put back. Open must roll the
// journal back, not read the half-written file.
func TestOpenRollsBackAHotJournal(t *testing.T) {
	s := mustOpen(t)
	for i := range 200 {
		mustCreatePerson(t, s, fmt.Sprintf("Person %03d %s", i, strings.Repeat("x", 150)))
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", dsn(path, "_journal_mode=DELETE&cache_size=1"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{"PRAGMA cache_size=1", "BEGIN IMMEDIATE", "UPDATE person SET name = 'Overwritten ' || id, notes = hex(randomblob(300))"} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	copyPath := filepath.Join(t.TempDir(), "crashed.db")
	for _, suffix := range []string{"", "-journal"} {
		data, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatalf("%s: %v", suffix, err)
		}
		if err := os.WriteFile(copyPath+suffix, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	got, err := Open(copyPath)
	if err != nil {
		t.Fatalf("Open after the crash: %v", err)
	}
	defer got.Close()
	people, err := got.People(ctx, false)
	if err != nil || len(people) != 200 || !strings.HasPrefix(people[0].Name, "Person 000") {
		t.Fatalf("after rolling back: %d people, first %q, %v", len(people), people[0].Name, err)
	}
}
