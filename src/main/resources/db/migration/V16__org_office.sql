-- Leadership offices (班子, SPEC.md §4.6): who held which post of an organization from when to when. The one
-- source of "who was the secretary of X on date D"; the village secretaries the vanguard index used until now
-- (village_secretary) and the secretaries named on election records move here.
CREATE TABLE org_office (
    id              BIGINT       NOT NULL DEFAULT nextval('entity_id_seq'),
    county_id       BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    office          VARCHAR(24)  NOT NULL,
    started_on      DATE         NOT NULL,
    ended_on        DATE,
    recorded_by     VARCHAR(50)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT org_office_pk PRIMARY KEY (id, county_id),
    CONSTRAINT org_office_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    CONSTRAINT org_office_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    CONSTRAINT org_office_office_ck CHECK (office IN ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION_MEMBER', 'COMMITTEE_MEMBER')),
    CONSTRAINT org_office_ended_on_ck CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX org_office_organization_idx ON org_office (organization_id, office, started_on);
CREATE INDEX org_office_member_idx ON org_office (member_id);

INSERT INTO org_office (id, county_id, organization_id, member_id, office, started_on, ended_on, recorded_by, recorded_at)
SELECT v.id, v.county_id, v.branch_id, v.member_id, 'SECRETARY', v.started_on, v.ended_on, v.recorded_by, v.recorded_at
FROM village_secretary v;

-- An election names the secretary elected that day; organizations without a secretary period yet get one from
-- each election that named a member, ending the day before the next such election.
INSERT INTO org_office (county_id, organization_id, member_id, office, started_on, ended_on, recorded_by, recorded_at)
SELECT e.county_id, e.organization_id, e.secretary_member_id, 'SECRETARY', e.held_on,
       (SELECT min(n.held_on) - 1 FROM election n
        WHERE n.organization_id = e.organization_id AND n.secretary_member_id IS NOT NULL AND n.held_on > e.held_on),
       e.recorded_by, e.recorded_at
FROM election e
WHERE e.secretary_member_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM org_office o WHERE o.organization_id = e.organization_id AND o.office = 'SECRETARY')
  AND NOT EXISTS (SELECT 1 FROM election d WHERE d.organization_id = e.organization_id AND d.held_on = e.held_on
                  AND d.secretary_member_id IS NOT NULL AND d.id > e.id);

DROP TABLE village_secretary;
