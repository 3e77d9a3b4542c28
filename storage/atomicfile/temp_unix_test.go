//go:build !windows

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteRefusesSpecialFiles: rapport export --out /dev/null, run as
// root, replaced /dev/null with a regular file; a named pipe was replaced
// too. Anything but a regular file (or a link) at the target is refused,
// untouched, with a message naming it.
func TestWriteRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	err := Write(fifo, []byte("data"))
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), fifo) || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("Write to a FIFO = %v, want ErrNotRegular naming it as a named pipe", err)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is no longer one: %v, %v", info, err)
	}
	checkOnly(t, dir, "pipe")

	// /dev/null is only checked: were the check broken, Write would
	// replace it when the tests run as root.
	if _, err := os.Stat("/dev/null"); err == nil {
		err := CheckTarget("/dev/null")
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "/dev/null") || !strings.Contains(err.Error(), "device") {
			t.Errorf("CheckTarget(/dev/null) = %v, want ErrNotRegular naming a device", err)
		}
	}
	sub := filepath.Join(dir, "folder")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := Write(sub, nil); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "a folder") {
		t.Errorf("Write to an empty folder = %v, want ErrNotRegular naming a folder", err)
	}
	// A regular file and a link to one are replaced as before.
	file, link := filepath.Join(dir, "file"), filepath.Join(dir, "link")
	if err := os.WriteFile(file, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file, link} {
		if err := Write(p, []byte("new")); err != nil {
			t.Errorf("Write(%s): %v", p, err)
		}
	}
}
