package ui

import (
	"fmt"

	"fyne.io/fyne/v2/widget"
)

// encryptHint explains the choice to encrypt backups in the settings.
const encryptHint = "Rapport asks for a passphrase, twice, and keeps it in your system's keyring (where there is none, it asks again after a restart). " +
	"Without the passphrase an encrypted backup cannot be read; the age tool reads it too. Backups made before stay as they are."

// encryptChoice is the settings' "Encrypt backups in the backup folder":
// ticking it asks for a new passphrase; saving the settings keeps it (or,
// unticked, forgets it).
type encryptChoice struct {
	w          *Window
	check      *widget.Check
	was        bool   // encrypted when the settings were opened
	passphrase string // typed since; "" when none
	asked      *passphraseForm
}

// newEncryptChoice is the choice, ticked when on.
func newEncryptChoice(w *Window, on bool) *encryptChoice {
	c := &encryptChoice{w: w, was: on}
	c.check = widget.NewCheck("Encrypt backups in the backup folder", nil)
	c.check.SetChecked(on)
	c.check.OnChanged = c.changed
	return c
}

// changed asks for a passphrase when the user ticks the choice, and
// unticks it again when they cancel.
func (c *encryptChoice) changed(on bool) {
	if !on {
		c.passphrase = ""
		return
	}
	c.asked = askPassphrase(c.w, "Passphrase for your backups",
		"Type the passphrase to encrypt your backups with, twice. "+forgottenPassphrase,
		true, func(p string) { c.passphrase = p })
	c.asked.onCancel = func() { c.check.SetChecked(false) }
}

// keep hands the passphrase to the backups once the settings are saved,
// or forgets it when encryption was turned off, and says where it is
// kept ("" when nothing changed).
func (c *encryptChoice) keep() string {
	b := c.w.opts.Backups
	switch {
	case b == nil:
		return ""
	case c.check.Checked && c.passphrase != "":
		inKeyring, err := b.SetPassphrase(c.passphrase)
		switch {
		case err != nil:
			c.w.showError("Could not keep the passphrase", err)
			return ""
		case inKeyring:
			return "Backups are encrypted; the passphrase is in your system's keyring."
		}
		return "Backups are encrypted. There is no system keyring: Rapport keeps the passphrase until it closes and asks for it again after a restart."
	case !c.check.Checked && c.was:
		if _, err := b.SetPassphrase(""); err != nil {
			c.w.showError("Could not forget the passphrase", fmt.Errorf("the system keyring: %w", err))
		}
		return "Backups are no longer encrypted."
	}
	return ""
}
