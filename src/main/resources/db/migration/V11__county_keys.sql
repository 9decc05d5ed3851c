-- The county key in every key (SPEC.md §8). A province shards county-owned tables by county_id (Citus), where every
-- primary, unique and foreign key of a distributed table must include the distribution column. So:
--   * every county-owned table has county_id, and its primary, unique and foreign keys include it: ids still come
--     from one global sequence, so (id, county_id) is as unique as id was; county_id goes last where lookups by the
--     other columns use the key's index (the same plans as before), first where it already was;
--   * notification_read, api_token and job_run get county_id, filled from their parent;
--   * status and kind columns that SQL matches by string get CHECKs with the values of their Java enums (a test
--     compares them, so they cannot drift);
--   * one naming rule: <table>_pk, <table>_<cols>_uk, <table>_<col>_fk, <table>_<col>_ck, where <cols>/<col> leave
--     out county_id (every key has it).
-- Not county-owned: event_publication (the application's event outbox) and flyway_schema_history; see the
-- distribution plan in docs/architecture.md. Every statement is set-based; the key indexes are built once each.

-- 1. county_id where it was missing, from the parent row.
ALTER TABLE api_token ADD COLUMN county_id BIGINT;
UPDATE api_token t SET county_id = a.county_id FROM account a WHERE a.id = t.account_id;
ALTER TABLE api_token ALTER COLUMN county_id SET NOT NULL;

ALTER TABLE notification_read ADD COLUMN county_id BIGINT;
UPDATE notification_read r SET county_id = n.county_id FROM notification n WHERE n.id = r.notification_id;
ALTER TABLE notification_read ALTER COLUMN county_id SET NOT NULL;

-- A job's last day is per county: the reminder jobs already named theirs '<job>:<county>'; a job that recorded one
-- day for all counties gets that day for each county.
ALTER TABLE job_run ADD COLUMN county_id BIGINT;
UPDATE job_run SET county_id = CAST(substring(job_name FROM ':([0-9]+)$') AS BIGINT) WHERE job_name ~ ':[0-9]+$';
INSERT INTO job_run (job_name, last_day, ran_at, county_id)
SELECT j.job_name, j.last_day, j.ran_at, c.county_id
FROM job_run j CROSS JOIN (SELECT DISTINCT county_id FROM organization) c
WHERE j.county_id IS NULL;
DELETE FROM job_run WHERE county_id IS NULL;
ALTER TABLE job_run ALTER COLUMN county_id SET NOT NULL;

-- 2. Every foreign key goes (they depend on the keys they reference); they come back with county_id in step 4.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
              WHERE contype = 'f' AND connamespace = 'public'::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
    END LOOP;
END
$$;

-- 3. Primary and unique keys with county_id, named by the rule.
ALTER TABLE organization DROP CONSTRAINT organization_pkey, ADD CONSTRAINT organization_pk PRIMARY KEY (id, county_id);
ALTER TABLE member DROP CONSTRAINT member_pkey, ADD CONSTRAINT member_pk PRIMARY KEY (id, county_id);
-- member_id_number_uk (county_id, id_number) already follows the rule
ALTER TABLE member_transfer DROP CONSTRAINT member_transfer_pkey,
    ADD CONSTRAINT member_transfer_pk PRIMARY KEY (id, county_id);
ALTER TABLE member_mobility DROP CONSTRAINT member_mobility_pkey,
    ADD CONSTRAINT member_mobility_pk PRIMARY KEY (id, county_id);
-- Usernames stay unique across counties by the account service's check before it creates one (logins name no
-- county); the database can only hold them unique within a county once accounts are sharded.
ALTER TABLE account DROP CONSTRAINT account_pkey, DROP CONSTRAINT account_username_key,
    ADD CONSTRAINT account_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT account_username_uk UNIQUE (username, county_id);
