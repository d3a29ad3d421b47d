-- Hostile feeds (issue 10): a stored rejection keeps its raw row, escaped to printable text and capped at 1 KiB, and
-- an import counts the rejections it stored (beyond footprint.import.max-stored-rejections they are counted only).
ALTER TABLE usage_import_rejection ADD COLUMN raw_row TEXT;
ALTER TABLE usage_import ADD COLUMN rejections_stored BIGINT NOT NULL DEFAULT 0;
UPDATE usage_import i SET rejections_stored = (SELECT count(*) FROM usage_import_rejection r
                                               WHERE r.import_id = i.import_id);

-- Running totals of every line-month (the accepted, non-superseded records), kept in the intake batch's transaction:
-- the intake refuses a record that would push its line-month past the physical maximum (README, "Hostile input"),
-- so no sum of a line-month can overflow a bigint. Rows are locked in key order by each batch that touches them.
CREATE TABLE usage_line_month_total (
    line_id           VARCHAR(64) COLLATE "C" NOT NULL,
    month             CHAR(7)     NOT NULL,
    subscriber_id     VARCHAR(64) COLLATE "C" NOT NULL,
    bytes             BIGINT      NOT NULL,
    records           BIGINT      NOT NULL,
    estimated_records BIGINT      NOT NULL,
    PRIMARY KEY (line_id, month)
);
-- a line-month already beyond a bigint (possible only from an older release) is stored at the bigint maximum: it is
-- past the physical maximum either way, and refuses any further record that adds bytes
INSERT INTO usage_line_month_total (line_id, month, subscriber_id, bytes, records, estimated_records)
SELECT line_id, to_char(usage_date, 'YYYY-MM'), min(subscriber_id),
       least(sum(bytes_down::numeric + bytes_up::numeric), 9223372036854775807)::bigint,
       count(*), count(*) FILTER (WHERE estimated)
FROM usage_record WHERE superseded_by IS NULL
GROUP BY line_id, to_char(usage_date, 'YYYY-MM');

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
