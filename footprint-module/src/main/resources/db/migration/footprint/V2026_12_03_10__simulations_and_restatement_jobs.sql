-- footprint-module, issue 14: what-if simulations and the restatement jobs made from them, both run as jobs.
-- A job is claimed by a node for a lease (claimed_until), renewed as it progresses; a job whose lease ran out (its node
-- stopped or crashed) is claimed again by the next poll of any node and resumes from its persisted progress.

-- A simulation never touches the ledger: it reads the statement read model and keeps its report here.
CREATE TABLE ledger_simulation (
    simulation_id  VARCHAR(36) PRIMARY KEY,
    factor_set_id  VARCHAR(64) NOT NULL,
    draft          BOOLEAN     NOT NULL,
    factor_set     TEXT        NOT NULL, -- the set simulated, as JSON (a draft exists only here)
    month_from     CHAR(7)     NOT NULL,
    month_to       CHAR(7)     NOT NULL,
    status         VARCHAR(9)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    months_done    INT         NOT NULL DEFAULT 0,
    lines_done     BIGINT      NOT NULL DEFAULT 0,
    requested_by   VARCHAR(64) NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    claimed_until  TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ,
    error          TEXT
);
CREATE INDEX ledger_simulation_pending ON ledger_simulation (requested_at) WHERE status IN ('QUEUED', 'RUNNING');

-- One month of a simulation's report (JSON: totals before and after, distributions, largest changes).
CREATE TABLE ledger_simulation_month (
    simulation_id VARCHAR(36) NOT NULL REFERENCES ledger_simulation (simulation_id),
    month         CHAR(7)     NOT NULL,
    report        TEXT        NOT NULL,
    PRIMARY KEY (simulation_id, month)
);

-- A restatement applied from a simulation, over every month of its period.
CREATE TABLE ledger_restatement_job (
    restatement_id VARCHAR(36) PRIMARY KEY,
    simulation_id  VARCHAR(36) NOT NULL REFERENCES ledger_simulation (simulation_id),
    factor_set_id  VARCHAR(64) NOT NULL,
    reason         TEXT        NOT NULL,
    forced         BOOLEAN     NOT NULL,
    significance_percent TEXT  NOT NULL, -- the threshold the decisions were taken with
    restated_at    TIMESTAMPTZ NOT NULL, -- the instant every correction of the job carries (the same after a resume)
    status         VARCHAR(9)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    requested_by   VARCHAR(64) NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    claimed_until  TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ,
    error          TEXT
);
CREATE INDEX ledger_restatement_job_pending ON ledger_restatement_job (requested_at)
    WHERE status IN ('QUEUED', 'RUNNING');

-- Each month of a restatement job: what was decided (from the simulation's totals and the threshold) and how far it
-- went; last_subscriber_id is the last subscriber whose ledger was restated, committed with its page.
CREATE TABLE ledger_restatement_job_month (
    restatement_id     VARCHAR(36) NOT NULL REFERENCES ledger_restatement_job (restatement_id),
    month              CHAR(7)     NOT NULL,
    decision           VARCHAR(15) NOT NULL
        CHECK (decision IN ('APPLY', 'FORCED', 'BELOW_THRESHOLD', 'UNCHANGED', 'NOT_CLOSED')),
    change_percent     TEXT,
    state              VARCHAR(7)  NOT NULL CHECK (state IN ('PENDING', 'DONE', 'SKIPPED')),
    last_subscriber_id VARCHAR(64) COLLATE "C" NOT NULL DEFAULT '',
    ledgers_restated   BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (restatement_id, month)
);

-- A simulation (and its per-line CSV) reads one month of the read model at a time: without this index each month is a
-- scan of every month. Only the month is indexed (it never changes), so the close's status updates stay HOT-eligible.
CREATE INDEX ledger_statement_line_month ON ledger_statement_line (month);