ALTER TABLE api_token DROP CONSTRAINT api_token_pkey, ADD CONSTRAINT api_token_pk PRIMARY KEY (token_hash, county_id);
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_pkey, ADD CONSTRAINT audit_entry_pk PRIMARY KEY (id, county_id);
ALTER TABLE rule_setting DROP CONSTRAINT rule_setting_pkey, ADD CONSTRAINT rule_setting_pk PRIMARY KEY (county_id, year);
ALTER TABLE event_publication DROP CONSTRAINT event_publication_pkey, ADD CONSTRAINT event_publication_pk PRIMARY KEY (id);

ALTER TABLE notification DROP CONSTRAINT notification_pkey, DROP CONSTRAINT notification_dedup_uk,
    ADD CONSTRAINT notification_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT notification_dedup_key_uk UNIQUE (county_id, dedup_key);
ALTER TABLE notification_read DROP CONSTRAINT notification_read_pkey,
    ADD CONSTRAINT notification_read_pk PRIMARY KEY (notification_id, account_id, county_id);
ALTER TABLE job_run DROP CONSTRAINT job_run_pkey, ADD CONSTRAINT job_run_pk PRIMARY KEY (job_name, county_id);

ALTER TABLE meeting_plan DROP CONSTRAINT meeting_plan_pkey, DROP CONSTRAINT meeting_plan_branch_month_uk,
    ADD CONSTRAINT meeting_plan_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT meeting_plan_organization_id_month_uk UNIQUE (organization_id, month, county_id);
ALTER TABLE meeting DROP CONSTRAINT meeting_pkey, ADD CONSTRAINT meeting_pk PRIMARY KEY (id, county_id);
ALTER TABLE meeting_attendance DROP CONSTRAINT meeting_attendance_pkey,
    ADD CONSTRAINT meeting_attendance_pk PRIMARY KEY (meeting_id, member_id, county_id);
ALTER TABLE meeting_file DROP CONSTRAINT meeting_file_pkey, ADD CONSTRAINT meeting_file_pk PRIMARY KEY (id, county_id);
ALTER TABLE remote_report DROP CONSTRAINT remote_report_pkey, DROP CONSTRAINT remote_report_member_month_uk,
    ADD CONSTRAINT remote_report_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT remote_report_member_id_month_uk UNIQUE (member_id, month, county_id);
ALTER TABLE themed_day_exemption DROP CONSTRAINT themed_day_exemption_pkey,
    DROP CONSTRAINT themed_day_exemption_branch_month_uk,
    ADD CONSTRAINT themed_day_exemption_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT themed_day_exemption_organization_id_month_uk UNIQUE (organization_id, month, county_id);
ALTER TABLE orglife_closed_year DROP CONSTRAINT orglife_closed_year_pkey,
    ADD CONSTRAINT orglife_closed_year_pk PRIMARY KEY (county_id, year);
ALTER TABLE four_color_year DROP CONSTRAINT four_color_year_pkey,
    ADD CONSTRAINT four_color_year_pk PRIMARY KEY (year, member_id, branch_id, county_id);

ALTER TABLE dues_base DROP CONSTRAINT dues_base_pkey, DROP CONSTRAINT dues_base_member_month_uk,
    ADD CONSTRAINT dues_base_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT dues_base_member_id_effective_month_uk UNIQUE (member_id, effective_month, county_id);
ALTER TABLE dues_payment DROP CONSTRAINT dues_payment_pkey, ADD CONSTRAINT dues_payment_pk PRIMARY KEY (id, county_id);
ALTER TABLE election DROP CONSTRAINT election_pkey, ADD CONSTRAINT election_pk PRIMARY KEY (id, county_id);
ALTER TABLE advice_handling DROP CONSTRAINT advice_handling_pkey, DROP CONSTRAINT advice_handling_uk,
    ADD CONSTRAINT advice_handling_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT advice_handling_organization_id_code_fact_key_uk UNIQUE (organization_id, code, fact_key, county_id);

