-- Usage facts waiting for the ledger, one row per line-month of an intake batch, written in the batch's transaction.
-- The ledger feeder deletes them in the same transaction as it appends the ledger events: exactly once, nothing lost.
CREATE TABLE usage_ledger_fact (
    id              BIGSERIAL   PRIMARY KEY,
    subscriber_id   VARCHAR(64) COLLATE "C" NOT NULL,
    month           CHAR(7)     NOT NULL,
    line_id         VARCHAR(64) COLLATE "C" NOT NULL,
    line_type       VARCHAR(8)  NOT NULL,
    technology      VARCHAR(8),
    bytes_delta     BIGINT      NOT NULL,
    records_delta   BIGINT      NOT NULL,
    estimated_delta BIGINT      NOT NULL,
    batch_id        VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- the feeder walks the outbox in line-month order, summing every waiting row of a line-month at once
CREATE INDEX usage_ledger_fact_line_month ON usage_ledger_fact (subscriber_id, month, line_id, id);
