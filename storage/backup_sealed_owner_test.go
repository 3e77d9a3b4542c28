package storage

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"rapport/storage/sealed"
)

// Encrypted backups belong to their database as plain ones do: named
// with its name and identity, listed, rotated, counted as due and offered
// as its newest only for it, never for another database in the same
// folder.
func TestEncryptedBackupsBelongToTheirDatabase(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	work := openAt(t, filepath.Join(dir, "work.db"), testNow)
	personal := openAt(t, filepath.Join(dir, "personal.db"), testNow.Add(time.Second))
	backups := BackupDir(work.Path())

	w, made, err := work.BackupIfDue(ctx, backups, Encrypted("work pass"))
	if err != nil || !made || !w.Encrypted {
		t.Fatalf("work BackupIfDue(Encrypted) = %+v, made %v, %v; want an encrypted backup", w, made, err)
	}
	id, err := work.ID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := "work-" + id[:8] + "-20261123-093000.db.age"; filepath.Base(w.Path) != want || w.Stem != "work" || w.ID != id[:8] {
		t.Errorf("encrypted backup = %s (stem %q, id %q), want %s", filepath.Base(w.Path), w.Stem, w.ID, want)
	}
	// work's encrypted backup does not make personal's daily backup
	// look done, and personal's rotation leaves it alone.
	if _, made, err := personal.BackupIfDue(ctx, backups, Encrypted("personal pass")); err != nil || !made {
		t.Fatalf("personal BackupIfDue = made %v, %v; want a backup of its own", made, err)
	}
	for i := 1; i <= 40; i++ {
		setClock(personal, testNow.Add(time.Duration(i)*24*time.Hour))
		if _, err := personal.Backup(ctx, backups, Encrypted("personal pass")); err != nil {
			t.Fatal(err)
		}
	}
	if !exists(w.Path) {
		t.Fatalf("personal.db's rotation removed work.db's encrypted backup; the folder holds %q", names(t, backups))
	}
	if n := len(names(t, backups)); n >= 42 {
		t.Errorf("%d files in the folder: personal.db's rotation removed none of its encrypted backups", n)
	}
	// An hour later work's encrypted backup counts as its daily one.
	setClock(work, testNow.Add(time.Hour))
	if b, made, err := work.BackupIfDue(ctx, backups, Encrypted("work pass")); err != nil || made || b.Path != w.Path {
		t.Errorf("an hour later work BackupIfDue = %s, made %v, %v; want its encrypted backup, none made", b.Path, made, err)
	}
	list, err := work.ListBackups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Path != w.Path || !list[0].Encrypted || list[0].Older() {
		t.Errorf("work.ListBackups = %+v, want only its encrypted backup", list)
	}
	work.Close()
	if b, note := NewestBackupOf(work.Path()); b.Path != w.Path || !b.Encrypted {
		t.Errorf("NewestBackupOf(work.db) = %s (%q), want its encrypted backup", b.Path, note)
	}
}

