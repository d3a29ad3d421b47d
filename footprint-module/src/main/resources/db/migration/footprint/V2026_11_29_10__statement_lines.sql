-- footprint-module: read model of the ledger, rebuilt by replay from the event store.
-- One row per subscriber, month and line; totals are copied from the ledger events (idempotent upsert).
CREATE TABLE ledger_statement_line (
    subscriber_id     VARCHAR(64) NOT NULL,
    month             CHAR(7)     NOT NULL,
    line_id           VARCHAR(64) NOT NULL,
    line_type         VARCHAR(8)  NOT NULL,
    technology        VARCHAR(8),
    bytes             BIGINT      NOT NULL,
    records           BIGINT      NOT NULL,
    estimated_records BIGINT      NOT NULL,
    last_event_id     VARCHAR(64) NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscriber_id, month, line_id)
);
