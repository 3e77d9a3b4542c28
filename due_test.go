package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"rapport/storage"
)

// TestRunDueOnTheSample runs rapport due on the sample network while
// another store (the window) holds the database: the text and the JSON
// agree, and the exit status says something is pressing.
func TestRunDueOnTheSample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("rapport demo = %d: %s", code, errOut.String())
	}
	window, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	now := func() time.Time { return time.Now() }

	out.Reset()
	errOut.Reset()
	code := dueWith([]string{"--json", "--db", db}, &out, &errOut, now)
	var got jsonDue
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("rapport due --json (exit %d, %s): %v\n%s", code, errOut.String(), err, out.String())
	}
	if got.Pressing != len(got.Overdue)+len(got.DueToday) || got.Pressing == 0 {
		t.Errorf("pressing %d, overdue %d, due today %d: the sample has overdue promises",
			got.Pressing, len(got.Overdue), len(got.DueToday))
	}
	if code != 3 {
		t.Errorf("exit status %d with %d pressing, want 3", code, got.Pressing)
	}
	for _, p := range got.Overdue {
		if p.Person == "" || p.What == "" || (p.Direction != "mine" && p.Direction != "theirs") || p.DueOn >= time.Now().Format(time.DateOnly) {
			t.Errorf("overdue promise %+v", p)
		}
	}

	out.Reset()
	errOut.Reset()
	if code := dueWith([]string{"--db", db}, &out, &errOut, now); code != 3 {
		t.Errorf("rapport due = %d (%s)", code, errOut.String())
	}
	text := out.String()
	if want := "Overdue (" + strconv.Itoa(len(got.Overdue)) + ")\n"; !strings.HasPrefix(text, want) {
		t.Errorf("text starts %q, want %q", text[:min(len(text), 60)], want)
	}
	if lines := strings.Count(text, "\n  "); lines != len(got.Overdue)+len(got.DueToday)+len(got.DueThisWeek)+
		len(got.Meetings)+len(got.Actions) {
		t.Errorf("%d items printed, JSON has %+v", lines, got)
	}
	if err := window.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRunDueNothingAndMistakes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"--db", db}, 0, "", "Nothing is due."},
		{[]string{"--db", db, "--json"}, 0, `"overdue": []`, "Nothing is due."},
		{[]string{"--db", filepath.Join(t.TempDir(), "none.db")}, 1, "", "no database"},
		{[]string{"--db", db, "extra"}, 2, "", "usage: rapport due"},
		{[]string{"--nope"}, 2, "", "flag provided but not defined"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := dueWith(tt.args, &out, &errOut, time.Now)
		if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errOut.String(), tt.err) {
			t.Errorf("rapport due %q = %d, %q, %q; want %d, %q, %q", tt.args, code, out.String(), errOut.String(),
				tt.code, tt.out, tt.err)
		}
	}
}
