package storage

import (
	"bytes"
	"database/sql"
	"maps"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rapport/model"
)

// schema6People writes, at path, a closed database at schema 6 (before
// 0007_cadence_set.sql) holding three people added 100 days before
// testNow and never contacted: Ann on the 30-day default, Ben on 14 days,
// Cy with no cadence (0).
func schema6People(t *testing.T, path string) {
	t.Helper()
	ctx := t.Context()
	db, err := sql.Open("sqlite3", dsn(path, "_foreign_keys=on&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old := &Store{writing: new(sync.Mutex), db: db, Now: func() time.Time { return testNow }}
	if err := old.migrate(ctx, mustMigrations(t)[:6]); err != nil {
		t.Fatal(err)
	}
	at := testNow.AddDate(0, 0, -100).Format(timeLayout)
	for _, p := range []struct {
		id      int
		name    string
		cadence int
	}{{1, "Ann", 30}, {2, "Ben", 14}, {3, "Cy", 0}} {
		if _, err := db.ExecContext(ctx, `INSERT INTO person (id, name, cadence_days, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?)`, p.id, p.name, p.cadence, at, at); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// cadenceFlags is each person's name with cadence days and whether set.
func cadenceFlags(t *testing.T, s *Store) map[string][2]int {
	t.Helper()
	people, err := s.People(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]int{}
	for _, p := range people {
		set := 0
		if p.CadenceSet {
			set = 1
		}
		out[p.Name] = [2]int{p.CadenceDays, set}
	}
	return out
}

// wantCadences are the people of schema6People after the migration: a
// cadence other than the default counts as set by the user.
var wantCadences = map[string][2]int{"Ann": {30, 0}, "Ben": {14, 1}, "Cy": {0, 1}}

// TestCadenceSetMigration: a database of schema 6 with people opens with
// cadence_set filled in (a cadence other than the 30-day default counts as
// the user's), and the map then marks overdue only the person never
// contacted whose cadence was set and who was added longer ago than it.
func TestCadenceSetMigration(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rapport.db")
	schema6People(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	setClock(s, testNow)
	if got := cadenceFlags(t, s); !maps.Equal(got, wantCadences) {
		t.Errorf("after migrating: %v, want %v", got, wantCadences)
	}
	n, err := s.Network(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, np := range n.People {
		if want := np.Person.Name == "Ben"; np.Overdue != want {
			t.Errorf("%s: Overdue = %v, want %v", np.Person.Name, np.Overdue, want)
		}
	}
}

// TestCadenceSetOldExportRestores: an export made at schema 6 (no
// cadence_set) restores, its people marked as the migration marks them.
func TestCadenceSetOldExportRestores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	schema6People(t, path)
	db, err := sql.Open("sqlite3", dsn(path, "_foreign_keys=on&_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := exportOf(t, &Store{writing: new(sync.Mutex), db: db, Now: func() time.Time { return testNow }})
	if strings.Contains(string(doc), "cadence_set") {
		t.Fatal("the schema 6 export already has cadence_set")
	}
	restored, _ := restoreInto(t, doc)
	if got := cadenceFlags(t, restored); !maps.Equal(got, wantCadences) {
		t.Errorf("restored: %v, want %v", got, wantCadences)
	}
}

// TestCadenceSetRoundTrip: whether a cadence was set survives a save, an
// update, an export and a restore; a restore with a cadence_set other
// than 0 or 1 is refused, naming the column, and writes nothing.
func TestCadenceSetRoundTrip(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	set := model.NewPerson("Set")
	set.CadenceDays, set.CadenceSet = 14, true
	def := model.NewPerson("Default")
	for _, p := range []*model.Person{&set, &def} {
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	def.CadenceDays, def.CadenceSet = 90, true
	if err := s.UpdatePerson(ctx, &def); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{"Set": {14, 1}, "Default": {90, 1}}
	if got := cadenceFlags(t, s); !maps.Equal(got, want) {
		t.Errorf("stored: %v, want %v", got, want)
	}
	doc := exportOf(t, s)
	restored, _ := restoreInto(t, doc)
	if got := cadenceFlags(t, restored); !maps.Equal(got, want) {
		t.Errorf("restored: %v, want %v", got, want)
	}

	bad := strings.Replace(string(doc), `"cadence_set": 1`, `"cadence_set": 2`, 1)
	if bad == string(doc) {
		t.Fatal("no cadence_set in the export")
	}
	empty := mustOpen(t)
	_, err := empty.RestoreExport(ctx, bytes.NewReader([]byte(bad)))
	if err == nil || !strings.Contains(err.Error(), "cadence_set") {
		t.Errorf("restore of cadence_set 2: %v, want an error naming cadence_set", err)
	}
	if n := countRows(t, empty, "person"); n != 0 {
		t.Errorf("a refused restore wrote %d people", n)
	}
}
