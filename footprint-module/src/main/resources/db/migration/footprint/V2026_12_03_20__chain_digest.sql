-- The digest of every ledger chain head, recorded by a scheduled job (ChainDigestStore): the Merkle root over
-- (ledger id, last sequence, last hash) of every stream, and the heads themselves, gzip-compressed text, one
-- "ledgerId|lastSequence|lastHash" line per stream in ledger-id order. An auditor downloads it and holds it
-- outside the database; checked against the ledger later, it shows a stream deleted or rewritten since.
CREATE TABLE ledger_chain_digest (
    digest_id   bigserial PRIMARY KEY,
    recorded_at timestamptz NOT NULL,
    streams     bigint      NOT NULL,
    merkle_root char(64)    NOT NULL,
    heads       bytea       NOT NULL
);
CREATE INDEX ledger_chain_digest_recorded ON ledger_chain_digest (recorded_at DESC);
