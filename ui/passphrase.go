package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// ErrNeedPassphrase is what Backups.BackupNow returns (wrapped) when the
// backups are to be encrypted and no passphrase is known: the window
// then asks for one. It is model.ErrNeedPassphrase.
var ErrNeedPassphrase = model.ErrNeedPassphrase

// forgottenPassphrase is what every passphrase dialog warns.
const forgottenPassphrase = "Rapport cannot recover a forgotten passphrase: without it, what it encrypts cannot be read."

// passphraseForm asks for a passphrase in a dialog: once to open an
// encrypted file, twice to encrypt one. It keeps its widgets so tests can
// fill them.
type passphraseForm struct {
	entry, again *widget.Entry // again is nil when asked once
	problem      *widget.Label
	ok           *widget.Button
	dialog       dialog.Dialog
	// onCancel, when set, runs when the dialog is cancelled.
	onCancel func()
}

// newPassphraseProblem says what is wrong with a new passphrase p typed
// as p and again, "" when nothing is.
func newPassphraseProblem(p, again string) string {
	switch {
	case p == "":
		return "Type a passphrase."
	case again != p:
		return "The two passphrases differ: type the same one twice."
	}
	return ""
}

// askPassphrase shows a dialog titled title with note above, asking for a
// passphrase, twice when confirm, and runs ok with it.
func askPassphrase(w *Window, title, note string, confirm bool, ok func(passphrase string)) *passphraseForm {
	f := &passphraseForm{entry: widget.NewPasswordEntry(), problem: widget.NewLabel("")}
	f.entry.SetPlaceHolder("Passphrase")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	items := []fyne.CanvasObject{kit.Quiet(note), f.entry}
	if confirm {
		f.again = widget.NewPasswordEntry()
		f.again.SetPlaceHolder("The same passphrase again")
		items = append(items, f.again)
	}
	submit := func() {
		again := f.entry.Text
		if f.again != nil {
			again = f.again.Text
		}
		if msg := newPassphraseProblem(f.entry.Text, again); msg != "" {
			f.problem.SetText(msg)
			f.problem.Show()
			return
		}
		f.dialog.Hide()
		ok(f.entry.Text)
	}
	f.entry.OnSubmitted = func(string) {
		if f.again != nil {
			w.win.Canvas().Focus(f.again)
			return
		}
		submit()
	}
	if f.again != nil {
		f.again.OnSubmitted = func(string) { submit() }
	}
	f.ok = widget.NewButtonWithIcon("OK", theme.ConfirmIcon(), submit)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() {
		f.dialog.Hide()
		if f.onCancel != nil {
			f.onCancel()
		}
	})
	body := container.NewVBox(append(items, f.problem, container.NewHBox(layout.NewSpacer(), cancel, f.ok))...)
	f.dialog = dialog.NewCustomWithoutButtons(title, body, w.win)
	f.dialog.Resize(kit.FitWindow(w.win, fyne.NewSize(460, body.MinSize().Height+60)))
	f.dialog.Show()
	w.win.Canvas().Focus(f.entry)
	return f
}
