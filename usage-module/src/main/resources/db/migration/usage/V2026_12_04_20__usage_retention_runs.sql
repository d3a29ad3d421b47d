-- Each run of the retention job (scheduled or called), for the ops page: when, and what it removed.
CREATE TABLE usage_retention_run (
    run_at              TIMESTAMPTZ NOT NULL,
    first_kept_month    DATE        NOT NULL,
    months_dropped      TEXT        NOT NULL,
    rejections_deleted  BIGINT      NOT NULL
);
CREATE INDEX usage_retention_run_at ON usage_retention_run (run_at DESC);
