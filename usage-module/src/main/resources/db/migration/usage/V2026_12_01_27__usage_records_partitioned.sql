-- Raw usage records partitioned by usage month (declarative range partitioning), so that the store's working set is
-- the months being fed and retention drops whole months (DETACH + DROP) instead of deleting rows.
--
-- usage_month (the first day of usage_date's month) is the partition key: PostgreSQL needs the partition key in every
-- unique constraint, and a key on (record_id, usage_month) keeps a record id unique within its usage month whatever
-- its day. A record id re-dated across a month boundary (both dates within 7 days of it) is found by the intake,
-- which probes the neighbouring month's boundary week on the two partial indexes below: see RecordIdScope.
-- Partitions are created ahead by the application (this month and the next ones) and on demand for late or old
-- dates; there is no DEFAULT partition, which would hold rows that no month's retention ever drops.
ALTER TABLE usage_record RENAME TO usage_record_unpartitioned;
ALTER INDEX usage_record_pkey RENAME TO usage_record_unpartitioned_pkey;
ALTER INDEX usage_record_line_date RENAME TO usage_record_unpartitioned_line_date;
ALTER INDEX usage_record_replaces RENAME TO usage_record_unpartitioned_replaces;

CREATE TABLE usage_record (
    record_id     VARCHAR(64) COLLATE "C" NOT NULL,
    subscriber_id VARCHAR(64) COLLATE "C" NOT NULL,
    line_id       VARCHAR(64) COLLATE "C" NOT NULL,
    line_type     VARCHAR(8)  NOT NULL,
    technology    VARCHAR(8),
    usage_date    DATE        NOT NULL,
    bytes_down    BIGINT      NOT NULL CHECK (bytes_down BETWEEN 0 AND 10000000000000),
    bytes_up      BIGINT      NOT NULL CHECK (bytes_up BETWEEN 0 AND 10000000000000),
    estimated     BOOLEAN     NOT NULL,
    replaces      VARCHAR(64),
    superseded_by VARCHAR(64),
    batch_id      VARCHAR(64) NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    usage_month   DATE        NOT NULL CHECK (usage_month = date_trunc('month', usage_date)::date),
    CONSTRAINT usage_record_pkey PRIMARY KEY (record_id, usage_month)
) PARTITION BY RANGE (usage_month);
CREATE INDEX usage_record_line_date ON usage_record (line_id, usage_date);
CREATE INDEX usage_record_replaces ON usage_record (replaces) WHERE replaces IS NOT NULL;
-- the first and the last 7 days of each month, the ids a record of the neighbouring month's boundary week is checked
-- against: a quarter of each month's key index each, which is what a day's file at a month boundary reads
CREATE INDEX usage_record_month_start ON usage_record (record_id) WHERE usage_date < usage_month + 7;
CREATE INDEX usage_record_month_end ON usage_record (record_id)
    WHERE usage_date >= (usage_month + INTERVAL '1 month')::date - 7;

-- one partition per month the existing records use, named usage_record_pYYYY_MM
DO $$
DECLARE
    month DATE;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', usage_date)::date FROM usage_record_unpartitioned ORDER BY 1 LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF usage_record FOR VALUES FROM (%L) TO (%L)',
                       'usage_record_p' || to_char(month, 'YYYY_MM'), month, (month + INTERVAL '1 month')::date);
    END LOOP;
END
$$;

INSERT INTO usage_record (record_id, subscriber_id, line_id, line_type, technology, usage_date, bytes_down, bytes_up,
                          estimated, replaces, superseded_by, batch_id, received_at, usage_month)
SELECT record_id, subscriber_id, line_id, line_type, technology, usage_date, bytes_down, bytes_up,
       estimated, replaces, superseded_by, batch_id, received_at, date_trunc('month', usage_date)::date
FROM usage_record_unpartitioned
ORDER BY usage_date, record_id;

DROP TABLE usage_record_unpartitioned;

-- The months whose daily detail the retention rule dropped: the explanation of such a month says so.
CREATE TABLE usage_retention_purge (
    usage_month DATE        PRIMARY KEY,
    dropped_at  TIMESTAMPTZ NOT NULL,
    rule        TEXT        NOT NULL
);

-- when the rejected rows of an import (raw rows, personal data) were deleted by their own retention rule
ALTER TABLE usage_import ADD COLUMN rejections_purged_at TIMESTAMPTZ;