ALTER TABLE point_item DROP CONSTRAINT point_item_pkey, ADD CONSTRAINT point_item_pk PRIMARY KEY (id, county_id);
-- point_item_code_uk (county_id, code) already follows the rule
ALTER TABLE point_claim DROP CONSTRAINT point_claim_pkey, ADD CONSTRAINT point_claim_pk PRIMARY KEY (id, county_id);
ALTER TABLE cadre_duty DROP CONSTRAINT cadre_duty_pkey, ADD CONSTRAINT cadre_duty_pk PRIMARY KEY (id, county_id);
ALTER TABLE cadre_log DROP CONSTRAINT cadre_log_pkey, DROP CONSTRAINT cadre_log_member_day_uk,
    ADD CONSTRAINT cadre_log_pk PRIMARY KEY (id, county_id),
    ADD CONSTRAINT cadre_log_member_id_logged_on_uk UNIQUE (member_id, logged_on, county_id);
ALTER TABLE village_secretary DROP CONSTRAINT village_secretary_pkey,
    ADD CONSTRAINT village_secretary_pk PRIMARY KEY (id, county_id);
ALTER TABLE vanguard_index DROP CONSTRAINT vanguard_index_pkey,
    ADD CONSTRAINT vanguard_index_pk PRIMARY KEY (member_id, year, county_id);
ALTER TABLE vanguard_year DROP CONSTRAINT vanguard_year_pkey, ADD CONSTRAINT vanguard_year_pk PRIMARY KEY (county_id, year);

-- 4. Foreign keys within a county: (column, county_id) references (id, county_id). A row can no longer point into
-- another county, which a shard could not check anyway.
ALTER TABLE organization
    ADD CONSTRAINT organization_parent_id_fk FOREIGN KEY (parent_id, county_id) REFERENCES organization (id, county_id);
ALTER TABLE member
    ADD CONSTRAINT member_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id);
ALTER TABLE member_transfer
    ADD CONSTRAINT member_transfer_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    ADD CONSTRAINT member_transfer_from_org_id_fk FOREIGN KEY (from_org_id, county_id) REFERENCES organization (id, county_id),
    ADD CONSTRAINT member_transfer_to_org_id_fk FOREIGN KEY (to_org_id, county_id) REFERENCES organization (id, county_id);
ALTER TABLE member_mobility
    ADD CONSTRAINT member_mobility_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id);
ALTER TABLE account
    ADD CONSTRAINT account_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    ADD CONSTRAINT account_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id);
ALTER TABLE api_token
    ADD CONSTRAINT api_token_account_id_fk FOREIGN KEY (account_id, county_id) REFERENCES account (id, county_id);
ALTER TABLE notification
    ADD CONSTRAINT notification_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id);
ALTER TABLE notification_read
    ADD CONSTRAINT notification_read_notification_id_fk FOREIGN KEY (notification_id, county_id)
        REFERENCES notification (id, county_id),
    ADD CONSTRAINT notification_read_account_id_fk FOREIGN KEY (account_id, county_id) REFERENCES account (id, county_id);
ALTER TABLE meeting_plan
    ADD CONSTRAINT meeting_plan_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id);
ALTER TABLE meeting
    ADD CONSTRAINT meeting_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    ADD CONSTRAINT meeting_group_id_fk FOREIGN KEY (group_id, county_id) REFERENCES organization (id, county_id),
    ADD CONSTRAINT meeting_host_member_id_fk FOREIGN KEY (host_member_id, county_id) REFERENCES member (id, county_id),
    ADD CONSTRAINT meeting_plan_id_fk FOREIGN KEY (plan_id, county_id) REFERENCES meeting_plan (id, county_id);
ALTER TABLE meeting_attendance
    ADD CONSTRAINT meeting_attendance_meeting_id_fk FOREIGN KEY (meeting_id, county_id) REFERENCES meeting (id, county_id)
        ON DELETE CASCADE,
    ADD CONSTRAINT meeting_attendance_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id);
ALTER TABLE meeting_file
    ADD CONSTRAINT meeting_file_meeting_id_fk FOREIGN KEY (meeting_id, county_id) REFERENCES meeting (id, county_id)
        ON DELETE CASCADE;
