-- Outcomes and grace: opportunities the user went for (model.Opportunity)
-- and the people who backed them. The weekly review's last date needs no
-- table: it is the setting 'review.last_done'.

-- A promotion round, job opening or project lead; date is a day.
CREATE TABLE opportunity (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL CHECK (title <> ''),
    kind        TEXT    NOT NULL CHECK (kind IN ('promotion_round','job_opening','project_lead')),
    date        TEXT    NOT NULL,
    outcome     TEXT    NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending','won','passed_over')),
    notes       TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX opportunity_date ON opportunity (date);

-- Who backed the user for an opportunity.
CREATE TABLE opportunity_backer (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (opportunity_id, person_id)
) WITHOUT ROWID;
CREATE INDEX opportunity_backer_person ON opportunity_backer (person_id);
