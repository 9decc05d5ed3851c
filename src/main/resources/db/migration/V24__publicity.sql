-- Learning, publicity and care (SPEC.md §4.10): weekly night study (每周夜学), cross lectures (交叉巡讲), stories
-- (故事讲述法) and the care fund (关心关爱法).

-- A night-study session of a township committee or an agency unit: form, topic, lecturer (a name) and who attended.
CREATE TABLE study_session (
    id              BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    held_on         DATE          NOT NULL,
    form            VARCHAR(20)   NOT NULL,
    topic           VARCHAR(200)  NOT NULL,
    lecturer        VARCHAR(50),
    recorded_by     VARCHAR(50)   NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT study_session_pk PRIMARY KEY (id, county_id),
    CONSTRAINT study_session_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT study_session_form_ck CHECK (form IN ('EXPERT_LECTURE', 'LEADER_LED', 'ROTATING_LECTURE', 'EXCHANGE', 'ONLINE'))
);
CREATE INDEX study_session_organization_idx ON study_session (organization_id, held_on);

CREATE TABLE study_attendee (
    county_id  BIGINT NOT NULL,
    session_id BIGINT NOT NULL,
    member_id  BIGINT NOT NULL,
    CONSTRAINT study_attendee_pk PRIMARY KEY (session_id, member_id, county_id),
    CONSTRAINT study_attendee_session_id_fk FOREIGN KEY (session_id, county_id)
        REFERENCES study_session (id, county_id) ON DELETE CASCADE,
    CONSTRAINT study_attendee_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id)
);
CREATE INDEX study_attendee_member_idx ON study_attendee (member_id);

-- A cross lecture (书记讲给书记听): a lecturer from another township than the host's.
CREATE TABLE cross_lecture (
    id                 BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id          BIGINT       NOT NULL,
    organization_id    BIGINT       NOT NULL,
    lecturer_member_id BIGINT       NOT NULL,
    held_on            DATE         NOT NULL,
    topic              VARCHAR(200) NOT NULL,
    recorded_by        VARCHAR(50)  NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT cross_lecture_pk PRIMARY KEY (id, county_id),
    CONSTRAINT cross_lecture_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT cross_lecture_lecturer_member_id_fk FOREIGN KEY (lecturer_member_id, county_id)
        REFERENCES member (id, county_id)
);
CREATE INDEX cross_lecture_organization_idx ON cross_lecture (organization_id, held_on);

-- Accessible study (私人定制法): what a member needs (recorded or, for members aged 70+, suggested) and the home
-- deliveries by red instructors (红色指导员).
CREATE TABLE study_need (
    county_id     BIGINT      NOT NULL,
    member_id     BIGINT      NOT NULL,
    large_print   BOOLEAN     NOT NULL,
    dialect_audio BOOLEAN     NOT NULL,
    home_delivery BOOLEAN     NOT NULL,
    version       INT         NOT NULL DEFAULT 0,
    updated_by    VARCHAR(50) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT study_need_pk PRIMARY KEY (member_id, county_id),
    CONSTRAINT study_need_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id)
);

CREATE TABLE home_delivery (
    id                   BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id            BIGINT       NOT NULL,
    member_id            BIGINT       NOT NULL,
    delivered_on         DATE         NOT NULL,
    instructor_member_id BIGINT       NOT NULL,
    note                 VARCHAR(500),
    recorded_by          VARCHAR(50)  NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT home_delivery_pk PRIMARY KEY (id, county_id),
    CONSTRAINT home_delivery_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT home_delivery_instructor_member_id_fk FOREIGN KEY (instructor_member_id, county_id)
        REFERENCES member (id, county_id)
);
CREATE INDEX home_delivery_member_idx ON home_delivery (member_id, delivered_on);

