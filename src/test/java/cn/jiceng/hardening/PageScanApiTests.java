package cn.jiceng.hardening;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 3: every page a role reaches from the menu, and one level of links further (a list's rows), is
 * fetched over plain HTTP and must not fail (5xx, or 4xx for a menu entry), show a raw internal id ("#1324"), ask for an internal id
 * ("党员编号", a visible box named like organizationId) or show English codes (camelCase, UPPER_CASE) to people.
 * Links are followed once per shape (digits replaced), so a list of 500 rows costs one detail page.
 */
@ApiTest
class PageScanApiTests {

	private static final Pattern HREF = Pattern.compile("\\s(?:href|hx-get)=\"([^\"#]*)\"");
	private static final Pattern RAW_ID = Pattern.compile("#\\d+");
	private static final Pattern CAMEL = Pattern.compile("(?<![A-Za-z0-9_./:-])[a-z]+[A-Z][A-Za-z]*(?![A-Za-z0-9_./-])");
	private static final Pattern UPPER = Pattern.compile("(?<![A-Za-z0-9_./:-])[A-Z][A-Z0-9]*(_[A-Z0-9]+)+(?![A-Za-z0-9_])"
			+ "|(?<![A-Za-z0-9_./:-])[A-Z]{5,}(?![A-Za-z0-9_])");
	/** Upper-case words people do read: file formats and well-known names. */
	private static final Set<String> ALLOWED_UPPER = Set.of("EXCEL", "OFFICE", "WORD", "HTTPS");
	private static final Pattern LABEL = Pattern.compile("<label[^>]*>(.*?)</label>", Pattern.DOTALL);
	private static final Pattern PLACEHOLDER = Pattern.compile("placeholder=\"([^\"]*)\"");
	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
	private static final Pattern INPUT_NAME = Pattern.compile("\\sname=\"([^\"]*)\"");
	private static final Pattern INPUT_TYPE = Pattern.compile("\\stype=\"([^\"]*)\"");
	/** Asking for an internal number: 编号 or "ID" in a label or placeholder (an ID-card number is a real-world one). */
	private static final Pattern ASKS_FOR_ID = Pattern.compile("编号|(?<![A-Za-z])(ID|Id|id)(?![A-Za-z])");
	private static final int MAX_PAGES_PER_ROLE = 160;

	@LocalServerPort
	int port;

	@Test
	void noPageOfAnyRoleFailsShowsARawIdAsksForOneOrShowsEnglishCodes() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("巡页镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("巡页村党支部"));
		String member = TestData.createMember(admin, branch, "巡页甲", Gender.MALE, "FULL", "2012-07-01");
		TestData.createMember(admin, branch, "巡页乙", Gender.FEMALE, "FULL", "2014-07-01");
		TestData.createMember(admin, branch, "巡页丙", Gender.FEMALE, "PROBATIONARY", "2026-01-10");
		Map<String, Object> record = new HashMap<>();
		record.put("name", "巡页申请人");
		record.put("gender", "MALE");
		record.put("idNumber", TestData.idNumber(Gender.MALE));
		record.put("organizationId", branch);
		record.put("appliedOn", "2025-03-01");
		Api.Response book = admin.post("/api/development-records", record);
		assertThat(book.status()).isEqualTo(201);
		assertThat(admin.post("/api/development-records/" + book.text("id") + "/steps",
				Map.of("step", "TALK", "on", "2025-03-10")).status()).isEqualTo(201);

		// user → the organization whose history the scan reads: the whole county's history holds every other
		// test's entries, which are theirs to label
		Map<String, String> users = new java.util.LinkedHashMap<>();
		users.put("admin", town);
		users.put(account(admin, "TOWNSHIP_ADMIN", town, null), town);
		users.put(account(admin, "BRANCH_SECRETARY", branch, null), branch);
		users.put(account(admin, "MEMBER", branch, member), branch);
		users.put(account(admin, "INSPECTOR", town, null), town);

		List<String> problems = new ArrayList<>();
		users.forEach((user, org) -> problems.addAll(scan(user, user.equals("admin") ? ApiTest.ADMIN_PASSWORD : PASSWORD,
				org)));
		assertThat(problems).isEmpty();
	}

	private static final String PASSWORD = "Scan-Pages-1";

	@Test
	void theScanCatchesRawIdsIdBoxesAndEnglishCodes() {
		String html = "<body><p>账号 #1324</p><label for=m>关联党员编号</label><input type=\"number\" name=\"memberId\">"
				+ "<input type=\"hidden\" name=\"organizationId\"><label>公民身份号码</label><input name=\"idNumber\">"
				+ "<td>effectiveMonth</td><td>PAYROLL</td><td>PARTY_LECTURE</td><code>LATE_DUES</code>"
				+ "<a href=\"/members?organizationId=12\" title=\"fullName\">导出 Excel</a></body>";
		assertThat(check("p ", html)).containsExactly("p raw id \"#1324\"", "p English code \"effectiveMonth\"",
				"p English code \"PAYROLL\"", "p English code \"PARTY_LECTURE\"",
				"p label asks for an internal id \"关联党员编号\"", "p a visible box for an internal id \"memberId\"");
		assertThat(shape("/members/12?page=3")).isEqualTo(shape("/members/7?page=1"));
	}

	private static String account(Api admin, String role, String org, String memberId) {
		String username = "scan" + role.toLowerCase().replace("_", "") + System.nanoTime() % 1_000_000L;
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("role", role);
		body.put("organizationId", org);
		body.put("memberId", memberId);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return username;
	}

	private List<String> scan(String user, String password, String org) {
		PageSession page = new PageSession(port);
		assertThat(page.login(user, password)).doesNotContain("error");
		List<String> problems = new ArrayList<>();
		Set<String> shapes = new HashSet<>();
		Deque<String[]> queue = new ArrayDeque<>();
		queue.add(new String[] { "/", "0" });
		shapes.add(shape("/"));
		int fetched = 0;
		while (!queue.isEmpty() && fetched < MAX_PAGES_PER_ROLE) {
			String[] next = queue.poll();
			String url = next[0].equals("/audit") ? "/audit?organizationId=" + org : next[0];
			int depth = Integer.parseInt(next[1]);
			HttpResponse<String> r = page.get(url);
			fetched++;
			String where = user + " " + url + ": ";
			if (r.statusCode() >= 500) {
				problems.add(where + "HTTP " + r.statusCode());
				continue;
			}
			if (r.statusCode() >= 400 && depth == 1) {
				// a menu entry (or a card of the home page) that leads to a refusal or nowhere
				problems.add(where + "HTTP " + r.statusCode() + " from the menu");
				continue;
			}
			if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				continue;
			}
			String html = r.body();
			problems.addAll(check(where, html));
			if (depth >= 2) {
				continue;
			}
			for (String link : links(html)) {
				if (shapes.add(shape(link))) {
					queue.add(new String[] { link, Integer.toString(depth + 1) });
				}
			}
		}
		return problems;
	}

	/** A link's shape: digits (ids, pages, years) do not make a new page to look at. */
	static String shape(String url) {
		return url.replaceAll("\\d+", "N");
	}

	static Set<String> links(String html) {
		Set<String> out = new LinkedHashSet<>();
		Matcher m = HREF.matcher(html);
		while (m.find()) {
			String href = m.group(1).replace("&amp;", "&").trim();
			if (href.isEmpty() || !href.startsWith("/") || href.startsWith("//") || href.matches(".*[\\s{}|<>].*")) {
				continue;
			}
			String path = href.split("[?#]")[0];
			if (path.startsWith("/api/") || path.equals("/logout") || path.startsWith("/webjars/")
					|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
					|| path.startsWith("/swagger") || path.startsWith("/v3/") || path.startsWith("/actuator")
					|| path.endsWith(".pdf") || path.endsWith(".xlsx") || path.contains("export")
					|| path.contains("download") || path.contains("template")) {
				continue;
			}
			out.add(href);
		}
		return out;
	}

	static List<String> check(String where, String html) {
		List<String> problems = new ArrayList<>();
		String text = visibleText(html);
		find(RAW_ID, text).forEach(s -> problems.add(where + "raw id \"" + s + "\""));
		find(CAMEL, text).forEach(s -> problems.add(where + "English code \"" + s + "\""));
		find(UPPER, text).stream()
			.filter(s -> !ALLOWED_UPPER.contains(s))
			.forEach(s -> problems.add(where + "English code \"" + s + "\""));
		Matcher label = LABEL.matcher(body(html));
		while (label.find()) {
			String l = label.group(1).replaceAll("<[^>]+>", "").trim();
			if (ASKS_FOR_ID.matcher(l).find() && !l.contains("身份")) {
				problems.add(where + "label asks for an internal id \"" + l + "\"");
			}
		}
		Matcher ph = PLACEHOLDER.matcher(html);
		while (ph.find()) {
			if (ASKS_FOR_ID.matcher(ph.group(1)).find() && !ph.group(1).contains("身份")) {
				problems.add(where + "placeholder asks for an internal id \"" + ph.group(1) + "\"");
			}
		}
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			String tag = input.group();
			Matcher n = INPUT_NAME.matcher(tag);
			Matcher t = INPUT_TYPE.matcher(tag);
			String type = t.find() ? t.group(1) : "text";
			if (n.find() && (type.equals("text") || type.equals("number") || type.equals("search"))
					&& n.group(1).matches("(?i)id|.*[a-z]Ids?") && !n.group(1).equals("idNumber")) {
				problems.add(where + "a visible box for an internal id \"" + n.group(1) + "\"");
			}
		}
		return problems;
	}

	private static String body(String html) {
		int at = html.indexOf("<body");
		return at < 0 ? html : html.substring(at);
	}

	/** The text people see: the body without scripts, styles, comments, tags and attribute values. */
	static String visibleText(String html) {
		// <code> shows a code people type themselves (a point item's code), on purpose
		return body(html).replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("(?s)<code>.*?</code>", " ")
			.replaceAll("(?s)<style.*?</style>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replace("&nbsp;", " ")
			.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&#39;", "'")
			.replace("&quot;", "\"");
	}

	private static Set<String> find(Pattern p, String text) {
		Set<String> out = new LinkedHashSet<>();
		Matcher m = p.matcher(text);
		while (m.find()) {
			out.add(m.group());
		}
		return out;
	}
}
