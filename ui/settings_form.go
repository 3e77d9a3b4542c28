package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// commonZones are offered in the time zone field; any IANA name can be
// typed.
var commonZones = []string{
	"Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
	"Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Istanbul",
	"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto",
	"America/Sao_Paulo", "America/Mexico_City", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore",
	"Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland", "Africa/Johannesburg", "UTC",
}

// settingsEditor edits the user's settings: who they are on an invite,
// their time zone and the defaults of a new meeting, where invites and
// backups go, and whether Rapport is light or dark.
type settingsEditor struct {
	w       *Window
	onSaved func()

	name     *widget.Entry
	email    *widget.Entry
	zone     *widget.SelectEntry
	folder   *widget.Entry
	backups  *widget.Entry
	encrypt  *encryptChoice
	length   *widget.Select
	reminder *widget.Select
	look     *widget.RadioGroup
	fields   *kit.FieldSet
	save     *widget.Button
	dialog   dialog.Dialog
}

// identityEntries are the fields of the user's name and e-mail, the
// organiser of their invites, holding those of s.
func identityEntries(s model.Settings) (name, email *widget.Entry) {
	name = widget.NewEntry()
	name.SetPlaceHolder("Your name, as invites show it")
	name.SetText(s.UserName)
	email = widget.NewEntry()
	email.SetPlaceHolder("you@example.com")
	email.SetText(s.UserEmail)
	return name, email
}

// openSettingsEditor opens the settings; onSaved (if any) runs after a
// save.
func openSettingsEditor(w *Window, onSaved func()) *settingsEditor {
	s := w.settings()
	e := &settingsEditor{w: w, onSaved: onSaved}
	e.name, e.email = identityEntries(s)
	e.zone = widget.NewSelectEntry(commonZones)
	e.zone.SetPlaceHolder("System: " + zoneName(w.opts.Zone))
	e.zone.SetText(s.TimeZone)
	e.folder = widget.NewEntry()
	e.folder.SetPlaceHolder(w.invitesDir(model.Settings{}))
	e.folder.SetText(s.InvitesFolder)
	e.backups = widget.NewEntry()
	e.backups.SetText(s.BackupFolder)
	if w.opts.Backups != nil {
		e.backups.SetPlaceHolder(w.opts.Backups.DefaultFolder())
	}
	e.encrypt = newEncryptChoice(w, s.EncryptBackups)
	e.length = widget.NewSelect(minuteLabels(meetingLengths, minutesText), nil)
	e.length.SetSelected(minutesText(s.MeetingMinutes))
	e.reminder = widget.NewSelect(minuteLabels(reminderChoices, reminderText), nil)
	e.reminder.SetSelected(reminderText(s.ReminderMinutes))
	var looks []string
	for _, a := range appearances {
		looks = append(looks, a.label())
	}
	e.look = widget.NewRadioGroup(looks, nil)
	e.look.Horizontal = true
	e.look.Required = true
	e.look.SetSelected(savedAppearance(w.app).label())

	f := kit.NewFieldSet()
	f.Section("You")
	f.Add("your name", "Your name", e.name, "")
	f.Add("your email", "Your e-mail", e.email, "Invites you send come from this address. It stays on this computer.")
	f.Section("Meetings")
	f.Add("time zone", "Time zone", e.zone, "Repeating meetings keep their local time in this zone across daylight-saving changes. Empty: your computer's.")
	f.Add("meeting length", "New meetings last", e.length, "")
	f.Add("reminder", "Reminder", e.reminder, "")
	f.Section("Files")
	f.Add("invites folder", "Invites folder", withFolderButton(w, e.folder), "Where calendar files are written. Empty: beside your data.")
	if w.opts.Backups != nil {
		f.Add("backup folder", "Backup folder", withFolderButton(w, e.backups),
			"Where the daily backups go; another disk keeps them safe from this one failing. Empty: beside your data. Backups made before an upgrade always stay beside it.")
		f.Add("encrypt backups", "Encryption", e.encrypt.check, encryptHint)
	}
	f.Section("Appearance")
	f.Add("appearance", "Theme", e.look, "Follow the system goes light or dark with your desktop.")
	e.fields = f

	e.dialog, e.save = openForm(w, f, "Settings", "Save", fyne.NewSize(640, 600), e.submit)
	w.win.Canvas().Focus(e.name)
	w.currentSettingsEditor = e
	return e
}

// withFolderButton puts a button that picks a folder with the folder
// dialog beside entry, which holds the folder's path.
func withFolderButton(w *Window, entry *widget.Entry) fyne.CanvasObject {
	choose := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				w.showError("Could not choose the folder", err)
				return
			}
			if dir != nil {
				entry.SetText(dir.Path())
			}
		}, w.win)
	})
	return container.NewBorder(nil, nil, nil, choose, entry)
}

// read builds the settings the form describes.
func (e *settingsEditor) read() model.Settings {
	s := model.DefaultSettings()
	s.UserName = strings.TrimSpace(e.name.Text)
	s.UserEmail = strings.TrimSpace(e.email.Text)
	s.TimeZone = strings.TrimSpace(e.zone.Text)
	s.InvitesFolder = strings.TrimSpace(e.folder.Text)
	s.BackupFolder = strings.TrimSpace(e.backups.Text)
	s.EncryptBackups = e.encrypt.check.Checked
	if n, ok := minutesFromLabel(meetingLengths, minutesText, e.length.Selected); ok {
		s.MeetingMinutes = n
	}
	if n, ok := minutesFromLabel(reminderChoices, reminderText, e.reminder.Selected); ok {
		s.ReminderMinutes = n
	}
	return s
}

func (e *settingsEditor) submit() {
	s := e.read()
	if e.fields.Show(s.Validate(), nil) {
		return
	}
	if !saved(e.w, e.fields, e.w.store.SaveSettings(context.Background(), s), "Could not save the settings") {
		return
	}
	saved := "Settings saved."
	if kept := e.encrypt.keep(); kept != "" {
		saved += " " + kept
	}
	if look := appearanceFromLabel(e.look.Selected); look != savedAppearance(e.w.app) {
		setAppearance(e.w.app, look)
	}
	e.dialog.Hide()
	if e.w.currentSettingsEditor == e {
		e.w.currentSettingsEditor = nil
	}
	e.w.toast.show(saved, nil)
	if e.onSaved != nil {
		e.onSaved()
	}
}
