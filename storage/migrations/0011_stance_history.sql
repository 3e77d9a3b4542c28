-- Stance history (issue 22, points 3 and 4): every change of a person's
-- stance or influence, with when and what caused it, every change of
-- their role (title and organisation) a contacts re-import found, and the
-- stance the user is working toward for each member of a role's panel.
-- Numbered 0011: 0009 and 0010 are other changes made at the same time.
--
-- stance_change holds the stance and influence a person had FROM at on:
-- the latest row at or before a day is how they stood on that day, and
-- the latest row of all is what the person row holds now.
CREATE TABLE stance_change (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    at         TEXT    NOT NULL,
    stance     TEXT    NOT NULL
               CHECK (stance IN ('champion','supporter','neutral','skeptic','blocker','unknown')),
    influence  INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    cause      TEXT    NOT NULL
               CHECK (cause IN ('start','added','form','outcome','review','import'))
);
-- A person's page and the map as of a day read one person's rows in order.
CREATE INDEX stance_change_by_person ON stance_change (person_id, at, id);
-- The weekly review reads the changes since a day.
CREATE INDEX stance_change_at ON stance_change (at);

-- Existing people: the history starts with what they hold now. Nothing
-- says when they came to it, so the entry is dated when the person was
-- added, cause 'start' ("known when the history began"): the map as of an
-- earlier day shows everyone who was known then as they stand now.
INSERT INTO stance_change (person_id, at, stance, influence, cause)
    SELECT id, created_at, stance, influence, 'start' FROM person ORDER BY id;

-- A person's role before a change a contacts import found ("was Lead at
-- Northwind"), and what it became, dated when it was imported.
CREATE TABLE role_change (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    at                TEXT    NOT NULL,
    was_title         TEXT    NOT NULL DEFAULT '',
    was_organisation  TEXT    NOT NULL DEFAULT '',
    title             TEXT    NOT NULL DEFAULT '',
    organisation      TEXT    NOT NULL DEFAULT '',
    cause             TEXT    NOT NULL CHECK (cause IN ('import'))
);
CREATE INDEX role_change_by_person ON role_change (person_id, at, id);
CREATE INDEX role_change_at ON role_change (at);

-- The stance the user is working toward with a panel member; '' for none.
ALTER TABLE panel_member ADD COLUMN target_stance TEXT NOT NULL DEFAULT ''
    CHECK (target_stance IN ('','champion','supporter','neutral','skeptic','blocker'));
