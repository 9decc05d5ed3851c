package cn.jiceng.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five stars and commendations for the demo county (the organizations under a path), set-based: a standard for every field for last year and this
 * year; last year's assessments of nineteen branches in twenty that have members, confirmed and mostly published,
 * with about nine in ten at three stars or more and a few revocations; this year's in progress (self-assessed,
 * reviewed, or already confirmed by the county); a few commendations of last year's five-star branches and of members of them. Then the inspection rounds
 * and secretary appraisals ({@link InspectionDemoData}).
 */
@Component
public class AssessmentStarsDemoData {

	public record Seeded(int standards, int lastYear, int thisYear, int revocations, int commendations) {
	}

	private final JdbcClient jdbc;
	private final RuleSettingsService settings;
	private final InspectionDemoData inspections;

	AssessmentStarsDemoData(JdbcClient jdbc, RuleSettingsService settings, InspectionDemoData inspections) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.inspections = inspections;
	}

	@Transactional
	public Seeded seed(long countyId, String underPath, LocalDate today) {
		int thisYear = today.getYear();
		int lastYear = thisYear - 1;
		int standards = jdbc.sql("""
				INSERT INTO star_standard (county_id, year, field, updated_by)
				SELECT :c, y, f, 'demo' FROM (VALUES (:last), (:this)) AS years(y)
				CROSS JOIN (VALUES ('RURAL'), ('COMMUNITY'), ('AGENCY'), ('INSTITUTION'), ('ENTERPRISE'), ('SOCIAL'),
				                   ('TEMPORARY'), ('MOBILE')) AS fields(f)
				ON CONFLICT (county_id, year, field) DO NOTHING""")
			.param("c", countyId)
			.param("last", lastYear)
			.param("this", thisYear)
			.update();
		jdbc.sql("""
				INSERT INTO star_standard_item (county_id, standard_id, position, code, name, points, indicator)
				SELECT s.county_id, s.id, i.position, i.code, i.name, i.points, i.indicator
				FROM star_standard s
				CROSS JOIN (VALUES (0, 'ORG', '组织建设（班子健全、制度规范）', 25, NULL),
				                   (1, 'LIFE', '组织生活（三会一课、主题党日）', 25, 'COMPLIANCE_RATE'),
				                   (2, 'DUES', '党费按月交纳', 10, 'DUES_PAID_RATE'),
				                   (3, 'MEMBERS', '党员队伍（无警示党员）', 10, 'WARNING_FREE'),
				                   (4, 'ROLE', '作用发挥（服务群众、推动发展）', 30, NULL))
				     AS i(position, code, name, points, indicator)
				WHERE s.county_id = :c AND s.year IN (:last, :this)
				  AND NOT EXISTS (SELECT 1 FROM star_standard_item x WHERE x.standard_id = s.id)""")
			.param("c", countyId)
			.param("last", lastYear)
			.param("this", thisYear)
			.update();
		RuleSettings rules = settings.forCountyYear(countyId, lastYear);
		OffsetDateTime december = OffsetDateTime.of(lastYear, 12, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8));
		// h spreads the branches: one in ten scores 55–69, the rest 70–98.99; one in twenty is not assessed
		int lastYearRows = jdbc.sql("""
				INSERT INTO star_assessment (county_id, organization_id, year, field, status, score, banded_stars, stars,
				                             self_assessed_by, self_assessed_at, reviewed_by, reviewed_at, confirmed_by,
				                             confirmed_at, published_by, published_at)
				SELECT q.county_id, q.id, :last, q.field, CASE WHEN q.h % 7 = 0 THEN 'CONFIRMED' ELSE 'PUBLISHED' END,
				       q.score, q.stars, q.stars, 'demo', :at - interval '20 days', 'demo', :at - interval '10 days',
				       'demo', :at, CASE WHEN q.h % 7 = 0 THEN NULL ELSE 'demo' END,
				       CASE WHEN q.h % 7 = 0 THEN NULL ELSE :at + interval '5 days' END
				FROM (
				    SELECT p.*, CASE WHEN p.score >= :five THEN 5 WHEN p.score >= :four THEN 4 WHEN p.score >= :three THEN 3
				                     WHEN p.score >= :two THEN 2 ELSE 1 END AS stars
				    FROM (
				        SELECT o.id, o.county_id, o.field, mod(o.id * 7919, 1000) AS h,
				               CAST(CASE WHEN mod(o.id * 7919, 1000) < 100 THEN 55 + mod(o.id * 7919, 15)
				                         ELSE 70 + mod(o.id * 7919, 29) + mod(o.id * 31, 100) / 100.0 END AS numeric(5, 2)) AS score
				        FROM organization o
				        WHERE o.county_id = :c AND o.path LIKE :under AND o.kind = 'BRANCH' AND mod(o.id * 7919, 1000) < 950
				          AND EXISTS (SELECT 1 FROM member m WHERE m.organization_id = o.id)
				          AND NOT EXISTS (SELECT 1 FROM star_assessment a WHERE a.organization_id = o.id AND a.year = :last)
				    ) p
				) q""")
			.param("c", countyId)
			.param("last", lastYear)
			.param("at", december)
			.param("under", underPath + "%")
			.param("five", rules.get(RuleCatalog.STAR_FIVE_AT))
			.param("four", rules.get(RuleCatalog.STAR_FOUR_AT))
			.param("three", rules.get(RuleCatalog.STAR_THREE_AT))
			.param("two", rules.get(RuleCatalog.STAR_TWO_AT))
			.update();
		// frozen items: each scored in proportion to the total, which they add up to
		jdbc.sql("""
				INSERT INTO star_assessment_item (county_id, assessment_id, position, code, name, max_points, indicator,
				                                  awarded, explanation)
				SELECT a.county_id, a.id, i.position, i.code, i.name, i.points, i.indicator, i.points * a.score / 100,
				       CASE WHEN i.indicator IS NULL THEN '乡镇评星 ' || round(i.points * a.score / 100, 2) || ' 分'
				            ELSE '按平台记录评分（演示数据），' || i.points || ' × ' || round(a.score, 2) || '% = '
				                 || round(i.points * a.score / 100, 2) || ' 分' END
				FROM star_assessment a
				JOIN star_standard s ON s.county_id = a.county_id AND s.year = a.year AND s.field = a.field
				JOIN star_standard_item i ON i.standard_id = s.id
				WHERE a.county_id = :c AND a.year = :last AND a.self_assessed_by = 'demo'
				  AND NOT EXISTS (SELECT 1 FROM star_assessment_item x WHERE x.assessment_id = a.id)""")
			.param("c", countyId)
			.param("last", lastYear)
			.update();
		jdbc.sql("""
				INSERT INTO star_assessment_score (county_id, assessment_id, code, self_points, review_points)
				SELECT a.county_id, a.id, i.code, least(i.points, round(i.points * a.score / 100 + 1, 2)),
				       round(i.points * a.score / 100, 2)
				FROM star_assessment a
				JOIN star_standard s ON s.county_id = a.county_id AND s.year = a.year AND s.field = a.field
				JOIN star_standard_item i ON i.standard_id = s.id AND i.indicator IS NULL
				WHERE a.county_id = :c AND a.year = :last AND a.self_assessed_by = 'demo'
				ON CONFLICT DO NOTHING""")
			.param("c", countyId)
			.param("last", lastYear)
			.update();
		// a few revocations (摘星): one star off, with the reason
		int revocations = jdbc.sql("""
				INSERT INTO star_revocation (county_id, assessment_id, from_stars, to_stars, reason, revoked_by, revoked_at)
				SELECT a.county_id, a.id, a.stars, a.stars - 1, '党员发生违纪问题，经县委组织部研究摘除一星', 'demo',
				       :at + interval '60 days'
				FROM star_assessment a
				WHERE a.county_id = :c AND a.year = :last AND a.stars > 1 AND a.self_assessed_by = 'demo'
				  AND mod(a.organization_id * 7919, 1000) BETWEEN 100 AND 109
				  AND NOT EXISTS (SELECT 1 FROM star_revocation r WHERE r.assessment_id = a.id)""")
			.param("c", countyId)
			.param("last", lastYear)
			.param("at", december)
			.update();
		jdbc.sql("""
				UPDATE star_assessment a SET stars = r.to_stars, version = a.version + 1
				FROM star_revocation r WHERE r.assessment_id = a.id AND a.county_id = :c AND a.year = :last
				  AND a.stars = r.from_stars""")
			.param("c", countyId)
			.param("last", lastYear)
			.update();
		// this year: one branch in three has assessed itself, half of those are reviewed by the township
		int thisYearRows = jdbc.sql("""
				INSERT INTO star_assessment (county_id, organization_id, year, field, status, self_assessed_by,
				                             self_assessed_at, reviewed_by, reviewed_at)
				SELECT o.county_id, o.id, :this, o.field,
				       CASE WHEN mod(o.id, 6) = 0 THEN 'REVIEWED' ELSE 'SELF_ASSESSED' END, 'demo', now() - interval '3 days',
				       CASE WHEN mod(o.id, 6) = 0 THEN 'demo' END, CASE WHEN mod(o.id, 6) = 0 THEN now() - interval '1 day' END
				FROM organization o
				WHERE o.county_id = :c AND o.path LIKE :under AND o.kind = 'BRANCH' AND mod(o.id, 3) = 0
				  AND EXISTS (SELECT 1 FROM member m WHERE m.organization_id = o.id)
				  AND NOT EXISTS (SELECT 1 FROM star_assessment a WHERE a.organization_id = o.id AND a.year = :this)""")
			.param("c", countyId)
			.param("this", thisYear)
			.param("under", underPath + "%")
			.update();
		jdbc.sql("""
				INSERT INTO star_assessment_score (county_id, assessment_id, code, self_points, review_points)
				SELECT a.county_id, a.id, i.code, i.points - mod(a.organization_id, 4),
				       CASE WHEN a.status = 'REVIEWED' THEN i.points - mod(a.organization_id, 4) - 1 END
				FROM star_assessment a
				JOIN star_standard s ON s.county_id = a.county_id AND s.year = a.year AND s.field = a.field
				JOIN star_standard_item i ON i.standard_id = s.id AND i.indicator IS NULL
				WHERE a.county_id = :c AND a.year = :this AND a.self_assessed_by = 'demo'
				ON CONFLICT DO NOTHING""")
			.param("c", countyId)
			.param("this", thisYear)
			.update();
		// this year's assessment is under way at the year's end: the county has confirmed half of the reviewed ones
		// (one branch in twelve), so the command center's stars of this year have a distribution to show
		RuleSettings thisRules = settings.forCountyYear(countyId, thisYear);
		jdbc.sql("""
				UPDATE star_assessment a SET status = 'CONFIRMED', score = q.score, banded_stars = q.stars, stars = q.stars,
				       confirmed_by = 'demo', confirmed_at = now() - interval '12 hours', version = a.version + 1
				FROM (
				    SELECT p.id, p.score, CASE WHEN p.score >= :five THEN 5 WHEN p.score >= :four THEN 4
				                               WHEN p.score >= :three THEN 3 WHEN p.score >= :two THEN 2 ELSE 1 END AS stars
				    FROM (
				        SELECT x.id, CAST(CASE WHEN mod(x.organization_id * 7919, 1000) < 100
				                               THEN 55 + mod(x.organization_id * 7919, 15)
				                               ELSE 70 + mod(x.organization_id * 7919, 29) + mod(x.organization_id * 31, 100) / 100.0
				                          END AS numeric(5, 2)) AS score
				        FROM star_assessment x JOIN organization o ON o.id = x.organization_id
				        WHERE x.county_id = :c AND x.year = :this AND x.self_assessed_by = 'demo' AND x.status = 'REVIEWED'
				          AND mod(x.organization_id, 12) = 0 AND o.path LIKE :under
				    ) p
				) q
				WHERE a.id = q.id""")
			.param("c", countyId)
			.param("this", thisYear)
			.param("under", underPath + "%")
			.param("five", thisRules.get(RuleCatalog.STAR_FIVE_AT))
			.param("four", thisRules.get(RuleCatalog.STAR_FOUR_AT))
			.param("three", thisRules.get(RuleCatalog.STAR_THREE_AT))
			.param("two", thisRules.get(RuleCatalog.STAR_TWO_AT))
			.update();
		jdbc.sql("""
				INSERT INTO star_assessment_item (county_id, assessment_id, position, code, name, max_points, indicator,
				                                  awarded, explanation)
				SELECT a.county_id, a.id, i.position, i.code, i.name, i.points, i.indicator, i.points * a.score / 100,
				       CASE WHEN i.indicator IS NULL THEN '乡镇评星 ' || round(i.points * a.score / 100, 2) || ' 分'
				            ELSE '按平台记录评分（演示数据），' || i.points || ' × ' || round(a.score, 2) || '% = '
				                 || round(i.points * a.score / 100, 2) || ' 分' END
				FROM star_assessment a
				JOIN star_standard s ON s.county_id = a.county_id AND s.year = a.year AND s.field = a.field
				JOIN star_standard_item i ON i.standard_id = s.id
				WHERE a.county_id = :c AND a.year = :this AND a.self_assessed_by = 'demo' AND a.status = 'CONFIRMED'
				  AND NOT EXISTS (SELECT 1 FROM star_assessment_item x WHERE x.assessment_id = a.id)""")
			.param("c", countyId)
			.param("this", thisYear)
			.update();
		// commendations of last year: five-star branches and one member of each
		int commendations = jdbc.sql("""
				INSERT INTO commendation (county_id, year, award, level, organization_id, name, created_by, created_at)
				SELECT a.county_id, :last, 'ADVANCED_ORGANIZATION', 'COUNTY', a.organization_id, o.name, 'demo', :at + interval '10 days'
				FROM star_assessment a JOIN organization o ON o.id = a.organization_id
				WHERE a.county_id = :c AND a.year = :last AND a.stars = 5 AND a.status = 'PUBLISHED'
				  AND mod(a.organization_id, 4) = 0
				ON CONFLICT DO NOTHING""")
			.param("c", countyId)
			.param("last", lastYear)
			.param("at", december)
			.update();
		commendations += jdbc.sql("""
				INSERT INTO commendation (county_id, year, award, level, member_id, name, created_by, created_at)
				SELECT a.county_id, :last, 'OUTSTANDING_MEMBER', 'TOWNSHIP', m.id, m.name, 'demo', :at + interval '10 days'
				FROM star_assessment a
				JOIN LATERAL (SELECT x.id, x.name FROM member x WHERE x.organization_id = a.organization_id
				              AND x.category = 'FULL' ORDER BY x.id LIMIT 1) m ON TRUE
				WHERE a.county_id = :c AND a.year = :last AND a.stars = 5 AND a.status = 'PUBLISHED'
				  AND mod(a.organization_id, 4) = 1
				ON CONFLICT DO NOTHING""")
			.param("c", countyId)
			.param("last", lastYear)
			.param("at", december)
			.update();
		// the rest of the assessment module's demo: inspection rounds, secretary appraisals, interviews
		inspections.seed(countyId, underPath, today);
		return new Seeded(standards, lastYearRows, thisYearRows, revocations, commendations);
	}
}
