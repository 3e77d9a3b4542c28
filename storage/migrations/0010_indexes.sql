-- Indexes for the Today screen (issue 23), where EXPLAIN QUERY PLAN
-- showed each of its reads visiting table rows an index could answer.

-- The promises due, both ways, read in one pass: who, which way and
-- when, from the index alone; only the few shown in full are looked up.
CREATE INDEX promise_due ON promise (status, due_on, made_on, person_id, direction);

-- The first day of use (the earliest person added, archived or not)
-- was a scan of every person row.
CREATE INDEX person_created ON person (created_at);

-- person_today covered every column Today reads of each active person
-- until 0007 added cadence_set, which Today also reads (with created_at,
-- for a set cadence and no contact yet): since then the planner walked
-- person_by_name and looked each of the 5,000 rows up in the table.
-- person_reach covers them all again and replaces it.
CREATE INDEX person_reach ON person (archived_at, id, name, relation, influence,
    stance, cadence_days, cadence_set, created_at, credit_folded, credit_next,
    last_at, thanked_at);
DROP INDEX person_today;

-- Opening the database looks for people whose folded credits are stale
-- (credits_version behind the app's): that was a scan of every person row
-- on every start, and is now a look in this index.
CREATE INDEX person_credits_version ON person (credits_version);
