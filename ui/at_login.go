package ui

import (
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Preference keys of the offer to start at login: set once it was
// offered, and the day the window first opened on this computer.
const (
	prefAtLoginOffered = "autostart.offered"
	prefFirstOpened    = "window.firstOpened"
)

// atLoginOfferAfter is how long after the first use starting at login is
// offered: once the user has come back to Rapport.
const atLoginOfferAfter = 7 * 24 * time.Hour

// atLoginCheck is the Settings switch "Start at login", ticked when it is
// on; nil when the window cannot start at login.
func (w *Window) atLoginCheck() *widget.Check {
	if w.opts.AtLogin == nil {
		return nil
	}
	on, err := w.opts.AtLogin.Enabled()
	if err != nil {
		w.showError("Could not tell whether Rapport starts at login", err)
	}
	c := widget.NewCheck("Start Rapport in the tray when I log in", nil)
	c.SetChecked(on)
	w.app.Preferences().SetBool(prefAtLoginOffered, true) // seen: no need to offer it
	return c
}

// applyAtLogin turns starting at login on or off as c says, when it
// changed from was, and says what it did in a sentence for the toast.
func (w *Window) applyAtLogin(c *widget.Check, was bool) string {
	if c == nil || c.Checked == was {
		return ""
	}
	if err := w.opts.AtLogin.SetEnabled(c.Checked); err != nil {
		w.showError("Could not change whether Rapport starts at login", err)
		return ""
	}
	if c.Checked {
		return "Rapport will start in the tray when you log in."
	}
	return "Rapport will no longer start when you log in."
}

// offerAtLogin asks once, after a week of use (a week since the first
// person was added and since the window first opened on this computer),
// whether Rapport should start at login, unless it does already; off
// until the user says yes.
func (w *Window) offerAtLogin() {
	prefs := w.app.Preferences()
	now := w.now()
	opened := prefDay(w.app, prefFirstOpened)
	if opened.IsZero() {
		opened = now
		prefs.SetString(prefFirstOpened, now.Format(time.DateOnly))
	}
	first := w.screens.today.Report().FirstUse
	if w.opts.AtLogin == nil || w.opts.StartInTray || w.welcome != nil || prefs.Bool(prefAtLoginOffered) ||
		first.IsZero() || now.Sub(first) < atLoginOfferAfter || now.Sub(opened) < atLoginOfferAfter {
		return
	}
	if on, err := w.opts.AtLogin.Enabled(); err != nil || on {
		return
	}
	prefs.SetBool(prefAtLoginOffered, true)
	d := dialog.NewCustomConfirm("Reminders while Rapport is closed", "Start at login", "Not now",
		widget.NewLabel("Rapport can start in the tray when you log in, so that the morning digest and\n"+
			"reminders of what is due arrive while its window is closed. Change it in Settings."),
		func(yes bool) {
			if !yes {
				return
			}
			if err := w.opts.AtLogin.SetEnabled(true); err != nil {
				w.showError("Could not make Rapport start at login", err)
				return
			}
			w.Toast("Rapport will start in the tray when you log in.", nil)
		}, w.win)
	d.Show()
}
