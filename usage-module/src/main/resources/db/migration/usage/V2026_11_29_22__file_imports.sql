-- File imports and every row they rejected, with its line number, field and reason (downloadable, listed for ops).
CREATE TABLE usage_import (
    import_id   VARCHAR(64) PRIMARY KEY,
    status      VARCHAR(10) NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    rows_read   BIGINT      NOT NULL DEFAULT 0,
    accepted    BIGINT      NOT NULL DEFAULT 0,
    duplicates  BIGINT      NOT NULL DEFAULT 0,
    rejected    BIGINT      NOT NULL DEFAULT 0,
    error       TEXT,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);

CREATE TABLE usage_import_rejection (
    import_id   VARCHAR(64) NOT NULL REFERENCES usage_import (import_id),
    line_number BIGINT      NOT NULL,
    record_id   TEXT,
    field       VARCHAR(32) NOT NULL,
    reason      TEXT        NOT NULL,
    PRIMARY KEY (import_id, line_number)
);
CREATE INDEX usage_import_rejection_field ON usage_import_rejection (field);
