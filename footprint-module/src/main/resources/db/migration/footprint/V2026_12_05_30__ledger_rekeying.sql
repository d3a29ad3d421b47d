-- Every re-keying of a subscriber whose streams an earlier release wrote under its clear id and line ids (ADR 0013,
-- "Databases made by an earlier release"): its streams, events, read model rows and indexes were rewritten under a
-- fresh random key, its chains relinked from genesis, and every kept chain digest rewritten without its old heads
-- (and a new Merkle root). Neither the old ids nor the old hashes are kept anywhere (a hash of an event whose content
-- is otherwise known would confirm a guessed id). What is kept is this record, for auditors: a digest held outside
-- before rekeyed_at misses `streams` streams because of it, which the digest check counts (by number: the old names
-- are gone). personal_data_log_entry is the erasure the re-keying was part of.
CREATE TABLE ledger_rekeying (
    rekeying_id             bigserial   PRIMARY KEY,
    rekeyed_at              timestamptz NOT NULL,
    subscriber_key          VARCHAR(64) COLLATE "C" NOT NULL UNIQUE,
    streams                 bigint      NOT NULL,
    events                  bigint      NOT NULL,
    lines                   bigint      NOT NULL,
    digests_rewritten       bigint      NOT NULL,
    cause                   VARCHAR(16) NOT NULL CHECK (cause IN ('ERASURE')),
    personal_data_log_entry bigint      REFERENCES personal_data_log (entry_id)
);
CREATE INDEX ledger_rekeying_at ON ledger_rekeying (rekeyed_at DESC);
