package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"rapport/storage/sealed"
)

// Encrypted backups are the snapshots Backup names, encrypted with a
// passphrase in the age format (package sealed) and named with ".age"
// added: work-3f2a9c1e-20261123-093000.db.age. They belong to their
// database as plain ones do: listed, rotated, counted as due and offered
// as its newest like the others. The plain snapshot they are made from
// never enters the backup folder: it is written beside the database
// (which is plain on this disk already) under a hidden temporary name,
// encrypted from there, and removed.

// BackupOption changes how Backup and BackupIfDue write a backup.
type BackupOption func(*backupOptions)

type backupOptions struct {
	// encrypt says to encrypt the backup with passphrase.
	encrypt    bool
	passphrase string
}

// Encrypted makes Backup encrypt the backup with passphrase (see package
// sealed), so that the folder it goes to (another disk, a synced folder)
// holds nothing readable without it. An empty passphrase is refused.
func Encrypted(passphrase string) BackupOption {
	return func(o *backupOptions) { o.encrypt, o.passphrase = true, passphrase }
}

// sealingPattern names the plain snapshot an encrypted backup of the
// database at dbPath is made from, beside it.
func sealingPattern(dbPath string) string {
	return "." + filepath.Base(dbPath) + ".sealing-*.tmp"
}

// snapshotTo writes the snapshot of db named name into dir: plain, or
// encrypted to name+".age" when opts ask for it.
func snapshotTo(ctx context.Context, db *sql.DB, dbPath, dir, name string, opts []BackupOption) (Backup, error) {
	var o backupOptions
	for _, opt := range opts {
		opt(&o)
	}
	if !o.encrypt {
		return snapshot(ctx, db, dir, name)
	}
	if err := sealed.CheckPassphrase(o.passphrase); err != nil {
		return Backup{}, fmt.Errorf("backup: %w", err)
	}
	b, err := sealedSnapshot(ctx, db, dbPath, dir, name, o.passphrase)
	if err != nil {
		return Backup{}, fmt.Errorf("backup to %s: %w", dir, err)
	}
	return b, nil
}

// sealedSnapshot writes a consistent copy of db, encrypted with
// passphrase, into dir/name.age: VACUUM INTO a temporary file beside the
// database, encrypted into a temporary file in dir, synced, renamed, and
// the plain copy removed. A plain copy an earlier, killed backup left
// beside the database is removed first: the caller holds its lock, so no
// other backup of it is under way. When the database's disk is full or
// read-only, the plain copy is made in a private folder (0700) of the
// system's temporary folder instead, so a backup to another disk still
// works.
func sealedSnapshot(ctx context.Context, db *sql.DB, dbPath, dir, name, passphrase string) (Backup, error) {
	removeSealingTemps(dbPath)
	plain, remove, err := plainCopy(ctx, db, filepath.Dir(dbPath), sealingPattern(dbPath))
	if diskProblem(err) != nil {
		private, perr := os.MkdirTemp("", "rapport-sealing-*")
		if perr != nil {
			return Backup{}, fmt.Errorf("%w (and no room elsewhere: %v)", err, perr)
		}
		defer os.RemoveAll(private)
		plain, remove, err = plainCopy(ctx, db, private, "copy-*.tmp")
	}
	if err != nil {
		return Backup{}, err
	}
	defer remove()
	path := filepath.Join(dir, name+sealed.Suffix)
	if err := encryptFile(plain, dir, path, passphrase); err != nil {
		return Backup{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return Backup{}, err
	}
	b, _ := parseBackupName(name)
	b.Path, b.Size, b.Encrypted = path, info.Size(), true
	return b, nil
}

// plainCopy writes a consistent plain copy of db into a new temporary
// file in dir named by pattern, and returns its path and how to remove it
// (with its journal, should one be left); nothing is left when it fails.
func plainCopy(ctx context.Context, db *sql.DB, dir, pattern string) (path string, remove func(), err error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", nil, err
	}
	remove = func() {
		// The plain copy never outlives the backup; one that cannot be
		// removed now is removed by the next backup.
		_ = os.Remove(f.Name())
		_ = os.Remove(f.Name() + "-journal")
	}
	if err := f.Close(); err != nil {
		remove()
		return "", nil, err
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", f.Name()); err != nil {
		remove()
		return "", nil, err
	}
	return f.Name(), remove, nil
}

