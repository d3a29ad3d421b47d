-- footprint-module, issue 4: closed statements, corrections, the factor registry, the month index.

-- A closed line shows the figures issued (or last corrected) with the factor set recorded; an open line is computed at
-- read time with the set in force.
ALTER TABLE ledger_statement_line
    ADD COLUMN status        VARCHAR(6) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    ADD COLUMN factor_set_id VARCHAR(64),
    ADD COLUMN shown_records BIGINT,
    ADD COLUMN shown_estimated_records BIGINT,
    ADD COLUMN shown_bytes   BIGINT,
    ADD COLUMN exact_go      TEXT,
    ADD COLUMN exact_grams   TEXT,
    ADD COLUMN data_go       BIGINT,
    ADD COLUMN co2e_grams    BIGINT;

-- Every correction of a closed statement, with the figure shown before; keyed by its ledger event (replay-safe).
CREATE TABLE ledger_statement_correction (
    event_id      VARCHAR(64) PRIMARY KEY,
    subscriber_id VARCHAR(64) NOT NULL,
    month         CHAR(7)     NOT NULL,
    line_id       VARCHAR(64) NOT NULL,
    corrected_at  TIMESTAMPTZ NOT NULL,
    from_grams    BIGINT      NOT NULL,
    to_grams      BIGINT      NOT NULL,
    from_exact    TEXT,
    to_exact      TEXT        NOT NULL,
    factor_set_id VARCHAR(64) NOT NULL,
    reason        TEXT        NOT NULL
);
CREATE INDEX ledger_statement_correction_line ON ledger_statement_correction (subscriber_id, month, line_id);

-- The ledger streams of each month, written in the transaction that creates the stream: what a month close walks.
CREATE TABLE ledger_month_index (
    month         CHAR(7)     NOT NULL,
    subscriber_id VARCHAR(64) COLLATE "C" NOT NULL,
    PRIMARY KEY (month, subscriber_id)
);
CREATE INDEX ledger_month_index_subscriber ON ledger_month_index (subscriber_id, month);
INSERT INTO ledger_month_index (month, subscriber_id)
SELECT DISTINCT split_part(aggregate_identifier, '/', 2), split_part(aggregate_identifier, '/', 1)
FROM domain_event_entry WHERE type = 'SubscriberMonthLedger';

-- Months closed: from the moment a row exists, a stream created for that month is closed as soon as it is created.
CREATE TABLE ledger_month_close (
    month         CHAR(7)     PRIMARY KEY,
    factor_set_id VARCHAR(64) NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    requested_by  VARCHAR(64) NOT NULL,
    completed_at  TIMESTAMPTZ,
    ledgers       BIGINT
);

-- The published factor sets (serialized as in their event), read by every node's registry.
CREATE TABLE ledger_factor_set (
    factor_set_id    VARCHAR(64) PRIMARY KEY,
    published_at     TIMESTAMPTZ NOT NULL,
    payload_type     VARCHAR(255) NOT NULL,
    payload_revision VARCHAR(255),
    payload          BYTEA       NOT NULL
);
