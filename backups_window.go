package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/storage"
	"rapport/ui"
)

// windowBackups is the window's Backups: a thin adapter from storage's
// backups of st (which finds, lists, writes and restores them) to the ui's
// types; restoring starts Rapport again on the restored database.
type windowBackups struct {
	app   fyne.App
	store *storage.Store
	keys  *backupKeys // the passphrase of encrypted backups; nil: none
}

var _ ui.Backups = (*windowBackups)(nil)

// Folder implements ui.Backups.
func (b *windowBackups) Folder() string { return b.store.BackupFolder(context.Background()) }

// DefaultFolder implements ui.Backups.
func (b *windowBackups) DefaultFolder() string { return storage.BackupDir(b.store.Path()) }

// List implements ui.Backups: the database's own backups and the older
// ones whose database is unknown.
func (b *windowBackups) List() ([]model.BackupFile, error) {
	list, err := b.store.ListBackups(context.Background())
	out := make([]model.BackupFile, len(list))
	for i, x := range list {
		out[i] = backupFile(x)
	}
	return out, err
}

// BackupNow implements ui.Backups: encrypted when the settings say so
// (ui.ErrNeedPassphrase when no passphrase is known), never plain then.
func (b *windowBackups) BackupNow() (model.BackupFile, error) {
	ctx := context.Background()
	x, err := b.store.Backup(ctx, b.Folder(), b.keys.backupOptions(ctx, b.store)...)
	return backupFile(x), needPassphrase(err)
}

// Restore implements ui.Backups: see storage.Store.RestoreBackup; on
// success Rapport starts again on the restored database.
func (b *windowBackups) Restore(path string) error {
	if err := b.store.RestoreBackup(path); err != nil {
		return err
	}
	restart(b.app, b.store.Path())
	return nil
}

// backupFile is x as the ui shows it.
func backupFile(x storage.Backup) model.BackupFile {
	return model.BackupFile{Path: x.Path, At: x.At, Size: x.Size, Older: x.Older(), Encrypted: x.Encrypted}
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
		if _, _, err := st.BackupIfDue(ctx, st.BackupFolder(ctx), keys.backupOptions(ctx, st)...); err != nil {
			fmt.Fprintln(os.Stderr, "rapport: daily backup:", err)
			if errors.Is(needPassphrase(err), ui.ErrNeedPassphrase) {
				out <- struct{}{}
			}
		}
	}()
	return out
}