-- A story of a branch: submitted → compiled by the township → selected by the county (at most a setting a year).
CREATE TABLE story (
    id                 BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id          BIGINT        NOT NULL,
    organization_id    BIGINT        NOT NULL,
    year               INT           NOT NULL,
    title              VARCHAR(100)  NOT NULL,
    text               VARCHAR(5000) NOT NULL,
    secretary_comment  VARCHAR(1000),
    status             VARCHAR(20)   NOT NULL,
    photo              BYTEA,
    photo_type         VARCHAR(50),
    version            INT           NOT NULL DEFAULT 0,
    submitted_by       VARCHAR(50)   NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    compiled_by        VARCHAR(50),
    compiled_at        TIMESTAMP WITH TIME ZONE,
    selected_by        VARCHAR(50),
    selected_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT story_pk PRIMARY KEY (id, county_id),
    CONSTRAINT story_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT story_status_ck CHECK (status IN ('SUBMITTED', 'COMPILED', 'SELECTED')),
    CONSTRAINT story_year_ck CHECK (year BETWEEN 2000 AND 2100)
);
CREATE INDEX story_year_idx ON story (county_id, year, status);
CREATE INDEX story_organization_idx ON story (organization_id, year);

-- The county's selected stories of a year: the row every selection locks, so the yearly limit holds under races.
CREATE TABLE story_year (
    county_id BIGINT NOT NULL,
    year      INT    NOT NULL,
    selected  INT    NOT NULL DEFAULT 0,
    CONSTRAINT story_year_pk PRIMARY KEY (year, county_id),
    CONSTRAINT story_year_selected_ck CHECK (selected >= 0)
);

-- A care fund held by an organization; the balance is kept on the row (locked by every disbursement) and never
-- goes below zero.
CREATE TABLE care_fund (
    id              BIGINT         NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT         NOT NULL,
    organization_id BIGINT         NOT NULL,
    balance         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    version         INT            NOT NULL DEFAULT 0,
    CONSTRAINT care_fund_pk PRIMARY KEY (id, county_id),
    CONSTRAINT care_fund_organization_id_uk UNIQUE (county_id, organization_id),
    CONSTRAINT care_fund_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT care_fund_balance_ck CHECK (balance >= 0)
);

CREATE TABLE care_fund_movement (
    id           BIGINT         NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id    BIGINT         NOT NULL,
    fund_id      BIGINT         NOT NULL,
    kind         VARCHAR(20)    NOT NULL,
    moved_on     DATE           NOT NULL,
    amount       NUMERIC(12, 2) NOT NULL,
    source       VARCHAR(20),
    donor        VARCHAR(100),
    reason       VARCHAR(20),
    member_id    BIGINT,
    note         VARCHAR(500),
    recorded_by  VARCHAR(50)    NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT care_fund_movement_pk PRIMARY KEY (id, county_id),
    CONSTRAINT care_fund_movement_fund_id_fk FOREIGN KEY (fund_id, county_id) REFERENCES care_fund (id, county_id),
    CONSTRAINT care_fund_movement_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT care_fund_movement_kind_ck CHECK (kind IN ('CONTRIBUTION', 'DISBURSEMENT')),
    CONSTRAINT care_fund_movement_source_ck CHECK (source IS NULL
        OR source IN ('CROWDFUNDING', 'RETAINED_REWARD', 'DUES_RETURN', 'DONATION')),
    CONSTRAINT care_fund_movement_reason_ck CHECK (reason IS NULL OR reason IN ('ILLNESS', 'HARDSHIP', 'FUNERAL')),
    CONSTRAINT care_fund_movement_amount_ck CHECK (amount > 0),
    CONSTRAINT care_fund_movement_shape_ck CHECK ((kind = 'CONTRIBUTION' AND source IS NOT NULL AND reason IS NULL
        AND member_id IS NULL) OR (kind = 'DISBURSEMENT' AND source IS NULL AND reason IS NOT NULL AND member_id IS NOT NULL))
);
CREATE INDEX care_fund_movement_fund_idx ON care_fund_movement (fund_id, moved_on);
