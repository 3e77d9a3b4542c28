package storage

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rapport/model"
)

// mustBackup makes a backup of s into dir.
func mustBackup(t *testing.T, s *Store, dir string) Backup {
	t.Helper()
	b, err := s.Backup(t.Context(), dir)
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	return b
}

// peopleIn returns the names of everyone in the database file at path,
// read through a read-only connection that leaves the file as it is.
func peopleIn(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM person ORDER BY id`)
	if err != nil {
		t.Fatalf("read people from %s: %v", filepath.Base(path), err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// schemaVersionOf reads user_version from the database file at path.
func schemaVersionOf(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBackupRoundTrip(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana Reyes")
	lee := mustCreatePerson(t, s, "Lee Park")
	for i := range 3 {
		in := model.Interaction{Kind: model.KindCoffee, At: testNow.Add(-time.Duration(i) * 24 * time.Hour),
			Summary: "coffee", PersonIDs: []int64{dana.ID, lee.ID}}
		if err := s.CreateInteraction(ctx, &in); err != nil {
			t.Fatal(err)
		}
	}

	dir := BackupDir(s.Path())
	if want := filepath.Join(filepath.Dir(s.Path()), "backups"); dir != want {
		t.Errorf("BackupDir = %q, want %q", dir, want)
	}
	b := mustBackup(t, s, dir)
	id, err := s.ID(ctx)
	if err != nil || !validID(id) {
		t.Fatalf("ID = %q, %v; want 32 hex digits", id, err)
	}
	if got, want := filepath.Base(b.Path), "rapport-"+id[:8]+"-20261123-093000.db"; got != want {
		t.Errorf("backup named %q, want %q", got, want)
	}
	if !b.At.Equal(testNow) || b.Before != "" {
		t.Errorf("backup At = %v, Before = %q; want %v, \"\"", b.At, b.Before, testNow)
	}
	for _, tt := range []struct {
		path string
		want os.FileMode
	}{{dir, 0o700}, {b.Path, 0o600}} {
		fi, err := os.Stat(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != tt.want {
			t.Errorf("%s mode = %v, want %v", filepath.Base(tt.path), got, tt.want)
		}
		if tt.path == b.Path && fi.Size() != b.Size {
			t.Errorf("Size = %d, the file has %d bytes", b.Size, fi.Size())
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("backups folder holds %d files, want only the backup: %v", len(entries), entries)
	}
	list, err := Backups(dir)
	if err != nil || len(list) != 1 || list[0] != b {
		t.Errorf("Backups = %+v, %v; want [%+v]", list, err, b)
	}

	// The backup is a whole database on its own: a copy of that one file
	// opens with the same content.
	data, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "restored.db")
	if err := os.WriteFile(copyPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(copyPath)
	if err != nil {
		t.Fatalf("Open(backup copy): %v", err)
	}
	defer c.Close()
	for _, table := range []string{"person", "interaction", "interaction_person"} {
		if got, want := countRows(t, c, table), countRows(t, s, table); got != want {
			t.Errorf("backup has %d rows in %s, the database %d", got, table, want)
		}
	}
	if err := c.IntegrityCheck(ctx); err != nil {
		t.Errorf("backup fails integrity_check: %v", err)
	}
}

// TestBackupIfDueWaitsForSomethingToKeep: the daily backup of a database
// that holds nobody yet is not taken (a fresh install's first start); it
// is taken once the first person is added.
func TestBackupIfDueWaitsForSomethingToKeep(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	dir := filepath.Join(t.TempDir(), "backups")
	if b, made, err := s.BackupIfDue(ctx, dir); err != nil || made || b.Path != "" {
		t.Fatalf("empty database: BackupIfDue = %+v, made %v, %v; want none made", b, made, err)
	}
	if list, err := Backups(dir); err != nil || len(list) != 0 {
		t.Fatalf("empty database: backups %+v, %v; want none", list, err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	if b, made, err := s.BackupIfDue(ctx, dir); err != nil || !made || b.Path == "" {
		t.Fatalf("after the first person: BackupIfDue = %+v, made %v, %v; want a backup", b, made, err)
	}
}

func TestBackupIfDue(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	mustCreatePerson(t, s, "Dana Reyes")
	dir := filepath.Join(t.TempDir(), "backups")
	steps := []struct {
		after    time.Duration // since testNow
		wantMade bool
		wantAt   time.Time // of the backup returned
	}{
		{0, true, testNow},
		{time.Hour, false, testNow},
		{23*time.Hour + 59*time.Minute, false, testNow},
		{25 * time.Hour, true, testNow.Add(25 * time.Hour)},
		{26 * time.Hour, false, testNow.Add(25 * time.Hour)},
		// The clock set back by two days: the newest backup seems to come
		// from the future, and one is due.
		{25*time.Hour - 72*time.Hour, true, testNow.Add(25*time.Hour - 72*time.Hour)},
	}
	for i, st := range steps {
		setClock(s, testNow.Add(st.after))
		b, made, err := s.BackupIfDue(ctx, dir)
		if err != nil {
			t.Fatalf("step %d: BackupIfDue: %v", i, err)
		}
		if made != st.wantMade || !b.At.Equal(st.wantAt) {
			t.Errorf("step %d (+%v): made %v, backup at %v; want %v, %v", i, st.after, made, b.At, st.wantMade, st.wantAt)
		}
	}
	list, err := Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Errorf("%d backups, want 3: %+v", len(list), list)
	}
}

func TestBackupsListsOnlyBackupsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"rapport-20261120-080000.db",
		"rapport-20261123-093000.db",
		"rapport-20261123-093000-before-v5.db",
		"rapport-20261122-120000-before-restore.db",
		"rapport-20261121-120000-damaged.db", // kept, never listed
		"rapport-2026112-120000.db",
		"rapport-20261121-120000.db-wal",
		"notes.txt",
		".rapport-backup-123.tmp",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Within one second, the one written last is the newer.
	for name, at := range map[string]time.Time{
		"rapport-20261123-093000-before-v5.db": testNow.Add(200 * time.Millisecond),
		"rapport-20261123-093000.db":           testNow.Add(700 * time.Millisecond),
	} {
		if err := os.Chtimes(filepath.Join(dir, name), at, at); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "rapport-20261124-000000.db"), 0o700); err != nil {
		t.Fatal(err)
	}
	list, err := Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, filepath.Base(b.Path)+" "+b.Before)
	}
	want := []string{
		"rapport-20261123-093000.db ",
		"rapport-20261123-093000-before-v5.db v5",
		"rapport-20261122-120000-before-restore.db restore",
		"rapport-20261120-080000.db ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Backups = %q, want %q", got, want)
	}
	if list, err := Backups(filepath.Join(dir, "missing")); err != nil || len(list) != 0 {
		t.Errorf("Backups(missing folder) = %v, %v; want none", list, err)
	}
}

// testOwner owns the backups writeBackups makes.
var testOwner = owner{stem: "rapport", id: "0123456789abcdef0123456789abcdef"}

// writeBackups makes an empty backup file of testOwner's in dir for each
// time.
func writeBackups(t *testing.T, dir string, times []time.Time, before string) {
	t.Helper()
	for _, at := range times {
		if err := os.WriteFile(filepath.Join(dir, testOwner.name(at, before)), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// every returns the times from first to last, step apart.
func every(first, last time.Time, step time.Duration) []time.Time {
	var out []time.Time
	for at := first; !at.After(last); at = at.Add(step) {
		out = append(out, at)
	}
	return out
}

func utcHour(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, time.UTC)
}

func TestRotateAYearOfDailyBackups(t *testing.T) {
	tests := []struct {
		name string
		now  time.Time
		want []string // days kept, newest first, when the backups were daily at 03:00
	}{
		{
			// A Monday: its own ISO week has one day so far.
			name: "monday",
			now:  utcHour(2026, 11, 23, 9),
			want: []string{
				"20261123", "20261122", "20261121", "20261120", "20261119", "20261118", "20261117", // days
				"20261115", "20261108", // weeks (Nov 16–22 is kept by its Sunday, the 22nd)
				"20261031", "20260930", "20260831", "20260731", "20260630", "20260531", // months
				"20260430", "20260331", "20260228", "20260131", "20251231",
			},
		},
		{
			// New Year's Day, a Friday: the months run back to February.
			name: "new year",
			now:  utcHour(2027, 1, 1, 9),
			want: []string{
				"20270101", "20261231", "20261230", "20261229", "20261228", "20261227", "20261226",
				"20261220", "20261213",
				"20261130", "20261031", "20260930", "20260831", "20260731", "20260630", "20260531",
				"20260430", "20260331", "20260228",
			},
		},
		{
			// A Sunday early in the day, before that day's backup.
			name: "sunday before the backup",
			now:  utcHour(2026, 3, 1, 1),
			want: []string{
				"20260228", "20260227", "20260226", "20260225", "20260224", "20260223", "20260222",
				"20260215", "20260208", // Feb 23–Mar 1 is kept by the 28th
				"20260131", "20251231", "20251130", "20251031", "20250930", "20250831", "20250731",
				"20250630", "20250531", "20250430",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			first := time.Date(tt.now.Year()-1, tt.now.Month(), tt.now.Day(), 3, 0, 0, 0, time.UTC)
			writeBackups(t, dir, every(first, tt.now, 24*time.Hour), "")
			if err := rotate(dir, tt.now, testOwner); err != nil {
				t.Fatal(err)
			}
			list, err := Backups(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range list {
				got = append(got, b.At.Format("20060102"))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("kept %q,\nwant %q", got, tt.want)
			}
			if len(got) > 7+4+12 {
				t.Errorf("kept %d backups, more than 7+4+12", len(got))
			}
			// Rotating again changes nothing.
			if err := rotate(dir, tt.now, testOwner); err != nil {
				t.Fatal(err)
			}
			if again, _ := Backups(dir); len(again) != len(list) {
				t.Errorf("a second Rotate left %d of %d", len(again), len(list))
			}
		})
	}
}

func TestRotateKeepsTheNewestOfEachDay(t *testing.T) {
	dir := t.TempDir()
	now := utcHour(2026, 11, 23, 12)
	// Every hour for ten days, two backups taken before migrations and two
	// before restores long ago, and one from the future.
	writeBackups(t, dir, every(now.Add(-10*24*time.Hour), now, time.Hour), "")
	writeBackups(t, dir, []time.Time{utcHour(2024, 5, 1, 8), utcHour(2024, 6, 1, 8), utcHour(2024, 7, 1, 8), utcHour(2024, 8, 1, 8)}, "v4")
	writeBackups(t, dir, []time.Time{utcHour(2024, 5, 2, 8), utcHour(2024, 6, 2, 8), utcHour(2024, 7, 2, 8), utcHour(2024, 8, 2, 8)}, "restore")
	writeBackups(t, dir, []time.Time{now.Add(48 * time.Hour)}, "")
	if err := rotate(dir, now, testOwner); err != nil {
		t.Fatal(err)
	}
	list, err := Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(b.Path), "rapport-01234567-"), ".db"))
	}
	// The hourly backups run from Nov 13 12:00 to Nov 23 12:00, a Monday.
	// The last 7 days keep their last backup, the week of Nov 9–15 its
	// Sunday's, November its newest; Nov 13, 14 and 16 lose all theirs.
	// The marked backups are older than every period, but the 3 newest of
	// each kind stay; so does the one from the future.
	want := []string{
		"20261125-120000",
		"20261123-120000", "20261122-230000", "20261121-230000", "20261120-230000",
		"20261119-230000", "20261118-230000", "20261117-230000",
		"20261115-230000",
		"20240802-080000-before-restore", "20240801-080000-before-v4",
		"20240702-080000-before-restore", "20240701-080000-before-v4",
		"20240602-080000-before-restore", "20240601-080000-before-v4",
	}
	if !slices.Equal(got, want) {
		t.Errorf("kept %q,\nwant %q", got, want)
	}
}

func TestRotateNeverRemovesTheNewest(t *testing.T) {
	dir := t.TempDir()
	writeBackups(t, dir, []time.Time{utcHour(2020, 1, 1, 3), utcHour(2019, 1, 1, 3)}, "")
	stale := filepath.Join(dir, tempPrefix+"1.tmp")
	fresh := filepath.Join(dir, tempPrefix+"2.tmp")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("half a backup"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(stale, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := rotate(dir, utcHour(2026, 11, 23, 9), testOwner); err != nil {
		t.Fatal(err)
	}
	list, _ := Backups(dir)
	if len(list) != 1 || !list[0].At.Equal(utcHour(2020, 1, 1, 3)) {
		t.Errorf("kept %+v, want only the newest, from 2020", list)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a temporary file two hours old is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a temporary file being written was removed: %v", err)
	}
	if err := rotate(filepath.Join(dir, "missing"), utcHour(2026, 11, 23, 9), testOwner); err != nil {
		t.Errorf("Rotate(missing folder) = %v", err)
	}
}

func TestRestore(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	setClock(s, testNow)
	mustCreatePerson(t, s, "Dana Reyes")
	good := mustBackup(t, s, BackupDir(path))

	// While the database is open, Restore refuses and changes nothing.
	mustCreatePerson(t, s, "Lee Park")
	if err := Restore(path, good.Path); !errors.Is(err, ErrLocked) {
		t.Fatalf("Restore while open = %v, want ErrLocked", err)
	}
	if n := countRows(t, s, "person"); n != 2 {
		t.Fatalf("%d people after a refused restore, want 2", n)
	}

	// A write the last connection leaves in the write-ahead log, as after
	// a crash: Restore must not let SQLite replay it onto the backup.
	mustCreatePerson(t, s, "Kim Osei")
	wal, err := os.ReadFile(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}

	if err := Restore(path, good.Path); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if got, want := peopleIn(t, path), []string{"Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("after Restore the database holds %q, want %q", got, want)
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left beside the restored database (%v)", suffix, err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("restored file mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}

	// The state it replaced was backed up first, whole.
	list, err := Backups(BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[1].Path != good.Path || list[0].Before != "restore" {
		t.Fatalf("backups after Restore = %+v, want one before-restore and the one restored", list)
	}
	if got, want := peopleIn(t, list[0].Path), []string{"Dana Reyes", "Lee Park", "Kim Osei"}; !slices.Equal(got, want) {
		t.Errorf("the before-restore backup holds %q, want %q", got, want)
	}
	if got, want := peopleIn(t, good.Path), []string{"Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("the restored backup now holds %q, want %q", got, want)
	}

	// Restoring twice in a second keeps both states it replaced.
	if err := restore(path, list[0].Path, list[0].At); err != nil {
		t.Fatal(err)
	}
	if list, _ = Backups(BackupDir(path)); len(list) != 3 {
		t.Errorf("%d backups after a second restore, want 3", len(list))
	}

	// The restored database opens, migrates and is whole.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	if n := countRows(t, s, "person"); n != 3 {
		t.Errorf("%d people after restoring the before-restore backup, want 3", n)
	}
}

func TestRestoreRefusesWhatItCannotUse(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	good := mustBackup(t, s, BackupDir(path))
	s.Close()

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	goodBytes, err := os.ReadFile(good.Path)
	if err != nil {
		t.Fatal(err)
	}
	damaged := write("damaged.db", damage(t, goodBytes))
	tests := []struct {
		name   string
		db     string
		backup string
		want   error
	}{
		{"a text file as the backup", path, write("notes.txt", []byte("Dear diary\n")), ErrNotRapport},
		{"an empty backup", path, write("empty.db", nil), ErrNotRapport},
		{"a damaged backup", path, damaged, ErrDamaged},
		{"a missing backup", path, filepath.Join(dir, "missing.db"), os.ErrNotExist},
		{"over another app's file", write("other.db", []byte("SQLite format 3\x00 but not really")), good.Path, ErrNotRapport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fileSum(t, tt.db)
			err := Restore(tt.db, tt.backup)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Restore = %v, want %v", err, tt.want)
			}
			if after := fileSum(t, tt.db); after != before {
				t.Error("the database was changed")
			}
		})
	}
	if list, _ := Backups(BackupDir(path)); len(list) != 1 {
		t.Errorf("%d backups after refused restores, want 1", len(list))
	}
}

func TestRestoreOverADamagedDatabaseKeepsItsBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	good := mustBackup(t, s, BackupDir(path))
	for i := range 200 {
		p := model.NewPerson("Person " + strings.Repeat("x", i%50))
		p.Notes = strings.Repeat("n", 400)
		if err := s.CreatePerson(t.Context(), &p); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := damage(t, data)
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open(damaged) = %v, want ErrDamaged", err)
	}

	if err := Restore(path, good.Path); err != nil {
		t.Fatalf("Restore over a damaged database: %v", err)
	}
	if got, want := peopleIn(t, path), []string{"Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("restored database holds %q, want %q", got, want)
	}
	matches, _ := filepath.Glob(filepath.Join(BackupDir(path), "rapport-*-damaged.db"))
	if len(matches) != 1 {
		t.Fatalf("damaged copies = %q, want one", matches)
	}
	if kept, err := os.ReadFile(matches[0]); err != nil || string(kept) != string(bad) {
		t.Errorf("the damaged copy differs from the damaged file (%v)", err)
	}
	if list, _ := Backups(BackupDir(path)); len(list) != 1 {
		t.Errorf("Backups lists %d, want only the good one (damaged copies are not offered)", len(list))
	}
}

func TestOpenBacksUpBeforeMigrating(t *testing.T) {
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	latest := len(migrations)
	path := filepath.Join(t.TempDir(), "rapport.db")
	makeDatabaseAt(t, path, latest-1)

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open (migrating): %v", err)
	}
	defer s.Close()
	list, err := Backups(BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("%d backups after migrating, want 1", len(list))
	}
	b := list[0]
	if want := "-before-v" + strconv.Itoa(latest) + ".db"; !strings.HasSuffix(b.Path, want) || b.Before != "v"+strconv.Itoa(latest) {
		t.Errorf("backup %s (Before %q), want a name ending %q", filepath.Base(b.Path), b.Before, want)
	}
	if fi, err := os.Stat(b.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	if v := schemaVersionOf(t, b.Path); v != latest-1 {
		t.Errorf("backup at schema %d, want %d (as it was before migrating)", v, latest-1)
	}
	if got, want := peopleIn(t, b.Path), []string{"Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("backup holds %q, want %q", got, want)
	}

	// Opening again, with nothing to migrate, writes no backup.
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := Backups(BackupDir(path)); len(list) != 1 {
		t.Errorf("%d backups after reopening, want still 1", len(list))
	}
}

func TestNewDatabaseNeedsNoBackup(t *testing.T) {
	s := mustOpen(t)
	if _, err := os.Stat(BackupDir(s.Path())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a new database made a backups folder (%v)", err)
	}
}

// BenchmarkBackup backs up the benchmark database: 5,000 people, 100,000
// interactions and 20,000 promises. Target: ≤ 1 s.
func BenchmarkBackup(b *testing.B) {
	s, opts := benchStore(b)
	dir := b.TempDir()
	ctx := context.Background()
	var last Backup
	for b.Loop() {
		var err error
		if last, err = s.Backup(ctx, dir); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if got := peopleInCount(b, last.Path); got != opts.People {
		b.Fatalf("backup holds %d people, want %d", got, opts.People)
	}
	b.ReportMetric(float64(last.Size)/(1<<20), "MB")
}

// peopleInCount counts the people in the database file at path.
func peopleInCount(tb testing.TB, path string) int {
	tb.Helper()
	db, err := sql.Open("sqlite3", dsn(path, "mode=ro"))
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM person`).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func TestBackupWhileWriting(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t)
	for i := range 50 {
		mustCreatePerson(t, s, "Before "+strconv.Itoa(i))
	}
	// The clock moves a second per backup while the writer reads it.
	var tick atomic.Int64
	s.Now = func() time.Time { return testNow.Add(time.Duration(tick.Load()) * time.Second) }
	done := make(chan error)
	stop := make(chan struct{})
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			p := model.NewPerson("During " + strconv.Itoa(i))
			if err := s.CreatePerson(ctx, &p); err != nil {
				done <- err
				return
			}
		}
	}()
	var backups []Backup
	for i := range 5 {
		tick.Store(int64(i))
		backups = append(backups, mustBackup(t, s, t.TempDir()))
	}
	close(stop)
	if err := <-done; err != nil {
		t.Fatalf("writing during the backups: %v", err)
	}
	total := countRows(t, s, "person")
	for _, b := range backups {
		n := peopleInCount(t, b.Path)
		if n < 50 || n > total {
			t.Errorf("%s holds %d people, want 50 to %d", filepath.Base(b.Path), n, total)
		}
		db, err := sql.Open("sqlite3", dsn(b.Path, "mode=ro"))
		if err != nil {
			t.Fatal(err)
		}
		if err := (&Store{writing: new(sync.Mutex), db: db}).IntegrityCheck(ctx); err != nil {
			t.Errorf("%s: %v", filepath.Base(b.Path), err)
		}
		db.Close()
	}
}

func TestRestoreOverANewerDatabaseKeepsIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	good := mustBackup(t, s, BackupDir(path))
	mustCreatePerson(t, s, "Lee Park")
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	if err := Restore(path, good.Path); err != nil {
		t.Fatalf("Restore over a newer Rapport's database: %v", err)
	}
	list, err := Backups(BackupDir(path))
	if err != nil || len(list) != 2 || list[0].Before != "restore" {
		t.Fatalf("Backups = %+v, %v; want a before-restore backup first", list, err)
	}
	if v := schemaVersionOf(t, list[0].Path); v != 999 {
		t.Errorf("before-restore backup at schema %d, want 999", v)
	}
	if got, want := peopleIn(t, path), []string{"Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("restored database holds %q, want %q", got, want)
	}
}
