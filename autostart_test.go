package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rapport/storage/autostart"
)

// TestRunAutostart turns starting at login on, reads its status and turns
// it off, in a temporary home.
func TestRunAutostart(t *testing.T) {
	t.Setenv("RAPPORT_DB", "")
	home := t.TempDir()
	place := autostart.Place{GOOS: "linux", Home: home, Getenv: func(string) string { return "" }}
	exe := func() (string, error) { return "/opt/rapport/rapport", nil }
	entry := filepath.Join(home, ".config", "autostart", autostart.DesktopFile)
	steps := []struct {
		args     []string
		code     int
		out      string
		entryHas string // "" when the entry must be absent
	}{
		{[]string{"status"}, 0, "off\n", ""},
		{[]string{"on", "--db", "/data/r.db"}, 0, "Rapport will start in the tray when you log in", `Exec="/opt/rapport/rapport" "--tray" "--db" "/data/r.db"`},
		{[]string{"status"}, 0, "on: " + entry, `"--tray"`},
		{[]string{"off"}, 0, "Rapport will not start when you log in.\n", ""},
		{[]string{"off"}, 0, "Rapport will not start when you log in.\n", ""},
		{[]string{"maybe"}, 2, "", ""},
		{nil, 2, "", ""},
	}
	for _, st := range steps {
		var out, errOut bytes.Buffer
		code := autostartWith(st.args, place, exe, &out, &errOut)
		if code != st.code || !strings.Contains(out.String(), st.out) {
			t.Errorf("rapport autostart %q = %d, %q (stderr %q); want %d, %q", st.args, code, out.String(), errOut.String(), st.code, st.out)
		}
		b, err := os.ReadFile(entry)
		if st.entryHas == "" && err == nil {
			t.Errorf("after %q the entry is there", st.args)
		}
		if st.entryHas != "" && !strings.Contains(string(b), st.entryHas) {
			t.Errorf("after %q the entry is %q, want %q in it (%v)", st.args, b, st.entryHas, err)
		}
	}
}
