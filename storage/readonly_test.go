package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"rapport/model"
)

// TestOpenReadOnlyBesideAWriter: while a store holds the database (its
// exclusive lock) and keeps writing, a read-only store opens it, reads
// every committed promise in one snapshot, cannot write, and the writer
// goes on writing; Open is still refused beside the writer.
func TestOpenReadOnlyBesideAWriter(t *testing.T) {
	w := mustOpen(t)
	ctx := t.Context()
	dana := mustCreatePerson(t, w, "Dana Reyes")
	add := func(i int) error {
		p := model.Promise{PersonID: dana.ID, Direction: model.DirectionMine, What: fmt.Sprintf("promise %d", i),
			MadeOn: model.Day(testNow), DueOn: model.Day(testNow), Status: model.PromiseOpen}
		return w.CreatePromise(ctx, &p)
	}
	if err := add(0); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(w.Path()); !errors.Is(err, ErrLocked) {
		t.Fatalf("Open beside the writer: %v, want ErrLocked", err)
	}
	r, err := OpenReadOnly(w.Path())
	if err != nil {
		t.Fatalf("OpenReadOnly beside the writer: %v", err)
	}
	defer r.Close()

	const writes = 40
	var wg sync.WaitGroup
	wg.Add(1)
	var werr error
	go func() {
		defer wg.Done()
		for i := 1; i <= writes && werr == nil; i++ {
			werr = add(i)
		}
	}()
	last := 0
	for range writes {
		rep, err := r.Due(ctx, testNow)
		if err != nil {
			t.Fatalf("Due while the writer writes: %v", err)
		}
		if n := len(rep.DueToday); n < last || n < 1 || n > writes+1 {
			t.Fatalf("read %d promises after %d", n, last)
		} else {
			last = n
		}
	}
	wg.Wait()
	if werr != nil {
		t.Fatalf("the writer, beside a reader: %v", werr)
	}
	rep, err := r.Due(ctx, testNow)
	if err != nil || len(rep.DueToday) != writes+1 {
		t.Fatalf("after the writes: %d promises, %v; want %d", len(rep.DueToday), err, writes+1)
	}
	p := model.NewPerson("Not saved")
	if err := r.CreatePerson(ctx, &p); !errors.Is(err, ErrOpenedReadOnly) {
		t.Errorf("a write through the read-only store: %v, want ErrOpenedReadOnly", err)
	}
	if r.ReadOnly() == nil {
		t.Error("ReadOnly() is nil")
	}
}

// TestOpenReadOnlyChangesNothing: a read-only open of a closed database
// leaves its bytes as they were (SQLite may make the shared-memory index
// beside it, and an empty log, readable by the user alone, as any reader
// of a write-ahead log does), and refuses a
// missing file, an empty one, another application's, and an older
// schema, which it says must be opened in the window first.
func TestOpenReadOnlyChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, dir)
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Due(t.Context(), testNow); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	after := snapshotDir(t, dir)
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; ok {
			continue
		}
		fi, err := os.Stat(filepath.Join(dir, name))
		made := name == "rapport.db-shm" || (name == "rapport.db-wal" && len(after[name]) == 0)
		if !made || err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s appeared (%v)", name, fi.Mode())
		}
	}

	old := filepath.Join(dir, "old.db")
	makeDatabaseAt(t, old, 5)
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want error
	}{
		{"missing", filepath.Join(dir, "none.db"), os.ErrNotExist},
		{"empty", empty, ErrNotRapport},
		{"older schema", old, ErrSchemaOld},
	}
	for _, tt := range tests {
		if _, err := OpenReadOnly(tt.path); !errors.Is(err, tt.want) {
			t.Errorf("%s: OpenReadOnly = %v, want %v", tt.name, err, tt.want)
		}
	}
}

// snapshotDir reads every file in dir by name.
func snapshotDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]byte)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}
