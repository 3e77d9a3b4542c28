-- Checks: the schema now says what the app has always kept to, so that no
-- restore, hand edit or older bug can put into the database a value that
-- breaks the app (issue 18, fault 4). Every ID is 1 or more; every
-- enumeration holds one of its codes (model/enum.go); text columns hold
-- text (never a blob), number columns whole numbers in the ranges the
-- forms allow, and settings text. Times are checked by the store and by restores (their form
-- cannot be normalised without inventing a time).
--
-- SQLite cannot add a CHECK to a table: each table is rebuilt (create the
-- new table, copy, drop the old, rename, recreate its indexes; SQLite's
-- "making other kinds of table schema changes"). The store runs this with
-- foreign keys off, so dropping a parent table deletes nothing, and runs
-- PRAGMA foreign_key_check before committing. Column order is unchanged.
--
-- A database that holds values the checks refuse (only a restore before
-- this version could have put them there) still opens: the copy
-- normalises them, and the backup Open makes before migrating keeps them
-- as they were:
--   an unknown relation, interaction kind or promise-change status
--     becomes 'other' (relation, kind) or 'open' (status); an unknown
--     meeting kind 'coffee', recurrence '' (one-off), meeting status
--     'planned', requirement kind 'skill', action kind 'course', action
--     status 'planned';
--   a number out of range is brought to the nearest end of the range
--     (a cadence of 9999 days becomes 3650), a number that is not a whole
--     number becomes the column's default;
--   a blob or number in a text column becomes text; an empty required
--     text (a name, title or what) becomes '?', an empty meeting UID
--     'restored-ID@rapport';
--   an ID below 1 becomes the next free ID, and every reference to it
--     follows.
-- Enumerations that already had a CHECK (stance, tie kind, direction,
-- promise status, horizon, sensitivity, opportunity kind and outcome)
-- cannot hold an unknown code, and keep theirs.


-- IDs below 1 get new IDs after the largest, and every reference follows.
CREATE TEMP TABLE renumber (tbl TEXT NOT NULL, old_id INTEGER NOT NULL, new_id INTEGER NOT NULL, PRIMARY KEY (tbl, old_id));
INSERT INTO renumber SELECT 'person', id, max(0, (SELECT coalesce(max(id), 0) FROM person)) + row_number() OVER (ORDER BY id DESC)
    FROM person WHERE id < 1;
INSERT INTO renumber SELECT 'tie', id, max(0, (SELECT coalesce(max(id), 0) FROM tie)) + row_number() OVER (ORDER BY id DESC)
    FROM tie WHERE id < 1;
INSERT INTO renumber SELECT 'interaction', id, max(0, (SELECT coalesce(max(id), 0) FROM interaction)) + row_number() OVER (ORDER BY id DESC)
    FROM interaction WHERE id < 1;
INSERT INTO renumber SELECT 'meeting', id, max(0, (SELECT coalesce(max(id), 0) FROM meeting)) + row_number() OVER (ORDER BY id DESC)
    FROM meeting WHERE id < 1;
INSERT INTO renumber SELECT 'promise', id, max(0, (SELECT coalesce(max(id), 0) FROM promise)) + row_number() OVER (ORDER BY id DESC)
    FROM promise WHERE id < 1;
INSERT INTO renumber SELECT 'promise_change', id, max(0, (SELECT coalesce(max(id), 0) FROM promise_change)) + row_number() OVER (ORDER BY id DESC)
    FROM promise_change WHERE id < 1;
INSERT INTO renumber SELECT 'role', id, max(0, (SELECT coalesce(max(id), 0) FROM role)) + row_number() OVER (ORDER BY id DESC)
    FROM role WHERE id < 1;
INSERT INTO renumber SELECT 'requirement', id, max(0, (SELECT coalesce(max(id), 0) FROM requirement)) + row_number() OVER (ORDER BY id DESC)
    FROM requirement WHERE id < 1;
INSERT INTO renumber SELECT 'action', id, max(0, (SELECT coalesce(max(id), 0) FROM action)) + row_number() OVER (ORDER BY id DESC)
    FROM action WHERE id < 1;
INSERT INTO renumber SELECT 'disclosure', id, max(0, (SELECT coalesce(max(id), 0) FROM disclosure)) + row_number() OVER (ORDER BY id DESC)
    FROM disclosure WHERE id < 1;
INSERT INTO renumber SELECT 'requirement_level', id, max(0, (SELECT coalesce(max(id), 0) FROM requirement_level)) + row_number() OVER (ORDER BY id DESC)
    FROM requirement_level WHERE id < 1;
