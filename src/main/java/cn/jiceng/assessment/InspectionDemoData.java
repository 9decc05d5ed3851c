package cn.jiceng.assessment;

import java.time.LocalDate;

import cn.jiceng.organization.OfficeService;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection rankings and secretary appraisals for the demo county, set-based: last year's 定期赛 of the county over
 * its townships (published, its interviews held) and this year's 经常赛 of the first township over its branches
 * (published, its interviews pending); last year's secretary appraisals of every township and branch with a
 * secretary on 31 December, finalized with red flags, yellow cards and their interviews.
 */
@Component
class InspectionDemoData {

	private static final Logger log = LoggerFactory.getLogger(InspectionDemoData.class);

	record Seeded(int rounds, int scores, int appraisals, int interviews) {
	}

	private final JdbcClient jdbc;
	private final RuleSettingsService settings;

	InspectionDemoData(JdbcClient jdbc, RuleSettingsService settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Transactional
	Seeded seed(long countyId, String underPath, LocalDate today) {
		Long existing = jdbc.sql("""
				SELECT count(*) FROM inspection_round r JOIN organization o ON o.id = r.organizer_id
				WHERE r.county_id = :c AND r.created_by = 'demo' AND o.path LIKE :under || '%'""")
			.param("c", countyId)
			.param("under", underPath)
			.query(Long.class)
			.single();
		if (existing > 0) {
			return new Seeded(0, 0, 0, 0);
		}
		int lastYear = today.getYear() - 1;
		int rounds = 0;
		int scores = 0;
		int interviews = 0;
		Long regular = round(countyId, "(SELECT id FROM organization WHERE county_id = :c AND path = :under)",
				lastYear + "年度乡镇党委书记抓党建定期赛", "REGULAR", LocalDate.of(lastYear, 12, 10),
				"o.depth = (SELECT depth + 1 FROM organization WHERE county_id = :c AND path = :under) AND o.kind = 'COMMITTEE'",
				underPath);
		if (regular != null) {
			rounds++;
			scores += items(countyId, regular, new String[][] { { "BASE", "基层组织建设", "40" },
					{ "LIFE", "组织生活规范", "30" }, { "SERVICE", "服务群众成效", "30" } });
			interviews += publish(countyId, regular, LocalDate.of(lastYear, 12, 10), true);
		}
		LocalDate held = today.minusDays(20);
		Long frequent = round(countyId, """
				(SELECT id FROM organization WHERE county_id = :c AND path LIKE :under || '%' AND kind = 'COMMITTEE'
				   AND depth = (SELECT depth + 1 FROM organization WHERE county_id = :c AND path = :under)
				 ORDER BY path LIMIT 1)""", held.getYear() + "年村（社区）党组织书记经常赛", "FREQUENT", held,
				"o.kind IN ('BRANCH', 'GENERAL_BRANCH') AND o.path LIKE r_org.path || '%' AND o.id <> r_org.id", underPath);
		if (frequent != null) {
			rounds++;
			scores += items(countyId, frequent, new String[][] { { "MEETING", "三会一课落实", "30" },
					{ "DUES", "党费收缴", "20" }, { "DEVELOP", "发展党员", "20" }, { "FEATURE", "特色亮点", "30" } });
			interviews += publish(countyId, frequent, held, false);
		}
		int[] appraisals = appraisals(countyId, underPath, lastYear);
		interviews += appraisals[1];
		Seeded seeded = new Seeded(rounds, scores, appraisals[0], interviews);
		log.info("演示通报排名：{}场赛事，{}项得分；去年书记述职评议{}个；约谈{}人", seeded.rounds(), seeded.scores(),
				seeded.appraisals(), seeded.interviews());
		return seeded;
	}

	/** A round of an organizer (SQL for its id) over the organizations {@code o} matching {@code targets}. */
	private Long round(long countyId, String organizerSql, String name, String kind, LocalDate heldOn, String targetSql,
			String underPath) {
		Long id = jdbc.sql("""
				INSERT INTO inspection_round (county_id, organizer_id, name, kind, held_on, created_by, created_at)
				SELECT :c, x.id, :name, :kind, :held, 'demo', CAST(:held AS date) - 3
				FROM (SELECT %s AS id) x WHERE x.id IS NOT NULL RETURNING id""".formatted(organizerSql))
			.param("c", countyId)
			.param("under", underPath)
			.param("name", name)
			.param("kind", kind)
			.param("held", heldOn)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return null;
		}
		int targets = jdbc.sql("""
				INSERT INTO inspection_target (county_id, round_id, organization_id, position)
				SELECT :c, :r, o.id, row_number() OVER (ORDER BY o.path) - 1
				FROM inspection_round r JOIN organization r_org ON r_org.id = r.organizer_id
				JOIN organization o ON o.county_id = :c AND o.path LIKE :under || '%%'
				WHERE r.id = :r AND %s""".formatted(targetSql))
			.param("c", countyId)
			.param("r", id)
			.param("under", underPath)
			.update();
		if (targets == 0) {
			jdbc.sql("DELETE FROM inspection_round WHERE id = :r").param("r", id).update();
			return null;
		}
		return id;
	}

