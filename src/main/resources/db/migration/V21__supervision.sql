-- Responsibility and supervision (SPEC.md §4.8): assigned problems (问题交办) and the three lists (三张清单).

-- A rectification notice (整改通知) issued by an organization to organizations below it.
CREATE TABLE rectification_notice (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    title           VARCHAR(200) NOT NULL,
    issued_on       DATE         NOT NULL,
    issued_by       VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT rectification_notice_pk PRIMARY KEY (id, county_id),
    CONSTRAINT rectification_notice_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id)
);
CREATE INDEX rectification_notice_organization_idx ON rectification_notice (county_id, organization_id);

-- One problem of a notice, assigned to one organization with a deadline: OPEN → RECTIFIED → CLOSED (or back to
-- OPEN when the issuing side does not accept the rectification). reopened_at: evidence for a new rectification
-- must be uploaded after it.
CREATE TABLE problem (
    id              BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT        NOT NULL,
    notice_id       BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    due_on          DATE          NOT NULL,
    status          VARCHAR(20)   NOT NULL DEFAULT 'OPEN',
    version         INT           NOT NULL DEFAULT 0,
    rectified_on    DATE,
    closed_on       DATE,
    reopened_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT problem_pk PRIMARY KEY (id, county_id),
    CONSTRAINT problem_notice_id_fk FOREIGN KEY (notice_id, county_id)
        REFERENCES rectification_notice (id, county_id),
    CONSTRAINT problem_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT problem_status_ck CHECK (status IN ('OPEN', 'RECTIFIED', 'CLOSED'))
);
CREATE INDEX problem_organization_idx ON problem (county_id, organization_id, status);
CREATE INDEX problem_notice_idx ON problem (notice_id);
CREATE INDEX problem_due_idx ON problem (county_id, status, due_on);

-- The follow-up rhythm as recorded by the issuing side: 一月随访、一季督促、半年考核、年终总评.
CREATE TABLE problem_follow_up (
    id          BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id   BIGINT        NOT NULL,
    problem_id  BIGINT        NOT NULL,
    held_on     DATE          NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    recorded_by VARCHAR(50)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT problem_follow_up_pk PRIMARY KEY (id, county_id),
    CONSTRAINT problem_follow_up_problem_id_fk FOREIGN KEY (problem_id, county_id)
        REFERENCES problem (id, county_id),
    CONSTRAINT problem_follow_up_kind_ck CHECK (kind IN ('MONTHLY_VISIT', 'QUARTERLY_URGE', 'HALF_YEAR_REVIEW',
        'YEAR_END_REVIEW'))
);
CREATE INDEX problem_follow_up_problem_idx ON problem_follow_up (problem_id, kind, held_on);

-- What happened to a problem: the assignee's rectification report and the issuing side's verdicts.
CREATE TABLE problem_step (
    id          BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id   BIGINT        NOT NULL,
    problem_id  BIGINT        NOT NULL,
    step        VARCHAR(20)   NOT NULL,
    taken_on    DATE          NOT NULL,
    note        VARCHAR(1000),
    taken_by    VARCHAR(50)   NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT problem_step_pk PRIMARY KEY (id, county_id),
    CONSTRAINT problem_step_problem_id_fk FOREIGN KEY (problem_id, county_id)
        REFERENCES problem (id, county_id),
    CONSTRAINT problem_step_step_ck CHECK (step IN ('RECTIFIED', 'ACCEPTED', 'REOPENED'))
);
CREATE INDEX problem_step_problem_idx ON problem_step (problem_id);

-- 三张清单: per village organization, year and kind, items with due dates and optional lead members (领办项目).
CREATE TABLE duty_list (
    id              BIGINT      NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT      NOT NULL,
    organization_id BIGINT      NOT NULL,
    year            INT         NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    created_by      VARCHAR(50) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT duty_list_pk PRIMARY KEY (id, county_id),
    CONSTRAINT duty_list_organization_id_year_kind_uk UNIQUE (county_id, organization_id, year, kind),
    CONSTRAINT duty_list_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT duty_list_kind_ck CHECK (kind IN ('ORGANIZATION', 'MEMBER', 'LIVELIHOOD'))
);
CREATE INDEX duty_list_year_idx ON duty_list (county_id, year);

