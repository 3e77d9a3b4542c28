-- The career plan, continued: the history of the user's levels, the people
-- who decide on a promotion, and actions offered as evidence.

-- Every change of the user's current level of a requirement, so the plan
-- can chart how the gap closed month by month (model.GapTrend). The store
-- adds a row when a requirement is created and whenever its current level
-- changes. Existing requirements start with their level as last saved.
CREATE TABLE requirement_level (
    id              INTEGER PRIMARY KEY,
    requirement_id  INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,
    level           INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
    at              TEXT    NOT NULL
);
CREATE INDEX requirement_level_requirement ON requirement_level (requirement_id, at);
INSERT INTO requirement_level (requirement_id, level, at)
    SELECT id, current_level, updated_at FROM requirement ORDER BY id;

-- Who is on the decision chain for a role: who decides, who influences.
CREATE TABLE panel_member (
    role_id    INTEGER NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    part       TEXT    NOT NULL CHECK (part IN ('decides','influences')),
    PRIMARY KEY (role_id, person_id)
) WITHOUT ROWID;
CREATE INDEX panel_member_person ON panel_member (person_id);

-- A done action the user offers as evidence for its requirement.
ALTER TABLE action ADD COLUMN evidence INTEGER NOT NULL DEFAULT 0 CHECK (evidence IN (0, 1));
