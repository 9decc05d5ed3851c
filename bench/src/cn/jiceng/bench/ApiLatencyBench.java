package cn.jiceng.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.jiceng.JicengApplication;
import cn.jiceng.common.ReadCache;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * List and report endpoints under a fixed arrival rate (SPEC.md §6: p99 under 50 ms at 200 requests/s on 2 cores).
 *
 * Starts the platform on a fresh embedded PostgreSQL with the demo county (scale 1.0: about 20,000 members and a
 * year of organizational life), then sends requests on a fixed schedule — an open model, so a slow answer does
 * not slow the sender down and hide its own latency — to a rotating mix of endpoints a township or the county
 * uses all day (the lists, the dashboard of the county, a township and a branch) and the framework's trivial
 * endpoint {@code /actuator/health} as the floor, all on loopback. Latency is measured from the scheduled send time;
 * each endpoint is also reported as a multiple of the trivial one, with the CPU spent per request and the first
 * read after a write (when every kept answer is recomputed).
 *
 * Usage: ApiLatencyBench [requestsPerSecond=200] [seconds=30]
 */
public final class ApiLatencyBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PASSWORD = "Bench-Admin-Password-1";
	/** The framework's trivial endpoint, measured in the same run: the floor every other answer is compared with. */
	private static final String HEALTH = "/actuator/health";

	public static void main(String[] args) throws Exception {
		int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		Path dataDir = Files.createTempDirectory("jiceng-api-bench-");
		System.out.printf("API latency benchmark: %d req/s for %d s, %d CPUs, max heap %d MB%n", rate, seconds,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		long t0 = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(JicengApplication.class).run("--server.port=0",
				"--jiceng.data-dir=" + dataDir, "--jiceng.admin-password=" + PASSWORD, "--jiceng.demo.enabled=true",
				"--jiceng.demo.scale=1.0", "--logging.level.root=WARN");
		try {
			System.out.printf("platform with demo county ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
				.executor(Executors.newFixedThreadPool(32))
				.build();
			String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password", PASSWORD))))
				.build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
			String root = get(http, base, token, "/api/me").get("organizationId").asText();
			JsonNode townships = get(http, base, token, "/api/organizations/" + root + "/children");
			// the first township (a committee below the county: the root's first children may be the county organs'
			// branches) and the branch of its first member
			String township = null;
			for (JsonNode child : townships) {
				if ("COMMITTEE".equals(child.get("kind").asText())) {
					township = child.get("id").asText();
					break;
				}
			}
			String branch = get(http, base, token, "/api/members?organizationId=" + township + "&subtree=true&size=1")
				.get("items").get(0).get("organizationId").asText();
			System.out.printf("county %s, township %s, branch %s%n", root, township, branch);
			String lastMonth = LocalDate.now().minusMonths(1).toString().substring(0, 7);
			int year = LocalDate.now().minusMonths(1).getYear();
			List<String> paths = List.of(
					"/api/members?organizationId=" + township + "&subtree=true&page=0&size=20",
					"/api/members?organizationId=" + root + "&subtree=true&page=3&size=20&q=王",
					"/api/organizations/" + township,
					"/api/organizations/" + township + "/children",
					"/api/organizations/" + township + "/compliance?month=" + lastMonth,
					"/api/organizations/" + branch + "/four-color?year=" + year,
					"/api/organizations/" + township + "/meetings?page=0&size=20",
					"/api/organizations/" + township + "/advice",
					"/api/organizations/" + root + "/dashboard?month=" + lastMonth,
					"/api/organizations/" + township + "/dashboard?month=" + lastMonth,
					"/api/organizations/" + branch + "/dashboard?month=" + lastMonth,
					HEALTH);
			// After the demo load autovacuum would analyze the new tables for a minute or two, and every analyze
			// commits (so kept answers are recomputed): do it now, as after any bulk load, then wait until the database
			// has been quiet for 65 s (longer than autovacuum's one-minute nap, which then analyzes the catalog tables
			// that ANALYZE itself changed; at most 4 min), so the run measures the reads, not the start-up.
			ReadCache readCache = app.getBean(ReadCache.class);
			long q0 = System.nanoTime();
			app.getBean(JdbcClient.class).sql("VACUUM ANALYZE").update();
			System.out.printf("VACUUM ANALYZE after the demo load %.1f s%n", (System.nanoTime() - q0) / 1e9);
			String version = readCache.version();
			long quietSince = System.nanoTime();
			while (System.nanoTime() - quietSince < 65_000_000_000L && System.nanoTime() - q0 < 240_000_000_000L) {
				Thread.sleep(500);
				String now = readCache.version();
				if (!now.equals(version)) {
					version = now;
					quietSince = System.nanoTime();
				}
			}
			System.out.printf("database quiet after %.1f s%n", (System.nanoTime() - q0) / 1e9);
			// warm-up: every endpoint a few times so JIT and caches are in the state a running county has
			long w0 = System.nanoTime();
			for (int i = 0; i < 20; i++) {
				for (String p : paths) {
					get(http, base, token, p);
				}
			}
			System.out.printf("warm-up (20 rounds of %d endpoints) %.1f s; load average %s%n", paths.size(),
					(System.nanoTime() - w0) / 1e9, Files.readString(Path.of("/proc/loadavg")).trim());
			Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
			paths.forEach(p -> latencies.put(p, new ConcurrentLinkedQueue<>()));
			AtomicInteger errors = new AtomicInteger();
			int total = rate * seconds;
			CountDownLatch done = new CountDownLatch(total);
			ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
			long periodNanos = 1_000_000_000L / rate;
			long start = System.nanoTime() + 50_000_000L;
			// CPU actually spent, independent of how busy the shared machine is: this JVM (platform and load
			// generator) and the PostgreSQL processes
			long postmaster = postmaster(app.getBean(JdbcClient.class));
			long jvmCpu0 = jvmCpuNanos();
			long pgCpu0 = childrenCpuTicks(postmaster);
			for (int i = 0; i < total; i++) {
				String path = paths.get(i % paths.size());
				long due = start + i * periodNanos;
				scheduler.schedule(() -> http
					.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
						.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
					.whenComplete((r, e) -> {
						if (e != null || r.statusCode() != 200) {
							errors.incrementAndGet();
						}
						latencies.get(path).add(System.nanoTime() - due);
						done.countDown();
					}), due - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			done.await(seconds + 60L, TimeUnit.SECONDS);
			double jvmMs = (jvmCpuNanos() - jvmCpu0) / 1e6 / total;
			double pgMs = (childrenCpuTicks(postmaster) - pgCpu0) * 10.0 / total;
			System.out.printf("CPU per request: JVM (platform + load generator) %.2f ms, PostgreSQL %.2f ms, together %.2f ms"
					+ " (2 cores: at most %.0f requests/s)%n", jvmMs, pgMs, jvmMs + pgMs, 2000 / (jvmMs + pgMs));
			scheduler.shutdownNow();
			System.out.printf("database %s during the run%n",
					readCache.version().equals(version) ? "unchanged" : "CHANGED (some answers were recomputed)");
			List<Long> all = new ArrayList<>();
			List<Long> health = new ArrayList<>(latencies.get(HEALTH));
			health.sort(Long::compare);
			double h50 = pct(health, 0.50);
			double h99 = pct(health, 0.99);
			System.out.printf("%-70s %8s %8s %8s %8s %8s %8s%n", "endpoint", "n", "p50 ms", "p99 ms", "max ms",
					"p50 ×", "p99 ×");
			for (String p : paths) {
				List<Long> l = new ArrayList<>(latencies.get(p));
				all.addAll(l);
				print(p, l, h50, h99);
			}
			print("ALL (" + rate + " req/s, errors " + errors.get() + ")", all, h50, h99);
			System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
			// The price of freshness: one request right after a commit (an empty write transaction), which finds
			// every kept answer out of date and computes it; median of 5, no other load.
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			System.out.printf("%-70s %8s%n", "first read after a write (sequential, median of 5)", "ms");
			for (String p : paths) {
				List<Long> after = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					jdbc.sql("SELECT txid_current()").query(Long.class).single();
					long t = System.nanoTime();
					get(http, base, token, p);
					after.add(System.nanoTime() - t);
				}
				after.sort(Long::compare);
				System.out.printf("%-70s %8.1f%n", p.length() > 70 ? p.substring(0, 70) : p, after.get(2) / 1e6);
			}
		}
		finally {
			app.close();
		}
		// the HTTP client's pool threads would keep the JVM alive
		System.exit(0);
	}

	/** One line: count, p50, p99, max, and p50/p99 as multiples of the trivial endpoint's. */
	private static void print(String label, List<Long> nanos, double health50, double health99) {
		nanos.sort(Long::compare);
		if (nanos.isEmpty()) {
			System.out.printf("%-70s %8d%n", label, 0);
			return;
		}
		double p50 = pct(nanos, 0.50);
		double p99 = pct(nanos, 0.99);
		System.out.printf("%-70s %8d %8.1f %8.1f %8.1f %8.1f %8.1f%n",
				label.length() > 70 ? label.substring(0, 70) : label, nanos.size(), p50, p99,
				nanos.get(nanos.size() - 1) / 1e6, p50 / health50, p99 / health99);
	}

	private static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** The PostgreSQL server process: the parent of this connection's backend. */
	private static long postmaster(JdbcClient jdbc) throws Exception {
		long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
		String stat = Files.readString(Path.of("/proc/" + backend + "/stat"));
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
	}

	/** User and system clock ticks (1/100 s) of the server and its live children (the pooled backends). */
	private static long childrenCpuTicks(long postmaster) throws Exception {
		long ticks = 0;
		try (var procs = Files.list(Path.of("/proc"))) {
			for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
				try {
					String stat = Files.readString(p.resolve("stat"));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(p.getFileName().toString());
					if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
						ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
					}
				}
				catch (java.io.IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
		}
		return ticks;
	}

	private static double pct(List<Long> sorted, double q) {
		int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
		return sorted.get(Math.max(0, i)) / 1e6;
	}

	private static JsonNode get(HttpClient http, String base, String token, String path) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
		}
		return JSON.readTree(r.body());
	}
}
