-- Search (issue 20): a full-text index over everything the user wrote,
-- kept by triggers so that every write follows it: the store's own, a
-- restore (storage/removals.go), an import, a hand edit with plain SQL and
-- any later migration that rewrites rows.
--
-- FTS4, which every build of mattn/go-sqlite3 has (SQLITE_ENABLE_FTS3),
-- rather than FTS5, which needs a build tag every build path would have to
-- remember. One index table per source table, so a search of one kind
-- reads only its own index and a row's docid is its own id. Each has
--   title   the thing's one-line name (ranked first when it matches),
--   body    the rest of its text,
--   people  for what is with someone, their names, so "helena reorg"
--           finds the interaction with Helena about the reorg.
-- unicode61 with remove_diacritics=2 folds case and accents ("zoe" finds
-- "Zoë"); prefix="2,3" keeps prefix searches typed in the box fast.
--
-- A later migration that rebuilds one of these tables (drop, rename) drops
-- its triggers with it and must create them again (TestSearchTriggersSurvive
-- checks that every trigger made here is there at the latest schema).

CREATE VIRTUAL TABLE search_person USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_interaction USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_promise USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_meeting USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_role USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_requirement USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_action USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_opportunity USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");
CREATE VIRTUAL TABLE search_disclosure USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="2,3");

-- person
CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN
    INSERT INTO search_person (docid, title, body, people) VALUES (new.id, new.name, new.title || ' ' || new.team || ' ' || new.organisation || ' ' || new.email || ' ' || new.working_on || ' ' || new.needs || ' ' || new.notes, '');
END;
CREATE TRIGGER search_person_update AFTER UPDATE OF id, name, title, team, organisation, email, working_on, needs, notes ON person BEGIN
    DELETE FROM search_person WHERE docid = old.id;
    INSERT INTO search_person (docid, title, body, people) VALUES (new.id, new.name, new.title || ' ' || new.team || ' ' || new.organisation || ' ' || new.email || ' ' || new.working_on || ' ' || new.needs || ' ' || new.notes, '');
END;
CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN
    DELETE FROM search_person WHERE docid = old.id;
END;

-- interaction
CREATE TRIGGER search_interaction_insert AFTER INSERT ON interaction BEGIN
    INSERT INTO search_interaction (docid, title, body, people) VALUES (new.id, new.summary, new.notes, (SELECT coalesce(group_concat(p.name, ' '), '') FROM interaction_person ip JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = new.id));
END;
CREATE TRIGGER search_interaction_update AFTER UPDATE OF id, summary, notes ON interaction BEGIN
    DELETE FROM search_interaction WHERE docid = old.id;
    INSERT INTO search_interaction (docid, title, body, people) VALUES (new.id, new.summary, new.notes, (SELECT coalesce(group_concat(p.name, ' '), '') FROM interaction_person ip JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = new.id));
END;
CREATE TRIGGER search_interaction_delete AFTER DELETE ON interaction BEGIN
    DELETE FROM search_interaction WHERE docid = old.id;
END;

-- promise
CREATE TRIGGER search_promise_insert AFTER INSERT ON promise BEGIN
    INSERT INTO search_promise (docid, title, body, people) VALUES (new.id, new.what, new.notes, coalesce((SELECT name FROM person WHERE id = new.person_id), ''));
END;
CREATE TRIGGER search_promise_update AFTER UPDATE OF id, what, notes, person_id ON promise BEGIN
    DELETE FROM search_promise WHERE docid = old.id;
    INSERT INTO search_promise (docid, title, body, people) VALUES (new.id, new.what, new.notes, coalesce((SELECT name FROM person WHERE id = new.person_id), ''));
END;
CREATE TRIGGER search_promise_delete AFTER DELETE ON promise BEGIN
    DELETE FROM search_promise WHERE docid = old.id;
END;

-- meeting
CREATE TRIGGER search_meeting_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO search_meeting (docid, title, body, people) VALUES (new.id, new.location, new.agenda || ' ' || coalesce((SELECT notes FROM interaction WHERE id = new.outcome_id), ''), coalesce((SELECT name FROM person WHERE id = new.person_id), ''));
END;
CREATE TRIGGER search_meeting_update AFTER UPDATE OF id, location, agenda, outcome_id, person_id ON meeting BEGIN
    DELETE FROM search_meeting WHERE docid = old.id;
    INSERT INTO search_meeting (docid, title, body, people) VALUES (new.id, new.location, new.agenda || ' ' || coalesce((SELECT notes FROM interaction WHERE id = new.outcome_id), ''), coalesce((SELECT name FROM person WHERE id = new.person_id), ''));
END;
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meeting BEGIN
    DELETE FROM search_meeting WHERE docid = old.id;
END;

-- role
CREATE TRIGGER search_role_insert AFTER INSERT ON role BEGIN
    INSERT INTO search_role (docid, title, body, people) VALUES (new.id, new.title, new.why, '');
