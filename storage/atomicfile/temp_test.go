package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestWriteRemovesStaleTemps: a writer killed between creating its
// temporary file and renaming it leaves the file behind. The next write
// into that folder removes those of processes that are gone and those
// older than an hour, and keeps those of a process still running.
func TestWriteRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	const deadPID = 4194305 // above the largest pid_max Linux allows
	hourAgo := time.Now().Add(-2 * time.Hour)
	files := []struct {
		name  string
		old   bool
		stays bool
	}{
		{fmt.Sprintf(".out.json.rapport-tmp-%d-1", deadPID), false, false},
		{fmt.Sprintf(".other.vcf.rapport-tmp-%d-7", deadPID), false, false},
		{fmt.Sprintf(".out.json.rapport-tmp-%d-2", os.Getpid()), false, true}, // this process: live
		{fmt.Sprintf(".out.json.rapport-tmp-%d-3", os.Getppid()), true, false},
		{".out.json.123456789.tmp", true, false}, // an earlier version's, old
		{".out.json.987654321.tmp", false, true}, // an earlier version's, recent
		{"notes.tmp", true, true},                // not ours
		{".rapport-tmp-x", true, true},           // not ours either
	}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		if f.old {
			if err := os.Chtimes(path, hourAgo, hourAgo); err != nil {
				t.Fatal(err)
			}
		}
	}
	if runtime.GOOS != "windows" {
		if processRuns(deadPID) {
			t.Skipf("a process %d runs", deadPID)
		}
	}
	if err := Write(filepath.Join(dir, "out.json"), []byte("{}")); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		_, err := os.Stat(filepath.Join(dir, f.name))
		if stays := err == nil; stays != f.stays {
			t.Errorf("%s: stays = %v, want %v", f.name, stays, f.stays)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.json")); err != nil {
		t.Error(err)
	}
}

func TestTempNameIsRecognisable(t *testing.T) {
	a, b := TempName("out.json"), TempName("out.json")
	want := fmt.Sprintf(".out.json.rapport-tmp-%d-", os.Getpid())
	if a == b || !strings.HasPrefix(a, want) || !tempName.MatchString(a) {
		t.Errorf("TempName = %q, %q; want distinct names starting %q", a, b, want)
	}
	dir := t.TempDir()
	tmp, err := MkdirTemp(dir, "check.db")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(tmp) != dir || !strings.HasPrefix(filepath.Base(tmp), ".check.db.rapport-tmp-") {
		t.Errorf("MkdirTemp = %s", tmp)
	}
}
