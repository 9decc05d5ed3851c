package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
 * API.md "Organization assessment", the secretary year-end appraisal (述职评议): entry from above, grades, the red
 * flag and yellow cards at finalization, the yellow cards' interviews. Each test uses its own year.
 */
@ApiTest
class SecretaryAppraisalApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String good;

	String average;

	String poor;

	String secretaryPoor;

	Api township;

	final Map<String, String> secretaries = new HashMap<>();

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("述职镇"));
		good = branchWithSecretary("好村党支部");
		average = branchWithSecretary("中村党支部");
		poor = branchWithSecretary("差村党支部");
		secretaryPoor = secretaries.get(poor);
		township = account("TOWNSHIP_ADMIN", town);
	}

	String branchWithSecretary(String name) {
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique(name));
		String member = TestData.createMember(admin, branch, name.substring(0, 1) + "书记", Gender.MALE, "FULL",
				"2010-05-01");
		Api.Response r = admin.post("/api/organizations/" + branch + "/offices",
				Map.of("memberId", member, "office", "SECRETARY", "startedOn", "2015-01-01"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		secretaries.put(branch, member);
		return branch;
	}

	Api account(String role, String org) {
		String user = TestData.unique("sa").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Apprai-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Apprai-Pass-1");
	}

	Api.Response appraise(Api api, String org, int year, Object score) {
		Map<String, Object> body = new HashMap<>();
		body.put("score", score);
		return api.put("/api/organizations/" + org + "/secretary-appraisal?year=" + year, body);
	}

	@Test
	void finalizationGivesTheRedFlagAndYellowCardsWithTheirInterviews() {
		Api.Response g = appraise(township, good, 2021, 93);
		assertThat(g.status()).as(g.body()).isEqualTo(200);
		assertThat(g.text("grade")).isEqualTo("GOOD");
		assertThat(g.text("year")).isEqualTo("2021");
		assertThat(g.text("organizationId")).isEqualTo(good);
		assertThat(g.json().get("secretaryMemberId").asText()).isNotBlank();
		assertThat(appraise(township, average, 2021, 65).text("grade")).isEqualTo("AVERAGE");
		Api.Response p = appraise(township, poor, 2021, 40);
		assertThat(p.text("grade")).isEqualTo("POOR");
		assertThat(p.text("secretaryMemberId")).isEqualTo(secretaryPoor);
		// corrected before finalization
		assertThat(appraise(township, average, 2021, 85).text("grade")).isEqualTo("FAIRLY_GOOD");
		assertThat(appraise(township, average, 2021, 75).text("grade")).isEqualTo("AVERAGE");

		JsonNode before = township.get("/api/organizations/" + town + "/secretary-appraisals?year=2021").json();
		assertThat(before.get("items")).hasSize(3);
		assertThat(before.get("items").get(0).get("award").isNull()).isTrue();

		Api.Response fin = township.post("/api/organizations/" + town + "/secretary-appraisals/finalize?year=2021", Map.of());
		assertThat(fin.status()).as(fin.body()).isEqualTo(200);
		JsonNode list = township.get("/api/organizations/" + town + "/secretary-appraisals?year=2021").json();
		Map<String, String> awards = new HashMap<>();
		Map<String, Boolean> interviews = new HashMap<>();
		for (JsonNode i : list.get("items")) {
			awards.put(i.get("organizationId").asText(), i.get("award").isNull() ? null : i.get("award").asText());
			interviews.put(i.get("organizationId").asText(), i.get("interview").asBoolean());
			assertThat(i.get("name").asText()).isNotBlank();
			assertThat(i.get("score")).isNotNull();
		}
		assertThat(awards).containsEntry(good, "RED_FLAG").containsEntry(average, "YELLOW_CARD")
			.containsEntry(poor, "YELLOW_CARD");
		assertThat(interviews).containsEntry(good, false).containsEntry(average, true).containsEntry(poor, true);

		JsonNode ivs = township.get("/api/organizations/" + town + "/interviews?year=2021").json().get("items");
		assertThat(ivs).hasSize(2);
		assertThat(ivs.findValuesAsString("office")).containsOnly("SECRETARY");
		assertThat(ivs.findValuesAsString("memberId")).contains(secretaryPoor);

		// final: no change, no second finalization
		assertThat(appraise(township, poor, 2021, 95).status()).isEqualTo(409);
		assertThat(township.post("/api/organizations/" + town + "/secretary-appraisals/finalize?year=2021", Map.of())
			.status()).isEqualTo(409);
	}

	@Test
	void onlyAnAccountAboveTheOrganizationAppraisesWithinRangeAndScope() {
		assertThat(appraise(township, good, 2020, 100.01).status()).isEqualTo(400);
		assertThat(appraise(township, good, 2020, -1).status()).isEqualTo(400);
		assertThat(appraise(township, good, 2020, "很好").status()).isEqualTo(400);
		assertThat(appraise(account("BRANCH_SECRETARY", good), good, 2020, 90).status()).isEqualTo(403);
		assertThat(appraise(township, town, 2020, 90).status()).isEqualTo(403);
		assertThat(appraise(account("INSPECTOR", town), good, 2020, 90).status()).isEqualTo(403);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外镇"));
		assertThat(appraise(account("TOWNSHIP_ADMIN", otherTown), good, 2020, 90).status()).isEqualTo(404);
		String noSecretary = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("空缺党支部"));
		Api.Response vacant = appraise(township, noSecretary, 2020, 90);
		assertThat(vacant.status()).isEqualTo(422);
		assertThat(vacant.json().get("detail").asText()).contains("没有在任书记");
		assertThat(township.get("/api/organizations/" + town + "/secretary-appraisals?year=2020").json().get("items"))
			.isEmpty();
		assertThat(township.post("/api/organizations/" + town + "/secretary-appraisals/finalize?year=2020", Map.of())
			.status()).isEqualTo(422);
		// the county appraises the township itself
		String townSecretary = TestData.createMember(admin, good, "镇书记", Gender.FEMALE, "FULL", "2005-05-01");
		admin.post("/api/organizations/" + town + "/offices",
				Map.of("memberId", townSecretary, "office", "SECRETARY", "startedOn", "2015-01-01"));
		assertThat(appraise(admin, town, 2020, 88).text("grade")).isEqualTo("FAIRLY_GOOD");
	}

	@Test
	void twoFinalizationsAtOnceFinalizeOnceAndInterviewOnce() {
		appraise(township, poor, 2019, 50);
		appraise(township, good, 2019, 95);
		List<Api.Response> results = Race.run(
				() -> township.post("/api/organizations/" + town + "/secretary-appraisals/finalize?year=2019", Map.of()),
				() -> admin.post("/api/organizations/" + town + "/secretary-appraisals/finalize?year=2019", Map.of()));
		assertThat(results).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		assertThat(township.get("/api/organizations/" + town + "/interviews?year=2019").json().get("items")).hasSize(1);
	}

	@Test
	void anEntryRacingTheFinalizationEitherLandsBeforeItOrIsRefused() {
		appraise(township, average, 2018, 70);
		List<Api.Response> results = Race.run(
				() -> township.post("/api/organizations/" + town + "/secretary-appraisals/finalize?year=2018", Map.of()),
				() -> appraise(township, average, 2018, 95));
		JsonNode item = township.get("/api/organizations/" + town + "/secretary-appraisals?year=2018").json()
			.get("items").get(0);
		if (results.get(1).status() == 200) {
			// the entry came first and the finalization saw it
			assertThat(item.get("award").asText()).isEqualTo("RED_FLAG");
			assertThat(item.get("interview").asBoolean()).isFalse();
		}
		else {
			assertThat(results.get(1).status()).isEqualTo(409);
			assertThat(item.get("award").asText()).isEqualTo("YELLOW_CARD");
			assertThat(item.get("interview").asBoolean()).isTrue();
		}
	}
}
