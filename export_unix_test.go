//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportRefusesSpecialFiles: --out over a named pipe (or, as root,
// /dev/null) replaced it with a regular file. It is refused, untouched,
// naming it; "-" still writes to standard output.
func TestExportRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeExportTestDB(t, db)
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "export", "--db", db, "--format", "json", "--out", fifo)
	if code != 1 || !strings.Contains(errOut, fifo) || !strings.Contains(errOut, "not a regular file") {
		t.Errorf("export to a FIFO: exit %d, %q; want 1 naming it as not a regular file", code, errOut)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v, %v", info, err)
	}
	if code, out, _ := runCmd(t, "export", "--db", db, "--format", "vcard", "--out", "-"); code != 0 || !strings.Contains(out, "BEGIN:VCARD") {
		t.Errorf("export to standard output: exit %d", code)
	}
}
