package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"rapport/model"
)

// settingField ties a key of the setting table to a field of
// model.Settings, text, number or yes/no (stored as 1 or 0).
type settingField struct {
	key    string
	text   *string
	number *int
	flag   *bool
}

// settingFields lists the keys of st's fields in the setting table.
func settingFields(st *model.Settings) []settingField {
	return []settingField{
		{key: "user.name", text: &st.UserName},
		{key: "user.email", text: &st.UserEmail},
		{key: "time_zone", text: &st.TimeZone},
		{key: "invites.folder", text: &st.InvitesFolder},
		{key: "backups.folder", text: &st.BackupFolder},
		{key: "backups.encrypt", flag: &st.EncryptBackups},
		{key: "meeting.minutes", number: &st.MeetingMinutes},
		{key: "meeting.reminder_minutes", number: &st.ReminderMinutes},
		{key: "digest.minute", number: &st.DigestMinute},
		{key: "digest.working_days_only", flag: &st.DigestWorkingDaysOnly},
	}
}

// value is the field's value as stored.
func (f settingField) value() string {
	if f.flag != nil {
		if *f.flag {
			return "1"
		}
		return "0"
	}
	if f.number != nil {
		return strconv.Itoa(*f.number)
	}
	return *f.text
}

// set reads a stored value into the field.
func (f settingField) set(v string) error {
	if f.flag != nil {
		if v != "0" && v != "1" {
			return fmt.Errorf("setting %s: %q is not 0 or 1", f.key, v)
		}
		*f.flag = v == "1"
		return nil
	}
	if f.number == nil {
		*f.text = v
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("setting %s: %q is not a whole number", f.key, v)
	}
	*f.number = n
	return nil
}

// Settings returns the saved settings. A setting never saved has its value
// from model.DefaultSettings; keys this version does not know are ignored.
func (s *Store) Settings(ctx context.Context) (model.Settings, error) {
	return readSettings(ctx, s.db)
}

// readSettings is Settings on q.
func readSettings(ctx context.Context, q querier) (model.Settings, error) {
	stored, err := storedSettings(ctx, q)
	if err != nil {
		return model.Settings{}, fmt.Errorf("read settings: %w", err)
	}
	st := model.DefaultSettings()
	for _, f := range settingFields(&st) {
		if v, ok := stored[f.key]; ok {
			if err := f.set(v); err != nil {
				return model.Settings{}, fmt.Errorf("read settings: %w", err)
			}
		}
	}
	return st, nil
}

// storedSettings reads every row of the setting table.
func storedSettings(ctx context.Context, q querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM setting`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]string)
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SaveSettings validates st and saves every field of it in one
// transaction: either all are saved or none.
func (s *Store) SaveSettings(ctx context.Context, st model.Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, f := range settingFields(&st) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, f.key, f.value()); err != nil {
				return fmt.Errorf("save setting %s: %w", f.key, err)
			}
		}
		return nil
	})
}

// BackupFolderOf reads the backup folder from the settings of the
// database file at path without opening it for writing, so that it works
// on a database Open refuses as damaged: where to look for a backup to
// restore. It returns "" when the settings name no folder or cannot be
// read.
func BackupFolderOf(path string) string {
	db, err := openProbe(path)
	if err != nil {
		return ""
	}
	defer db.Close()
	var folder string
	if err := db.QueryRow(`SELECT value FROM setting WHERE key = 'backups.folder'`).Scan(&folder); err != nil {
		return ""
	}
	return folder
}
