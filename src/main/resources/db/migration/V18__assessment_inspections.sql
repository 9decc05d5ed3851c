-- Inspection rankings (通报排名法), the secretary year-end appraisal (述职评议) and the interviews (约谈) both create
-- (SPEC.md §4.7). A round is run by an organizer (the county or a township) over its targets and items; scores are
-- per target and item; publication freezes the scores and creates the interviews of the bottom-ranked.
CREATE TABLE inspection_round (
    id            BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id     BIGINT       NOT NULL,
    organizer_id  BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    held_on       DATE         NOT NULL,
    version       INT          NOT NULL DEFAULT 0,
    created_by    VARCHAR(50)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    published_by  VARCHAR(50),
    published_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inspection_round_pk PRIMARY KEY (id, county_id),
    CONSTRAINT inspection_round_organizer_id_fk FOREIGN KEY (organizer_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT inspection_round_kind_ck CHECK (kind IN ('REGULAR', 'FREQUENT', 'THEMATIC')),
    CONSTRAINT inspection_round_published_ck CHECK ((published_by IS NULL) = (published_at IS NULL))
);
CREATE INDEX inspection_round_held_on_idx ON inspection_round (county_id, held_on);

CREATE TABLE inspection_target (
    county_id       BIGINT   NOT NULL,
    round_id        BIGINT   NOT NULL,
    organization_id BIGINT   NOT NULL,
    position        SMALLINT NOT NULL,
    CONSTRAINT inspection_target_pk PRIMARY KEY (round_id, organization_id, county_id),
    CONSTRAINT inspection_target_round_id_fk FOREIGN KEY (round_id, county_id)
        REFERENCES inspection_round (id, county_id) ON DELETE CASCADE,
    CONSTRAINT inspection_target_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id)
);
CREATE INDEX inspection_target_organization_idx ON inspection_target (organization_id);

CREATE TABLE inspection_item (
    county_id BIGINT       NOT NULL,
    round_id  BIGINT       NOT NULL,
    position  SMALLINT     NOT NULL,
    code      VARCHAR(40)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    points    SMALLINT     NOT NULL,
    CONSTRAINT inspection_item_pk PRIMARY KEY (round_id, code, county_id),
    CONSTRAINT inspection_item_round_id_fk FOREIGN KEY (round_id, county_id)
        REFERENCES inspection_round (id, county_id) ON DELETE CASCADE,
    CONSTRAINT inspection_item_points_ck CHECK (points BETWEEN 1 AND 100)
);

CREATE TABLE inspection_score (
    county_id       BIGINT       NOT NULL,
    round_id        BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    item_code       VARCHAR(40)  NOT NULL,
    points          NUMERIC(5, 2) NOT NULL,
    CONSTRAINT inspection_score_pk PRIMARY KEY (round_id, organization_id, item_code, county_id),
    CONSTRAINT inspection_score_round_id_organization_id_fk FOREIGN KEY (round_id, organization_id, county_id)
        REFERENCES inspection_target (round_id, organization_id, county_id) ON DELETE CASCADE,
    CONSTRAINT inspection_score_round_id_item_code_fk FOREIGN KEY (round_id, item_code, county_id)
        REFERENCES inspection_item (round_id, code, county_id) ON DELETE CASCADE,
    CONSTRAINT inspection_score_points_ck CHECK (points >= 0)
);

-- One appraisal per organization and year: the secretary on 31 December, the score and grade; finalization
-- writes the award (流动红旗 / 黄牌) and freezes it.
CREATE TABLE secretary_appraisal (
    id                  BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id           BIGINT        NOT NULL,
    organization_id     BIGINT        NOT NULL,
    year                INT           NOT NULL,
    secretary_member_id BIGINT        NOT NULL,
    score               NUMERIC(5, 2) NOT NULL,
    grade               VARCHAR(20)   NOT NULL,
    award               VARCHAR(20),
    version             INT           NOT NULL DEFAULT 0,
    updated_by          VARCHAR(50)   NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    finalized_by        VARCHAR(50),
    finalized_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT secretary_appraisal_pk PRIMARY KEY (id, county_id),
    CONSTRAINT secretary_appraisal_organization_id_year_uk UNIQUE (county_id, organization_id, year),
    CONSTRAINT secretary_appraisal_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT secretary_appraisal_secretary_member_id_fk FOREIGN KEY (secretary_member_id, county_id)
        REFERENCES member (id, county_id),
    CONSTRAINT secretary_appraisal_score_ck CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT secretary_appraisal_grade_ck CHECK (grade IN ('GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR')),
    CONSTRAINT secretary_appraisal_award_ck CHECK (award IS NULL OR award IN ('RED_FLAG', 'YELLOW_CARD')),
    CONSTRAINT secretary_appraisal_finalized_ck CHECK ((finalized_by IS NULL) = (finalized_at IS NULL)
        AND (award IS NULL OR finalized_at IS NOT NULL))
);
CREATE INDEX secretary_appraisal_year_idx ON secretary_appraisal (county_id, year);

-- Interviews (约谈) of an office holder: of a bottom-ranked target of a published round (its secretary and
-- organization member on the round's date) or of a secretary with a yellow card; recorded when held.
CREATE TABLE interview (
    id              BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT        NOT NULL,
    source          VARCHAR(30)   NOT NULL,
    round_id        BIGINT,
    appraisal_id    BIGINT,
    year            INT           NOT NULL,
    organization_id BIGINT        NOT NULL,
    member_id       BIGINT        NOT NULL,
    office          VARCHAR(30)   NOT NULL,
    reason          VARCHAR(200)  NOT NULL,
    held_on         DATE,
    notes           VARCHAR(2000),
    held_by         VARCHAR(50),
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT interview_pk PRIMARY KEY (id, county_id),
    CONSTRAINT interview_round_id_fk FOREIGN KEY (round_id, county_id) REFERENCES inspection_round (id, county_id),
    CONSTRAINT interview_appraisal_id_fk FOREIGN KEY (appraisal_id, county_id)
        REFERENCES secretary_appraisal (id, county_id),
    CONSTRAINT interview_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT interview_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT interview_source_ck CHECK (source IN ('INSPECTION', 'SECRETARY_APPRAISAL')),
    CONSTRAINT interview_office_ck CHECK (office IN ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION_MEMBER',
        'COMMITTEE_MEMBER')),
    CONSTRAINT interview_subject_ck CHECK ((source = 'INSPECTION' AND round_id IS NOT NULL AND appraisal_id IS NULL)
        OR (source = 'SECRETARY_APPRAISAL' AND appraisal_id IS NOT NULL AND round_id IS NULL)),
    CONSTRAINT interview_held_ck CHECK ((held_on IS NULL) = (held_by IS NULL))
);
CREATE UNIQUE INDEX interview_round_uq ON interview (county_id, round_id, organization_id, office, member_id)
    WHERE round_id IS NOT NULL;
CREATE UNIQUE INDEX interview_appraisal_uq ON interview (county_id, appraisal_id, office)
    WHERE appraisal_id IS NOT NULL;
CREATE INDEX interview_year_idx ON interview (county_id, year);
