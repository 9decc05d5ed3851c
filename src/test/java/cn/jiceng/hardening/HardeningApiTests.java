package cn.jiceng.hardening;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11 defects 1, 6, 9, 11 and 12 reproduced over HTTP; each assertion failed before its fix. */
@ApiTest
class HardeningApiTests {

	private static final String PASSWORD = "Hardening-1";
	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	Api admin;
	String town;
	String branch;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("加固镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("加固村支部"));
	}

	private String account(Api as, String role, String org, String memberId) {
		String user = TestData.unique("hd").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", PASSWORD);
		body.put("role", role);
		body.put("organizationId", org);
		body.put("memberId", memberId);
		Api.Response r = as.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return user;
	}

	private String item(int points) {
		String code = "HD_" + System.nanoTime() % 100_000_000L;
		Api.Response r = admin.post("/api/point-items", Map.of("code", code, "name", "加固测试项目", "points", points));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return code;
	}

	private String month() {
		return YearMonth.now(COUNTY).toString();
	}

	// ---- 1. self-approval by proxy ----

	@Test
	void aBranchSecretaryCannotCreateASecondSecretaryAccount() {
		String self = TestData.createMember(admin, branch, "书记本人", Gender.MALE, "FULL", "2015-07-01");
		Api secretary = Api.login(port, account(admin, "BRANCH_SECRETARY", branch, self), PASSWORD);

		for (String role : List.of("BRANCH_SECRETARY", "CADRE", "INSPECTOR")) {
			Map<String, Object> body = Map.of("username", TestData.unique("proxy").replace("-", ""), "password",
					PASSWORD, "role", role, "organizationId", branch);
			Api.Response r = secretary.post("/api/accounts", body);
			assertThat(r.status()).as(role).isEqualTo(403);
			assertThat(r.text("detail")).contains("须由乡镇或以上管理员创建");
		}
		String other = TestData.createMember(admin, branch, "普通党员", Gender.FEMALE, "FULL", "2015-07-01");
		assertThat(account(secretary, "MEMBER", branch, other)).isNotBlank();
	}

	@Test
	void anAccountCreatedByTheFilerCannotApproveTheClaimAndTheAuditShowsTheCreator() {
		String self = TestData.createMember(admin, branch, "乡镇委员本人", Gender.MALE, "FULL", "2015-07-01");
		String townUser = account(admin, "TOWNSHIP_ADMIN", town, self);
		Api township = Api.login(port, townUser, PASSWORD);
		// the township admin makes a second account and files a claim for their own member record
		String proxyUser = account(township, "BRANCH_SECRETARY", branch, null);
		Api proxy = Api.login(port, proxyUser, PASSWORD);
		Api.Response claim = township.post("/api/members/" + self + "/point-claims",
				Map.of("month", month(), "itemCode", item(5), "note", "代本人申报"));
		assertThat(claim.status()).as(claim.body()).isEqualTo(201);

		Api.Response approve = proxy.post("/api/point-claims/" + claim.text("id") + "/approve", Map.of());

		assertThat(approve.status()).isEqualTo(403);
		assertThat(approve.text("detail")).isEqualTo("本账号由申报账号创建，不能审核该账号提交的积分申报");
		String audit = admin.get("/api/audit?entityId=" + accountId(township, proxyUser)).body();
		assertThat(audit).contains("createdBy").contains(townUser);
		// an independent secretary of the branch may approve
		Api independent = Api.login(port, account(admin, "BRANCH_SECRETARY", branch, null), PASSWORD);
		assertThat(independent.post("/api/point-claims/" + claim.text("id") + "/approve", Map.of()).status())
			.isEqualTo(200);
	}

	@Test
	void aSecondAccountOfTheFilersMemberCannotApproveTheClaim() {
		String self = TestData.createMember(admin, branch, "一人两号", Gender.MALE, "FULL", "2015-07-01");
		String member = TestData.createMember(admin, branch, "被申报人", Gender.FEMALE, "FULL", "2015-07-01");
		Api first = Api.login(port, account(admin, "BRANCH_SECRETARY", branch, self), PASSWORD);
		Api second = Api.login(port, account(admin, "BRANCH_SECRETARY", branch, self), PASSWORD);
		Api.Response claim = first.post("/api/members/" + member + "/point-claims",
				Map.of("month", month(), "itemCode", item(3), "note", "代为申报"));
		assertThat(claim.status()).as(claim.body()).isEqualTo(201);

		Api.Response approve = second.post("/api/point-claims/" + claim.text("id") + "/approve", Map.of());

		assertThat(approve.status()).isEqualTo(403);
		assertThat(approve.text("detail")).isEqualTo("不能审核本人以其他账号提交的积分申报");
	}

