-- Cadre contact appraisal ("树根" 100 points) and members' democratic appraisal (民主评议党员), SPEC.md §4.7.

-- One appraisal per person and year. The history follows the person: organization_id is the unit the member
-- belonged to when appraised, kept when they move. grade is the recorded grade (an ineffective contact assignment
-- caps 优秀 at 良好, cap_reason says so).
CREATE TABLE cadre_appraisal (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    year            INT          NOT NULL,
    organization_id BIGINT       NOT NULL,
    leader          NUMERIC(5, 2) NOT NULL,
    masses          NUMERIC(5, 2) NOT NULL,
    departments     NUMERIC(5, 2) NOT NULL,
    year_end        NUMERIC(5, 2) NOT NULL,
    total           NUMERIC(6, 2) NOT NULL,
    grade           VARCHAR(20)  NOT NULL,
    cap_reason      VARCHAR(300),
    version         INT          NOT NULL DEFAULT 0,
    appraised_by    VARCHAR(50)  NOT NULL,
    appraised_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT cadre_appraisal_pk PRIMARY KEY (id, county_id),
    CONSTRAINT cadre_appraisal_member_id_year_uk UNIQUE (county_id, member_id, year),
    CONSTRAINT cadre_appraisal_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT cadre_appraisal_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT cadre_appraisal_grade_ck CHECK (grade IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
    CONSTRAINT cadre_appraisal_points_ck CHECK (leader >= 0 AND masses >= 0 AND departments >= 0 AND year_end >= 0
        AND total = leader + masses + departments + year_end),
    CONSTRAINT cadre_appraisal_cap_reason_ck CHECK (cap_reason IS NULL OR grade = 'GOOD')
);
CREATE INDEX cadre_appraisal_year_idx ON cadre_appraisal (county_id, year, organization_id);

-- One grade per member and year; organization_id is the branch that graded them (its 优秀 are capped at one third
-- of its full members on the roll). Probationary members get no row.
CREATE TABLE democratic_appraisal (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    year            INT          NOT NULL,
    organization_id BIGINT       NOT NULL,
    grade           VARCHAR(20)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    appraised_by    VARCHAR(50)  NOT NULL,
    appraised_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT democratic_appraisal_pk PRIMARY KEY (id, county_id),
    CONSTRAINT democratic_appraisal_member_id_year_uk UNIQUE (county_id, member_id, year),
    CONSTRAINT democratic_appraisal_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT democratic_appraisal_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT democratic_appraisal_grade_ck CHECK (grade IN ('EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED'))
);
CREATE INDEX democratic_appraisal_branch_idx ON democratic_appraisal (organization_id, year, grade);
