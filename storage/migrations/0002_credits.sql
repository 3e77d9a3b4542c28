-- Relationship credits, kept per person like last_at so that Today and the
-- map need not read every interaction. The store folds each person's credits
-- (model.CreditRules.Fold) in the transaction that changes their
-- interactions or promises:
--   credit_folded    the folded balance, valid until credit_next;
--   credit_next      the earliest credit dated after the fold (a contact
--                    typed in ahead of time), when the fold must be redone;
--   credits_version  the version of the weights it was folded with; Open
--                    refolds every person whose version is not current, so
--                    this migration's zeros are filled in on first open.
ALTER TABLE person ADD COLUMN credit_folded REAL NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN credit_next TEXT;
ALTER TABLE person ADD COLUMN credits_version INTEGER NOT NULL DEFAULT 0;

-- The latest thank-you (private or public) to the person, future ones
-- included, kept with last_at: Today finds team mates not thanked lately
-- without reading every thank-you. Filled in below for existing people.
ALTER TABLE person ADD COLUMN thanked_at TEXT;
UPDATE person SET thanked_at = (SELECT max(ip.at) FROM interaction_person ip
    JOIN interaction i ON i.id = ip.interaction_id
    WHERE ip.person_id = person.id AND i.kind IN ('thanks_private', 'thanks_public'));

-- Today's counts: public thanks this quarter and the user's follow-through.
CREATE INDEX interaction_kind_at ON interaction (kind, at);
CREATE INDEX promise_direction_status ON promise (direction, status);

-- Today ranks every active person: this index holds all it reads of them,
-- so the ranking never reads the rows with their long notes.
CREATE INDEX person_today ON person (archived_at, id, name, relation, influence,
    stance, cadence_days, credit_folded, credit_next, last_at, thanked_at);