INSERT INTO renumber SELECT 'opportunity', id, max(0, (SELECT coalesce(max(id), 0) FROM opportunity)) + row_number() OVER (ORDER BY id DESC)
    FROM opportunity WHERE id < 1;

-- person
CREATE TABLE person_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    name TEXT NOT NULL CHECK (typeof(name) = 'text' AND name <> ''),
    title TEXT NOT NULL DEFAULT '' CHECK (typeof(title) = 'text'),
    team TEXT NOT NULL DEFAULT '' CHECK (typeof(team) = 'text'),
    organisation TEXT NOT NULL DEFAULT '' CHECK (typeof(organisation) = 'text'),
    email TEXT NOT NULL DEFAULT '' CHECK (typeof(email) = 'text'),
    phone TEXT NOT NULL DEFAULT '' CHECK (typeof(phone) = 'text'),
    relation TEXT NOT NULL DEFAULT 'other' CHECK (relation IN ('manager','skip_level','peer','team_mate','direct_report','leader','mentor','sponsor','client','external','other')),
    influence INTEGER NOT NULL DEFAULT 3 CHECK (typeof(influence) = 'integer' AND influence BETWEEN 1 AND 5),
    stance TEXT NOT NULL DEFAULT 'unknown' CHECK (stance IN ('champion','supporter','neutral','skeptic','blocker','unknown')),
    cadence_days INTEGER NOT NULL DEFAULT 30 CHECK (typeof(cadence_days) = 'integer' AND cadence_days BETWEEN 0 AND 3650),
    working_on TEXT NOT NULL DEFAULT '' CHECK (typeof(working_on) = 'text'),
    needs TEXT NOT NULL DEFAULT '' CHECK (typeof(needs) = 'text'),
    notes TEXT NOT NULL DEFAULT '' CHECK (typeof(notes) = 'text'),
    first_met TEXT CHECK (typeof(first_met) IN ('text', 'null')),
    last_at TEXT CHECK (typeof(last_at) IN ('text', 'null')),
    archived_at TEXT CHECK (typeof(archived_at) IN ('text', 'null')),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text'),
    credit_folded REAL NOT NULL DEFAULT 0 CHECK (typeof(credit_folded) = 'real'),
    credit_next TEXT CHECK (typeof(credit_next) IN ('text', 'null')),
    credits_version INTEGER NOT NULL DEFAULT 0 CHECK (typeof(credits_version) = 'integer' AND credits_version >= 0),
    thanked_at TEXT CHECK (typeof(thanked_at) IN ('text', 'null'))
);
INSERT INTO person_new (id, name, title, team, organisation, email, phone, relation, influence, stance, cadence_days, working_on, needs, notes, first_met, last_at, archived_at, created_at, updated_at, credit_folded, credit_next, credits_version, thanked_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = id), id),
        coalesce(nullif(CAST(name AS TEXT), ''), '?'),
        coalesce(CAST(title AS TEXT), ''),
        coalesce(CAST(team AS TEXT), ''),
        coalesce(CAST(organisation AS TEXT), ''),
        coalesce(CAST(email AS TEXT), ''),
        coalesce(CAST(phone AS TEXT), ''),
        CASE WHEN relation IN ('manager','skip_level','peer','team_mate','direct_report','leader','mentor','sponsor','client','external','other') THEN relation ELSE 'other' END,
        CASE WHEN typeof(influence) = 'integer' THEN max(1, min(5, influence)) ELSE 3 END,
        CASE WHEN stance IN ('champion','supporter','neutral','skeptic','blocker','unknown') THEN stance ELSE 'unknown' END,
        CASE WHEN typeof(cadence_days) = 'integer' THEN max(0, min(3650, cadence_days)) ELSE 30 END,
        coalesce(CAST(working_on AS TEXT), ''),
        coalesce(CAST(needs AS TEXT), ''),
        coalesce(CAST(notes AS TEXT), ''),
        CAST(first_met AS TEXT),
        CAST(last_at AS TEXT),
        CAST(archived_at AS TEXT),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), ''),
        CASE WHEN typeof(credit_folded) IN ('real', 'integer') THEN credit_folded ELSE 0.0 END,
        CAST(credit_next AS TEXT),
        CASE WHEN typeof(credits_version) = 'integer' THEN max(0, credits_version) ELSE 0 END,
        CAST(thanked_at AS TEXT)
    FROM person;