	/** The items and every cell's score: a spread by a hash of the target, within each item's points. */
	private int items(long countyId, long roundId, String[][] items) {
		for (int k = 0; k < items.length; k++) {
			jdbc.sql("""
					INSERT INTO inspection_item (county_id, round_id, position, code, name, points)
					VALUES (:c, :r, :p, :code, :name, :points)""")
				.param("c", countyId)
				.param("r", roundId)
				.param("p", k)
				.param("code", items[k][0])
				.param("name", items[k][1])
				.param("points", Integer.parseInt(items[k][2]))
				.update();
		}
		return jdbc.sql("""
				INSERT INTO inspection_score (county_id, round_id, organization_id, item_code, points)
				SELECT t.county_id, t.round_id, t.organization_id, i.code,
				       round(i.points * (0.62 + mod(t.organization_id * 7919 + i.position * 104729, 37) / 100.0), 1)
				FROM inspection_target t JOIN inspection_item i ON i.round_id = t.round_id
				WHERE t.round_id = :r""")
			.param("r", roundId)
			.update();
	}

	/** Publishes a round: the bottom-ranked's secretary and organization member on its date are interviewed. */
	private int publish(long countyId, long roundId, LocalDate heldOn, boolean held) {
		RuleSettings rules = settings.forCountyYear(countyId, heldOn.getYear());
		jdbc.sql("UPDATE inspection_round SET published_by = 'demo', published_at = CAST(:d AS date) + 1 WHERE id = :r")
			.param("d", heldOn)
			.param("r", roundId)
			.update();
		String totals = """
				WITH totals AS (SELECT organization_id, sum(points) AS total FROM inspection_score WHERE round_id = :r
				                GROUP BY organization_id),
				     bottom AS (SELECT t.organization_id, t.total FROM totals t
				                WHERE (SELECT count(*) FROM totals x WHERE x.total < t.total) < :n)
				""";
		int n = 0;
		String[][] posts = { { "SECRETARY", OfficeService.SECRETARY_ON }, { "ORGANIZATION_MEMBER", OfficeService.ORGANIZATION_MEMBER_ON } };
		for (String[] post : posts) {
			n += jdbc.sql(totals + """
					INSERT INTO interview (county_id, source, round_id, year, organization_id, member_id, office, reason,
					                       held_on, notes, held_by, created_at)
					SELECT :c, 'INSPECTION', :r, :y, b.organization_id, h.member_id, :office,
					       r.name || '排名靠后，得分' || b.total,
					       CASE WHEN :held THEN CAST(:d AS date) + 7 END,
					       CASE WHEN :held THEN '县委组织部约谈，指出基层组织建设薄弱、组织生活不规范等问题，要求一个月内报送整改方案' END,
					       CASE WHEN :held THEN 'demo' END, CAST(:d AS date) + 1
					FROM bottom b JOIN inspection_round r ON r.id = :r
					CROSS JOIN LATERAL (SELECT %s AS member_id) h
					WHERE h.member_id IS NOT NULL
					ON CONFLICT DO NOTHING""".formatted(post[1].formatted("b.organization_id", "CAST(:d AS date)")))
				.param("c", countyId)
				.param("r", roundId)
				.param("y", heldOn.getYear())
				.param("n", rules.get(RuleCatalog.INSPECTION_INTERVIEW_BOTTOM))
				.param("office", post[0])
				.param("held", held)
				.param("d", heldOn)
				.update();
		}
		return n;
	}