ALTER TABLE remote_report
    ADD CONSTRAINT remote_report_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id);
ALTER TABLE themed_day_exemption
    ADD CONSTRAINT themed_day_exemption_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id),
    ADD CONSTRAINT themed_day_exemption_granted_by_org_fk FOREIGN KEY (granted_by_org, county_id)
        REFERENCES organization (id, county_id);
ALTER TABLE dues_base
    ADD CONSTRAINT dues_base_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id);
ALTER TABLE dues_payment
    ADD CONSTRAINT dues_payment_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    ADD CONSTRAINT dues_payment_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id);
ALTER TABLE election
    ADD CONSTRAINT election_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    ADD CONSTRAINT election_secretary_member_id_fk FOREIGN KEY (secretary_member_id, county_id) REFERENCES member (id, county_id);
ALTER TABLE advice_handling
    ADD CONSTRAINT advice_handling_organization_id_fk FOREIGN KEY (organization_id, county_id)
        REFERENCES organization (id, county_id);
ALTER TABLE point_claim
    ADD CONSTRAINT point_claim_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    ADD CONSTRAINT point_claim_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id),
    ADD CONSTRAINT point_claim_item_id_fk FOREIGN KEY (item_id, county_id) REFERENCES point_item (id, county_id),
    ADD CONSTRAINT point_claim_filed_by_account_fk FOREIGN KEY (filed_by_account, county_id) REFERENCES account (id, county_id),
    ADD CONSTRAINT point_claim_reviewed_by_account_fk FOREIGN KEY (reviewed_by_account, county_id)
        REFERENCES account (id, county_id);
ALTER TABLE cadre_duty
    ADD CONSTRAINT cadre_duty_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id),
    ADD CONSTRAINT cadre_duty_organization_id_fk FOREIGN KEY (organization_id, county_id) REFERENCES organization (id, county_id);
ALTER TABLE cadre_log
    ADD CONSTRAINT cadre_log_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id);
ALTER TABLE village_secretary
    ADD CONSTRAINT village_secretary_branch_id_fk FOREIGN KEY (branch_id, county_id) REFERENCES organization (id, county_id),
    ADD CONSTRAINT village_secretary_member_id_fk FOREIGN KEY (member_id, county_id) REFERENCES member (id, county_id);

-- 5. Checks named by the rule, and the allowed codes of every status and kind column SQL matches by string (the
-- constants of the Java enum named beside each; SchemaCatalogApiTests compares them).
ALTER TABLE meeting_plan RENAME CONSTRAINT meeting_plan_first_day TO meeting_plan_month_ck;
ALTER TABLE remote_report RENAME CONSTRAINT remote_report_first_day TO remote_report_month_ck;
ALTER TABLE themed_day_exemption RENAME CONSTRAINT themed_day_exemption_first_day TO themed_day_exemption_month_ck;
ALTER TABLE dues_base RENAME CONSTRAINT dues_base_first_day TO dues_base_effective_month_ck;
ALTER TABLE dues_base RENAME CONSTRAINT dues_base_monthly_due_check TO dues_base_monthly_due_ck;
ALTER TABLE dues_payment RENAME CONSTRAINT dues_payment_first_day TO dues_payment_month_ck;
ALTER TABLE dues_payment RENAME CONSTRAINT dues_payment_amount_check TO dues_payment_amount_ck;
ALTER TABLE point_claim RENAME CONSTRAINT point_claim_first_day TO point_claim_month_ck;
ALTER TABLE point_item RENAME CONSTRAINT point_item_cap_ck TO point_item_yearly_cap_ck;
ALTER TABLE cadre_duty RENAME CONSTRAINT cadre_duty_period_ck TO cadre_duty_ended_on_ck;
ALTER TABLE village_secretary RENAME CONSTRAINT village_secretary_period_ck TO village_secretary_ended_on_ck;
ALTER TABLE four_color_year RENAME CONSTRAINT four_color_year_colors_check TO four_color_year_colors_ck;
ALTER TABLE vanguard_index RENAME CONSTRAINT vanguard_index_score_range TO vanguard_index_score_ck;
ALTER TABLE vanguard_index RENAME CONSTRAINT vanguard_index_quarters_range TO vanguard_index_quarters_ck;
ALTER TABLE vanguard_index RENAME CONSTRAINT vanguard_index_grade_known TO vanguard_index_grade_ck; -- scoring.Grade
-- point_claim_status_ck: scoring.ClaimStatus

