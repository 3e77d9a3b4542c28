package ui

import (
	"strings"
	"time"

	"rapport/model"
	"rapport/ui/forms"
)

// What the shared forms (ui/forms) need of the window: the Window is
// their forms.Host (its Fyne window, ShowError, Toast and Now), and the
// shell knows the settings a meeting form starts from and what the
// settings form offers besides the stored settings.

// Now is the current time by the window's clock, for the forms it opens
// (it makes the Window a forms.Host).
func (w *Window) Now() time.Time { return w.now() }

// meetingDefaults are the settings a new meeting starts from, and the
// zone meetings are in.
func (w *Window) meetingDefaults() forms.Defaults {
	s := w.settings()
	return forms.Defaults{Zone: w.zone(s), MeetingMinutes: s.MeetingMinutes, ReminderMinutes: s.ReminderMinutes}
}

// editMeeting opens the meeting form for m (a new meeting when m.ID is
// 0, with m's person and kind already chosen when set), starting from the
// settings' defaults; onSaved runs with what was stored.
func (w *Window) editMeeting(m model.Meeting, onSaved func(model.Meeting)) *forms.MeetingEditor {
	return forms.EditMeeting(w, w.store, m, w.meetingDefaults(), onSaved)
}

// logOutcome opens the outcome form of meeting m with person p, in the
// zone meetings are in; onSaved runs after it saved.
func (w *Window) logOutcome(m model.Meeting, p model.Person, onSaved func()) *forms.OutcomeEditor {
	return forms.LogOutcome(w, w.store, m, p, w.zone(w.settings()), onSaved)
}

// editSettings opens the settings form, with the choice to encrypt the
// backups; onSaved (if any) runs after a save.
func (w *Window) editSettings(onSaved func()) *forms.SettingsEditor {
	s, c := w.settings(), w.settingsChoices()
	enc := newEncryptChoice(w, s.EncryptBackups)
	c.Encrypt, c.EncryptHint = enc.check, encryptHint
	c.AtLogin = w.atLoginCheck()
	wasAtLogin := c.AtLogin != nil && c.AtLogin.Checked
	c.AfterSave = func() string {
		return strings.TrimSpace(enc.keep() + " " + w.applyAtLogin(c.AtLogin, wasAtLogin))
	}
	return forms.EditSettings(w, w.store, s, c, func() {
		if w.reminder != nil {
			w.reminder.reconfigure() // the digest's time may have changed
		}
		if onSaved != nil {
			onSaved()
		}
	})
}

// settingsChoices are what the settings form shows besides the settings:
// the window's defaults and its look.
func (w *Window) settingsChoices() forms.SettingsChoices {
	c := forms.SettingsChoices{SystemZone: w.opts.Zone, InvitesFolder: w.invitesDir(model.Settings{}),
		Backups: w.opts.Backups != nil, Look: savedAppearance(w.app).label()}
	if w.opts.Backups != nil {
		c.BackupFolder = w.opts.Backups.DefaultFolder()
	}
	for _, a := range appearances {
		c.Looks = append(c.Looks, a.label())
	}
	c.SetLook = func(label string) {
		if look := appearanceFromLabel(label); look != savedAppearance(w.app) {
			setAppearance(w.app, look)
		}
	}
	return c
}
