-- RebuildSearchIndex: empties the search index and fills it again from the
-- tables, as migrations/0009_search.sql first filled it. Keep the two, and
-- the triggers of the latest migration that defines them, in step
-- (TestRebuildSearchIndexMatchesTheTriggers checks).

DELETE FROM search_person;
DELETE FROM search_interaction;
DELETE FROM search_promise;
DELETE FROM search_meeting;
DELETE FROM search_role;
DELETE FROM search_requirement;
DELETE FROM search_action;
DELETE FROM search_opportunity;
DELETE FROM search_disclosure;
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
