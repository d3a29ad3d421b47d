-- The one place where the operator's line id meets the ledger's line key (ADR 0013): a line id may embed the
-- subscriber id or a phone number (the demo generator's 'S0000000-M1'), so the ledger names each line by a random key
-- too ('~' and 32 hex digits, like the subscriber's). Events, chain content, the statement read model, corrections,
-- simulations and the evidence archive hold the key; a subscriber reading its statements sees its line ids again,
-- translated by a join on this table. Erasing a subscriber deletes its lines' rows with its own.
CREATE TABLE line_pseudonym (
    line_id        VARCHAR(64) COLLATE "C" PRIMARY KEY,
    line_key       VARCHAR(64) COLLATE "C" NOT NULL UNIQUE,
    subscriber_key VARCHAR(64) COLLATE "C" NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    legacy         boolean     NOT NULL DEFAULT false
);
CREATE INDEX line_pseudonym_subscriber ON line_pseudonym (subscriber_key);

-- Lines already in the ledger (written before this release) keep their id as their key, marked legacy, as legacy
-- subscribers do: every statement, chain and digest reads as before; a subscriber with such a line cannot be erased
-- (409) until the re-keying migration (ADR 0013, "left") rewrites its streams. A legacy subscriber's new lines are
-- legacy too (its streams are under its id anyway).
INSERT INTO line_pseudonym (line_id, line_key, subscriber_key, legacy)
SELECT DISTINCT ON (line_id) line_id, line_id, subscriber_id, true
FROM ledger_statement_line
ORDER BY line_id, subscriber_id;
