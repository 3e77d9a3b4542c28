package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunPath(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	db := filepath.Join(t.TempDir(), "rapport.db")
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("rapport demo: exit %d: %s", code, errOut.String())
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // every line of stdout must contain it
		stderr   string
		minLines int
	}{
		{"Helena", []string{"path", "--db", db, "Helena"}, 0, " → Helena Sørensen", "", 1},
		{"name after the flag, in two words", []string{"path", "Helena", "Sørensen", "--db", db}, 0, " → Helena Sørensen", "", 1},
		{"no one", []string{"path", "--db", db, "Zebulon"}, 1, "", `"Zebulon": is no one in your network`, 0},
		{"no name", []string{"path", "--db", db}, 2, "", "usage: rapport path", 0},
	}
	for _, tt := range tests {
		out.Reset()
		errOut.Reset()
		if code := run(tt.args, &out, &errOut); code != tt.code {
			t.Errorf("%s: exit %d, want %d (%s)", tt.name, code, tt.code, errOut.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if out.Len() == 0 {
			lines = nil
		}
		if len(lines) < tt.minLines || len(lines) > 3 {
			t.Errorf("%s: %d lines, want %d to 3: %q", tt.name, len(lines), tt.minLines, out.String())
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "You → ") || !strings.HasSuffix(l, tt.stdout) {
				t.Errorf("%s: line %q, want You → … %s", tt.name, l, tt.stdout)
			}
		}
		if !strings.Contains(errOut.String(), tt.stderr) {
			t.Errorf("%s: stderr %q, want it to say %q", tt.name, errOut.String(), tt.stderr)
		}
	}
}
