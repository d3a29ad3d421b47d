-- The one place where the operator's subscriber id meets the ledger's subscriber key (ADR 0013). The key is random
-- ('~' and 32 hex digits of a SecureRandom: not derived from the id, so it cannot be found again by trying ids; the
-- '~' is a character no subscriber id may hold, so a key is never taken for an id). Every ledger stream id, event,
-- hash chain, read model row, chain digest and simulation result names the key; erasing a subscriber deletes this
-- row, and what the ledger keeps is then about nobody anyone can name.
CREATE TABLE subscriber_pseudonym (
    subscriber_id VARCHAR(64) COLLATE "C" PRIMARY KEY,
    pseudonym     VARCHAR(64) COLLATE "C" NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now()
);
