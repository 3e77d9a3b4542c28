package storage

import (
	"path/filepath"
	"strings"
	"testing"

	"rapport/model"
)

func TestSettingsDefaultsOnNewDatabase(t *testing.T) {
	s := mustOpen(t)
	got, err := s.Settings(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if want := model.DefaultSettings(); got != want {
		t.Errorf("Settings() = %+v, want the defaults %+v", got, want)
	}
}

// Each save replaces every setting, empty ones included, and survives
// closing and reopening the file.
func TestSaveSettingsRoundTripAcrossReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	tests := []struct {
		name string
		in   model.Settings
	}{
		{"every field", model.Settings{UserName: "Sam Okafor", UserEmail: "sam@example.com",
			TimeZone: "Europe/London", InvitesFolder: "/home/sam/Invites", BackupFolder: "/mnt/usb/Rapport backups", EncryptBackups: true, MeetingMinutes: 45, ReminderMinutes: 0}},
		{"cleared again", model.Settings{MeetingMinutes: 5, ReminderMinutes: model.MaxReminderMinutes}},
		{"unicode", model.Settings{UserName: "Zoë Ångström", UserEmail: "zoe@example.org",
			TimeZone: "America/New_York", InvitesFolder: `C:\Users\Zoë\Invites`, MeetingMinutes: 720, ReminderMinutes: 15}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SaveSettings(t.Context(), tt.in); err != nil {
				s.Close()
				t.Fatalf("SaveSettings: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			got, err := s.Settings(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.in {
				t.Errorf("after reopening Settings() = %+v, want %+v", got, tt.in)
			}
		})
	}
}

func TestSaveSettingsRefusesInvalidAndChangesNothing(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	saved := model.Settings{UserName: "Sam", UserEmail: "sam@example.com", MeetingMinutes: 30, ReminderMinutes: 10}
	if err := s.SaveSettings(ctx, saved); err != nil {
		t.Fatal(err)
	}
	bad := saved
	bad.UserName = "Someone else"
	bad.UserEmail = "not an email"
	err := s.SaveSettings(ctx, bad)
	if !isValidationError(err) || model.FieldProblem(err, "your email") == "" {
		t.Fatalf("SaveSettings(invalid email) = %v, want a validation error naming the email", err)
	}
	got, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != saved {
		t.Errorf("after a refused save Settings() = %+v, want %+v", got, saved)
	}
}

// A setting stored in a form this version cannot read is an error that
// names it, not a silent default.
func TestSettingsUnreadableNumber(t *testing.T) {
	tests := []struct {
		key, value string
	}{
		{"meeting.minutes", "thirty"},
		{"meeting.reminder_minutes", ""},
		{"meeting.minutes", "30.5"},
		{"backups.encrypt", "yes"},
		{"backups.encrypt", "2"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			s := mustOpen(t)
			if _, err := s.db.ExecContext(t.Context(), `INSERT INTO setting (key, value) VALUES (?, ?)`,
				tt.key, tt.value); err != nil {
				t.Fatal(err)
			}
			_, err := s.Settings(t.Context())
			if err == nil || !strings.Contains(err.Error(), tt.key) {
				t.Errorf("Settings() with %s = %q: error %v, want one naming the key", tt.key, tt.value, err)
			}
		})
	}
}

// Keys the store does not know, say from a later version, are ignored.
func TestSettingsIgnoresUnknownKeys(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.db.ExecContext(t.Context(), `INSERT INTO setting (key, value) VALUES ('future.thing', 'x')`); err != nil {
		t.Fatal(err)
	}
	got, err := s.Settings(t.Context())
	if err != nil || got != model.DefaultSettings() {
		t.Errorf("Settings() = %+v, %v; want the defaults", got, err)
	}
}

// The digest's time and days are kept with the other settings.
func TestSettingsKeepTheDigest(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if got, _ := s.Settings(ctx); got.Digest() != model.DefaultDigestSettings() {
		t.Errorf("a new database's digest = %+v, want %+v", got.Digest(), model.DefaultDigestSettings())
	}
	st := model.DefaultSettings()
	st.DigestMinute, st.DigestWorkingDaysOnly = 17*60+5, false
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Settings(ctx); err != nil || got.Digest() != (model.DigestSettings{Minute: 17*60 + 5}) {
		t.Errorf("Settings().Digest() = %+v, %v", got.Digest(), err)
	}
	st.DigestMinute = 24 * 60
	if err := s.SaveSettings(ctx, st); model.FieldProblem(err, "digest time") == "" {
		t.Errorf("SaveSettings(24:00) = %v, want a problem with the digest time", err)
	}
}
