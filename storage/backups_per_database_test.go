package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// openAt opens the database at path with its clock pinned to at, and
// closes it when the test ends (closing twice is harmless).
func openAt(t *testing.T, path string, at time.Time) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", filepath.Base(path), err)
	}
	setClock(s, at)
	t.Cleanup(func() { s.Close() })
	return s
}

// names lists the file names in dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// exists reports whether there is a file at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// Issue 18, fault 1: two databases in one folder share backups/; the
// backup, rotation and daily backup of one must leave the other's alone.
func TestBackupsOfTwoDatabasesInOneFolderStayApart(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	work := openAt(t, filepath.Join(dir, "work.db"), testNow)
	personal := openAt(t, filepath.Join(dir, "personal.db"), testNow.Add(time.Second))
	mustCreatePerson(t, work, "Dana Reyes")
	mustCreatePerson(t, personal, "Sam Okafor")
	backups := BackupDir(work.Path())
	if BackupDir(personal.Path()) != backups {
		t.Fatal("the two databases should share one backups folder")
	}

	// The daily backup of one is not skipped for the other's.
	w, made, err := work.BackupIfDue(ctx, backups)
	if err != nil || !made {
		t.Fatalf("work BackupIfDue = made %v, %v; want a backup", made, err)
	}
	p, made, err := personal.BackupIfDue(ctx, backups)
	if err != nil || !made {
		t.Fatalf("personal BackupIfDue = made %v, %v; want a backup of its own, not work's", made, err)
	}
	if w.Path == p.Path {
		t.Fatalf("both databases backed up to %s", w.Path)
	}
	// Rotation of one never removes the other's: a day later personal
	// backs up again, and its rotation keeps one backup a day, its own.
	setClock(personal, testNow.Add(2*time.Second))
	p = mustBackup(t, personal, backups)
	if !exists(w.Path) {
		t.Errorf("the rotation of personal.db removed work.db's backup; the folder holds %q", names(t, backups))
	}
	// Each is the newest backup of its own database.
	wantNewest := map[*Store]string{work: w.Path}
	for s, want := range wantNewest {
		if got, _ := NewestBackupOf(s.Path()); got.Path != want {
			t.Errorf("newest backup of %s = %s, want %s", filepath.Base(s.Path()), got.Path, want)
		}
	}
	if got, _ := NewestBackupOf(personal.Path()); !strings.HasPrefix(filepath.Base(got.Path), "personal-") {
		t.Errorf("newest backup of personal.db = %s, want one of its own", got.Path)
	}
	// The Backups list of each shows only its own.
	for s, stem := range map[*Store]string{work: "work-", personal: "personal-"} {
		list, err := s.ListBackups(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range list {
			if !strings.HasPrefix(filepath.Base(b.Path), stem) {
				t.Errorf("%s lists %s", filepath.Base(s.Path()), b.Path)
			}
		}
	}
	// A restore of the other's backup is refused, and changes nothing.
	work.Close()
	before := fileSum(t, work.Path())
	if err := Restore(work.Path(), p.Path); !errors.Is(err, ErrOtherDatabase) {
		t.Errorf("Restore(work.db, personal's backup) = %v, want ErrOtherDatabase", err)
	}
	if fileSum(t, work.Path()) != before {
		t.Error("the refused restore changed work.db")
	}
}

// Two databases of the same name in two folders that share a backup
// folder (Settings) tell their backups apart by their identity.
func TestTwoDatabasesWithOneBackupFolder(t *testing.T) {
	ctx := t.Context()
	shared := filepath.Join(t.TempDir(), "usb")
	a := openAt(t, filepath.Join(t.TempDir(), "rapport.db"), testNow)
	b := openAt(t, filepath.Join(t.TempDir(), "rapport.db"), testNow)
	ab := mustBackup(t, a, shared)
	// A year of b's backups, then one more: its rotation thins out its
	// own, never a's.
	for i := range 60 {
		setClock(b, testNow.Add(time.Duration(i)*24*time.Hour))
		mustBackup(t, b, shared)
	}
	if !exists(ab.Path) {
		t.Fatalf("b's rotation removed a's backup %s", filepath.Base(ab.Path))
	}
	list, err := Backups(shared)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(list); n >= 61 {
		t.Errorf("%d backups kept: b's rotation removed none of its own", n)
	}
	idA, _ := a.ID(ctx)
	if IDOf(ab.Path) != idA {
		t.Errorf("the backup holds id %q, want a's %q", IDOf(ab.Path), idA)
	}
	if newest, _ := NewestBackupOf(a.Path()); newest.Path != "" {
		// a's settings name no folder: only backups beside it count.
		t.Errorf("newest backup of a beside it = %s, want none", newest.Path)
	}
}

// Backups named before databases had an identity are never rotated away,
// are listed as older, and are never chosen as a database's newest.
func TestOlderBackupsAreKeptAndNeverGuessed(t *testing.T) {
	ctx := t.Context()
	s := openAt(t, filepath.Join(t.TempDir(), "rapport.db"), testNow)
	mustCreatePerson(t, s, "Dana Reyes")
	dir := BackupDir(s.Path())
	// An older backup, a real database, from a year ago, and one newer
	// than everything.
	own := mustBackup(t, s, filepath.Join(t.TempDir(), "elsewhere"))
	data, err := os.ReadFile(own.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "rapport-20251101-080000.db")
	newer := filepath.Join(dir, "rapport-20261201-080000.db")
	for _, p := range []string{old, newer} {
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mustBackup(t, s, dir)
	if !exists(old) || !exists(newer) {
		t.Fatalf("rotation removed an older backup: %q", names(t, dir))
	}
	list, err := s.ListBackups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	older := 0
	for _, b := range list {
		if b.Older() {
			older++
		}
	}
	if older != 2 {
		t.Errorf("ListBackups marks %d older backups, want 2: %+v", older, list)
	}
	s.Close()
	if newest, _ := NewestBackupOf(s.Path()); newest.Older() || newest.Path == "" {
		t.Errorf("newest backup = %+v, want the database's own, never an older one", newest)
	}
	// An older backup can still be restored; the database keeps its id.
	id := IDOf(s.Path())
	if err := Restore(s.Path(), old); err != nil {
		t.Fatalf("Restore(older backup): %v", err)
	}
	if got := IDOf(s.Path()); got != id {
		t.Errorf("after restoring an older backup the id is %q, want %q", got, id)
	}
}

// A damaged database whose identity cannot be read is offered the newest
// backup named after it beside it only when all those are of one database.
func TestNewestBackupOfAnUnreadableDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "work.db")
	if err := os.WriteFile(db, bytes.Repeat([]byte("garbage "), 1024), 0o600); err != nil {
		t.Fatal(err)
	}
	backups := BackupDir(db)
	if err := os.MkdirAll(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(backups, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("work-0123abcd-20261120-080000.db")
	write("personal-99999999-20261122-080000.db")
	write("rapport-20261123-080000.db")
	b, note := NewestBackupOf(db)
	if filepath.Base(b.Path) != "work-0123abcd-20261120-080000.db" || note == "" {
		t.Errorf("NewestBackupOf = %q (%q), want work's, said to be matched by name", b.Path, note)
	}
	write("work-77777777-20261121-080000.db")
	if b, note := NewestBackupOf(db); b.Path != "" || !strings.Contains(note, "2 databases") {
		t.Errorf("NewestBackupOf with two databases named work = %q (%q), want none, and why", b.Path, note)
	}
}

// A JSON export restored into a new database carries the identity with
// it, as a restored backup does.
func TestRestoredExportKeepsTheIdentity(t *testing.T) {
	ctx := t.Context()
	s := openAt(t, filepath.Join(t.TempDir(), "rapport.db"), testNow)
	mustCreatePerson(t, s, "Dana Reyes")
	mustBackup(t, s, BackupDir(s.Path()))
	id, err := s.ID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var doc bytes.Buffer
	if err := s.Export(ctx, &doc); err != nil {
		t.Fatal(err)
	}
	// The new database was backed up while empty: it has an identity of
	// its own, which is no data, and the restore replaces it.
	n := openAt(t, filepath.Join(t.TempDir(), "new.db"), testNow)
	mustBackup(t, n, BackupDir(n.Path()))
	if err := n.CheckEmpty(ctx); err != nil {
		t.Fatalf("a new database that was backed up: %v, want empty", err)
	}
	if _, err := n.RestoreExport(ctx, &doc); err != nil {
		t.Fatalf("RestoreExport: %v", err)
	}
	if got, _ := n.ID(ctx); got != id {
		t.Errorf("restored export has id %q, want %q", got, id)
	}
}

// Merely opening a database, or listing its backups, makes no identity.
func TestOpeningMakesNoIdentity(t *testing.T) {
	ctx := t.Context()
	s := openAt(t, filepath.Join(t.TempDir(), "rapport.db"), testNow)
	if _, err := s.ListBackups(ctx); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, "setting"); got != 0 {
		t.Errorf("opening and listing wrote %d settings, want none", got)
	}
	id, err := s.ID(ctx)
	if err != nil || !validID(id) {
		t.Fatalf("ID = %q, %v", id, err)
	}
	if again, _ := s.ID(ctx); again != id {
		t.Errorf("ID changed from %q to %q", id, again)
	}
}
