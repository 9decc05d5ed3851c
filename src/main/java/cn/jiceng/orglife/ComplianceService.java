package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.ReadCache;
import cn.jiceng.orglife.CompliancePolicy.BranchCompliance;
import cn.jiceng.orglife.CompliancePolicy.BranchFacts;
import cn.jiceng.orglife.CompliancePolicy.HeldMeeting;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Required-meeting compliance per branch-month and the ledger compliance rate (台账达标率) of a subtree. The facts
 * of every branch of the subtree come from three set-based queries (members owning the month, groups, meetings
 * of the year up to the month); {@link CompliancePolicy} and {@link ComplianceRate} decide.
 */
@Service
public class ComplianceService {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final RuleSettingsService settings;
	/**
	 * Monthly reports, kept while the database is unchanged (three set-based queries over the subtree each); a
	 * county's report holds a row per branch (a few hundred KB), hence the small bound.
	 */
	private final ReadCache.Region<MonthKey, Report> months;

	ComplianceService(JdbcClient jdbc, DataScope scope, RuleSettingsService settings, ReadCache readCache) {
		this.months = readCache.region(200);
		this.jdbc = jdbc;
		this.scope = scope;
		this.settings = settings;
	}

	/** {@code township}: the first organization under the county root on the branch's path (the root itself at depth ≤ 1). */
	public record BranchResult(String organizationId, String organizationName, String townshipId, String townshipName,
			int members, int fullMembers, boolean compliant, List<MeetingType> missing, List<String> reasons) {
	}

	/** Items are the branches that have members in the month (the rate's denominator). */
	public record Report(String organizationId, YearMonth month, int branches, int compliantBranches, double rate,
			List<BranchResult> items) {
	}

	@Transactional(readOnly = true)
	public Report monthly(long organizationId, YearMonth month) {
		scope.requireOrganization(organizationId);
		return months.get(new MonthKey(organizationId, month), () -> compute(organizationId, month));
	}

	private record MonthKey(long organizationId, YearMonth month) {
	}

	/** Twelve monthly reports of a year (the township/county compliance table). */
	@Transactional(readOnly = true)
	public List<Report> year(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		return computeYear(organizationId, year);
	}

	/** A year's twelve reports of a subtree without scope checks (jobs, the benchmark); the queries run once. */
	@Transactional(readOnly = true)
	public List<Report> computeYear(long organizationId, int year) {
		return compute(organizationId, YearMonth.of(year, 1), YearMonth.of(year, 12));
	}

	/** Without scope checks, for the reminder jobs. */
	Report compute(long organizationId, YearMonth month) {
		return compute(organizationId, month, month).get(0);
	}

