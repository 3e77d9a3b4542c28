//go:build !windows

package storage

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Issue 18, fault 7: an existing database made 0644 (umask 022), and its
// -wal and -shm, are made 0600 on open, and the user told once.
func TestOpenMakesALooseDatabasePrivate(t *testing.T) {
	s := mustOpen(t)
	path := s.Path()
	mustCreatePerson(t, s, "Dana Reyes")
	// A crash leaves -wal and -shm beside the file: copy them as they
	// are while the store is open.
	wal, err := os.ReadFile(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	shm, err := os.ReadFile(path + "-shm")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	loose := filepath.Join(t.TempDir(), "rapport.db")
	old := syscall.Umask(0o022)
	for suffix, b := range map[string][]byte{"": data, "-wal": wal, "-shm": shm} {
		if err := os.WriteFile(loose+suffix, b, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	syscall.Umask(old)
	if fi, _ := os.Stat(loose); fi.Mode().Perm() != 0o644 {
		t.Fatalf("made with mode %v, want 0644", fi.Mode().Perm())
	}
	o, err := Open(loose)
	if err != nil {
		t.Fatal(err)
	}
	want := "Made rapport.db, rapport.db-wal, rapport.db-shm readable by you alone (it was 0644)."
	if got := o.Notice(); got != want {
		t.Errorf("Notice = %q, want %q", got, want)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(loose + suffix); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("rapport.db%s: %v, %v; want 0600", suffix, fi.Mode().Perm(), err)
		}
	}
	if got := countRows(t, o, "person"); got != 1 {
		t.Errorf("%d people, want the one in the log", got)
	}
	o.Close()
	again, err := Open(loose)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := again.Notice(); got != "" {
		t.Errorf("second Notice = %q, want none: said once", got)
	}
}

// The helper process of TestLockAcrossProcesses: it opens the database
// named by $RAPPORT_LOCK_HELPER, says "open", and holds it until its
// standard input closes.
func TestLockHelperProcess(t *testing.T) {
	path := os.Getenv("RAPPORT_LOCK_HELPER")
	if path == "" {
		t.Skip("only run as the helper of TestLockAcrossProcesses")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer s.Close()
	fmt.Println("open")
	io.Copy(io.Discard, os.Stdin)
}

// Another process holding the file through one path refuses every other
// path: the lock is the kernel's, on the file.
func TestLockAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	s.Close()
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(path, hard); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelperProcess$")
	cmd.Env = append(os.Environ(), "RAPPORT_LOCK_HELPER="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "open" {
		t.Fatalf("helper said %q, %v", line, err)
	}
	if o, err := Open(hard); !errors.Is(err, ErrLocked) {
		if o != nil {
			o.Close()
		}
		t.Errorf("Open(hard link) while another process has a.db = %v, want ErrLocked", err)
	}
	var buf bytes.Buffer
	stdin.Close()
	io.Copy(&buf, stdout)
	if err := cmd.Wait(); err != nil {
		t.Errorf("helper: %v", err)
	}
	o, err := Open(hard)
	if err != nil {
		t.Fatalf("Open(hard link) once the other process is done: %v", err)
	}
	o.Close()
}
