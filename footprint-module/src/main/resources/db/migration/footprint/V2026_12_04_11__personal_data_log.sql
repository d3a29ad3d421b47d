-- Every export and every erasure of a subscriber's personal data (ADR 0013): who asked, when, what kind, what was
-- handed over or erased (counts per kind, JSON), the reason of an erasure, and the subject as its subscriber key
-- (the pseudonym), never the clear id: after an erasure the mapping is gone and the log names nobody.
CREATE TABLE personal_data_log (
    entry_id     bigserial   PRIMARY KEY,
    recorded_at  timestamptz NOT NULL,
    kind         VARCHAR(16) NOT NULL CHECK (kind IN ('EXPORT', 'ERASURE')),
    subject_key  VARCHAR(64) NOT NULL,
    requested_by VARCHAR(128) NOT NULL,
    reason       VARCHAR(500),
    counts       TEXT        NOT NULL
);
CREATE INDEX personal_data_log_recorded ON personal_data_log (recorded_at DESC);
