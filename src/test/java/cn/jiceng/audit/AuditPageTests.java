package cn.jiceng.audit;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.idev.excel.FastExcel;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 2: the trail of a township's typical day (members, a meeting, dues, a point claim, an office, an
 * account) reads in Chinese with names, never field names, codes or numbers; filters by dates, operator,
 * organization and name; paging; the Excel export holds what the filters show.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPageTests {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	/** camelCase field names, UPPER_CASE codes, raw ids. */
	private static final Pattern ENGLISH = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b|\\b[A-Z]{2,}(_[A-Z]+)*\\b|#\\d+");

	@LocalServerPort
	int port;

	Api admin;
	PageSession page;
	String town;
	String branch;
	String memberName;
	String townshipUser;

	@BeforeAll
	void aTypicalDay() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String suffix = Long.toString(System.nanoTime() % 100_000_000L, 36);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", "记录镇" + suffix);
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", "记录村党支部" + suffix);
		memberName = "孙记录" + suffix;
		String m1 = TestData.createMember(admin, branch, memberName, Gender.MALE, "PROBATIONARY", "2020-07-01");
		String m2 = TestData.createMember(admin, branch, "李记录" + suffix, Gender.FEMALE, "FULL", "2015-07-01");
		int v = admin.get("/api/members/" + m1).json().get("version").asInt();
		assertThat(admin.patch("/api/members/" + m1, Map.of("category", "FULL", "fullMemberOn", "2021-07-01", "version", v))
			.status()).isEqualTo(200);

		Map<String, Object> meeting = new HashMap<>();
		meeting.put("type", "PARTY_LECTURE");
		meeting.put("heldOn", LocalDate.now(COUNTY).minusDays(1).toString());
		meeting.put("theme", "记录测试党课");
		meeting.put("hostMemberId", m2);
		meeting.put("attendance", List.of(Map.of("memberId", m1, "status", "PRESENT"), Map.of("memberId", m2, "status", "LEAVE")));
		Api.Response held = admin.post("/api/organizations/" + branch + "/meetings", meeting);
		assertThat(held.status()).as(held.body()).isEqualTo(201);

		String month = YearMonth.now(COUNTY).toString();
		Api.Response base = admin.put("/api/members/" + m1 + "/dues-base",
				Map.of("effectiveMonth", month, "category", "PAYROLL", "base", 5100));
		assertThat(base.status()).as(base.body()).isEqualTo(200);
		Api.Response paid = admin.post("/api/members/" + m1 + "/dues-payments",
				Map.of("month", month, "amount", "25.50", "paidOn", LocalDate.now(COUNTY).toString(), "channel", "CASH"));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);

		String code = "AU_" + suffix.toUpperCase();
		assertThat(admin.post("/api/point-items", Map.of("code", code, "name", "记录测试志愿服务", "points", 2)).status())
			.isEqualTo(201);
		townshipUser = "autown" + suffix;
		assertThat(admin.post("/api/accounts", Map.of("username", townshipUser, "password", "Audit-Pass-1", "role",
				"TOWNSHIP_ADMIN", "organizationId", town)).status()).isEqualTo(201);
		Api township = Api.login(port, townshipUser, "Audit-Pass-1");
		// filed by the township, reviewed by the county: never by the filer or an account it made
		Api.Response claim = township.post("/api/members/" + m1 + "/point-claims",
				Map.of("month", month, "itemCode", code, "note", "参加志愿服务"));
		assertThat(claim.status()).as(claim.body()).isEqualTo(201);
		Api.Response approved = admin.post("/api/point-claims/" + claim.text("id") + "/approve", Map.of("reason", "属实"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);

		assertThat(admin.post("/api/organizations/" + branch + "/offices",
				Map.of("memberId", m2, "office", "SECRETARY", "startedOn", "2021-01-01")).status()).isEqualTo(201);
		Map<String, Object> account = new HashMap<>();
		account.put("username", "aumem" + suffix);
		account.put("password", "Audit-Pass-1");
		account.put("role", "MEMBER");
		account.put("organizationId", branch);
		account.put("memberId", m1);
		Api.Response acc = admin.post("/api/accounts", account);
		assertThat(acc.status()).as(acc.body()).isEqualTo(201);
		int av = admin.get("/api/accounts/" + acc.text("id")).json().get("version").asInt();
		assertThat(admin.post("/api/accounts/" + acc.text("id") + "/password-reset", Map.of("version", av)).status())
			.isEqualTo(200);

		page = new PageSession(port);
		assertThat(page.login("admin", ApiTest.ADMIN_PASSWORD)).doesNotContain("error");
	}

	private String html(String query) {
		HttpResponse<String> r = page.get("/audit" + query);
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	/** The readable cells of the table (the operator's user name aside). */
	private static List<String> cells(String html, String label) {
		List<String> out = new ArrayList<>();
		Matcher m = Pattern.compile("<td[^>]*data-label=\"" + label + "\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(html);
		while (m.find()) {
			out.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("&[a-z]+;", " ").replaceAll("\\s+", " ").trim());
		}
		return out;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Test
	void aTownshipsTypicalEntriesReadInChineseWithNamesAndNoFieldNamesCodesOrIds() {
		String html = html("?organizationId=" + town + "&size=200");
		List<String> readable = new ArrayList<>();
		readable.addAll(cells(html, "操作"));
		readable.addAll(cells(html, "对象"));
		readable.addAll(cells(html, "变更"));
		assertThat(cells(html, "操作")).hasSizeGreaterThanOrEqualTo(10);
		for (String cell : readable) {
			// a user name inside a value (the account's own) is a name, not a code
			String text = cell.replaceAll("au(town|mem)[0-9a-z]+", "");
			assertThat(ENGLISH.matcher(text).find()).as(cell).isFalse();
		}
		String all = String.join("\n", readable);
		assertThat(all).contains("新建", "人员类别：", "预备党员", "正式党员", "党课", "出勤：", memberName + " 出席",
				"请假", "主持人：", "交纳类别：", "核定交纳基数", "登记党费交纳", "现金", "积分项目： 记录测试志愿服务", "审核通过",
				"职务：", "书记", "重置密码", "角色：", "党员");
	}

	@Test
	void theFiltersNarrowByDatesOperatorOrganizationAndName() {
		String tomorrow = LocalDate.now(COUNTY).plusDays(1).toString();
		assertThat(html("?organizationId=" + town + "&from=" + tomorrow)).contains("没有符合条件的操作记录");
		String today = LocalDate.now(COUNTY).toString();
		assertThat(cells(html("?organizationId=" + town + "&from=" + today + "&to=" + today), "操作")).isNotEmpty();

		List<String> byTownship = cells(html("?actor=" + townshipUser), "操作");
		assertThat(byTownship).containsExactly("新建");

		List<String> byName = cells(html("?q=" + enc(memberName)), "对象");
		assertThat(byName).isNotEmpty().allMatch(c -> c.contains(memberName) || c.contains("记录村党支部"));

		String bad = html("?from=2025-13-01");
		assertThat(bad).contains("日期格式应为 2025-01-31");
		assertThat(html("?from=2025-03-02&to=2025-03-01")).contains("结束日期不能早于开始日期");
	}

	@Test
	void theListIsPagedAndTheExcelHoldsEveryFilteredRow() {
		String first = html("?organizationId=" + town);
		assertThat(first).contains("pager-total");
		HttpResponse<byte[]> xlsx = page.getBytes("/audit.xlsx?organizationId=" + town);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("xlsx");
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0)
			.headRowNumber(1)
			.doReadSync();
		Matcher total = Pattern.compile("共 <span>(\\d+)</span> 条").matcher(first);
		assertThat(total.find()).isTrue();
		assertThat(rows).hasSize(Integer.parseInt(total.group(1)));
		assertThat(rows).anyMatch(r -> r.get(2).equals("审核通过") && r.get(6).contains("审核状态："));
		HttpResponse<byte[]> actorOnly = page.getBytes("/audit.xlsx?actor=" + townshipUser);
		List<Map<Integer, String>> actorRows = FastExcel.read(new ByteArrayInputStream(actorOnly.body())).sheet(0)
			.headRowNumber(1)
			.doReadSync();
		assertThat(actorRows).hasSize(1);
		assertThat(actorRows.get(0).get(3)).isEqualTo("积分申报");
	}
}
