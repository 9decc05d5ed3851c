package cn.jiceng.masswork;

import java.time.LocalDate;

import cn.jiceng.member.MemberStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mass work for the demo county, set-based: 40 households in every village (the RURAL organizations right under a
 * township), a year of visits (most households twice, about one in six once, one in twenty not yet), last year's
 * visits too, and errands over the last half year: most done the day received, some answered with a promised date
 * (a few of them overdue), about one in twenty overnight, a few still open from today, most done ones rated.
 */
@Component
public class MassworkDemoData {

	static final int HOUSEHOLDS_PER_VILLAGE = 40;

	static final int ERRANDS_PER_VILLAGE = 24;

	private static final String SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗";

	private static final String GIVEN = "建国秀英桂兰志强海燕国华明芳德福春梅长生玉珍金山";

	public record Seeded(int households, int visits, int errands, Governance governance) {
	}

	/** The village governance records: 四议两公开 decisions and steps, and the "135" records. */
	public record Governance(int decisions, int steps, int bodies, int commitments, int rosters, int meetings) {
	}

	private static final Logger log = LoggerFactory.getLogger(MassworkDemoData.class);

	private final JdbcClient jdbc;

	MassworkDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The villages under a path ("/1/" for the county) that have no households or errands yet get them. */
	@Transactional
	public Seeded seed(long countyId, String underPath, LocalDate today) {
		int households = jdbc.sql("""
				INSERT INTO household (county_id, organization_id, head, address, group_name, phone, tags, recorded_by)
				SELECT v.county_id, v.id,
				       substr(:surnames, 1 + mod((v.id % 1000003)::int + n, 20), 1) || substr(:given, 1 + 2 * mod((v.id % 1000003)::int * 7 + n * 3, 10), 2),
				       ((n - 1) / 10 + 1) || '组' || n || '号', ((n - 1) / 10 + 1) || '组',
				       CASE WHEN mod(n, 3) <> 0 THEN '1' || (35 + mod(n, 5)) || lpad(mod(v.id * 131 + n * 7919, 100000000)::text, 8, '0') END,
				       CAST(array_remove(ARRAY[
				           CASE WHEN mod(n, 9) = 0 THEN 'POOR' END,
				           CASE WHEN mod(n, 13) = 0 THEN 'LOW_INCOME' END,
				           CASE WHEN mod(n, 7) = 0 THEN 'LEFT_BEHIND' END,
				           CASE WHEN mod(n, 11) = 0 THEN 'ELDERLY_ALONE' END,
				           CASE WHEN mod(n, 17) = 0 THEN 'DISABLED' END], NULL) AS VARCHAR(20)[]),
				       'demo'
				FROM organization v CROSS JOIN generate_series(1, :n) n
				WHERE v.county_id = :c AND v.path LIKE :under AND v.field = 'RURAL'
				  AND v.depth = (SELECT min(depth) FROM organization WHERE county_id = :c) + 2
				  AND NOT EXISTS (SELECT 1 FROM household h WHERE h.organization_id = v.id)""")
			.param("surnames", SURNAMES)
			.param("given", GIVEN)
			.param("n", HOUSEHOLDS_PER_VILLAGE)
			.param("c", countyId)
			.param("under", underPath + "%")
			.update();
		// this year: visit k of a household happens when its share allows; dates spread over the days so far
		int days = Math.max(1, today.getDayOfYear() - 1);
		int visits = jdbc.sql("""
				INSERT INTO household_visit (county_id, household_id, visited_on, questions, notes, findings, recorded_by)
				SELECT h.county_id, h.id,
				       CASE WHEN y.year = :thisYear THEN make_date(y.year, 1, 1) + mod((h.id % 1000003)::int * 37 + k * 101, :days)
				            ELSE make_date(y.year, 1, 1) + mod((h.id % 1000003)::int * 37 + k * 151, 364) END,
				       CAST(CASE mod((h.id % 1000003)::int + k, 3) WHEN 0 THEN ARRAY['THINKING', 'NEEDING']
				            WHEN 1 THEN ARRAY['WORRYING', 'HOPING'] ELSE ARRAY['DOING', 'NEEDING', 'WORRYING'] END AS VARCHAR(20)[]),
				       CASE mod((h.id % 1000003)::int + k, 4) WHEN 0 THEN '了解家庭收入和种养情况' WHEN 1 THEN '问需求：希望修缮通组道路'
				            WHEN 2 THEN '宣讲惠民政策，核对低保、医保信息' ELSE '看望老人，了解身体和生活情况' END,
				       CASE WHEN mod((h.id % 1000003)::int + k, 5) = 0 THEN '反映灌溉水渠堵塞，已转村委会' END,
				       'demo'
				FROM household h JOIN organization o ON o.id = h.organization_id
				CROSS JOIN (VALUES (:thisYear), (:thisYear - 1)) y(year)
				CROSS JOIN generate_series(1, 2) k
				WHERE h.county_id = :c AND o.path LIKE :under AND h.recorded_by = 'demo'
				  AND (y.year < :thisYear OR mod(h.id, 20) <> 0)
				  AND (y.year < :thisYear OR k = 1 OR mod(h.id, 6) <> 1)
				  AND NOT EXISTS (SELECT 1 FROM household_visit x WHERE x.household_id = h.id)""")
			.param("thisYear", today.getYear())
			.param("days", days)
			.param("c", countyId)
			.param("under", underPath + "%")
			.update();
		// errands: a day of the last half year (ten days back at least, so every answer lies in the past), kind by id: 0-15 same day, 16-17 overnight (done next day), 18-21 deferred
		// (half of them past the promise), 22 open from yesterday (overnight), 23 received today and open
		int errands = jdbc.sql("""
				WITH e AS (
				    SELECT v.county_id, v.id AS org, k,
				           CASE WHEN k = 23 THEN CAST(:today AS date)
				                WHEN k = 22 THEN CAST(:today AS date) - 1
				                ELSE CAST(:today AS date) - 10 - mod((v.id % 1000003)::int * 13 + k * 7, 170) END AS day,
				           8 + mod((v.id % 1000003)::int + k, 9) AS hour
				    FROM organization v CROSS JOIN generate_series(0, :n - 1) k
				    WHERE v.county_id = :c AND v.path LIKE :under AND v.field = 'RURAL'
				      AND v.depth = (SELECT min(depth) FROM organization WHERE county_id = :c) + 2
				      AND NOT EXISTS (SELECT 1 FROM errand x WHERE x.organization_id = v.id)),
				t AS (
				    SELECT e.*, CAST(e.day + make_interval(hours => e.hour) AS timestamp) AT TIME ZONE 'Asia/Shanghai' AS received_at,
				           CAST(e.day + 1 AS timestamp) AT TIME ZONE 'Asia/Shanghai' AS deadline_at
				    FROM e)
				INSERT INTO errand (county_id, organization_id, requester, content, received_at, received_on, deadline_at,
				    status, done_at, result, deferred_at, reply, promised_on, promise_end_at, satisfaction, recorded_by)
				SELECT t.county_id, t.org,
				       substr(:surnames, 1 + mod((t.org % 1000003)::int + t.k * 3, 20), 1) || substr(:given, 1 + 2 * mod(t.k, 10), 2),
				       CASE mod(t.k, 6) WHEN 0 THEN '代缴新农合医保' WHEN 1 THEN '代办残疾证年审' WHEN 2 THEN '代办养老保险资格认证'
				            WHEN 3 THEN '代办农业补贴申报' WHEN 4 THEN '代开户籍证明' ELSE '代购农资化肥' END,
				       t.received_at, t.day, t.deadline_at,
				       CASE WHEN t.k >= 22 THEN 'RECEIVED' WHEN t.k BETWEEN 18 AND 21 AND t.k % 2 = 0 THEN 'DEFERRED' ELSE 'DONE' END,
				       CASE WHEN t.k <= 15 THEN t.received_at + interval '3 hours'
				            WHEN t.k <= 17 THEN t.deadline_at + interval '9 hours'
				            WHEN t.k IN (19, 21) THEN t.deadline_at + interval '2 days' END,
				       CASE WHEN t.k <= 17 OR t.k IN (19, 21) THEN '已办结' END,
				       CASE WHEN t.k BETWEEN 18 AND 21 THEN t.received_at + interval '4 hours' END,
				       CASE WHEN t.k BETWEEN 18 AND 21 THEN '需到县里办理，已答复群众' END,
				       CASE WHEN t.k BETWEEN 18 AND 21 THEN t.day + CASE WHEN t.k IN (18, 19) THEN 1 ELSE 5 END END,
				       CASE WHEN t.k BETWEEN 18 AND 21 THEN CAST(t.day + CASE WHEN t.k IN (18, 19) THEN 2 ELSE 6 END AS timestamp)
				            AT TIME ZONE 'Asia/Shanghai' END,
				       CASE WHEN t.k <= 17 OR t.k IN (19, 21) THEN
				            CASE WHEN mod((t.org % 1000003)::int + t.k, 10) < 7 THEN 'SATISFIED' WHEN mod((t.org % 1000003)::int + t.k, 10) < 9 THEN 'BASIC'
				                 ELSE 'UNSATISFIED' END END,
				       'demo'
				FROM t""")
			.param("today", today)
			.param("n", ERRANDS_PER_VILLAGE)
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("surnames", SURNAMES)
			.param("given", GIVEN)
			.update();
		return new Seeded(households, visits, errands, governance(countyId, underPath, today));
	}

