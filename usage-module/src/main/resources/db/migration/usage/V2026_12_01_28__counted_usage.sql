-- usage-module: the running totals of every line-month (the usage counted), updated set-wise in each intake batch's
-- transaction, which locks its line-months' rows in key order before it decides: a record that would push its
-- line-month past the physical maximum is refused (docs/api.md, "Hostile input"), so no sum can overflow a bigint. While a month is open they are its provisional figures; the month close states them in the ledger,
-- one event per subscriber-month, however many files fed the month. Only usage reaching a month whose close is
-- recorded still goes to the ledger as a fact (usage_ledger_fact): late usage, which becomes a correction.
CREATE TABLE usage_line_month (
    line_id           VARCHAR(64) COLLATE "C" NOT NULL,
    month             CHAR(7)     NOT NULL,
    subscriber_id     VARCHAR(64) COLLATE "C" NOT NULL,
    line_type         VARCHAR(8)  NOT NULL,
    -- the technology of the latest record received that named one (it chooses a per-technology factor value)
    technology        VARCHAR(8),
    -- never negative (a record is superseded only once, by a record of its own line); no CHECK, which PostgreSQL
    -- would apply to the delta row an upsert proposes before it adds it to the existing one
    bytes             BIGINT      NOT NULL,
    records           BIGINT      NOT NULL,
    estimated_records BIGINT      NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (line_id, month)
) WITH (fillfactor = 70);
-- Every batch rewrites the rows of the line-months it touches: room left in each page (fillfactor) lets PostgreSQL
-- update them in place (HOT: no indexed column changes), without a new entry in each index. Only two indexes: the
-- key, and the month close's walk of a month's subscribers in id order (a subscriber's own months are found through
-- its lines in usage_line and this key).
CREATE INDEX usage_line_month_close_walk ON usage_line_month (month, subscriber_id);

-- the totals of the records already stored (a database made by an earlier release); a line-month already beyond a
-- bigint (possible only from an older release) is stored at the bigint maximum: past the physical maximum either
-- way, it refuses any further record that adds bytes
INSERT INTO usage_line_month (line_id, month, subscriber_id, line_type, technology, bytes, records, estimated_records)
SELECT line_id, to_char(usage_date, 'YYYY-MM'), min(subscriber_id), min(line_type),
       (array_agg(technology ORDER BY received_at DESC, record_id DESC) FILTER (WHERE technology IS NOT NULL))[1],
       least(sum(bytes_down::numeric + bytes_up::numeric), 9223372036854775807)::bigint, count(*),
       count(*) FILTER (WHERE estimated)
FROM usage_record
WHERE superseded_by IS NULL
GROUP BY line_id, to_char(usage_date, 'YYYY-MM');

-- an earlier release sent every month's usage to the ledger; from now on only usage of a month whose close is
-- recorded does (open months are stated at their close from the totals above), so facts still waiting for an open
-- month are already counted above and must not reach the ledger a second time
DELETE FROM usage_ledger_fact f
WHERE NOT EXISTS (SELECT 1 FROM ledger_month_close c WHERE c.month = f.month);
