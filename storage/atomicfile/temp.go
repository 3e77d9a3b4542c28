package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync/atomic"
	"time"
)

// ErrNotRegular means a file was to be replaced where something other
// than a regular file (or a symbolic link) is: a folder, a named pipe, a
// device or a socket.
var ErrNotRegular = errors.New("is not a regular file")

// StaleAfter is how old a temporary file must be to be removed even though
// the process that made it may still run (its process ID may have been
// reused).
const StaleAfter = time.Hour

// tempMark is in the name of every temporary file and folder made here,
// with the process ID and a counter after it.
const tempMark = ".rapport-tmp-"

// tempName matches the names TempName makes: the target's name, the mark,
// the process ID and a counter.
var tempName = regexp.MustCompile(`^\..*\.rapport-tmp-([0-9]+)-[0-9]+$`)

// oldTempName matches the temporary files of earlier versions of Write,
// ".NAME.123456789.tmp", which say nothing of their process.
var oldTempName = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

var counter atomic.Uint64

// TempName is the name of a new temporary file or folder for the target
// named base: ".BASE.rapport-tmp-PID-N", hidden and recognisable, so a
// later run can tell whose it was and remove it if its process is gone.
func TempName(base string) string {
	return fmt.Sprintf(".%s%s%d-%d", base, tempMark, os.Getpid(), counter.Add(1))
}

// CheckTarget returns an error wrapping ErrNotRegular, naming what is
// there, when path exists and is neither a regular file nor a symbolic
// link; a missing path is fine.
func CheckTarget(path string) error {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	mode := info.Mode()
	if mode.IsRegular() || mode&fs.ModeSymlink != 0 {
		return nil
	}
	what := "a special file"
	switch {
	case mode.IsDir():
		what = "a folder"
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	}
	return fmt.Errorf("%s %w but %s: choose a file name", path, ErrNotRegular, what)
}

// CreateTemp removes the stale temporary files in dir (RemoveStale) and
// creates a new temporary file there for the target named base, readable
// by the user alone.
func CreateTemp(dir, base string) (*os.File, error) {
	RemoveStale(dir)
	for range 100 {
		f, err := os.OpenFile(filepath.Join(dir, TempName(base)), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("no free temporary name in %s", dir)
}

// MkdirTemp removes the stale temporary files in dir (RemoveStale) and
// creates a new temporary folder there for the target named base,
// usable by the user alone. The caller removes it.
func MkdirTemp(dir, base string) (string, error) {
	RemoveStale(dir)
	for range 100 {
		path := filepath.Join(dir, TempName(base))
		err := os.Mkdir(path, 0o700)
		if !errors.Is(err, fs.ErrExist) {
			return path, err
		}
	}
	return "", fmt.Errorf("no free temporary name in %s", dir)
}

// RemoveStale removes, best effort, the temporary files and folders in dir
// that a killed run left: those named by TempName whose process no longer
// runs or that are older than StaleAfter, and those of earlier versions
// (".NAME.123.tmp") older than StaleAfter. It returns how many it removed.
func RemoveStale(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		name := e.Name()
		m := tempName.FindStringSubmatch(name)
		if m == nil && !oldTempName.MatchString(name) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		old := time.Since(info.ModTime()) > StaleAfter
		if m != nil && !old {
			pid, err := strconv.Atoi(m[1])
			if err != nil || pid == os.Getpid() || processRuns(pid) {
				continue
			}
		} else if !old {
			continue
		}
		if os.RemoveAll(filepath.Join(dir, name)) == nil {
			removed++
		}
	}
	return removed
}
