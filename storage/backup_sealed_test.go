package storage

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"rapport/storage/sealed"
)

// The tests encrypt with a low scrypt work factor: a second of scrypt per
// backup would make them slow and prove nothing more.
func init() { sealed.WorkFactor = 10 }

// mustBackupEncrypted makes a backup of s into dir encrypted with
// passphrase.
func mustBackupEncrypted(t *testing.T, s *Store, dir, passphrase string) Backup {
	t.Helper()
	b, err := s.Backup(t.Context(), dir, Encrypted(passphrase))
	if err != nil {
		t.Fatalf("Backup(Encrypted): %v", err)
	}
	return b
}

// decryptTo decrypts the file at from with passphrase into a new file.
func decryptTo(t *testing.T, from, passphrase string) string {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	r, err := sealed.Decrypt(in, passphrase)
	if err != nil {
		t.Fatalf("decrypt %s: %v", filepath.Base(from), err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "decrypted.db")
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return to
}

func TestEncryptedBackup(t *testing.T) {
	s := mustOpen(t)
	mustCreatePerson(t, s, "Helena Marsh")
	dir := filepath.Join(t.TempDir(), "usb stick")
	b := mustBackupEncrypted(t, s, dir, "correct horse")

	id, err := s.ID(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// Named as a plain backup of the database is, with .age added.
	if want := filepath.Join(dir, "rapport-"+id[:8]+"-20261123-093000.db.age"); b.Path != want || !b.Encrypted || b.ID != id[:8] || b.Stem != "rapport" {
		t.Errorf("Backup = %s (encrypted %v), want %s, encrypted", b.Path, b.Encrypted, want)
	}
	data, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !sealed.IsEncrypted(data) {
		t.Errorf("the backup begins %q, not with the age header", data[:min(len(data), 24)])
	}
	for _, leak := range []string{"SQLite format 3", "Helena", "correct horse"} {
		if bytes.Contains(data, []byte(leak)) {
			t.Errorf("the encrypted backup holds %q in plain text", leak)
		}
	}
	if info, err := os.Stat(b.Path); err != nil || info.Mode().Perm() != 0o600 || info.Size() != b.Size {
		t.Errorf("the backup's mode and size: %v, %v; want 0600 and %d", info.Mode(), err, b.Size)
	}
	// Only the encrypted file is in the folder; no plain copy is left
	// beside the database either.
	if got, want := names(t, dir), []string{filepath.Base(b.Path)}; !slices.Equal(got, want) {
		t.Errorf("the backup folder holds %q, want %q", got, want)
	}
	for _, n := range names(t, filepath.Dir(s.Path())) {
		if strings.Contains(n, "sealing") {
			t.Errorf("a plain copy %s was left beside the database", n)
		}
	}
	if got, want := peopleIn(t, decryptTo(t, b.Path, "correct horse")), []string{"Helena Marsh"}; !slices.Equal(got, want) {
		t.Errorf("the decrypted backup holds %q, want %q", got, want)
	}
	if _, err := IsEncryptedFile(b.Path); err != nil {
		t.Fatal(err)
	}
	if enc, _ := IsEncryptedFile(b.Path); !enc {
		t.Error("IsEncryptedFile(the backup) = false")
	}
}

func TestEncryptedBackupNeedsAPassphrase(t *testing.T) {
	s := mustOpen(t)
	dir := filepath.Join(t.TempDir(), "backups")
	_, err := s.Backup(t.Context(), dir, Encrypted(""))
	if !errors.Is(err, sealed.ErrNoPassphrase) {
		t.Errorf("Backup(Encrypted(\"\")) = %v, want ErrNoPassphrase", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused backup made its folder: %v", err)
	}
}

// TestEncryptedBackupsAreListedAndRotated checks that encrypted backups
// count as backups: listed (marked), seen by BackupIfDue, and rotated like
// the plain ones beside them.
func TestEncryptedBackupsAreListedAndRotated(t *testing.T) {
	s := mustOpen(t)
	dir := filepath.Join(t.TempDir(), "backups")
	old := testNow.AddDate(0, -14, 0)
	setClock(s, old)
	first := mustBackupEncrypted(t, s, dir, "pass")
	setClock(s, old.Add(time.Hour))
	plain := mustBackup(t, s, dir)
	setClock(s, testNow)
	if b, made, err := s.BackupIfDue(t.Context(), dir, Encrypted("pass")); err != nil || !made || !b.Encrypted {
		t.Fatalf("BackupIfDue = %+v, %v, %v; want a new encrypted backup", b, made, err)
	}
	list, err := Backups(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Rotation has removed the 14-month-old plain one, and the encrypted
	// one older still: only the newest is left.
	if len(list) != 1 || !list[0].Encrypted || !list[0].At.Equal(testNow) {
		t.Errorf("after rotation Backups = %+v, want only today's encrypted backup", list)
	}
	for _, gone := range []string{first.Path, plain.Path} {
		if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was kept by the rotation", filepath.Base(gone))
		}
	}
	setClock(s, testNow.Add(time.Hour))
	if b, made, err := s.BackupIfDue(t.Context(), dir, Encrypted("pass")); err != nil || made || !b.Encrypted {
		t.Errorf("an hour later BackupIfDue = %+v, %v, %v; want the encrypted one, none made", b, made, err)
	}
}

func TestRestoreEncrypted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	setClock(s, testNow)
	mustCreatePerson(t, s, "Dana Reyes")
	b := mustBackupEncrypted(t, s, filepath.Join(dir, "elsewhere"), "right one")
	mustCreatePerson(t, s, "Lee Park")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	for _, wrong := range []string{"wrong one", "Right one"} {
		err := RestoreEncrypted(path, b.Path, wrong)
		if !errors.Is(err, sealed.ErrWrongPassphrase) || !strings.Contains(err.Error(), "wrong passphrase") {
			t.Errorf("RestoreEncrypted with %q = %v, want wrong passphrase", wrong, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("a restore with a wrong passphrase changed the database")
	}
	// Nothing was kept "before restore": nothing was restored.
	if _, err := os.Stat(filepath.Join(dir, "backups")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused restore kept the current state in backups/: %v", err)
	}

	if err := RestoreEncrypted(path, b.Path, "right one"); err != nil {
		t.Fatalf("RestoreEncrypted: %v", err)
	}
	if got, want := peopleIn(t, path), []string{"Dana Reyes"}; !slices.Equal(got, want) {
		t.Errorf("after the restore the database holds %q, want %q", got, want)
	}
	for _, n := range names(t, dir) {
		if strings.Contains(n, "sealing") {
			t.Errorf("the decrypted copy %s was left beside the database", n)
		}
	}
}

// TestEncryptedBackupRemovesStalePlainCopies checks that a plain copy a
// killed encrypted backup left beside the database is removed by the
// next one.
func TestEncryptedBackupRemovesStalePlainCopies(t *testing.T) {
	s := mustOpen(t)
	stale := filepath.Join(filepath.Dir(s.Path()), ".rapport.db.sealing-12345.tmp")
	if err := os.WriteFile(stale, []byte("SQLite format 3\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(filepath.Dir(s.Path()), ".other.db.sealing-1.tmp") // another database's
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	mustBackupEncrypted(t, s, filepath.Join(t.TempDir(), "b"), "pass")
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale plain copy is still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another database's file was removed: %v", err)
	}
}
