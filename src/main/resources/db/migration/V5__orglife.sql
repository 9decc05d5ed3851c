-- Organizational life (SPEC.md §4.2): monthly plans, meetings with the effective attendance of every branch member,
-- evidence files, remote reports, themed-day exemptions, closed years and the four-color read model.
-- Months are stored as the first day of the month.

CREATE TABLE meeting_plan (
    id              BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    month           DATE         NOT NULL,
    theme           VARCHAR(200) NOT NULL,
    content         TEXT,
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT meeting_plan_branch_month_uk UNIQUE (organization_id, month),
    CONSTRAINT meeting_plan_first_day CHECK (EXTRACT(DAY FROM month) = 1)
);

CREATE TABLE meeting (
    id              BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id       BIGINT       NOT NULL,
    -- always the branch; a group meeting also names its group
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    group_id        BIGINT       REFERENCES organization (id),
    type            VARCHAR(30)  NOT NULL,
    held_on         DATE         NOT NULL,
    theme           VARCHAR(200) NOT NULL,
    first_topic     VARCHAR(500),
    host_member_id  BIGINT       REFERENCES member (id),
    general_meeting VARCHAR(20),
    minutes         TEXT,
    plan_id         BIGINT       REFERENCES meeting_plan (id),
    backfilled      BOOLEAN      NOT NULL DEFAULT FALSE,
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_by      VARCHAR(50),
    updated_at      TIMESTAMP WITH TIME ZONE,
    version         INT          NOT NULL DEFAULT 0
);
-- the yearly grid, accountability and compliance all read a branch's meetings of a type over a date range
CREATE INDEX meeting_branch_type_held_idx ON meeting (organization_id, type, held_on);
CREATE INDEX meeting_county_held_idx ON meeting (county_id, held_on);

-- Every member of the branch on the meeting date has a row (for the whole-branch meeting types) with the status
-- the secretary listed (null: not listed) and the effective status of SPEC.md §4.2, so aggregates are plain SQL.
CREATE TABLE meeting_attendance (
    meeting_id    BIGINT      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    member_id     BIGINT      NOT NULL REFERENCES member (id),
    county_id     BIGINT      NOT NULL,
    listed_status VARCHAR(20),
    status        VARCHAR(20) NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member_idx ON meeting_attendance (member_id);

-- Evidence: the bytes live under the data directory, content-addressed by their SHA-256.
CREATE TABLE meeting_file (
    id           BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id    BIGINT       NOT NULL,
    meeting_id   BIGINT       NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    name         VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    storage_path VARCHAR(500) NOT NULL,
    uploaded_by  VARCHAR(50)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX meeting_file_meeting_idx ON meeting_file (meeting_id);

CREATE TABLE remote_report (
    id          BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id   BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL REFERENCES member (id),
    month       DATE        NOT NULL,
    channel     VARCHAR(10) NOT NULL,
    content     TEXT        NOT NULL,
    entered_by  VARCHAR(50) NOT NULL,
    on_behalf   BOOLEAN     NOT NULL DEFAULT FALSE,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT remote_report_member_month_uk UNIQUE (member_id, month),
    CONSTRAINT remote_report_first_day CHECK (EXTRACT(DAY FROM month) = 1)
);
CREATE INDEX remote_report_month_idx ON remote_report (county_id, month);

CREATE TABLE themed_day_exemption (
    id              BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    month           DATE         NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    granted_by_org  BIGINT       NOT NULL REFERENCES organization (id),
    granted_by      VARCHAR(50)  NOT NULL,
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT themed_day_exemption_branch_month_uk UNIQUE (organization_id, month),
    CONSTRAINT themed_day_exemption_first_day CHECK (EXTRACT(DAY FROM month) = 1)
);

-- Year closing (年度关账) is a county action: afterwards only the county changes that year's records.
CREATE TABLE orglife_closed_year (
    county_id BIGINT      NOT NULL,
    year      INT         NOT NULL,
    closed_by VARCHAR(50) NOT NULL,
    closed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (county_id, year)
);

-- Read model of the four colors (one row per member and ended month the member owns), rebuilt set-based per
-- county-year for dashboards and the benchmark; the per-branch API computes the same cells live. Deletes go
-- through the branch index (a county is its branches), so writes maintain only two indexes.
CREATE TABLE four_color_month (
    county_id   BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    month       DATE        NOT NULL,
    branch_id   BIGINT      NOT NULL,
    color       VARCHAR(10) NOT NULL,
    computed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (member_id, month)
);
CREATE INDEX four_color_month_branch_idx ON four_color_month (branch_id, month);
