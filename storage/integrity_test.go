package storage

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rapport/model"
)

// pageSize reads the page size from an SQLite file's header.
func pageSize(t *testing.T, data []byte) int {
	t.Helper()
	if len(data) < 100 || string(data[:16]) != "SQLite format 3\x00" {
		t.Fatal("not an SQLite file")
	}
	n := int(binary.BigEndian.Uint16(data[16:18]))
	if n == 1 {
		n = 65536
	}
	return n
}

// garbage is what damage writes: its first byte is no b-tree page type.
var garbage = []byte("garbage! ")

// damage returns a copy of an SQLite file with a page of its data (the
// first in use from three quarters in: the schema's own pages can lie in
// the middle since 0012_search_letter.sql made tables again, and a page on
// the freelist is no b-tree page) overwritten with garbage, as a failing
// disk or a stray write might.
func damage(t *testing.T, data []byte) []byte {
	t.Helper()
	size := pageSize(t, data)
	pages := len(data) / size
	if pages < 3 {
		t.Fatalf("only %d pages: nothing in the middle to damage", pages)
	}
	free := freePages(data, size)
	n := pages * 3 / 4 // 0-based: page n+1
	for n < pages-1 && free[n+1] {
		n++
	}
	if free[n+1] {
		t.Fatal("no page in use to damage")
	}
	out := bytes.Clone(data)
	page := out[n*size : (n+1)*size]
	for i := range page {
		page[i] = garbage[i%len(garbage)]
	}
	return out
}

// freePages is the set of page numbers (1-based) on the file's freelist:
// its trunk pages and the leaves each lists.
func freePages(data []byte, size int) map[int]bool {
	free := map[int]bool{}
	for trunk := int(binary.BigEndian.Uint32(data[32:36])); trunk > 0 && !free[trunk] && trunk*size <= len(data); {
		free[trunk] = true
		p := data[(trunk-1)*size : trunk*size]
		for i := range int(binary.BigEndian.Uint32(p[4:8])) {
			if off := 8 + 4*i; off+4 <= size {
				free[int(binary.BigEndian.Uint32(p[off:off+4]))] = true
			}
		}
		trunk = int(binary.BigEndian.Uint32(p[0:4]))
	}
	return free
}

// damageFile damages the database file at path in place with how.
func damageFile(t *testing.T, path string, how func(*testing.T, []byte) []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, how(t, data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// makeFilledDatabase writes a closed database at path holding people with
// long notes and their interactions, over many pages.
func makeFilledDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	setClock(s, testNow)
	for i := range 150 {
		p := model.NewPerson("Person " + strings.Repeat("p", i%40))
		p.Notes = strings.Repeat("Met at the offsite. ", 20)
		if err := s.CreatePerson(t.Context(), &p); err != nil {
			t.Fatal(err)
		}
		in := model.Interaction{Kind: model.KindCoffee, At: testNow, Summary: "coffee", PersonIDs: []int64{p.ID}}
		if err := s.CreateInteraction(t.Context(), &in); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesADamagedDatabaseWithoutWritingIt(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, data []byte) []byte
	}{
		{"a page in the middle", damage},
		{"the schema on the first page", func(t *testing.T, data []byte) []byte {
			out := bytes.Clone(data)
			for i := 100; i < pageSize(t, data); i++ {
				out[i] = garbage[i%len(garbage)]
			}
			return out
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "rapport.db")
			makeFilledDatabase(t, path)
			damageFile(t, path, tt.damage)
			before := fileSum(t, path)

			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded on a damaged database")
			}
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("Open = %v, want ErrDamaged", err)
			}
			if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "quick_check") {
				t.Errorf("error %q does not name the file and the check", msg)
			}
			t.Logf("Open: %v", err)
			if after := fileSum(t, path); after != before {
				t.Error("Open changed the damaged file")
			}
			if _, err := os.Stat(BackupDir(path)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("Open of a damaged database made a backups folder (%v)", err)
			}
			// The lock is released: the next Open fails the same way, not
			// with ErrLocked.
			if _, err := Open(path); !errors.Is(err, ErrDamaged) {
				t.Errorf("second Open = %v, want ErrDamaged", err)
			}
		})
	}
}

func TestIntegrityCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	makeFilledDatabase(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(t.Context()); err != nil {
		t.Errorf("IntegrityCheck of a sound database = %v", err)
	}
	s.Close()

	// A store on a damaged file, as Open would never make one: the full
	// check finds the damage too.
	damageFile(t, path, damage)
	db, err := sql.Open("sqlite3", dsn(path, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = (&Store{writing: new(sync.Mutex), db: db}).IntegrityCheck(t.Context())
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "integrity_check") {
		t.Errorf("IntegrityCheck of a damaged database = %v, want ErrDamaged from integrity_check", err)
	}
}

func TestBackupFolderOfADamagedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	if got := BackupFolderOf(path); got != "" {
		t.Errorf("no database: folder %q, want none", got)
	}
	makeFilledDatabase(t, path)
	if got := BackupFolderOf(path); got != "" {
		t.Errorf("no folder set: %q, want none", got)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st := model.DefaultSettings()
	st.BackupFolder = "/media/usb/Rapport backups"
	if err := s.SaveSettings(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	damageFile(t, path, damage)
	before := fileSum(t, path)
	if _, err := Open(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open = %v, want ErrDamaged", err)
	}
	if got := BackupFolderOf(path); got != st.BackupFolder {
		t.Errorf("damaged database: folder %q, want %q", got, st.BackupFolder)
	}
	if fileSum(t, path) != before {
		t.Error("reading the folder changed the damaged file")
	}
}

func TestOpenCheckingInBackground(t *testing.T) {
	t.Run("sound", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "rapport.db")
		makeFilledDatabase(t, path)
		s, err := OpenCheckingInBackground(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Intact(t.Context()); err != nil {
			t.Fatalf("Intact = %v on a sound database", err)
		}
		mustCreatePerson(t, s, "Dana Reyes")
	})
	t.Run("damaged", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "rapport.db")
		makeFilledDatabase(t, path)
		damageFile(t, path, damage)
		before := fileSum(t, path)
		s, err := OpenCheckingInBackground(path)
		if err != nil {
			t.Fatalf("OpenCheckingInBackground = %v; the check was to run after it returned", err)
		}
		if err := s.Intact(t.Context()); !errors.Is(err, ErrDamaged) {
			t.Errorf("Intact = %v, want ErrDamaged", err)
		}
		p := model.NewPerson("Dana Reyes")
		if err := s.CreatePerson(t.Context(), &p); !errors.Is(err, ErrDamaged) {
			t.Errorf("a write to a damaged database = %v, want ErrDamaged", err)
		}
		if _, err := s.Backup(t.Context(), BackupDir(path)); !errors.Is(err, ErrDamaged) {
			t.Errorf("a backup of a damaged database = %v, want ErrDamaged", err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if after := fileSum(t, path); after != before {
			t.Error("the damaged file changed")
		}
		if _, err := os.Stat(BackupDir(path)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a backups folder was made for a damaged database (%v)", err)
		}
	})
	t.Run("begun by the first write", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "rapport.db")
		makeFilledDatabase(t, path)
		damageFile(t, path, damage)
		s, err := OpenCheckingInBackground(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		select {
		case <-s.intact.done:
			t.Fatal("the check ran before anything asked for it")
		case <-time.After(300 * time.Millisecond): // a check of this small file takes a millisecond
		}
		p := model.NewPerson("Dana Reyes")
		if err := s.CreatePerson(t.Context(), &p); !errors.Is(err, ErrDamaged) {
			t.Errorf("the first write to a damaged database = %v, want ErrDamaged", err)
		}
	})
	t.Run("closed while checking", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "rapport.db")
		makeFilledDatabase(t, path)
		s, err := OpenCheckingInBackground(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		// The check is over and the lock released: the file opens again.
		s2, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s2.Close()
	})
}
