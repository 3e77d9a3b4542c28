-- Cadence set: whether the user chose a person's keep-in-touch cadence
-- (issue 19, point 7). Every person used to get the 30-day default, and a
-- person never contacted whose cadence was set stays quiet while one
-- whose cadence is only the default does not become "overdue" until the
-- first contact; now someone whose cadence the user chose and who was
-- never contacted is overdue counted from when they were added.
--
-- Existing rows: a cadence other than the 30-day default can only have
-- been typed by the user (or given by the sample network, which stands
-- for a user's data), so it counts as set; a cadence of exactly 30 days
-- cannot be told apart from the default and counts as the default, which
-- changes nothing for anyone already contacted and keeps people never
-- contacted quiet, as they were.
ALTER TABLE person ADD COLUMN cadence_set INTEGER NOT NULL DEFAULT 0 CHECK (cadence_set IN (0, 1));
UPDATE person SET cadence_set = 1 WHERE cadence_days <> 30;
