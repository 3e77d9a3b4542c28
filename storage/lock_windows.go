//go:build windows

package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// fileLock is an exclusive lock on a file beside the database, held while a
// Store is open, so a second Rapport on the same database is told so
// instead of writing alongside the first. The lock file is beside the
// file a symbolic link or junction leads to, so every such path shares it;
// hard links, which Windows users rarely make, are not recognised. The
// lock file is removed on release; Go opens files without
// FILE_SHARE_DELETE, so that fails, harmlessly, while another process has
// it open.
type fileLock struct {
	f  *os.File
	db string
	// created is set when acquireLock made the (empty) database file.
	created bool
}

func acquireLock(path string) (*fileLock, error) {
	created := false
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, fmt.Errorf("lock: %w", err)
		}
		f.Close()
		created = true
	}
	target := path
	if r, err := filepath.EvalSymlinks(path); err == nil {
		target = r
	}
	f, err := os.OpenFile(target+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		removeIfEmpty(path, created)
		return nil, fmt.Errorf("lock: %w", err)
	}
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		f.Close()
		removeIfEmpty(path, created)
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	return &fileLock{f: f, db: path, created: created}, nil
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	windows.UnlockFileEx(windows.Handle(l.f.Fd()), 0, 1, 0, new(windows.Overlapped))
	name := l.f.Name()
	l.f.Close()
	l.f = nil
	_ = os.Remove(name) // see fileLock
}

// discard releases the lock and, when acquireLock made the database file
// and it is still empty, removes it.
func (l *fileLock) discard() {
	if l == nil || l.f == nil {
		return
	}
	l.release()
	removeIfEmpty(l.db, l.created)
}