END;
CREATE TRIGGER search_role_update AFTER UPDATE OF id, title, why ON role BEGIN
    DELETE FROM search_role WHERE docid = old.id;
    INSERT INTO search_role (docid, title, body, people) VALUES (new.id, new.title, new.why, '');
END;
CREATE TRIGGER search_role_delete AFTER DELETE ON role BEGIN
    DELETE FROM search_role WHERE docid = old.id;
END;

-- requirement
CREATE TRIGGER search_requirement_insert AFTER INSERT ON requirement BEGIN
    INSERT INTO search_requirement (docid, title, body, people) VALUES (new.id, new.title, new.evidence, '');
END;
CREATE TRIGGER search_requirement_update AFTER UPDATE OF id, title, evidence ON requirement BEGIN
    DELETE FROM search_requirement WHERE docid = old.id;
    INSERT INTO search_requirement (docid, title, body, people) VALUES (new.id, new.title, new.evidence, '');
END;
CREATE TRIGGER search_requirement_delete AFTER DELETE ON requirement BEGIN
    DELETE FROM search_requirement WHERE docid = old.id;
END;

-- action
CREATE TRIGGER search_action_insert AFTER INSERT ON action BEGIN
    INSERT INTO search_action (docid, title, body, people) VALUES (new.id, new.title, new.notes, '');
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF id, title, notes ON action BEGIN
    DELETE FROM search_action WHERE docid = old.id;
    INSERT INTO search_action (docid, title, body, people) VALUES (new.id, new.title, new.notes, '');
END;
CREATE TRIGGER search_action_delete AFTER DELETE ON action BEGIN
    DELETE FROM search_action WHERE docid = old.id;
END;

-- opportunity
CREATE TRIGGER search_opportunity_insert AFTER INSERT ON opportunity BEGIN
    INSERT INTO search_opportunity (docid, title, body, people) VALUES (new.id, new.title, new.notes, '');
END;
CREATE TRIGGER search_opportunity_update AFTER UPDATE OF id, title, notes ON opportunity BEGIN
    DELETE FROM search_opportunity WHERE docid = old.id;
    INSERT INTO search_opportunity (docid, title, body, people) VALUES (new.id, new.title, new.notes, '');
END;
CREATE TRIGGER search_opportunity_delete AFTER DELETE ON opportunity BEGIN
    DELETE FROM search_opportunity WHERE docid = old.id;
END;

-- disclosure
CREATE TRIGGER search_disclosure_insert AFTER INSERT ON disclosure BEGIN
    INSERT INTO search_disclosure (docid, title, body, people) VALUES (new.id, new.topic, new.notes, coalesce((SELECT name FROM person WHERE id = new.person_id), ''));
END;
CREATE TRIGGER search_disclosure_update AFTER UPDATE OF id, topic, notes, person_id ON disclosure BEGIN
    DELETE FROM search_disclosure WHERE docid = old.id;
    INSERT INTO search_disclosure (docid, title, body, people) VALUES (new.id, new.topic, new.notes, coalesce((SELECT name FROM person WHERE id = new.person_id), ''));
END;
CREATE TRIGGER search_disclosure_delete AFTER DELETE ON disclosure BEGIN
    DELETE FROM search_disclosure WHERE docid = old.id;
END;

-- Who took part in an interaction: its names follow.
CREATE TRIGGER search_interaction_person_insert AFTER INSERT ON interaction_person BEGIN
    DELETE FROM search_interaction WHERE docid = new.interaction_id;
    INSERT INTO search_interaction (docid, title, body, people) SELECT t.id, t.summary, t.notes, (SELECT coalesce(group_concat(p.name, ' '), '') FROM interaction_person ip JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = t.id) FROM interaction t WHERE t.id = new.interaction_id;
END;
CREATE TRIGGER search_interaction_person_delete AFTER DELETE ON interaction_person BEGIN
    DELETE FROM search_interaction WHERE docid = old.interaction_id;
    INSERT INTO search_interaction (docid, title, body, people) SELECT t.id, t.summary, t.notes, (SELECT coalesce(group_concat(p.name, ' '), '') FROM interaction_person ip JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = t.id) FROM interaction t WHERE t.id = old.interaction_id;
END;
CREATE TRIGGER search_interaction_person_update AFTER UPDATE OF interaction_id, person_id ON interaction_person BEGIN
    DELETE FROM search_interaction WHERE docid IN (old.interaction_id, new.interaction_id);
    INSERT INTO search_interaction (docid, title, body, people) SELECT t.id, t.summary, t.notes, (SELECT coalesce(group_concat(p.name, ' '), '') FROM interaction_person ip JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = t.id) FROM interaction t WHERE t.id IN (old.interaction_id, new.interaction_id);
END;

