-- Membership development (发展党员, SPEC.md §4.5): one record book per person (一人一簿), its steps with their data,
-- the yearly plan per organization, and the warnings already sent to the inboxes.

-- A person on the way to membership, in the branch that receives them. stage and next_step are derived from the
-- steps by development.DevelopmentPolicy and kept here for lists and filters; member_id once accepted.
CREATE TABLE development_record (
    id                BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id         BIGINT       NOT NULL,
    organization_id   BIGINT       NOT NULL,
    name              VARCHAR(50)  NOT NULL,
    gender            VARCHAR(10)  NOT NULL,
    id_number         VARCHAR(18)  NOT NULL,
    birth_date        DATE         NOT NULL,
    applied_on        DATE         NOT NULL,
    stage             VARCHAR(20)  NOT NULL,
    next_step         VARCHAR(30),
    member_id         BIGINT,
    probation_ends_on DATE,
    accepted_on       DATE,
    version           INT          NOT NULL DEFAULT 0,
    created_by        VARCHAR(50)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT development_record_pk PRIMARY KEY (id, county_id),
    CONSTRAINT development_record_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT development_record_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT development_record_gender_ck CHECK (gender IN ('MALE', 'FEMALE')),
    CONSTRAINT development_record_stage_ck CHECK (stage IN ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY',
        'FULL', 'CANCELLED')),
    CONSTRAINT development_record_next_step_ck CHECK (next_step IS NULL OR next_step IN ('APPLICATION', 'TALK',
        'ACTIVIST', 'ACTIVIST_FILED', 'CONTACTS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE', 'CANDIDATE_FILED',
        'INTRODUCERS', 'POLITICAL_REVIEW', 'TRAINING', 'COMMITTEE_REVIEW', 'PRE_REVIEW', 'VOLUNTEER_FORM',
        'ACCEPTANCE_VOTE', 'HIGHER_TALK', 'ACCEPTANCE_APPROVAL', 'ACCEPTANCE_FILED', 'ASSIGNED_TO_GROUP', 'OATH',
        'PROBATION_EDUCATION', 'CONVERSION_APPLICATION', 'CONVERSION_VOTE', 'CONVERSION_APPROVAL', 'ARCHIVED',
        'PROBATION_EXTENDED', 'PROBATION_CANCELLED', 'WITHDRAWN'))
);
CREATE INDEX development_record_organization_idx ON development_record (organization_id, stage);
CREATE INDEX development_record_id_number_idx ON development_record (id_number);

-- A step done: its date, who recorded it and its own data. Members named by a step (contacts, introducers) are in
-- development_step_member. ACTIVIST_ASSESSMENT repeats; every other step is recorded once per record.
CREATE TABLE development_step (
    id             BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id      BIGINT       NOT NULL,
    record_id      BIGINT       NOT NULL,
    step           VARCHAR(30)  NOT NULL,
    on_date        DATE         NOT NULL,
    conclusion     VARCHAR(10),
    hours          INT,
    entitled       INT,
    entitled_full  INT,
    present        INT,
    yes_votes      INT,
    months         INT,
    reason         VARCHAR(500),
    note           VARCHAR(500),
    recorded_by    VARCHAR(50)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT development_step_pk PRIMARY KEY (id, county_id),
    CONSTRAINT development_step_record_id_fk FOREIGN KEY (record_id, county_id)
        REFERENCES development_record (id, county_id),
    CONSTRAINT development_step_step_ck CHECK (step IN ('APPLICATION', 'TALK', 'ACTIVIST', 'ACTIVIST_FILED',
        'CONTACTS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE', 'CANDIDATE_FILED', 'INTRODUCERS',
        'POLITICAL_REVIEW', 'TRAINING', 'COMMITTEE_REVIEW', 'PRE_REVIEW', 'VOLUNTEER_FORM', 'ACCEPTANCE_VOTE',
        'HIGHER_TALK', 'ACCEPTANCE_APPROVAL', 'ACCEPTANCE_FILED', 'ASSIGNED_TO_GROUP', 'OATH', 'PROBATION_EDUCATION',
        'CONVERSION_APPLICATION', 'CONVERSION_VOTE', 'CONVERSION_APPROVAL', 'ARCHIVED', 'PROBATION_EXTENDED',
        'PROBATION_CANCELLED', 'WITHDRAWN')),
    CONSTRAINT development_step_conclusion_ck CHECK (conclusion IS NULL OR conclusion IN ('PASSED', 'FAILED')),
    CONSTRAINT development_step_hours_ck CHECK (hours IS NULL OR hours >= 0),
    CONSTRAINT development_step_votes_ck CHECK (entitled IS NULL OR (entitled_full BETWEEN 0 AND entitled
        AND present BETWEEN 0 AND entitled AND yes_votes BETWEEN 0 AND entitled)),
    CONSTRAINT development_step_months_ck CHECK (months IS NULL OR months BETWEEN 6 AND 12)
);
CREATE INDEX development_step_record_idx ON development_step (record_id, on_date);
CREATE UNIQUE INDEX development_step_once_idx ON development_step (record_id, step, county_id)
    WHERE step <> 'ACTIVIST_ASSESSMENT';

CREATE TABLE development_step_member (
    county_id   BIGINT   NOT NULL,
    step_id     BIGINT   NOT NULL,
    position    SMALLINT NOT NULL,
    member_id   BIGINT   NOT NULL,
    CONSTRAINT development_step_member_pk PRIMARY KEY (step_id, position, county_id),
    CONSTRAINT development_step_member_step_id_fk FOREIGN KEY (step_id, county_id)
        REFERENCES development_step (id, county_id),
    CONSTRAINT development_step_member_member_id_fk FOREIGN KEY (member_id, county_id)
        REFERENCES member (id, county_id)
);

-- 发展党员有计划: an organization's quota of acceptances for a year.
CREATE TABLE development_plan (
    county_id       BIGINT      NOT NULL,
    organization_id BIGINT      NOT NULL,
    year            INT         NOT NULL,
    quota           INT         NOT NULL,
    updated_by      VARCHAR(50) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT development_plan_pk PRIMARY KEY (organization_id, year, county_id),
    CONSTRAINT development_plan_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT development_plan_quota_ck CHECK (quota BETWEEN 0 AND 100000)
);

-- Warnings the daily job has put in the inboxes: one row per record, warning and the date it became due, so a
-- rerun sends nothing new and a warning that comes back later (a new due date) is sent again.
CREATE TABLE development_warning_sent (
    county_id  BIGINT      NOT NULL,
    record_id  BIGINT      NOT NULL,
    code       VARCHAR(30) NOT NULL,
    due_on     DATE        NOT NULL,
    sent_on    DATE        NOT NULL,
    CONSTRAINT development_warning_sent_pk PRIMARY KEY (record_id, code, due_on, county_id),
    CONSTRAINT development_warning_sent_record_id_fk FOREIGN KEY (record_id, county_id)
        REFERENCES development_record (id, county_id),
    CONSTRAINT development_warning_sent_code_ck CHECK (code IN ('TALK_OVERDUE', 'ASSESSMENT_OVERDUE',
        'APPROVAL_OVERDUE', 'CONVERSION_OVERDUE'))
);

-- 取消预备党员资格 takes a probationary member off the roll (member.MemberStatus.PROBATION_CANCELLED).
ALTER TABLE member DROP CONSTRAINT member_status_ck;
ALTER TABLE member ADD CONSTRAINT member_status_ck CHECK (status IN ('NORMAL', 'SUSPENDED', 'LOST_CONTACT',
    'TRANSFERRED_OUT', 'DECEASED', 'PROBATION_CANCELLED'));
