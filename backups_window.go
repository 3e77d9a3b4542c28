package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sort"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/storage"
	"rapport/ui"
)

// windowBackups is the window's Backups, on storage: snapshots into the
// backup folder of the settings (by default the backups folder beside the
// database); restoring closes the database, restores, and starts Rapport
// again on it.
type windowBackups struct {
	app   fyne.App
	store *storage.Store
	path  string
	keys  *backupKeys // the passphrase of encrypted backups; nil: none
}

var _ ui.Backups = (*windowBackups)(nil)

// Folder implements ui.Backups: the folder in the settings, else the
// default.
func (b *windowBackups) Folder() string { return backupFolder(context.Background(), b.store) }

// DefaultFolder implements ui.Backups: the backups folder beside the
// database.
func (b *windowBackups) DefaultFolder() string { return storage.BackupDir(b.path) }

// List implements ui.Backups: the backups in the folder of the settings
// and those beside the database (the ones made before an upgrade, and any
// made before the folder was changed), newest first.
func (b *windowBackups) List() ([]model.BackupFile, error) {
	list, err := backupsIn(b.Folder(), b.DefaultFolder())
	if err != nil {
		return nil, err
	}
	out := make([]model.BackupFile, len(list))
	for i, x := range list {
		out[i] = model.BackupFile{Path: x.Path, At: x.At, Size: x.Size, Encrypted: x.Encrypted}
	}
	return out, nil
}

// BackupNow implements ui.Backups: encrypted when the settings say so
// (ui.ErrNeedPassphrase when no passphrase is known), never plain then.
func (b *windowBackups) BackupNow() (model.BackupFile, error) {
	ctx := context.Background()
	x, err := b.store.Backup(ctx, b.Folder(), b.keys.backupOptions(ctx, b.store)...)
	return model.BackupFile{Path: x.Path, At: x.At, Size: x.Size, Encrypted: x.Encrypted}, needPassphrase(err)
}

// Restore implements ui.Backups: the database is closed, restored (the
// state it had is itself backed up first) and Rapport is started again on
// it. When the restore fails, the database is opened again as it was.
func (b *windowBackups) Restore(path string) error {
	if err := b.store.Close(); err != nil {
		return err
	}
	if err := storage.Restore(b.path, path); err != nil {
		if st, oerr := storage.Open(b.path); oerr == nil {
			*b.store = *st // carry on with the database as it was
		}
		return err
	}
	restart(b.app, b.path)
	return nil
}

// restart starts Rapport again on the database at path and quits this one.
func restart(a fyne.App, path string) {
	if exe, err := os.Executable(); err == nil {
		cmd := exec.Command(exe, "--db", path)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "rapport: could not start again:", err)
		}
	}
	a.Quit()
}

// backUpDaily writes the day's backup, at most one a day, off the window's
// goroutine so that start-up does not wait for it; encrypted when the
// settings say so. It reports on skipped when one was due but could not
// be encrypted for want of a passphrase, and then closes it.
func backUpDaily(st *storage.Store, keys *backupKeys) (skipped <-chan struct{}) {
	out := make(chan struct{}, 1)
	go func() {
		defer close(out)
		ctx := context.Background()
		if _, _, err := st.BackupIfDue(ctx, backupFolder(ctx, st), keys.backupOptions(ctx, st)...); err != nil {
			fmt.Fprintln(os.Stderr, "rapport: daily backup:", err)
			if errors.Is(needPassphrase(err), ui.ErrNeedPassphrase) {
				out <- struct{}{}
			}
		}
	}()
	return out
}

// backupFolder is where st's backups go: the folder in its settings, else
// the backups folder beside it.
func backupFolder(ctx context.Context, st *storage.Store) string {
	if s, err := st.Settings(ctx); err == nil && s.BackupFolder != "" {
		return s.BackupFolder
	}
	return storage.BackupDir(st.Path())
}

// backupsOf lists the backups of the database at path without opening it
// (it may be damaged), newest first: those beside it and those in the
// backup folder its settings name. A folder that cannot be read has none.
func backupsOf(path string) []storage.Backup {
	list, _ := backupsIn(storage.BackupDir(path), storage.BackupFolderOf(path))
	return list
}

// backupsIn lists the backups in the folders dirs (the empty name and
// repeats left out), newest first. It lists what it can and returns the
// first folder it could not read as the error.
func backupsIn(dirs ...string) ([]storage.Backup, error) {
	var out []storage.Backup
	var first error
	seen := map[string]bool{"": true}
	for _, dir := range dirs {
		if seen[dir] {
			continue
		}
		seen[dir] = true
		list, err := storage.Backups(dir)
		if err != nil && first == nil {
			first = err
		}
		out = append(out, list...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, first
}
