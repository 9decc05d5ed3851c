-- Weak-and-lax organizations (软弱涣散, SPEC.md §4.8, 三点三帮): the county's confirmed list of a year, one row per
-- organization and year, with its three helpers and its stage RECTIFYING → TRANSFORMED → CONSOLIDATED → CLOSED (销号).
CREATE TABLE weak_lax (
    id                           BIGINT      NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id                    BIGINT      NOT NULL,
    organization_id              BIGINT      NOT NULL,
    year                         INT         NOT NULL,
    status                       VARCHAR(20) NOT NULL DEFAULT 'RECTIFYING',
    county_leader_member_id      BIGINT      NOT NULL,
    township_secretary_member_id BIGINT      NOT NULL,
    resident_cadre_member_id     BIGINT      NOT NULL,
    version                      INT         NOT NULL DEFAULT 0,
    transformed_on               DATE,
    consolidated_on              DATE,
    closed_on                    DATE,
    confirmed_by                 VARCHAR(50) NOT NULL,
    confirmed_at                 TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT weak_lax_pk PRIMARY KEY (id, county_id),
    CONSTRAINT weak_lax_organization_id_year_uk UNIQUE (county_id, organization_id, year),
    CONSTRAINT weak_lax_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT weak_lax_county_leader_member_id_fk FOREIGN KEY (county_leader_member_id, county_id)
        REFERENCES member (id, county_id),
    CONSTRAINT weak_lax_township_secretary_member_id_fk FOREIGN KEY (township_secretary_member_id, county_id)
        REFERENCES member (id, county_id),
    CONSTRAINT weak_lax_resident_cadre_member_id_fk FOREIGN KEY (resident_cadre_member_id, county_id)
        REFERENCES member (id, county_id),
    CONSTRAINT weak_lax_status_ck CHECK (status IN ('RECTIFYING', 'TRANSFORMED', 'CONSOLIDATED', 'CLOSED'))
);
CREATE INDEX weak_lax_year_idx ON weak_lax (county_id, year, organization_id);

-- Why an organization was listed: the candidate run's criteria as they read at confirmation, and MANUAL ones (an
-- item of the national list) with the county's note. Codes are checked by form, not by list: a later module adds a
-- criterion bean (common.WeakLaxCriterion) without a migration.
CREATE TABLE weak_lax_criterion (
    county_id   BIGINT        NOT NULL,
    weak_lax_id BIGINT        NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    message     VARCHAR(1000) NOT NULL,
    note        VARCHAR(1000),
    CONSTRAINT weak_lax_criterion_pk PRIMARY KEY (weak_lax_id, code, county_id),
    CONSTRAINT weak_lax_criterion_weak_lax_id_fk FOREIGN KEY (weak_lax_id, county_id)
        REFERENCES weak_lax (id, county_id),
    CONSTRAINT weak_lax_criterion_code_ck CHECK (code ~ '^[A-Z][A-Z_]{0,39}$')
);

-- Help measures (帮强班子、帮大产业、帮富群众), one row per measure taken.
CREATE TABLE weak_lax_measure (
    id          BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id   BIGINT        NOT NULL,
    weak_lax_id BIGINT        NOT NULL,
    taken_on    DATE          NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    recorded_by VARCHAR(50)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT weak_lax_measure_pk PRIMARY KEY (id, county_id),
    CONSTRAINT weak_lax_measure_weak_lax_id_fk FOREIGN KEY (weak_lax_id, county_id)
        REFERENCES weak_lax (id, county_id),
    CONSTRAINT weak_lax_measure_kind_ck CHECK (kind IN ('STRENGTHEN_TEAM', 'GROW_INDUSTRY', 'ENRICH_PEOPLE'))
);
CREATE INDEX weak_lax_measure_weak_lax_idx ON weak_lax_measure (weak_lax_id, taken_on);
