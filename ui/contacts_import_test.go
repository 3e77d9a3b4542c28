package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"rapport/model"
)

// fakeContacts reads every file as the people it was given.
type fakeContacts struct{ file model.ContactFile }

func (f fakeContacts) Read(string, []byte) (model.ContactFile, error) { return f.file, nil }

func TestImportContactsPreviewThenImport(t *testing.T) {
	dana := person("Dana Reyes", "Director", "Platform")
	dana.Email = "dana@example.com"
	st := seeded(t, dana)
	contacts := fakeContacts{file: model.ContactFile{Format: model.FormatLinkedIn,
		People: []model.ImportedPerson{
			{Person: model.Person{Name: "Dana Reyes", Title: "VP Platform", Email: "DANA@example.com", Phone: "+44 20 7946 0000"}, Line: 5},
			{Person: model.Person{Name: "Ben Okafor", Organisation: "Northwind", Title: "Engineer"}, Line: 6},
		},
		Problems: []model.ImportProblem{{Line: 7, Problem: "no name"}}}}
	a := test.NewTempApp(t)
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Contacts: contacts})
	t.Cleanup(w.win.Close)
	path := filepath.Join(t.TempDir(), "Connections.csv")
	if err := os.WriteFile(path, []byte("stand-in"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Dropped onto the window, as from a file manager.
	w.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	ci := w.currentContactsImport
	if ci == nil {
		t.Fatal("no preview for the dropped file")
	}
	if len(st.people) != 1 {
		t.Fatal("the preview wrote people")
	}
	if !strings.Contains(ci.summary.Text, "1 duplicate") || !strings.Contains(ci.summary.Text, "add 1, merge 1") {
		t.Errorf("summary = %q", ci.summary.Text)
	}
	test.Tap(ci.confirm)
	if len(st.people) != 2 {
		t.Fatalf("%d people after the import, want Dana (merged) and Ben", len(st.people))
	}
	merged := st.people[1]
	if merged.Title != "Director" || merged.Phone != "+44 20 7946 0000" {
		t.Errorf("merge overwrote or missed: title %q, phone %q", merged.Title, merged.Phone)
	}
}

// fakeBackups keeps a list of backups in memory.
type fakeBackups struct {
	list          []model.BackupFile
	restored      string
	passphrase    string // the last given to RestoreEncrypted or SetPassphrase
	passphraseSet int    // how many times SetPassphrase was called
}

func (f *fakeBackups) List() ([]model.BackupFile, error) { return f.list, nil }

func (f *fakeBackups) Folder() string        { return "/data/backups" }
func (f *fakeBackups) DefaultFolder() string { return "/data/backups" }

func (f *fakeBackups) BackupNow() (model.BackupFile, error) {
	b := model.BackupFile{Path: "/data/backups/rapport-20261123-093000.db", At: testNow, Size: 840 << 10}
	f.list = append([]model.BackupFile{b}, f.list...)
	return b, nil
}

func (f *fakeBackups) Restore(path string) error {
	f.restored = path
	return nil
}

func TestBackupsShowTheLastAndBackUpNow(t *testing.T) {
	st := seeded(t, person("Dana Reyes", "Director", "Platform"))
	b := &fakeBackups{list: []model.BackupFile{{Path: "/data/backups/rapport-20261122-080000.db", At: testNow.Add(-25 * time.Hour), Size: 2 << 20}}}
	a := test.NewTempApp(t)
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Backups: b})
	t.Cleanup(w.win.Close)
	d := openBackups(w)
	if !strings.Contains(d.last.Text, "yesterday") || len(d.restore) != 1 {
		t.Errorf("last = %q with %d restore buttons", d.last.Text, len(d.restore))
	}
	test.Tap(d.now)
	if len(d.list) != 2 || !strings.Contains(d.last.Text, "today") {
		t.Errorf("after Back up now: %d backups, last %q", len(d.list), d.last.Text)
	}
}
