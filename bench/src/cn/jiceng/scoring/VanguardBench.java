package cn.jiceng.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import cn.jiceng.JicengApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vanguard index benchmark (SPEC.md §6: the full-year recompute for 1,000,000 members with 12 themed days each within
 * 2× the time PostgreSQL needs for the bare aggregate over the same attendance rows).
 *
 * Starts the platform on an embedded PostgreSQL in a fresh temporary data directory and generates, set-based in SQL,
 * a county of N members in branches of 50 (200 branches per township), twelve themed days in 2025 per branch with
 * every member's attendance (85 % present, 4 % late, 5 % leave, 6 % absent), and the demo catalogue with a year of
 * claims ({@link ScoringDemoData}). Then it times, each {@code runs} times:
 * <ul>
 * <li>bare: the per-member sum of attendance points over the attendance rows joined to their meetings, aggregated
 * to one row (nothing written) — the floor any recompute has to pay; timed with the default work_mem and with the
 * recompute's 256MB, and the faster of the two is the denominator;</li>
 * <li>cold: {@link VanguardEngine#recomputeSet} into an empty {@code vanguard_index} (every row inserted);</li>
 * <li>changed: the recompute after a settings change (every row rewritten with the new settings key);</li>
 * <li>unchanged: the recompute when nothing changed (rows compared, none written).</li>
 * </ul>
 * Usage: VanguardBench [members=1000000] [runs=3]
 */
public final class VanguardBench {

	private static final String PASSWORD = "Bench-Admin-Password-1";
	private static final int YEAR = 2025;
	private static final int BRANCH_SIZE = 50;
	private static final int BRANCHES_PER_TOWNSHIP = 200;

	public static void main(String[] args) throws Exception {
		int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path dataDir = Files.createTempDirectory("jiceng-vbench-");
		System.out.printf("Vanguard index benchmark: %,d members × 12 themed days, %d runs, %d CPUs, data dir %s%n", members,
				runs, Runtime.getRuntime().availableProcessors(), dataDir);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(JicengApplication.class).run("--server.port=0",
				"--jiceng.data-dir=" + dataDir, "--jiceng.admin-password=" + PASSWORD, "--jiceng.demo.enabled=false",
				"--logging.level.root=WARN", "--logging.level.io.zonky=WARN");
		try {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			VanguardEngine engine = app.getBean(VanguardEngine.class);
			long county = jdbc.queryForObject("SELECT id FROM organization WHERE parent_id IS NULL", Long.class);
			long t = System.nanoTime();
			// An external database (SPRING_DATASOURCE_URL) that already holds the benchmark's data is reused as it is.
			boolean reuse = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM organization WHERE name = '基准镇1')", Boolean.class);
			if (!reuse) {
				generate(jdbc, county, members);
				jdbc.execute("VACUUM ANALYZE");
			}
			System.out.printf("generated in %.1f s%s%n", (System.nanoTime() - t) / 1e9, reuse ? " (reused)" : "");
			t = System.nanoTime();
			long warnings = reuse ? 0 : app.getBean(ScoringDemoData.class).seed(county, YEAR).warnings();
			long claims = jdbc.queryForObject("SELECT count(*) FROM point_claim", Long.class);
			long attendance = jdbc.queryForObject("SELECT count(*) FROM meeting_attendance", Long.class);
			jdbc.execute("VACUUM ANALYZE");
			System.out.printf("demo claims seeded (%,d claims, %,d attendance rows, first recompute included) in %.1f s; "
					+ "%,d warnings%n", claims, attendance, (System.nanoTime() - t) / 1e9, warnings);

			TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
			List<long[]> rows = new ArrayList<>();
			for (int run = 1; run <= runs; run++) {
				long bareDefault = time(() -> {
					jdbc.queryForList(BARE, county, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31));
					return 0;
				});
				// The same memory the recompute gives itself, so the floor is not handicapped by spilling to disk.
				long bareSameMemory = time(() -> {
					tx.executeWithoutResult(status -> {
						jdbc.execute("SET LOCAL work_mem = '256MB'");
						jdbc.queryForList(BARE, county, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31));
					});
					return 0;
				});
				long bare = Math.min(bareDefault, bareSameMemory);
				jdbc.execute("TRUNCATE vanguard_index");
				long cold = time(() -> engine.recomputeSet(county, YEAR, null).changedRows());
				// A settings change for the year: every row gets the new settings key.
				jdbc.update("DELETE FROM rule_setting WHERE county_id = ? AND year = ?", county, YEAR);
				jdbc.update("INSERT INTO rule_setting (county_id, year, overrides) VALUES (?, ?, ?)", county, YEAR,
						"{\"warningBelow\": " + (run % 2 == 0 ? 60 : 61) + "}");
				long changed = time(() -> engine.recomputeSet(county, YEAR, null).changedRows());
				long unchanged = time(() -> engine.recomputeSet(county, YEAR, null).changedRows());
				rows.add(new long[] { bare, cold, changed, unchanged });
				System.out.printf("run %d: bare %d ms (default work_mem %d ms, 256MB %d ms), cold %d ms (%.2f×), changed %d ms (%.2f×), unchanged %d ms (%.2f×)%n", run,
						bare, bareDefault, bareSameMemory, cold, cold / (double) bare, changed, changed / (double) bare, unchanged,
						unchanged / (double) bare);
			}
			if (Boolean.getBoolean("bench.explain")) {
				JdbcClient client = app.getBean(JdbcClient.class);
				System.out.println("-- bare aggregate");
				client.sql("EXPLAIN (ANALYZE, BUFFERS) " + BARE.replace("?", "%s").formatted(county, "DATE '2025-01-01'",
						"DATE '2025-12-31'")).query(String.class).list().forEach(System.out::println);
				for (String label : List.of("unchanged", "settings changed")) {
					if (label.equals("settings changed")) {
						jdbc.update("DELETE FROM rule_setting WHERE county_id = ? AND year = ?", county, YEAR);
					}
					VanguardEngine.SetStatement st = engine.setStatement(engine.context(county, YEAR), null);
					System.out.println("-- recompute (" + label + ")");
					tx.executeWithoutResult(status -> {
						VanguardEngine.PLANNER_SETTINGS.forEach(setting -> jdbc.execute("SET LOCAL " + setting));
						client.sql("EXPLAIN (ANALYZE, BUFFERS) " + st.sql()).params(st.params()).query(String.class).list()
							.forEach(System.out::println);
					});
				}
			}
			long[] median = new long[4];
			for (int c = 0; c < 4; c++) {
				int col = c;
				median[c] = rows.stream().mapToLong(r -> r[col]).sorted().toArray()[rows.size() / 2];
			}
			System.out.println();
			System.out.printf("| members | attendance rows | claims | bare aggregate | cold recompute | after settings change | unchanged |%n");
			System.out.println("|---|---|---|---|---|---|---|");
			System.out.printf("| %,d | %,d | %,d | %d ms | %d ms (%.2f×) | %d ms (%.2f×) | %d ms (%.2f×) |%n", members, attendance,
					claims, median[0], median[1], median[1] / (double) median[0], median[2], median[2] / (double) median[0],
					median[3], median[3] / (double) median[0]);
		}
		finally {
			app.close();
			deleteTree(dataDir);
		}
	}

	/** Default attendance points (SPEC.md §4.3) per member over the county-year's themed days: nothing written. */
	private static final String BARE = """
			SELECT count(*), sum(p) FROM (
			    SELECT a.member_id, sum(CASE a.status WHEN 'LEAVE' THEN -2 WHEN 'LATE_OR_EARLY' THEN -3
			                                          WHEN 'ABSENT' THEN -10 ELSE 0 END) AS p
			    FROM meeting mt JOIN meeting_attendance a ON a.meeting_id = mt.id
			    WHERE mt.county_id = ? AND mt.held_on BETWEEN ? AND ?
			    GROUP BY a.member_id) x""";

	private static long time(LongSupplier work) {
		long t = System.nanoTime();
		work.getAsLong();
		return (System.nanoTime() - t) / 1_000_000;
	}

	private static void generate(JdbcTemplate jdbc, long county, int members) {
		int branches = (members + BRANCH_SIZE - 1) / BRANCH_SIZE;
		int townships = (branches + BRANCHES_PER_TOWNSHIP - 1) / BRANCHES_PER_TOWNSHIP;
		String rootPath = jdbc.queryForObject("SELECT path FROM organization WHERE id = ?", String.class, county);
		jdbc.execute("CREATE TEMP TABLE bench_org (n int PRIMARY KEY, id bigint, parent_n int)");
		jdbc.update("INSERT INTO bench_org SELECT n, nextval('entity_id_seq'), NULL FROM generate_series(1, ?) n", townships);
		jdbc.update("""
				INSERT INTO organization (id, county_id, parent_id, name, kind, field, path, depth)
				SELECT b.id, ?, ?, '基准镇' || b.n, 'COMMITTEE', 'RURAL', ? || b.id || '/', 1 FROM bench_org b""", county,
				county, rootPath);
		jdbc.execute("CREATE TEMP TABLE bench_branch (n int PRIMARY KEY, id bigint, township bigint)");
		jdbc.update("""
				INSERT INTO bench_branch SELECT n, nextval('entity_id_seq'), (SELECT id FROM bench_org WHERE bench_org.n = 1 + (g.n - 1) / ?)
				FROM generate_series(1, ?) AS g(n)""", BRANCHES_PER_TOWNSHIP, branches);
		jdbc.update("""
				INSERT INTO organization (id, county_id, parent_id, name, kind, field, path, depth)
				SELECT b.id, ?, b.township, '基准村党支部' || b.n, 'BRANCH', 'RURAL', ? || b.township || '/' || b.id || '/', 2
				FROM bench_branch b""", county, rootPath);
		jdbc.update("""
				INSERT INTO member (county_id, organization_id, name, gender, id_number, birth_date, category, joined_on)
				SELECT ?, b.id, '党员' || g.n, CASE WHEN g.n % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END,
				       lpad(g.n::text, 18, '0'), DATE '1960-01-01' + (g.n % 15000), 'FULL', DATE '2010-07-01' + (g.n % 3000)
				FROM generate_series(1, ?) AS g(n) JOIN bench_branch b ON b.n = 1 + (g.n - 1) / ?""", county, members,
				BRANCH_SIZE);
		jdbc.update("""
				INSERT INTO meeting (county_id, organization_id, type, held_on, theme, recorded_by)
				SELECT ?, b.id, 'THEMED_DAY', make_date(?, mo, 10), mo || '月主题党日', 'bench'
				FROM bench_branch b CROSS JOIN generate_series(1, 12) AS mo""", county, YEAR);
		jdbc.update("""
				INSERT INTO meeting_attendance (meeting_id, member_id, county_id, listed_status, status)
				SELECT mt.id, m.id, ?, s.status, s.status
				FROM meeting mt JOIN member m ON m.organization_id = mt.organization_id
				CROSS JOIN LATERAL (SELECT CASE WHEN (m.id * 31 + mt.id * 17) % 100 < 85 THEN 'PRESENT'
				                                WHEN (m.id * 31 + mt.id * 17) % 100 < 89 THEN 'LATE_OR_EARLY'
				                                WHEN (m.id * 31 + mt.id * 17) % 100 < 94 THEN 'LEAVE'
				                                ELSE 'ABSENT' END AS status) s
				WHERE mt.county_id = ?""", county, county);
	}

	private static void deleteTree(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			System.err.println("could not delete " + dir + ": " + e.getMessage());
		}
	}
}
