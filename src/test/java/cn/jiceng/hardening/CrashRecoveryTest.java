package cn.jiceng.hardening;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.jiceng.support.Api;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: every write the platform acknowledged survives a crash. The platform runs as its own JVM on the
 * embedded PostgreSQL in a temporary data directory; writers create organizations over HTTP, the JVM is killed
 * with SIGKILL in mid-stream, its orphaned PostgreSQL is killed too (a machine crash, not a clean shutdown), and
 * after a restart every organization answered with 201 must be there.
 */
@Tag("crash")
class CrashRecoveryTest {

	static final String PASSWORD = "Crash-Test-1";

	@Test
	@Timeout(value = 170, unit = TimeUnit.SECONDS)
	void everyAcknowledgedWriteIsThereAfterAKillDashNine() throws Exception {
		Path dataDir = Files.createTempDirectory("jiceng-crash");
		Process app = null;
		try {
			Started first = start(dataDir, "first");
			app = first.process();
			Api admin = Api.login(first.port(), "admin", PASSWORD);
			String root = admin.get("/api/me").text("organizationId");

			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> writers = new ArrayList<>();
			for (int w = 0; w < 3; w++) {
				int writer = w;
				Thread t = new Thread(() -> {
					for (int i = 0; !stop.get(); i++) {
						try {
							Api.Response r = admin.post("/api/organizations", Map.of("name", "崩溃测试" + writer + "-" + i,
									"kind", "COMMITTEE", "field", "RURAL", "parentId", root));
							if (r.status() == 201) {
								acknowledged.add(r.text("id"));
							}
						}
						catch (RuntimeException e) {
							// the platform is gone: this write was never acknowledged
							return;
						}
					}
				});
				t.start();
				writers.add(t);
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			// kill -9 while the writers are still sending
			app.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
			stop.set(true);
			for (Thread t : writers) {
				t.join(20_000);
			}
			killPostgres(dataDir.resolve("pg"));
			List<String> acked = List.copyOf(acknowledged);
			assertThat(acked).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(10);

			Started second = start(dataDir, "second");
			app = second.process();
			Api after = Api.login(second.port(), "admin", PASSWORD);
			List<String> missing = acked.stream().filter(id -> after.get("/api/organizations/" + id).status() != 200).toList();
			int stored = after.get("/api/organizations/" + root + "/children").json().size();
			System.out.printf("crash test: %d writes acknowledged, %d of them found after restart, %d stored in all%n",
					acked.size(), acked.size() - missing.size(), stored);
			assertThat(missing).as("acknowledged writes lost in the crash").isEmpty();
			assertThat(stored).isGreaterThanOrEqualTo(acked.size());
		}
		finally {
			if (app != null) {
				app.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
			}
			killPostgres(dataDir.resolve("pg"));
			deleteQuietly(dataDir);
		}
	}

	record Started(Process process, int port) {
	}

	/**
	 * The platform's main class in a new JVM, with the data directory kept across starts (no fresh database). It
	 * binds a port of its own choosing (0) and the port is read from its log, so no other server on the machine
	 * can take a port chosen in advance.
	 */
	private static Started start(Path dataDir, String name) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), "cn.jiceng.JicengApplication",
				// command-line arguments win over the test resources' config/application.properties
				"--jiceng.data-dir=" + dataDir, "--jiceng.embedded-db.fresh=false", "--jiceng.embedded-db.pool-size=5",
				"--jiceng.admin-password=" + PASSWORD, "--jiceng.demo.enabled=false", "--server.port=0");
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("app-" + name + ".log").toFile());
		// always the embedded database, even when the suite runs against an external one
		pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE") || k.startsWith("JICENG_"));
		Process p = pb.start();
		Path log = dataDir.resolve("app-" + name + ".log");
		Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			if (!p.isAlive()) {
				throw new IllegalStateException("platform exited: " + tail(dataDir.resolve("app-" + name + ".log")));
			}
			Matcher m = started.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
			if (!m.find()) {
				Thread.sleep(250);
				continue;
			}
			int port = Integer.parseInt(m.group(1));
			try {
				// ready once the admin can log in: Tomcat answers before the start-up runner has created the account
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
						+ "/api/auth/token")).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return new Started(p, port);
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		p.destroyForcibly();
		throw new IllegalStateException("platform did not start: " + tail(dataDir.resolve("app-" + name + ".log")));
	}

	/** Kills the postmaster named in postmaster.pid and its backends with SIGKILL, as a crash would. */
	private static void killPostgres(Path pgDir) throws Exception {
		File pidFile = pgDir.resolve("postmaster.pid").toFile();
		if (!pidFile.isFile()) {
			return;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile.toPath(), StandardCharsets.UTF_8).get(0).trim());
		Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
		if (postmaster.isEmpty()) {
			return;
		}
		List<ProcessHandle> all = new ArrayList<>(postmaster.get().descendants().toList());
		all.add(postmaster.get());
		all.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle h : all) {
			h.onExit().get(20, TimeUnit.SECONDS);
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log)";
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// a temporary directory
		}
	}
}
