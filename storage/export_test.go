package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"rapport/model"
	"rapport/model/sample"
)

// richStore is a store holding the sample network and, made through the
// store's own methods, one of everything the sample leaves out: settings
// and the last review, an archived person, a promise with its history, a
// meeting's outcome, a requirement's level change, an action offered as
// evidence, a panel member, an opportunity with backers, a disclosure,
// and text that JSON has to escape.
func richStore(t *testing.T) *Store {
	t.Helper()
	s := mustOpen(t)
	ctx := t.Context()
	n := sample.Generate(sample.Options{Seed: SampleSeed, Now: testNow})
	if err := s.InsertNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
	st := model.DefaultSettings()
	st.UserName, st.UserEmail, st.TimeZone = "Sam Lee", "sam@example.com", "Europe/London"
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkReviewed(ctx, testNow.Add(-72*time.Hour)); err != nil {
		t.Fatal(err)
	}

	odd := model.NewPerson(`Zoë "Zed" O'Neill <ops> & co`)
	odd.Notes = "Line one\nline two\ttabbed \\ backslash \u2028 and \x01 control, 日本語, 🎉"
	if err := s.CreatePerson(ctx, &odd); err != nil {
		t.Fatal(err)
	}
	if err := s.ArchivePerson(ctx, n.People[len(n.People)-1].ID); err != nil {
		t.Fatal(err)
	}

	dana := n.People[0].ID
	// A re-import that found Dana a new job: a row in role_change.
	job := model.JobChange{WasTitle: n.People[0].Title, WasOrganisation: n.People[0].Organisation,
		Title: "Director", Organisation: "Fabrikam"}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return recordRoleChange(ctx, tx, dana, job, testNow) }); err != nil {
		t.Fatal(err)
	}
	p := model.Promise{Direction: model.DirectionMine, PersonID: dana, What: "Send the offsite notes",
		MadeOn: date(11, 20), DueOn: date(11, 24), Status: model.PromiseOpen}
	if err := s.CreatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	setClock(s, testNow.Add(time.Hour))
	p.DueOn = date(11, 30)
	if err := s.UpdatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.Status, p.ResolvedOn = model.PromiseKept, date(11, 23)
	if err := s.UpdatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}

	m := newMeeting(dana, testNow.Add(-3*time.Hour))
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LogMeetingOutcome(ctx, m.ID, model.MeetingOutcome{At: m.Start, Summary: "Talked budgets", Stance: model.Stance("supporter"),
		Notes: "She wants the numbers first", Promises: []model.Promise{{Direction: model.DirectionTheirs, What: "Intro to the CFO"}}}); err != nil {
		t.Fatal(err)
	}

	role := mustCreateRole(t, s, "Engineering manager", false)
	req := mustCreateRequirement(t, s, role.ID, "Hiring")
	req.AdvisorIDs = []int64{dana, n.People[1].ID}
	setClock(s, testNow.Add(2*time.Hour))
	req.CurrentLevel = 3
	if err := s.UpdateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}
	a := model.Action{RequirementID: req.ID, Kind: n.Actions[0].Kind, Title: "Run two interview loops",
		Status: model.ActionDone, DoneOn: date(11, 10), Evidence: true}
	if err := s.CreateAction(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPanelMember(ctx, model.PanelMember{RoleID: role.ID, PersonID: dana, Part: model.PanelDecides}); err != nil {
		t.Fatal(err)
	}
	o := model.Opportunity{Title: "Staff promotion", Kind: model.OpportunityPromotion, Date: date(10, 20),
		Outcome: model.OutcomeWon, BackerIDs: []int64{dana, n.People[2].ID}}
	if err := s.CreateOpportunity(ctx, &o); err != nil {
		t.Fatal(err)
	}
	d := model.Disclosure{PersonID: dana, Topic: "Thinking of leaving", Sensitivity: model.Sensitivity("high"), SharedOn: date(9, 1)}
	if err := s.CreateDisclosure(ctx, &d); err != nil {
		t.Fatal(err)
	}
	setClock(s, testNow)
	return s
}

