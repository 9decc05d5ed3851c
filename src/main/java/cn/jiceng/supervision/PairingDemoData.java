package cn.jiceng.supervision;

import java.time.LocalDate;

import cn.jiceng.organization.MemberRoll;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairing and micro-wishes (携手联心) for the demo county, set-based: every agency branch under the path paired since
 * early last year with the care center of a village (taken in turn), four services a year in March, June, September
 * and November (the November one missed by one pairing in five, so one in seven of those with only two is short),
 * one or two wishes a quarter posted, claimed by a member of the branch and completed within the quarter (one pairing
 * in nine leaves last year's third quarter unclaimed), a difficulty solved each October (one in six solved none), and
 * this quarter's wishes still open: so last year's table shows most pairings compliant and some not.
 */
@Component
public class PairingDemoData {

	public record Seeded(int pairings, int services, int difficulties, int wishes) {
	}

	private final JdbcClient jdbc;
	private final MemberRoll roll;

	PairingDemoData(JdbcClient jdbc, MemberRoll roll) {
		this.jdbc = jdbc;
		this.roll = roll;
	}

	@Transactional
	public Seeded seed(long countyId, String underPath, LocalDate today) {
		LocalDate lastYear = LocalDate.of(today.getYear() - 1, 1, 1);
		int pairings = jdbc.sql("""
				WITH agency AS (
				  SELECT o.id, o.county_id, row_number() OVER (ORDER BY o.path) AS n FROM organization o
				  WHERE o.county_id = :c AND o.path LIKE :p AND o.kind = 'BRANCH' AND o.field = 'AGENCY'),
				village AS (
				  SELECT v.name, row_number() OVER (ORDER BY v.path) AS n, count(*) OVER () AS total
				  FROM organization v JOIN organization t ON t.id = v.parent_id
				  WHERE v.county_id = :c AND v.path LIKE :p AND v.field = 'RURAL' AND v.kind <> 'GROUP'
				    AND t.parent_id = (SELECT id FROM organization WHERE county_id = :c AND path = :own))
				INSERT INTO pairing (county_id, organization_id, site_name, started_on, created_by)
				SELECT a.county_id, a.id,
				       regexp_replace(v.name, '(党支部|党总支|党委)$', '') || '居家养老照料中心',
				       CAST(:start AS DATE) + CAST(mod(a.id, 20) AS INT), 'demo'
				FROM agency a JOIN village v ON v.n = mod(a.n - 1, v.total) + 1""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("own", underPath)
			.param("start", lastYear.minusDays(25))
			.update();
		if (pairings == 0) {
			return new Seeded(0, 0, 0, 0);
		}
		int services = jdbc.sql("""
				INSERT INTO pairing_activity (county_id, pairing_id, kind, held_on, content, recorded_by)
				SELECT p.county_id, p.id, 'SERVICE', make_date(y, m, 5 + CAST(mod(p.id, 20) AS INT)),
				       (ARRAY['为老人理发、打扫卫生', '送医送药、健康体检', '文艺慰问演出', '陪老人过节、包饺子'])[1 + (m / 3) % 4],
				       'demo'
				FROM pairing p CROSS JOIN generate_series(:y0, :y1) AS y CROSS JOIN (VALUES (3), (6), (9), (11)) AS months(m)
				WHERE p.county_id = :c AND p.created_by = 'demo'
				  AND p.organization_id IN (SELECT id FROM organization WHERE county_id = :c AND path LIKE :p)
				  AND make_date(y, m, 5 + CAST(mod(p.id, 20) AS INT)) <= :today
				  AND NOT (m = 11 AND mod(p.id, 5) = 0)
				  AND NOT (m = 9 AND mod(p.id, 35) = 0)""")
			.param("c", countyId)
			.param("y0", today.getYear() - 1)
			.param("y1", today.getYear())
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		int difficulties = jdbc.sql("""
				INSERT INTO pairing_activity (county_id, pairing_id, kind, held_on, content, recorded_by)
				SELECT p.county_id, p.id, 'DIFFICULTY', make_date(y, 10, 8 + CAST(mod(p.id, 15) AS INT)),
				       (ARRAY['协调修缮照料中心屋顶', '添置康复器材和轮椅', '解决冬季取暖设备', '协调开通助餐服务'])[1 + CAST(mod(p.id, 4) AS INT)],
				       'demo'
				FROM pairing p CROSS JOIN generate_series(:y0, :y1) AS y
				WHERE p.county_id = :c AND p.created_by = 'demo'
				  AND p.organization_id IN (SELECT id FROM organization WHERE county_id = :c AND path LIKE :p) AND mod(p.id, 6) <> 0
				  AND make_date(y, 10, 8 + CAST(mod(p.id, 15) AS INT)) <= :today""")
			.param("c", countyId)
			.param("y0", today.getYear() - 1)
			.param("y1", today.getYear())
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		// wishes: one or two a quarter; completed in the quarter when it has ended, claimed or open in the running one
		int wishes = jdbc.sql("""
				INSERT INTO micro_wish (county_id, pairing_id, content, posted_on, status, member_id, claimed_on,
				                       completed_on, posted_by)
				SELECT w.county_id, w.pairing_id, w.content, w.posted_on,
				       CASE WHEN w.claimant IS NULL OR w.claimed_on > :today THEN 'POSTED'
				            WHEN w.done_on <= :today AND NOT w.skipped THEN 'COMPLETED' ELSE 'CLAIMED' END,
				       CASE WHEN w.claimant IS NULL OR w.claimed_on > :today THEN NULL ELSE w.claimant END,
				       CASE WHEN w.claimant IS NULL OR w.claimed_on > :today THEN NULL ELSE w.claimed_on END,
				       CASE WHEN w.claimant IS NOT NULL AND w.claimed_on <= :today AND w.done_on <= :today AND NOT w.skipped
				            THEN w.done_on END,
				       'demo'
				FROM (
				  SELECT p.county_id, p.id AS pairing_id,
				         (ARRAY['想要一台收音机', '想学用智能手机视频通话', '想要一副老花镜', '想拍一张全家福', '想要一双保暖棉鞋',
				                '想给照料中心添几盆花'])[1 + CAST(mod(p.id + q + k, 6) AS INT)]
				           || '（' || (ARRAY['王', '李', '张', '刘', '陈', '杨'])[1 + CAST(mod(p.id * 3 + q, 6) AS INT)] || '奶奶）'
				           AS content,
				         make_date(y, q * 3 - 2, 3 + k * 20) AS posted_on,
				         make_date(y, q * 3 - 2, 6 + k * 20) AS claimed_on,
				         make_date(y, q * 3 - 1, 10 + k * 8) AS done_on,
				         (y = :y0 AND q = 3 AND mod(p.id, 9) = 0) AS skipped,
				         (SELECT m.id FROM member m WHERE m.organization_id = p.organization_id AND %s
				          ORDER BY mod(m.id * 31 + p.id + q * 7 + k, 97), m.id LIMIT 1) AS claimant
				  FROM pairing p CROSS JOIN generate_series(:y0, :y1) AS y CROSS JOIN generate_series(1, 4) AS q
				  CROSS JOIN generate_series(0, 1) AS k
				  WHERE p.county_id = :c AND p.created_by = 'demo'
				  AND p.organization_id IN (SELECT id FROM organization WHERE county_id = :c AND path LIKE :p) AND (k = 0 OR mod(p.id + q, 3) = 0)
				    AND make_date(y, q * 3 - 2, 3 + k * 20) <= :today) AS w""".formatted(roll.sqlOnRoll("m.status")))
			.param("c", countyId)
			.param("y0", today.getYear() - 1)
			.param("y1", today.getYear())
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		return new Seeded(pairings, services, difficulties, wishes);
	}
}
