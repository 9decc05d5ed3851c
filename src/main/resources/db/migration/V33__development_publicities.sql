-- Issue 13: the local rule asks for 公示 at four stages (RULES.md §3); besides the pre-acceptance PUBLICITY, the
-- publicities before 确定入党积极分子 (ACTIVIST_PUBLICITY), 确定发展对象 (CANDIDATE_PUBLICITY) and the conversion vote
-- (CONVERSION_PUBLICITY), each recorded once per record with the same place and period. Records already past those
-- steps keep them: the policy checks a publicity only when the step it guards is recorded.
ALTER TABLE development_step DROP CONSTRAINT development_step_step_ck;
ALTER TABLE development_step ADD CONSTRAINT development_step_step_ck CHECK (step IN ('APPLICATION', 'TALK',
    'ACTIVIST', 'ACTIVIST_FILED', 'CONTACTS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE', 'CANDIDATE_FILED',
    'INTRODUCERS', 'POLITICAL_REVIEW', 'TRAINING', 'COMMITTEE_REVIEW', 'PRE_REVIEW', 'VOLUNTEER_FORM',
    'ACCEPTANCE_VOTE', 'HIGHER_TALK', 'ACCEPTANCE_APPROVAL', 'ACCEPTANCE_FILED', 'ASSIGNED_TO_GROUP', 'OATH',
    'PROBATION_EDUCATION', 'CONVERSION_APPLICATION', 'CONVERSION_VOTE', 'CONVERSION_APPROVAL', 'ARCHIVED',
    'PROBATION_EXTENDED', 'PROBATION_CANCELLED', 'WITHDRAWN', 'PUBLICITY', 'EXTENSION_APPROVAL',
    'CANCELLATION_APPROVAL',
    'ACTIVIST_PUBLICITY', 'CANDIDATE_PUBLICITY', 'CONVERSION_PUBLICITY'));
ALTER TABLE development_record DROP CONSTRAINT development_record_next_step_ck;
ALTER TABLE development_record ADD CONSTRAINT development_record_next_step_ck CHECK (next_step IS NULL OR next_step IN
    ('APPLICATION', 'TALK', 'ACTIVIST', 'ACTIVIST_FILED', 'CONTACTS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE',
    'CANDIDATE_FILED', 'INTRODUCERS', 'POLITICAL_REVIEW', 'TRAINING', 'COMMITTEE_REVIEW', 'PRE_REVIEW',
    'VOLUNTEER_FORM', 'ACCEPTANCE_VOTE', 'HIGHER_TALK', 'ACCEPTANCE_APPROVAL', 'ACCEPTANCE_FILED',
    'ASSIGNED_TO_GROUP', 'OATH', 'PROBATION_EDUCATION', 'CONVERSION_APPLICATION', 'CONVERSION_VOTE',
    'CONVERSION_APPROVAL', 'ARCHIVED', 'PROBATION_EXTENDED', 'PROBATION_CANCELLED', 'WITHDRAWN', 'PUBLICITY',
    'EXTENSION_APPROVAL', 'CANCELLATION_APPROVAL',
    'ACTIVIST_PUBLICITY', 'CANDIDATE_PUBLICITY', 'CONVERSION_PUBLICITY'));


-- Records now waiting at a guarded step are asked for its publicity first (unless the county set publicityDays to
-- 0 this year): the lists read the stored next step, which the record view computes the same way.
UPDATE development_record r SET next_step = g.publicity
FROM (VALUES ('ACTIVIST', 'ACTIVIST_PUBLICITY'), ('CANDIDATE', 'CANDIDATE_PUBLICITY'),
             ('CONVERSION_VOTE', 'CONVERSION_PUBLICITY')) AS g (guarded, publicity)
WHERE r.next_step = g.guarded
  AND NOT EXISTS (SELECT 1 FROM development_step s
                  WHERE s.record_id = r.id AND s.county_id = r.county_id AND s.step = g.publicity)
  AND coalesce((SELECT (o.overrides::jsonb ->> 'publicityDays')::int FROM rule_setting o
                WHERE o.county_id = r.county_id AND o.year = CAST(extract(YEAR FROM current_date) AS INT)), 5) > 0;
