package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.audit.AuditTrail;
import cn.jiceng.organization.OfficeService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of organizational life for the demo county, shaped like the county reports (鲁甸 日提醒周通报月约谈, 缙云
 * 四色纪实): most branches hold a themed day every month with most members present, about one branch-month in
 * twenty is missed, assemblies and lectures every quarter, mobile members file remote reports and count as REMOTE,
 * townships exempt a few missed months. Written with set-based SQL; pseudo-random choices are hashes of ids, so
 * the same county gets the same year every time.
 */
@Service
public class OrgLifeDemoData {

	static final String RECORDED_BY = "demo";

	private static final String[] THEMES = { "学习贯彻党的二十届三中全会精神", "新春走访慰问困难党员群众", "学雷锋志愿服务进村入户",
			"清明祭英烈 传承红色基因", "学习《中国共产党纪律处分条例》", "安全生产和防汛工作动员", "庆祝建党节 重温入党誓词",
			"乡村振兴产业发展大讨论", "秋收互助和人居环境整治", "学习习近平新时代中国特色社会主义思想", "法治宣传进万家",
			"年终总结和民主评议准备" };

	// constants, so inlining them as an SQL literal is safe (a bound array would be expanded as an IN list)
	private static final String THEMES_SQL = "(ARRAY['" + String.join("','", THEMES) + "'])";

	private final JdbcClient jdbc;
	private final FourColorRecompute fourColors;
	private final AuditTrail audit;

	OrgLifeDemoData(JdbcClient jdbc, FourColorRecompute fourColors, AuditTrail audit) {
		this.jdbc = jdbc;
		this.fourColors = fourColors;
		this.audit = audit;
	}

	public record Seeded(int year, int months, int meetings, int attendanceRows, int remoteReports, int exemptions) {
	}

