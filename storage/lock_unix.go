//go:build !windows

package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// fileLock is an exclusive flock(2) on the database file itself, held
// while a Store is open, so that a second Rapport on the same file is told
// so instead of writing alongside the first, whatever path (a symlink, a
// hard link) it came by. flock and the fcntl locks SQLite takes are
// independent on Linux and the BSDs (on NFS, Linux turns flock into an
// fcntl lock, which SQLite's own, in this process, then weaken). Closing any descriptor of a file
// drops every fcntl lock the process holds on it, so the descriptor is
// opened once and closed only when the Store has closed its connections,
// and a second attempt in this process is refused by the table of held
// files before it opens a descriptor of its own.
type fileLock struct {
	f   *os.File
	key fileKey
	// created is set when acquireLock made the (empty) database file.
	created bool
	// locked is set once the file is locked and in the table of held files.
	locked bool
}

// fileKey identifies a file: its device and inode.
type fileKey struct{ dev, ino uint64 }

var (
	heldMu sync.Mutex
	held   = map[fileKey]bool{}
)

// keyOf is the identity of the file fi describes.
func keyOf(fi os.FileInfo) (fileKey, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true // int32 on some systems
}

// acquireLock locks the database file at path, creating it empty and
// readable by the user alone when it does not exist.
func acquireLock(path string) (*fileLock, error) {
	heldMu.Lock()
	defer heldMu.Unlock()
	if fi, err := os.Stat(path); err == nil {
		if k, ok := keyOf(fi); ok && held[k] {
			return nil, ErrLocked
		}
	}
	created := false
	// Read-write where it may be: on NFS, Linux makes flock an fcntl lock,
	// which needs it. Read-only is enough elsewhere (a read-only disk).
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		f, err = os.OpenFile(path, os.O_RDONLY, 0)
	}
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		created = err == nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	l := &fileLock{f: f, created: created}
	fi, err := f.Stat()
	if err != nil {
		l.discard()
		return nil, fmt.Errorf("lock: %w", err)
	}
	k, _ := keyOf(fi)
	if held[k] { // the path was switched to a file this process holds
		f.Close()
		return nil, ErrLocked
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		l.discard()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	l.key, l.locked = k, true
	held[k] = true
	return l, nil
}

// release unlocks the file and forgets it.
func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	heldMu.Lock()
	defer heldMu.Unlock()
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
	l.locked = false
	delete(held, l.key)
}

// discard releases the lock and, when acquireLock made the database file
// and it is still empty, removes it and what SQLite made beside it, so a
// failed open leaves nothing behind.
func (l *fileLock) discard() {
	if l == nil || l.f == nil {
		return
	}
	path := l.f.Name()
	if l.locked {
		l.release()
	} else {
		l.f.Close()
		l.f = nil
	}
	removeIfEmpty(path, l.created)
}
