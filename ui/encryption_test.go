package ui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/sealed"
	"rapport/ui/forms"
	"rapport/ui/kit/kittest"
)

// The tests encrypt with a low scrypt work factor: a second of scrypt per
// file would make them slow and prove nothing more.
func init() { sealed.WorkFactor = 10 }

// fillPassphrase types p (and again, when asked twice) into the
// passphrase dialog on top of w and taps OK.
func fillPassphrase(t *testing.T, w *Window, p, again string) {
	t.Helper()
	top := topDialog(t, w)
	entry := kittest.Entry(top, "Passphrase")
	if entry == nil {
		t.Fatalf("the dialog on top asks no passphrase: %q", kittest.Texts(top))
	}
	entry.SetText(p)
	if e := kittest.Entry(top, "The same passphrase again"); e != nil {
		e.SetText(again)
	}
	test.Tap(kittest.MustButton(t, top, "OK"))
}

// settingsWithEncrypt opens the settings of w and returns them with their
// choice to encrypt the backups.
func settingsWithEncrypt(t *testing.T, w *Window) (*forms.SettingsEditor, *widget.Check) {
	t.Helper()
	e := w.editSettings(nil)
	top := topDialog(t, w)
	check := kittest.Find(top, func(c *widget.Check) bool { return c.Text == "Encrypt backups in the backup folder" })
	if check == nil {
		t.Fatalf("the settings offer no encryption: %q", kittest.Texts(top))
	}
	return e, check
}

func TestSettingsEncryptBackupsPersists(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Director", "Platform"))
	backups := &fakeBackups{}
	w := New(test.NewTempApp(t), st, Options{Now: func() time.Time { return testNow }, Backups: backups})
	w.win.Resize(fyne.NewSize(1024, 640))
	t.Cleanup(w.win.Close)

	e, encrypt := settingsWithEncrypt(t, w)
	if encrypt.Checked {
		t.Fatal("a new database encrypts its backups")
	}
	// Cancelling the passphrase unticks the choice.
	encrypt.SetChecked(true)
	test.Tap(kittest.MustButton(t, topDialog(t, w), "Cancel"))
	if encrypt.Checked {
		t.Error("the choice stayed ticked without a passphrase")
	}
	// Two different passphrases are refused; the same twice is taken.
	encrypt.SetChecked(true)
	fillPassphrase(t, w, "correct horse", "correct hose")
	if asked := topDialog(t, w); !kittest.Shows(asked, "differ") {
		t.Errorf("two different passphrases: the dialog shows %q, want the problem", kittest.Texts(asked))
	}
	fillPassphrase(t, w, "correct horse", "correct horse")
	test.Tap(e.Save)
	if s, _ := st.Settings(context.Background()); !s.EncryptBackups {
		t.Fatal("the saved settings do not encrypt the backups")
	}
	if backups.passphrase != "correct horse" || backups.passphraseSet != 1 {
		t.Errorf("the backups were given %q (%d times), want the passphrase once", backups.passphrase, backups.passphraseSet)
	}
	if msg := w.toast.message.Text; !strings.Contains(msg, "no system keyring") {
		t.Errorf("toast = %q, want it to say where the passphrase is kept", msg)
	}

	// Opened again, the choice is ticked; saving other changes keeps it
	// without asking again.
	e2, encrypt2 := settingsWithEncrypt(t, w)
	asked := kittest.Entry(topDialog(t, w), "Passphrase") != nil
	if !encrypt2.Checked || asked {
		t.Fatalf("reopened: ticked %v, asked %v; want ticked without asking", encrypt2.Checked, asked)
	}
	e2.Name.SetText("Sam Okafor")
	test.Tap(e2.Save)
	if s, _ := st.Settings(context.Background()); !s.EncryptBackups || s.UserName != "Sam Okafor" || backups.passphraseSet != 1 {
		t.Errorf("after another save: %+v, passphrase set %d times", s, backups.passphraseSet)
	}
	// Unticked and saved, the passphrase is forgotten.
	e3, encrypt3 := settingsWithEncrypt(t, w)
	encrypt3.SetChecked(false)
	test.Tap(e3.Save)
	if s, _ := st.Settings(context.Background()); s.EncryptBackups || backups.passphrase != "" {
		t.Errorf("turned off: encrypt %v, passphrase %q", s.EncryptBackups, backups.passphrase)
	}
}

// sealingExporter writes a small export, encrypted with the passphrase
// given as the window's exporter on storage does.
type sealingExporter struct{}

func (sealingExporter) write(path, passphrase, content string) error {
	var buf bytes.Buffer
	var out io.Writer = &buf
	var enc io.WriteCloser
	if passphrase != "" {
		var err error
		if enc, err = sealed.Encrypt(&buf, passphrase); err != nil {
			return err
		}
		out = enc
	}
	io.WriteString(out, content)
	if enc != nil {
		if err := enc.Close(); err != nil {
			return err
		}
	}
	return os.WriteFile(path, buf.Bytes(), 0o600)
}

