package cn.jiceng.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiceng.member.MemberImportApiTests.Fixture;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The import page as a browser uses it: session login, CSRF, multipart upload, background job, polling. */
@ApiTest
class MemberImportPageTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	Api admin;
	Fixture.Township town;
	Browser browser;

	@BeforeEach
	void setUp() throws Exception {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = Fixture.township(admin);
		browser = new Browser(port);
		browser.login("admin", ApiTest.ADMIN_PASSWORD);
	}

	@Test
	void uploadRunsAsABackgroundJobWhoseProgressEndsWithTheSavedCount() throws Exception {
		String name = Fixture.name();
		byte[] file = Fixture.xlsx(MemberImportApiTests.HEADERS, List.of(
				Fixture.row(name, "男", Fixture.idNumber(Gender.MALE), town.branchA().label(), "正式党员", "2010-07-01", "", "汉族", "", ""),
				Fixture.row(Fixture.name(), "女", Fixture.idNumber(Gender.FEMALE), town.branchB().label(), "预备党员", "2025-01-02", "", "", "", "")));
		HttpResponse<String> form = browser.get("/members/import?organizationId=" + town.id());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("下载导入模板").contains("/members/import-template?organizationId=" + town.id());

		HttpResponse<String> posted = browser.upload("/members/import", csrf(form.body()), town.id(), file);

		assertThat(posted.statusCode()).isEqualTo(302);
		String jobPage = URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(jobPage).startsWith("/members/import/jobs/");
		String page = browser.get(jobPage).body();
		assertThat(page).contains("id=\"import-progress\"");
		if (!page.contains("data-phase=\"DONE\"")) {
			// still running (a small file often finishes first): the fragment polls itself every second
			assertThat(page).contains("hx-trigger=\"every 1s\"").contains("hx-get=\"" + jobPage + "/progress\"");
		}
		String done = finished(jobPage);
		assertThat(done).contains("导入成功").contains("<strong>2</strong>").doesNotContain("hx-trigger");
		assertThat(admin.get("/api/members?q=" + name).json().get("items").get(0).get("organizationId").asText())
			.isEqualTo(town.branchA().id());
		var audit = admin.get("/api/audit?entityId=" + admin.get("/api/members?q=" + name).json().get("items").get(0).get("id").asText()).json();
		assertThat(audit.get("items").get(0).get("actor").asText()).isEqualTo("admin");
	}

	@Test
	void aFileWithErrorsShowsTheErrorTableAndSavesNothing() throws Exception {
		String name = Fixture.name();
		byte[] file = Fixture.xlsx(MemberImportApiTests.HEADERS, List.of(
				Fixture.row(name, "男", Fixture.idNumber(Gender.MALE), town.branchA().label(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(Fixture.name(), "男", Fixture.idNumber(Gender.FEMALE), town.branchA().label(), "正式党员", "2010-07-01", "", "", "", "")));
		HttpResponse<String> form = browser.get("/members/import");

		HttpResponse<String> posted = browser.upload("/members/import", csrf(form.body()), town.id(), file);

		String done = finished(URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath());
		assertThat(done).contains("没有保存任何数据").contains("id=\"import-errors\"");
		assertThat(done).containsPattern("<td>3</td>\\s*<td>公民身份号码</td>\\s*<td[^>]*>身份证号码与性别不一致</td>");
		assertThat(admin.get("/api/members?q=" + name).json().get("total").asInt()).isZero();
	}

	@Test
	void aFileThatIsNotAWorkbookIsRefusedOnTheFormItself() throws Exception {
		HttpResponse<String> form = browser.get("/members/import");

		HttpResponse<String> posted = browser.upload("/members/import", csrf(form.body()), town.branchA().id(),
				"not a workbook".getBytes(StandardCharsets.UTF_8));

		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("alert-danger").contains("请上传 .xlsx 格式的 Excel 文件");
	}

	@Test
	void theSessionExportAndTemplateAreWorkbooks() throws Exception {
		HttpResponse<byte[]> export = browser.getBytes("/members/export?organizationId=" + town.id());
		HttpResponse<byte[]> template = browser.getBytes("/members/import-template?organizationId=" + town.id());

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C.xlsx");
		assertThat(Fixture.rows(export.body()).get(0)).containsExactlyElementsOf(MemberImportApiTests.HEADERS);
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(Fixture.rows(template.body())).hasSize(1);
	}

	@Test
	void anotherAccountCannotWatchSomeoneElsesJob() throws Exception {
		byte[] file = Fixture.xlsx(MemberImportApiTests.HEADERS, List.of(
				Fixture.row(Fixture.name(), "男", Fixture.idNumber(Gender.MALE), "", "正式党员", "2010-07-01", "", "", "", "")));
		HttpResponse<String> form = browser.get("/members/import");
		String jobPage = URI.create(browser.upload("/members/import", csrf(form.body()), town.branchA().id(), file)
			.headers()
			.firstValue("Location")
			.orElseThrow()).getPath();
		Browser other = new Browser(port);
		String username = "imp-page-" + System.nanoTime();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "Import-Test-1");
		body.put("role", "TOWNSHIP_ADMIN");
		body.put("organizationId", town.id());
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
		other.login(username, "Import-Test-1");

		assertThat(other.get(jobPage + "/progress").statusCode()).isEqualTo(404);
		assertThat(finished(jobPage)).contains("导入成功");
	}

	private String finished(String jobPage) {
		String[] last = new String[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = browser.get(jobPage + "/progress").body();
			return last[0].contains("data-phase=\"DONE\"") || last[0].contains("data-phase=\"FAILED\"");
		});
		return last[0];
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("CSRF field in page").isTrue();
		return m.group(1);
	}

	/** A cookie-keeping client that does not follow redirects, like a browser whose steps we check one by one. */
	static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		private final String base;

		Browser(int port) {
			this.base = "http://localhost:" + port;
		}

		void login(String username, String password) throws Exception {
			String token = csrf(get("/login").body());
			String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}

		HttpResponse<String> upload(String path, String csrf, String organizationId, byte[] file)
				throws IOException, InterruptedException {
			String boundary = "----page" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			field(body, boundary, "_csrf", csrf);
			field(body, boundary, "organizationId", organizationId);
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"党员.xlsx\"\r\n"
					+ "Content-Type: " + MemberImportApiTests.XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}

		private static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}
}
