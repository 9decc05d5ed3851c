package cn.jiceng.scoring;

import cn.jiceng.member.MemberStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's scores: a catalogue shaped like the field reports (缙云/丽水 先锋指数, 鲁甸 积分制, the agency
 * report's 月申报、季推进、年评定、晒积分) and a year of claims, approved, rejected and pending, so rankings and
 * warnings show something real. Deterministic (derived from member ids), set-based, and idempotent: a county-year
 * that already has claims gets none added. Called by the demo module.
 */
@Component
public class ScoringDemoData {

	private record Item(String code, String name, int points, Integer cap, boolean veto) {
	}

	static final List<Item> CATALOGUE = List.of(
			new Item("VOLUNTEER", "参加志愿服务活动", 2, 10, false),
			new Item("STUDY_ARTICLE", "撰写心得体会、调研文章", 3, 9, false),
			new Item("MICRO_LECTURE", "讲微党课、交叉巡讲", 3, 6, false),
			new Item("TRAINING", "参加一周以上集中培训", 2, 6, false),
			new Item("MODEL_POST", "党员示范岗、责任区履职突出", 2, 8, false),
			new Item("LEAD_PROJECT", "领办项目、结对帮扶成效明显", 5, 10, false),
			new Item("HONOR_COUNTY", "受到县级以上表彰", 5, 10, false),
			new Item("ABSENT_ACTIVITY", "无故不参加集体活动", -5, null, false),
			new Item("LATE_DUES", "未按时足额交纳党费", -3, 12, false),
			new Item("DUTY_FAILURE", "不履行党员义务、群众反映强烈", -5, null, false),
			new Item("VILLAGE_RULES", "违反村规民约", -5, null, false),
			new Item("DISCIPLINE", "受到党纪政务处分", 0, null, true),
			new Item("CRIME", "违法犯罪", 0, null, true),
			new Item(InputItems.CADRE_LOG_MISSED, "驻村（联村）干部当月未填写工作日志（日志日销）", -2, 12, false),
			new Item(InputItems.SECRETARY_LECTURE_SHORT, "村党组织书记全年讲党课少于规定次数", -5, null, false));

	public record SeedResult(int itemsCreated, int claims, long members, long warnings) {
	}

	private final JdbcClient jdbc;
	private final VanguardEngine engine;

	ScoringDemoData(JdbcClient jdbc, VanguardEngine engine) {
		this.jdbc = jdbc;
		this.engine = engine;
	}