DROP TABLE person;
ALTER TABLE person_new RENAME TO person;
CREATE INDEX person_by_name ON person (archived_at, name COLLATE NOCASE);
CREATE INDEX person_today ON person (archived_at, id, name, relation, influence,
    stance, cadence_days, credit_folded, credit_next, last_at, thanked_at);

-- tie
CREATE TABLE tie_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    from_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    to_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('reports_to','influences','close_to','at_odds_with')),
    note TEXT NOT NULL DEFAULT '' CHECK (typeof(note) = 'text'),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text'),
    CHECK (from_id <> to_id),
    UNIQUE (from_id, to_id, kind)
);
INSERT INTO tie_new (id, from_id, to_id, kind, note, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'tie' AND old_id = id), id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = from_id), from_id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = to_id), to_id),
        kind,
        coalesce(CAST(note AS TEXT), ''),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM tie;
DROP TABLE tie;
ALTER TABLE tie_new RENAME TO tie;
CREATE INDEX tie_to ON tie (to_id);

-- interaction
CREATE TABLE interaction_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    kind TEXT NOT NULL CHECK (kind IN ('coffee','one_on_one','exploratory','help_offered','help_given','help_received','thanks_private','thanks_public','introduction','ask','feedback','lunch','message','other')),
    at TEXT NOT NULL CHECK (typeof(at) = 'text'),
    summary TEXT NOT NULL DEFAULT '' CHECK (typeof(summary) = 'text'),
    notes TEXT NOT NULL DEFAULT '' CHECK (typeof(notes) = 'text'),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text')
);
INSERT INTO interaction_new (id, kind, at, summary, notes, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'interaction' AND old_id = id), id),
        CASE WHEN kind IN ('coffee','one_on_one','exploratory','help_offered','help_given','help_received','thanks_private','thanks_public','introduction','ask','feedback','lunch','message','other') THEN kind ELSE 'other' END,
        coalesce(CAST(at AS TEXT), ''),
        coalesce(CAST(summary AS TEXT), ''),
        coalesce(CAST(notes AS TEXT), ''),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM interaction;
DROP TABLE interaction;
ALTER TABLE interaction_new RENAME TO interaction;
CREATE INDEX interaction_at ON interaction (at);
CREATE INDEX interaction_kind_at ON interaction (kind, at);

-- meeting
CREATE TABLE meeting_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    uid TEXT NOT NULL CHECK (typeof(uid) = 'text' AND uid <> ''),
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('coffee','one_on_one','exploratory','lunch')),
    start_at TEXT NOT NULL CHECK (typeof(start_at) = 'text'),
    duration_minutes INTEGER NOT NULL CHECK (typeof(duration_minutes) = 'integer' AND duration_minutes BETWEEN 1 AND 720),
    location TEXT NOT NULL DEFAULT '' CHECK (typeof(location) = 'text'),
    agenda TEXT NOT NULL DEFAULT '' CHECK (typeof(agenda) = 'text'),
    recurrence TEXT NOT NULL DEFAULT '' CHECK (recurrence IN ('','weekly','biweekly','monthly')),
    reminder_minutes INTEGER NOT NULL DEFAULT 0 CHECK (typeof(reminder_minutes) = 'integer' AND reminder_minutes BETWEEN 0 AND 10080),
    sequence INTEGER NOT NULL DEFAULT 0 CHECK (typeof(sequence) = 'integer' AND sequence >= 0),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','canceled')),
    outcome_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text'),
    UNIQUE (uid)
);
INSERT INTO meeting_new (id, uid, person_id, kind, start_at, duration_minutes, location, agenda, recurrence, reminder_minutes, sequence, status, outcome_id, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'meeting' AND old_id = id), id),
        coalesce(nullif(CAST(uid AS TEXT), ''), 'restored-' || id || '@rapport'),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = person_id), person_id),
        CASE WHEN kind IN ('coffee','one_on_one','exploratory','lunch') THEN kind ELSE 'coffee' END,
        coalesce(CAST(start_at AS TEXT), ''),
        CASE WHEN typeof(duration_minutes) = 'integer' THEN max(1, min(720, duration_minutes)) ELSE 30 END,
        coalesce(CAST(location AS TEXT), ''),
        coalesce(CAST(agenda AS TEXT), ''),
        CASE WHEN recurrence IN ('','weekly','biweekly','monthly') THEN recurrence ELSE '' END,
        CASE WHEN typeof(reminder_minutes) = 'integer' THEN max(0, min(10080, reminder_minutes)) ELSE 0 END,
        CASE WHEN typeof(sequence) = 'integer' THEN max(0, sequence) ELSE 0 END,
        CASE WHEN status IN ('planned','held','canceled') THEN status ELSE 'planned' END,
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'interaction' AND old_id = outcome_id), outcome_id),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM meeting;
DROP TABLE meeting;
ALTER TABLE meeting_new RENAME TO meeting;
CREATE INDEX meeting_start ON meeting (start_at);
CREATE INDEX meeting_person ON meeting (person_id);

