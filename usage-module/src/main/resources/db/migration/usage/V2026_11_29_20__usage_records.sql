-- usage-module: the raw records of the mediation feed and the line registry.
-- A line belongs to one subscriber and has one line type for ever: the first record of a line registers it.
-- Identifiers compare bytewise (COLLATE "C"): they are ASCII codes, and it keeps the key indexes cheap.
CREATE TABLE usage_line (
    line_id       VARCHAR(64) COLLATE "C" PRIMARY KEY,
    subscriber_id VARCHAR(64) COLLATE "C" NOT NULL,
    line_type     VARCHAR(8)  NOT NULL CHECK (line_type IN ('MOBILE', 'FIXED')),
    registered_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX usage_line_subscriber ON usage_line (subscriber_id);

-- record_id is unique for ever: the primary key is the deduplication.
-- line_id is registered in usage_line in the same transaction as the record; there is no foreign key, which would
-- cost an index lookup per row on the bulk path.
CREATE TABLE usage_record (
    record_id     VARCHAR(64) COLLATE "C" PRIMARY KEY,
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
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX usage_record_line_date ON usage_record (line_id, usage_date);
-- a record is replaced at most once: the intake sets superseded_by only where it is still null
CREATE INDEX usage_record_replaces ON usage_record (replaces) WHERE replaces IS NOT NULL;
