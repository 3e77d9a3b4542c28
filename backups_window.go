package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"fyne.io/fyne/v2"

	"rapport/storage"
	"rapport/ui"
)

// windowBackups is the window's Backups, on storage: snapshots into the
// backups folder beside the database; restoring closes the database,
// restores, and starts Rapport again on it.
type windowBackups struct {
	app   fyne.App
	store *storage.Store
	path  string
}

var _ ui.Backups = (*windowBackups)(nil)

// List implements ui.Backups.
func (b *windowBackups) List() ([]ui.BackupFile, error) {
	list, err := storage.Backups(storage.BackupDir(b.path))
	if err != nil {
		return nil, err
	}
	out := make([]ui.BackupFile, len(list))
	for i, x := range list {
		out[i] = ui.BackupFile{Path: x.Path, At: x.At, Size: x.Size}
	}
	return out, nil
}

// BackupNow implements ui.Backups.
func (b *windowBackups) BackupNow() (ui.BackupFile, error) {
	x, err := b.store.Backup(context.Background(), storage.BackupDir(b.path))
	return ui.BackupFile{Path: x.Path, At: x.At, Size: x.Size}, err
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
// goroutine so that start-up does not wait for it.
func backUpDaily(st *storage.Store) {
	go func() {
		if _, _, err := st.BackupIfDue(context.Background(), storage.BackupDir(st.Path())); err != nil {
			fmt.Fprintln(os.Stderr, "rapport: daily backup:", err)
		}
	}()
}
