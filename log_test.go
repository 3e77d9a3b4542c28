package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rapport/storage"
)

// logNow is Monday 7 December 2026, 10:00 local: the clock of the log
// command tests.
var logNow = time.Date(2026, 12, 7, 10, 0, 0, 0, time.Local)

// logCounts is how many interactions and promises the database at path
// holds.
func logCounts(t *testing.T, path string) (interactions, promises int) {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ps, err := st.Promises(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	people, err := st.People(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, p := range people {
		ins, err := st.InteractionsWith(context.Background(), p.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range ins {
			seen[in.ID] = true
		}
	}
	return len(seen), len(ps)
}

func TestRunLog(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	db := filepath.Join(t.TempDir(), "rapport.db")
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("rapport demo: exit %d: %s", code, errOut.String())
	}
	interactions, promises := logCounts(t, db)
	first := "coffee with Helena yesterday: the reorg; I owe her the migration plan by Fri"
	second := "lunch with Daniel last Friday; Daniel owes me feedback on my proposal by 15 Dec"
	tests := []struct {
		name       string
		args       []string
		code       int
		out, err   string // pieces of stdout and stderr
		saved      int    // interactions added by this step
		promisesUp int
	}{
		{"preview only", []string{"--db", db, first}, 0,
			`Coffee with Helena Sørensen, yesterday: "the reorg" · Promise: you owe Helena "the migration plan", due Fri 11 Dec` +
				"\nNot saved: run again with --yes", "", 0, 0},
		{"saved", []string{"--db", db, "--yes", first}, 0, "Saved: interaction", "", 1, 1},
		{"flags after an unquoted line", append(strings.Fields(second), "--db", db, "--yes"), 0,
			`Lunch with Daniel Okafor, Fri 4 Dec · Promise: Daniel owes you "feedback on my proposal", due Tue 15 Dec`, "", 1, 1},
		{"unknown name", []string{"--db", db, "--yes", "coffee with Helna; I owe her a call"}, 1, "",
			`"Helna": is no one in your network (Helena Sørensen`, 0, 0},
		{"ambiguous name", []string{"--db", db, "--yes", "coffee with Ma"}, 1, "", `"Ma": could be`, 0, 0},
		{"unreadable due date", []string{"--db", db, "--yes", "coffee with Helena; I owe her a call by Fridy"}, 1, "",
			`"by Fridy": "Fridy" is not a due date`, 0, 0},
		{"no line", []string{"--db", db, "--yes"}, 2, "", "usage: rapport log", 0, 0},
		{"no database", []string{"--db", filepath.Join(t.TempDir(), "none.db"), first}, 1, "", "no database", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := logLine(tt.args, &out, &errOut, func() time.Time { return logNow })
			if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errOut.String(), tt.err) {
				t.Errorf("rapport log %q = exit %d, stdout %q, stderr %q; want exit %d with %q and %q",
					tt.args, code, out.String(), errOut.String(), tt.code, tt.out, tt.err)
			}
			if tt.code != 0 && !strings.Contains(errOut.String(), "Nothing was saved") && tt.code != 2 && tt.name != "no database" {
				t.Errorf("stderr %q does not say nothing was saved", errOut.String())
			}
			gotI, gotP := logCounts(t, db)
			if gotI != interactions+tt.saved || gotP != promises+tt.promisesUp {
				t.Errorf("after it: %d interactions, %d promises; want %d, %d",
					gotI, gotP, interactions+tt.saved, promises+tt.promisesUp)
			}
			interactions, promises = gotI, gotP
		})
	}
}
