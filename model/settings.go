package model

import (
	"strings"
	"time"
)

// Settings are the user's own details and choices that belong with their
// data: who they are on an invite, the zone recurring meetings keep their
// local time in, where invites are written, and the defaults for a new
// meeting.
type Settings struct {
	// UserName and UserEmail are the user as ORGANIZER of an invite; an
	// invite to another person needs the e-mail address.
	UserName  string
	UserEmail string
	// TimeZone is an IANA zone name such as "Europe/London"; empty means the
	// system's zone.
	TimeZone string
	// InvitesFolder is where invites are written; empty means the default
	// folder beside the database.
	InvitesFolder string
	// BackupFolder is where the daily and on-demand backups are written;
	// empty means the backups folder beside the database.
	BackupFolder string
	// EncryptBackups says the daily and on-demand backups are encrypted
	// with a passphrase (kept outside the database), so that a backup
	// folder on another disk or a synced folder reveals nothing.
	EncryptBackups bool
	// MeetingMinutes is the length of a new meeting.
	MeetingMinutes int
	// ReminderMinutes is the reminder of a new meeting; 0 for none.
	ReminderMinutes int
	// DigestMinute is the time of day of the morning digest, in minutes
	// after midnight, local time (see DigestSettings).
	DigestMinute int
	// DigestWorkingDaysOnly sends the digest Monday to Friday only.
	DigestWorkingDaysOnly bool
}

// DefaultSettings are the settings of a new database.
func DefaultSettings() Settings {
	d := DefaultDigestSettings()
	return Settings{MeetingMinutes: 30, ReminderMinutes: 10, DigestMinute: d.Minute, DigestWorkingDaysOnly: d.WorkingDaysOnly}
}

// Validate reports every field of s that cannot be saved.
func (s Settings) Validate() error {
	c := checker{record: "settings"}
	c.text("your name", s.UserName, MaxShortText)
	c.singleLine("your name", s.UserName)
	c.email("your email", s.UserEmail)
	if s.TimeZone != "" {
		if _, err := time.LoadLocation(s.TimeZone); err != nil || s.TimeZone == "Local" {
			c.add("time zone", "is not a zone name such as Europe/London")
		}
	}
	c.text("invites folder", s.InvitesFolder, 4096)
	c.singleLine("invites folder", s.InvitesFolder)
	c.text("backup folder", s.BackupFolder, 4096)
	c.singleLine("backup folder", s.BackupFolder)
	c.between("meeting length", s.MeetingMinutes, 5, int(MaxMeetingDuration/time.Minute))
	c.between("reminder", s.ReminderMinutes, 0, MaxReminderMinutes)
	if s.DigestMinute < 0 || s.DigestMinute >= 24*60 {
		c.add("digest time", "is not a time of day such as 08:30")
	}
	return c.err()
}

// Zone is the location of TimeZone, or fallback when it is empty or
// unknown.
func (s Settings) Zone(fallback *time.Location) *time.Location {
	if strings.TrimSpace(s.TimeZone) == "" {
		return fallback
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return fallback
	}
	return loc
}

// Digest is when the morning digest is sent.
func (s Settings) Digest() DigestSettings {
	return DigestSettings{Minute: s.DigestMinute, WorkingDaysOnly: s.DigestWorkingDaysOnly}
}