func (e sealingExporter) ExportAll(_ context.Context, path, passphrase string) (int64, error) {
	return 1, e.write(path, passphrase, `{"format": "rapport-export", "tables": {"person": [{"name": "Dana Reyes"}]}}`)
}

func (e sealingExporter) ExportPeople(_ context.Context, path, passphrase string) (int, error) {
	return 1, e.write(path, passphrase, "BEGIN:VCARD\r\nFN:Dana Reyes\r\nEND:VCARD\r\n")
}

func TestExportEncrypted(t *testing.T) {
	w := exportWindow(t, sealingExporter{})
	w.win.Resize(fyne.NewSize(1024, 640))
	var got []string
	o := openExportOptions(w, "Export everything", func(p string) { got = append(got, p) })
	if !o.entry.Disabled() {
		t.Error("the passphrase can be typed before Encrypt is ticked")
	}
	o.encrypt.SetChecked(true)
	o.entry.SetText("correct horse")
	o.again.SetText("correct horse!")
	test.Tap(o.next)
	if len(got) != 0 || !o.problem.Visible() {
		t.Fatalf("two different passphrases went on: %q", got)
	}
	o.again.SetText("correct horse")
	test.Tap(o.next)
	if len(got) != 1 || got[0] != "correct horse" {
		t.Fatalf("the export went on with %q, want the passphrase", got)
	}
	if name, ext := encryptedName("Rapport 2026-11-23.json", ".json", got[0]); name != "Rapport 2026-11-23.json.age" || ext != ".age" {
		t.Errorf("suggested name %q (%s), want the .json.age one", name, ext)
	}

	dir := t.TempDir()
	all, people := filepath.Join(dir, "all.json.age"), filepath.Join(dir, "people.vcf.age")
	exportAndWaitWith(t, w, all, got[0])
	w.exportPeopleTo(people, got[0])
	for _, path := range []string{all, people} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("age-encryption.org/v1\n")) {
			t.Errorf("%s begins %q, not with the age header", filepath.Base(path), data[:min(len(data), 30)])
		}
		for _, leak := range []string{"rapport-export", "Dana Reyes", "VCARD"} {
			if bytes.Contains(data, []byte(leak)) {
				t.Errorf("%s holds %q in plain text", filepath.Base(path), leak)
			}
		}
	}

	// Unticked, the export is plain, with the usual name.
	o = openExportOptions(w, "Export everything", func(p string) { got = append(got, p) })
	test.Tap(o.next)
	if got[len(got)-1] != "" {
		t.Errorf("an unencrypted export went on with a passphrase %q", got[len(got)-1])
	}
}

// exportAndWaitWith exports everything to path with passphrase and waits
// until it has been reported.
func exportAndWaitWith(t *testing.T, w *Window, path, passphrase string) {
	t.Helper()
	done := make(chan struct{})
	w.exportEverythingTo(path, passphrase, func() { close(done) })
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the export never reported")
	}
}

// storeBackups is Backups on a real database file, closed, as the
// window's is while it restores.
type storeBackups struct {
	fakeBackups
	db, dir string
}

func (b *storeBackups) List() ([]model.BackupFile, error) {
	list, err := storage.Backups(b.dir)
	out := make([]model.BackupFile, len(list))
	for i, x := range list {
		out[i] = model.BackupFile{Path: x.Path, At: x.At, Size: x.Size, Encrypted: x.Encrypted, Older: x.Older()}
	}
	return out, err
}

func (b *storeBackups) RestoreEncrypted(path, passphrase string) error {
	return storage.RestoreEncrypted(b.db, path, passphrase)
}

