package storage

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"rapport/model"
)

// makeDatabaseAt writes, at path, a closed database as the release with
// the first version migrations left it, holding one person, Dana Reyes
// (ID 1), who had one coffee (interaction 1), in the columns schema 1
// already had.
func makeDatabaseAt(t *testing.T, path string, version int) {
	t.Helper()
	ctx := t.Context()
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dsn(path, "_foreign_keys=on&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old := &Store{writing: new(sync.Mutex), db: db, Now: func() time.Time { return testNow }}
	if err := old.migrate(ctx, migrations[:version]); err != nil {
		t.Fatalf("migrate to %s: %v", migrations[version-1].name, err)
	}
	at := testNow.Add(-48 * time.Hour).Format(timeLayout)
	for _, q := range []string{
		`INSERT INTO person (id, name, last_at, created_at, updated_at) VALUES (1, 'Dana Reyes', '` + at + `', '` + at + `', '` + at + `')`,
		`INSERT INTO interaction (id, kind, at, summary, created_at, updated_at) VALUES (1, 'coffee', '` + at + `', 'Coffee at the offsite', '` + at + `', '` + at + `')`,
		`INSERT INTO interaction_person (interaction_id, person_id, at) VALUES (1, 1, '` + at + `')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("schema %d: %s: %v", version, q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestEveryEarlierSchemaMigrates opens a database made at each earlier
// schema version: it migrates to the latest, passes integrity_check and
// the foreign key check, keeps its data, and leaves a backup of itself as
// it was.
func TestEveryEarlierSchemaMigrates(t *testing.T) {
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	latest := len(migrations)
	if latest < 2 {
		t.Skip("only one schema version so far")
	}
	for version := 1; version < latest; version++ {
		t.Run(fmt.Sprintf("from schema %d", version), func(t *testing.T) {
			ctx := t.Context()
			path := filepath.Join(t.TempDir(), "rapport.db")
			makeDatabaseAt(t, path, version)

			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			setClock(s, testNow)
			if v, err := s.SchemaVersion(ctx); err != nil || v != latest {
				t.Errorf("schema version = %d, %v; want %d", v, err, latest)
			}
			if err := s.IntegrityCheck(ctx); err != nil {
				t.Errorf("integrity_check after migrating: %v", err)
			}
			rows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
			if err != nil {
				t.Fatal(err)
			}
			if rows.Next() {
				t.Error("foreign_key_check reports violations after migrating")
			}
			rows.Close()

			p, err := s.Person(ctx, 1)
			if err != nil || p.Name != "Dana Reyes" {
				t.Errorf("Person(1) = %q, %v; want Dana Reyes", p.Name, err)
			}
			got, err := s.InteractionsWith(ctx, 1, 10)
			if err != nil || len(got) != 1 || got[0].Summary != "Coffee at the offsite" {
				t.Errorf("InteractionsWith(1) = %+v, %v; want the coffee", got, err)
			}
			// The migrated database takes new writes.
			in := model.Interaction{Kind: model.KindOneOnOne, At: testNow, Summary: "1:1", PersonIDs: []int64{1}}
			if err := s.CreateInteraction(ctx, &in); err != nil {
				t.Errorf("CreateInteraction after migrating: %v", err)
			}

			list, err := Backups(BackupDir(path))
			if err != nil || len(list) != 1 {
				t.Fatalf("Backups = %+v, %v; want the one made before migrating", list, err)
			}
			if v := schemaVersionOf(t, list[0].Path); v != version {
				t.Errorf("backup before migrating is at schema %d, want %d", v, version)
			}
		})
	}
}
