package cn.jiceng.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a NUL (or another control character, or a lone surrogate) in any text is a 400 naming the field and
 * changes nothing, wherever it comes in: JSON body, query parameter, form field, uploaded file name.
 */
@ApiTest
class TextInputApiTests {

	@LocalServerPort
	int port;

	Api admin;
	String root;

	@BeforeEach
	void login() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		root = TestData.rootId(admin);
	}

	@Test
	void aNulInAJsonFieldIs400NamingTheFieldAndStoresNothing() {
		String name = TestData.unique("镇");
		Api.Response r = admin.post("/api/organizations",
				"{\"name\":\"" + name + "\\u0000x\",\"kind\":\"COMMITTEE\",\"field\":\"RURAL\",\"parentId\":\"" + root + "\"}");

		assertFieldError(r, "name");
		assertThat(admin.get("/api/organizations/" + root + "/children").body()).doesNotContain(name);
	}

	@Test
	void aControlCharacterDeepInAJsonBodyNamesItsPath() {
		String branch = TestData.createOrg(admin, root, "BRANCH", "RURAL", TestData.unique("支部"));
		String member = TestData.createMember(admin, branch, "出勤党员", Gender.MALE, "FULL", "2020-01-01");
		String body = "{\"type\":\"THEMED_DAY\",\"heldOn\":\"2025-03-10\",\"theme\":\"主题\",\"attendance\":[{\"memberId\":\""
				+ member + "\",\"status\":\"PRESENT\\u0007\"}]}";

		assertFieldError(admin.post("/api/organizations/" + branch + "/meetings", body), "attendance[0].status");
		assertThat(admin.get("/api/organizations/" + branch + "/meetings").json().get("total").asInt()).isZero();
	}

	@Test
	void aLoneSurrogateIs400InsteadOfAStoredQuestionMark() {
		String branch = TestData.createOrg(admin, root, "BRANCH", "RURAL", TestData.unique("支部"));
		String member = TestData.createMember(admin, branch, "改名党员", Gender.MALE, "FULL", "2020-01-01");
		int version = admin.get("/api/members/" + member).json().get("version").asInt();

		// a map-shaped PATCH body goes through the same check
		Api.Response r = admin.patch("/api/members/" + member, "{\"version\":" + version + ",\"name\":\"张\\ud800三\"}");

		assertFieldError(r, "name");
		assertThat(admin.get("/api/members/" + member).text("name")).isEqualTo("改名党员");
	}

	@Test
	void aNulInAQueryParameterIs400NamingTheParameter() {
		assertFieldError(admin.get("/api/members?organizationId=" + root + "&subtree=true&q=a%00b"), "q");
		assertFieldError(admin.get("/api/members?organizationId=" + root + "&subtree=true&q=a%1Bb"), "q");
		assertThat(admin.get("/api/members?organizationId=" + root + "&subtree=true&q=a%09b").status())
			.as("a tab is allowed").isEqualTo(200);
	}

	@Test
	void aNulInAnUploadedFileNameIs400AndNoFileIsStored() {
		String branch = TestData.createOrg(admin, root, "BRANCH", "RURAL", TestData.unique("支部"));
		String member = TestData.createMember(admin, branch, "上传党员", Gender.MALE, "FULL", "2020-01-01");
		Api.Response meeting = admin.post("/api/organizations/" + branch + "/meetings", Map.of("type", "THEMED_DAY",
				"heldOn", "2025-03-10", "theme", "主题党日", "attendance", java.util.List.of(Map.of("memberId", member,
						"status", "PRESENT"))));
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
		String id = meeting.text("id");

		Api.Response r = admin.postMultipart("/api/meetings/" + id + "/files", "photo\u0000.jpg", "image/jpeg",
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 });

		assertFieldError(r, "file");
		assertThat(admin.get("/api/meetings/" + id).json().get("files").size()).isZero();
	}

	@Test
	void aNulInAFormFieldOfAPageIs400WithTheChinesePageAndCreatesNothing() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String base = "http://localhost:" + port;
		String loginCsrf = csrf(page(http, base + "/login").body());
		form(http, base + "/login", "username=admin&password=" + ApiTest.ADMIN_PASSWORD + "&_csrf=" + loginCsrf);
		String name = TestData.unique("页面镇");
		String csrf = csrf(page(http, base + "/organizations/" + root + "/new").body());

		HttpResponse<String> r = form(http, base + "/organizations/" + root + "/new",
				"name=" + name + "%00&kind=COMMITTEE&field=RURAL&_csrf=" + csrf);

		assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(r.body()).contains("name").contains("不允许的控制字符");
		assertThat(admin.get("/api/organizations/" + root + "/children").body()).doesNotContain(name);
		assertThat(page(http, base + "/members?q=a%00b").statusCode()).isEqualTo(400);
		assertThat(page(http, base + "/members?q=a").statusCode()).as("the session is logged in").isEqualTo(200);
	}

	private static HttpResponse<String> page(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> form(HttpClient http, String url, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String csrf(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("CSRF field in page").isTrue();
		return m.group(1);
	}

	private static void assertFieldError(Api.Response r, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("errors").get(0).get("field").asText()).as(r.body()).isEqualTo(field);
		assertThat(r.text("detail")).containsPattern("\\p{IsHan}");
	}
}