	/** Last year's appraisals of every township and branch with a secretary on 31 December, finalized. */
	private int[] appraisals(long countyId, String underPath, int year) {
		RuleSettings rules = settings.forCountyYear(countyId, year);
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		int rows = jdbc.sql("""
				INSERT INTO secretary_appraisal (county_id, organization_id, year, secretary_member_id, score, grade, award,
				                                 updated_by, updated_at, finalized_by, finalized_at)
				SELECT q.county_id, q.id, :y, q.secretary, q.score,
				       CASE WHEN q.score >= :good THEN 'GOOD' WHEN q.score >= :fair THEN 'FAIRLY_GOOD'
				            WHEN q.score >= :avg THEN 'AVERAGE' ELSE 'POOR' END,
				       CASE WHEN q.score >= :good THEN 'RED_FLAG' WHEN q.score >= :fair THEN NULL ELSE 'YELLOW_CARD' END,
				       'demo', CAST(:end AS date) - 20, 'demo', CAST(:end AS date) - 5
				FROM (
				    SELECT o.id, o.county_id, %s AS secretary,
				           CAST(CASE WHEN mod(o.id * 7919, 100) < 6 THEN 52 + mod(o.id, 17)
				                     ELSE 80 + mod(o.id * 31, 19) + mod(o.id, 10) / 10.0 END AS numeric(5, 2)) AS score
				    FROM organization o
				    WHERE o.county_id = :c AND o.path LIKE :under || '%%' AND o.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH')
				      AND o.path <> :under
				) q
				WHERE q.secretary IS NOT NULL
				ON CONFLICT (county_id, organization_id, year) DO NOTHING""".formatted(
					OfficeService.SECRETARY_ON.formatted("o.id", "CAST(:end AS date)")))
			.param("c", countyId)
			.param("y", year)
			.param("end", yearEnd)
			.param("under", underPath)
			.param("good", rules.get(RuleCatalog.SECRETARY_APPRAISAL_GOOD_AT))
			.param("fair", rules.get(RuleCatalog.SECRETARY_APPRAISAL_FAIRLY_GOOD_AT))
			.param("avg", rules.get(RuleCatalog.SECRETARY_APPRAISAL_AVERAGE_AT))
			.update();
		int interviews = jdbc.sql("""
				INSERT INTO interview (county_id, source, appraisal_id, year, organization_id, member_id, office, reason,
				                       created_at)
				SELECT a.county_id, 'SECRETARY_APPRAISAL', a.id, a.year, a.organization_id, a.secretary_member_id, 'SECRETARY',
				       a.year || '年度书记述职评议“' || CASE a.grade WHEN 'AVERAGE' THEN '%s' ELSE '%s' END || '”（' || a.score
				       || '分），亮黄牌', a.finalized_at
				FROM secretary_appraisal a
				WHERE a.county_id = :c AND a.year = :y AND a.award = 'YELLOW_CARD' AND a.updated_by = 'demo'
				ON CONFLICT DO NOTHING""".formatted(SecretaryGrade.AVERAGE.label(), SecretaryGrade.POOR.label()))
			.param("c", countyId)
			.param("y", year)
			.update();
		return new int[] { rows, interviews };
	}
}
