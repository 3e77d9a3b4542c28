// Package atomicfile writes a file whole or not at all.
//
// Exports, invites and backups are written with Write, so a crash, a full
// disk or a failed write never leaves a half-written file where the user
// expects a whole one, and the file is readable by the user alone.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Write writes data to path with mode 0600, atomically: it writes a
// temporary file in the same directory, syncs it, and renames it over
// path, so path ends up either as before or with all of data, never
// partial. Where the platform allows, it then syncs the directory so the
// rename itself survives a crash. On failure the temporary file is removed
// and path is left as it was.
//
// An existing file at path is replaced, not written through: its mode and
// owner are not kept, and a symbolic link at path is replaced by the file.
// Anything else at path (a folder, a named pipe, a device such as
// /dev/null, a socket) is refused with ErrNotRegular, untouched.
//
// The temporary file is named by TempName, and temporary files that a
// killed writer left in the folder are removed first (see RemoveStale).
func Write(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := CheckTarget(path); err != nil {
		return fmt.Errorf("atomicfile: write %s: %w", path, err)
	}
	f, err := CreateTemp(dir, base)
	if err != nil {
		return fmt.Errorf("atomicfile: write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close() // already failing; the first error is the one to report
			_ = os.Remove(tmp)
			err = fmt.Errorf("atomicfile: write %s: %w", path, err)
		}
	}()
	// CreateTemp already makes the file 0600; Chmod says so explicitly in
	// case that ever changes, and is unsupported on some platforms.
	if err = f.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	// Make the rename durable where directories can be synced; Windows
	// cannot open a directory for this, which is not a failure of the write.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