CREATE TABLE duty_item (
    id             BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id      BIGINT       NOT NULL,
    list_id        BIGINT       NOT NULL,
    position       SMALLINT     NOT NULL,
    title          VARCHAR(200) NOT NULL,
    due_on         DATE         NOT NULL,
    lead_member_id BIGINT,
    done_on        DATE,
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT duty_item_pk PRIMARY KEY (id, county_id),
    CONSTRAINT duty_item_list_id_fk FOREIGN KEY (list_id, county_id) REFERENCES duty_list (id, county_id),
    CONSTRAINT duty_item_lead_member_id_fk FOREIGN KEY (lead_member_id, county_id) REFERENCES member (id, county_id)
);
CREATE INDEX duty_item_list_idx ON duty_item (list_id);

-- Progress notes; the latest one's done flag decides whether the item is done (duty_item.done_on).
CREATE TABLE duty_progress (
    id          BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id   BIGINT        NOT NULL,
    item_id     BIGINT        NOT NULL,
    noted_on    DATE          NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    done        BOOLEAN       NOT NULL,
    recorded_by VARCHAR(50)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT duty_progress_pk PRIMARY KEY (id, county_id),
    CONSTRAINT duty_progress_item_id_fk FOREIGN KEY (item_id, county_id) REFERENCES duty_item (id, county_id)
);
CREATE INDEX duty_progress_item_idx ON duty_progress (item_id);

-- Evidence files (photos, documents) of a problem's rectification or a duty item's progress; bytes stored as
-- meeting files are (content-addressed under the data directory).
CREATE TABLE supervision_file (
    id           BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id    BIGINT       NOT NULL,
    problem_id   BIGINT,
    duty_item_id BIGINT,
    name         VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    storage_path VARCHAR(500) NOT NULL,
    uploaded_by  VARCHAR(50)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT supervision_file_pk PRIMARY KEY (id, county_id),
    CONSTRAINT supervision_file_problem_id_fk FOREIGN KEY (problem_id, county_id) REFERENCES problem (id, county_id),
    CONSTRAINT supervision_file_duty_item_id_fk FOREIGN KEY (duty_item_id, county_id)
        REFERENCES duty_item (id, county_id),
    CONSTRAINT supervision_file_owner_ck CHECK (num_nonnulls(problem_id, duty_item_id) = 1)
);
CREATE INDEX supervision_file_problem_idx ON supervision_file (problem_id);
CREATE INDEX supervision_file_duty_item_idx ON supervision_file (duty_item_id);

-- Contact assignments (挂联包帮): a cadre assigned to a township, village or branch, with yearly duties (settings).
CREATE TABLE contact_assignment (
    id              BIGINT      NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT      NOT NULL,
    kind            VARCHAR(30) NOT NULL,
    member_id       BIGINT      NOT NULL,
    organization_id BIGINT      NOT NULL,
    started_on      DATE        NOT NULL,
    created_by      VARCHAR(50) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT contact_assignment_pk PRIMARY KEY (id, county_id),
    CONSTRAINT contact_assignment_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT contact_assignment_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT contact_assignment_kind_ck CHECK (kind IN ('LEADER_TO_TOWNSHIP', 'DEPARTMENT_TO_VILLAGE',
        'TOWNSHIP_MEMBER_TO_BRANCH', 'FIRST_SECRETARY_TO_VILLAGE'))
);
CREATE INDEX contact_assignment_organization_idx ON contact_assignment (county_id, organization_id, kind);

CREATE TABLE contact_activity (
    id            BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id     BIGINT        NOT NULL,
    assignment_id BIGINT        NOT NULL,
    held_on       DATE          NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    note          VARCHAR(1000) NOT NULL,
    recorded_by   VARCHAR(50)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT contact_activity_pk PRIMARY KEY (id, county_id),
    CONSTRAINT contact_activity_assignment_id_fk FOREIGN KEY (assignment_id, county_id)
        REFERENCES contact_assignment (id, county_id),
    CONSTRAINT contact_activity_kind_ck CHECK (kind IN ('RESEARCH_DAY', 'DISPATCH_MEETING', 'PROBLEM_SOLVED',
        'RESEARCH_REPORT', 'LIFE_MEETING_GUIDED', 'VISIT'))
);
CREATE INDEX contact_activity_assignment_idx ON contact_activity (assignment_id, held_on);