// exportOf exports s.
func exportOf(t testing.TB, s *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(context.Background(), &buf); err != nil {
		t.Fatalf("Export: %v", err)
	}
	return buf.Bytes()
}

var exportedAtLine = regexp.MustCompile(`(?m)^  "exported_at": "[^"]*",$`)

// withoutExportedAt is an export document with its exported_at blanked.
func withoutExportedAt(doc []byte) string {
	return exportedAtLine.ReplaceAllString(string(doc), `  "exported_at": "",`)
}

// tableRows reads every row of every table of s, through SQL alone: each
// table's rows (with the rowid, where the table has one) as the driver
// reads them, so that a value of another storage class differs too,
// sorted.
func tableRows(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	ctx := t.Context()
	// The search index (virtual tables and their shadows) is left out:
	// how FTS4 lays out its segments depends on the order of writes.
	names, err := queryStrings(ctx, s.db, `SELECT name FROM pragma_table_list
		WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, name := range names {
		var ddl string
		if err := s.db.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = ?`, name).Scan(&ddl); err != nil {
			t.Fatal(err)
		}
		q := `SELECT rowid, * FROM "` + name + `" ORDER BY rowid`
		if strings.Contains(strings.ToUpper(ddl), "WITHOUT ROWID") {
			q = `SELECT * FROM "` + name + `"`
		}
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		var list []string
		for rows.Next() {
			values := make([]any, len(cols))
			dest := make([]any, len(cols))
			for i := range values {
				dest[i] = &values[i]
			}
			if err := rows.Scan(dest...); err != nil {
				t.Fatal(err)
			}
			list = append(list, fmt.Sprintf("%#v", values))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		sort.Strings(list)
		out[name] = list
	}
	return out
}

// restoreInto restores doc into a new store and returns it.
func restoreInto(t *testing.T, doc []byte) (*Store, ExportSummary) {
	t.Helper()
	s := mustOpen(t)
	sum, err := s.RestoreExport(t.Context(), bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("RestoreExport: %v", err)
	}
	return s, sum
}

func TestExportRestoreRoundTrip(t *testing.T) {
	a := richStore(t)
	docA := exportOf(t, a)
	if again := exportOf(t, a); !bytes.Equal(docA, again) {
		t.Fatal("two exports of the same data differ")
	}

	// Every table of the schema is in the document, and the test data has
	// rows in every one, so a table skipped by export or restore shows.
	var doc struct {
		Format     string
		Version    int
		Schema     int
		ExportedAt string `json:"exported_at"`
		Tables     map[string][]map[string]any
	}
	if err := json.Unmarshal(docA, &doc); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	schema, _ := a.SchemaVersion(t.Context())
	if doc.Format != ExportFormat || doc.Version != ExportVersion || doc.Schema != schema ||
		doc.ExportedAt != testNow.Format(time.RFC3339) {
		t.Errorf("header = %q %d %d %q", doc.Format, doc.Version, doc.Schema, doc.ExportedAt)
	}
	before := tableRows(t, a)
	for name, rows := range before {
		got, ok := doc.Tables[name]
		if !ok {
			t.Errorf("table %s is not in the export", name)
			continue
		}
		if len(got) != len(rows) || len(rows) == 0 {
			t.Errorf("table %s: %d rows exported of %d (the test wants rows in every table)", name, len(got), len(rows))
		}
	}
	if len(doc.Tables) != len(before) {
		t.Errorf("the export has %d tables, the database %d", len(doc.Tables), len(before))
	}

	b, sum := restoreInto(t, docA)
	docB := exportOf(t, b)
	if withoutExportedAt(docA) != withoutExportedAt(docB) {
		t.Errorf("export after restore differs:\n%s", firstDiff(withoutExportedAt(docA), withoutExportedAt(docB)))
	}
	if after := tableRows(t, b); !reflect.DeepEqual(before, after) {
		for name := range before {
			if !reflect.DeepEqual(before[name], after[name]) {
				t.Errorf("table %s differs after the restore:\n%s", name, firstDiff(strings.Join(before[name], "\n"), strings.Join(after[name], "\n")))
			}
		}
	}
	if sum.Format != ExportFormat || sum.Schema != schema || !sum.ExportedAt.Equal(testNow) || len(sum.Tables) != len(before) {
		t.Errorf("summary = %+v", sum)
	}
	total := 0
	for _, rows := range before {
		total += len(rows)
	}
	if sum.Rows() != total {
		t.Errorf("summary counts %d rows, want %d", sum.Rows(), total)
	}
	// The restored store works as the first: the same people list.
	pa, _ := a.People(t.Context(), false)
	pb, err := b.People(t.Context(), false)
	if err != nil || !reflect.DeepEqual(pa, pb) {
		t.Errorf("People after the restore differ (%v)", err)
	}
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return "(no difference)"
}