	/** Catalogue (missing items only), claims of {@code year} when it has none yet, then the year's recompute. */
	@Transactional
	public SeedResult seed(long countyId, int year) {
		int created = 0;
		for (Item i : CATALOGUE) {
			created += jdbc.sql("""
					INSERT INTO point_item (county_id, code, name, points, yearly_cap, veto, created_by)
					VALUES (:c, :code, :name, :points, :cap, :veto, 'demo')
					ON CONFLICT (county_id, code) DO NOTHING""")
				.param("c", countyId)
				.param("code", i.code())
				.param("name", i.name())
				.param("points", i.points())
				.param("cap", i.cap())
				.param("veto", i.veto())
				.update();
		}
		LocalDate today = engine.today();
		int claims = 0;
		boolean hasClaims = jdbc.sql("SELECT EXISTS (SELECT 1 FROM point_claim WHERE county_id = :c AND month BETWEEN :from AND :to)")
			.param("c", countyId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 1))
			.query(Boolean.class)
			.single();
		if (!hasClaims && year <= today.getYear()) {
			int lastMonth = year < today.getYear() ? 12 : today.getMonthValue();
			LocalDate currentQuarterStart = YearMonth.from(today).withMonth((Quarters.of(YearMonth.from(today)) - 1) * 3 + 1).atDay(1);
			claims = jdbc.sql(CLAIMS)
				.param("c", countyId)
				.param("year", year)
				.param("yearStart", LocalDate.of(year, 1, 1))
				.param("yearEnd", LocalDate.of(year, 12, 31))
				.param("lastMonth", lastMonth)
				.param("openFrom", currentQuarterStart)
				.update();
			if (year == today.getYear()) {
				claims += jdbc.sql(SECRETARY_QUEUE)
					.param("c", countyId)
					.param("month", YearMonth.from(today).atDay(1))
					.update();
			}
		}
		VanguardEngine.SetResult r = engine.recomputeSet(countyId, year, null);
		return new SeedResult(created, claims, r.members(), r.warnings());
	}

	/**
	 * Every branch with a secretary account gets two pending claims of this month in its review queue, from members
	 * other than the secretary's own.
	 */
	private static final String SECRETARY_QUEUE = """
			WITH item AS (
			    SELECT id, code, name, points, veto FROM point_item
			    WHERE county_id = :c AND active AND points > 0 AND NOT veto ORDER BY points, code LIMIT 1
			), queue AS (
			    SELECT m.id, m.name, m.organization_id,
			           row_number() OVER (PARTITION BY m.organization_id ORDER BY m.id) AS n
			    FROM member m
			    WHERE m.county_id = :c AND m.status = 'NORMAL'
			      AND m.organization_id IN (SELECT a.organization_id FROM account a WHERE a.county_id = :c AND a.role = 'BRANCH_SECRETARY')
			      AND m.id NOT IN (SELECT a.member_id FROM account a WHERE a.county_id = :c AND a.member_id IS NOT NULL
			                       AND a.role <> 'MEMBER')
			)
			INSERT INTO point_claim (county_id, member_id, organization_id, month, item_id, item_code, item_name, points, veto,
			                         note, status, filed_by)
			SELECT :c, q.id, q.organization_id, :month, i.id, i.code, i.name, i.points, i.veto,
			       '本月参加村里环境整治志愿服务两次', 'PENDING', q.name
			FROM queue q CROSS JOIN item i WHERE q.n <= 2""";

	/**
	 * About a third of the members claim one to four items in the year: mostly bonus items (each item at most once,
	 * so no item's cap is ever broken), one claim in twelve a deduction, one member in a thousand a veto. Months of
	 * the current quarter stay partly pending; ended months are approved, about one in seven rejected with a reason.
	 * Members who joined during the year claim only from their joining month.
	 */
	private static final String CLAIMS = """
			WITH bonus AS (
			    SELECT id, code, name, points, veto, row_number() OVER (ORDER BY code) - 1 AS ix
			    FROM point_item WHERE county_id = :c AND active AND points > 0 AND NOT veto
			      AND code NOT IN ('CADRE_LOG_MISSED', 'SECRETARY_LECTURE_SHORT')
			), deduction AS (
			    SELECT id, code, name, points, veto, row_number() OVER (ORDER BY code) - 1 AS ix
			    FROM point_item WHERE county_id = :c AND active AND points < 0 AND NOT veto
			      AND code NOT IN ('CADRE_LOG_MISSED', 'SECRETARY_LECTURE_SHORT')
			), veto_item AS (
			    SELECT id, code, name, points, veto FROM point_item WHERE county_id = :c AND active AND veto ORDER BY code LIMIT 1
			), nb AS (SELECT count(*) AS n FROM bonus), nd AS (SELECT count(*) AS n FROM deduction),
			mem AS (
			    SELECT m.id, m.name, m.organization_id, m.joined_on, (m.id * 7919) % 1000 AS h
			    FROM member m
			    WHERE m.county_id = :c AND {onRoll}
			      AND m.joined_on <= CAST(:yearEnd AS date)
			), picked AS (
			    SELECT mem.*, gs.j,
			           greatest(make_date(:year, CAST(1 + ((mem.h * 7 + gs.j * 3) % :lastMonth) AS int), 1),
			                    CAST(date_trunc('month', mem.joined_on) AS date)) AS month
			    FROM mem CROSS JOIN LATERAL generate_series(1, 1 + mem.h % 4) AS gs(j)
			    WHERE mem.h < 350
			), claim AS (
			    SELECT p.*, CASE WHEN (p.h + p.j) % 12 = 0 AND nd.n > 0 THEN d.id ELSE b.id END AS item_id
			    FROM picked p CROSS JOIN nb CROSS JOIN nd
			    LEFT JOIN bonus b ON nb.n > 0 AND b.ix = (p.h + p.j * 3) % nb.n
			    LEFT JOIN deduction d ON nd.n > 0 AND d.ix = (p.h + p.j) % nd.n
			    UNION ALL
			    SELECT mem.*, 0, make_date(:year, least(:lastMonth, 8), 1), v.id
			    FROM mem CROSS JOIN veto_item v WHERE mem.h = 999 AND mem.joined_on < make_date(:year, least(:lastMonth, 8), 1)
			)
			INSERT INTO point_claim (county_id, member_id, organization_id, month, item_id, item_code, item_name, points, veto,
			                         note, status, filed_by, filed_at, reviewed_by, reviewed_at, review_reason)
			SELECT :c, cl.id, cl.organization_id, cl.month, i.id, i.code, i.name, i.points, i.veto,
			       CASE WHEN i.veto THEN '县纪委通报：' || i.name ELSE cl.month || ' ' || i.name || '，有活动记录和照片为证' END,
			       s.status, cl.name, least(cl.month + interval '20 days', now()),
			       CASE WHEN s.status <> 'PENDING' THEN '支部书记' END,
			       CASE WHEN s.status <> 'PENDING' THEN least(cl.month + interval '27 days', now()) END,
			       CASE s.status WHEN 'REJECTED' THEN '活动时间与组织生活记录不符，请核实后重新申报'
			                     WHEN 'APPROVED' THEN '经支委会核实，情况属实' END
			FROM claim cl
			JOIN point_item i ON i.id = cl.item_id
			CROSS JOIN LATERAL (SELECT CASE
			    WHEN i.veto THEN 'APPROVED'
			    WHEN cl.month >= CAST(:openFrom AS date) AND (cl.h + cl.j) % 2 = 0 THEN 'PENDING'
			    WHEN (cl.h + cl.j * 5) % 7 = 0 THEN 'REJECTED'
			    ELSE 'APPROVED' END AS status) s
			WHERE cl.month <= CAST(:yearEnd AS date)""".replace("{onRoll}", MemberStatus.sqlOnRoll("m.status"));
}
