package storage

import (
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"rapport/model/sample"
)

// schema5Store makes a database at schema 5 (before 0006_checks.sql) at
// path and returns a store on it that has not migrated further, with its
// database handle for raw SQL.
func schema5Store(t *testing.T, path string) *Store {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, "_foreign_keys=on&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{writing: new(sync.Mutex), db: db, Now: func() time.Time { return testNow }}
	if err := old.migrate(t.Context(), mustMigrations(t)[:5]); err != nil {
		t.Fatal(err)
	}
	return old
}

// insertSampleAt puts the sample network into old, a store at an earlier
// schema: inserted into a new store, then copied table by table, in the
// columns the old schema has.
func insertSampleAt(t *testing.T, old *Store) {
	t.Helper()
	ctx := t.Context()
	src := mustOpen(t)
	if err := src.InsertNetwork(ctx, sample.Generate(sample.Options{Seed: SampleSeed, Now: testNow})); err != nil {
		t.Fatal(err)
	}
	conn, err := old.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tables, err := schemaTables(ctx, old.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `ATTACH DATABASE '` + src.path + `' AS src`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for _, tbl := range tables {
		cols := make([]string, len(tbl.columns))
		for i, c := range tbl.columns {
			cols[i] = `"` + c.name + `"`
		}
		list := strings.Join(cols, ", ")
		q := `INSERT INTO main."` + tbl.name + `" (` + list + `) SELECT ` + list + ` FROM src."` + tbl.name + `"`
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, q := range []string{`DETACH DATABASE src`, `PRAGMA foreign_keys = ON`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
}

// TestChecksMigrationKeepsTheSample: the sample network at schema 5, the
// data of a real user, comes through 0006_checks.sql (which rebuilds most
// tables) unchanged, row for row, and passes every check.
func TestChecksMigrationKeepsTheSample(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rapport.db")
	old := schema5Store(t, path)
	insertSampleAt(t, old)
	if _, err := old.db.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES ('meeting.minutes', '45')`); err != nil {
		t.Fatal(err)
	}
	before := tableRows(t, old)
	if err := old.db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != len(mustMigrations(t)) {
		t.Errorf("schema %d after Open", v)
	}
	// The sample's export restores (and so passes every row check).
	if _, err := mustOpen(t).RestoreExport(ctx, strings.NewReader(string(exportOf(t, s)))); err != nil {
		t.Errorf("the migrated sample's export does not restore: %v", err)
	}
	// cadence_set came later (0007_cadence_set.sql): it follows the
	// cadence, and is left out of the comparison.
	if n, err := count(ctx, s.db, `SELECT count(*) FROM person WHERE cadence_set <> (cadence_days <> 30)`); err != nil || n != 0 {
		t.Errorf("%d people with cadence_set not following their cadence (%v)", n, err)
	}
	// person_reach (0010_indexes.sql) covers cadence_set: it goes first.
	mustExec(t, s, `DROP INDEX person_reach`)
	if _, err := s.db.ExecContext(ctx, `ALTER TABLE person DROP COLUMN cadence_set`); err != nil {
		t.Fatal(err)
	}
	mustExec(t, s, `ALTER TABLE meeting DROP COLUMN agenda_drafted`)     // compare what 0006 saw
	mustExec(t, s, `ALTER TABLE panel_member DROP COLUMN target_stance`) // 0011_stance_history.sql
	after := tableRows(t, s)
	mustExec(t, s, laterMeetingColumnAdd)
	// The backup taken before migrating gives the database its identity.
	after["setting"] = slices.DeleteFunc(after["setting"], func(row string) bool { return strings.Contains(row, "database.id") })
	for table, rows := range before {
		if !reflect.DeepEqual(after[table], rows) {
			t.Errorf("table %s changed in the migration:\n%s", table, firstDiff(strings.Join(rows, "\n"), strings.Join(after[table], "\n")))
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// TestChecksMigrationNormalisesOddValues: a restore before this version
// could put values into the database that the app never writes; such a
// database must still open. The migration brings each odd value to one the
// checks accept (see the top of 0006_checks.sql), IDs below 1 get free IDs
// that every reference follows, and the checks then refuse such values.
func TestChecksMigrationNormalisesOddValues(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rapport.db")
	old := schema5Store(t, path)
	const at = `'2026-11-23T09:30:00.000Z'`
	for _, q := range []string{
		`INSERT INTO person (id, name, relation, cadence_days, notes, created_at, updated_at) VALUES (1, 'Ana', 'nemesis', 9999, x'00ff', ` + at + `, ` + at + `)`,
		`INSERT INTO person (id, name, created_at, updated_at) VALUES (0, 'Zero', ` + at + `, ` + at + `)`,
		`INSERT INTO person (id, name, title, created_at, updated_at) VALUES (-7, x'42656e', 12, ` + at + `, ` + at + `)`,
		`INSERT INTO tie (id, from_id, to_id, kind, created_at, updated_at) VALUES (-1, 0, -7, 'reports_to', ` + at + `, ` + at + `)`,
		`INSERT INTO interaction (id, kind, at, created_at, updated_at) VALUES (1, 'seance', ` + at + `, ` + at + `, ` + at + `)`,
		`INSERT INTO interaction_person (interaction_id, person_id, at) VALUES (1, -7, ` + at + `)`,
		`INSERT INTO meeting (id, uid, person_id, kind, start_at, duration_minutes, recurrence, reminder_minutes, sequence, status, created_at, updated_at)
			VALUES (1, '', -7, 'x/../../escaped', ` + at + `, 9223372036854775807, 'fortnightly', -5, 'abc', 'maybe', ` + at + `, ` + at + `)`,
		`INSERT INTO promise (id, direction, person_id, what, made_on, status, meeting_id, created_at, updated_at) VALUES (1, 'mine', 0, 'Lunch', '2026-11-01', 'open', 1, ` + at + `, ` + at + `)`,
		`INSERT INTO promise_change (id, promise_id, at, from_status, to_status) VALUES (1, 1, ` + at + `, 'open', 'lost')`,
		`INSERT INTO role (id, title, horizon, created_at, updated_at) VALUES (1, 'EM', 'next', ` + at + `, ` + at + `)`,
		`INSERT INTO requirement (id, role_id, kind, title, target_level, created_at, updated_at) VALUES (1, 1, 'luck', 'Hiring', 4, ` + at + `, ` + at + `)`,
		`INSERT INTO action (id, requirement_id, kind, title, status, created_at, updated_at) VALUES (1, 1, 'bribe', 'X', 'abandoned', ` + at + `, ` + at + `)`,
		`INSERT INTO panel_member (role_id, person_id, part) VALUES (1, 0, 'decides')`,
		`INSERT INTO setting (key, value) VALUES ('user.name', x'53616d')`,
	} {
		if _, err := old.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := old.db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a database with odd values does not open: %v", err)
	}
	defer s.Close()
	got := map[string]string{}
	for _, q := range []struct{ name, query string }{
		{"people", `SELECT group_concat(id || ':' || name || ':' || relation || ':' || cadence_days || ':' || typeof(notes) || ':' || typeof(title), ' ') FROM (SELECT * FROM person ORDER BY id)`},
		{"tie", `SELECT id || ':' || from_id || '>' || to_id FROM tie`},
		{"interaction", `SELECT kind FROM interaction`},
		{"participant", `SELECT person_id FROM interaction_person`},
		{"meeting", `SELECT uid || ':' || person_id || ':' || kind || ':' || duration_minutes || ':' || recurrence || ':' || reminder_minutes || ':' || sequence || ':' || status FROM meeting`},
		{"promise", `SELECT person_id || ':' || meeting_id FROM promise`},
		{"change", `SELECT to_status FROM promise_change`},
		{"requirement", `SELECT kind FROM requirement`},
		{"action", `SELECT kind || ':' || status FROM action`},
		{"panel", `SELECT person_id FROM panel_member`},
		{"setting", `SELECT typeof(value) || ':' || value FROM setting WHERE key = 'user.name'`},
	} {
		var v string
		if err := s.db.QueryRowContext(ctx, q.query).Scan(&v); err != nil {
			t.Fatalf("%s: %v", q.name, err)
		}
		got[q.name] = v
	}
	want := map[string]string{
		"people":      "1:Ana:other:3650:text:text 2:Zero:other:30:text:text 3:Ben:other:30:text:text",
		"tie":         "1:2>3",
		"interaction": "other",
		"participant": "3",
		"meeting":     "restored-1@rapport:3:coffee:720::0:0:planned",
		"promise":     "2:1",
		"change":      "open",
		"requirement": "skill",
		"action":      "course:planned",
		"panel":       "2",
		"setting":     "text:Sam",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s after the migration = %q, want %q", k, got[k], w)
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	// The checks now refuse such values, whoever writes them.
	for _, q := range []string{
		`UPDATE person SET relation = 'nemesis' WHERE id = 1`,
		`UPDATE person SET notes = x'00' WHERE id = 1`,
		`INSERT INTO person (id, name, created_at, updated_at) VALUES (-3, 'Neg', ` + at + `, ` + at + `)`,
		`UPDATE interaction SET kind = 'seance'`,
		`UPDATE meeting SET kind = 'x/../../escaped'`,
		`UPDATE meeting SET recurrence = 'fortnightly'`,
		`UPDATE meeting SET duration_minutes = 100000`,
		`UPDATE meeting SET sequence = 'abc'`,
		`UPDATE promise_change SET to_status = 'lost'`,
		`UPDATE action SET status = 'abandoned'`,
		`UPDATE setting SET value = x'00'`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
			t.Errorf("%s: %v, want a CHECK constraint failure", q, err)
		}
	}
}

// laterMeetingColumnAdd adds the meeting column of 0008_agenda_drafted.sql.
const laterMeetingColumnAdd = `ALTER TABLE meeting ADD COLUMN agenda_drafted INTEGER NOT NULL DEFAULT 0 CHECK (agenda_drafted IN (0, 1))`

// mustExec runs one statement on s's database.
func mustExec(t *testing.T, s *Store, q string) {
	t.Helper()
	if _, err := s.db.ExecContext(t.Context(), q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
