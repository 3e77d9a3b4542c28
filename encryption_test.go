package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/contacts"
	"rapport/storage/keyring"
	"rapport/storage/sealed"
	"rapport/ui"
)

func init() {
	// A second of scrypt per file would make the tests slow and prove
	// nothing more; and no test may reach the user's real keyring or
	// wait on a terminal.
	sealed.WorkFactor = 10
	osKeyring = newMemKeyring()
	terminal = func(io.Writer) (asker, bool) { return nil, false }
}

// memKeyring is a keyring in memory.
type memKeyring struct {
	mu      sync.Mutex
	secrets map[string]string
}

func newMemKeyring() *memKeyring { return &memKeyring{secrets: make(map[string]string)} }

func (k *memKeyring) Get(name string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	s, ok := k.secrets[name]
	if !ok {
		return "", errors.New("not found")
	}
	return s, nil
}

func (k *memKeyring) Set(name, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.secrets[name] = secret
	return nil
}

func (k *memKeyring) Delete(name string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.secrets, name)
	return nil
}

// fakeAsker is a terminal that answers every prompt with its passphrase.
type fakeAsker struct {
	passphrase string
	asked      []string
}

func (a *fakeAsker) Ask(prompt string) (string, error) {
	a.asked = append(a.asked, prompt)
	return a.passphrase, nil
}

func (a *fakeAsker) AskNew() (string, error) {
	a.asked = append(a.asked, "new")
	return a.passphrase, nil
}

// onTerminal makes the commands of the test ask a on a terminal.
func onTerminal(t *testing.T, a *fakeAsker) {
	t.Helper()
	old := terminal
	terminal = func(io.Writer) (asker, bool) { return a, true }
	t.Cleanup(func() { terminal = old })
}