-- A person renamed: what is with them follows.
CREATE TRIGGER search_person_rename AFTER UPDATE OF name ON person BEGIN
    DELETE FROM search_interaction WHERE docid IN (SELECT interaction_id FROM interaction_person WHERE person_id = new.id);
    INSERT INTO search_interaction (docid, title, body, people) SELECT t.id, t.summary, t.notes, (SELECT coalesce(group_concat(p.name, ' '), '') FROM interaction_person ip JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = t.id) FROM interaction t WHERE t.id IN (SELECT interaction_id FROM interaction_person WHERE person_id = new.id);
    DELETE FROM search_promise WHERE docid IN (SELECT id FROM promise WHERE person_id = new.id);
    INSERT INTO search_promise (docid, title, body, people) SELECT t.id, t.what, t.notes, coalesce((SELECT name FROM person WHERE id = t.person_id), '') FROM promise t WHERE t.person_id = new.id;
    DELETE FROM search_meeting WHERE docid IN (SELECT id FROM meeting WHERE person_id = new.id);
    INSERT INTO search_meeting (docid, title, body, people) SELECT t.id, t.location, t.agenda || ' ' || coalesce((SELECT notes FROM interaction WHERE id = t.outcome_id), ''), coalesce((SELECT name FROM person WHERE id = t.person_id), '') FROM meeting t WHERE t.person_id = new.id;
    DELETE FROM search_disclosure WHERE docid IN (SELECT id FROM disclosure WHERE person_id = new.id);
    INSERT INTO search_disclosure (docid, title, body, people) SELECT t.id, t.topic, t.notes, coalesce((SELECT name FROM person WHERE id = t.person_id), '') FROM disclosure t WHERE t.person_id = new.id;
END;

-- A meeting's outcome notes follow the outcome interaction.
CREATE TRIGGER search_meeting_outcome AFTER UPDATE OF notes ON interaction BEGIN
    DELETE FROM search_meeting WHERE docid IN (SELECT id FROM meeting WHERE outcome_id = new.id);
    INSERT INTO search_meeting (docid, title, body, people) SELECT t.id, t.location, t.agenda || ' ' || coalesce((SELECT notes FROM interaction WHERE id = t.outcome_id), ''), coalesce((SELECT name FROM person WHERE id = t.person_id), '') FROM meeting t WHERE t.outcome_id = new.id;
END;

-- Fill the index for the database as it is, in as few segments as it
-- takes (optimize), which is what a search reads fastest.
INSERT INTO search_person (docid, title, body, people) SELECT t.id, t.name, t.title || ' ' || t.team || ' ' || t.organisation || ' ' || t.email || ' ' || t.working_on || ' ' || t.needs || ' ' || t.notes, '' FROM person t;
INSERT INTO search_person (search_person) VALUES ('optimize');
INSERT INTO search_interaction (docid, title, body, people) SELECT t.id, t.summary, t.notes, (SELECT coalesce(group_concat(p.name, ' '), '') FROM interaction_person ip JOIN person p ON p.id = ip.person_id WHERE ip.interaction_id = t.id) FROM interaction t;
INSERT INTO search_interaction (search_interaction) VALUES ('optimize');
INSERT INTO search_promise (docid, title, body, people) SELECT t.id, t.what, t.notes, coalesce((SELECT name FROM person WHERE id = t.person_id), '') FROM promise t;
INSERT INTO search_promise (search_promise) VALUES ('optimize');
INSERT INTO search_meeting (docid, title, body, people) SELECT t.id, t.location, t.agenda || ' ' || coalesce((SELECT notes FROM interaction WHERE id = t.outcome_id), ''), coalesce((SELECT name FROM person WHERE id = t.person_id), '') FROM meeting t;
INSERT INTO search_meeting (search_meeting) VALUES ('optimize');
INSERT INTO search_role (docid, title, body, people) SELECT t.id, t.title, t.why, '' FROM role t;
INSERT INTO search_role (search_role) VALUES ('optimize');
INSERT INTO search_requirement (docid, title, body, people) SELECT t.id, t.title, t.evidence, '' FROM requirement t;
INSERT INTO search_requirement (search_requirement) VALUES ('optimize');
INSERT INTO search_action (docid, title, body, people) SELECT t.id, t.title, t.notes, '' FROM action t;
INSERT INTO search_action (search_action) VALUES ('optimize');
INSERT INTO search_opportunity (docid, title, body, people) SELECT t.id, t.title, t.notes, '' FROM opportunity t;
INSERT INTO search_opportunity (search_opportunity) VALUES ('optimize');
INSERT INTO search_disclosure (docid, title, body, people) SELECT t.id, t.topic, t.notes, coalesce((SELECT name FROM person WHERE id = t.person_id), '') FROM disclosure t;
INSERT INTO search_disclosure (search_disclosure) VALUES ('optimize');
