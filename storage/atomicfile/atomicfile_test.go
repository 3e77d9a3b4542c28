package atomicfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name     string
		existing []byte // nil: no file at path beforehand
		data     []byte
	}{
		{"new file", nil, []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")},
		{"replaces a longer file", bytes.Repeat([]byte("old "), 1000), []byte("new")},
		{"empty data", []byte("old"), nil},
		{"large data", nil, bytes.Repeat([]byte("0123456789abcdef"), 1<<16)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plan.md")
			if tt.existing != nil {
				if err := os.WriteFile(path, tt.existing, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := Write(path, tt.data); err != nil {
				t.Fatalf("Write: %v", err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Errorf("read back %d bytes, want %d", len(got), len(tt.data))
			}
			checkMode(t, path)
			checkOnly(t, dir, "plan.md")
		})
	}
}

// TestWriteRelative writes to a bare file name, which lands in the
// current directory.
func TestWriteRelative(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := Write("out.txt", []byte("hello")); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "out.txt"))
	if err != nil || string(got) != "hello" {
		t.Fatalf("read back %q, %v", got, err)
	}
	checkMode(t, filepath.Join(dir, "out.txt"))
	checkOnly(t, dir, "out.txt")
}

func TestWriteFailureLeavesNothing(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, dir string) string // returns the path to write
		is     error                                 // the error Write must wrap, or nil
		keep   []string                              // what dir holds afterwards
		before string                                // what path holds afterwards, if a file
	}{
		{
			name:  "missing directory",
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "missing", "plan.md") },
			is:    fs.ErrNotExist,
		},
		{
			// The rename fails because the target is a non-empty
			// directory: the temporary file must be cleaned up.
			name: "target is a directory",
			setup: func(t *testing.T, dir string) string {
				target := filepath.Join(dir, "taken")
				if err := os.MkdirAll(filepath.Join(target, "inside"), 0o755); err != nil {
					t.Fatal(err)
				}
				return target
			},
			keep: []string{"taken"},
		},
		{
			name: "read-only directory keeps the old file",
			setup: func(t *testing.T, dir string) string {
				if runtime.GOOS == "windows" || os.Geteuid() == 0 {
					t.Skip("directory permissions do not stop this user")
				}
				ro := filepath.Join(dir, "ro")
				if err := os.Mkdir(ro, 0o755); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(ro, "plan.md")
				if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(ro, 0o555); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = os.Chmod(ro, 0o755) })
				return path
			},
			is:     fs.ErrPermission,
			keep:   []string{"ro"},
			before: "old",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.setup(t, dir)
			err := Write(path, []byte("new"))
			if err == nil {
				t.Fatal("Write succeeded")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
			checkOnly(t, dir, tt.keep...)
			if tt.before != "" {
				got, err := os.ReadFile(path)
				if err != nil || string(got) != tt.before {
					t.Errorf("old file now %q, %v; want %q", got, err, tt.before)
				}
				checkOnly(t, filepath.Dir(path), filepath.Base(path))
			}
		})
	}
}

// checkMode fails t unless path is readable by its owner alone, where the
// platform has such modes.
func checkMode(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
}

// checkOnly fails t unless dir holds exactly the named entries: no
// temporary file left behind.
func checkOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}
