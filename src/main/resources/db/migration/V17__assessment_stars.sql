-- Five stars (五星激励法, SPEC.md §4.7) and commendations (评优评先).
-- A county's standard (标星) per year and field: items whose points sum to 100, scored by hand or by an indicator.
CREATE TABLE star_standard (
    id          BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id   BIGINT       NOT NULL,
    year        INT          NOT NULL,
    field       VARCHAR(20)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    updated_by  VARCHAR(50)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT star_standard_pk PRIMARY KEY (id, county_id),
    CONSTRAINT star_standard_year_field_uk UNIQUE (county_id, year, field)
);

CREATE TABLE star_standard_item (
    county_id   BIGINT       NOT NULL,
    standard_id BIGINT       NOT NULL,
    position    SMALLINT     NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    points      SMALLINT     NOT NULL,
    indicator   VARCHAR(20),
    CONSTRAINT star_standard_item_pk PRIMARY KEY (standard_id, code, county_id),
    CONSTRAINT star_standard_item_standard_id_fk FOREIGN KEY (standard_id, county_id)
        REFERENCES star_standard (id, county_id) ON DELETE CASCADE,
    CONSTRAINT star_standard_item_points_ck CHECK (points BETWEEN 1 AND 100),
    CONSTRAINT star_standard_item_indicator_ck CHECK (indicator IS NULL
        OR indicator IN ('COMPLIANCE_RATE', 'DUES_PAID_RATE', 'WARNING_FREE'))
);

-- One assessment per organization and year: 自评 → 评星 → 定星 → 挂星. score and banded_stars are written at
-- confirmation (then frozen); stars is the confirmed stars as lowered by revocations (摘星).
CREATE TABLE star_assessment (
    id               BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id        BIGINT       NOT NULL,
    organization_id  BIGINT       NOT NULL,
    year             INT          NOT NULL,
    field            VARCHAR(20)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    score            NUMERIC(5, 2),
    banded_stars     SMALLINT,
    stars            SMALLINT,
    version          INT          NOT NULL DEFAULT 0,
    self_assessed_by VARCHAR(50)  NOT NULL,
    self_assessed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    reviewed_by      VARCHAR(50),
    reviewed_at      TIMESTAMP WITH TIME ZONE,
    confirmed_by     VARCHAR(50),
    confirmed_at     TIMESTAMP WITH TIME ZONE,
    published_by     VARCHAR(50),
    published_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT star_assessment_pk PRIMARY KEY (id, county_id),
    CONSTRAINT star_assessment_organization_id_year_uk UNIQUE (county_id, organization_id, year),
    CONSTRAINT star_assessment_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT star_assessment_status_ck CHECK (status IN ('SELF_ASSESSED', 'REVIEWED', 'CONFIRMED', 'PUBLISHED')),
    CONSTRAINT star_assessment_stars_ck CHECK (stars IS NULL OR stars BETWEEN 1 AND 5),
    CONSTRAINT star_assessment_banded_stars_ck CHECK (banded_stars IS NULL OR banded_stars BETWEEN 1 AND 5),
    CONSTRAINT star_assessment_confirmed_ck CHECK (confirmed_by IS NULL
        OR (score IS NOT NULL AND stars IS NOT NULL AND banded_stars IS NOT NULL))
);
CREATE INDEX star_assessment_year_idx ON star_assessment (county_id, year, status);

-- Hand scores of an assessment in progress: the branch's own and the township's.
CREATE TABLE star_assessment_score (
    county_id     BIGINT       NOT NULL,
    assessment_id BIGINT       NOT NULL,
    code          VARCHAR(40)  NOT NULL,
    self_points   NUMERIC(5, 2),
    review_points NUMERIC(5, 2),
    CONSTRAINT star_assessment_score_pk PRIMARY KEY (assessment_id, code, county_id),
    CONSTRAINT star_assessment_score_assessment_id_fk FOREIGN KEY (assessment_id, county_id)
        REFERENCES star_assessment (id, county_id) ON DELETE CASCADE,
    CONSTRAINT star_assessment_score_points_ck CHECK ((self_points IS NULL OR self_points >= 0)
        AND (review_points IS NULL OR review_points >= 0))
);

-- Every item as scored at confirmation, frozen with its explanation.
CREATE TABLE star_assessment_item (
    county_id     BIGINT        NOT NULL,
    assessment_id BIGINT        NOT NULL,
    position      SMALLINT      NOT NULL,
    code          VARCHAR(40)   NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    max_points    SMALLINT      NOT NULL,
    indicator     VARCHAR(20),
    awarded       NUMERIC(9, 4) NOT NULL,
    explanation   VARCHAR(500)  NOT NULL,
    CONSTRAINT star_assessment_item_pk PRIMARY KEY (assessment_id, code, county_id),
    CONSTRAINT star_assessment_item_assessment_id_fk FOREIGN KEY (assessment_id, county_id)
        REFERENCES star_assessment (id, county_id) ON DELETE CASCADE
);

-- Revocations (摘星): the history of an assessment's stars after confirmation.
CREATE TABLE star_revocation (
    id            BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id     BIGINT       NOT NULL,
    assessment_id BIGINT       NOT NULL,
    from_stars    SMALLINT     NOT NULL,
    to_stars      SMALLINT     NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    revoked_by    VARCHAR(50)  NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT star_revocation_pk PRIMARY KEY (id, county_id),
    CONSTRAINT star_revocation_assessment_id_fk FOREIGN KEY (assessment_id, county_id)
        REFERENCES star_assessment (id, county_id),
    CONSTRAINT star_revocation_stars_ck CHECK (to_stars BETWEEN 1 AND 5 AND to_stars < from_stars)
);
CREATE INDEX star_revocation_assessment_idx ON star_revocation (assessment_id, revoked_at);

-- Commendations (评优评先): nominations of a member (优秀共产党员, 优秀党务工作者) or an organization (先进基层党组织)
-- that passed the eligibility checks.
CREATE TABLE commendation (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    year            INT          NOT NULL,
    award           VARCHAR(30)  NOT NULL,
    level           VARCHAR(20)  NOT NULL,
    member_id       BIGINT,
    organization_id BIGINT,
    name            VARCHAR(100) NOT NULL,
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT commendation_pk PRIMARY KEY (id, county_id),
    CONSTRAINT commendation_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT commendation_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT commendation_award_ck CHECK (award IN ('OUTSTANDING_MEMBER', 'OUTSTANDING_PARTY_WORKER', 'ADVANCED_ORGANIZATION')),
    CONSTRAINT commendation_level_ck CHECK (level IN ('TOWNSHIP', 'COUNTY', 'CITY', 'PROVINCE')),
    CONSTRAINT commendation_subject_ck CHECK ((member_id IS NULL) <> (organization_id IS NULL))
);
CREATE UNIQUE INDEX commendation_member_uq ON commendation (county_id, year, award, level, member_id)
    WHERE member_id IS NOT NULL;
CREATE UNIQUE INDEX commendation_organization_uq ON commendation (county_id, year, award, level, organization_id)
    WHERE organization_id IS NOT NULL;
