package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// fakeContacts reads every file as the people it was given.
type fakeContacts struct{ file model.ContactFile }

func (f fakeContacts) Read(string, []byte) (model.ContactFile, error) { return f.file, nil }

func TestImportContactsPreviewThenImport(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	storetest.Person(t, st, "Dana Reyes", titled("Director", "Platform"), func(p *model.Person) { p.Email = "dana@example.com" })
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
	preview := kittest.TopDialog(w.win)
	if preview == nil || !kittest.Shows(preview, "Import Connections.csv") {
		t.Fatal("no preview for the dropped file")
	}
	if len(storedPeople(t, st)) != 1 {
		t.Fatal("the preview wrote people")
	}
	summary := kittest.Find(preview, func(l *widget.Label) bool { return strings.Contains(l.Text, "duplicate") })
	if summary == nil || !strings.Contains(summary.Text, "1 duplicate") || !strings.Contains(summary.Text, "add 1, merge 1") {
		t.Errorf("summary = %q", kittest.Texts(preview))
	}
	test.Tap(kittest.MustButton(t, preview, "Import"))
	people := storedPeople(t, st)
	if len(people) != 2 {
		t.Fatalf("%d people after the import, want Dana (merged) and Ben", len(people))
	}
	i := slices.IndexFunc(people, func(p model.PersonSummary) bool { return p.Name == "Dana Reyes" })
	if i < 0 {
		t.Fatalf("Dana is gone after the import: %+v", people)
	}
	merged := people[i]
	if merged.Title != "Director" || merged.Phone != "+44 20 7946 0000" {
		t.Errorf("merge overwrote or missed: title %q, phone %q", merged.Title, merged.Phone)
	}
}

func TestBackupsShowTheLastAndBackUpNow(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Director", "Platform"))
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
