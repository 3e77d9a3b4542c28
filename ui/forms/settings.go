package forms

import (
	"context"
	"strings"
	"time"

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

// SettingsChoices are what the settings form starts from besides the
// settings themselves: what an empty field stands for, and the look of
// the app, which is kept by the window rather than in the store.
type SettingsChoices struct {
	// SystemZone is the computer's time zone, used when none is set.
	SystemZone *time.Location
	// InvitesFolder is where invites go when no folder is set.
	InvitesFolder string
	// Backups says whether backups are kept, and so whether their folder
	// is offered; BackupFolder is where they go when none is set.
	Backups      bool
	BackupFolder string
	// Looks are the themes offered, Look the one in use; SetLook is called
	// with the one chosen once the settings are saved.
	Looks   []string
	Look    string
	SetLook func(look string)
	// Encrypt, when not nil, is the choice whether backups are encrypted,
	// shown with EncryptHint under the backup folder; whether it is ticked
	// is saved. AfterSave (if any) runs once the settings are saved and
	// returns a sentence to add to what the toast says, or "".
	Encrypt     *widget.Check
	EncryptHint string
	AfterSave   func() string
	// AtLogin, when not nil, is the switch "Start Rapport at login",
	// which the caller reads and applies in AfterSave (it lives in the
	// system, not in the settings).
	AtLogin *widget.Check
}

// SettingsEditor edits the user's settings: who they are on an invite,
// their time zone and the defaults of a new meeting, where invites and
// backups go, and whether Rapport is light or dark.
type SettingsEditor struct {
	Form
	host    Host
	store   SettingsStore
	choices SettingsChoices
	onSaved func()
	encrypt bool // whether backups were encrypted when the form opened

	// The inputs, as the user fills them in.
	Name, Email, Folder, Backups *kit.TextField
	Zone                         *kit.SelectEntry
	Length, Reminder             *kit.Select
	Look                         *widget.RadioGroup
	DigestAt                     *kit.TextField
	WorkingDays, AtLogin         *widget.Check // AtLogin: nil when not offered
}

// IdentityEntries are the fields of the user's name and e-mail, the
// organiser of their invites, holding those of s.
func IdentityEntries(s model.Settings) (name, email *kit.TextField) {
	return kit.Entry(s.UserName, "Your name, as invites show it"), kit.Entry(s.UserEmail, "you@example.com")
}

// EditSettings shows the settings s over host, with what c says; onSaved
// (if any) runs once store has saved them.
func EditSettings(host Host, store SettingsStore, s model.Settings, c SettingsChoices, onSaved func()) *SettingsEditor {
	e := &SettingsEditor{host: host, store: store, choices: c, onSaved: onSaved, encrypt: s.EncryptBackups}
	e.Name, e.Email = IdentityEntries(s)
	e.Zone = kit.NewSelectEntry(commonZones)
	e.Zone.SetPlaceHolder("System: " + zoneName(c.SystemZone))
	e.Zone.SetText(s.TimeZone)
	e.Folder = kit.Entry(s.InvitesFolder, c.InvitesFolder)
	e.Backups = kit.Entry(s.BackupFolder, "")
	if c.Backups {
		e.Backups.SetPlaceHolder(c.BackupFolder)
	}
	e.Length = kit.NewSelect(minuteLabels(meetingLengths, kit.MinutesText), nil)
	e.Length.SetSelected(kit.MinutesText(s.MeetingMinutes))
	e.Reminder = kit.NewSelect(minuteLabels(reminderChoices, kit.ReminderText), nil)
	e.Reminder.SetSelected(kit.ReminderText(s.ReminderMinutes))
	e.DigestAt = kit.Entry(s.Digest().DigestClock(), "08:30")
	e.WorkingDays = widget.NewCheck("Working days only (Monday to Friday)", nil)
	e.WorkingDays.SetChecked(s.DigestWorkingDaysOnly)
	e.AtLogin = c.AtLogin
	e.Look = widget.NewRadioGroup(c.Looks, nil)
	e.Look.Horizontal = true
	e.Look.Required = true
	e.Look.SetSelected(c.Look)
	e.Fields = e.fieldSet()
	e.open(host, "Settings", "Save", fyne.NewSize(640, 860), e.submit)
	host.Window().Canvas().Focus(e.Name)
	return e
}

// fieldSet lays the inputs out in sections, with their labels and hints.
func (e *SettingsEditor) fieldSet() *kit.FieldSet {
	f := kit.NewFieldSet()
	f.Section("You")
	f.Add("your name", "Your name", e.Name, "")
	f.Add("your email", "Your e-mail", e.Email, "Invites you send come from this address. It stays on this computer.")
	f.Section("Meetings")
	f.Add("time zone", "Time zone", e.Zone, "Repeating meetings keep their local time in this zone across daylight-saving changes. Empty: your computer's.")
	f.Add("meeting length", "New meetings last", e.Length, "")
	f.Add("reminder", "Reminder", e.Reminder, "")
	f.Section("Reminders")
	f.Add("digest time", "Morning digest at", e.DigestAt,
		"One notification a day sums up what is overdue or due, today's meetings and gap actions; none when nothing is.")
	f.Add("digest days", "Digest days", e.WorkingDays, "")
	if e.choices.AtLogin != nil {
		f.Add("start at login", "Start at login", e.choices.AtLogin,
			"Rapport starts in the tray when you log in, so reminders arrive while its window is closed.")
	}
	f.Section("Files")
	f.Add("invites folder", "Invites folder", withFolderButton(e.host, e.Folder), "Where calendar files are written. Empty: beside your data.")
	if e.choices.Backups {
		f.Add("backup folder", "Backup folder", withFolderButton(e.host, e.Backups),
			"Where the daily backups go; another disk keeps them safe from this one failing. Empty: beside your data. Backups made before an upgrade always stay beside it.")
		if e.choices.Encrypt != nil {
			f.Add("encrypt backups", "Encryption", e.choices.Encrypt, e.choices.EncryptHint)
		}
	}
	f.Section("Appearance")
	f.Add("appearance", "Theme", e.Look, "Follow the system goes light or dark with your desktop.")
	return f
}

// withFolderButton puts a button that picks a folder with the folder
// dialog beside field, which holds the folder's path.
func withFolderButton(parent Parent, field *kit.TextField) fyne.CanvasObject {
	choose := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				parent.ShowError("Could not choose the folder", err)
				return
			}
			if dir != nil {
				field.SetText(dir.Path())
			}
		}, parent.Window())
	})
	return container.NewBorder(nil, nil, nil, choose, field)
}