	@Test
	void anAccountCreatedFurtherDownTheFilersChainCannotApproveButOneTheTownshipMadeForTheCountyCan() {
		String self = TestData.createMember(admin, branch, "链上本人", Gender.MALE, "FULL", "2015-07-01");
		Api township = Api.login(port, account(admin, "TOWNSHIP_ADMIN", town, self), PASSWORD);
		Api second = Api.login(port, account(township, "TOWNSHIP_ADMIN", town, null), PASSWORD);
		Api third = Api.login(port, account(second, "BRANCH_SECRETARY", branch, null), PASSWORD);
		Api.Response own = township.post("/api/members/" + self + "/point-claims",
				Map.of("month", month(), "itemCode", item(2), "note", "链式代理"));
		assertThat(own.status()).as(own.body()).isEqualTo(201);

		assertThat(third.post("/api/point-claims/" + own.text("id") + "/approve", Map.of()).status()).isEqualTo(403);

		// the county is the root of every chain: only the accounts it made itself are its proxies
		String member = TestData.createMember(admin, branch, "县里代报", Gender.FEMALE, "FULL", "2015-07-01");
		Api.Response byCounty = admin.post("/api/members/" + member + "/point-claims",
				Map.of("month", month(), "itemCode", item(2), "note", "县委组织部代为申报"));
		assertThat(byCounty.status()).as(byCounty.body()).isEqualTo(201);
		Api direct = Api.login(port, account(admin, "BRANCH_SECRETARY", branch, null), PASSWORD);
		assertThat(direct.post("/api/point-claims/" + byCounty.text("id") + "/approve", Map.of()).status())
			.isEqualTo(403);
		assertThat(third.post("/api/point-claims/" + byCounty.text("id") + "/approve", Map.of()).status())
			.isEqualTo(200);
	}

	private static String accountId(Api lister, String username) {
		int page = 0;
		while (true) {
			var items = lister.get("/api/accounts?size=100&page=" + page).json().get("items");
			if (items.isEmpty()) {
				throw new IllegalStateException("no account " + username);
			}
			for (var a : items) {
				if (a.get("username").asText().equals(username)) {
					return a.get("id").asText();
				}
			}
			page++;
		}
	}

	// ---- 6. members see only themselves, except what the branch publishes ----

	@Test
	void aMemberReadsNeitherOtherMembersReportsNorMeetingRostersButSeesTheWallChart() {
		String me = TestData.createMember(admin, branch, "党员甲", Gender.MALE, "FULL", "2015-07-01");
		String other = TestData.createMember(admin, branch, "党员乙", Gender.FEMALE, "FULL", "2015-07-01");
		String lastMonth = YearMonth.now(COUNTY).minusMonths(1).toString();
		Api.Response mobility = admin.post("/api/members/" + other + "/mobility",
				Map.of("destination", "浙江省杭州市", "startedOn", lastMonth + "-01"));
		assertThat(mobility.status()).as(mobility.body()).isEqualTo(201);
		Api.Response report = admin.post("/api/members/" + other + "/remote-reports",
				Map.of("month", lastMonth, "channel", "WECHAT", "content", "乙的私人思想汇报"));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		Map<String, Object> meeting = new HashMap<>();
		meeting.put("type", "BRANCH_ASSEMBLY");
		meeting.put("heldOn", LocalDate.now(COUNTY).minusDays(1).toString());
		meeting.put("theme", "学习");
		meeting.put("attendance", List.of(Map.of("memberId", me, "status", "PRESENT"),
				Map.of("memberId", other, "status", "ABSENT")));
		Api.Response held = admin.post("/api/organizations/" + branch + "/meetings", meeting);
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		Api member = Api.login(port, account(admin, "MEMBER", branch, me), PASSWORD);

		// the branch's records are not the member's: refused (403, the branch is the member's own, so no secret)
		assertThat(member.get("/api/organizations/" + branch + "/remote-reports?month=" + lastMonth).status())
			.isEqualTo(403);
		assertThat(member.get("/api/meetings/" + held.text("id")).status()).isEqualTo(403);
		assertThat(member.get("/api/organizations/" + branch + "/meetings").status()).isEqualTo(403);
		assertThat(member.get("/api/organizations/" + branch + "/roster").status()).isEqualTo(403);
		assertThat(member.get("/api/meetings/" + held.text("id") + "/files").status()).isEqualTo(403);
		assertThat(member.get("/api/organizations/" + branch + "/dues-collection").status()).isEqualTo(403);
		assertThat(member.get("/api/organizations/" + branch + "/accountability").status()).isEqualTo(403);
		// another member's own records do not exist for this member
		assertThat(member.get("/api/members/" + other + "/remote-reports").status()).isEqualTo(404);
		// what the branch publishes to its members on purpose
		assertThat(member.get("/api/organizations/" + branch + "/four-color").status()).isEqualTo(200);
		assertThat(member.get("/api/organizations/" + branch + "/vanguard-ranking").status()).isEqualTo(200);
		// their own records
		assertThat(member.get("/api/members/" + me + "/attendance").status()).isEqualTo(200);
		assertThat(member.get("/api/members/" + me + "/remote-reports").status()).isEqualTo(200);
	}