// TestExportKeepsStorageClasses puts values in the database that the app
// itself does not write (text that is not UTF-8, extreme reals) and
// checks that the export keeps each exactly: the reals come back as they
// were, in their own storage class; text that is not UTF-8 is exported as
// text_base64, so no byte is lost, and a restore refuses it, naming the
// column, as it refuses any text the forms would not save.
func TestExportKeepsStorageClasses(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	at := testNow.Format(timeLayout)
	for i, credit := range []float64{3, 0.1, 1e-7, -1.5e300, 123456789.125, -0.0, 1e21} {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO person (id, name, notes, credit_folded, credits_version, created_at, updated_at)
			VALUES (?, 'P', '', ?, ?, ?, ?)`, i+1, credit, creditsVersion, at, at); err != nil {
			t.Fatal(err)
		}
	}
	doc := exportOf(t, s)
	for _, want := range []string{`"credit_folded": 3.0,`, `"credit_folded": 1e-7,`, `"credit_folded": 0.1,`, `"credit_folded": 1e+21,`,
		`"credit_folded": -1.5e+300,`, `"credit_folded": 123456789.125,`} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("export lacks %s:\n%s", want, doc)
		}
	}
	b, _ := restoreInto(t, doc)
	if got, want := tableRows(t, b), tableRows(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after the restore:\n%v\nwant\n%v", got["person"], want["person"])
	}
	if docB := exportOf(t, b); !bytes.Equal(doc, docB) {
		t.Errorf("export after restore differs:\n%s", firstDiff(string(doc), string(docB)))
	}

	if _, err := s.db.ExecContext(ctx, `UPDATE person SET notes = ? WHERE id = 2`, "bad \xff\xfe utf-8"); err != nil {
		t.Fatal(err)
	}
	doc = exportOf(t, s)
	if want := `"notes": {"text_base64": "YmFkIP/+IHV0Zi04"}`; !strings.Contains(string(doc), want) {
		t.Errorf("export lacks %s", want)
	}
	_, err := mustOpen(t).RestoreExport(ctx, bytes.NewReader(doc))
	if want := "table person, row 2 (id 2): column notes is not valid text (UTF-8)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("restore of text that is not UTF-8 = %v, want %q", err, want)
	}
}

// smallExport is the export of a database with two people, a tie, a
// promise and a setting.
func smallExport(t testing.TB) string {
	t.Helper()
	s := mustOpen(t)
	ctx := context.Background()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	tie := model.Tie{FromID: ana.ID, ToID: ben.ID, Kind: model.TieKind("reports_to")}
	if err := s.CreateTie(ctx, &tie); err != nil {
		t.Fatal(err)
	}
	mustPromise(t, s, model.DirectionMine, ben.ID, "Lunch", model.PromiseOpen, time.Time{})
	if err := s.MarkReviewed(ctx, testNow); err != nil {
		t.Fatal(err)
	}
	return string(exportOf(t, s))
}

func TestRestoreExportRefuses(t *testing.T) {
	good := smallExport(t)
	replace := func(old, new string) string {
		t.Helper()
		if !strings.Contains(good, old) {
			t.Fatalf("the small export lacks %q:\n%s", old, good)
		}
		return strings.Replace(good, old, new, 1)
	}
	schema := fmt.Sprintf(`"schema": %d,`, len(mustMigrations(t)))
	tests := []struct {
		name string
		doc  string
		is   error    // the error wraps this, if set
		want []string // and says these
	}{
		{"empty", "", ErrNotExport, []string{"empty"}},
		{"not JSON", "BEGIN:VCARD\r\n", ErrNotExport, nil},
		{"other format", replace(`"format": "rapport-export"`, `"format": "something-else"`), ErrNotExport, []string{`"something-else"`}},
		{"no format", replace(`"format": "rapport-export",`, ``), ErrNotExport, []string{`no "format"`}},
		{"newer version", replace(`"version": 1,`, `"version": 2,`), ErrExportTooNew, []string{"newer Rapport", "version 2"}},
		{"newer schema", replace(schema, `"schema": 99,`), ErrExportTooNew, []string{"newer Rapport", "schema 99"}},
		{"schema zero", replace(schema, `"schema": 0,`), nil, []string{`"schema" 0`}},
		{"version not a number", replace(`"version": 1,`, `"version": "1",`), nil, []string{`"version" is a string`}},
		{"unknown table", replace(`"tables": {`, `"tables": {"gossip": [],`), nil, []string{`unknown table "gossip"`}},
		{"table twice", replace(`"tables": {`, `"tables": {"tie": [],`), nil, []string{"table tie appears twice"}},
		{"unknown column", replace(`"name": "Ana",`, `"name": "Ana", "shoe_size": 42,`), nil,
			[]string{"table person, row 1 (id 1)", `unknown column "shoe_size"`}},
		{"missing column", replace(`"name": "Ana",`, ``), nil, []string{"table person, row 1 (id 1)", "column name is missing"}},
		{"string for a number", replace(`"influence": 3,`, `"influence": "3",`), nil,
			[]string{"table person, row 1 (id 1)", "column influence", "want a number, got a string"}},
		{"fraction for an integer", replace(`"influence": 3,`, `"influence": 3.5,`), nil,
			[]string{"column influence", "want a whole number, got 3.5"}},
		{"number for text", replace(`"name": "Ana",`, `"name": 7,`), nil, []string{"column name", "want a string, got the number 7"}},
		{"boolean", replace(`"name": "Ana",`, `"name": true,`), nil, []string{"column name", "got a boolean"}},
		{"list", replace(`"name": "Ana",`, `"name": ["Ana"],`), nil, []string{"column name", "got a list"}},
		{"huge integer", replace(`"influence": 3,`, `"influence": 99999999999999999999,`), nil, []string{"not a 64-bit integer"}},
		{"out of range", replace(`"influence": 3,`, `"influence": 9,`), nil, []string{"table person, row 1 (id 1)", "column influence must be between 1 and 5"}},
		{"null name", replace(`"name": "Ana",`, `"name": null,`), nil, []string{"table person, row 1 (id 1)", "column name is required"}},
		{"null in a NOT NULL column", replace(`"title": "",`, `"title": null,`), nil, []string{"table person, row 1 (id 1)", "NOT NULL"}},
		{"duplicate id", replace(`{"id": 2, "name": "Ben"`, `{"id": 1, "name": "Ben"`), nil, []string{"table person, row 2 (id 1)", "UNIQUE"}},
		{"broken foreign key", replace(`"to_id": 2,`, `"to_id": 9,`), nil,
			[]string{"foreign key", "table tie, the row with id 1, column to_id: there is no person with id 9"}},
		{"broken foreign key without rowid", replace(`"panel_member": []`, `"panel_member": [{"role_id": 5, "person_id": 1, "part": "decides", "target_stance": ""}]`), nil,
			[]string{"foreign key", "table panel_member, column role_id: there is no role with id 5"}},
		{"cut short", good[:len(good)/2], nil, []string{"unexpected EOF"}},
		{"trailing garbage", good + "{}", nil, []string{"more after the end"}},
		{"tables not an object", replace(`"tables": {`, `"tables": [], "x": {`), nil, []string{`"tables"`, `found a list where "{" should be`}},
		{"syntax error in a row", replace(`"name": "Ana",`, `"name": "Ana",,`), nil, []string{"table person, row 1: invalid character", "at byte"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			_, err := s.RestoreExport(t.Context(), strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("RestoreExport succeeded")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q does not wrap %q", err, tt.is)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			if err := s.CheckEmpty(t.Context()); err != nil {
				t.Errorf("after the refusal: %v", err)
			}
		})
	}
}

func mustMigrations(tb testing.TB) []migration {
	tb.Helper()
	m, err := loadMigrations()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func TestRestoreExportIntoAFullDatabase(t *testing.T) {
	doc := smallExport(t)
	s := mustOpen(t)
	mustCreatePerson(t, s, "Already here")
	before := exportOf(t, s)
	_, err := s.RestoreExport(t.Context(), strings.NewReader(doc))
	if !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "person: 1") {
		t.Errorf("RestoreExport into a database with a person = %v, want ErrNotEmpty naming person", err)
	}
	if after := exportOf(t, s); !bytes.Equal(before, after) {
		t.Errorf("the refused restore changed the database:\n%s", firstDiff(string(before), string(after)))
	}
	if err := s.CheckEmpty(t.Context()); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("CheckEmpty = %v, want ErrNotEmpty", err)
	}
}

// TestRestoreExportLenient: what the document may leave out or add.
func TestRestoreExportLenient(t *testing.T) {
	good := smallExport(t)
	tests := []struct {
		name string
		doc  string
		rows int
	}{
		{"as exported", good, 7}, // Ana, Ben, their stance entries, the tie, the promise, the review
		{"tables left out", regexp.MustCompile(`(?s)"tables": \{.*\n  \}`).ReplaceAllString(good, `"tables": {"person": [{"id": 1, "name": "Ana", "title": "", "team": "", "organisation": "", "email": "", "phone": "", "relation": "other", "influence": 3, "stance": "unknown", "cadence_days": 30, "working_on": "", "needs": "", "notes": "", "first_met": null, "last_at": null, "archived_at": null, "created_at": "2026-11-23T09:30:00.000Z", "updated_at": "2026-11-23T09:30:00.000Z", "credit_folded": 0, "credit_next": null, "credits_version": 1, "thanked_at": null, "cadence_set": 0}]}`), 1},
		{"unknown header member skipped", strings.Replace(good, `"tables": {`, `"app": {"name": ["Rapport"]}, "tables": {`, 1), 7},
		{"exported_at after the tables", strings.Replace(strings.Replace(good, `"exported_at": "2026-11-23T09:30:00Z",`, ``, 1),
			"\n  }\n}", "\n  },\n  \"exported_at\": \"2026-11-23T09:30:00Z\"\n}", 1), 7},
		{"no tables at all", fmt.Sprintf(`{"format": "rapport-export", "version": 1, "schema": %d}`, len(mustMigrations(t))), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			sum, err := s.RestoreExport(t.Context(), strings.NewReader(tt.doc))
			if err != nil {
				t.Fatalf("RestoreExport: %v", err)
			}
			if sum.Rows() != tt.rows {
				t.Errorf("restored %d rows, want %d", sum.Rows(), tt.rows)
			}
		})
	}
}

func TestReadExportHeader(t *testing.T) {
	good := smallExport(t)
	h, err := ReadExportHeader(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if want := (ExportHeader{Format: ExportFormat, Version: 1, Schema: len(mustMigrations(t)), ExportedAt: testNow}); h != want {
		t.Errorf("ReadExportHeader = %+v, want %+v", h, want)
	}
	// It stops at the tables: what follows is not read.
	if _, err := ReadExportHeader(strings.NewReader(good[:strings.Index(good, `"tables"`)+12] + "garbage")); err != nil {
		t.Errorf("ReadExportHeader read past the tables: %v", err)
	}
	for _, doc := range []string{"", "[]", `{"format": "vcard"}`, `{"name": "x"}`, "BEGIN:VCARD"} {
		if _, err := ReadExportHeader(strings.NewReader(doc)); !errors.Is(err, ErrNotExport) {
			t.Errorf("ReadExportHeader(%q) = %v, want ErrNotExport", doc, err)
		}
	}
}

// TestRestoreOlderSchemaExport restores an export made at every earlier
// schema: the result is the database that opening the old one (which
// migrates it) gives.
func TestRestoreOlderSchemaExport(t *testing.T) {
	migrations := mustMigrations(t)
	ctx := t.Context()
	for version := 1; version < len(migrations); version++ {
		t.Run(fmt.Sprintf("schema %d", version), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			makeDatabaseAt(t, path, version)
			db, err := sql.Open("sqlite3", dsn(path, "_foreign_keys=on&_txlock=immediate"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			old := &Store{writing: new(sync.Mutex), db: db, Now: func() time.Time { return testNow }}
			at := testNow.Add(-24 * time.Hour).Format(timeLayout)
			for _, q := range []string{
				// A public thank-you (thanked_at is filled in by 0002) and a
				// requirement (its level history by 0004).
				`INSERT INTO interaction (id, kind, at, summary, created_at, updated_at) VALUES (2, 'thanks_public', '` + at + `', 'Shout-out', '` + at + `', '` + at + `')`,
				`INSERT INTO interaction_person (interaction_id, person_id, at) VALUES (2, 1, '` + at + `')`,
				`INSERT INTO role (id, title, horizon, created_at, updated_at) VALUES (1, 'EM', 'next', '` + at + `', '` + at + `')`,
				`INSERT INTO requirement (id, role_id, kind, title, target_level, current_level, created_at, updated_at)
					VALUES (1, 1, 'skill', 'Hiring', 4, 2, '` + at + `', '` + at + `')`,
			} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			doc := exportOf(t, old)
			if !strings.Contains(string(doc), fmt.Sprintf(`"schema": %d,`, version)) {
				t.Fatalf("the old export is not of schema %d", version)
			}
			restored, sum := restoreInto(t, doc)
			if sum.Schema != version {
				t.Errorf("summary schema = %d, want %d", sum.Schema, version)
			}
			if v, _ := restored.SchemaVersion(ctx); v != len(migrations) {
				t.Errorf("restored schema version = %d, want %d", v, len(migrations))
			}
			// The old database migrated as Open does, and both with their
			// credits folded, as the next Open does.
			if err := old.migrate(ctx, migrations); err != nil {
				t.Fatal(err)
			}
			for _, s := range []*Store{old, restored} {
				if err := s.refoldStale(ctx); err != nil {
					t.Fatal(err)
				}
			}
			want, got := withoutExportedAt(exportOf(t, old)), withoutExportedAt(exportOf(t, restored))
			if got != want {
				t.Errorf("restored export of schema %d differs from the migrated database:\n%s", version, firstDiff(want, got))
			}
			// The fill-ins of the migrations applied after the restore.
			if version < 2 && !strings.Contains(got, `"thanked_at": "`+at+`"`) {
				t.Errorf("0002 did not fill in thanked_at:\n%s", got)
			}
			if version < 4 && !strings.Contains(got, `"requirement_level": [`+"\n") {
				t.Errorf("0004 did not fill in the level history:\n%s", got)
			}
		})
	}
}

func TestCheckExport(t *testing.T) {
	good := smallExport(t)
	sum, err := CheckExport(t.Context(), strings.NewReader(good), t.TempDir())
	if err != nil || sum.Rows() != 7 {
		t.Errorf("CheckExport = %+v, %v; want 7 rows", sum, err)
	}
	bad := strings.Replace(good, `"to_id": 2,`, `"to_id": 9,`, 1)
	if _, err := CheckExport(t.Context(), strings.NewReader(bad), ""); err == nil || !strings.Contains(err.Error(), "no person with id 9") {
		t.Errorf("CheckExport of a broken foreign key = %v", err)
	}
}

// FuzzRestoreExport restores arbitrary documents: never a panic, and after
// an error the database is still empty (one transaction, all or nothing).
// A document that restores exports again and restores as the same. The
// two stores are made once and emptied after each success, since making
// one takes longer than most restores.
func FuzzRestoreExport(f *testing.F) {
	f.Add([]byte(smallExport(f)))
	f.Add([]byte(`{"format": "rapport-export", "version": 1, "schema": 1, "tables": {"person": [{"id": 1}]}}`))
	s, again := mustOpen(f), mustOpen(f)
	f.Fuzz(func(t *testing.T, doc []byte) {
		_, err := s.RestoreExport(t.Context(), bytes.NewReader(doc))
		if err != nil {
			if err := s.CheckEmpty(t.Context()); err != nil {
				t.Fatalf("a refused restore left data: %v", err)
			}
			return
		}
		defer emptyStore(t, s)
		a := exportOf(t, s)
		if _, err := again.RestoreExport(t.Context(), bytes.NewReader(a)); err != nil {
			t.Fatalf("the export of a restored document does not restore: %v", err)
		}
		defer emptyStore(t, again)
		if b := exportOf(t, again); withoutExportedAt(a) != withoutExportedAt(b) {
			t.Fatalf("a restored document does not restore the same:\n%s", firstDiff(string(a), string(b)))
		}
	})
}

// emptyStore deletes every row of every table of s.
func emptyStore(t *testing.T, s *Store) {
	t.Helper()
	ctx := t.Context()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		tables, err := schemaTables(ctx, tx)
		if err != nil {
			return err
		}
		for _, table := range tables {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+quoteIdent(table.name)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("empty the store: %v", err)
	}
}

// countingWriter counts what is written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkExport exports the benchmark database (5,000 people, 100,000
// interactions; a tenth with -short).
func BenchmarkExport(b *testing.B) {
	s, _ := benchStore(b)
	ctx := context.Background()
	var w countingWriter
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.n = 0
		if err := s.Export(ctx, &w); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(w.n)/(1<<20), "MB/doc")
}

// BenchmarkRestoreExport restores the export of the benchmark database
// into a new database, the opening of which is not timed.
func BenchmarkRestoreExport(b *testing.B) {
	s, opts := benchStore(b)
	var buf bytes.Buffer
	if err := s.Export(context.Background(), &buf); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir, err := os.MkdirTemp("", "rapport-restore-bench-")
		if err != nil {
			b.Fatal(err)
		}
		dst, err := Open(filepath.Join(dir, "restored.db"))
		if err != nil {
			b.Fatal(err)
		}
		dst.Now = func() time.Time { return testNow }
		b.StartTimer()
		sum, err := dst.RestoreExport(context.Background(), bytes.NewReader(doc))
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if i := slices.IndexFunc(sum.Tables, func(r TableRows) bool { return r.Table == "person" }); i < 0 || sum.Tables[i].Rows != opts.People {
			b.Fatalf("restored %+v", sum.Tables)
		}
		dst.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(len(doc))/(1<<20), "MB/doc")
}

var _ io.Writer = (*countingWriter)(nil)
