package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/contacts"
)

// runImportCmd runs rapport import with args and returns its exit status
// and output.
func runImportCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runImport(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// storedPeople opens the database at path and lists everyone in it.
func storedPeople(t *testing.T, path string) []model.PersonSummary {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var all []model.PersonSummary
	for _, archived := range []bool{false, true} {
		people, err := st.People(t.Context(), archived)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, people...)
	}
	return all
}

const connections = "storage/contactcsv/testdata/Connections.csv"

func TestImportCommandPreviewWritesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	code, out, errOut := runImportCmd(t, connections, "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		connections + ": LinkedIn connections, 4 people\n",
		"  4 new, 0 duplicates, 1 problem\n",
		"Problems:\n  line 8: has no name; left out\n",
		"Nothing was written.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the preview made the database: %v", err)
	}
}

func TestImportCommandImports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	// Flags before the file work too.
	code, out, errOut := runImportCmd(t, "--yes", "--db", db, connections)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := ": 4 added, 0 merged, 0 skipped.\n"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	people := storedPeople(t, db)
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	if want := []string{"Dana Reyes", "Priya Natarajan", "Sam Lee", "Zoë Müller-Łukasiewicz"}; !reflect.DeepEqual(names, want) {
		t.Errorf("stored %q, want %q", names, want)
	}
	before := people

	// Again, as a preview: all duplicates, and still nothing written.
	code, out, errOut = runImportCmd(t, connections, "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"  0 new, 4 duplicates, 1 problem\n",
		"Duplicates:\n  line 5: Dana Reyes: same name and organisation as Dana Reyes (#1): Merge\n",
		"  line 6: Sam Lee: same email as Sam Lee (#",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	if after := storedPeople(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("the preview changed the database")
	}

	// And imported again: merged, nothing new, nobody changed.
	code, out, _ = runImportCmd(t, connections, "--db", db, "--yes")
	if code != 0 || !strings.Contains(out, ": 0 added, 4 merged, 0 skipped.") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if after := storedPeople(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("importing the same file twice changed people")
	}
}

// TestImportCommandTeamFromCompanyAndCadence: --team-from-company and
// --cadence apply to everyone the import adds; a cadence out of range is
// bad usage and writes nothing.
func TestImportCommandTeamFromCompanyAndCadence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	if code, _, errOut := runImportCmd(t, connections, "--db", db, "--yes", "--cadence", "-3"); code != 2 ||
		!strings.Contains(errOut, "--cadence -3 is not a number of days") {
		t.Errorf("--cadence -3: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a bad --cadence made the database: %v", err)
	}
	code, _, errOut := runImportCmd(t, connections, "--db", db, "--yes", "--team-from-company", "--cadence", "14")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	people := storedPeople(t, db)
	if len(people) == 0 {
		t.Fatal("nobody imported")
	}
	for _, p := range people {
		if p.Team != p.Organisation || p.CadenceDays != 14 || !p.CadenceSet {
			t.Errorf("%s: team %q, organisation %q, cadence %d set %v; want the organisation as team, 14 set",
				p.Name, p.Team, p.Organisation, p.CadenceDays, p.CadenceSet)
		}
	}
}

func TestImportCommandDuplicatesInTheFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "people.vcf")
	text := "BEGIN:VCARD\nVERSION:4.0\nFN:Sam Lee\nEMAIL:sam@example.com\nEND:VCARD\n" +
		"BEGIN:VCARD\nVERSION:4.0\nFN:Samuel Lee\nEMAIL:SAM@example.com\nEND:VCARD\n"
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "rapport.db")
	code, out, errOut := runImportCmd(t, file, "--db", db, "--yes")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		": vCard, 2 people\n  1 new, 1 duplicate, 0 problems\n",
		"  line 6: Samuel Lee: same email as Sam Lee (line 1, earlier in the file): Skip\n",
		": 1 added, 0 merged, 1 skipped.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestImportCommandBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	huge := filepath.Join(dir, "huge.vcf")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(contacts.MaxSize + 1); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	f.Close()
	latin1 := write("latin1.csv", []byte("First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZo\xeb,M\xfcller,,,,,\n"))
	photo := write("photo.vcf", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	noColumn := "storage/contactcsv/testdata/Connections-no-last-name.csv"
	calendar := "storage/contacts/testdata/calendar.ics"
	db := filepath.Join(dir, "rapport.db")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no file", nil, 2, "usage: rapport import FILE"},
		{"two files", []string{connections, connections}, 2, "usage: rapport import FILE"},
		{"bad flag", []string{"--colour", connections}, 2, "flag provided but not defined"},
		{"missing", []string{filepath.Join(dir, "nope.vcf"), "--db", db, "--yes"}, 1, "nope.vcf: no such file"},
		{"too large", []string{huge, "--db", db, "--yes"}, 1, "huge.vcf: file is larger than 200 MB"},
		{"not UTF-8", []string{latin1, "--db", db, "--yes"}, 1, "latin1.csv: line 2: not UTF-8 text"},
		{"binary", []string{photo, "--db", db, "--yes"}, 1, "photo.vcf: not a contacts file"},
		{"missing column", []string{noColumn, "--db", db, "--yes"}, 1, `Connections-no-last-name.csv: line 4: missing column "Last Name"`},
		{"calendar", []string{calendar, "--db", db, "--yes"}, 1, "calendar.ics is a calendar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runImportCmd(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want %d and %q (stdout %q)", code, errOut, tt.wantCode, tt.wantErr, out)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a bad file made the database")
			}
		})
	}
}

