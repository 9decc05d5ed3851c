package cn.jiceng.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.jiceng.JicengApplication;
import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Excel import benchmark (SPEC.md §6: 100,000 member rows in under 20 s with every row validated).
 *
 * Starts the platform on an embedded PostgreSQL in a fresh temporary data directory, creates a township with
 * 50 branches, writes a template-layout workbook of N members with valid, unique ID numbers to bench/out/, and
 * times {@code POST /api/members/import} (upload, streaming read, validation of every row, duplicate and roll
 * checks, batched save with audit entries, commit) as a client sees it. Each run imports new people into the
 * same database, so later runs also show the cost of a roll that already holds the earlier runs.
 *
 * Usage: ImportBench [rows=100000] [runs=2]
 */
public final class ImportBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PASSWORD = "Bench-Admin-Password-1";
	private static final List<String> HEADERS = List.of("姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "加入党组织日期",
			"转为正式党员日期", "民族", "学历", "手机号码");
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马",
			"胡", "郭", "林", "何", "高", "梁" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀英", "华", "建国" };
	private static final String[] EDUCATION = { "大学本科毕业", "大学专科毕业", "普通高中毕业", "初中毕业", "硕士研究生毕业", "中等专科毕业" };
	private static final int BIRTH_DAYS = 18_250;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private String base;
	private String token;

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		new ImportBench().run(rows, runs);
	}

	private void run(int rows, int runs) throws Exception {
		Path outDir = Path.of("bench", "out");
		Files.createDirectories(outDir);
		Path dataDir = Files.createTempDirectory("jiceng-bench-");
		System.out.printf("Excel import benchmark: %,d rows × %d runs, %d CPUs, max heap %d MB, data dir %s%n", rows, runs,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, dataDir);
		long started = System.nanoTime();
		// command-line arguments, because default properties would lose to application.yml's placeholders
		ConfigurableApplicationContext app = new SpringApplicationBuilder(JicengApplication.class).run(
				"--server.port=0", "--jiceng.data-dir=" + dataDir, "--jiceng.admin-password=" + PASSWORD,
				"--jiceng.demo.enabled=false", "--logging.level.root=WARN", "--logging.level.io.zonky=WARN",
				"--logging.level.cn.jiceng.member.MemberImportService=INFO");
		try {
			System.out.printf("platform started in %.1f s%n", (System.nanoTime() - started) / 1e9);
			base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			token = post("/api/auth/token", Map.of("username", "admin", "password", PASSWORD)).get("token").asText();
			String root = get("/api/me").get("organizationId").asText();
			String township = create("基准测试镇党委", "COMMITTEE", root);
			List<String> branches = new ArrayList<>();
			for (int b = 1; b <= 50; b++) {
				String name = "基准测试第" + b + "村党支部";
				branches.add(name + "[" + create(name, "BRANCH", township) + "]");
			}
			List<double[]> results = new ArrayList<>();
			for (int run = 0; run < runs; run++) {
				Path file = outDir.resolve("members-" + rows + "-run" + (run + 1) + ".xlsx");
				long g = System.nanoTime();
				write(file, rows, run, branches);
				System.out.printf("run %d: wrote %s (%,d bytes) in %.1f s%n", run + 1, file, Files.size(file),
						(System.nanoTime() - g) / 1e9);
				System.gc();
				long t = System.nanoTime();
				HttpResponse<String> r = upload("/api/members/import?organizationId=" + township, file);
				double seconds = (System.nanoTime() - t) / 1e9;
				JsonNode body = JSON.readTree(r.body());
				if (r.statusCode() != 200 || body.get("saved").asInt() != rows) {
					throw new IllegalStateException("import failed: " + r.statusCode() + " " + r.body().substring(0,
							Math.min(2000, r.body().length())));
				}
				long onRoll = get("/api/organizations/" + township).get("memberCount").asLong();
				System.out.printf("run %d: imported %,d rows in %.2f s = %,.0f rows/s (members now on the roll: %,d)%n",
						run + 1, rows, seconds, rows / seconds, onRoll);
				results.add(new double[] { seconds, rows / seconds });
			}
			System.out.println();
			System.out.println("| run | rows | seconds | rows/s |");
			System.out.println("|---|---|---|---|");
			for (int i = 0; i < results.size(); i++) {
				System.out.printf("| %d | %,d | %.2f | %,.0f |%n", i + 1, rows, results.get(i)[0], results.get(i)[1]);
			}
		}
		finally {
			app.close();
			deleteTree(dataDir);
		}
	}

	/** A filled-in template: labels as people pick them from the drop-downs, dates as text, every row valid. */
	private static void write(Path file, int rows, int run, List<String> branches) {
		ExcelWriter writer = FastExcel.write(file.toFile()).head(HEADERS.stream().map(List::of).toList()).build();
		WriteSheet sheet = FastExcel.writerSheet(0, "党员信息").build();
		List<List<Object>> chunk = new ArrayList<>(5000);
		for (int i = 0; i < rows; i++) {
			int n = run * rows + i;
			boolean male = n % 3 != 0;
			// (birth date, sequence) is unique per n and the sequence parity already matches the gender.
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % BIRTH_DAYS);
			int sequence = 2 * (n / BIRTH_DAYS) + (male ? 1 : 0);
			String id = IdNumber.generate("331122", birth, sequence, male ? Gender.MALE : Gender.FEMALE);
			LocalDate joined = birth.plusYears(20).plusDays(n % 365);
			boolean probationary = n % 10 == 0;
			chunk.add(List.of(SURNAMES[n % SURNAMES.length] + GIVEN[(n / 7) % GIVEN.length], male ? "男" : "女", id,
					branches.get(n % branches.size()), probationary ? "预备党员" : "正式党员", joined.toString(),
					probationary ? "" : joined.plusYears(1).toString(), n % 20 == 0 ? "畲族" : "汉族",
					EDUCATION[n % EDUCATION.length], String.format("138%08d", n % 100_000_000)));
			if (chunk.size() == 5000) {
				writer.write(chunk, sheet);
				chunk.clear();
			}
		}
		writer.write(chunk, sheet);
		writer.finish();
	}

	private String create(String name, String kind, String parentId) throws Exception {
		return post("/api/organizations", Map.of("name", name, "kind", kind, "field", "RURAL", "parentId", parentId))
			.get("id")
			.asText();
	}

	private JsonNode get(String path) throws Exception {
		return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET()).body());
	}

	private JsonNode post(String path, Object body) throws Exception {
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (r.statusCode() >= 300) {
			throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
		}
		return JSON.readTree(r.body());
	}

	private HttpResponse<String> upload(String path, Path file) throws Exception {
		String boundary = "----bench" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"members.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] content = Files.readAllBytes(file);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(content, 0, all, head.length, content.length);
		System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(all)));
	}

	private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void deleteTree(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			System.err.println("could not delete " + dir + ": " + e.getMessage());
		}
	}

	private ImportBench() {
	}
}
