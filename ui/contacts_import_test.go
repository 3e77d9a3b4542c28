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
	// A new title is a job change (see TestReimportShowsJobChanges): the
	// merge takes it.
	if merged.Title != "VP Platform" || merged.Phone != "+44 20 7946 0000" {
		t.Errorf("merge missed: title %q, phone %q", merged.Title, merged.Phone)
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

// importPreview opens the preview of a file holding people over a new
// window on st.
func importPreview(t *testing.T, st Store, people ...model.ImportedPerson) (*Window, *contactsImport) {
	t.Helper()
	file := model.ContactFile{Format: model.FormatLinkedIn, People: people}
	w := New(test.NewTempApp(t), st, Options{Now: func() time.Time { return testNow }, Contacts: fakeContacts{file: file}})
	t.Cleanup(w.win.Close)
	ci := previewContacts(w, filepath.Join(t.TempDir(), "Connections.csv"), file)
	if ci == nil || kittest.TopDialog(w.win) == nil {
		t.Fatal("no preview")
	}
	return w, ci
}

// TestImportPreviewSkipsANewRowAndGroupsByCompany: one new person is
// skipped in the preview, the company is chosen as the team and a
// two-weekly cadence for everyone; the import adds the other new person
// with both, and leaves the person already known as they were but for
// what the merge fills in.
func TestImportPreviewSkipsANewRowAndGroupsByCompany(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	storetest.Person(t, st, "Dana Reyes", titled("Director", ""), func(p *model.Person) { p.Email = "dana@example.com" })
	w, ci := importPreview(t, st,
		model.ImportedPerson{Person: model.Person{Name: "Dana Reyes", Email: "dana@example.com", Organisation: "Northwind"}, Line: 2},
		model.ImportedPerson{Person: model.Person{Name: "Ben Okafor", Organisation: "Northwind"}, Line: 3},
		model.ImportedPerson{Person: model.Person{Name: "Cara Lind", Organisation: "Acme"}, Line: 4},
	)
	preview := kittest.TopDialog(w.win)
	skip := ci.actions[2]
	if skip == nil || !slices.Equal(skip.Options, []string{"Add", "Skip"}) || skip.Selected != "Add" {
		t.Fatalf("the new row has no Add/Skip choice set to Add: %+v", skip)
	}
	skip.SetSelected("Skip")
	if !kittest.Shows(preview, "add 1, merge 1 and skip 1") {
		t.Errorf("summary after skipping Cara: %q", ci.summary.Text)
	}
	test.Tap(ci.teamFromCompany)
	ci.cadence.SetSelected(cadenceChoice(14))
	test.Tap(kittest.MustButton(t, preview, "Import"))

	people := map[string]model.PersonSummary{}
	for _, p := range storedPeople(t, st) {
		people[p.Name] = p
	}
	if _, ok := people["Cara Lind"]; ok || len(people) != 2 {
		t.Fatalf("stored %d people (Cara skipped? %v), want Dana and Ben", len(people), !ok)
	}
	ben := people["Ben Okafor"]
	if ben.Team != "Northwind" || ben.Organisation != "Northwind" || ben.CadenceDays != 14 || !ben.CadenceSet {
		t.Errorf("Ben stored with team %q, organisation %q, cadence %d set %v; want Northwind, Northwind, 14 set",
			ben.Team, ben.Organisation, ben.CadenceDays, ben.CadenceSet)
	}
	dana := people["Dana Reyes"]
	if dana.Team != "" || dana.Organisation != "Northwind" || dana.CadenceDays != model.DefaultCadenceDays || dana.CadenceSet {
		t.Errorf("Dana (merged) stored with team %q, organisation %q, cadence %d set %v; want no team, Northwind, the default",
			dana.Team, dana.Organisation, dana.CadenceDays, dana.CadenceSet)
	}
}

// TestImportPreviewSkipAllNewThenAddAll: Skip all new leaves nothing to
// import (Import is disabled); Add all new brings every new row back.
func TestImportPreviewSkipAllNewThenAddAll(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	_, ci := importPreview(t, st,
		model.ImportedPerson{Person: model.Person{Name: "Ben Okafor"}, Line: 2},
		model.ImportedPerson{Person: model.Person{Name: "Cara Lind"}, Line: 3},
	)
	test.Tap(ci.skipAllNew)
	if !ci.confirm.Disabled() || !ci.skipAllNew.Disabled() || ci.addAllNew.Disabled() {
		t.Errorf("after Skip all new: Import disabled %v, Skip all new disabled %v, Add all new disabled %v",
			ci.confirm.Disabled(), ci.skipAllNew.Disabled(), ci.addAllNew.Disabled())
	}
	for i, m := range ci.matches {
		if m.Action != model.ImportSkip {
			t.Errorf("row %d: %s after Skip all new", i, m.Action)
		}
	}
	test.Tap(ci.addAllNew)
	if ci.confirm.Disabled() || !ci.addAllNew.Disabled() {
		t.Error("after Add all new: Import disabled, or Add all new still enabled")
	}
	test.Tap(ci.confirm)
	if n := len(storedPeople(t, st)); n != 2 {
		t.Errorf("%d people imported, want 2", n)
	}
}

// TestReimportShowsJobChanges: Connections.csv imported again names Ngozi
// as Director at Fabrikam, whom Rapport knows as Lead at Northwind (so only
// her name matches her): the preview says so before anything is written,
// and the import gives her the new role and keeps the old one in her
// history.
func TestReimportShowsJobChanges(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	ngozi := storetest.Person(t, st, "Ngozi Eze", func(p *model.Person) { p.Title, p.Organisation = "Lead", "Northwind" })
	contacts := fakeContacts{file: model.ContactFile{Format: model.FormatLinkedIn, People: []model.ImportedPerson{
		{Person: model.Person{Name: "Ngozi Eze", Title: "Director", Organisation: "Fabrikam"}, Line: 2},
	}}}
	a := test.NewTempApp(t)
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Contacts: contacts})
	t.Cleanup(w.win.Close)
	path := filepath.Join(t.TempDir(), "Connections.csv")
	if err := os.WriteFile(path, []byte("stand-in"), 0o600); err != nil {
		t.Fatal(err)
	}
	w.importFile(path)
	preview := kittest.TopDialog(w.win)
	if !kittest.Shows(preview, "Ngozi Eze: now Director at Fabrikam, was Lead at Northwind") {
		t.Fatalf("the preview does not show the job change; it shows %q", kittest.Texts(preview))
	}
	if !kittest.Shows(preview, "One of them changed jobs.") {
		t.Errorf("the summary does not count the job change: %q", kittest.Texts(preview))
	}
	if got, _ := st.Person(t.Context(), ngozi.ID); got.Organisation != "Northwind" {
		t.Fatal("the preview wrote the new role")
	}
	test.Tap(kittest.MustButton(t, preview, "Import"))
	got, err := st.Person(t.Context(), ngozi.ID)
	if err != nil || got.Title != "Director" || got.Organisation != "Fabrikam" {
		t.Errorf("after the import: %q at %q (%v), want Director at Fabrikam", got.Title, got.Organisation, err)
	}
	roles, err := st.RoleHistory(t.Context(), ngozi.ID)
	if err != nil || len(roles) != 1 || roles[0].WasTitle != "Lead" || roles[0].WasOrganisation != "Northwind" {
		t.Errorf("role history = %+v, %v; want the old role", roles, err)
	}
	if n := len(storedPeople(t, st)); n != 1 {
		t.Errorf("%d people after the re-import, want Ngozi alone", n)
	}
}
