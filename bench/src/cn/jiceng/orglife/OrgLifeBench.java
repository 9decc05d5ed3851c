package cn.jiceng.orglife;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import cn.jiceng.JicengApplication;
import cn.jiceng.demo.DemoLoader;
import cn.jiceng.member.RollMembership;
import cn.jiceng.organization.OrganizationService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four colors and compliance at province size (issue 3, SPEC.md §6).
 *
 * Starts the platform on a fresh embedded PostgreSQL, loads the demo county at {@code scale} (50 ≈ one million
 * members), writes twelve themed days per branch for last year with an attendance row for every member of the
 * branch on the date (set-based SQL), then times, {@code runs} times each:
 * (a) the bare PostgreSQL aggregate over the same attendance rows (member × month → worst status),
 * (a') the same aggregate written into a table (the write the recompute also does),
 * (b) {@link FourColorRecompute#recompute} of the county-year (membership periods, NONE months, write of the read
 * model), (c) {@link ComplianceService#computeYear} of the county (twelve monthly reports).
 *
 * Usage: OrgLifeBench [scale=50] [runs=3] | OrgLifeBench demo [scale=1] (times the demo county with its year of
 * organizational life, as the demo start does)
 */
public final class OrgLifeBench {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("demo")) {
			demo(args.length > 1 ? Double.parseDouble(args[1]) : 1.0);
			return;
		}
		double scale = args.length > 0 ? Double.parseDouble(args[0]) : 50;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		bench(scale, runs);
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(JicengApplication.class).run("--server.port=0",
				"--jiceng.data-dir=" + dataDir, "--jiceng.admin-password=Bench-Admin-Password-1",
				"--jiceng.demo.enabled=false", "--logging.level.root=WARN", "--logging.level.io.zonky=WARN",
				"--logging.level.cn.jiceng.orglife.FourColorRecompute=INFO",
				"--spring.task.scheduling.enabled=false");
	}

	private static void demo(double scale) throws Exception {
		Path dataDir = Files.createTempDirectory("jiceng-bench-");
		ConfigurableApplicationContext app = start(dataDir);
		try {
			LocalDate today = LocalDate.now(app.getBean(java.time.Clock.class));
			long t = System.nanoTime();
			DemoLoader.LoadResult r = app.getBean(DemoLoader.class).load(scale);
			double load = (System.nanoTime() - t) / 1e9;
			long county = county(app);
			OrgLifeDemoData demo = app.getBean(OrgLifeDemoData.class);
			long t2 = System.nanoTime();
			List<OrgLifeDemoData.Seeded> seeded = new ArrayList<>();
			for (int year : new int[] { today.getYear() - 1, today.getYear() }) {
				seeded.add(demo.seed(county, year, today));
			}
			double life = (System.nanoTime() - t2) / 1e9;
			System.out.printf("demo county at scale %.2f: %,d organizations, %,d branches, %,d members (%,d mobile) in %.1f s%n",
					scale, r.organizations(), r.branches(), r.members(), r.mobileMembers(), load);
			for (OrgLifeDemoData.Seeded s : seeded) {
				System.out.printf("  %d: %d months, %,d meetings, %,d attendance rows, %,d remote reports, %,d exemptions%n",
						s.year(), s.months(), s.meetings(), s.attendanceRows(), s.remoteReports(), s.exemptions());
			}
			System.out.printf("organizational life in %.1f s; demo load total %.1f s%n", life, load + life);
			long root = app.getBean(OrganizationService.class).rootId().orElseThrow();
			StringBuilder rates = new StringBuilder();
			for (ComplianceService.Report m : app.getBean(ComplianceService.class).computeYear(root, today.getYear() - 1)) {
				rates.append(String.format(" %s %.1f%%", m.month(), m.rate() * 100));
			}
			System.out.println("compliance of last year by month:" + rates);
		}
		finally {
			app.close();
			deleteTree(dataDir);
		}
	}

	private static long county(ConfigurableApplicationContext app) {
		OrganizationService organizations = app.getBean(OrganizationService.class);
		return organizations.ref(organizations.rootId().orElseThrow()).orElseThrow().countyId();
	}

	private static void bench(double scale, int runs) throws Exception {
		Path dataDir = Files.createTempDirectory("jiceng-bench-");
		System.out.printf("Organizational-life benchmark: demo scale %.1f, %d runs, %d CPUs, max heap %d MB, data dir %s%n",
				scale, runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, dataDir);
		ConfigurableApplicationContext app = start(dataDir);
		try {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			LocalDate today = LocalDate.now(app.getBean(java.time.Clock.class));
			int year = today.getYear() - 1;
			long t = System.nanoTime();
			// An external database (SPRING_DATASOURCE_URL) that already holds the benchmark's data is reused as it is.
			boolean reuse = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM meeting WHERE recorded_by = 'bench')", Boolean.class);
			if (!reuse) {
				app.getBean(DemoLoader.class).load(scale);
			}
			long branchCount = jdbc.queryForObject("SELECT count(*) FROM organization WHERE kind = 'BRANCH'", Long.class);
			long memberCount = jdbc.queryForObject("SELECT count(*) FROM member", Long.class);
			System.out.printf("demo county: %,d branches, %,d members in %.1f s%s%n", branchCount, memberCount,
					(System.nanoTime() - t) / 1e9, reuse ? " (reused)" : "");
			long county = county(app);
			long root = app.getBean(OrganizationService.class).rootId().orElseThrow();

			t = System.nanoTime();
			if (!reuse) {
				jdbc.update("""
						INSERT INTO meeting (county_id, organization_id, type, held_on, theme, recorded_by)
						SELECT ?, b.id, 'THEMED_DAY', make_date(?, mo, 5 + mod(b.id, 20)::int), '主题党日', 'bench'
						FROM organization b CROSS JOIN generate_series(1, 12) mo
						WHERE b.county_id = ? AND b.kind = 'BRANCH'
						  AND EXISTS (SELECT 1 FROM member m WHERE m.organization_id = b.id)""", county, year, county);
				// Every member of the branch on the date (no transfers in the demo county: joined, not yet gone).
				jdbc.update("""
						INSERT INTO meeting_attendance (meeting_id, member_id, county_id, listed_status, status)
						SELECT mt.id, m.id, mt.county_id, s.status, s.status
						FROM meeting mt
						JOIN member m ON m.organization_id = mt.organization_id AND m.joined_on <= mt.held_on
						 AND {notLeft}
						CROSS JOIN LATERAL (SELECT CASE WHEN mod(m.id * 7919 + mt.id, 100) < 86 THEN 'PRESENT'
						                                WHEN mod(m.id * 7919 + mt.id, 100) < 93 THEN 'LEAVE'
						                                WHEN mod(m.id * 7919 + mt.id, 100) < 97 THEN 'LATE_OR_EARLY'
						                                ELSE 'ABSENT' END AS status) s
						WHERE mt.county_id = ? AND mt.recorded_by = 'bench'""".replace("{notLeft}",
						RollMembership.sqlNotLeftBy("mt.held_on")), county);
				jdbc.execute("VACUUM ANALYZE meeting");
				jdbc.execute("VACUUM ANALYZE meeting_attendance");
			}
			long meetings = jdbc.queryForObject("SELECT count(*) FROM meeting WHERE recorded_by = 'bench'", Long.class);
			long rows = jdbc.queryForObject("SELECT count(*) FROM meeting_attendance a JOIN meeting mt ON mt.id = a.meeting_id "
					+ "WHERE mt.recorded_by = 'bench'", Long.class);
			System.out.printf("generated %,d themed days and %,d attendance rows for %d in %.1f s%n", meetings, rows, year,
					(System.nanoTime() - t) / 1e9);

			String aggregate = """
					SELECT a.member_id, date_trunc('month', mt.held_on::timestamp) AS month,
					       max(CASE a.status WHEN 'ABSENT' THEN 4 WHEN 'LATE_OR_EARLY' THEN 3 WHEN 'LEAVE' THEN 2 ELSE 1 END) AS severity
					FROM meeting_attendance a JOIN meeting mt ON mt.id = a.meeting_id
					WHERE mt.county_id = %d AND mt.type = 'THEMED_DAY'
					  AND mt.held_on BETWEEN '%d-01-01' AND '%d-12-31'
					GROUP BY 1, 2""".formatted(county, year, year);
			FourColorRecompute recompute = app.getBean(FourColorRecompute.class);
			ComplianceService compliance = app.getBean(ComplianceService.class);
			LocalDate pinned = LocalDate.of(year + 1, 1, 15);
			List<Double> bare = new ArrayList<>();
			List<Double> bareWrite = new ArrayList<>();
			List<Double> colors = new ArrayList<>();
			List<Double> comp = new ArrayList<>();
			long[] cells = new long[3];
			for (int run = 1; run <= runs; run++) {
				bare.add(time("(a) bare aggregate", run, () -> {
					cells[0] = jdbc.queryForObject("SELECT count(*) FROM (" + aggregate + ") x", Long.class);
					return cells[0] + " member-months";
				}));
				bareWrite.add(time("(a') bare aggregate into a table", run, () -> {
					jdbc.execute("DROP TABLE IF EXISTS bench_four_color");
					jdbc.execute("CREATE UNLOGGED TABLE bench_four_color AS " + aggregate);
					return "written";
				}));
				colors.add(time("(b) FourColorRecompute.recompute", run, () -> {
					cells[1] = recompute.recompute(county, year, null, pinned);
					return cells[1] + " cells";
				}));
				comp.add(time("(c) ComplianceService.computeYear", run, () -> {
					List<ComplianceService.Report> reports = compliance.computeYear(root, year);
					cells[2] = reports.get(0).branches();
					return reports.size() + " months, " + cells[2] + " branches, Jan rate " + reports.get(0).rate();
				}));
			}
			System.out.println();
			System.out.printf("scale %.1f: %,d branches, %,d members, %,d themed days, %,d attendance rows, %d CPUs%n", scale,
					branchCount, memberCount, meetings, rows, Runtime.getRuntime().availableProcessors());
			System.out.println("| step | best s | median s | ratio to (a), best |");
			System.out.println("|---|---|---|---|");
			row("(a) bare aggregate (SELECT … GROUP BY)", bare, bare);
			row("(a') bare aggregate written to a table", bareWrite, bare);
			row("(b) four colors: FourColorRecompute.recompute", colors, bare);
			row("(c) compliance: ComplianceService.computeYear", comp, bare);
			row("(b)+(c)", sum(colors, comp), bare);
		}
		finally {
			app.close();
			deleteTree(dataDir);
		}
	}

	private static List<Double> sum(List<Double> a, List<Double> b) {
		List<Double> out = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			out.add(a.get(i) + b.get(i));
		}
		return out;
	}

	private static double time(String label, int run, Callable<String> step) throws Exception {
		long t = System.nanoTime();
		String what = step.call();
		double s = (System.nanoTime() - t) / 1e9;
		System.out.printf("run %d %s: %.2f s (%s)%n", run, label, s, what);
		return s;
	}

	private static void row(String label, List<Double> times, List<Double> base) {
		System.out.printf("| %s | %.2f | %.2f | %.2f× |%n", label, best(times), median(times), best(times) / best(base));
	}

	private static double best(List<Double> xs) {
		return Collections.min(xs);
	}

	private static double median(List<Double> xs) {
		List<Double> s = new ArrayList<>(xs);
		Collections.sort(s);
		return s.get(s.size() / 2);
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