	/** The villages the demo fills: RURAL organizations right under a township, as for households. */
	private static final String VILLAGES = """
			SELECT v.id, v.county_id, v.path FROM organization v
			WHERE v.county_id = :c AND v.path LIKE :under AND v.field = 'RURAL'
			  AND v.depth = (SELECT min(depth) FROM organization WHERE county_id = :c) + 2""";

	private static final String SEQUENCE = "ARRAY['PROPOSAL', 'DELIBERATION', 'MEMBERS_REVIEW', 'VILLAGERS_RESOLUTION',"
			+ " 'RESOLUTION_DISCLOSED', 'RESULT_DISCLOSED']";

	private static final String COMBINED = "ARRAY['PROPOSAL', 'MEMBERS_REVIEW', 'VILLAGERS_RESOLUTION',"
			+ " 'RESOLUTION_DISCLOSED', 'RESULT_DISCLOSED']";

	/**
	 * Nine villages in ten keep the 135 records: the village committee and supervision committee (eight in ten also a
	 * villagers' council), a commitment of this year from two members in three (some with a model post), a duty roster
	 * and a weekly meeting every Monday of the year so far; eight in ten have three decisions: one finished, one
	 * stopped at a step that varies by village (so every step is someone's next), one 一肩挑 in progress.
	 */
	private Governance governance(long countyId, String underPath, LocalDate today) {
		long started = System.nanoTime();
		String fresh = " AND NOT EXISTS (SELECT 1 FROM village_body b WHERE b.organization_id = v.id)";
		int bodies = jdbc.sql("WITH v AS (" + VILLAGES + fresh + """
				)
				INSERT INTO village_body (county_id, organization_id, kind, member_names, recorded_by)
				SELECT v.county_id, v.id, k.kind,
				       CAST(ARRAY[substr(:surnames, 1 + mod((v.id % 1000003)::int + k.n, 20), 1) || '主任',
				             substr(:surnames, 1 + mod((v.id % 1000003)::int + k.n + 3, 20), 1) || substr(:given, 1 + 2 * mod(k.n, 10), 2),
				             substr(:surnames, 1 + mod((v.id % 1000003)::int + k.n + 7, 20), 1) || substr(:given, 1 + 2 * mod(k.n + 4, 10), 2)]
				            AS VARCHAR(50)[]), 'demo'
				FROM v CROSS JOIN (VALUES ('VILLAGE_COMMITTEE', 1), ('VILLAGERS_COUNCIL', 2), ('SUPERVISION_COMMITTEE', 3)) k(kind, n)
				WHERE mod(v.id, 10) <> 0 AND (k.kind <> 'VILLAGERS_COUNCIL' OR mod(v.id, 10) <> 1)""")
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("surnames", SURNAMES)
			.param("given", GIVEN)
			.update();
		int commitments = jdbc.sql("WITH v AS (" + VILLAGES + """
				)
				INSERT INTO member_commitment (county_id, member_id, organization_id, year, text, post, recorded_by)
				SELECT m.county_id, m.id, m.organization_id, :year,
				       CASE mod(m.id, 5) WHEN 0 THEN '带头参与人居环境整治，管好门前三包' WHEN 1 THEN '帮扶一户困难群众，每月至少走访一次'
				            WHEN 2 THEN '做好邻里矛盾调解，小事不出组' WHEN 3 THEN '带头发展特色种养，带动两户增收'
				            ELSE '守护村前河道，发现乱倒垃圾及时劝导' END,
				       CASE mod(m.id, 5) WHEN 0 THEN 'RESPONSIBILITY_AREA' WHEN 3 THEN 'MODEL_POST' WHEN 4 THEN 'GREEN_GUARD' END,
				       'demo'
				FROM v JOIN organization o ON o.path LIKE v.path || '%' JOIN member m ON m.organization_id = o.id
				WHERE mod(v.id, 10) <> 0 AND mod(m.id, 3) <> 0 AND """ + " " + MemberStatus.sqlOnRoll("m.status") + " " + """
				  AND NOT EXISTS (SELECT 1 FROM member_commitment x WHERE x.member_id = m.id AND x.year = :year)""")
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("year", today.getYear())
			.update();
		// the cadres of a week: up to three members of the village (its secretary's branch), by id
		String crew = """
				, crew AS (
				    SELECT v.id, v.county_id, (SELECT array_agg(x.id) FROM (SELECT m.id FROM member m JOIN organization o ON o.id = m.organization_id
				        WHERE o.path LIKE v.path || '%' ORDER BY m.id LIMIT 3) x) AS ids
				    FROM v WHERE mod(v.id, 10) <> 0
				      AND NOT EXISTS (SELECT 1 FROM duty_roster r WHERE r.organization_id = v.id)),
				weeks AS (
				    SELECT w::date AS monday FROM generate_series(date_trunc('week', CAST(:jan1 AS date)), CAST(:today AS date), interval '7 days') w
				    WHERE w::date >= CAST(:jan1 AS date))""";
		int rosters = jdbc.sql("WITH v AS (" + VILLAGES + ")" + crew + """
				INSERT INTO duty_roster (county_id, organization_id, week_of, member_ids, recorded_by)
				SELECT crew.county_id, crew.id, weeks.monday, crew.ids, 'demo'
				FROM crew CROSS JOIN weeks WHERE crew.ids IS NOT NULL""")
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("jan1", today.withDayOfYear(1))
			.param("today", today)
			.update();
		int meetings = jdbc.sql("WITH v AS (" + VILLAGES + ")" + crew.replace("duty_roster r", "weekly_meeting r") + """
				INSERT INTO weekly_meeting (county_id, organization_id, held_on, topic, attendee_member_ids, recorded_by)
				SELECT crew.county_id, crew.id, weeks.monday,
				       CASE mod(EXTRACT(WEEK FROM weeks.monday)::int, 4) WHEN 0 THEN '研究本周民事代办和“秤砣”工作日安排'
				            WHEN 1 THEN '通报上周走访发现的问题，落实跟进责任人' WHEN 2 THEN '部署人居环境整治和安全生产检查'
				            ELSE '研究村级重大事项，安排“四议两公开”程序' END,
				       crew.ids, 'demo'
				FROM crew CROSS JOIN weeks WHERE crew.ids IS NOT NULL""")
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("jan1", today.withDayOfYear(1))
			.param("today", today)
			.update();
		// decisions: k = 0 finished, k = 1 stopped after a number of steps that varies by village, k = 2 一肩挑 in progress
		int decisions = jdbc.sql("WITH v AS (" + VILLAGES + """
				      AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.organization_id = v.id)),
				d AS (
				    SELECT v.id, v.county_id, k, k = 2 OR mod(v.id, 4) = 0 AS combined,
				           CAST(:today AS date) - 40 - mod((v.id % 1000003)::int * 7 + k * 31, 200) AS base
				    FROM v CROSS JOIN generate_series(0, 2) k WHERE mod(v.id, 10) NOT IN (0, 5)),
				n AS (
				    SELECT d.*, CASE WHEN d.combined THEN 5 ELSE 6 END AS len,
				           CASE d.k WHEN 0 THEN 6 WHEN 1 THEN mod((d.id % 1000003)::int, 7) ELSE 1 + mod((d.id % 1000003)::int, 4) END AS wanted
				    FROM d)
				INSERT INTO decision (county_id, organization_id, title, category, combined_proposal, next_step, recorded_by, recorded_at)
				SELECT n.county_id, n.id,
				       CASE n.k WHEN 0 THEN '村集体山林经营权流转方案' WHEN 1 THEN '修订村规民约（移风易俗条款）' ELSE '村组道路硬化项目实施方案' END,
				       CASE n.k WHEN 0 THEN 'LAND' WHEN 1 THEN 'VILLAGE_RULES' ELSE 'PROJECT' END,
				       n.combined,
				       CASE WHEN n.combined THEN (""" + COMBINED + """
				            )[least(n.wanted, n.len) + 1] ELSE (""" + SEQUENCE + """
				            )[least(n.wanted, n.len) + 1] END,
				       'demo', CAST(n.base + time '09:00' AS timestamp) AT TIME ZONE 'Asia/Shanghai'
				FROM n""")
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("today", today)
			.update();
		// the steps before each decision's next one, five days apart from the day it was registered
		int steps = jdbc.sql("""
				WITH d AS (
				    SELECT d.id, d.county_id, d.organization_id, d.combined_proposal,
				           CAST(d.recorded_at AT TIME ZONE 'Asia/Shanghai' AS date) AS base,
				           CASE WHEN d.combined_proposal THEN """ + " " + COMBINED + " ELSE " + SEQUENCE + """
				            END AS seq, d.next_step
				    FROM decision d JOIN organization o ON o.id = d.organization_id
				    WHERE d.county_id = :c AND o.path LIKE :under AND d.recorded_by = 'demo'
				      AND NOT EXISTS (SELECT 1 FROM decision_step s WHERE s.decision_id = d.id)),
				s AS (
				    SELECT d.*, i, d.seq[i] AS step,
				           (SELECT count(*) FROM member m JOIN organization x ON x.id = m.organization_id
				            WHERE x.path LIKE (SELECT path FROM organization WHERE id = d.organization_id) || '%'
				              AND """ + " " + MemberStatus.sqlOnRoll("m.status") + """
				           ) AS roll
				    FROM d CROSS JOIN LATERAL generate_series(1, coalesce(array_position(d.seq, CAST(d.next_step AS text)) - 1,
				        array_length(d.seq, 1))) i)
				INSERT INTO decision_step (county_id, decision_id, step, held_on, entitled, present, yes, body, place, days, notes, recorded_by)
				SELECT s.county_id, s.id, s.step, s.base + (s.i - 1) * 5,
				       CASE s.step WHEN 'MEMBERS_REVIEW' THEN greatest(s.roll, 1)::int WHEN 'VILLAGERS_RESOLUTION' THEN 35 END,
				       CASE s.step WHEN 'MEMBERS_REVIEW' THEN greatest(s.roll - s.roll / 5, 1)::int WHEN 'VILLAGERS_RESOLUTION' THEN 30 END,
				       CASE s.step WHEN 'MEMBERS_REVIEW' THEN greatest(s.roll - s.roll / 5, 1)::int WHEN 'VILLAGERS_RESOLUTION' THEN 27 END,
				       CASE s.step WHEN 'VILLAGERS_RESOLUTION' THEN 'REPRESENTATIVES' END,
				       CASE WHEN s.step IN ('RESOLUTION_DISCLOSED', 'RESULT_DISCLOSED') THEN '村务公开栏' END,
				       CASE WHEN s.step IN ('RESOLUTION_DISCLOSED', 'RESULT_DISCLOSED') THEN 7 END,
				       CASE s.step WHEN 'PROPOSAL' THEN '村党组织会议研究提出' WHEN 'DELIBERATION' THEN '村“两委”联席会议商议' END,
				       'demo'
				FROM s""")
			.param("c", countyId)
			.param("under", underPath + "%")
			.update();
		log.info("演示村级治理：{}个村级组织，{}条党员承诺，{}周值班，{}次周例会，{}个“四议两公开”决策（{}个步骤），用时{}毫秒", bodies,
				commitments, rosters, meetings, decisions, steps, (System.nanoTime() - started) / 1_000_000);
		return new Governance(decisions, steps, bodies, commitments, rosters, meetings);
	}
}
