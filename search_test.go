package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rapport/model"
	"rapport/storage"
)

// searchDB makes a database at a new path holding Zoë, an interaction
// with her about the reorg, and a frame log entry; it returns the path.
func searchDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rapport.db")
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	zoe := model.NewPerson("Zoë Ångström")
	zoe.Team = "Payments"
	if err := st.CreatePerson(ctx, &zoe); err != nil {
		t.Fatal(err)
	}
	in := model.Interaction{Kind: model.KindCoffee, At: time.Date(2026, 12, 4, 9, 0, 0, 0, time.Local),
		Summary: "Coffee about the reorg", Notes: "She thinks the\treorg slips", PersonIDs: []int64{zoe.ID}}
	if err := st.CreateInteraction(ctx, &in); err != nil {
		t.Fatal(err)
	}
	d := model.Disclosure{PersonID: zoe.ID, Topic: "The reorg worries me", Sensitivity: model.SensitivityLow,
		SharedOn: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	if err := st.CreateDisclosure(ctx, &d); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRunSearch(t *testing.T) {
	db := searchDB(t)
	now := func() time.Time { return logNow }
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"a word", []string{"--db", db, "reorg"}, 0,
			"interaction\t2026-12-04\tZoë Ångström\tCoffee about the «reorg» — She thinks the «reorg» slips\n", ""},
		{"flags after the words, accents", []string{"zoe", "is:person", "--db", db}, 0,
			"person\t2026-12-04\tZoë Ångström\t«Zoë» Ångström — Payments\n", ""},
		{"the frame log when asked", []string{"--db", db, "reorg is:frame"}, 0,
			"frame\t2026-12-01\tZoë Ångström\tThe «reorg» worries me\n", ""},
		{"filters alone", []string{"--db", db, "team:payments", "is:person"}, 0,
			"person\t2026-12-04\tZoë Ångström\tZoë Ångström — Payments\n", ""},
		{"nothing found", []string{"--db", db, "nothing"}, 0, "", "No results\n"},
		{"limit", []string{"--db", db, "--limit", "1", "zoe"}, 0,
			"person\t2026-12-04\tZoë Ångström\t«Zoë» Ångström — Payments\n", "1 of 2 results shown"},
		{"no query", []string{"--db", db}, 2, "", "usage: rapport search"},
		{"no database", []string{"--db", filepath.Join(t.TempDir(), "none.db"), "x"}, 1, "", "no database"},
		{"bad flag", []string{"--db", db, "--nope", "x"}, 2, "", "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := searchWith(tt.args, &out, &errOut, now)
			if code != tt.code || out.String() != tt.out || !strings.Contains(errOut.String(), tt.err) {
				t.Errorf("rapport search %q = %d\nstdout %q\nstderr %q\nwant %d, stdout %q, stderr with %q",
					tt.args, code, out.String(), errOut.String(), tt.code, tt.out, tt.err)
			}
		})
	}
}

func TestRunSearchJSON(t *testing.T) {
	db := searchDB(t)
	var out, errOut bytes.Buffer
	if code := run([]string{"search", "--db", db, "--json", "reorg"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var got []map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if len(got) != 1 || got[0]["kind"] != "interaction" || got[0]["person"] != "Zoë Ångström" ||
		got[0]["title"] != "Coffee about the reorg" || got[0]["snippet"] != "She thinks the\treorg slips" {
		t.Fatalf("JSON = %s", out.String())
	}
	spans, _ := got[0]["spans"].([]any)
	if len(spans) < 2 || spans[1].(map[string]any)["text"] != "reorg" || spans[1].(map[string]any)["match"] != true {
		t.Errorf("spans = %v, want reorg marked", spans)
	}
	if title, _ := got[0]["title_spans"].([]any); len(title) != 2 || title[1].(map[string]any)["text"] != "reorg" {
		t.Errorf("title_spans = %v, want reorg marked", title)
	}
	out.Reset()
	if code := run([]string{"search", "--db", db, "--json", "nothing"}, &out, &errOut); code != 0 || strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("nothing found: exit %d, %q; want 0, []", code, out.String())
	}
}
