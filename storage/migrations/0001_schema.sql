-- Rapport schema, version 1. Shipped: never edit this file; add 0002_*.sql.
-- Times are RFC 3339 UTC text with milliseconds (2026-11-23T09:30:00.000Z);
-- days without a time are YYYY-MM-DD. Enumerations are stored as their codes.

PRAGMA application_id = 1380012112; -- 'RAPP': marks the file as Rapport's

CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (name <> ''),
    title         TEXT    NOT NULL DEFAULT '',
    team          TEXT    NOT NULL DEFAULT '',
    organisation  TEXT    NOT NULL DEFAULT '',
    email         TEXT    NOT NULL DEFAULT '',
    phone         TEXT    NOT NULL DEFAULT '',
    relation      TEXT    NOT NULL DEFAULT 'other',
    influence     INTEGER NOT NULL DEFAULT 3 CHECK (influence BETWEEN 1 AND 5),
    stance        TEXT    NOT NULL DEFAULT 'unknown'
                  CHECK (stance IN ('champion','supporter','neutral','skeptic','blocker','unknown')),
    cadence_days  INTEGER NOT NULL DEFAULT 30 CHECK (cadence_days >= 0),
    working_on    TEXT    NOT NULL DEFAULT '',
    needs         TEXT    NOT NULL DEFAULT '',
    notes         TEXT    NOT NULL DEFAULT '',
    first_met     TEXT,
    -- The latest interaction time with this person, future ones included:
    -- kept by the store in the transaction that writes interactions, so the
    -- people list need not search every person's interactions.
    last_at       TEXT,
    archived_at   TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
-- The people list: active or archived, by name as the user reads it.
CREATE INDEX person_by_name ON person (archived_at, name COLLATE NOCASE);

CREATE TABLE tie (
    id          INTEGER PRIMARY KEY,
    from_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    to_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('reports_to','influences','close_to','at_odds_with')),
    note        TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    CHECK (from_id <> to_id),
    UNIQUE (from_id, to_id, kind)
);
CREATE INDEX tie_to ON tie (to_id);

CREATE TABLE interaction (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    at          TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX interaction_at ON interaction (at);

-- Who took part in an interaction. The interaction's time is repeated here
-- so that "last contact per person" reads one index, not every interaction.
CREATE TABLE interaction_person (
    interaction_id  INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    at              TEXT    NOT NULL,
    PRIMARY KEY (interaction_id, person_id)
) WITHOUT ROWID;
CREATE INDEX interaction_person_by_person ON interaction_person (person_id, at);

CREATE TABLE meeting (
    id                INTEGER PRIMARY KEY,
    uid               TEXT    NOT NULL UNIQUE,
    person_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL,
    start_at          TEXT    NOT NULL,
    duration_minutes  INTEGER NOT NULL CHECK (duration_minutes > 0),
    location          TEXT    NOT NULL DEFAULT '',
    agenda            TEXT    NOT NULL DEFAULT '',
    recurrence        TEXT    NOT NULL DEFAULT '',
    reminder_minutes  INTEGER NOT NULL DEFAULT 0,
    sequence          INTEGER NOT NULL DEFAULT 0,
    status            TEXT    NOT NULL DEFAULT 'planned',
    outcome_id        INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX meeting_start ON meeting (start_at);
CREATE INDEX meeting_person ON meeting (person_id);

CREATE TABLE promise (
    id              INTEGER PRIMARY KEY,
    direction       TEXT    NOT NULL CHECK (direction IN ('mine','theirs')),
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    what            TEXT    NOT NULL CHECK (what <> ''),
    made_on         TEXT    NOT NULL,
    due_on          TEXT,
    status          TEXT    NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open','kept','kept_late','broken','renegotiated','released')),
    resolved_on     TEXT,
    meeting_id      INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    interaction_id  INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    notes           TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX promise_person ON promise (person_id);
CREATE INDEX promise_pending ON promise (status, due_on);

-- The history of a promise: each change of status or due date.
CREATE TABLE promise_change (
    id           INTEGER PRIMARY KEY,
    promise_id   INTEGER NOT NULL REFERENCES promise (id) ON DELETE CASCADE,
    at           TEXT    NOT NULL,
    from_status  TEXT    NOT NULL,
    to_status    TEXT    NOT NULL,
    old_due_on   TEXT,
    new_due_on   TEXT,
    note         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX promise_change_promise ON promise_change (promise_id);

CREATE TABLE role (
    id           INTEGER PRIMARY KEY,
    title        TEXT    NOT NULL CHECK (title <> ''),
    horizon      TEXT    NOT NULL CHECK (horizon IN ('next','after_next')),
    target_date  TEXT,
    why          TEXT    NOT NULL DEFAULT '',
    focus        INTEGER NOT NULL DEFAULT 0 CHECK (focus IN (0, 1)),
    archived_at  TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX role_one_focus ON role (focus) WHERE focus = 1;

CREATE TABLE requirement (
    id             INTEGER PRIMARY KEY,
    role_id        INTEGER NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL,
    title          TEXT    NOT NULL CHECK (title <> ''),
    target_level   INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),
    current_level  INTEGER NOT NULL DEFAULT 0 CHECK (current_level BETWEEN 0 AND 5),
    manager_level  INTEGER NOT NULL DEFAULT 0 CHECK (manager_level BETWEEN 0 AND 5),
    importance     INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),
    evidence       TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX requirement_role ON requirement (role_id);

-- The people best placed to advise on a requirement's gap.
CREATE TABLE requirement_advisor (
    requirement_id  INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (requirement_id, person_id)
) WITHOUT ROWID;
CREATE INDEX requirement_advisor_person ON requirement_advisor (person_id);

CREATE TABLE action (
    id              INTEGER PRIMARY KEY,
    requirement_id  INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    title           TEXT    NOT NULL CHECK (title <> ''),
    due_on          TEXT,
    status          TEXT    NOT NULL DEFAULT 'planned',
    done_on         TEXT,
    notes           TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX action_requirement ON action (requirement_id);

CREATE TABLE disclosure (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    topic        TEXT    NOT NULL CHECK (topic <> ''),
    sensitivity  TEXT    NOT NULL CHECK (sensitivity IN ('low','medium','high')),
    shared_on    TEXT    NOT NULL,
    notes        TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX disclosure_person ON disclosure (person_id);