-- promise
CREATE TABLE promise_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    direction TEXT NOT NULL CHECK (direction IN ('mine','theirs')),
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    what TEXT NOT NULL CHECK (typeof(what) = 'text' AND what <> ''),
    made_on TEXT NOT NULL CHECK (typeof(made_on) = 'text'),
    due_on TEXT CHECK (typeof(due_on) IN ('text', 'null')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','kept_late','broken','renegotiated','released')),
    resolved_on TEXT CHECK (typeof(resolved_on) IN ('text', 'null')),
    meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '' CHECK (typeof(notes) = 'text'),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text')
);
INSERT INTO promise_new (id, direction, person_id, what, made_on, due_on, status, resolved_on, meeting_id, interaction_id, notes, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'promise' AND old_id = id), id),
        direction,
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = person_id), person_id),
        coalesce(nullif(CAST(what AS TEXT), ''), '?'),
        coalesce(CAST(made_on AS TEXT), ''),
        CAST(due_on AS TEXT),
        status,
        CAST(resolved_on AS TEXT),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'meeting' AND old_id = meeting_id), meeting_id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'interaction' AND old_id = interaction_id), interaction_id),
        coalesce(CAST(notes AS TEXT), ''),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM promise;
DROP TABLE promise;
ALTER TABLE promise_new RENAME TO promise;
CREATE INDEX promise_person ON promise (person_id);
CREATE INDEX promise_pending ON promise (status, due_on);
CREATE INDEX promise_direction_status ON promise (direction, status);

-- promise_change
CREATE TABLE promise_change_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    promise_id INTEGER NOT NULL REFERENCES promise (id) ON DELETE CASCADE,
    at TEXT NOT NULL CHECK (typeof(at) = 'text'),
    from_status TEXT NOT NULL CHECK (from_status IN ('open','kept','kept_late','broken','renegotiated','released')),
    to_status TEXT NOT NULL CHECK (to_status IN ('open','kept','kept_late','broken','renegotiated','released')),
    old_due_on TEXT CHECK (typeof(old_due_on) IN ('text', 'null')),
    new_due_on TEXT CHECK (typeof(new_due_on) IN ('text', 'null')),
    note TEXT NOT NULL DEFAULT '' CHECK (typeof(note) = 'text')
);
INSERT INTO promise_change_new (id, promise_id, at, from_status, to_status, old_due_on, new_due_on, note)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'promise_change' AND old_id = id), id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'promise' AND old_id = promise_id), promise_id),
        coalesce(CAST(at AS TEXT), ''),
        CASE WHEN from_status IN ('open','kept','kept_late','broken','renegotiated','released') THEN from_status ELSE 'open' END,
        CASE WHEN to_status IN ('open','kept','kept_late','broken','renegotiated','released') THEN to_status ELSE 'open' END,
        CAST(old_due_on AS TEXT),
        CAST(new_due_on AS TEXT),
        coalesce(CAST(note AS TEXT), '')
    FROM promise_change;
DROP TABLE promise_change;
ALTER TABLE promise_change_new RENAME TO promise_change;
CREATE INDEX promise_change_promise ON promise_change (promise_id);

-- role
CREATE TABLE role_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    title TEXT NOT NULL CHECK (typeof(title) = 'text' AND title <> ''),
    horizon TEXT NOT NULL CHECK (horizon IN ('next','after_next')),
    target_date TEXT CHECK (typeof(target_date) IN ('text', 'null')),
    why TEXT NOT NULL DEFAULT '' CHECK (typeof(why) = 'text'),
    focus INTEGER NOT NULL DEFAULT 0 CHECK (typeof(focus) = 'integer' AND focus BETWEEN 0 AND 1),
    archived_at TEXT CHECK (typeof(archived_at) IN ('text', 'null')),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text')
);
INSERT INTO role_new (id, title, horizon, target_date, why, focus, archived_at, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'role' AND old_id = id), id),
        coalesce(nullif(CAST(title AS TEXT), ''), '?'),
        horizon,
        CAST(target_date AS TEXT),
        coalesce(CAST(why AS TEXT), ''),
        CASE WHEN typeof(focus) = 'integer' THEN max(0, min(1, focus)) ELSE 0 END,
        CAST(archived_at AS TEXT),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM role;
