package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"rapport/model"
	"rapport/model/sample"
	"rapport/storage"
	"rapport/storage/vcard"
)

// runCmd runs rapport with args and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// makeExportTestDB writes a closed database at path holding the sample
// network, settings, and one person in the trash, whom it returns.
func makeExportTestDB(t *testing.T, path string) model.Person {
	t.Helper()
	ctx := context.Background()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.InsertNetwork(ctx, sample.Generate(sample.Options{Seed: storage.SampleSeed, Now: time.Now()})); err != nil {
		t.Fatal(err)
	}
	settings := model.DefaultSettings()
	settings.UserName, settings.UserEmail = "Sam Lee", "sam@example.com"
	if err := st.SaveSettings(ctx, settings); err != nil {
		t.Fatal(err)
	}
	gone := model.NewPerson("Archie Ved")
	gone.Email = "archie@example.com"
	if err := st.CreatePerson(ctx, &gone); err != nil {
		t.Fatal(err)
	}
	if err := st.ArchivePerson(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return gone
}

var exportedAt = regexp.MustCompile(`"exported_at": "[^"]*"`)

// readExport reads an export file with its exported_at blanked.
func readExport(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return exportedAt.ReplaceAllString(string(data), `"exported_at": ""`)
}

// checkPrivate fails unless the file at path is readable by the user alone.
func checkPrivate(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("%s has mode %v, want 0600", filepath.Base(path), mode)
	}
}

func TestExportThenImportRestoresEverything(t *testing.T) {
	t.Setenv("DISPLAY", "")
	dir := t.TempDir()
	dbA, dbB := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	makeExportTestDB(t, dbA)
	fileA, fileB := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")

	// Flags in any order.
	code, out, errOut := runCmd(t, "export", "--out", fileA, "--format", "json", "--db", dbA)
	if code != 0 || !strings.Contains(out, "Exported everything from "+dbA+" to "+fileA) {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	checkPrivate(t, fileA)

	// The preview writes nothing, not even the database.
	code, out, errOut = runCmd(t, "import", fileA, "--db", dbB)
	if code != 0 {
		t.Fatalf("import preview: exit %d: %s", code, errOut)
	}
	for _, want := range []string{fileA + ": Rapport export (version 1, schema ", "\n  person ", " rows in ", "Nothing was written."} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(dbB); !os.IsNotExist(err) {
		t.Errorf("the preview made the database: %v", err)
	}

	code, out, errOut = runCmd(t, "import", "--yes", "--db", dbB, fileA)
	if code != 0 || !regexp.MustCompile(`Restored \d+ rows into `+regexp.QuoteMeta(dbB)).MatchString(out) {
		t.Fatalf("import --yes: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut = runCmd(t, "export", "--db", dbB, "--format", "json", "--out", fileB); code != 0 {
		t.Fatalf("export of the restored database: exit %d: %s", code, errOut)
	}
	if a, b := readExport(t, fileA), readExport(t, fileB); a != b {
		t.Errorf("the restored database exports differently (%d and %d bytes)", len(a), len(b))
	}

	// Into a database that is not empty: refused, in preview and for real.
	for _, args := range [][]string{{"import", fileA, "--db", dbB}, {"import", fileA, "--db", dbB, "--yes"}} {
		code, _, errOut = runCmd(t, args...)
		if want := dbB + " is not empty: restore into a new database with --db NEW.db"; code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("%q: exit %d, %q; want 1 and %q", args, code, errOut, want)
		}
	}
	if got := readExport(t, exportTo(t, dbB)); got != readExport(t, fileA) {
		t.Error("the refused import changed the database")
	}
}

// exportTo exports the database at db as JSON to a new file and returns
// its path.
func exportTo(t *testing.T, db string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export.json")
	if code, _, errOut := runCmd(t, "export", "--db", db, "--format", "json", "--out", path); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	return path
}

func TestExportPeopleAsVCard(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	gone := makeExportTestDB(t, db)
	file := filepath.Join(dir, "people.vcf")
	code, out, errOut := runCmd(t, "export", "--db", db, "--format", "vcard", "--out", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkPrivate(t, file)

	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cards, err := vcard.Read(f)
	if err != nil {
		t.Fatalf("vcard.Read: %v", err)
	}
	var got []string
	for _, p := range cards.People {
		got = append(got, p.Person.Name+" <"+p.Person.Email+">")
		if p.Person.Notes != "" {
			t.Errorf("%s's card has notes", p.Person.Name)
		}
	}
	var want []string
	for _, p := range storedPeople(t, db) {
		if p.ArchivedAt.IsZero() {
			want = append(want, p.Name+" <"+p.Email+">")
		} else if p.ID != gone.ID {
			t.Errorf("unexpected person in the trash: %s", p.Name)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Errorf("cards:\n%q\nwant the active people:\n%q", got, want)
	}
	if want := "Exported " + plural(len(want), "person", "people") + " from "; !strings.Contains(out, want) {
		t.Errorf("output %q lacks %q", out, want)
	}

	// --out - writes the same to standard output.
	code, out, _ = runCmd(t, "export", "--db", db, "--format", "vcard", "--out", "-")
	data, _ := os.ReadFile(file)
	if code != 0 || out != string(data) {
		t.Errorf("--out -: exit %d, %d bytes; want the file's %d", code, len(out), len(data))
	}
}

func TestExportCommandRefuses(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeExportTestDB(t, db)
	missing := filepath.Join(dir, "none.db")
	out := filepath.Join(dir, "out.json")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no format", []string{"--db", db, "--out", out}, 2, "--format is needed"},
		{"unknown format", []string{"--db", db, "--format", "csv", "--out", out}, 2, `unknown format "csv"`},
		{"no out", []string{"--db", db, "--format", "json"}, 2, "--out is needed"},
		{"extra argument", []string{"--db", db, "--format", "json", "--out", out, "more"}, 2, `unexpected argument "more"`},
		{"bad flag", []string{"--colour"}, 2, "flag provided but not defined"},
		{"no database", []string{"--db", missing, "--format", "json", "--out", out}, 1, "no database to export"},
		{"folder missing", []string{"--db", db, "--format", "vcard", "--out", filepath.Join(dir, "nope", "people.vcf")}, 1,
			filepath.Join(dir, "nope", "people.vcf")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, append([]string{"export"}, tt.args...)...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d, %q; want %d and %q", code, errOut, tt.wantCode, tt.wantErr)
			}
			if tt.wantCode == 2 && !strings.Contains(errOut, "usage: rapport export") && tt.name != "bad flag" {
				t.Errorf("no usage line in %q", errOut)
			}
			if _, err := os.Stat(missing); !os.IsNotExist(err) {
				t.Error("the export made a database")
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Error("a refused export wrote the file")
			}
		})
	}
}

func TestImportOfABadExportWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeExportTestDB(t, db)
	data, err := os.ReadFile(exportTo(t, db))
	if err != nil {
		t.Fatal(err)
	}
	good := string(data)
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name, file, wantErr string
	}{
		{"other JSON", write("other.json", `{"format": "something", "people": []}`), `not a Rapport export: its format is "something"`},
		{"broken foreign key", write("broken.json", strings.Replace(good, `"person_id": 1,`, `"person_id": 9999,`, 1)),
			"there is no person with id 9999"},
		{"cut short", write("short.json", good[:len(good)/2]), "unexpected EOF"},
	}
	for _, tt := range tests {
		for _, yes := range []bool{false, true} {
			target := filepath.Join(dir, "new.db")
			args := []string{"import", tt.file, "--db", target}
			if yes {
				args = append(args, "--yes")
			}
			code, _, errOut := runCmd(t, args...)
			if code != 1 || !strings.Contains(errOut, tt.wantErr) || !strings.Contains(errOut, filepath.Base(tt.file)) {
				t.Errorf("%s (yes %v): exit %d, %q; want 1 and %q naming the file", tt.name, yes, code, errOut, tt.wantErr)
			}
			for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
				if _, err := os.Stat(target + suffix); !os.IsNotExist(err) {
					t.Errorf("%s (yes %v): the failed import left %s", tt.name, yes, filepath.Base(target+suffix))
				}
			}
		}
	}
}

// TestImportPreviewLeavesNoTemporaryDatabase: the preview of a restore
// checks the document in a temporary database; one a kill left behind
// (of a process that is gone) is removed by the next run, and the run
// leaves none of its own.
func TestImportPreviewLeavesNoTemporaryDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeExportTestDB(t, db)
	doc := exportTo(t, db)
	target := filepath.Join(t.TempDir(), "new.db")
	stale := filepath.Join(filepath.Dir(target), ".rapport-check.rapport-tmp-4194305-1")
	if err := os.MkdirAll(stale, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stale, "check.db"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "import", doc, "--db", target)
	if code != 0 || !strings.Contains(out, "Nothing was written") {
		t.Fatalf("preview: exit %d, %s%s", code, out, errOut)
	}
	entries, err := os.ReadDir(filepath.Dir(target))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("the preview left %s", e.Name())
	}
}