// read builds the settings the form describes.
func (e *SettingsEditor) read() model.Settings {
	s := model.DefaultSettings()
	s.UserName = strings.TrimSpace(e.Name.Text)
	s.UserEmail = strings.TrimSpace(e.Email.Text)
	s.TimeZone = strings.TrimSpace(e.Zone.Text)
	s.InvitesFolder = strings.TrimSpace(e.Folder.Text)
	s.BackupFolder = strings.TrimSpace(e.Backups.Text)
	s.EncryptBackups = e.encrypt
	if e.choices.Encrypt != nil {
		s.EncryptBackups = e.choices.Encrypt.Checked
	}
	if n, ok := minutesFromLabel(meetingLengths, kit.MinutesText, e.Length.Selected); ok {
		s.MeetingMinutes = n
	}
	if n, ok := minutesFromLabel(reminderChoices, kit.ReminderText, e.Reminder.Selected); ok {
		s.ReminderMinutes = n
	}
	s.DigestMinute = -1 // not a time: Validate says so
	if at := strings.TrimSpace(e.DigestAt.Text); at == "" {
		s.DigestMinute = model.DefaultDigestSettings().Minute
	} else if m, err := model.ParseDigestClock(at); err == nil {
		s.DigestMinute = m
	}
	s.DigestWorkingDaysOnly = e.WorkingDays.Checked
	return s
}

// submit validates the form and, when everything is right, saves it and
// applies the look chosen.
func (e *SettingsEditor) submit() {
	s := e.read()
	if e.Fields.Show(s.Validate(), nil) {
		return
	}
	if !Saved(e.host, e.Fields, e.store.SaveSettings(context.Background(), s), "Could not save the settings") {
		return
	}
	if e.choices.SetLook != nil {
		e.choices.SetLook(e.Look.Selected)
	}
	e.Dialog.Hide()
	said := "Settings saved."
	if e.choices.AfterSave != nil {
		if more := e.choices.AfterSave(); more != "" {
			said += " " + more
		}
	}
	e.host.Toast(said, nil)
	if e.onSaved != nil {
		e.onSaved()
	}
}
