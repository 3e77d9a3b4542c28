//go:build !windows

package storage

import (
	"path/filepath"
	"syscall"
)

// writable returns the system's error when the file at path, or the
// folder its -wal and -shm files go in, may not be written (a read-only
// disk, a folder of someone else's), nil when both may.
func writable(path string) error {
	const wOK = 2
	if err := syscall.Access(path, wOK); err != nil {
		return err
	}
	return syscall.Access(filepath.Dir(path), wOK)
}
