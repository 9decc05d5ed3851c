package cn.jiceng.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.assessment.StarService;
import cn.jiceng.common.LatestInspection;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.ReadCache;
import cn.jiceng.dues.DuesReports;
import cn.jiceng.member.MemberService;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationView;
import cn.jiceng.orglife.ComplianceRate;
import cn.jiceng.orglife.ComplianceService;
import cn.jiceng.orglife.FourColor;
import cn.jiceng.orglife.FourColorService;
import cn.jiceng.scoring.VanguardService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Assembles the dashboard of a subtree and month from the modules' own public read methods (each applies its own
 * rules and scope checks), so every figure equals the one its module reports; the figures other modules contribute
 * through {@code common} come from {@link Contributions}.
 */
@Service
class DashboardService {

	/** Organization kinds of API.md's {@code organizations} (groups are not counted). */
	static final List<OrgKind> KINDS = List.of(OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH, OrgKind.BRANCH);

	private static final Logger log = LoggerFactory.getLogger(DashboardService.class);

	private final DataScope scope;
	private final OrganizationService organizations;
	private final MemberService members;
	private final ComplianceService compliance;
	private final FourColorService fourColors;
	private final VanguardService vanguard;
	private final StarService stars;
	private final DuesReports dues;
	private final Contributions contributions;
	private final Clock clock;
	/** Dashboards by organization, month and today (the "as of today" figures), while the database is unchanged. */
	private final ReadCache.Region<Key, Dashboard> cache;

	private record Key(long organizationId, YearMonth month, LocalDate today) {
	}

	DashboardService(DataScope scope, OrganizationService organizations, MemberService members,
			ComplianceService compliance, FourColorService fourColors, VanguardService vanguard, StarService stars,
			DuesReports dues, Contributions contributions, Clock clock, ReadCache readCache) {
		this.scope = scope;
		this.organizations = organizations;
		this.members = members;
		this.compliance = compliance;
		this.fourColors = fourColors;
		this.vanguard = vanguard;
		this.stars = stars;
		this.dues = dues;
		this.contributions = contributions;
		this.clock = clock;
		this.cache = readCache.region(1_000);
	}

	/**
	 * The month a dashboard shows when none is asked for: the last ended one (a month's four colors and compliance
	 * are only final once it has ended), as the compliance list does.
	 */
	YearMonth defaultMonth() {
		return YearMonth.now(clock).minusMonths(1);
	}

	/**
	 * The dashboard as of now. Computing it reads every module (seconds for a county), so it is kept until the
	 * database changes ({@link ReadCache}): the scope check runs on every call, and once it has passed the figures
	 * of a subtree are the same for every caller (the modules' conditions only narrow member-only callers, who are
	 * not served from the cache).
	 */
	Dashboard dashboard(long organizationId, YearMonth month) {
		scope.requireOrganization(organizationId);
		LocalDate today = LocalDate.now(clock);
		if (scope.current().memberOnly()) {
			return compute(organizationId, month, today);
		}
		return cache.get(new Key(organizationId, month, today), () -> compute(organizationId, month, today));
	}

