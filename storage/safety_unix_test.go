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

	"rapport/model"
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

// mountTmpfs mounts a tmpfs of the given size with options on a new
// folder, unmounted when the test ends; it skips the test, saying why,
// where that cannot be done.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs to fill needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// fill writes into dir until the disk is full.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			return
		}
	}
}

// Issue 18, fault 3: on a full disk (a small tmpfs, filled) the database
// still opens, read-only, saying why: it can be read, exported and backed
// up to another disk, and a write says the disk is full. On a read-only
// disk likewise.
func TestFullDiskStillReadsExportsAndBacksUp(t *testing.T) {
	ctx := t.Context()
	mnt := mountTmpfs(t, "4m")
	path := filepath.Join(mnt, "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreatePerson(t, s, "Dana Reyes")
	id, err := s.ID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	fill(t, mnt)

	o, err := Open(path)
	if err != nil {
		t.Fatalf("Open on a full disk: %v", err)
	}
	if !errors.Is(o.ReadOnly(), syscall.ENOSPC) || !strings.Contains(o.Notice(), "the disk is full") {
		t.Errorf("ReadOnly = %v, Notice = %q; want the disk said to be full", o.ReadOnly(), o.Notice())
	}
	if people, err := o.People(ctx, false); err != nil || len(people) != 1 {
		t.Errorf("People on a full disk = %v, %v; want Dana", people, err)
	}
	var doc bytes.Buffer
	if err := o.Export(ctx, &doc); err != nil || !strings.Contains(doc.String(), "Dana Reyes") {
		t.Errorf("Export on a full disk: %v", err)
	}
	b, err := o.Backup(ctx, filepath.Join(t.TempDir(), "other disk"))
	if err != nil {
		t.Fatalf("Backup to another disk: %v", err)
	}
	if IDOf(b.Path) != id || peopleInCount(t, b.Path) != 1 {
		t.Errorf("the backup holds id %q and %d people, want %q and 1", IDOf(b.Path), peopleInCount(t, b.Path), id)
	}
	enc, err := o.Backup(ctx, filepath.Join(t.TempDir(), "other disk"), Encrypted("correct horse battery"))
	if err != nil || !enc.Encrypted {
		t.Errorf("encrypted backup to another disk = %+v, %v; want it written", enc, err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(o.Path()), ".*")); len(leftovers) > 0 {
		t.Errorf("the encrypted backup left %q beside the database", leftovers)
	}
	p := mustNotCreate(t, o)
	if !errors.Is(p, syscall.ENOSPC) {
		t.Errorf("a write on a full disk = %v, want it to say the disk is full", p)
	}
	o.Close()

	if err := os.Remove(filepath.Join(mnt, "filler")); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v: %s", err, out)
	}
	ro, err := Open(path)
	if err != nil {
		t.Fatalf("Open on a read-only disk: %v", err)
	}
	defer ro.Close()
	if ro.ReadOnly() == nil || !strings.Contains(ro.Notice(), "read-only") {
		t.Errorf("ReadOnly = %v, Notice = %q; want read-only said", ro.ReadOnly(), ro.Notice())
	}
	if people, err := ro.People(ctx, false); err != nil || len(people) != 1 {
		t.Errorf("People on a read-only disk = %v, %v", people, err)
	}
}

// mustNotCreate tries to add a person and returns the error it must get.
func mustNotCreate(t *testing.T, s *Store) error {
	t.Helper()
	p := model.NewPerson("Lee Park")
	err := s.CreatePerson(t.Context(), &p)
	if err == nil {
		t.Fatal("a write succeeded on a read-only store")
	}
	return err
}