	/** Reports for the months {@code from} to {@code to} of one year, from three set-based queries. */
	private List<Report> compute(long organizationId, YearMonth from, YearMonth to) {
		record Branch(long id, String name, String path, long countyId) {
		}
		Branch root = jdbc.sql("SELECT id, name, path, county_id FROM organization WHERE id = :id")
			.param("id", organizationId)
			.query((rs, i) -> new Branch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.optional()
			.orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<Branch> branches = jdbc.sql("""
				SELECT id, name, path, county_id FROM organization
				WHERE kind = 'BRANCH' AND path LIKE :prefix ORDER BY path""")
			.param("prefix", root.path() + "%")
			.query((rs, i) -> new Branch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			months.add(m);
		}
		if (branches.isEmpty()) {
			return months.stream().map(m -> new Report(Long.toString(organizationId), m, 0, 0, 0.0, List.of())).toList();
		}
		// branch id → month → {members, full members}
		Map<Long, Map<YearMonth, int[]>> counts = new HashMap<>();
		Map<String, Object> params = Map.of("c", root.countyId(), "prefix", root.path() + "%", "from", from.atDay(1),
				"toEnd", to.atEndOfMonth(), "ownedFrom", from.atDay(1), "ownedTo", to.atDay(1));
		// Members in one branch over the whole period own all its months there: counted per branch and the month
		// from which they are full members (a member is full in a month when full_member_on falls before its end).
		int first = from.getYear() * 12 + from.getMonthValue() - 1;
		jdbc.sql("""
				SELECT m.organization_id,
				       CASE WHEN m.full_member_on IS NOT NULL
				            THEN CAST(extract(year FROM m.full_member_on) * 12 + extract(month FROM m.full_member_on) - 1 AS int)
				            WHEN m.category = 'FULL' THEN -1 END AS full_from,
				       count(*)
				FROM member m JOIN organization b ON b.id = m.organization_id
				WHERE m.county_id = :c AND b.path LIKE :prefix AND %s
				GROUP BY 1, 2""".formatted(MembershipSql.inOneBranchThroughout(":from", ":toEnd")))
			.params(params)
			.query((rs, i) -> {
				Map<YearMonth, int[]> byMonth = counts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>());
				Integer fullFrom = (Integer) rs.getObject(2);
				int n = rs.getInt(3);
				for (int k = 0; k < months.size(); k++) {
					int[] c = byMonth.computeIfAbsent(months.get(k), x -> new int[2]);
					c[0] += n;
					c[1] += fullFrom != null && fullFrom <= first + k ? n : 0;
				}
				return null;
			})
			.list();
		// Everyone else: their stays and the months each stay owns.
		String owned = "WITH " + MembershipSql.stays("m.county_id = :c AND "
				+ MembershipSql.notInOneBranchThroughout(":from", ":toEnd")) + ",\n" + MembershipSql.ownedMonths() + """

				SELECT o.branch_id, o.month, count(*) AS members,
				       count(*) FILTER (WHERE m.full_member_on < o.month + interval '1 month'
				                        OR (m.category = 'FULL' AND m.full_member_on IS NULL)) AS full_members
				FROM owned o JOIN member m ON m.id = o.member_id
				JOIN organization b ON b.id = o.branch_id
				WHERE b.path LIKE :prefix
				GROUP BY o.branch_id, o.month""";
		jdbc.sql(owned)
			.params(params)
			.query((rs, i) -> {
				int[] c = counts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.computeIfAbsent(YearMonth.from(rs.getObject(2, LocalDate.class)), x -> new int[2]);
				c[0] += rs.getInt(3);
				c[1] += rs.getInt(4);
				return null;
			})
			.list();
		Map<Long, Set<Long>> groups = new HashMap<>();
		jdbc.sql("""
				SELECT g.parent_id, g.id FROM organization g
				WHERE g.kind = 'GROUP' AND g.path LIKE :prefix""")
			.param("prefix", root.path() + "%")
			.query((rs, i) -> groups.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)))
			.list();
		Map<Long, List<HeldMeeting>> held = new HashMap<>();
		// One row per branch, type, group and month is all the policy needs (periods are whole months).
		jdbc.sql("""
				SELECT DISTINCT mt.organization_id, mt.type, mt.group_id, date_trunc('month', mt.held_on::timestamp)::date
				FROM meeting mt JOIN organization b ON b.id = mt.organization_id
				WHERE b.path LIKE :prefix AND mt.held_on BETWEEN :from AND :to""")
			.param("prefix", root.path() + "%")
			.param("from", LocalDate.of(from.getYear(), 1, 1))
			.param("to", to.atEndOfMonth())
			.query((rs, i) -> held.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new HeldMeeting(MeetingType.valueOf(rs.getString(2)), rs.getObject(4, LocalDate.class),
						(Long) rs.getObject(3))))
			.list();
		Map<Long, String> townshipNames = new HashMap<>();
		jdbc.sql("SELECT id, name FROM organization WHERE depth = 1 AND county_id = :c")
			.param("c", root.countyId())
			.query((rs, i) -> townshipNames.put(rs.getLong(1), rs.getString(2)))
			.list();
		List<Report> reports = new ArrayList<>();
		for (YearMonth month : months) {
			CompliancePolicy policy = new CompliancePolicy(settings.forCountyYear(root.countyId(), month.getYear()));
			List<BranchCompliance> results = new ArrayList<>();
			List<BranchResult> items = new ArrayList<>();
			for (Branch b : branches) {
				int[] c = counts.getOrDefault(b.id(), Map.of()).getOrDefault(month, new int[] { 0, 0 });
				BranchCompliance r = policy.evaluate(
						new BranchFacts(b.id(), c[0], c[1], groups.getOrDefault(b.id(), Set.of())), month,
						held.getOrDefault(b.id(), List.of()));
				results.add(r);
				if (r.hasMembers()) {
					Long township = townshipOf(b.path());
					items.add(new BranchResult(Long.toString(b.id()), b.name(),
							township == null ? null : township.toString(),
							township == null ? null : townshipNames.get(township), c[0], c[1], r.compliant(),
							r.missingTypes(), r.reasons()));
				}
			}
			ComplianceRate rate = ComplianceRate.of(month, results);
			reports.add(new Report(Long.toString(organizationId), month, rate.branches(), rate.compliantBranches(),
					Math.round(rate.rate() * 10000) / 10000.0, List.copyOf(items)));
		}
		return reports;
	}

	/** The depth-1 organization on a path ('/root/township/…/'), or null for the root's own children paths. */
	static Long townshipOf(String path) {
		String[] parts = path.split("/");
		// parts: "", root, township, ...
		return parts.length > 3 ? Long.valueOf(parts[2]) : null;
	}
}
