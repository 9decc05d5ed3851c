-- Party dues (RULES.md §2), elections (换届, RULES.md §1.5) and the handling marks of organization-setting advice.

-- A member's dues base from an effective month on (第十条: a new rate applies from the month the new pay is first
-- received). One row per member and month: a second entry for the same month replaces the first.
CREATE TABLE dues_base (
    id              BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id       BIGINT        NOT NULL,
    member_id       BIGINT        NOT NULL REFERENCES member (id),
    -- first day of the month
    effective_month DATE          NOT NULL,
    category        VARCHAR(20)   NOT NULL,
    base            NUMERIC(12,2),
    fixed_amount    NUMERIC(8,2),
    rate            NUMERIC(6,4),
    monthly_due     NUMERIC(10,2) NOT NULL CHECK (monthly_due > 0),
    recorded_by     VARCHAR(50)   NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT dues_base_member_month_uk UNIQUE (member_id, effective_month),
    CONSTRAINT dues_base_first_day CHECK (EXTRACT(DAY FROM effective_month) = 1)
);
CREATE INDEX dues_base_month_idx ON dues_base (effective_month);

-- Payments for a month; several may add up to the month's due, and more than the due is a voluntary extra.
-- organization_id is the member's branch when the payment was taken.
CREATE TABLE dues_payment (
    id              BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id       BIGINT        NOT NULL,
    member_id       BIGINT        NOT NULL REFERENCES member (id),
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    month           DATE          NOT NULL,
    amount          NUMERIC(10,2) NOT NULL CHECK (amount > 0),
    paid_on         DATE          NOT NULL,
    channel         VARCHAR(20)   NOT NULL,
    voluntary       BOOLEAN       NOT NULL DEFAULT FALSE,
    recorded_by     VARCHAR(50)   NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT dues_payment_first_day CHECK (EXTRACT(DAY FROM month) = 1)
);
CREATE INDEX dues_payment_member_month_idx ON dues_payment (member_id, month);
CREATE INDEX dues_payment_month_idx ON dues_payment (month);

-- Election history: each election starts the next term of the organization (organization.term_started_on).
-- previous_term_ends_on is the end of the term it renewed, which the renewal completion rate counts by.
CREATE TABLE election (
    id                       BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id                BIGINT       NOT NULL,
    organization_id          BIGINT       NOT NULL REFERENCES organization (id),
    held_on                  DATE         NOT NULL,
    secretary_name           VARCHAR(50)  NOT NULL,
    secretary_member_id      BIGINT       REFERENCES member (id),
    -- JSON array of {"name","memberId","position"}
    committee                TEXT         NOT NULL,
    term_years               INT          NOT NULL,
    previous_term_started_on DATE,
    previous_term_ends_on    DATE,
    recorded_by              VARCHAR(50)  NOT NULL,
    recorded_at              TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX election_org_idx ON election (organization_id, held_on);
CREATE INDEX election_previous_end_idx ON election (previous_term_ends_on);

-- A township works through the advice list: a mark says an advice was dealt with (reported, approved, planned).
-- fact_key ties the mark to the fact it answered (the term end for term advice, the year otherwise), so a new
-- term or a new year shows the advice as open again.
CREATE TABLE advice_handling (
    id              BIGINT DEFAULT nextval('entity_id_seq') PRIMARY KEY,
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    code            VARCHAR(40)  NOT NULL,
    fact_key        VARCHAR(40)  NOT NULL,
    note            VARCHAR(500) NOT NULL,
    handled_by      VARCHAR(50)  NOT NULL,
    handled_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT advice_handling_uk UNIQUE (organization_id, code, fact_key)
);
