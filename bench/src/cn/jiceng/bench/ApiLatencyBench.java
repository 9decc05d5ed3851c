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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * List and report endpoints under a fixed arrival rate (SPEC.md §6: p99 under 50 ms at 200 requests/s on 2 cores).
 *
 * Starts the platform on a fresh embedded PostgreSQL with the demo county (scale 1.0: about 20,000 members and a
 * year of organizational life), then sends requests on a fixed schedule — an open model, so a slow answer does
 * not slow the sender down and hide its own latency — to a rotating mix of endpoints a township or the county
 * uses all day, all on loopback. Latency is measured from the scheduled send time.
 *
 * Usage: ApiLatencyBench [requestsPerSecond=200] [seconds=30]
 */
public final class ApiLatencyBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PASSWORD = "Bench-Admin-Password-1";

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
			String township = townships.get(0).get("id").asText();
			String branch = get(http, base, token, "/api/members?organizationId=" + township + "&size=1")
				.get("items").get(0).get("organizationId").asText();
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
					"/api/organizations/" + township + "/advice");
			// warm-up: every endpoint a few times so JIT and caches are in the state a running county has
			for (int i = 0; i < 20; i++) {
				for (String p : paths) {
					get(http, base, token, p);
				}
			}
			Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
			paths.forEach(p -> latencies.put(p, new ConcurrentLinkedQueue<>()));
			AtomicInteger errors = new AtomicInteger();
			int total = rate * seconds;
			CountDownLatch done = new CountDownLatch(total);
			ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
			long periodNanos = 1_000_000_000L / rate;
			long start = System.nanoTime() + 50_000_000L;
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
			scheduler.shutdownNow();
			List<Long> all = new ArrayList<>();
			System.out.printf("%-70s %8s %8s %8s %8s%n", "endpoint", "n", "p50 ms", "p99 ms", "max ms");
			for (String p : paths) {
				List<Long> l = new ArrayList<>(latencies.get(p));
				all.addAll(l);
				print(p, l);
			}
			print("ALL (" + rate + " req/s, errors " + errors.get() + ")", all);
		}
		finally {
			app.close();
		}
	}

	private static void print(String label, List<Long> nanos) {
		nanos.sort(Long::compare);
		if (nanos.isEmpty()) {
			System.out.printf("%-70s %8d%n", label, 0);
			return;
		}
		System.out.printf("%-70s %8d %8.1f %8.1f %8.1f%n", label.length() > 70 ? label.substring(0, 70) : label,
				nanos.size(), pct(nanos, 0.50), pct(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6);
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
