package cn.jiceng.scoring;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the vanguard index under the caller's data scope: one member's index with every entry explaining it,
 * warning members and rankings of a subtree (晒积分), and the admins' full-year recompute.
 *
 * <p>One member's index is always computed live from the inputs (and stored when it changed). Lists read the
 * {@code vanguard_index} rows after {@link VanguardEngine#ensureFresh} has recomputed the county-year if its
 * settings changed since, a month has ended since, or a member has no row yet; attendance, claims and logs keep
 * the rows current between times through events and direct recomputes.
 *
 * <p>Ranks are competition ranks: equal indexes share a rank and the next rank skips (1, 1, 3), ordered by name
 * within a rank. A ranking is computed over the whole subtree before the scope filter, so a member account sees
 * its own true rank and nobody else's row.
 */
@Service
public class VanguardService {

	public record EntryView(LocalDate date, String source, int points, String reason) {
	}

	public record QuarterView(int quarter, LocalDate endsOn, int index) {
	}

	public record MemberIndexView(String memberId, String name, String organizationId, int year, int index, Grade grade,
			boolean warning, List<EntryView> entries, List<String> explanation, List<QuarterView> quarters) {
	}

	/** The page's richer form of one member's index: the score with its entries (veto flag, source labels). */
	public record MemberIndexPage(MemberIndexView view, VanguardIndex index, RankInBranch rank) {
	}

	public record RankInBranch(int rank, int of) {
	}

	public record RankRow(int rank, String memberId, String name, int index, String organizationId,
			String organizationName, Grade grade) {

		public String gradeLabel() {
			return grade.label();
		}
	}

	public record WarningRow(String memberId, String name, String organizationId, int index, String organizationName,
			Grade grade) {
	}

	public record RecomputeView(String organizationId, int year, long members, long warnings, long changedRows,
			long millis) {
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final VanguardEngine engine;
	private final OrganizationService organizations;
	private final AuditTrail audit;

	VanguardService(JdbcClient jdbc, DataScope scope, VanguardEngine engine, OrganizationService organizations,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.engine = engine;
		this.organizations = organizations;
		this.audit = audit;
	}

	/** The year asked for, or this year; years before 2000 or after this one are refused. */
	public int year(Integer year) {
		int current = engine.today().getYear();
		if (year == null) {
			return current;
		}
		if (year < 2000 || year > current) {
			throw InvalidInputException.of("year", "年份应在 2000 到 " + current + " 之间");
		}
		return year;
	}

	@Transactional
	public MemberIndexView ofMember(long memberId, int year) {
		return page(memberId, year, false).view();
	}

	@Transactional
	public MemberIndexPage page(long memberId, int year, boolean withRank) {
		scope.requireMember(memberId);
		var member = jdbc.sql("SELECT county_id, organization_id, name FROM member WHERE id = :id")
			.param("id", memberId)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3) })
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在"));
		long county = (Long) member[0];
		if (!engine.qualifies(memberId, year)) {
			throw new RuleViolationException("该党员 " + year + " 年不在本县党员名册中，没有该年度的先锋指数");
		}
		// Bring the county-year's rows up to date first, so the live row stored below is never overwritten by a stale one.
		if (withRank) {
			engine.ensureFresh(county, year);
		}
		ScoreContext ctx = engine.context(county, year);
		List<ScoreEntry> entries = engine.entries(ctx, List.of(memberId)).getOrDefault(memberId, List.of());
		VanguardEngine.MemberScore score = engine.score(ctx, memberId, entries);
		engine.store(ctx, score);
		VanguardIndex index = score.index();
		MemberIndexView view = new MemberIndexView(Long.toString(memberId), (String) member[2],
				Long.toString((Long) member[1]), year, index.index(), index.grade(), index.warning(),
				index.entries().stream().map(e -> new EntryView(e.date(), e.source(), e.points(), e.reason())).toList(),
				index.explanation(),
				score.endedQuarters().stream().map(q -> new QuarterView(q.quarter(), q.endsOn(), q.index().index())).toList());
		RankInBranch rank = withRank ? rankInBranch(county, memberId, (Long) member[1], year) : null;
		return new MemberIndexPage(view, index, rank);
	}

	private RankInBranch rankInBranch(long county, long memberId, long branchId, int year) {
		return jdbc.sql("""
				SELECT r.rnk, r.total FROM (
				    SELECT v.member_id, rank() OVER (ORDER BY v.score DESC) AS rnk, count(*) OVER () AS total
				    FROM vanguard_index v JOIN member m ON m.id = v.member_id
				    WHERE v.year = :year AND m.organization_id = :branch) r
				WHERE r.member_id = :member""")
			.param("year", year)
			.param("branch", branchId)
			.param("member", memberId)
			.query((rs, i) -> new RankInBranch(rs.getInt(1), rs.getInt(2)))
			.optional()
			.orElse(null);
	}

	@Transactional
	public List<RankRow> ranking(long organizationId, int year, Integer quarter) {
		return rankingPage(organizationId, year, quarter, null).items();
	}

	/** A ranking of the subtree, a page of it when {@code page} is given. */
	@Transactional
	public PageResult<RankRow> rankingPage(long organizationId, int year, Integer quarter, PageRequest page) {
		OrgRef org = readableOrganization(organizationId);
		String value = valueColumn(year, quarter);
		engine.ensureFresh(org.countyId(), year);
		RuleSettings settings = engine.context(org.countyId(), year).settings();
		var cond = scope.memberCondition("m", "o");
		Map<String, Object> params = new LinkedHashMap<>(cond.params());
		params.put("county", org.countyId());
		params.put("year", year);
		params.put("prefix", org.path() + "%");
		String from = """
				FROM (
				    SELECT rank() OVER (ORDER BY %1$s DESC) AS rnk, v.member_id, %1$s AS value
				    FROM vanguard_index v JOIN member m ON m.id = v.member_id JOIN organization o ON o.id = m.organization_id
				    WHERE v.county_id = :county AND v.year = :year AND o.path LIKE :prefix AND %1$s IS NOT NULL
				) r
				JOIN member m ON m.id = r.member_id JOIN organization o ON o.id = m.organization_id
				WHERE %2$s""".formatted(value, cond.sql());
		long total = jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
		String limit = "";
		if (page != null) {
			limit = " LIMIT :limit OFFSET :offset";
			params.put("limit", page.size());
			params.put("offset", page.offset());
		}
		List<RankRow> rows = jdbc.sql("SELECT r.rnk, r.member_id, m.name, r.value, m.organization_id, o.name AS org_name "
				+ from + " ORDER BY r.rnk, m.name, m.id" + limit)
			.params(params)
			.query((rs, i) -> new RankRow(rs.getInt(1), Long.toString(rs.getLong(2)), rs.getString(3), rs.getInt(4),
					Long.toString(rs.getLong(5)), rs.getString(6), Grade.of(rs.getInt(4), settings)))
			.list();
		return page == null ? new PageResult<>(rows, total, 0, rows.size())
				: new PageResult<>(rows, total, page.page(), page.size());
	}

	/** Members of the subtree whose index of the year is below the warning line, lowest first. */
	@Transactional
	public List<WarningRow> warnings(long organizationId, int year) {
		OrgRef org = readableOrganization(organizationId);
		engine.ensureFresh(org.countyId(), year);
		var cond = scope.memberCondition("m", "o");
		return jdbc.sql("""
				SELECT v.member_id, m.name, m.organization_id, v.score, o.name, v.grade
				FROM vanguard_index v JOIN member m ON m.id = v.member_id JOIN organization o ON o.id = m.organization_id
				WHERE v.county_id = :county AND v.year = :year AND v.warning AND o.path LIKE :prefix AND\s""" + cond.sql()
				+ " ORDER BY v.score, m.name, m.id")
			.params(cond.params())
			.param("county", org.countyId())
			.param("year", year)
			.param("prefix", org.path() + "%")
			.query((rs, i) -> new WarningRow(Long.toString(rs.getLong(1)), rs.getString(2), Long.toString(rs.getLong(3)),
					rs.getInt(4), rs.getString(5), Grade.valueOf(rs.getString(6))))
			.list();
	}

	/** A member's year for other modules' rules (commendations): the index, the warning and the veto entries. */
	public record Standing(boolean indexed, int index, boolean warning, List<String> vetoReasons) {
	}

	/**
	 * The member's index of the year as the rules see it, without scope checks (the caller has checked the member);
	 * {@code indexed} false when the member was not on the county's roll that year.
	 */
	@Transactional(readOnly = true)
	public Standing standing(long memberId, int year) {
		Long county = jdbc.sql("SELECT county_id FROM member WHERE id = :id")
			.param("id", memberId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在"));
		if (!engine.qualifies(memberId, year)) {
			return new Standing(false, 0, false, List.of());
		}
		ScoreContext ctx = engine.context(county, year);
		List<ScoreEntry> entries = engine.entries(ctx, List.of(memberId)).getOrDefault(memberId, List.of());
		VanguardIndex index = engine.score(ctx, memberId, entries).index();
		return new Standing(true, index.index(), index.warning(),
				index.entries().stream().filter(ScoreEntry::veto).map(ScoreEntry::reason).toList());
	}

	/** Members with an index of the year and warning members among them, in one branch. */
	public record BranchWarnings(int members, int warnings) {
	}

	/**
	 * Per branch of the subtree (members counted in their current branch, as the warning list does): members with an
	 * index of the year and the warning members among them. Without scope checks, for other modules' rules (the
	 * stars' WARNING_FREE); the caller has checked the subtree.
	 */
	@Transactional
	public Map<Long, BranchWarnings> warningsByBranch(long organizationId, int year) {
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		engine.ensureFresh(org.countyId(), year);
		Map<Long, BranchWarnings> result = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT m.organization_id, count(*), count(*) FILTER (WHERE v.warning)
				FROM vanguard_index v JOIN member m ON m.id = v.member_id JOIN organization o ON o.id = m.organization_id
				WHERE v.county_id = :county AND v.year = :year AND o.path LIKE :prefix
				GROUP BY m.organization_id""")
			.param("county", org.countyId())
			.param("year", year)
			.param("prefix", org.path() + "%")
			.query(rs -> {
				result.put(rs.getLong(1), new BranchWarnings(rs.getInt(2), rs.getInt(3)));
			});
		return result;
	}

	/** The admins' full-year recompute: the whole county from its root, else the members of the subtree. */
	@Transactional
	public RecomputeView recompute(long organizationId, int year) {
		scope.requireWriter(Set.of(Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN));
		OrgRef org = readableOrganization(organizationId);
		VanguardEngine.SetResult r = engine.recomputeSet(org.countyId(), year, org.parentId() == null ? null : org.path());
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("year", year);
		changes.put("members", r.members());
		changes.put("warnings", r.warnings());
		changes.put("changedRows", r.changedRows());
		audit.record("VanguardIndex", organizationId + "/" + year, organizationId, "RECOMPUTE", AuditTrail.created(changes));
		return new RecomputeView(Long.toString(organizationId), year, r.members(), r.warnings(), r.changedRows(), r.millis());
	}

	/** Rankings and warnings are filtered by member condition below; a member names its own branch. */
	private OrgRef readableOrganization(long organizationId) {
		scope.requireListing(organizationId);
		return organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
	}

	public boolean quarterEnded(int year, int quarter) {
		return engine.today().isAfter(Quarters.endsOf(year).get(quarter - 1));
	}

	private String valueColumn(int year, Integer quarter) {
		if (quarter == null) {
			return "v.score";
		}
		if (quarter < 1 || quarter > 4) {
			throw InvalidInputException.of("quarter", "季度应为 1 到 4");
		}
		LocalDate end = Quarters.endsOf(year).get(quarter - 1);
		if (!engine.today().isAfter(end)) {
			throw new RuleViolationException(year + " 年第 " + quarter + " 季度尚未结束，没有季度先锋指数");
		}
		return "v.q" + quarter;
	}
}