// passphraseFile writes p into a file and returns its path.
func passphraseFile(t *testing.T, p string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "passphrase")
	if err := os.WriteFile(path, []byte(p+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkSealed fails unless the file at path is an age file readable by
// the user alone that holds none of leaks in plain text.
func checkSealed(t *testing.T, path string, leaks ...string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !sealed.IsEncrypted(data) {
		t.Errorf("%s begins %q, not with the age header", filepath.Base(path), data[:min(len(data), 24)])
	}
	for _, leak := range append(leaks, "SQLite format 3", `"rapport-export"`, "BEGIN:VCARD") {
		if bytes.Contains(data, []byte(leak)) {
			t.Errorf("%s holds %q in plain text", filepath.Base(path), leak)
		}
	}
	checkPrivate(t, path)
}

// filesIn lists the names in dir; none when it does not exist.
func filesIn(t *testing.T, dir string) []string {
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

func TestBackupEncryptedFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db, usb := filepath.Join(dir, "rapport.db"), filepath.Join(dir, "usb")
	makeBackupTestDB(t, db, 3)
	pf := passphraseFile(t, "correct horse battery")
	code, out, errOut := runCmd(t, "backup", "--db", db, "--to", usb, "--passphrase-file", pf)
	if code != 0 || !strings.Contains(out, "encrypted") {
		t.Fatalf("rapport backup --passphrase-file: exit %d, %q %q", code, out, errOut)
	}
	files := filesIn(t, usb)
	if len(files) != 1 || !strings.HasSuffix(files[0], ".db.age") {
		t.Fatalf("the backup folder holds %q, want one .db.age file", files)
	}
	backup := filepath.Join(usb, files[0])
	checkSealed(t, backup, "Person p", "Met at the offsite")
	if strings.Contains(out+errOut, "correct horse") {
		t.Error("the command printed the passphrase")
	}

	// It restores, and only with the right passphrase.
	if err := storage.RestoreEncrypted(db, backup, "wrong"); !errors.Is(err, sealed.ErrWrongPassphrase) {
		t.Errorf("restore with a wrong passphrase: %v", err)
	}
	if err := storage.RestoreEncrypted(db, backup, "correct horse battery"); err != nil {
		t.Fatalf("restore: %v", err)
	}
}

// openEncryptingTo opens a test database made at db whose settings say
// to encrypt its backups into the folder usb; the caller closes it.
func openEncryptingTo(t *testing.T, db, usb string) *storage.Store {
	t.Helper()
	makeBackupTestDB(t, db, 2)
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s := model.DefaultSettings()
	s.BackupFolder, s.EncryptBackups = usb, true
	if err := st.SaveSettings(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestBackupEncryptedBySettings(t *testing.T) {
	dir := t.TempDir()
	db, usb := filepath.Join(dir, "rapport.db"), filepath.Join(dir, "usb")
	st := openEncryptingTo(t, db, usb)
	name, err := st.KeyName(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	// No keyring entry, no terminal: refused, nothing written in plain.
	code, out, errOut := runCmd(t, "backup", "--db", db)
	if code != 1 || !strings.Contains(errOut, "--passphrase-file") || !strings.Contains(errOut, "encrypted") {
		t.Errorf("rapport backup with encryption on and no passphrase: exit %d, %q %q", code, out, errOut)
	}
	if files := filesIn(t, usb); len(files) != 0 {
		t.Errorf("a refused backup left %q", files)
	}
	// On a terminal, it is asked (twice) and used.
	a := &fakeAsker{passphrase: "typed"}
	onTerminal(t, a)
	if code, out, errOut := runCmd(t, "backup", "--db", db); code != 0 || len(a.asked) != 1 || a.asked[0] != "new" {
		t.Fatalf("on a terminal: exit %d, asked %q: %q %q", code, a.asked, out, errOut)
	}
	// With the passphrase in the keyring, nothing is asked.
	if err := osKeyring.Set(name, "kept"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { osKeyring.Delete(name) })
	a.asked = nil
	if code, out, errOut := runCmd(t, "backup", "--db", db); code != 0 || len(a.asked) != 0 {
		t.Fatalf("with the keyring: exit %d, asked %q: %q %q", code, a.asked, out, errOut)
	}
	list, err := storage.Backups(usb)
	if err != nil || len(list) == 0 {
		t.Fatalf("Backups = %v, %v", list, err)
	}
	for _, b := range list {
		if !b.Encrypted {
			t.Errorf("%s is not encrypted", b.Path)
		}
		checkSealed(t, b.Path)
	}
	in, _ := os.Open(list[0].Path)
	defer in.Close()
	if _, err := sealed.Decrypt(in, "kept"); err != nil {
		t.Errorf("the newest backup does not open with the keyring's passphrase: %v", err)
	}
}

func TestExportAndImportEncrypted(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	gone := makeExportTestDB(t, db)
	pf := passphraseFile(t, "correct horse battery")
	jsonOut, vcfOut := filepath.Join(dir, "all.json.age"), filepath.Join(dir, "people.vcf.age")
	for _, args := range [][]string{
		{"export", "--db", db, "--format", "json", "--out", jsonOut, "--passphrase-file", pf},
		{"export", "--db", db, "--format", "vcard", "--out", vcfOut, "--passphrase-file", pf},
	} {
		if code, out, errOut := runCmd(t, args...); code != 0 || !strings.Contains(out, "encrypted") {
			t.Fatalf("%q: exit %d, %q %q", args, code, out, errOut)
		}
	}
	checkSealed(t, jsonOut, "Sam Lee", gone.Name)
	checkSealed(t, vcfOut, "Sam Lee")

	// Without a passphrase and a terminal, import says one is needed.
	restored := filepath.Join(dir, "restored.db")
	code, _, errOut := runCmd(t, "import", jsonOut, "--db", restored, "--yes")
	if code != 1 || !strings.Contains(errOut, "is encrypted") || !strings.Contains(errOut, "--passphrase-file") {
		t.Errorf("import without a passphrase: exit %d, %q", code, errOut)
	}
	// A wrong one says so and writes nothing.
	code, _, errOut = runCmd(t, "import", jsonOut, "--db", restored, "--yes", "--passphrase-file", passphraseFile(t, "wrong"))
	if code != 1 || !strings.Contains(errOut, "wrong passphrase") {
		t.Errorf("import with a wrong passphrase: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(restored); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused import made the database: %v", err)
	}
	// The right one restores everything.
	if code, out, errOut := runCmd(t, "import", jsonOut, "--db", restored, "--yes", "--passphrase-file", pf); code != 0 {
		t.Fatalf("import: exit %d, %q %q", code, out, errOut)
	}
	plain := filepath.Join(dir, "plain.json")
	if code, _, errOut := runCmd(t, "export", "--db", restored, "--format", "json", "--out", plain); code != 0 {
		t.Fatal(errOut)
	}
	if got, want := readExport(t, plain), readExport(t, exportTo(t, db)); got != want {
		t.Error("the database restored from the encrypted export differs from the one exported")
	}

	// The encrypted vCard imports people, the passphrase asked on a
	// terminal.
	a := &fakeAsker{passphrase: "correct horse battery"}
	onTerminal(t, a)
	people := filepath.Join(dir, "people.db")
	code, out, errOut := runCmd(t, "import", vcfOut, "--db", people, "--yes")
	if code != 0 || !strings.Contains(out, "added") || len(a.asked) != 1 || !strings.Contains(a.asked[0], "people.vcf.age") {
		t.Errorf("import of the encrypted cards: exit %d, asked %q, %q %q", code, a.asked, out, errOut)
	}
}

func TestWindowBackupsEncrypted(t *testing.T) {
	dir := t.TempDir()
	db, usb := filepath.Join(dir, "rapport.db"), filepath.Join(dir, "usb")
	st := openEncryptingTo(t, db, usb)
	ring := newMemKeyring()
	b := st.BackupSet(keyring.New(ring))

	// No passphrase: the daily backup is skipped and says so; Back up
	// now asks for one; nothing is written in plain text.
	if _, ok := <-backUpDaily(b, io.Discard); !ok {
		t.Error("the daily backup was skipped without saying so")
	}
	if _, err := b.BackupNow(); !errors.Is(err, ui.ErrNeedPassphrase) {
		t.Errorf("BackupNow without a passphrase = %v, want ui.ErrNeedPassphrase", err)
	}
	if files := filesIn(t, usb); len(files) != 0 {
		t.Fatalf("backups without a passphrase left %q", files)
	}

	inKeyring, err := b.SetPassphrase("pass")
	if err != nil || !inKeyring {
		t.Fatalf("SetPassphrase = %v, %v; want it in the keyring", inKeyring, err)
	}
	made, err := b.BackupNow()
	if err != nil || !made.Encrypted {
		t.Fatalf("BackupNow = %+v, %v; want an encrypted backup", made, err)
	}
	checkSealed(t, made.Path)
	list, err := b.List()
	if err != nil || len(list) != 1 || !list[0].Encrypted {
		t.Errorf("List = %+v, %v; want the encrypted backup, marked", list, err)
	}
	// A fresh start finds the passphrase in the keyring, under the
	// database's identity.
	name, err := st.ID(context.Background())
	if err != nil || name == "" {
		t.Fatalf("the database has no identity: %q, %v", name, err)
	}
	if p, err := ring.Get(name); p != "pass" || err != nil {
		t.Errorf("the keyring gives %q, %v under the database's id; want the passphrase", p, err)
	}
	if _, ok := <-backUpDaily(st.BackupSet(keyring.New(ring)), io.Discard); ok {
		t.Error("the daily backup was skipped although the keyring has the passphrase")
	}
	// Turned off, the passphrase is forgotten, in the keyring too.
	if _, err := b.SetPassphrase(""); err != nil {
		t.Fatal(err)
	}
	if _, err := ring.Get(name); err == nil {
		t.Error("the keyring still holds the passphrase")
	}
	st.Close()
}

func TestWindowRestoreEncryptedWithAWrongPassphraseChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeBackupTestDB(t, db, 2)
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := st.Backup(context.Background(), filepath.Join(dir, "usb"), storage.Encrypted("right"))
	if err != nil {
		t.Fatal(err)
	}
	p := model.NewPerson("Added Later")
	if err := st.CreatePerson(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	b := st.BackupSet(keyring.New(nil))
	err = b.RestoreEncrypted(backup.Path, "wrong")
	if !errors.Is(err, sealed.ErrWrongPassphrase) || !strings.Contains(err.Error(), "wrong passphrase") {
		t.Errorf("RestoreEncrypted with a wrong passphrase = %v", err)
	}
	// The store was never closed: the window goes on with it.
	if got, err := st.Person(context.Background(), p.ID); err != nil || got.Name != "Added Later" {
		t.Errorf("after a wrong passphrase the database reads %+v, %v", got, err)
	}
	for _, n := range filesIn(t, dir) {
		if strings.Contains(n, "sealing") {
			t.Errorf("a decrypted copy %s was left beside the database", n)
		}
	}
	st.Close()
}

func TestStoreExportsEncrypted(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeExportTestDB(t, db)
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e := st // the window's exporter
	all, people := filepath.Join(dir, "all.json.age"), filepath.Join(dir, "people.vcf.age")
	if _, err := e.ExportAll(context.Background(), all, "pass"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ExportPeople(context.Background(), people, "pass"); err != nil {
		t.Fatal(err)
	}
	checkSealed(t, all, "Sam Lee")
	checkSealed(t, people)
}

func TestWindowContactImportOfAnEncryptedFileSaysHow(t *testing.T) {
	data, err := encryptIf([]byte("BEGIN:VCARD\r\nFN:Dana Reyes\r\nEND:VCARD\r\n"), "pass")
	if err != nil {
		t.Fatal(err)
	}
	_, err = contacts.Reader{}.Read("people.vcf.age", data)
	if err == nil || !strings.Contains(err.Error(), "rapport import") {
		t.Errorf("Read(an encrypted file) = %v, want the way to import it", err)
	}
}

// The passphrase of a database's encrypted backups is kept under its
// identity: the database moved or renamed keeps it, as it keeps its
// backups, and another database at the same path does not get it.
func TestBackupPassphraseFollowsTheDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeBackupTestDB(t, db, 1)
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s := model.DefaultSettings()
	s.EncryptBackups = true
	if err := st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	ring := newMemKeyring()
	if inKeyring, err := st.BackupSet(keyring.New(ring)).SetPassphrase("pass"); err != nil || !inKeyring {
		t.Fatalf("SetPassphrase = %v, %v", inKeyring, err)
	}
	st.Close()
	if storage.IDOf(db) == "" {
		t.Fatal("SetPassphrase did not give the database an identity")
	}

	moved := filepath.Join(t.TempDir(), "work.db")
	if err := os.Rename(db, moved); err != nil {
		t.Fatal(err)
	}
	st, err = storage.Open(moved)
	if err != nil {
		t.Fatal(err)
	}
	b, err := st.Backup(ctx, filepath.Join(dir, "usb"), st.BackupSet(keyring.New(ring)).Options(ctx)...)
	if err != nil || !b.Encrypted {
		t.Fatalf("the moved database's backup = %+v, %v; want one encrypted with the kept passphrase", b, err)
	}
	in, err := os.Open(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if _, err := sealed.Decrypt(in, "pass"); err != nil {
		t.Errorf("the moved database's backup does not open with its passphrase: %v", err)
	}
	st.Close()

	// A new database where the first one was has none.
	makeBackupTestDB(t, db, 1)
	other, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Backup(ctx, filepath.Join(dir, "usb"), other.BackupSet(keyring.New(ring)).Options(ctx)...); !errors.Is(err, sealed.ErrNoPassphrase) {
		t.Errorf("another database at the same path backed up with %v, want no passphrase", err)
	}
}

// The window's Backups list has the database's own backups, plain and
// encrypted, and the older ones, each marked; another database's
// encrypted backup in the same folder is not among them.
func TestWindowBackupsListMarksEncryptedAndOlder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeBackupTestDB(t, db, 1)
	other := filepath.Join(dir, "other.db")
	makeBackupTestDB(t, other, 1)
	ost, err := storage.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ost.Backup(ctx, storage.BackupDir(db), storage.Encrypted("pass")); err != nil {
		t.Fatal(err)
	}
	ost.Close()
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC) }
	if _, err := st.Backup(ctx, st.BackupFolder(ctx)); err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 31, 0, 0, time.UTC) }
	enc, err := st.Backup(ctx, st.BackupFolder(ctx), storage.Encrypted("pass"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(enc.Path)
	if err != nil {
		t.Fatal(err)
	}
	older := filepath.Join(storage.BackupDir(db), "rapport-20261101-080000.db.age")
	if err := os.WriteFile(older, data, 0o600); err != nil {
		t.Fatal(err)
	}

	list, err := st.BackupSet(nil).List()
	if err != nil {
		t.Fatal(err)
	}
	type marks struct {
		name             string
		encrypted, older bool
	}
	var got []marks
	for _, b := range list {
		got = append(got, marks{filepath.Base(b.Path), b.Encrypted, b.Older})
	}
	id, _ := st.ID(ctx)
	want := []marks{
		{"rapport-" + id[:8] + "-20261123-093100.db.age", true, false},
		{"rapport-" + id[:8] + "-20261122-093000.db", false, false},
		{"rapport-20261101-080000.db.age", true, true},
	}
	if !slices.Equal(got, want) {
		t.Errorf("List = %+v, want %+v", got, want)
	}
}
