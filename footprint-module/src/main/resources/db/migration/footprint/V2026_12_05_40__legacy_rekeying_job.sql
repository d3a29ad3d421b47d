-- The background re-keying of the subscribers an earlier release wrote under their clear id (ADR 0013, "Databases
-- made by an earlier release"): its re-keyings are recorded beside the erasures' ('LEGACY_JOB', one row per
-- subscriber, the rows of a page sharing rekeyed_at and the digests its one rewrite changed); a subscriber whose
-- chain does not verify is left under its id and marked (rekeying_refused_at) so the job does not try it again
-- every round (ops clear the mark once the chain is explained). The partial index finds those left at no cost once
-- there are none.
ALTER TABLE ledger_rekeying DROP CONSTRAINT ledger_rekeying_cause_check;
ALTER TABLE ledger_rekeying ADD CONSTRAINT ledger_rekeying_cause_check CHECK (cause IN ('ERASURE', 'LEGACY_JOB'));
ALTER TABLE subscriber_pseudonym ADD COLUMN rekeying_refused_at timestamptz;
CREATE INDEX subscriber_pseudonym_legacy ON subscriber_pseudonym (subscriber_id) WHERE legacy;
