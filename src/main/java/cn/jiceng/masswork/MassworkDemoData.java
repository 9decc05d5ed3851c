package cn.jiceng.masswork;

import java.time.LocalDate;

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

	public record Seeded(int households, int visits, int errands) {
	}

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
		return new Seeded(households, visits, errands);
	}
}
