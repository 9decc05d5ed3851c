-- Village governance (SPEC.md §4.9, RULES.md §7, issue 15 items 4 and 5): 四议两公开 decisions with their steps,
-- and the village "135" records: the three bodies, members' public commitments and model posts, the cadres' duty
-- roster and weekly meetings.
CREATE TABLE decision (
    id                BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id         BIGINT       NOT NULL,
    organization_id   BIGINT       NOT NULL,
    title             VARCHAR(200) NOT NULL,
    category          VARCHAR(20)  NOT NULL,
    combined_proposal BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the step DecisionPolicy expects next; NULL once the results are disclosed
    next_step         VARCHAR(24),
    recorded_by       VARCHAR(50)  NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version           INT          NOT NULL DEFAULT 0,
    CONSTRAINT decision_pk PRIMARY KEY (id, county_id),
    CONSTRAINT decision_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT decision_category_ck CHECK (category IN ('PLAN', 'LAND', 'ASSETS', 'PROJECT', 'VILLAGE_RULES', 'OTHER')),
    CONSTRAINT decision_next_step_ck CHECK (next_step IN ('PROPOSAL', 'DELIBERATION', 'MEMBERS_REVIEW',
        'VILLAGERS_RESOLUTION', 'RESOLUTION_DISCLOSED', 'RESULT_DISCLOSED'))
);
CREATE INDEX decision_organization_idx ON decision (organization_id, recorded_at);

CREATE TABLE decision_step (
    id          BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id   BIGINT       NOT NULL,
    decision_id BIGINT       NOT NULL,
    step        VARCHAR(24)  NOT NULL,
    held_on     DATE         NOT NULL,
    entitled    INT,
    present     INT,
    yes         INT,
    body        VARCHAR(20),
    place       VARCHAR(200),
    days        INT,
    notes       VARCHAR(1000),
    recorded_by VARCHAR(50)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT decision_step_pk PRIMARY KEY (id, county_id),
    CONSTRAINT decision_step_decision_id_step_uk UNIQUE (decision_id, step, county_id),
    CONSTRAINT decision_step_decision_id_fk FOREIGN KEY (decision_id, county_id) REFERENCES decision (id, county_id),
    CONSTRAINT decision_step_step_ck CHECK (step IN ('PROPOSAL', 'DELIBERATION', 'MEMBERS_REVIEW',
        'VILLAGERS_RESOLUTION', 'RESOLUTION_DISCLOSED', 'RESULT_DISCLOSED')),
    CONSTRAINT decision_step_body_ck CHECK (body IN ('VILLAGERS_MEETING', 'REPRESENTATIVES'))
);
CREATE INDEX decision_step_held_idx ON decision_step (held_on);

CREATE TABLE village_body (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    kind            VARCHAR(24)  NOT NULL,
    member_names    VARCHAR(50)[] NOT NULL,
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT village_body_pk PRIMARY KEY (id, county_id),
    CONSTRAINT village_body_organization_id_kind_uk UNIQUE (organization_id, kind, county_id),
    CONSTRAINT village_body_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT village_body_kind_ck CHECK (kind IN ('VILLAGE_COMMITTEE', 'VILLAGERS_COUNCIL', 'SUPERVISION_COMMITTEE'))
);

-- organization_id: the member's branch when the commitment was made (the audit trail's organization)
CREATE TABLE member_commitment (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    year            INT          NOT NULL,
    text            VARCHAR(200) NOT NULL,
    post            VARCHAR(24),
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT member_commitment_pk PRIMARY KEY (id, county_id),
    CONSTRAINT member_commitment_member_id_year_uk UNIQUE (member_id, year, county_id),
    CONSTRAINT member_commitment_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT member_commitment_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT member_commitment_post_ck CHECK (post IN ('MODEL_POST', 'RESPONSIBILITY_AREA', 'GREEN_GUARD'))
);
CREATE INDEX member_commitment_year_idx ON member_commitment (year, organization_id);

-- member_ids: the cadres on duty that week (checked against the county's members when written)
CREATE TABLE duty_roster (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    week_of         DATE         NOT NULL,
    member_ids      BIGINT[]     NOT NULL,
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT duty_roster_pk PRIMARY KEY (id, county_id),
    CONSTRAINT duty_roster_organization_id_week_of_uk UNIQUE (organization_id, week_of, county_id),
    CONSTRAINT duty_roster_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT duty_roster_week_of_ck CHECK (EXTRACT(ISODOW FROM week_of) = 1)
);

CREATE TABLE weekly_meeting (
    id                  BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id           BIGINT       NOT NULL,
    organization_id     BIGINT       NOT NULL,
    held_on             DATE         NOT NULL,
    topic               VARCHAR(200) NOT NULL,
    attendee_member_ids BIGINT[]     NOT NULL,
    recorded_by         VARCHAR(50)  NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT weekly_meeting_pk PRIMARY KEY (id, county_id),
    CONSTRAINT weekly_meeting_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id)
);
CREATE INDEX weekly_meeting_organization_idx ON weekly_meeting (organization_id, held_on);
