package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// exportOptions is the small dialog before the save dialog of an export:
// whether to encrypt the file, and with what passphrase (typed twice).
// It keeps its widgets so tests can fill them.
type exportOptions struct {
	encrypt      *widget.Check
	entry, again *widget.Entry
	problem      *widget.Label
	next         *widget.Button
	dialog       dialog.Dialog
}

// encryptedName is the suggested file name and extension of an export:
// name and ext, with ".age" added when a passphrase encrypts it.
func encryptedName(name, ext, passphrase string) (string, string) {
	if passphrase == "" {
		return name, ext
	}
	return name + ".age", ".age"
}

// openExportOptions asks whether to encrypt an export, then runs then
// with the passphrase ("" for none).
func openExportOptions(w *Window, title string, then func(passphrase string)) *exportOptions {
	o := &exportOptions{entry: widget.NewPasswordEntry(), again: widget.NewPasswordEntry(), problem: widget.NewLabel("")}
	o.entry.SetPlaceHolder("Passphrase")
	o.again.SetPlaceHolder("The same passphrase again")
	o.problem.Importance = widget.DangerImportance
	o.problem.Wrapping = fyne.TextWrapWord
	o.problem.Hide()
	o.entry.Disable()
	o.again.Disable()
	o.encrypt = widget.NewCheck("Encrypt with a passphrase", func(on bool) {
		if on {
			o.entry.Enable()
			o.again.Enable()
			w.win.Canvas().Focus(o.entry)
		} else {
			o.entry.Disable()
			o.again.Disable()
			o.problem.Hide()
		}
	})
	o.next = widget.NewButtonWithIcon("Choose where to save…", theme.DocumentSaveIcon(), func() {
		passphrase := ""
		if o.encrypt.Checked {
			if msg := newPassphraseProblem(o.entry.Text, o.again.Text); msg != "" {
				o.problem.SetText(msg)
				o.problem.Show()
				return
			}
			passphrase = o.entry.Text
		}
		o.dialog.Hide()
		then(passphrase)
	})
	o.next.Importance = widget.HighImportance
	o.entry.OnSubmitted = func(string) { w.win.Canvas().Focus(o.again) }
	o.again.OnSubmitted = func(string) { o.next.OnTapped() }
	cancel := widget.NewButton("Cancel", func() { o.dialog.Hide() })
	body := container.NewVBox(
		kit.Quiet("Unencrypted, the file can be read by anyone who gets a copy of it. "+
			"Encrypted (age), it can be read only with the passphrase: by rapport import, or by the age tool. "+forgottenPassphrase),
		o.encrypt, o.entry, o.again, o.problem,
		container.NewHBox(layout.NewSpacer(), cancel, o.next))
	o.dialog = dialog.NewCustomWithoutButtons(title, body, w.win)
	o.dialog.Resize(kit.FitWindow(w.win, fyne.NewSize(500, body.MinSize().Height+60)))
	o.dialog.Show()
	return o
}
