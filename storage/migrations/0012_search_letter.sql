-- Search (issue 20), one letter typed: the index of 0009_search.sql kept
-- prefixes of 2 and 3 letters, so a search for the first letter typed in
-- the box ("t") merged the lists of every word starting with it, in each
-- table: 200 ms on 100,000 interactions. prefix="1,2,3" keeps a list for
-- each first letter too (the index grows by about a sixth).
--
-- FTS4 takes no ALTER of its options: each table is made again and filled
-- from its source table, as search_rebuild.sql does. The triggers of
-- 0009_search.sql are on the source tables and name these by name, so they
-- keep working on the new tables (TestSearchTriggersSurvive checks).

DROP TABLE search_person;
DROP TABLE search_interaction;
DROP TABLE search_promise;
DROP TABLE search_meeting;
DROP TABLE search_role;
DROP TABLE search_requirement;
DROP TABLE search_action;
DROP TABLE search_opportunity;
DROP TABLE search_disclosure;
CREATE VIRTUAL TABLE search_person USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_interaction USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_promise USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_meeting USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_role USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_requirement USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_action USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_opportunity USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");
CREATE VIRTUAL TABLE search_disclosure USING fts4(title, body, people, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3");

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

-- A promise's date in search results is its due day, else the day it was
-- made: indexed, the search reads the newest matches first and stops at
-- the limit instead of sorting every match (storage/search.go's
-- searchSpecs says so for promise).
CREATE INDEX promise_search_date ON promise (coalesce(due_on, made_on), id);
