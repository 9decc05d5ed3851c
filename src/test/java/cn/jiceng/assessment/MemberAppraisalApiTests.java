package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API.md "Organization assessment": the cadre contact appraisal ("树根": components, grades, the history that follows
 * the person, promotion priority) and the members' democratic appraisal (the one-third cap on 优秀, also when two
 * appraisers grade at once; probationary members not graded). Refusals change nothing.
 */
@ApiTest
class MemberAppraisalApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String branch;

	Api township;

	int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("考核镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("考核村支部"));
		township = account("TOWNSHIP_ADMIN", town, null);
	}

	Api account(String role, String org, String memberId) {
		String user = TestData.unique("ap").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Appraise-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		body.put("memberId", memberId);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Appraise-Pass-1");
	}

	static Map<String, Object> components(Object leader, Object masses, Object departments, Object yearEnd) {
		Map<String, Object> m = new HashMap<>();
		m.put("leader", leader);
		m.put("masses", masses);
		m.put("departments", departments);
		m.put("yearEnd", yearEnd);
		return m;
	}

	// ---- cadre contact appraisal ------------------------------------------------------------------------------

	@Test
	void aCadreAppraisalAddsTheFourComponentsAndGradesTheTotal() {
		String cadre = TestData.createMember(admin, branch, "联村干部", Gender.MALE, "FULL", "2010-05-01");
		Api.Response r = township.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1),
				components(18, 36.5, 9, 27));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("year").asInt()).isEqualTo(thisYear - 1);
		assertThat(r.json().get("total").decimalValue()).isEqualByComparingTo("90.50");
		assertThat(r.text("grade")).isEqualTo("EXCELLENT");
		assertThat(r.json().get("capReason").isNull()).isTrue();

		Api.Response again = township.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1),
				components(10, 30, 5, 20));
		assertThat(again.text("grade")).isEqualTo("FAIR");
		assertThat(again.json().get("total").decimalValue()).isEqualByComparingTo("65");
		JsonNode audit = admin.get("/api/audit?entityId=" + cadre).json();
		assertThat(audit).isNotNull();
	}

	@Test
	void aComponentOutsideItsRangeIsRefusedAndNothingIsSaved() {
		String cadre = TestData.createMember(admin, branch, "驻村干部", Gender.FEMALE, "FULL", "2010-05-01");
		Api.Response tooMuch = township.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1),
				components(21, 40, 10, 30));
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.body()).contains("leader", "领导评价");
		Api.Response missing = township.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1),
				components(10, null, "十分", -1));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("masses", "departments", "yearEnd");
		assertThat(township.put("/api/members/" + cadre + "/cadre-appraisals/1999", components(1, 1, 1, 1)).status())
			.isEqualTo(400);
		assertThat(township.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear + 1), components(1, 1, 1, 1))
			.status()).isEqualTo(400);
		assertThat(admin.get("/api/members/" + cadre + "/cadre-appraisals").json().get("items")).isEmpty();
	}

	@Test
	void onlyATownshipOrTheCountyAppraisesCadresAndOnlyInsideItsScope() {
		String cadre = TestData.createMember(admin, branch, "包村干部", Gender.MALE, "FULL", "2010-05-01");
		Api secretary = account("BRANCH_SECRETARY", branch, null);
		assertThat(secretary.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1),
				components(20, 40, 10, 30)).status()).isEqualTo(403);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		String otherBranch = TestData.createOrg(admin, otherTown, "BRANCH", "RURAL", TestData.unique("他村支部"));
		String stranger = TestData.createMember(admin, otherBranch, "外镇干部", Gender.MALE, "FULL", "2010-05-01");
		assertThat(township.put("/api/members/" + stranger + "/cadre-appraisals/" + (thisYear - 1),
				components(20, 40, 10, 30)).status()).isEqualTo(404);
		assertThat(township.get("/api/members/" + stranger + "/cadre-appraisals").status()).isEqualTo(404);
		assertThat(admin.get("/api/members/" + stranger + "/cadre-appraisals").json().get("items")).isEmpty();
	}

	@Test
	void threeConsecutiveExcellentYearsGivePromotionPriorityAndTheHistoryFollowsThePerson() {
		String cadre = TestData.createMember(admin, branch, "优秀干部", Gender.MALE, "FULL", "2010-05-01");
		for (int y = thisYear - 3; y <= thisYear - 2; y++) {
			assertThat(township.put("/api/members/" + cadre + "/cadre-appraisals/" + y, components(19, 38, 9, 28))
				.status()).isEqualTo(200);
		}
		JsonNode two = admin.get("/api/members/" + cadre + "/cadre-appraisals").json();
		assertThat(two.get("promotionPriority").asBoolean()).isFalse();

		// the person moves to another township's branch; the third year is appraised there
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("新镇"));
		String otherBranch = TestData.createOrg(admin, otherTown, "BRANCH", "RURAL", TestData.unique("新村支部"));
		Api.Response moved = admin.post("/api/members/" + cadre + "/transfers",
				Map.of("toOrganizationId", otherBranch, "transferredOn", (thisYear - 1) + "-01-10"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(201);
		Api newTownship = account("TOWNSHIP_ADMIN", otherTown, null);
		assertThat(newTownship.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1),
				components(20, 39, 10, 29)).status()).isEqualTo(200);

		JsonNode history = newTownship.get("/api/members/" + cadre + "/cadre-appraisals").json();
		assertThat(history.get("promotionPriority").asBoolean()).isTrue();
		List<String> units = history.get("items").valueStream().map(i -> i.get("organizationId").asText()).toList();
		assertThat(units).containsExactly(otherBranch, branch, branch);
		assertThat(history.get("items").get(0).get("year").asInt()).isEqualTo(thisYear - 1);
		assertThat(history.get("items").get(0).get("grade").asText()).isEqualTo("EXCELLENT");
		assertThat(history.get("items").get(0).get("total").decimalValue()).isEqualByComparingTo("98");
		// the old township no longer sees the person
		assertThat(township.get("/api/members/" + cadre + "/cadre-appraisals").status()).isEqualTo(404);

		// a good year breaks the run
		newTownship.put("/api/members/" + cadre + "/cadre-appraisals/" + thisYear, components(15, 30, 8, 25));
		assertThat(admin.get("/api/members/" + cadre + "/cadre-appraisals").json().get("promotionPriority").asBoolean())
			.isFalse();
	}

	@Test
	void twoFirstAppraisalsAtOnceBothLandOnOneRowAndAStaleVersionIsRefused() {
		String cadre = TestData.createMember(admin, branch, "并发干部", Gender.MALE, "FULL", "2010-05-01");
		String url = "/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1);
		List<Integer> statuses = Race.run(() -> township.put(url, components(18, 36, 9, 27)).status(),
				() -> admin.put(url, components(16, 32, 8, 24)).status());
		assertThat(statuses).containsExactly(200, 200);
		assertThat(admin.get("/api/members/" + cadre + "/cadre-appraisals").json().get("items")).hasSize(1);
		Api.Response current = township.put(url, components(18, 36, 9, 27));
		int version = current.json().get("version").asInt();
		assertThat(version).isEqualTo(2);
		Map<String, Object> stale = components(10, 10, 10, 10);
		stale.put("version", version - 1);
		Api.Response refused = admin.put(url, stale);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(admin.get("/api/members/" + cadre + "/cadre-appraisals").json().get("items").get(0).get("total")
			.decimalValue()).isEqualByComparingTo("90");
	}

	@Test
	void theSubtreesCadreResultsListTheYearsAppraisals() {
		String cadre = TestData.createMember(admin, branch, "结果干部", Gender.FEMALE, "FULL", "2010-05-01");
		township.put("/api/members/" + cadre + "/cadre-appraisals/" + (thisYear - 1), components(16, 32, 8, 24));
		JsonNode results = township.get("/api/organizations/" + town + "/cadre-appraisals?year=" + (thisYear - 1)).json();
		assertThat(results.get("items")).hasSize(1);
		assertThat(results.get("items").get(0).get("grade").asText()).isEqualTo("GOOD");
		assertThat(results.get("items").get(0).get("memberId").asText()).isEqualTo(cadre);
	}

	@Test
	void bothResultListsExportToExcel() {
		String a = TestData.createMember(admin, branch, "导出甲", Gender.MALE, "FULL", "2010-05-01");
		int year = thisYear - 1;
		admin.put("/api/members/" + a + "/democratic-appraisal/" + year, Map.of("grade", "QUALIFIED"));
		township.put("/api/members/" + a + "/cadre-appraisals/" + year, components(16, 32, 8, 24));
		PageSession pages = new PageSession(port);
		pages.login("admin", ApiTest.ADMIN_PASSWORD);
		for (String path : List.of("/assessment/democratic-appraisals.xlsx?org=" + town + "&year=" + year,
				"/assessment/cadre-appraisals.xlsx?org=" + town + "&year=" + year)) {
			var r = pages.get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(200);
			assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
			assertThat(r.body()).startsWith("PK");
		}
		assertThat(pages.get("/assessment/democratic-appraisals?org=" + town + "&year=" + year).body())
			.contains("branch-table", "考核村支部");
		for (String path : List.of("/assessment/democratic-appraisals?org=" + branch + "&year=" + year,
				"/assessment/cadre-appraisals?org=" + town + "&year=" + year,
				"/assessment/cadre-appraisals/members/" + a)) {
			var r = pages.get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(200);
			assertThat(r.body()).contains("导出甲");
		}
	}

	// ---- democratic appraisal ---------------------------------------------------------------------------------

	@Test
	void atMostOneThirdOfTheFullMembersAreExcellentAndARefusalSavesNothing() {
		String a = TestData.createMember(admin, branch, "评议甲", Gender.MALE, "FULL", "2010-05-01");
		String b = TestData.createMember(admin, branch, "评议乙", Gender.FEMALE, "FULL", "2010-05-01");
		String c = TestData.createMember(admin, branch, "评议丙", Gender.MALE, "FULL", "2010-05-01");
		String p = TestData.createMember(admin, branch, "评议丁", Gender.FEMALE, "PROBATIONARY", (thisYear - 1) + "-03-01");
		int year = thisYear - 1;
		Api secretary = account("BRANCH_SECRETARY", branch, null);

		Api.Response first = secretary.put("/api/members/" + a + "/democratic-appraisal/" + year, Map.of("grade", "EXCELLENT"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.text("memberId")).isEqualTo(a);
		assertThat(first.json().get("year").asInt()).isEqualTo(year);
		assertThat(first.text("grade")).isEqualTo("EXCELLENT");
		assertThat(secretary.put("/api/members/" + a + "/democratic-appraisal/" + year, Map.of("grade", "EXCELLENT"))
			.status()).isEqualTo(200);

		Api.Response second = secretary.put("/api/members/" + b + "/democratic-appraisal/" + year, Map.of("grade", "EXCELLENT"));
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.text("detail")).contains("三分之一", "最多1名");
		assertThat(secretary.put("/api/members/" + b + "/democratic-appraisal/" + year, Map.of("grade", "QUALIFIED"))
			.status()).isEqualTo(200);
		assertThat(secretary.put("/api/members/" + c + "/democratic-appraisal/" + year, Map.of("grade", "BASIC"))
			.status()).isEqualTo(200);

		Api.Response probationary = secretary.put("/api/members/" + p + "/democratic-appraisal/" + year,
				Map.of("grade", "QUALIFIED"));
		assertThat(probationary.status()).isEqualTo(422);
		assertThat(probationary.text("detail")).contains("预备党员");
		assertThat(secretary.put("/api/members/" + c + "/democratic-appraisal/" + year, Map.of("grade", "GREAT"))
			.status()).isEqualTo(400);
		assertThat(secretary.put("/api/members/" + c + "/democratic-appraisal/" + year, Map.of()).status()).isEqualTo(400);

		JsonNode list = secretary.get("/api/organizations/" + branch + "/democratic-appraisals?year=" + year).json();
		Map<String, String> grades = new HashMap<>();
		list.get("items").forEach(i -> grades.put(i.get("memberId").asText(),
				i.get("grade").isNull() ? null : i.get("grade").asText()));
		assertThat(grades).containsEntry(a, "EXCELLENT").containsEntry(b, "QUALIFIED").containsEntry(c, "BASIC")
			.containsEntry(p, null);
		list.get("items").forEach(i -> assertThat(i.get("name").asText()).isNotBlank());
		JsonNode summary = list.get("branches").get(0);
		assertThat(summary.get("fullMembers").asInt()).isEqualTo(3);
		assertThat(summary.get("excellentCap").asInt()).isEqualTo(1);
		assertThat(summary.get("excellent").asInt()).isEqualTo(1);
	}

	@Test
	void twoAppraisersAtOnceCannotPassTheCapTogether() {
		String a = TestData.createMember(admin, branch, "竞争甲", Gender.MALE, "FULL", "2010-05-01");
		String b = TestData.createMember(admin, branch, "竞争乙", Gender.FEMALE, "FULL", "2010-05-01");
		TestData.createMember(admin, branch, "竞争丙", Gender.MALE, "FULL", "2010-05-01");
		int year = thisYear - 1;
		Api secretary = account("BRANCH_SECRETARY", branch, null);
		List<Integer> statuses = Race.run(
				() -> township.put("/api/members/" + a + "/democratic-appraisal/" + year, Map.of("grade", "EXCELLENT")).status(),
				() -> secretary.put("/api/members/" + b + "/democratic-appraisal/" + year, Map.of("grade", "EXCELLENT")).status());
		assertThat(statuses).containsExactlyInAnyOrder(200, 422);
		JsonNode list = admin.get("/api/organizations/" + branch + "/democratic-appraisals?year=" + year).json();
		assertThat(list.get("items").valueStream().filter(i -> "EXCELLENT".equals(i.get("grade").asText())).count())
			.isEqualTo(1);
	}

	@Test
	void aMemberSeesOnlyItsOwnGradeAndGradesNobody() {
		String a = TestData.createMember(admin, branch, "自看甲", Gender.MALE, "FULL", "2010-05-01");
		String b = TestData.createMember(admin, branch, "自看乙", Gender.FEMALE, "FULL", "2010-05-01");
		int year = thisYear - 1;
		admin.put("/api/members/" + a + "/democratic-appraisal/" + year, Map.of("grade", "QUALIFIED"));
		admin.put("/api/members/" + b + "/democratic-appraisal/" + year, Map.of("grade", "BASIC"));
		Api member = account("MEMBER", branch, a);
		JsonNode own = member.get("/api/organizations/" + branch + "/democratic-appraisals?year=" + year).json();
		assertThat(own.get("items")).hasSize(1);
		assertThat(own.get("items").get(0).get("memberId").asText()).isEqualTo(a);
		assertThat(member.put("/api/members/" + a + "/democratic-appraisal/" + year, Map.of("grade", "EXCELLENT"))
			.status()).isEqualTo(403);
		assertThat(member.get("/api/members/" + a + "/cadre-appraisals").status()).isEqualTo(200);
		assertThat(member.get("/api/members/" + b + "/cadre-appraisals").status()).isEqualTo(404);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外镇"));
		assertThat(township.get("/api/organizations/" + otherTown + "/democratic-appraisals?year=" + year).status())
			.isEqualTo(404);
	}
}