DROP TABLE role;
ALTER TABLE role_new RENAME TO role;
CREATE UNIQUE INDEX role_one_focus ON role (focus) WHERE focus = 1;

-- requirement
CREATE TABLE requirement_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    role_id INTEGER NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('skill','experience','visibility','certification','relationship')),
    title TEXT NOT NULL CHECK (typeof(title) = 'text' AND title <> ''),
    target_level INTEGER NOT NULL CHECK (typeof(target_level) = 'integer' AND target_level BETWEEN 1 AND 5),
    current_level INTEGER NOT NULL DEFAULT 0 CHECK (typeof(current_level) = 'integer' AND current_level BETWEEN 0 AND 5),
    manager_level INTEGER NOT NULL DEFAULT 0 CHECK (typeof(manager_level) = 'integer' AND manager_level BETWEEN 0 AND 5),
    importance INTEGER NOT NULL DEFAULT 3 CHECK (typeof(importance) = 'integer' AND importance BETWEEN 1 AND 5),
    evidence TEXT NOT NULL DEFAULT '' CHECK (typeof(evidence) = 'text'),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text')
);
INSERT INTO requirement_new (id, role_id, kind, title, target_level, current_level, manager_level, importance, evidence, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'requirement' AND old_id = id), id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'role' AND old_id = role_id), role_id),
        CASE WHEN kind IN ('skill','experience','visibility','certification','relationship') THEN kind ELSE 'skill' END,
        coalesce(nullif(CAST(title AS TEXT), ''), '?'),
        CASE WHEN typeof(target_level) = 'integer' THEN max(1, min(5, target_level)) ELSE 3 END,
        CASE WHEN typeof(current_level) = 'integer' THEN max(0, min(5, current_level)) ELSE 0 END,
        CASE WHEN typeof(manager_level) = 'integer' THEN max(0, min(5, manager_level)) ELSE 0 END,
        CASE WHEN typeof(importance) = 'integer' THEN max(1, min(5, importance)) ELSE 3 END,
        coalesce(CAST(evidence AS TEXT), ''),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM requirement;
DROP TABLE requirement;
ALTER TABLE requirement_new RENAME TO requirement;
CREATE INDEX requirement_role ON requirement (role_id);

-- action
CREATE TABLE action_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('course','certification','stretch_project','volunteering','internal_committee','mentoring','ask_advice','write_present')),
    title TEXT NOT NULL CHECK (typeof(title) = 'text' AND title <> ''),
    due_on TEXT CHECK (typeof(due_on) IN ('text', 'null')),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','done','dropped')),
    done_on TEXT CHECK (typeof(done_on) IN ('text', 'null')),
    notes TEXT NOT NULL DEFAULT '' CHECK (typeof(notes) = 'text'),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text'),
    evidence INTEGER NOT NULL DEFAULT 0 CHECK (typeof(evidence) = 'integer' AND evidence BETWEEN 0 AND 1)
);
INSERT INTO action_new (id, requirement_id, kind, title, due_on, status, done_on, notes, created_at, updated_at, evidence)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'action' AND old_id = id), id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'requirement' AND old_id = requirement_id), requirement_id),
        CASE WHEN kind IN ('course','certification','stretch_project','volunteering','internal_committee','mentoring','ask_advice','write_present') THEN kind ELSE 'course' END,
        coalesce(nullif(CAST(title AS TEXT), ''), '?'),
        CAST(due_on AS TEXT),
        CASE WHEN status IN ('planned','in_progress','done','dropped') THEN status ELSE 'planned' END,
        CAST(done_on AS TEXT),
        coalesce(CAST(notes AS TEXT), ''),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), ''),
        CASE WHEN typeof(evidence) = 'integer' THEN max(0, min(1, evidence)) ELSE 0 END
    FROM action;
DROP TABLE action;
ALTER TABLE action_new RENAME TO action;
CREATE INDEX action_requirement ON action (requirement_id);

