package storage

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "rapport")
	path := filepath.Join(dir, "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tt := range []struct {
		path string
		want os.FileMode
	}{{dir, 0o700}, {path, 0o600}, {path + "-wal", 0o600}} {
		fi, err := os.Stat(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != tt.want {
			t.Errorf("%s mode = %v, want %v", filepath.Base(tt.path), got, tt.want)
		}
	}
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a lock file beside the database: %v; the database file itself is locked", err)
	}
	var journal string
	var fk, sync int
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&journal); err != nil || journal != "wal" {
		t.Errorf("journal_mode = %q, %v", journal, err)
	}
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
	if err := s.db.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
		t.Errorf("synchronous = %d (want 2, FULL), %v", sync, err)
	}
}

func TestMigrationsRunOnceAndReopenIsANoOp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	migrations, _ := loadMigrations()
	v, err := s.SchemaVersion(t.Context())
	if err != nil || v != len(migrations) {
		t.Fatalf("schema version = %d, %v; want %d", v, err, len(migrations))
	}
	schema := func(db *sql.DB) string {
		rows, err := db.Query(`SELECT type || name || coalesce(sql, '') FROM sqlite_master ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var line string
			rows.Scan(&line)
			b.WriteString(line + "\n")
		}
		return b.String()
	}
	before := schema(s.db)
	mustCreatePerson(t, s, "Dana Reyes")
	s.Close()

	// Applying the migrations again changes nothing and loses nothing.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.migrate(t.Context(), migrations); err != nil {
		t.Fatalf("migrate again: %v", err)
	}
	if after := schema(s.db); after != before {
		t.Errorf("schema changed on reopen:\n%s\nvs\n%s", before, after)
	}
	if v2, _ := s.SchemaVersion(t.Context()); v2 != v {
		t.Errorf("schema version went from %d to %d", v, v2)
	}
	if n := countRows(t, s, "person"); n != 1 {
		t.Errorf("%d people after reopen, want 1", n)
	}
}

func TestOpenRefusesFilesItDoesNotOwn(t *testing.T) {
	dir := t.TempDir()
	otherDB := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite3", "file:"+otherDB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want error
	}{
		{"another app's SQLite database", otherDB, ErrNotRapport},
		{"a text file", write("notes.db", []byte("Dear diary, today I met Dana.\n")), ErrNotRapport},
		{"a short binary file", write("short.db", []byte{0x89, 'P', 'N', 'G'}), ErrNotRapport},
		{"a PNG renamed", write("picture.db", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 200)...)), ErrNotRapport},
		{"a newer Rapport database", newer, ErrTooNew},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fileSum(t, tt.path)
			s, err := Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open error = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name the file", err)
			}
			if after := fileSum(t, tt.path); after != before {
				t.Error("the file was modified")
			}
			if _, err := os.Stat(tt.path + "-wal"); err == nil && tt.want == ErrNotRapport {
				t.Error("a -wal file was created beside it")
			}
		})
	}
}

func TestEmptyFileBecomesADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(empty file) = %v", err)
	}
	s.Close()
}

func TestSecondOpenIsRefusedUntilTheFirstCloses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Open(path)
	if err == nil {
		second.Close()
		t.Fatal("a second Open of the same database succeeded")
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open error = %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "another Rapport") {
		t.Errorf("error %q does not say what is wrong", err)
	}
	first.Close()
	third, err := Open(path)
	if err != nil {
		t.Fatalf("Open after the first closed = %v", err)
	}
	third.Close()
}

func TestDSNEscapesAwkwardPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my data #1 ?%")
	s, err := Open(filepath.Join(dir, "rap port.db"))
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana")
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "rap port.db")); err != nil {
		t.Errorf("database not at the path asked for: %v", err)
	}
}
