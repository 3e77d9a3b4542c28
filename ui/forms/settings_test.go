package forms_test

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit/kittest"
)

// choices are those of a window that keeps backups, its look followed
// from the system; looks records the looks it was asked to take.
func choices(looks *[]string) forms.SettingsChoices {
	return forms.SettingsChoices{SystemZone: london, InvitesFolder: "/data/invites", Backups: true,
		BackupFolder: "/data/backups", Looks: []string{"Follow the system", "Light", "Dark"}, Look: "Follow the system",
		SetLook: func(look string) { *looks = append(*looks, look) }}
}

func TestSettingsFormOpensWithTheSettingsAndSavesThem(t *testing.T) {
	st, h := open(t)
	s := model.DefaultSettings()
	s.UserName, s.MeetingMinutes = "Sam Lee", 60
	var looks []string
	e := forms.EditSettings(h, st, s, choices(&looks), nil)
	onTop(t, h, "Settings")
	for name, pair := range map[string][2]string{
		"name":                {e.Name.Text, "Sam Lee"},
		"length":              {e.Length.Selected, "1 hour"},
		"reminder":            {e.Reminder.Selected, "10 minutes before"},
		"theme":               {e.Look.Selected, "Follow the system"},
		"zone placeholder":    {e.Zone.PlaceHolder, "System: Europe/London"},
		"invites placeholder": {e.Folder.PlaceHolder, "/data/invites"},
		"backups placeholder": {e.Backups.PlaceHolder, "/data/backups"},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s shows %q, want %q", name, pair[0], pair[1])
		}
	}
	e.Email.SetText("sam@example.com")
	e.Zone.SetText("America/New_York")
	e.Length.SetSelected("45 minutes")
	e.Backups.SetText("  /mnt/usb/backups ")
	e.Look.SetSelected("Dark")
	test.Tap(e.Save)
	closed(t, h)
	got, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got.UserName != "Sam Lee" || got.UserEmail != "sam@example.com" || got.TimeZone != "America/New_York" ||
		got.MeetingMinutes != 45 || got.BackupFolder != "/mnt/usb/backups" {
		t.Errorf("settings = %+v", got)
	}
	if !slices.Equal(looks, []string{"Dark"}) || !slices.Equal(h.toasts, []string{"Settings saved."}) {
		t.Errorf("looks taken %q; messages %q", looks, h.toasts)
	}
}

func TestSettingsFormNamesEveryBadFieldAndSavesNothing(t *testing.T) {
	st, h := open(t)
	var looks []string
	e := forms.EditSettings(h, st, model.DefaultSettings(), choices(&looks), nil)
	e.Email.SetText("not an address")
	e.Zone.SetText("Mars/Base")
	e.Backups.SetText("/mnt/usb\nbackups")
	e.Look.SetSelected("Dark")
	test.Tap(e.Save)
	for _, key := range []string{"your email", "time zone", "backup folder"} {
		if e.Problem(key) == "" {
			t.Errorf("no problem shown under %s", key)
		}
	}
	if got, _ := st.Settings(context.Background()); got != model.DefaultSettings() {
		t.Errorf("an invalid form saved %+v", got)
	}
	if len(looks) != 0 {
		t.Errorf("the look changed to %q although nothing was saved", looks)
	}
	onTop(t, h, "Settings")
}

func TestSettingsFormOffersNoBackupFolderWithoutBackups(t *testing.T) {
	st, h := open(t)
	c := choices(new([]string))
	c.Backups, c.BackupFolder = false, ""
	forms.EditSettings(h, st, model.DefaultSettings(), c, nil)
	if top := kittest.TopDialog(h.win); !kittest.Shows(top, "Invites folder") || kittest.Shows(top, "Backup folder") {
		t.Errorf("settings without backups show %q", kittest.Texts(top))
	}
}
