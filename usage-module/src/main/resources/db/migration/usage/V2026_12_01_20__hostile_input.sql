-- Hostile feeds (issue 10): a stored rejection keeps its raw row, escaped to printable text and capped at 1 KiB, and
-- an import counts the rejections it stored (beyond footprint.import.max-stored-rejections they are counted only).
ALTER TABLE usage_import_rejection ADD COLUMN raw_row TEXT;
ALTER TABLE usage_import ADD COLUMN rejections_stored BIGINT NOT NULL DEFAULT 0;
UPDATE usage_import i SET rejections_stored = (SELECT count(*) FROM usage_import_rejection r
                                               WHERE r.import_id = i.import_id);

-- The running totals of every line-month that the intake checks against the physical maximum (README, "Hostile
-- input") are the counted usage of V2026_12_01_28 (usage_line_month).

-- Ledgers whose facts the ledger refused (a poison fact): their outbox rows wait here, out of the feeder's rounds,
-- until ops retry them (GET /api/v1/ops/parked-ledgers, POST …/{ledgerId}/retry). Every other ledger keeps flowing.
CREATE TABLE usage_parked_ledger (
    subscriber_id    VARCHAR(64) COLLATE "C" NOT NULL,
    month            CHAR(7)     NOT NULL,
    ledger_id        VARCHAR(140) NOT NULL UNIQUE,
    reason           TEXT        NOT NULL,
    first_failed_at  TIMESTAMPTZ NOT NULL,
    last_failed_at   TIMESTAMPTZ NOT NULL,
    attempts         INT         NOT NULL,
    PRIMARY KEY (subscriber_id, month)
);
