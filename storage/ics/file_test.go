package ics

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// TestWriteFile checks that WriteFile still writes invites whole and
// private; storage/atomicfile tests the failures.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "invite.ics")
	data := mustMarshal(t, coffeeInvite(t))
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, data); err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(data) {
		t.Fatalf("read back %q, %v", got, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the file", len(entries))
	}
}

func TestFileName(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	coffee := model.Meeting{Kind: model.MeetingCoffee, Start: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	late := model.Meeting{Kind: model.MeetingLunch, Start: time.Date(2026, 12, 1, 23, 30, 0, 0, time.UTC).In(berlin)}
	tests := []struct {
		m    model.Meeting
		with string
		want string
	}{
		{coffee, "Dana Reyes", "2026-12-01 Coffee with Dana Reyes.ics"},
		{late, "Dana Reyes", "2026-12-02 Lunch with Dana Reyes.ics"}, // the date in Start's location
		{coffee, `a/b\c:d*e?f"g<h>i|j`, "2026-12-01 Coffee with a-b-c-d-e-f-g-h-i-j.ics"},
		{coffee, "Eve\r\nEvil\x00\x7f", "2026-12-01 Coffee with Eve Evil--.ics"},
		{coffee, "  ..Dana..  ", "2026-12-01 Coffee with Dana.ics"},
		{coffee, "", "2026-12-01 Coffee.ics"},
		{coffee, " / ", "2026-12-01 Coffee with -.ics"},
		{coffee, "..", "2026-12-01 Coffee.ics"},
		{coffee, "Zoë 山田", "2026-12-01 Coffee with Zoë 山田.ics"},
		{coffee, "bad\xffutf8", "2026-12-01 Coffee with bad-utf8.ics"},
	}
	for _, tt := range tests {
		if got := FileName(tt.m, tt.with); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.with, got, tt.want)
		}
	}

	long := FileName(coffee, strings.Repeat("山", 200))
	if len(long) > maxFileName || !strings.HasSuffix(long, ".ics") || !strings.HasPrefix(long, "2026-12-01 Coffee with 山") {
		t.Errorf("long name = %q (%d bytes)", long, len(long))
	}
	if strings.ContainsRune(long, '\uFFFD') {
		t.Errorf("long name split a character: %q", long)
	}
}

// TestFileNameKeepsInvitesInTheirFolder: a meeting kind is data (a
// restored or hand-edited database can hold any text there), and a kind
// of "x/../../escaped" once wrote an invite two folders above the
// invites folder.
func TestFileNameKeepsInvitesInTheirFolder(t *testing.T) {
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		kind, with string
		want       string
	}{
		{"x/../../escaped", "Dana", "2026-12-01 x-.-.-escaped with Dana.ics"},
		{`..\..\evil`, "", "2026-12-01 -.-evil.ics"},
		{"../..", "../../etc/passwd", "2026-12-01 - with -.-etc-passwd.ics"},
		{".hidden", "\x00\x1b[31m", "2026-12-01 hidden with --[31m.ics"},
		{"coffee", "CON", "2026-12-01 Coffee with -CON.ics"},
		{"coffee", "nul.txt", "2026-12-01 Coffee with -nul.txt.ics"},
		{strings.Repeat("k", 300), "Dana", "2026-12-01 " + strings.Repeat("k", maxFileName-len("2026-12-01 .ics")) + ".ics"},
	}
	dir := filepath.Join(t.TempDir(), "a", "b", "invites")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		m := model.Meeting{Kind: model.MeetingKind(tt.kind), Start: start}
		got := FileName(m, tt.with)
		if got != tt.want {
			t.Errorf("FileName(kind %q, %q) = %q, want %q", tt.kind, tt.with, got, tt.want)
		}
		if len(got) > maxFileName || strings.ContainsAny(got, `/\`) || strings.Contains(got, "..") || strings.HasPrefix(got, ".") {
			t.Errorf("FileName(kind %q, %q) = %q: not a plain name", tt.kind, tt.with, got)
		}
		path := filepath.Join(dir, got)
		if err := WriteFile(path, []byte("x")); err != nil {
			t.Fatalf("WriteFile(%q): %v", path, err)
		}
		if filepath.Dir(path) != dir {
			t.Errorf("the invite for kind %q went to %s, not the invites folder %s", tt.kind, filepath.Dir(path), dir)
		}
	}
	root := filepath.Dir(filepath.Dir(dir))
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("the folders above the invites folder gained files: %v", entries)
	}
}
