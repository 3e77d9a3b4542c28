-- Agenda drafted: whether a meeting's agenda is still Rapport's draft (1),
-- which follows what is known about the person (an advisor linked later,
-- a promise made since) until the user edits it, or text the user wrote
-- or edited (0). Every meeting already stored keeps its agenda as it is:
-- nothing tells whether it was edited. Numbered 0008: 0007 is another
-- change made at the same time.
ALTER TABLE meeting ADD COLUMN agenda_drafted INTEGER NOT NULL DEFAULT 0
    CHECK (agenda_drafted IN (0, 1));
