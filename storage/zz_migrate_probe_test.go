package storage

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"rapport/model/sample"
)

func TestZZMigrateProbe(t *testing.T) {
	dir := "/tmp/search-store-probe/mig"
	os.RemoveAll(dir)
	os.MkdirAll(dir, 0o700)
	path := filepath.Join(dir, "v8.db")
	migrations, _ := loadMigrations()
	db, err := sql.Open("sqlite3", dsn(path, readWriteQuery))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, Now: func() time.Time { return testNow }}
	if err := old.migrate(t.Context(), migrations[:8]); err != nil {
		t.Fatal(err)
	}
	opts := sample.Options{Seed: 7, People: 5_000, Interactions: 100_000, Promises: 20_000, Now: testNow}
	if err := old.InsertNetwork(t.Context(), sample.Generate(opts)); err != nil {
		t.Fatal(err)
	}
	db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	db.Close()
	fi, _ := os.Stat(path)
	t.Logf("v8 size %d", fi.Size())
	if os.Getenv("PROBE_STOP") != "" {
		return
	}
	start := time.Now()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Open with migration: %v", time.Since(start))
	start = time.Now()
	if err := s.RebuildSearchIndex(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Logf("rebuild: %v", time.Since(start))
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	rows, err := s.db.Query(`SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC`)
	if err != nil {
		t.Log("dbstat:", err)
	} else {
		for rows.Next() {
			var n string
			var z int64
			rows.Scan(&n, &z)
			t.Logf("  %s %d", n, z)
		}
		rows.Close()
	}
	s.Close()
	fi, _ = os.Stat(path)
	t.Logf("v9 size %d", fi.Size())
}
