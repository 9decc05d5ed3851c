-- Mass work (SPEC.md §4.9, issue 15): the people's-sentiment ledger (民情信息库) of households per village, the
-- cadres' visits (民情日记, 五问) and the service errands (民事代办) that must not go overnight (事不过夜).
CREATE TABLE household (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    head            VARCHAR(50)  NOT NULL,
    address         VARCHAR(200) NOT NULL,
    group_name      VARCHAR(50),
    phone           VARCHAR(20),
    tags            VARCHAR(20)[] NOT NULL DEFAULT '{}',
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT household_pk PRIMARY KEY (id, county_id),
    CONSTRAINT household_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT household_tags_ck CHECK (tags <@ ARRAY['POOR', 'LOW_INCOME', 'LEFT_BEHIND', 'ELDERLY_ALONE', 'DISABLED']::VARCHAR(20)[])
);
CREATE INDEX household_organization_idx ON household (organization_id, head);

CREATE TABLE household_visit (
    id                BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id         BIGINT       NOT NULL,
    household_id      BIGINT       NOT NULL,
    visited_on        DATE         NOT NULL,
    visitor_member_id BIGINT,
    questions         VARCHAR(20)[] NOT NULL DEFAULT '{}',
    notes             VARCHAR(2000),
    findings          VARCHAR(2000),
    follow_up         VARCHAR(1000),
    recorded_by       VARCHAR(50)  NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT household_visit_pk PRIMARY KEY (id, county_id),
    CONSTRAINT household_visit_household_id_fk FOREIGN KEY (household_id, county_id) REFERENCES household (id, county_id),
    CONSTRAINT household_visit_visitor_member_id_fk FOREIGN KEY (visitor_member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT household_visit_questions_ck CHECK (questions <@ ARRAY['THINKING', 'HOPING', 'DOING', 'WORRYING', 'NEEDING']::VARCHAR(20)[])
);
CREATE INDEX household_visit_household_idx ON household_visit (household_id, visited_on);
CREATE INDEX household_visit_visitor_idx ON household_visit (visitor_member_id, visited_on);

-- deadline_at (the start of the county day after receipt) and promise_end_at (the start of the day after the
-- promised date) are written by ErrandPolicy, so "overnight" and "overdue" are plain comparisons in SQL.
CREATE TABLE errand (
    id                BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id         BIGINT       NOT NULL,
    organization_id   BIGINT       NOT NULL,
    requester         VARCHAR(50)  NOT NULL,
    content           VARCHAR(1000) NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_on       DATE         NOT NULL,
    deadline_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    handler_member_id BIGINT,
    status            VARCHAR(12)  NOT NULL DEFAULT 'RECEIVED',
    done_at           TIMESTAMP WITH TIME ZONE,
    result            VARCHAR(1000),
    deferred_at       TIMESTAMP WITH TIME ZONE,
    reply             VARCHAR(1000),
    promised_on       DATE,
    promise_end_at    TIMESTAMP WITH TIME ZONE,
    satisfaction      VARCHAR(12),
    recorded_by       VARCHAR(50)  NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version           INT          NOT NULL DEFAULT 0,
    CONSTRAINT errand_pk PRIMARY KEY (id, county_id),
    CONSTRAINT errand_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT errand_handler_member_id_fk FOREIGN KEY (handler_member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT errand_status_ck CHECK (status IN ('RECEIVED', 'DEFERRED', 'DONE')),
    CONSTRAINT errand_satisfaction_ck CHECK (satisfaction IN ('SATISFIED', 'BASIC', 'UNSATISFIED')),
    CONSTRAINT errand_done_at_ck CHECK ((status = 'DONE') = (done_at IS NOT NULL)),
    CONSTRAINT errand_promised_on_ck CHECK ((promised_on IS NULL) = (deferred_at IS NULL))
);
CREATE INDEX errand_organization_idx ON errand (organization_id, received_on);
CREATE INDEX errand_handler_idx ON errand (handler_member_id, received_on);