	// ---- 9. the claim form for an account without a member ----

	@Test
	void theClaimFormExplainsInChineseWhenTheAccountIsNotBoundToAMember() {
		for (String role : List.of("INSPECTOR", "CADRE", "BRANCH_SECRETARY")) {
			PageSession page = new PageSession(port);
			assertThat(page.login(account(admin, role, branch, null), PASSWORD)).doesNotContain("error");

			var form = page.get("/scoring/claims/new");

			assertThat(form.statusCode()).as(role).isEqualTo(200);
			if (!role.equals("BRANCH_SECRETARY")) {
				assertThat(form.body()).as(role).contains("未关联党员");
			}
		}
		PageSession county = new PageSession(port);
		county.login("admin", ApiTest.ADMIN_PASSWORD);
		assertThat(county.get("/scoring/claims/new").statusCode()).isEqualTo(200);
	}

	// ---- 11. exports ----

	@Test
	void aBranchSecretarysExportMasksIdNumbersAndPhones() throws Exception {
		Map<String, Object> body = new HashMap<>();
		String idNumber = TestData.idNumber(Gender.MALE);
		body.put("name", "导出甲");
		body.put("gender", "MALE");
		body.put("idNumber", idNumber);
		body.put("organizationId", branch);
		body.put("category", "FULL");
		body.put("joinedOn", "2015-07-01");
		body.put("phone", "13812345678");
		assertThat(admin.post("/api/members", body).status()).isEqualTo(201);
		Api secretary = Api.login(port, account(admin, "BRANCH_SECRETARY", branch, null), PASSWORD);
		Api township = Api.login(port, account(admin, "TOWNSHIP_ADMIN", town, null), PASSWORD);

		List<String> masked = exportRow(secretary.get("/api/members/export?organizationId=" + branch).bytes(), "导出甲");
		List<String> full = exportRow(township.get("/api/members/export?organizationId=" + branch).bytes(), "导出甲");

		assertThat(masked.get(2)).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
		assertThat(masked.get(9)).isEqualTo("138****5678");
		assertThat(full.get(2)).isEqualTo(idNumber);
		assertThat(full.get(9)).isEqualTo("13812345678");
	}

	private static List<String> exportRow(byte[] xlsx, String name) throws Exception {
		DataFormatter f = new DataFormatter();
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : wb.getSheetAt(0)) {
				if (row.getCell(0) != null && name.equals(f.formatCellValue(row.getCell(0)))) {
					List<String> cells = new java.util.ArrayList<>();
					for (int i = 0; i < 10; i++) {
						cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
					}
					return cells;
				}
			}
		}
		throw new IllegalStateException("no row " + name);
	}

	// ---- 12. smaller ones ----

	@Test
	void anEmptyPatchWritesNoAuditEntry() {
		int before = admin.get("/api/audit?entityId=" + branch).json().get("total").asInt();

		Api.Response patched = admin.patch("/api/organizations/" + branch, Map.of());

		assertThat(patched.status()).isEqualTo(200);
		assertThat(admin.get("/api/audit?entityId=" + branch).json().get("total").asInt()).isEqualTo(before);
		admin.patch("/api/organizations/" + branch, Map.of("name", "改名后的支部"));
		assertThat(admin.get("/api/audit?entityId=" + branch).json().get("total").asInt()).isEqualTo(before + 1);
	}

	@Test
	void anEmptyEvidenceFileIsRefusedWith400() {
		String me = TestData.createMember(admin, branch, "到会", Gender.MALE, "FULL", "2015-07-01");
		Map<String, Object> meeting = new HashMap<>();
		meeting.put("type", "BRANCH_ASSEMBLY");
		meeting.put("heldOn", LocalDate.now(COUNTY).minusDays(1).toString());
		meeting.put("theme", "学习");
		meeting.put("attendance", List.of(Map.of("memberId", me, "status", "PRESENT")));
		String id = admin.post("/api/organizations/" + branch + "/meetings", meeting).text("id");

		Api.Response empty = admin.postMultipart("/api/meetings/" + id + "/files", "记录.pdf", "application/pdf",
				new byte[0]);

		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.text("detail") + empty.body()).contains("文件为空");
		assertThat(admin.get("/api/meetings/" + id + "/files").body()).doesNotContain("记录.pdf");
	}
}
