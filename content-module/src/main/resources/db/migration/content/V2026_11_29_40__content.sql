-- content-module: equivalences, eco-tips, customer feedback.
-- Every version of an item is kept; only the status of a version moves (content_version).
CREATE TABLE content_item (
    item_id    BIGSERIAL PRIMARY KEY,
    kind       VARCHAR(16) NOT NULL CHECK (kind IN ('EQUIVALENCE', 'TIP')),
    item_key   VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kind, item_key)
);

CREATE TABLE content_version (
    item_id           BIGINT      NOT NULL REFERENCES content_item (item_id),
    version           INT         NOT NULL CHECK (version > 0),
    status            VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETIRED')),
    created_by        VARCHAR(64) NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_changed_by VARCHAR(64) NOT NULL,
    status_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, version)
);
-- at most one published version per item
CREATE UNIQUE INDEX content_version_one_published ON content_version (item_id) WHERE status = 'PUBLISHED';

CREATE TABLE equivalence_version (
    item_id            BIGINT       NOT NULL,
    version            INT          NOT NULL,
    label_fr_singular  VARCHAR(200) NOT NULL,
    label_fr_plural    VARCHAR(200) NOT NULL,
    label_en_singular  VARCHAR(200),
    label_en_plural    VARCHAR(200),
    kg_co2e_per_unit   NUMERIC      NOT NULL CHECK (kg_co2e_per_unit > 0),
    unit               VARCHAR(40)  NOT NULL,
    source             VARCHAR(500) NOT NULL,
    valid_from         DATE         NOT NULL,
    PRIMARY KEY (item_id, version),
    FOREIGN KEY (item_id, version) REFERENCES content_version (item_id, version)
);

CREATE TABLE tip_version (
    item_id        BIGINT        NOT NULL,
    version        INT           NOT NULL,
    text_fr        VARCHAR(2000) NOT NULL,
    text_en        VARCHAR(2000),
    line_type      VARCHAR(8)    NOT NULL CHECK (line_type IN ('MOBILE', 'FIXED')),
    technologies   VARCHAR(64)   NOT NULL DEFAULT '', -- feed codes separated by commas; empty: any
    min_monthly_go NUMERIC CHECK (min_monthly_go > 0),
    saving_basis   VARCHAR(16)   NOT NULL CHECK (saving_basis IN ('VOLUME_SHARE', 'LINE_FLAT', 'OUTSIDE_METHOD')),
    volume_share   NUMERIC CHECK (volume_share > 0 AND volume_share <= 1),
    PRIMARY KEY (item_id, version),
    FOREIGN KEY (item_id, version) REFERENCES content_version (item_id, version)
);

-- the equivalences shown with one statement line, kept for ever: a corrected statement is a new revision
CREATE TABLE equivalence_binding (
    subscriber_id      VARCHAR(64)  NOT NULL,
    month              CHAR(7)      NOT NULL,
    line_id            VARCHAR(64)  NOT NULL,
    statement_revision VARCHAR(100) NOT NULL,
    bound_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (subscriber_id, month, line_id, statement_revision)
);

CREATE TABLE equivalence_binding_choice (
    subscriber_id      VARCHAR(64)  NOT NULL,
    month              CHAR(7)      NOT NULL,
    line_id            VARCHAR(64)  NOT NULL,
    statement_revision VARCHAR(100) NOT NULL,
    position           INT          NOT NULL,
    item_id            BIGINT       NOT NULL,
    version            INT          NOT NULL,
    exact_count        NUMERIC      NOT NULL,
    displayed_count    NUMERIC      NOT NULL,
    wording_fr         VARCHAR(300) NOT NULL,
    wording_en         VARCHAR(300),
    PRIMARY KEY (subscriber_id, month, line_id, statement_revision, position),
    FOREIGN KEY (subscriber_id, month, line_id, statement_revision)
        REFERENCES equivalence_binding (subscriber_id, month, line_id, statement_revision),
    FOREIGN KEY (item_id, version) REFERENCES equivalence_version (item_id, version)
);

-- views on the customer page, per item (null: the page) and calendar month (Europe/Paris) of the view
CREATE TABLE content_view (
    item_id BIGINT,
    month   CHAR(7) NOT NULL,
    views   BIGINT  NOT NULL
);
CREATE UNIQUE INDEX content_view_item_month ON content_view (COALESCE(item_id, 0), month);

CREATE TABLE feedback_rating (
    rating_id     BIGSERIAL PRIMARY KEY,
    subscriber_id VARCHAR(64) NOT NULL,
    target        VARCHAR(8)  NOT NULL CHECK (target IN ('PAGE', 'TIP')),
    item_id       BIGINT REFERENCES content_item (item_id),
    item_version  INT,
    month         CHAR(7)     NOT NULL,
    useful        BOOLEAN     NOT NULL,
    comment       VARCHAR(500),
    hidden        BOOLEAN     NOT NULL DEFAULT false,
    flagged       BOOLEAN     NOT NULL DEFAULT false,
    moderated_by  VARCHAR(64),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((target = 'PAGE') = (item_id IS NULL))
);
CREATE INDEX feedback_rating_month ON feedback_rating (month, item_id);
CREATE INDEX feedback_rating_item ON feedback_rating (item_id);

CREATE TABLE survey_version (
    version    INT PRIMARY KEY,
    created_by VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE survey_question (
    survey_version INT           NOT NULL REFERENCES survey_version (version),
    position       INT           NOT NULL,
    text_fr        VARCHAR(300)  NOT NULL,
    text_en        VARCHAR(300),
    PRIMARY KEY (survey_version, position)
);

-- one answer per subscriber and calendar quarter: the primary key is the rule
CREATE TABLE survey_answer (
    subscriber_id  VARCHAR(64) NOT NULL,
    quarter        CHAR(7)     NOT NULL,
    survey_version INT         NOT NULL REFERENCES survey_version (version),
    answered_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subscriber_id, quarter)
);

CREATE TABLE survey_answer_rating (
    subscriber_id VARCHAR(64) NOT NULL,
    quarter       CHAR(7)     NOT NULL,
    position      INT         NOT NULL,
    rating        SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    PRIMARY KEY (subscriber_id, quarter, position),
    FOREIGN KEY (subscriber_id, quarter) REFERENCES survey_answer (subscriber_id, quarter)
);