func TestRestoreEncryptedBackupWithAWrongPassphrase(t *testing.T) {
	dir := t.TempDir()
	db, folder := filepath.Join(dir, "rapport.db"), filepath.Join(dir, "usb")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p := model.NewPerson("Dana Reyes")
	if err := st.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Backup(ctx, folder, storage.Encrypted("right one")); err != nil {
		t.Fatal(err)
	}
	p2 := model.NewPerson("Lee Park")
	if err := st.CreatePerson(ctx, &p2); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	w, d := backupsOf(t, db, folder)
	if len(d.list) != 1 || !d.list[0].Encrypted || !strings.Contains(dialogTexts(w), "encrypted") {
		t.Fatalf("Backups lists %+v, shows %q; want the encrypted backup, marked", d.list, dialogTexts(w))
	}
	test.Tap(d.restore[0])
	test.Tap(kittest.MustButton(t, w.win.Canvas().Overlays().Top(), "Yes"))
	if d.asked == nil || d.asked.again != nil {
		t.Fatal("restoring an encrypted backup did not ask for its passphrase, once")
	}
	fillPassphrase(t, w, "wrong one", "")
	texts := dialogTexts(w)
	for _, want := range []string{"nothing was changed", "wrong passphrase"} {
		if !strings.Contains(texts, want) {
			t.Errorf("after a wrong passphrase the window says %q, want %q", texts, want)
		}
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(after, before) {
		t.Errorf("a wrong passphrase changed the database (%v)", err)
	}
	if _, err := os.Stat(storage.BackupDir(db)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused restore backed up the current state: %v", err)
	}
}

func TestBackUpNowAsksForThePassphraseWhenNoneIsKnown(t *testing.T) {
	b := &needPassphraseBackups{}
	w := New(test.NewTempApp(t), peopleStore(t), Options{Now: func() time.Time { return testNow }, Backups: b})
	w.win.Resize(fyne.NewSize(1024, 640))
	t.Cleanup(w.win.Close)
	d := openBackups(w)
	test.Tap(d.now)
	if d.asked == nil || d.asked.again == nil {
		t.Fatal("Back up now did not ask for a new passphrase, twice")
	}
	fillPassphrase(t, w, "pass", "pass")
	if b.passphrase != "pass" || len(d.list) != 1 {
		t.Errorf("after the passphrase: kept %q, %d backups; want it kept and a backup", b.passphrase, len(d.list))
	}
}

// needPassphraseBackups backs up only once given a passphrase.
type needPassphraseBackups struct{ fakeBackups }

func (b *needPassphraseBackups) BackupNow() (model.BackupFile, error) {
	if b.passphrase == "" {
		return model.BackupFile{}, ErrNeedPassphrase
	}
	return b.fakeBackups.BackupNow()
}

// The Backups dialog marks each backup as what it is: encrypted, older
// (of a database no one can tell), both, or neither.
func TestBackupsDialogMarksEncryptedAndOlderBackups(t *testing.T) {
	at := func(h int) time.Time { return testNow.Add(time.Duration(-h) * time.Hour) }
	b := &fakeBackups{list: []model.BackupFile{
		{Path: "/data/backups/rapport-3f2a9c1e-20261123-080000.db.age", At: at(1), Size: 1 << 20, Encrypted: true},
		{Path: "/data/backups/rapport-3f2a9c1e-20261122-080000.db", At: at(25), Size: 1 << 20},
		{Path: "/data/backups/rapport-20261121-080000.db.age", At: at(49), Size: 1 << 20, Encrypted: true, Older: true},
		{Path: "/data/backups/rapport-20261120-080000.db", At: at(73), Size: 1 << 20, Older: true},
	}}
	w := New(test.NewTempApp(t), peopleStore(t), Options{Now: func() time.Time { return testNow }, Backups: b})
	w.win.Resize(fyne.NewSize(1024, 640))
	t.Cleanup(w.win.Close)
	d := openBackups(w)
	var rows []string
	for _, row := range d.rows.Objects {
		for _, o := range row.(*fyne.Container).Objects {
			if l, ok := o.(*widget.Label); ok {
				rows = append(rows, l.Text)
			}
		}
	}
	if len(rows) != len(b.list) || len(d.restore) != len(b.list) {
		t.Fatalf("the dialog shows rows %q with %d restore buttons, want %d", rows, len(d.restore), len(b.list))
	}
	for i, want := range []struct{ encrypted, older bool }{{true, false}, {false, false}, {true, true}, {false, true}} {
		if got := strings.Contains(rows[i], "encrypted"); got != want.encrypted {
			t.Errorf("row %q: encrypted mark %v, want %v", rows[i], got, want.encrypted)
		}
		if got := strings.Contains(rows[i], "older backup, database unknown"); got != want.older {
			t.Errorf("row %q: older mark %v, want %v", rows[i], got, want.older)
		}
	}
}

// An encrypted backup of another database is refused by the Backups
// dialog once decrypted, as a plain one is, and the database stays as it
// was.
func TestRestoreEncryptedBackupOfAnotherDatabaseIsRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, folder := filepath.Join(dir, "work.db"), filepath.Join(dir, "usb")
	for _, path := range []string{db, filepath.Join(dir, "personal.db")} {
		st, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		p := model.NewPerson("Someone in " + filepath.Base(path))
		if err := st.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if path == db {
			_, err = st.ID(ctx) // work.db has an identity of its own
		} else {
			_, err = st.Backup(ctx, folder, storage.Encrypted("same pass"))
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	w, d := backupsOf(t, db, folder)
	if len(d.list) != 1 || !d.list[0].Encrypted {
		t.Fatalf("Backups lists %+v, want personal.db's encrypted backup", d.list)
	}
	test.Tap(d.restore[0])
	test.Tap(kittest.MustButton(t, w.win.Canvas().Overlays().Top(), "Yes"))
	fillPassphrase(t, w, "same pass", "")
	texts := dialogTexts(w)
	for _, want := range []string{"nothing was changed", "of another database"} {
		if !strings.Contains(texts, want) {
			t.Errorf("after restoring another database's backup the window says %q, want %q", texts, want)
		}
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the refused restore changed the database (%v)", err)
	}
}

// backupsOf opens a window whose backups are those of db in folder, and
// its Backups dialog.
func backupsOf(t *testing.T, db, folder string) (*Window, *backupsDialog) {
	t.Helper()
	w := New(test.NewTempApp(t), peopleStore(t), Options{Now: func() time.Time { return testNow },
		Backups: &storeBackups{db: db, dir: folder}})
	w.win.Resize(fyne.NewSize(1024, 640))
	t.Cleanup(w.win.Close)
	return w, openBackups(w)
}
