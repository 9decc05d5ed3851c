package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API.md "Organization assessment", five stars: the standard, 自评 → 评星 → 定星 → 挂星, 摘星 with history, the
 * distribution and the guarded transitions. Each test uses its own year (standards are county-wide per year and field).
 */
@ApiTest
class StarApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String branch;

	Api township;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("星级镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("星级支部"));
		TestData.createMember(admin, branch, "星甲", Gender.MALE, "FULL", "2010-05-01");
		TestData.createMember(admin, branch, "星乙", Gender.FEMALE, "FULL", "2010-05-01");
		township = account("TOWNSHIP_ADMIN", town);
	}

	Api account(String role, String org) {
		String user = TestData.unique("st").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Stars-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Stars-Pass-1");
	}

	/** Hand items A (50) and B (40), and WARNING_FREE (10). */
	void standard(int year) {
		Api.Response r = admin.put("/api/star-standards?year=" + year + "&field=AGENCY", Map.of("items", List.of(
				Map.of("code", "A", "name", "组织建设", "points", 50),
				Map.of("code", "B", "name", "作用发挥", "points", 40),
				Map.of("code", "W", "name", "党员表现", "points", 10, "indicator", "WARNING_FREE"))));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	Api.Response selfAssess(Api api, String org, int year, Map<String, Object> scores) {
		return api.post("/api/organizations/" + org + "/star-assessments", Map.of("year", year, "scores", scores));
	}

	String reviewed(int year, int a, int b) {
		Api.Response self = selfAssess(admin, branch, year, Map.of("A", a, "B", b));
		assertThat(self.status()).as(self.body()).isEqualTo(201);
		String id = self.text("id");
		Api.Response rv = township.post("/api/star-assessments/" + id + "/review", Map.of("scores", Map.of()));
		assertThat(rv.status()).as(rv.body()).isEqualTo(200);
		return id;
	}

	@Test
	void theYearlyCycleEndsInPublishedStarsWithTheirHistory() throws Exception {
		standard(2019);
		Api.Response self = selfAssess(admin, branch, 2019, Map.of("A", 45, "B", 35.5));
		assertThat(self.status()).as(self.body()).isEqualTo(201);
		assertThat(self.text("status")).isEqualTo("SELF_ASSESSED");
		// 45 + 35.5 + 10 × (1 − 0/2)
		assertThat(self.json().get("score").decimalValue()).isEqualByComparingTo("90.50");
		String id = self.text("id");

		Api.Response reviewed = township.post("/api/star-assessments/" + id + "/review", Map.of("scores", Map.of("A", 40)));
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
		assertThat(reviewed.text("status")).isEqualTo("REVIEWED");
		assertThat(reviewed.json().get("score").decimalValue()).isEqualByComparingTo("85.50");

		Api.Response confirmed = admin.post("/api/star-assessments/" + id + "/confirm", Map.of());
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
		assertThat(confirmed.json().get("score").decimalValue()).isEqualByComparingTo("85.50");
		assertThat(confirmed.json().get("stars").asInt()).isEqualTo(4);

		JsonNode list = admin.get("/api/organizations/" + town + "/stars?year=2019").json();
		assertThat(list.get("items")).hasSize(1);
		assertThat(list.get("items").get(0).get("organizationId").asText()).isEqualTo(branch);
		assertThat(list.get("items").get(0).get("field").asText()).isEqualTo("AGENCY");
		assertThat(list.get("distribution").get("4").asInt()).isEqualTo(1);
		assertThat(list.get("distribution").get("1").asInt()).isZero();
		assertThat(list.get("threeStarShare").asDouble()).isEqualTo(1.0);

		Api.Response once = admin.post("/api/star-assessments/" + id + "/revoke", Map.of("reason", "发生违纪问题"));
		assertThat(once.status()).as(once.body()).isEqualTo(200);
		assertThat(once.json().get("stars").asInt()).isEqualTo(3);
		Api.Response toOne = admin.post("/api/star-assessments/" + id + "/revoke", Map.of("reason", "整改不力", "stars", 1));
		assertThat(toOne.json().get("stars").asInt()).isEqualTo(1);

		Api.Response published = admin.post("/api/organizations/" + town + "/stars/publish?year=2019", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("published").asInt()).isEqualTo(1);

		JsonNode item = admin.get("/api/organizations/" + town + "/stars?year=2019").json();
		JsonNode row = item.get("items").get(0);
		assertThat(row.get("status").asText()).isEqualTo("PUBLISHED");
		assertThat(row.get("stars").asInt()).isEqualTo(1);
		assertThat(row.get("score").decimalValue()).isEqualByComparingTo("85.50");
		assertThat(row.get("history")).hasSize(2);
		assertThat(row.get("history").get(0).get("stars").asInt()).isEqualTo(3);
		assertThat(row.get("history").get(0).get("reason").asText()).isEqualTo("发生违纪问题");
		assertThat(row.get("history").get(1).get("stars").asInt()).isEqualTo(1);
		assertThat(row.get("history").get(1).get("at").asText()).isNotBlank();
		assertThat(item.get("distribution").get("1").asInt()).isEqualTo(1);
		assertThat(item.get("threeStarShare").asDouble()).isZero();

		Api.Response pdf = admin.get("/api/organizations/" + town + "/stars.pdf?year=2019");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).contains("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
		Files.write(Path.of("target", "stars-list.pdf"), pdf.bytes());
	}

	@Test
	void theStandardMustSumToOneHundredAndHandScoresStayWithinTheirItems() {
		Api.Response ninetyNine = admin.put("/api/star-standards?year=2018&field=AGENCY", Map.of("items", List.of(
				Map.of("code", "A", "name", "组织建设", "points", 59), Map.of("code", "B", "name", "作用发挥", "points", 40))));
		assertThat(ninetyNine.status()).isEqualTo(400);
		assertThat(ninetyNine.body()).contains("99");
		assertThat(admin.put("/api/star-standards?year=2018&field=AGENCY", Map.of("items", List.of(
				Map.of("code", "A", "name", "组织建设", "points", 100, "indicator", "NOT_AN_INDICATOR")))).status())
			.isEqualTo(400);
		assertThat(admin.get("/api/star-standards?year=2018&field=AGENCY").status()).isEqualTo(404);
		assertThat(selfAssess(admin, branch, 2018, Map.of()).status()).isEqualTo(422);

		standard(2018);
		JsonNode std = admin.get("/api/star-standards?year=2018&field=AGENCY").json();
		assertThat(std.get("items")).hasSize(3);
		assertThat(std.get("items").get(2).get("indicator").asText()).isEqualTo("WARNING_FREE");
		assertThat(township.put("/api/star-standards?year=2018&field=AGENCY", Map.of("items", List.of(
				Map.of("code", "A", "name", "组织建设", "points", 100)))).status()).isEqualTo(403);

		Api.Response above = selfAssess(admin, branch, 2018, Map.of("A", 51));
		assertThat(above.status()).isEqualTo(400);
		assertThat(above.json().get("errors").get(0).get("field").asText()).isEqualTo("scores.A");
		assertThat(selfAssess(admin, branch, 2018, Map.of("W", 5)).status()).isEqualTo(400);
		assertThat(selfAssess(admin, branch, 2018, Map.of("X", 5)).status()).isEqualTo(400);
		assertThat(selfAssess(admin, town, 2018, Map.of()).status()).isEqualTo(400);
		Api member = account("INSPECTOR", town);
		assertThat(selfAssess(member, branch, 2018, Map.of("A", 10)).status()).isEqualTo(403);
		// nothing was created by the refusals
		assertThat(selfAssess(admin, branch, 2018, Map.of("A", 10)).status()).isEqualTo(201);
		assertThat(selfAssess(admin, branch, 2018, Map.of("A", 10)).status()).isEqualTo(409);
	}

	@Test
	void theStepsComeInOrderAndOnlyTheRightRolesTakeThem() {
		standard(2017);
		Api.Response self = selfAssess(account("BRANCH_SECRETARY", branch), branch, 2017, Map.of("A", 30, "B", 30));
		assertThat(self.status()).as(self.body()).isEqualTo(201);
		String id = self.text("id");
		Api secretary = account("BRANCH_SECRETARY", branch);
		assertThat(secretary.post("/api/star-assessments/" + id + "/review", Map.of("scores", Map.of())).status())
			.isEqualTo(403);
		assertThat(admin.post("/api/star-assessments/" + id + "/confirm", Map.of()).status()).isEqualTo(409);
		assertThat(admin.post("/api/star-assessments/" + id + "/revoke", Map.of("reason", "未定星")).status()).isEqualTo(409);
		assertThat(township.post("/api/star-assessments/" + id + "/review", Map.of("scores", Map.of("B", 41))).status())
			.isEqualTo(400);
		Api.Response reviewed = township.post("/api/star-assessments/" + id + "/review",
				Map.of("scores", Map.of("B", 20), "version", 0));
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
		assertThat(township.post("/api/star-assessments/" + id + "/confirm", Map.of()).status()).isEqualTo(403);
		assertThat(admin.post("/api/star-assessments/" + id + "/confirm", Map.of("version", 0)).status()).isEqualTo(409);
		Api.Response confirmed = admin.post("/api/star-assessments/" + id + "/confirm", Map.of("version", 1));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		// 30 + 20 + 10 = 60 → two stars
		assertThat(confirmed.json().get("stars").asInt()).isEqualTo(2);
		assertThat(township.post("/api/star-assessments/" + id + "/review", Map.of("scores", Map.of())).status())
			.isEqualTo(409);
		assertThat(admin.post("/api/star-assessments/" + id + "/revoke", Map.of("reason", "x", "stars", 2)).status())
			.isEqualTo(422);
		assertThat(admin.post("/api/star-assessments/" + id + "/revoke", Map.of()).status()).isEqualTo(400);
		assertThat(township.post("/api/star-assessments/" + id + "/revoke", Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(township.post("/api/organizations/" + town + "/stars/publish?year=2017", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void confirmationFreezesTheScoreWhileAnAssessmentInProgressFollowsTheStandard() {
		standard(2016);
		String frozen = reviewed(2016, 50, 40);
		assertThat(admin.post("/api/star-assessments/" + frozen + "/confirm", Map.of()).json().get("score").decimalValue())
			.isEqualByComparingTo("100.00");
		String otherBranch = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("星级二支部"));
		TestData.createMember(admin, otherBranch, "星丙", Gender.MALE, "FULL", "2010-05-01");
		Api.Response live = selfAssess(admin, otherBranch, 2016, Map.of("A", 50, "B", 40));
		assertThat(live.json().get("score").decimalValue()).isEqualByComparingTo("100.00");

		Api.Response changed = admin.put("/api/star-standards?year=2016&field=AGENCY", Map.of("items", List.of(
				Map.of("code", "A", "name", "组织建设", "points", 30),
				Map.of("code", "W", "name", "党员表现", "points", 70, "indicator", "WARNING_FREE"))));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		assertThat(admin.get("/api/star-assessments/" + frozen).json().get("score").decimalValue())
			.isEqualByComparingTo("100.00");
		assertThat(admin.get("/api/star-assessments/" + frozen).json().get("items")).hasSize(3);
		// A counts its new 30 points at most, B is gone, W gives 70
		assertThat(admin.get("/api/star-assessments/" + live.text("id")).json().get("score").decimalValue())
			.isEqualByComparingTo("100.00");
		assertThat(admin.get("/api/star-assessments/" + live.text("id")).json().get("items")).hasSize(2);
	}

	@Test
	void twoConfirmationsAtOnceConfirmOnceAndTwoRevocationsBothCount() {
		standard(2015);
		String id = reviewed(2015, 50, 40);
		List<Integer> confirms = Race.run(() -> admin.post("/api/star-assessments/" + id + "/confirm", Map.of()).status(),
				() -> admin.post("/api/star-assessments/" + id + "/confirm", Map.of()).status());
		assertThat(confirms).containsExactlyInAnyOrder(200, 409);
		assertThat(admin.get("/api/star-assessments/" + id).json().get("stars").asInt()).isEqualTo(5);

		List<Api.Response> revokes = Race.run(
				() -> admin.post("/api/star-assessments/" + id + "/revoke", Map.of("reason", "甲事由")),
				() -> admin.post("/api/star-assessments/" + id + "/revoke", Map.of("reason", "乙事由")));
		String told = revokes.get(0).body() + " | " + revokes.get(1).body();
		assertThat(revokes).as(told).extracting(Api.Response::status).containsExactly(200, 200);
		assertThat(revokes).as(told).extracting(r -> r.json().get("stars").asInt()).containsExactlyInAnyOrder(4, 3);
		JsonNode after = admin.get("/api/star-assessments/" + id).json();
		assertThat(after.get("stars").asInt()).as(told + " then " + after).isEqualTo(3);
		assertThat(after.get("history")).hasSize(2);
		assertThat(after.get("history").get(1).get("stars").asInt()).isEqualTo(3);
	}

	@Test
	void theListIsScopedAndCountsOnlyConfirmedAssessments() {
		standard(2014);
		reviewed(2014, 10, 10);
		JsonNode list = admin.get("/api/organizations/" + town + "/stars?year=2014").json();
		assertThat(list.get("items")).isEmpty();
		assertThat(list.get("threeStarShare").isNull()).isTrue();
		Map<String, Object> distribution = new LinkedHashMap<>();
		list.get("distribution").properties().forEach(e -> distribution.put(e.getKey(), e.getValue().asInt()));
		assertThat(distribution).containsOnlyKeys("1", "2", "3", "4", "5");
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		assertThat(township.get("/api/organizations/" + otherTown + "/stars?year=2014").status()).isEqualTo(404);
	}
}
