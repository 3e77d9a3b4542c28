package ui

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"rapport/model"
	"rapport/ui/kit"
)

// askThenRestore asks for the passphrase of the encrypted backup b and
// restores it; a wrong passphrase changes nothing and says so.
func (d *backupsDialog) askThenRestore(b model.BackupFile) {
	w := d.w
	d.asked = askPassphrase(w, "Passphrase of this backup",
		fmt.Sprintf("The backup of %s is encrypted. Type the passphrase it was made with.", b.At.Local().Format("2 January 2006 at 15:04")),
		false, func(p string) {
			if err := w.opts.Backups.RestoreEncrypted(b.Path, p); err != nil {
				w.showError("Could not restore the backup; nothing was changed", err)
				return
			}
			w.restart()
		})
}

// askThenBackUp asks for the passphrase to encrypt the backups with (the
// settings ask for encryption, and Rapport has none: no keyring, or a
// new start), keeps it, and backs up.
func (d *backupsDialog) askThenBackUp() {
	w := d.w
	d.asked = askPassphrase(w, "Passphrase for your backups",
		"Your backups are encrypted (Settings → Files). Type the passphrase to encrypt them with, twice. "+forgottenPassphrase,
		true, func(p string) {
			if _, err := w.opts.Backups.SetPassphrase(p); err != nil {
				w.showError("Could not keep the passphrase", err)
				return
			}
			if _, err := w.opts.Backups.BackupNow(); err != nil {
				w.showError("Could not back up", err)
				return
			}
			d.reload()
		})
}

// BackupSkipped tells the user that the backup Rapport makes on start was
// not made: the backups are to be encrypted and Rapport has no passphrase
// for them (no system keyring). It offers the Backups, whose Back up now
// asks for one. Rapport says so once a start, never backing up in plain
// text instead.
func (w *Window) BackupSkipped() {
	dialog.ShowCustomConfirm("Today's backup was not made", "Back up now…", "Later",
		kit.Quiet("Your backups are encrypted (Settings → Files), and Rapport has no passphrase for them: "+
			"there is no system keyring to keep it between starts. Back up now and type it, or Rapport asks again next time."),
		func(ok bool) {
			if d := openBackups(w); ok && d != nil {
				d.askThenBackUp()
			}
		}, w.win)
}
