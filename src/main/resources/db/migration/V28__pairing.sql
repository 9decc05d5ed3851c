-- Pairing and micro-wishes (携手联心, SPEC.md §4.8): an agency branch pairs with a service site (居家养老照料中心),
-- serves it, posts its micro-wishes (微心愿) for members to claim and complete, and solves its difficulties.

CREATE TABLE pairing (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    site_name       VARCHAR(100) NOT NULL,
    started_on      DATE         NOT NULL,
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT pairing_pk PRIMARY KEY (id, county_id),
    CONSTRAINT pairing_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    CONSTRAINT pairing_organization_id_site_name_uk UNIQUE (county_id, organization_id, site_name)
);

-- What a pairing did for its site: a service (服务) or a difficulty solved (解决困难).
CREATE TABLE pairing_activity (
    id          BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id   BIGINT        NOT NULL,
    pairing_id  BIGINT        NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    held_on     DATE          NOT NULL,
    content     VARCHAR(1000) NOT NULL,
    recorded_by VARCHAR(50)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT pairing_activity_pk PRIMARY KEY (id, county_id),
    CONSTRAINT pairing_activity_pairing_id_fk FOREIGN KEY (pairing_id, county_id) REFERENCES pairing (id, county_id),
    CONSTRAINT pairing_activity_kind_ck CHECK (kind IN ('SERVICE', 'DIFFICULTY'))
);
CREATE INDEX pairing_activity_pairing_idx ON pairing_activity (pairing_id, kind, held_on);

-- A micro-wish of the site: POSTED → CLAIMED (by a member) → COMPLETED; counted in the quarter it was completed.
CREATE TABLE micro_wish (
    id           BIGINT        NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id    BIGINT        NOT NULL,
    pairing_id   BIGINT        NOT NULL,
    content      VARCHAR(1000) NOT NULL,
    posted_on    DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL DEFAULT 'POSTED',
    member_id    BIGINT,
    claimed_on   DATE,
    completed_on DATE,
    version      INT           NOT NULL DEFAULT 0,
    posted_by    VARCHAR(50)   NOT NULL,
    CONSTRAINT micro_wish_pk PRIMARY KEY (id, county_id),
    CONSTRAINT micro_wish_pairing_id_fk FOREIGN KEY (pairing_id, county_id) REFERENCES pairing (id, county_id),
    CONSTRAINT micro_wish_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT micro_wish_status_ck CHECK (status IN ('POSTED', 'CLAIMED', 'COMPLETED')),
    CONSTRAINT micro_wish_claim_ck CHECK ((status = 'POSTED') = (member_id IS NULL)),
    CONSTRAINT micro_wish_completed_ck CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL))
);
CREATE INDEX micro_wish_pairing_idx ON micro_wish (pairing_id, status, completed_on);