// Issue 18, fault 1, for encrypted backups: an encrypted backup of
// another database is refused once decrypted, as a plain one is; nothing
// changes, and the decrypted copy does not stay beside the database.
func TestRestoreEncryptedRefusesAnotherDatabasesBackup(t *testing.T) {
	dir := t.TempDir()
	work := openAt(t, filepath.Join(dir, "work.db"), testNow)
	personal := openAt(t, filepath.Join(dir, "personal.db"), testNow)
	mustCreatePerson(t, work, "Dana Reyes")
	mustCreatePerson(t, personal, "Sam Okafor")
	theirs := mustBackupEncrypted(t, personal, filepath.Join(t.TempDir(), "usb"), "shared pass")
	if _, err := work.ID(t.Context()); err != nil { // work has an identity of its own
		t.Fatal(err)
	}
	// A copy renamed after work's backups is no more work's.
	disguised := filepath.Join(filepath.Dir(theirs.Path), strings.Replace(filepath.Base(theirs.Path), "personal-", "work-", 1))
	if err := os.Rename(theirs.Path, disguised); err != nil {
		t.Fatal(err)
	}
	work.Close()
	before := fileSum(t, work.Path())

	err := RestoreEncrypted(work.Path(), disguised, "shared pass")
	if !errors.Is(err, ErrOtherDatabase) {
		t.Fatalf("RestoreEncrypted(work.db, personal's encrypted backup) = %v, want ErrOtherDatabase", err)
	}
	if !strings.Contains(err.Error(), filepath.Base(disguised)+" is of the database") {
		t.Errorf("the refusal %q does not name the encrypted backup", err)
	}
	if fileSum(t, work.Path()) != before {
		t.Error("the refused restore changed work.db")
	}
	if got := peopleIn(t, work.Path()); len(got) != 1 || got[0] != "Dana Reyes" {
		t.Errorf("work.db holds %q after the refused restore", got)
	}
	for _, n := range names(t, dir) {
		if strings.Contains(n, "sealing") {
			t.Errorf("the decrypted copy %s was left beside the database", n)
		}
	}
	if exists(BackupDir(work.Path())) {
		t.Errorf("the refused restore kept a before-restore copy: %q", names(t, BackupDir(work.Path())))
	}
}

// A store restores its own encrypted backup through
// RestoreEncryptedBackup: a wrong passphrase leaves the store open and
// the database as it was; the right one restores it, and what is
// restored is the backup's database with its identity.
func TestStoreRestoreEncryptedBackup(t *testing.T) {
	ctx := t.Context()
	s := openAt(t, filepath.Join(t.TempDir(), "rapport.db"), testNow)
	mustCreatePerson(t, s, "Dana Reyes")
	b := mustBackupEncrypted(t, s, s.BackupFolder(ctx), "right one")
	mustCreatePerson(t, s, "Lee Park")
	id, err := s.ID(ctx)
	if err != nil {
		t.Fatal(err)
	}

	if err := s.RestoreEncryptedBackup(b.Path, "wrong one"); !errors.Is(err, sealed.ErrWrongPassphrase) {
		t.Errorf("RestoreEncryptedBackup with a wrong passphrase = %v", err)
	}
	if n := countRows(t, s, "person"); n != 2 {
		t.Errorf("after a wrong passphrase the open store holds %d people, want 2", n)
	}
	if err := s.RestoreEncryptedBackup(b.Path, "right one"); err != nil {
		t.Fatalf("RestoreEncryptedBackup: %v", err)
	}
	if got := peopleIn(t, s.Path()); len(got) != 1 || got[0] != "Dana Reyes" {
		t.Errorf("after the restore the database holds %q, want Dana Reyes alone", got)
	}
	if got := IDOf(s.Path()); got != id {
		t.Errorf("the restored database's id is %q, want %q", got, id)
	}
	// The state it replaced was kept, plain, beside it, as its own.
	kept := regexp.MustCompile(`^rapport-` + id[:8] + `-\d{8}-\d{6}-before-restore\.db$`)
	found := false
	for _, n := range names(t, BackupDir(s.Path())) {
		found = found || kept.MatchString(n)
	}
	if !found {
		t.Errorf("no before-restore backup beside the database: %q", names(t, BackupDir(s.Path())))
	}
}

// Restore, which takes plain backups, says an encrypted one needs its
// passphrase rather than that it is not a Rapport database.
func TestRestoreOfAnEncryptedBackupWithoutItsPassphrase(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "rapport.db"), testNow)
	b := mustBackupEncrypted(t, s, filepath.Join(t.TempDir(), "usb"), "pass")
	s.Close()
	before := fileSum(t, s.Path())
	err := Restore(s.Path(), b.Path)
	if err == nil || !strings.Contains(err.Error(), "is encrypted: restore it with its passphrase") {
		t.Errorf("Restore(encrypted backup) = %v, want that it is encrypted", err)
	}
	if fileSum(t, s.Path()) != before {
		t.Error("the refused restore changed the database")
	}
}
