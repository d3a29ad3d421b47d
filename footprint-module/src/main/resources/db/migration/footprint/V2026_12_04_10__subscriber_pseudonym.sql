-- The one place where the operator's subscriber id meets the ledger's subscriber key (ADR 0013). The key is random
-- ('~' and 32 hex digits of a SecureRandom: not derived from the id, so it cannot be found again by trying ids; the
-- '~' is a character no subscriber id may hold, so a key is never taken for an id). Every ledger stream id, event,
-- hash chain, read model row, chain digest and simulation result names the key; erasing a subscriber deletes this
-- row, and what the ledger keeps is then about nobody anyone can name.
CREATE TABLE subscriber_pseudonym (
    subscriber_id VARCHAR(64) COLLATE "C" PRIMARY KEY,
    pseudonym     VARCHAR(64) NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A database made by an earlier release holds streams named by the clear id, chained and digested under it. Until a
-- re-keying migration rewrites them (ADR 0013, "left"), each of those subscribers keeps its id as its key, marked
-- legacy: every statement and chain reads as before, and an erasure of such a subscriber is refused (409) rather
-- than leave its clear id in the ledger. Subscribers first seen from this release on get random keys.
ALTER TABLE subscriber_pseudonym ADD COLUMN legacy boolean NOT NULL DEFAULT false;
INSERT INTO subscriber_pseudonym (subscriber_id, pseudonym, legacy)
SELECT subscriber_id, subscriber_id, true
FROM (SELECT subscriber_id FROM ledger_month_index
      UNION SELECT subscriber_id COLLATE "C" FROM ledger_statement_line) known;