// encryptFile encrypts the file at from with passphrase into to, in dir
// (created 0700 if missing): through a temporary file there, readable by
// the user alone, synced, then renamed, so dir never holds half a backup.
func encryptFile(from, dir, to, passphrase string) (err error) {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	out, err := os.CreateTemp(dir, tempPrefix+"*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.Close()
			_ = os.Remove(out.Name()) // already failing; the first error is the one to report
		}
	}()
	w, err := sealed.Encrypt(out, passphrase)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, in); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := out.Sync(); err != nil {
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	if err := os.Rename(out.Name(), to); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// removeSealingTemps removes the plain copies that encrypted backups or
// restores of the database at dbPath, killed before they finished, left
// beside it. Best effort: what cannot be removed now is tried again next
// time.
func removeSealingTemps(dbPath string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dbPath), sealingPattern(dbPath)))
	for _, m := range matches {
		_ = os.Remove(m)
		_ = os.Remove(m + "-journal")
	}
}

// IsEncryptedFile reports whether the file at path is encrypted (begins
// with an age header), whatever its name.
func IsEncryptedFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, sealed.HeaderLen)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return sealed.IsEncrypted(head[:n]), nil
}

// RestoreEncrypted restores the database at dbPath from the encrypted
// backup at backupPath, as Restore does from a plain one, after
// decrypting it with passphrase into a temporary file beside the
// database, readable by the user alone and removed afterwards. A wrong
// passphrase (an error wrapping sealed.ErrWrongPassphrase), a backup that
// is damaged, or one of another database (ErrOtherDatabase, checked in
// the decrypted copy as in a plain backup) changes nothing.
func RestoreEncrypted(dbPath, backupPath, passphrase string) error {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return fmt.Errorf("restore %s: %w", dbPath, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return fmt.Errorf("restore %s: %w", abs, err)
	}
	tmp, err := DecryptBackup(abs, backupPath, passphrase)
	if tmp != "" {
		defer func() { _ = os.Remove(tmp) }() // best effort: the next encrypted backup removes what is left
	}
	if err != nil {
		return fmt.Errorf("restore %s from %s: %w", abs, backupPath, err)
	}
	return restoreDecrypted(abs, tmp, backupPath)
}

// RestoreEncryptedBackup is RestoreBackup for an encrypted backup: it is
// decrypted first, while the store stays open, so that a wrong passphrase
// changes nothing, then restored as RestoreEncrypted does.
func (s *Store) RestoreEncryptedBackup(path, passphrase string) error {
	tmp, err := DecryptBackup(s.path, path, passphrase)
	if tmp != "" {
		defer func() { _ = os.Remove(tmp) }() // best effort: the next encrypted backup removes what is left
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return s.replaceWith(func() error { return restoreDecrypted(s.path, tmp, path) })
}

// restoreDecrypted restores the database at the absolute path dbPath from
// tmp, the decrypted copy of the encrypted backup at backupPath, naming
// the backup in what it says.
func restoreDecrypted(dbPath, tmp, backupPath string) error {
	if err := restoreAs(dbPath, tmp, filepath.Base(backupPath), time.Now()); err != nil {
		return fmt.Errorf("restore %s from %s: %w", dbPath, backupPath, err)
	}
	return nil
}

// DecryptBackup decrypts the encrypted backup at backupPath with
// passphrase into a new temporary file, readable by the user alone,
// beside the database at dbPath (which is plain on this disk already,
// unlike the folder the backup may be in), and returns its name: the
// caller removes it, also on error when it is not empty. A copy that a
// kill left behind is removed by the database's next encrypted backup.
func DecryptBackup(dbPath, backupPath, passphrase string) (string, error) {
	in, err := os.Open(backupPath)
	if err != nil {
		return "", err
	}
	defer in.Close()
	plain, err := sealed.Decrypt(in, passphrase)
	if err != nil {
		return "", err
	}
	out, err := os.CreateTemp(filepath.Dir(dbPath), sealingPattern(dbPath))
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, plain); err != nil {
		out.Close()
		return out.Name(), err
	}
	return out.Name(), out.Close()
}

// backupFileName splits the name of a backup file into the name Backup
// gave the snapshot and whether it is encrypted.
func backupFileName(name string) (snapshot string, encrypted bool) {
	if s, ok := strings.CutSuffix(name, sealed.Suffix); ok {
		return s, true
	}
	return name, false
}
