-- Issue 17: an account whose password was set by someone else (an admin's reset, the generated first admin
-- password) must change it before doing anything else; the own-password change clears the flag.
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;

-- Issue 13: the pre-acceptance publicity (公示, place and period) and the higher committee's approval of a
-- probation extension or cancellation proposed by the branch. development_step.on_date is the first day of the
-- publicity, ends_on its last; place where it was posted. An approval's conclusion is PASSED (批准) or FAILED
-- (不批准); its months copy the approved extension's.
ALTER TABLE development_step ADD COLUMN place VARCHAR(200), ADD COLUMN ends_on DATE,
    ADD CONSTRAINT development_step_ends_on_ck CHECK (ends_on IS NULL OR ends_on >= on_date);

ALTER TABLE development_step DROP CONSTRAINT development_step_step_ck;
ALTER TABLE development_step ADD CONSTRAINT development_step_step_ck CHECK (step IN ('APPLICATION', 'TALK',
    'ACTIVIST', 'ACTIVIST_FILED', 'CONTACTS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE', 'CANDIDATE_FILED',
    'INTRODUCERS', 'POLITICAL_REVIEW', 'TRAINING', 'COMMITTEE_REVIEW', 'PRE_REVIEW', 'VOLUNTEER_FORM',
    'ACCEPTANCE_VOTE', 'HIGHER_TALK', 'ACCEPTANCE_APPROVAL', 'ACCEPTANCE_FILED', 'ASSIGNED_TO_GROUP', 'OATH',
    'PROBATION_EDUCATION', 'CONVERSION_APPLICATION', 'CONVERSION_VOTE', 'CONVERSION_APPROVAL', 'ARCHIVED',
    'PROBATION_EXTENDED', 'PROBATION_CANCELLED', 'WITHDRAWN', 'PUBLICITY', 'EXTENSION_APPROVAL',
    'CANCELLATION_APPROVAL'));
ALTER TABLE development_record DROP CONSTRAINT development_record_next_step_ck;
ALTER TABLE development_record ADD CONSTRAINT development_record_next_step_ck CHECK (next_step IS NULL OR next_step IN
    ('APPLICATION', 'TALK', 'ACTIVIST', 'ACTIVIST_FILED', 'CONTACTS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE',
    'CANDIDATE_FILED', 'INTRODUCERS', 'POLITICAL_REVIEW', 'TRAINING', 'COMMITTEE_REVIEW', 'PRE_REVIEW',
    'VOLUNTEER_FORM', 'ACCEPTANCE_VOTE', 'HIGHER_TALK', 'ACCEPTANCE_APPROVAL', 'ACCEPTANCE_FILED',
    'ASSIGNED_TO_GROUP', 'OATH', 'PROBATION_EDUCATION', 'CONVERSION_APPLICATION', 'CONVERSION_VOTE',
    'CONVERSION_APPROVAL', 'ARCHIVED', 'PROBATION_EXTENDED', 'PROBATION_CANCELLED', 'WITHDRAWN', 'PUBLICITY',
    'EXTENSION_APPROVAL', 'CANCELLATION_APPROVAL'));

-- A proposal refused by the higher committee may be made again, so proposals and approvals may repeat; the
-- policy keeps one extension at most and one pending proposal at a time.
DROP INDEX development_step_once_idx;
CREATE UNIQUE INDEX development_step_once_idx ON development_step (record_id, step, county_id)
    WHERE step NOT IN ('ACTIVIST_ASSESSMENT', 'PROBATION_EXTENDED', 'PROBATION_CANCELLED', 'EXTENSION_APPROVAL',
        'CANCELLATION_APPROVAL');

-- Extensions and cancellations recorded before took effect at once: they count as approved on the same day.
INSERT INTO development_step (county_id, record_id, step, on_date, conclusion, months, reason, recorded_by)
SELECT county_id, record_id,
       CASE step WHEN 'PROBATION_EXTENDED' THEN 'EXTENSION_APPROVAL' ELSE 'CANCELLATION_APPROVAL' END,
       on_date, 'PASSED', months, '（本功能上线前记录，视为已批准）', recorded_by
FROM development_step
WHERE step IN ('PROBATION_EXTENDED', 'PROBATION_CANCELLED');