-- disclosure
CREATE TABLE disclosure_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (typeof(topic) = 'text' AND topic <> ''),
    sensitivity TEXT NOT NULL CHECK (sensitivity IN ('low','medium','high')),
    shared_on TEXT NOT NULL CHECK (typeof(shared_on) = 'text'),
    notes TEXT NOT NULL DEFAULT '' CHECK (typeof(notes) = 'text'),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text')
);
INSERT INTO disclosure_new (id, person_id, topic, sensitivity, shared_on, notes, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'disclosure' AND old_id = id), id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = person_id), person_id),
        coalesce(nullif(CAST(topic AS TEXT), ''), '?'),
        sensitivity,
        coalesce(CAST(shared_on AS TEXT), ''),
        coalesce(CAST(notes AS TEXT), ''),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM disclosure;
DROP TABLE disclosure;
ALTER TABLE disclosure_new RENAME TO disclosure;
CREATE INDEX disclosure_person ON disclosure (person_id);

-- requirement_level
CREATE TABLE requirement_level_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,
    level INTEGER NOT NULL CHECK (typeof(level) = 'integer' AND level BETWEEN 0 AND 5),
    at TEXT NOT NULL CHECK (typeof(at) = 'text')
);
INSERT INTO requirement_level_new (id, requirement_id, level, at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'requirement_level' AND old_id = id), id),
        coalesce((SELECT new_id FROM renumber WHERE tbl = 'requirement' AND old_id = requirement_id), requirement_id),
        CASE WHEN typeof(level) = 'integer' THEN max(0, min(5, level)) ELSE 0 END,
        coalesce(CAST(at AS TEXT), '')
    FROM requirement_level;
DROP TABLE requirement_level;
ALTER TABLE requirement_level_new RENAME TO requirement_level;
CREATE INDEX requirement_level_requirement ON requirement_level (requirement_id, at);

-- opportunity
CREATE TABLE opportunity_new (
    id INTEGER PRIMARY KEY CHECK (id > 0),
    title TEXT NOT NULL CHECK (typeof(title) = 'text' AND title <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('promotion_round','job_opening','project_lead')),
    date TEXT NOT NULL CHECK (typeof(date) = 'text'),
    outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending','won','passed_over')),
    notes TEXT NOT NULL DEFAULT '' CHECK (typeof(notes) = 'text'),
    created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
    updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text')
);
INSERT INTO opportunity_new (id, title, kind, date, outcome, notes, created_at, updated_at)
    SELECT coalesce((SELECT new_id FROM renumber WHERE tbl = 'opportunity' AND old_id = id), id),
        coalesce(nullif(CAST(title AS TEXT), ''), '?'),
        kind,
        coalesce(CAST(date AS TEXT), ''),
        outcome,
        coalesce(CAST(notes AS TEXT), ''),
        coalesce(CAST(created_at AS TEXT), ''),
        coalesce(CAST(updated_at AS TEXT), '')
    FROM opportunity;
DROP TABLE opportunity;
ALTER TABLE opportunity_new RENAME TO opportunity;
CREATE INDEX opportunity_date ON opportunity (date);

-- setting
CREATE TABLE setting_new (
    key TEXT PRIMARY KEY CHECK (typeof(key) = 'text'),
    value TEXT NOT NULL CHECK (typeof(value) = 'text')
) WITHOUT ROWID;
INSERT INTO setting_new (key, value)
    SELECT CAST(key AS TEXT),
        coalesce(CAST(value AS TEXT), '')
    FROM setting;
DROP TABLE setting;
ALTER TABLE setting_new RENAME TO setting;

-- The tables that only link others: their references follow renumbered IDs.
UPDATE interaction_person SET interaction_id = (SELECT new_id FROM renumber WHERE tbl = 'interaction' AND old_id = interaction_id)
    WHERE interaction_id < 1;
UPDATE interaction_person SET person_id = (SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = person_id)
    WHERE person_id < 1;
UPDATE requirement_advisor SET requirement_id = (SELECT new_id FROM renumber WHERE tbl = 'requirement' AND old_id = requirement_id)
    WHERE requirement_id < 1;
UPDATE requirement_advisor SET person_id = (SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = person_id)
    WHERE person_id < 1;
UPDATE panel_member SET role_id = (SELECT new_id FROM renumber WHERE tbl = 'role' AND old_id = role_id)
    WHERE role_id < 1;
UPDATE panel_member SET person_id = (SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = person_id)
    WHERE person_id < 1;
UPDATE opportunity_backer SET opportunity_id = (SELECT new_id FROM renumber WHERE tbl = 'opportunity' AND old_id = opportunity_id)
    WHERE opportunity_id < 1;
UPDATE opportunity_backer SET person_id = (SELECT new_id FROM renumber WHERE tbl = 'person' AND old_id = person_id)
    WHERE person_id < 1;
DROP TABLE renumber;
