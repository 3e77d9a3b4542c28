package ui

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Backups keeps snapshots of the database; main hands in storage's
// BackupSet.
type Backups interface {
	// List lists the snapshots, newest first.
	List() ([]model.BackupFile, error)
	// BackupNow writes a snapshot of the database as it is; when the
	// backups are encrypted and no passphrase is known, it writes nothing
	// and returns an error wrapping ErrNeedPassphrase.
	BackupNow() (model.BackupFile, error)
	// Restore backs up the database as it is and puts the snapshot at
	// path in its place; the window then starts Rapport again on it
	// (Options.Restart).
	Restore(path string) error
	// RestoreEncrypted is Restore for an encrypted snapshot, decrypted
	// with passphrase; a wrong passphrase changes nothing.
	RestoreEncrypted(path, passphrase string) error
	// SetPassphrase keeps the passphrase the backups are encrypted with
	// ("" forgets it) and reports whether the system's keyring keeps it;
	// else Rapport keeps it until it closes.
	SetPassphrase(passphrase string) (inKeyring bool, err error)
	// Folder is where the daily backups are written now; DefaultFolder
	// is where they go when the settings name no folder (beside the
	// database), and where the backups made before an upgrade always go.
	Folder() string
	DefaultFolder() string
}

// backupsDialog shows when the last backup was made, lists them, and
// restores one. It keeps its widgets so tests can use them.
type backupsDialog struct {
	w       *Window
	list    []model.BackupFile
	last    *widget.Label
	now     *widget.Button
	restore []*widget.Button
	rows    *fyne.Container
	dialog  dialog.Dialog
	asked   *passphraseForm // the passphrase asked last, for tests
}

// backupsNote says when and where backups are made and which are kept.
func backupsNote(b Backups) string {
	where := "into a backups folder beside your database"
	if folder := b.Folder(); folder != b.DefaultFolder() {
		where = "into " + folder
	}
	return "Rapport backs up your data on start, once a day, " + where +
		" (Settings changes the folder), and before every upgrade of its format beside your database. " +
		"The last 7 days, 4 weeks and 12 months are kept. Restoring backs up what you have now first."
}

// openBackups shows the backups.
func openBackups(w *Window) *backupsDialog {
	if w.opts.Backups == nil {
		w.showError("Backups", fmt.Errorf("this build of Rapport keeps no backups"))
		return nil
	}
	d := &backupsDialog{w: w, last: widget.NewLabel(""), rows: container.NewVBox()}
	d.last.Wrapping = fyne.TextWrapWord
	d.now = widget.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), func() {
		if _, err := w.opts.Backups.BackupNow(); errors.Is(err, ErrNeedPassphrase) {
			d.askThenBackUp()
			return
		} else if err != nil {
			w.showError("Could not back up", err)
			return
		}
		d.reload()
	})
	d.now.Importance = widget.HighImportance
	note := kit.Quiet(backupsNote(w.opts.Backups))
	closeBtn := widget.NewButton("Close", func() { d.dialog.Hide() })
	top := container.NewVBox(d.last, note, container.NewHBox(d.now))
	rows := container.NewVScroll(d.rows)
	body := container.NewBorder(top, container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil, rows)
	d.dialog = dialog.NewCustomWithoutButtons("Backups", body, w.win)
	d.dialog.Resize(kit.FitWindow(w.win, fyne.NewSize(640, 520)))
	d.reload()
	d.dialog.Show()
	kit.FollowFocus(w.win.Canvas(), rows, d.dialog)
	return d
}

// reload lists the backups again.
func (d *backupsDialog) reload() {
	list, err := d.w.opts.Backups.List()
	if err != nil {
		d.w.showError("Could not list the backups", err)
		return
	}
	d.list = list
	d.restore = nil
	d.rows.Objects = nil
	if len(list) == 0 {
		d.last.SetText("No backup yet.")
	} else {
		d.last.SetText(fmt.Sprintf("Last backup: %s (%s), %s.", list[0].At.Local().Format("Monday 2 January 2006 at 15:04"),
			kit.Ago(list[0].At, d.w.now()), filepath.Dir(list[0].Path)))
	}
	folder := d.w.opts.Backups.Folder() // read from the settings: once, not per row
	for _, b := range list {
		b := b
		text := fmt.Sprintf("%s · %s", b.At.Local().Format("2 Jan 2006 15:04"), sizeText(b.Size))
		if b.Encrypted {
			text += " · encrypted"
		}
		if dir := filepath.Dir(b.Path); dir != folder {
			text += " · " + dir
		}
		if b.Older {
			text += " · older backup, database unknown"
		}
		label := widget.NewLabel(text)
		label.Truncation = fyne.TextTruncateEllipsis
		restore := widget.NewButtonWithIcon("Restore…", theme.ContentUndoIcon(), func() { d.confirmRestore(b) })
		restore.Importance = widget.LowImportance
		d.restore = append(d.restore, restore)
		d.rows.Add(container.NewBorder(nil, nil, nil, restore, label))
	}
	d.rows.Refresh()
}

// confirmRestore asks before restoring b.
func (d *backupsDialog) confirmRestore(b model.BackupFile) {
	w := d.w
	dialog.ShowConfirm("Restore this backup?",
		fmt.Sprintf("Your data goes back to how it was on %s. What you have now is backed up first, so this can be undone by restoring that backup. Rapport starts again on the restored data.",
			b.At.Local().Format("2 January 2006 at 15:04")),
		func(ok bool) {
			if !ok {
				return
			}
			if b.Encrypted {
				d.askThenRestore(b)
				return
			}
			if err := w.opts.Backups.Restore(b.Path); err != nil {
				w.showError("Could not restore the backup; nothing was changed", err)
				return
			}
			w.restart()
		}, w.win)
}

// sizeText says a file size: "840 KB", "12.3 MB".
func sizeText(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", max(1, n>>10))
}
