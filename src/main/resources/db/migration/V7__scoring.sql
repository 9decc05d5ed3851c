-- Member scores (SPEC.md §4.3): the county's point catalogue, monthly point claims, the inputs of other work
-- (cadres' daily logs, village secretaries' lectures) and the vanguard index read model.
-- Months are stored as the first day of the month.

-- The catalogue of a county: points fixed by the item (bonus > 0, deduction < 0), an optional yearly cap on the
-- absolute points one member may get from the item, veto items (一票否决) that zero the year.
CREATE TABLE point_item (
    id          BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id   BIGINT       NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    points      INT          NOT NULL,
    yearly_cap  INT,
    veto        BOOLEAN      NOT NULL DEFAULT FALSE,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by  VARCHAR(50)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT point_item_code_uk UNIQUE (county_id, code),
    CONSTRAINT point_item_cap_ck CHECK (yearly_cap IS NULL OR yearly_cap >= abs(points))
);

-- A claim keeps the item's name, points and veto flag as filed: the points a reviewer approved stay the points
-- counted. filed_by_account is null only for rows loaded without an account (the demo county's history).
CREATE TABLE point_claim (
    id                  BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id           BIGINT       NOT NULL,
    member_id           BIGINT       NOT NULL REFERENCES member (id),
    -- the member's branch when the claim was filed (the audit trail's organization)
    organization_id     BIGINT       NOT NULL REFERENCES organization (id),
    month               DATE         NOT NULL,
    item_id             BIGINT       NOT NULL REFERENCES point_item (id),
    item_code           VARCHAR(40)  NOT NULL,
    item_name           VARCHAR(100) NOT NULL,
    points              INT          NOT NULL,
    veto                BOOLEAN      NOT NULL DEFAULT FALSE,
    note                VARCHAR(500) NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    filed_by_account    BIGINT       REFERENCES account (id),
    filed_by            VARCHAR(50)  NOT NULL,
    filed_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    reviewed_by_account BIGINT       REFERENCES account (id),
    reviewed_by         VARCHAR(50),
    reviewed_at         TIMESTAMP WITH TIME ZONE,
    review_reason       VARCHAR(500),
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT point_claim_first_day CHECK (EXTRACT(DAY FROM month) = 1),
    CONSTRAINT point_claim_status_ck CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'))
);
CREATE INDEX point_claim_member_idx ON point_claim (member_id, month);
CREATE INDEX point_claim_county_idx ON point_claim (county_id, status, month);
CREATE INDEX point_claim_org_idx ON point_claim (organization_id, status);

-- Cadres on duty (驻村干部, 联村干部): a duty month without any daily log is a missed month (日志日销).
CREATE TABLE cadre_duty (
    id              BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id       BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL REFERENCES member (id),
    -- the village (branch) the cadre serves
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    started_on      DATE         NOT NULL,
    ended_on        DATE,
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT cadre_duty_period_ck CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX cadre_duty_member_idx ON cadre_duty (member_id);
CREATE INDEX cadre_duty_county_idx ON cadre_duty (county_id);

CREATE TABLE cadre_log (
    id          BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id   BIGINT       NOT NULL,
    member_id   BIGINT       NOT NULL REFERENCES member (id),
    logged_on   DATE         NOT NULL,
    content     TEXT         NOT NULL,
    recorded_by VARCHAR(50)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT cadre_log_member_day_uk UNIQUE (member_id, logged_on)
);
CREATE INDEX cadre_log_county_idx ON cadre_log (county_id, logged_on);

-- Who is the secretary of a village (RURAL) branch, from when: the one in office on 12-31 answers for the year's
-- lectures (村支部书记每年至少上2次党课). Ending a term and starting the next happen in one designation.
CREATE TABLE village_secretary (
    id          BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id   BIGINT       NOT NULL,
    branch_id   BIGINT       NOT NULL REFERENCES organization (id),
    member_id   BIGINT       NOT NULL REFERENCES member (id),
    started_on  DATE         NOT NULL,
    ended_on    DATE,
    recorded_by VARCHAR(50)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT village_secretary_period_ck CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX village_secretary_branch_idx ON village_secretary (branch_id, started_on);
CREATE INDEX village_secretary_county_idx ON village_secretary (county_id);

-- Read model: one row per member and year, rebuilt from the entries of every input (per member on change,
-- set-based per county on demand). q1..q4: the index as at each quarter's end, filled once the quarter has ended
-- (季推进, published as 晒积分). settings_hash marks the rule numbers the row was computed with (a hash of the
-- readable key kept in vanguard_year), so a row computed under other settings is recognised as stale.
CREATE TABLE vanguard_index (
    -- no foreign key: a read model rebuilt in bulk, where a key check per row would cost more than it guards
    member_id     BIGINT      NOT NULL,
    year          INT         NOT NULL,
    county_id     BIGINT      NOT NULL,
    score         SMALLINT    NOT NULL,
    grade         VARCHAR(10) NOT NULL,
    warning       BOOLEAN     NOT NULL,
    deductions    INT         NOT NULL,
    bonus         INT         NOT NULL,
    bonus_counted INT         NOT NULL,
    veto          BOOLEAN     NOT NULL,
    q1            SMALLINT,
    q2            SMALLINT,
    q3            SMALLINT,
    q4            SMALLINT,
    settings_hash BIGINT      NOT NULL,
    computed_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (member_id, year)
) WITH (fillfactor = 50);
-- Only columns a recompute never changes are indexed, and pages keep room: a recompute that rewrites every row (a
-- settings change) updates them in place (HOT) instead of touching every index.
CREATE INDEX vanguard_index_county_year_idx ON vanguard_index (county_id, year);

-- When a county-year was last recomputed as a whole, and with which settings: lists recompute when the settings
-- changed or a month has ended since (missed-log months and the lecture year are judged at month ends).
CREATE TABLE vanguard_year (
    county_id    BIGINT  NOT NULL,
    year         INT     NOT NULL,
    settings_key TEXT    NOT NULL,
    members      INT     NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (county_id, year)
);

-- The set-based recompute reads only attendance that costs points (the usual PRESENT rows earn nothing): this
-- partial covering index on orglife's table lets it read those rows from the index alone instead of scanning every
-- attendance row of the year. Owned by scoring; the recompute falls back to a scan when a county's settings score
-- other statuses.
CREATE INDEX meeting_attendance_scored_idx ON meeting_attendance (meeting_id) INCLUDE (member_id, status)
    WHERE status IN ('LEAVE', 'LATE_OR_EARLY', 'ABSENT');