ALTER TABLE organization
    ADD CONSTRAINT organization_kind_ck CHECK (kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP')), -- OrgKind
    ADD CONSTRAINT organization_field_ck CHECK (field IN ('RURAL', 'COMMUNITY', 'AGENCY', 'INSTITUTION', 'ENTERPRISE',
        'SOCIAL', 'TEMPORARY', 'MOBILE')); -- organization.Field
ALTER TABLE member
    ADD CONSTRAINT member_gender_ck CHECK (gender IN ('MALE', 'FEMALE')), -- member.Gender
    ADD CONSTRAINT member_category_ck CHECK (category IN ('FULL', 'PROBATIONARY')), -- member.MemberCategory
    ADD CONSTRAINT member_status_ck CHECK (status IN ('NORMAL', 'SUSPENDED', 'LOST_CONTACT', 'TRANSFERRED_OUT',
        'DECEASED')); -- member.MemberStatus
ALTER TABLE account
    ADD CONSTRAINT account_role_ck CHECK (role IN ('MEMBER', 'CADRE', 'INSPECTOR', 'BRANCH_SECRETARY', 'TOWNSHIP_ADMIN',
        'COUNTY_ADMIN')); -- access.Role
ALTER TABLE meeting
    ADD CONSTRAINT meeting_type_ck CHECK (type IN ('THEMED_DAY', 'BRANCH_ASSEMBLY', 'COMMITTEE_MEETING', 'GROUP_MEETING',
        'PARTY_LECTURE', 'LIFE_MEETING', 'DEMOCRATIC_APPRAISAL')), -- orglife.MeetingType
    ADD CONSTRAINT meeting_general_meeting_ck CHECK (general_meeting IN ('JULY_FIRST', 'SPRING_FESTIVAL')); -- GeneralMeeting
ALTER TABLE meeting_attendance
    ADD CONSTRAINT meeting_attendance_status_ck CHECK (status IN ('PRESENT', 'LATE_OR_EARLY', 'LEAVE', 'ABSENT',
        'REMOTE')), -- orglife.AttendanceStatus
    ADD CONSTRAINT meeting_attendance_listed_status_ck CHECK (listed_status IN ('PRESENT', 'LATE_OR_EARLY', 'LEAVE',
        'ABSENT', 'REMOTE')); -- orglife.AttendanceStatus
ALTER TABLE remote_report
    ADD CONSTRAINT remote_report_channel_ck CHECK (channel IN ('WECHAT', 'LETTER', 'SMS')); -- orglife.RemoteChannel
ALTER TABLE dues_base
    ADD CONSTRAINT dues_base_category_ck CHECK (category IN ('PAYROLL', 'ANNUAL_SALARY', 'SELF_EMPLOYED', 'RETIRED',
        'FARMER', 'STUDENT', 'UNEMPLOYED', 'RELIEF', 'LOW_INCOME')); -- dues.DuesCategory
ALTER TABLE dues_payment
    ADD CONSTRAINT dues_payment_channel_ck CHECK (channel IN ('CASH', 'BANK', 'MOBILE_APP')); -- dues.PaymentChannel
ALTER TABLE advice_handling
    ADD CONSTRAINT advice_handling_code_ck CHECK (code IN ('JOIN_BRANCH', 'UPGRADE_TO_GENERAL_BRANCH',
        'UPGRADE_TO_COMMITTEE', 'INACTIVE', 'TERM_EXPIRING', 'TERM_OVERDUE')); -- organization.AdviceCode
