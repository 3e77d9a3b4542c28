package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultDBPath(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", nil, "/home/dana/.local/share/rapport/rapport.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data/xdg"}, "/data/xdg/rapport/rapport.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative/path"}, "/home/dana/.local/share/rapport/rapport.db"},
		{"freebsd", nil, "/home/dana/.local/share/rapport/rapport.db"},
		{"windows", map[string]string{"APPDATA": `C:\Users\dana\AppData\Roaming`}, filepath.Join(`C:\Users\dana\AppData\Roaming`, "Rapport", "rapport.db")},
		{"darwin", nil, "/home/dana/Library/Application Support/Rapport/rapport.db"},
	}
	for _, tt := range tests {
		if got := defaultDBPath(tt.goos, env(tt.env), "/home/dana"); got != tt.want {
			t.Errorf("defaultDBPath(%s, %v) = %q, want %q", tt.goos, tt.env, got, tt.want)
		}
	}
}

func TestDBPathPrecedence(t *testing.T) {
	t.Setenv("RAPPORT_DB", "/env/rapport.db")
	if got := dbPath("/flag/rapport.db"); got != "/flag/rapport.db" {
		t.Errorf("flag ignored: %q", got)
	}
	if got := dbPath(""); got != "/env/rapport.db" {
		t.Errorf("RAPPORT_DB ignored: %q", got)
	}
}

func TestMetadataComesFromFyneAppTOML(t *testing.T) {
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Name != "Rapport" || meta.ID == "" || meta.Version == "" || meta.Build < 1 || meta.Icon == nil {
		t.Errorf("metadata = %+v", meta)
	}
	if _, err := readMetadata([]byte("[Details]\nName = \"Rapport\"\n")); err == nil {
		t.Error("metadata without ID and Version accepted")
	}
}

// These run the program's own entry point: none of them may start the
// graphical driver, so they pass without a display.
func TestCommandsRunWithoutADisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	meta, _ := readMetadata(fyneAppTOML)
	db := filepath.Join(t.TempDir(), "demo.db")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"version", []string{"--version"}, 0, "Rapport " + meta.Version, ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"bad flag", []string{"--colour"}, 2, "", "flag provided but not defined"},
		{"demo without db", []string{"demo"}, 2, "", "usage: rapport demo --db PATH"},
		{"demo", []string{"demo", "--db", db}, 0, "people", ""},
		{"demo twice refuses", []string{"demo", "--db", db}, 1, "", "not empty"},
		{"help", []string{"help"}, 0, "rapport demo --db PATH", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, errOut.String())
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out.String(), tt.wantOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut.String(), tt.wantErr)
			}
		})
	}
}