	/** Meetings of {@code year} up to the month before {@code today}; nothing when that month is before the year. */
	@Transactional
	public Seeded seed(long countyId, int year, LocalDate today) {
		YearMonth last = YearMonth.from(today).minusMonths(1);
		YearMonth lastOfYear = last.getYear() > year ? YearMonth.of(year, 12) : last;
		if (lastOfYear.getYear() < year) {
			return new Seeded(year, 0, 0, 0, 0, 0);
		}
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("c", countyId);
		p.put("from", LocalDate.of(year, 1, 1));
		p.put("to", lastOfYear.atEndOfMonth());
		p.put("lastMonth", lastOfYear.atDay(1));
		p.put("y", year);
		p.put("by", RECORDED_BY);
		jdbc.sql("SET LOCAL work_mem = '128MB'").update();

		// Branch-months: held or missed (about 5%, a few branches more often), the day it was held.
		jdbc.sql("DROP TABLE IF EXISTS demo_branch_month").update();
		jdbc.sql("""
				CREATE TEMP TABLE demo_branch_month ON COMMIT DROP AS
				SELECT b.id AS branch_id, gs::date AS month,
				       (mod(b.id * 7919 + extract(month FROM gs)::int * 104729, 100)
				        >= CASE WHEN mod(b.id, 23) = 0 THEN 40 ELSE 4 END) AS held,
				       gs::date + mod(b.id * 31 + extract(month FROM gs)::int * 17, 20)::int + 5 AS held_on
				FROM organization b
				CROSS JOIN generate_series(CAST(:from AS timestamp), CAST(:lastMonth AS timestamp), interval '1 month') gs
				WHERE b.county_id = :c AND b.kind = 'BRANCH'
				  AND EXISTS (SELECT 1 FROM member m WHERE m.organization_id = b.id)""")
			.params(p)
			.update();
		jdbc.sql("ANALYZE demo_branch_month").update();

		// 一月一方案一主题: a plan for almost every branch-month.
		jdbc.sql("""
				INSERT INTO meeting_plan (county_id, organization_id, month, theme, content, recorded_by)
				SELECT :c, bm.branch_id, bm.month, %1$s[extract(month FROM bm.month)::int],
				       '一、重温入党誓词；二、集中学习；三、讨论本村（单位）重点工作；四、交纳党费；五、开展志愿服务', :by
				FROM demo_branch_month bm
				WHERE mod(bm.branch_id + extract(month FROM bm.month)::int, 17) <> 0
				ON CONFLICT (organization_id, month, county_id) DO NOTHING""".formatted(THEMES_SQL))
			.params(p)
			.update();

		// Remote reports (三信联系): mobile members report most months, mostly by WeChat.
		int reports = jdbc.sql("""
				INSERT INTO remote_report (county_id, member_id, month, channel, content, entered_by, on_behalf)
				SELECT DISTINCT ON (mm.member_id, gs) :c, mm.member_id, gs::date,
				       CASE WHEN mod(mm.member_id + extract(month FROM gs)::int, 10) < 7 THEN 'WECHAT'
				            WHEN mod(mm.member_id + extract(month FROM gs)::int, 10) < 9 THEN 'SMS' ELSE 'LETTER' END,
				       '在外务工期间按时参加流入地党组织学习，遵守党的纪律，本月思想和工作情况良好。',
				       :by, mod(mm.member_id + extract(month FROM gs)::int, 10) = 9
				FROM member_mobility mm
				JOIN member m ON m.id = mm.member_id
				CROSS JOIN generate_series(CAST(:from AS timestamp), CAST(:lastMonth AS timestamp), interval '1 month') gs
				WHERE mm.county_id = :c AND m.status = 'NORMAL'
				  AND mm.started_on <= (gs + interval '1 month' - interval '1 day')::date
				  AND (mm.ended_on IS NULL OR mm.ended_on >= gs::date)
				  AND mod(mm.member_id * 13 + extract(month FROM gs)::int * 7, 100) < 85
				ON CONFLICT (member_id, month, county_id) DO NOTHING""")
			.params(p)
			.update();

		// Themed days, committee meetings (larger branches), group meetings, quarterly assemblies and lectures,
		// the yearly life meeting and democratic appraisal, all in held branch-months.
		int meetings = jdbc.sql("""
				INSERT INTO meeting (county_id, organization_id, group_id, type, held_on, theme, first_topic, plan_id, recorded_by, host_member_id)
				SELECT :c, bm.branch_id, CAST(NULL AS bigint), 'THEMED_DAY', bm.held_on,
				       coalesce(pl.theme, %1$s[extract(month FROM bm.month)::int]),
				       CAST('学习习近平总书记最新重要讲话精神' AS varchar), pl.id, :by, CAST(NULL AS bigint)
				FROM demo_branch_month bm
				LEFT JOIN meeting_plan pl ON pl.organization_id = bm.branch_id AND pl.month = bm.month
				WHERE bm.held
				UNION ALL
				SELECT :c, bm.branch_id, NULL, 'COMMITTEE_MEETING', bm.held_on - 3, '支委会研究本月主题党日和重点工作', NULL, NULL, :by, NULL
				FROM demo_branch_month bm
				WHERE bm.held AND (SELECT count(*) FROM member m WHERE m.organization_id = bm.branch_id) >= 7
				UNION ALL
				SELECT :c, bm.branch_id, g.id, 'GROUP_MEETING', bm.held_on - 1, g.name || '学习讨论', NULL, NULL, :by, NULL
				FROM demo_branch_month bm JOIN organization g ON g.parent_id = bm.branch_id AND g.kind = 'GROUP'
				WHERE bm.held
				UNION ALL
				SELECT :c, bm.branch_id, NULL, t.type, bm.held_on + t.shift, t.theme, NULL, NULL, :by,
				       CASE WHEN t.type = 'PARTY_LECTURE' THEN %2$s END
				FROM demo_branch_month bm
				JOIN (VALUES ('BRANCH_ASSEMBLY', 1, '支部党员大会：通报季度工作、讨论发展党员'),
				             ('PARTY_LECTURE', 2, '书记讲党课：坚定理想信念 践行初心使命')) AS t(type, shift, theme)
				  ON mod(extract(month FROM bm.month)::int, 3) = 0
				WHERE bm.held
				UNION ALL
				SELECT :c, bm.branch_id, NULL, t.type, bm.held_on + t.shift, t.theme, NULL, NULL, :by, NULL
				FROM demo_branch_month bm
				JOIN (VALUES ('LIFE_MEETING', 1, '年度组织生活会：对照检查 开展批评和自我批评'),
				             ('DEMOCRATIC_APPRAISAL', 2, '民主评议党员')) AS t(type, shift, theme)
				  ON extract(month FROM bm.month) = 12
				WHERE bm.held""".formatted(THEMES_SQL,
				// the branch's secretary gives the quarter's lecture (书记讲党课), as the lecture rule expects
				OfficeService.SECRETARY_ON.formatted("bm.branch_id", "bm.held_on + t.shift")))
			.params(p)
			.update();

		// Attendance of every branch member on the date for the whole-branch types (SPEC.md §4.2): mobile members
		// with the month's report REMOTE (unlisted), other mobile members unlisted and so ABSENT, the rest as tapped.
		int rows = jdbc.sql("WITH " + MembershipSql.stays("m.county_id = :c") + """
				, mt AS (
				    SELECT id, organization_id, held_on FROM meeting
				    WHERE county_id = :c AND recorded_by = :by AND held_on BETWEEN :from AND :to
				      AND type IN ('THEMED_DAY', 'BRANCH_ASSEMBLY', 'PARTY_LECTURE', 'LIFE_MEETING', 'DEMOCRATIC_APPRAISAL')
				), pairs AS (
				    SELECT mt.id AS meeting_id, s.member_id, mt.held_on,
				           EXISTS (SELECT 1 FROM member_mobility mm WHERE mm.member_id = s.member_id
				                   AND mm.started_on <= mt.held_on AND (mm.ended_on IS NULL OR mm.ended_on >= mt.held_on)) AS mobile,
				           EXISTS (SELECT 1 FROM remote_report r WHERE r.member_id = s.member_id
				                   AND r.month = date_trunc('month', mt.held_on::timestamp)::date) AS reported,
				           mod(s.member_id * 7919 + mt.id * 31, 100) AS dice,
				           -- members differ: three in ten almost never miss, two in ten often do (a real year's spread)
				           CASE WHEN mod(s.member_id * 131, 10) < 3 THEN 97 WHEN mod(s.member_id * 131, 10) < 8 THEN 88 ELSE 66 END AS present_below
				    FROM mt JOIN stay s ON s.branch_id = mt.organization_id
				     AND s.from_on <= mt.held_on AND (s.to_on IS NULL OR mt.held_on < s.to_on)
				)
				INSERT INTO meeting_attendance (meeting_id, member_id, county_id, listed_status, status)
				SELECT meeting_id, member_id, :c, listed, coalesce(listed, CASE WHEN mobile AND reported THEN 'REMOTE' ELSE 'ABSENT' END)
				FROM (SELECT meeting_id, member_id, mobile, reported,
				             CASE WHEN mobile THEN NULL
				                  WHEN dice < present_below THEN 'PRESENT'
				                  WHEN dice < present_below + (100 - present_below) / 2 THEN 'LEAVE'
				                  WHEN dice < present_below + (100 - present_below) * 4 / 5 THEN 'LATE_OR_EARLY'
				                  ELSE 'ABSENT' END AS listed
				      FROM pairs) x
				ON CONFLICT DO NOTHING""")
			.params(p)
			.update();

		// A few missed months exempted by the township (防汛、森林防火、换届).
		int exemptions = jdbc.sql("""
				INSERT INTO themed_day_exemption (county_id, organization_id, month, reason, granted_by_org, granted_by)
				SELECT :c, bm.branch_id, bm.month,
				       (ARRAY['防汛抗洪集中值守，经乡镇党委同意顺延', '森林防火封山期集中扑救', '村级组织换届选举集中期间'])[mod(bm.branch_id, 3)::int + 1],
				       coalesce(CAST(split_part(b.path, '/', 3) AS bigint), b.parent_id), :by
				FROM demo_branch_month bm JOIN organization b ON b.id = bm.branch_id
				WHERE NOT bm.held AND mod(bm.branch_id + extract(month FROM bm.month)::int, 8) = 0
				  AND split_part(b.path, '/', 3) <> '' AND CAST(split_part(b.path, '/', 3) AS bigint) <> b.id
				ON CONFLICT (organization_id, month, county_id) DO NOTHING""")
			.params(p)
			.update();
		jdbc.sql("ANALYZE meeting").update();
		jdbc.sql("ANALYZE meeting_attendance").update();

		fourColors.recompute(countyId, year, null, today);
		int months = lastOfYear.getMonthValue();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("year", year);
		summary.put("months", months);
		summary.put("meetings", meetings);
		summary.put("attendanceRows", rows);
		summary.put("remoteReports", reports);
		summary.put("exemptions", exemptions);
		audit.record("DemoCounty", countyId, countyId, "DEMO_ORGLIFE", summary);
		return new Seeded(year, months, meetings, rows, reports, exemptions);
	}
}