// TestImportCommandExitStatusAndMessages: a contacts file from which
// nothing can be imported exited 0; an unbalanced CSV quote silently
// dropped every later row; a JSON export with a UTF-8 byte order mark was
// "invalid character 'ï'" and one in UTF-16 "not a contacts file"; a file
// with CR line ends was one long line. Each now exits as it should, with
// the line named where there is one.
func TestImportCommandExitStatusAndMessages(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	utf16le := func(s string) []byte {
		out := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
	src := filepath.Join(dir, "src.db")
	makeExportTestDB(t, src)
	export, err := os.ReadFile(exportTo(t, src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		file     string
		wantCode int
		want     string // in stderr when wantCode is 1, else in stdout
	}{
		{"vCard cut short", write("cut.vcf", []byte("BEGIN:VCARD\nVERSION:3.0\nFN:Dana Reyes\nEMAIL:dana@")), 1,
			"cut.vcf: nothing can be imported: line 1: card has no END:VCARD (is the file cut short?)"},
		{"CSV with an unbalanced quote", write("quote.csv", []byte(header+"Dana,Reyes,,,,,\nSam,\"Lee,,,,,\nKim,Ito,,,,,\n")), 1,
			"quote.csv: line 3: a quote opens here and is not closed on its line"},
		{"CSV without people", write("empty.csv", []byte(header)), 1, "empty.csv: nothing to import"},
		{"UTF-16 JSON", write("export16.json", utf16le(string(export))), 1, "export16.json is JSON saved as UTF-16 text"},
		{"JSON with a byte order mark", write("bom.json", append([]byte("\uFEFF"), export...)), 0, "Rapport export (version 1"},
		{"vCard with CR line ends", write("mac.vcf", []byte("BEGIN:VCARD\rVERSION:3.0\rFN:Dana Reyes\rEND:VCARD\rBEGIN:VCARD\rVERSION:3.0\rFN:Sam Lee\rEND:VCARD\r")), 0,
			"2 new, 0 duplicates, 0 problems"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "rapport.db")
			code, out, errOut := runImportCmd(t, tt.file, "--db", db)
			got := out
			if tt.wantCode != 0 {
				got = errOut
			}
			if code != tt.wantCode || !strings.Contains(got, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and %q", code, out, errOut, tt.wantCode, tt.want)
			}
		})
	}
}

// TestImportCommandJobChanges: Connections.csv imported again after Dana
// moved to Fabrikam as Director: the preview lists the job change, and
// --yes gives her the new role and keeps the old one in her history.
func TestImportCommandJobChanges(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	if code, _, errOut := runImportCmd(t, "--yes", "--db", db, connections); code != 0 {
		t.Fatalf("first import: exit %d: %s", code, errOut)
	}
	before := storedPeople(t, db)
	var dana model.PersonSummary
	for _, p := range before {
		if p.Name == "Dana Reyes" {
			dana = p
		}
	}
	data, err := os.ReadFile(connections)
	if err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(dir, "Connections.csv")
	text := strings.Replace(string(data), dana.Organisation+","+dana.Title, "Fabrikam,Director", 1)
	if text == string(data) {
		t.Fatalf("the test file has no line %q", dana.Organisation+","+dana.Title)
	}
	if err := os.WriteFile(moved, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runImportCmd(t, moved, "--db", db, "--yes")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "Job changes (their old role stays in their history):\n  Dana Reyes: now Director at Fabrikam, was " +
		dana.Title + " at " + dana.Organisation + "\n"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Person(t.Context(), dana.ID)
	if err != nil || got.Title != "Director" || got.Organisation != "Fabrikam" {
		t.Errorf("Dana after the import: %q at %q (%v)", got.Title, got.Organisation, err)
	}
	if roles, err := st.RoleHistory(t.Context(), dana.ID); err != nil || len(roles) != 1 || roles[0].WasOrganisation != dana.Organisation {
		t.Errorf("role history = %+v, %v", roles, err)
	}
}
