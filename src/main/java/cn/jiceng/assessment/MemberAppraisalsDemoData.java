package cn.jiceng.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import cn.jiceng.member.MemberStatus;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appraisals for the demo county (the organizations under a path), set-based: last year's democratic appraisal of
 * every full member on the roll of each branch (优秀 up to the cap, one branch in four a place below it, a few 基本合格
 * and, in some larger branches, one 不合格); the "树根" appraisal of the last three years for the branches' secretaries
 * and deputy secretaries in office, about one in five of them 优秀 every year (promotion priority).
 */
@Component
public class MemberAppraisalsDemoData {

	public record Seeded(int democratic, int cadres) {
	}

	private final JdbcClient jdbc;
	private final RuleSettingsService settings;

	MemberAppraisalsDemoData(JdbcClient jdbc, RuleSettingsService settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Transactional
	public Seeded seed(long countyId, String underPath, LocalDate today) {
		int lastYear = today.getYear() - 1;
		int democratic = jdbc.sql("""
				INSERT INTO democratic_appraisal (county_id, member_id, year, organization_id, grade, appraised_by, appraised_at)
				SELECT q.county_id, q.id, :y, q.organization_id,
				       CASE WHEN q.rk <= q.n / :divisor - CASE WHEN mod(q.organization_id, 4) = 0 THEN 1 ELSE 0 END
				                 THEN 'EXCELLENT'
				            WHEN q.rk = q.n AND q.n >= 8 AND mod(q.organization_id, 5) = 0 THEN 'UNQUALIFIED'
				            WHEN mod(q.h, 17) = 0 THEN 'BASIC'
				            ELSE 'QUALIFIED' END,
				       'demo', :at
				FROM (
				    SELECT m.id, m.county_id, m.organization_id, mod(m.id * 7919, 1000) AS h,
				           row_number() OVER (PARTITION BY m.organization_id ORDER BY mod(m.id * 7919, 1000), m.id) AS rk,
				           count(*) OVER (PARTITION BY m.organization_id) AS n
				    FROM member m JOIN organization o ON o.id = m.organization_id
				    WHERE m.county_id = :c AND o.path LIKE :under AND o.kind = 'BRANCH' AND m.category = 'FULL'
				      AND %s AND m.joined_on <= :yearEnd
				) q
				ON CONFLICT (county_id, member_id, year) DO NOTHING""".formatted(MemberStatus.sqlOnRoll("m.status")))
			.param("c", countyId)
			.param("y", lastYear)
			.param("under", underPath + "%")
			.param("yearEnd", LocalDate.of(lastYear, 12, 31))
			.param("divisor", settings.forCountyYear(countyId, lastYear).get(RuleCatalog.DEMOCRATIC_EXCELLENT_DIVISOR))
			.param("at", OffsetDateTime.of(lastYear, 12, 28, 10, 0, 0, 0, ZoneOffset.ofHours(8)))
			.update();
		int cadres = 0;
		for (int year = lastYear - 2; year <= lastYear; year++) {
			cadres += cadres(countyId, underPath, year);
		}
		return new Seeded(democratic, cadres);
	}

	/** One year's "树根" appraisals: each component a share of its full points, high for one holder in five. */
	private int cadres(long countyId, String underPath, int year) {
		RuleSettings rules = settings.forCountyYear(countyId, year);
		return jdbc.sql("""
				INSERT INTO cadre_appraisal (county_id, member_id, year, organization_id, leader, masses, departments,
				                             year_end, total, grade, appraised_by, appraised_at)
				SELECT r.county_id, r.member_id, :y, r.organization_id, r.l, r.ms, r.d, r.ye, r.l + r.ms + r.d + r.ye,
				       CASE WHEN r.l + r.ms + r.d + r.ye >= :excellent THEN 'EXCELLENT'
				            WHEN r.l + r.ms + r.d + r.ye >= :good THEN 'GOOD'
				            WHEN r.l + r.ms + r.d + r.ye >= :fair THEN 'FAIR' ELSE 'POOR' END,
				       'demo', :at
				FROM (
				    SELECT q.member_id, q.county_id, q.organization_id,
				           round(:leader * (q.base + mod(q.h + 3, 7) / 100.0), 2) AS l,
				           round(:masses * (q.base + mod(q.h + 5, 7) / 100.0), 2) AS ms,
				           round(:departments * (q.base + mod(q.h + 1, 7) / 100.0), 2) AS d,
				           round(:yearEndPoints * (q.base + mod(q.h, 7) / 100.0), 2) AS ye
				    FROM (
				        SELECT DISTINCT m.id AS member_id, m.county_id, m.organization_id,
				               mod(m.id * 7919 + :y * 31, 1000) AS h,
				               CASE WHEN mod(m.id, 5) = 0 THEN 0.93
				                    ELSE 0.58 + mod(m.id * 104729 + :y * 17, 31) / 100.0 END AS base
				        FROM org_office f JOIN member m ON m.id = f.member_id
				        JOIN organization o ON o.id = m.organization_id
				        WHERE f.county_id = :c AND o.path LIKE :under AND f.office IN ('SECRETARY', 'DEPUTY_SECRETARY')
				          AND f.started_on <= :yearEnd AND (f.ended_on IS NULL OR f.ended_on >= :yearStart)
				          AND m.joined_on <= :yearEnd AND %s
				    ) q
				) r
				ON CONFLICT (county_id, member_id, year) DO NOTHING""".formatted(MemberStatus.sqlOnRoll("m.status")))
			.param("c", countyId)
			.param("y", year)
			.param("under", underPath + "%")
			.param("yearStart", LocalDate.of(year, 1, 1))
			.param("yearEnd", LocalDate.of(year, 12, 31))
			.param("leader", rules.get(RuleCatalog.CADRE_LEADER_POINTS))
			.param("masses", rules.get(RuleCatalog.CADRE_MASSES_POINTS))
			.param("departments", rules.get(RuleCatalog.CADRE_DEPARTMENTS_POINTS))
			.param("yearEndPoints", rules.get(RuleCatalog.CADRE_YEAR_END_POINTS))
			.param("excellent", rules.get(RuleCatalog.CADRE_EXCELLENT_AT))
			.param("good", rules.get(RuleCatalog.CADRE_GOOD_AT))
			.param("fair", rules.get(RuleCatalog.CADRE_FAIR_AT))
			.param("at", OffsetDateTime.of(year, 12, 26, 10, 0, 0, 0, ZoneOffset.ofHours(8)))
			.update();
	}
}
