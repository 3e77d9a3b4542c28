-- The user's settings (model.Settings): one row per key, such as
-- 'user.email' or 'meeting.minutes', its value as text (numbers in decimal).
-- A key with no row takes its default (model.DefaultSettings), so a setting
-- added later needs no migration of its own.
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