	private Dashboard compute(long organizationId, YearMonth month, LocalDate today) {
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int year = month.getYear();
		Laps laps = new Laps();

		MemberService.RollCounts roll = members.rollCounts(organizationId);
		Map<String, Long> kinds = new LinkedHashMap<>();
		Map<OrgKind, Long> below = organizations.kindsBelow(organizationId);
		for (OrgKind k : KINDS) {
			kinds.put(k.name(), below.getOrDefault(k, 0L));
		}
		laps.lap("roll");

		// compliance of the month and the twelve months ending at it (one computation per calendar year)
		List<ComplianceService.Report> thisYear = compliance.year(organizationId, year);
		List<ComplianceService.Report> months = new ArrayList<>();
		if (month.getMonthValue() < 12) {
			List<ComplianceService.Report> lastYear = compliance.year(organizationId, year - 1);
			months.addAll(lastYear.subList(month.getMonthValue(), 12));
		}
		months.addAll(thisYear.subList(0, month.getMonthValue()));
		ComplianceService.Report report = thisYear.get(month.getMonthValue() - 1);
		List<Dashboard.TrendPoint> trend = months.stream().map(r -> new Dashboard.TrendPoint(r.month(), r.rate())).toList();
		laps.lap("compliance");

		Map<String, Integer> colors = new LinkedHashMap<>();
		fourColors.monthCounts(organizationId, month).forEach((c, n) -> colors.put(c.name(), n));
		for (FourColor c : FourColor.values()) {
			colors.putIfAbsent(c.name(), 0);
		}
		laps.lap("four colors");

		int warnings = vanguard.warnings(organizationId, year).size();
		laps.lap("warnings");
		StarService.StarsReport starReport = stars.stars(organizationId, year);
		laps.lap("stars");

		int due = 0;
		int paid = 0;
		for (DuesReports.PaidMonths p : dues.paidMonthsByBranch(organizationId, YearMonth.of(year, 1), month).values()) {
			due += p.dueMemberMonths();
			paid += p.paidMemberMonths();
		}
		laps.lap("dues");
		Map<String, Long> overdue = contributions.overdue(org.path(), today);
		Map<String, Long> development = contributions.development(org.path());
		LatestInspection.Summary inspection = contributions.latestInspection(org.path());
		laps.lap("contributions");
		List<Dashboard.Child> children = children(org, report, year);
		laps.lap("children");
		log.debug("Dashboard of {} for {} computed: {}", organizationId, month, laps);

		return new Dashboard(Long.toString(organizationId), month,
				new Dashboard.Members(roll.total(), roll.full(), roll.probationary(), roll.mobile()), kinds,
				new Dashboard.Compliance(report.rate(), trend), colors, warnings,
				new Dashboard.Stars(starReport.distribution(), starReport.threeStarShare()), overdue, rate(paid, due),
				development, children, inspection);
	}

	/** Direct children but groups: members of their subtree, compliance rate of the month, warning members. */
	private List<Dashboard.Child> children(OrgRef org, ComplianceService.Report report, int year) {
		List<OrganizationView> kids = organizations.children(org.id())
			.stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList();
		if (kids.isEmpty()) {
			return List.of();
		}
		Map<Long, String> branchPaths = new LinkedHashMap<>();
		organizations.branchesInSubtree(org.id()).forEach(b -> branchPaths.put(b.id(), b.path()));
		Map<Long, VanguardService.BranchWarnings> warnings = vanguard.warningsByBranch(org.id(), year);
		List<Dashboard.Child> rows = new ArrayList<>();
		for (OrganizationView kid : kids) {
			String prefix = org.path() + kid.id() + "/";
			int branches = 0;
			int compliant = 0;
			for (ComplianceService.BranchResult r : report.items()) {
				String path = branchPaths.get(Long.parseLong(r.organizationId()));
				if (path != null && path.startsWith(prefix)) {
					branches++;
					compliant += r.compliant() ? 1 : 0;
				}
			}
			int warned = 0;
			for (var w : warnings.entrySet()) {
				String path = branchPaths.get(w.getKey());
				if (path != null && path.startsWith(prefix)) {
					warned += w.getValue().warnings();
				}
			}
			rows.add(new Dashboard.Child(kid.id(), kid.name(), kid.memberCount(),
					round(new ComplianceRate(report.month(), branches, compliant).rate()), warned));
		}
		return rows;
	}

	/** Milliseconds per part of a computation, for the debug log (where a county's dashboard spends its time). */
	private static final class Laps {

		private final StringBuilder parts = new StringBuilder();
		private final long start = System.nanoTime();
		private long last = start;

		void lap(String part) {
			long now = System.nanoTime();
			parts.append(part).append(' ').append((now - last) / 1_000_000).append(" ms, ");
			last = now;
		}

		@Override
		public String toString() {
			return parts + "total " + (System.nanoTime() - start) / 1_000_000 + " ms";
		}
	}

	/** Rates as the modules round them: four decimals, 0 without a denominator. */
	private static double rate(int part, int whole) {
		return whole == 0 ? 0 : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
			.doubleValue();
	}

	private static double round(double rate) {
		return Math.round(rate * 10000) / 10000.0;
	}
}
