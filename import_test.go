package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

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
