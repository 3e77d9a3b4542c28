package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
)

// BackupFolder is where the store's backups go: the folder in its
// settings, else BackupDir beside the database.
func (s *Store) BackupFolder(ctx context.Context) string {
	if st, err := s.Settings(ctx); err == nil && st.BackupFolder != "" {
		return st.BackupFolder
	}
	return BackupDir(s.path)
}

// ListBackups lists, newest first, the database's own backups in its
// backup folder and in the folder beside it (where those made before an
// upgrade go, and any made before the folder was changed), and the older
// backups there, of a database no one can tell (Backup.Older). Asking
// makes no identity: a database never backed up has only older backups.
// It lists what it can and returns the first folder it could not read as
// the error.
func (s *Store) ListBackups(ctx context.Context) ([]Backup, error) {
	id, err := readID(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	o := ownerOf(s.path, id)
	return backupsIn(func(b Backup) bool { return b.Older() || o.owns(b) }, s.BackupFolder(ctx), BackupDir(s.path))
}

// backupsIn lists the backups that keep accepts in the folders dirs (the
// empty name and repeats left out), newest first. It lists what it can
// and returns the first folder it could not read as the error.
func backupsIn(keep func(Backup) bool, dirs ...string) ([]Backup, error) {
	var out []Backup
	var first error
	seen := map[string]bool{"": true}
	for _, dir := range dirs {
		if seen[dir] {
			continue
		}
		seen[dir] = true
		list, err := Backups(dir)
		if err != nil && first == nil {
			first = err
		}
		out = append(out, slices.DeleteFunc(list, func(b Backup) bool { return !keep(b) })...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, first
}

// NewestBackupOf finds the newest backup of the database at path without
// opening it, for a database Open refused as damaged; Path is "" when there
// is none to offer. When the database's identity can be read, it is the
// newest of its own backups, beside it or in the backup folder of its
// settings, whose file holds that same identity (an encrypted one is
// chosen by its name: its restore checks the identity once it is
// decrypted); an older backup, whose
// database is unknown, is never chosen. When the identity cannot be read
// (the damage hides it), it is the newest backup named after the
// database's file in the folder beside it, only if all of those are of
// one database; note then says so, or why none is offered.
func NewestBackupOf(path string) (b Backup, note string) {
	if id := IDOf(path); id != "" {
		o := ownerOf(path, id)
		list, _ := backupsIn(o.owns, BackupDir(path), BackupFolderOf(path))
		for _, b := range list {
			// An encrypted backup's identity is read once it is
			// decrypted: the restore refuses another database's.
			if b.Encrypted || IDOf(b.Path) == id {
				return b, ""
			}
		}
		return Backup{}, ""
	}
	stem := stemOf(path)
	list, _ := backupsIn(func(b Backup) bool { return !b.Older() && b.Stem == stem }, BackupDir(path))
	ids := map[string]bool{}
	for _, b := range list {
		ids[b.ID] = true
	}
	base := filepath.Base(path)
	switch {
	case len(ids) == 0:
		return Backup{}, ""
	case len(ids) > 1:
		return Backup{}, fmt.Sprintf("Rapport cannot read which database %s is, and the backups beside it named after it are of %d databases, so it offers none: restore one yourself after checking it.", base, len(ids))
	}
	return list[0], fmt.Sprintf("Rapport cannot read which database %s is; this is the newest backup named after it in the folder beside it.", base)
}

// RestoreBackup puts the backup at path in the place of the store's
// database, as Restore does (the state it had is itself backed up first,
// and a backup of another database is refused): it closes the store,
// restores, and leaves it closed, for the caller to open the database
// again (the window starts again on it). When the restore fails, the
// store is opened again on the database as it was and goes on.
func (s *Store) RestoreBackup(path string) error {
	return s.replaceWith(func() error { return Restore(s.path, path) })
}

// replaceWith closes the store and runs restore, which replaces its
// database file; when restore fails, it opens the store again on the
// database as it was.
func (s *Store) replaceWith(restore func() error) error {
	if err := s.Close(); err != nil {
		return err
	}
	err := restore()
	if err == nil {
		return nil
	}
	again, oerr := Open(s.path)
	if oerr != nil {
		return errors.Join(err, fmt.Errorf("open the database again: %w", oerr))
	}
	now, committed := s.Now, s.committed
	*s = *again
	s.Now, s.committed = now, committed
	return err
}
