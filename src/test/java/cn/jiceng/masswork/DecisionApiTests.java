package cn.jiceng.masswork;

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

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Mass work": 四议两公开 decisions, their steps in order with the thresholds, the record, races and roles. */
@ApiTest
class DecisionApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String village;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("议事镇"));
		village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("议事村"));
		for (String name : List.of("党员甲", "党员乙", "党员丙")) {
			TestData.createMember(admin, village, name, Gender.MALE, "FULL", "2010-05-01");
		}
	}

	String decision(boolean combined) {
		Api.Response r = admin.post("/api/organizations/" + village + "/decisions",
				Map.of("title", "村集体山林流转方案", "category", "LAND", "combinedProposal", combined));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("nextStep")).isEqualTo("PROPOSAL");
		return r.text("id");
	}

	Api.Response step(String id, String step, String on, Object... more) {
		Map<String, Object> body = new HashMap<>();
		body.put("step", step);
		body.put("on", on);
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return admin.post("/api/decisions/" + id + "/steps", body);
	}

	@Test
	void aDecisionPassesTheSixStepsInOrderAndPrintsItsRecord() {
		String id = decision(false);
		Api.Response skip = step(id, "MEMBERS_REVIEW", "2025-03-01", "present", 3, "yes", 3);
		assertThat(skip.status()).isEqualTo(422);
		assertThat(skip.json().get("detail").asText()).contains("下一步应为", "村党组织提议");
		assertThat(step(id, "PROPOSAL", "2025-03-01", "notes", "支委会提议").status()).isEqualTo(201);
		assertThat(step(id, "DELIBERATION", "2025-03-03").json().get("nextStep").asText()).isEqualTo("MEMBERS_REVIEW");

		// the roll knows the village's three members: two present is two thirds, two yes more than half of three
		Api.Response short1 = step(id, "MEMBERS_REVIEW", "2025-03-05", "present", 1, "yes", 1);
		assertThat(short1.status()).isEqualTo(422);
		assertThat(short1.json().get("detail").asText()).contains("不足应到会党员3名的三分之二");
		Api.Response wrongRoll = step(id, "MEMBERS_REVIEW", "2025-03-05", "entitled", 40, "present", 30, "yes", 30);
		assertThat(wrongRoll.status()).isEqualTo(400);
		assertThat(wrongRoll.body()).contains("在册党员3名");
		JsonNode reviewed = step(id, "MEMBERS_REVIEW", "2025-03-05", "present", 2, "yes", 2).json();
		assertThat(reviewed.get("steps").get(2).get("entitled").asInt()).isEqualTo(3);

		Api.Response fewYes = step(id, "VILLAGERS_RESOLUTION", "2025-03-08", "body", "REPRESENTATIVES", "entitled", 30,
				"present", 20, "yes", 15);
		assertThat(fewYes.status()).isEqualTo(422);
		assertThat(fewYes.json().get("detail").asText()).contains("全体村民代表30名的半数");
		assertThat(step(id, "VILLAGERS_RESOLUTION", "2025-03-08", "body", "REPRESENTATIVES", "entitled", 30, "present",
				20, "yes", 16).status()).isEqualTo(201);
		Api.Response noPlace = step(id, "RESOLUTION_DISCLOSED", "2025-03-09", "days", 7);
		assertThat(noPlace.status()).isEqualTo(400);
		assertThat(noPlace.body()).contains("place");
		assertThat(step(id, "RESOLUTION_DISCLOSED", "2025-03-09", "place", "村务公开栏", "days", 7).status()).isEqualTo(201);
		assertThat(step(id, "RESULT_DISCLOSED", "2025-03-02", "place", "村务公开栏", "days", 7).json().get("detail")
			.asText()).contains("不能早于上一步");
		JsonNode done = step(id, "RESULT_DISCLOSED", "2025-06-09", "place", "村务公开栏", "days", 10).json();
		assertThat(done.get("nextStep").isNull()).isTrue();
		assertThat(done.get("status").asText()).isEqualTo("COMPLETED");

		JsonNode got = admin.get("/api/decisions/" + id).json();
		assertThat(got.get("title").asText()).isEqualTo("村集体山林流转方案");
		assertThat(got.get("steps")).hasSize(6);
		assertThat(got.get("steps").get(5).get("place").asText()).isEqualTo("村务公开栏");
		assertThat(got.get("nextStep").isNull()).isTrue();
		Api.Response pdf = admin.get("/api/decisions/" + id + "/record.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).contains("application/pdf");
		JsonNode list = admin.get("/api/organizations/" + town + "/decisions?status=COMPLETED").json();
		assertThat(list.get("total").asInt()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("stepsDone").asInt()).isEqualTo(6);
	}

	@Test
	void aCombinedProposalLeadsStraightToTheMembersReview() {
		String id = decision(true);
		assertThat(step(id, "PROPOSAL", "2025-04-01").json().get("nextStep").asText()).isEqualTo("MEMBERS_REVIEW");
		Api.Response separate = step(id, "DELIBERATION", "2025-04-02");
		assertThat(separate.status()).isEqualTo(422);
		assertThat(separate.json().get("detail").asText()).contains("一肩挑");
		Api.Response meeting = step(id, "MEMBERS_REVIEW", "2025-04-03", "present", 3, "yes", 2);
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
		Api.Response villagers = step(id, "VILLAGERS_RESOLUTION", "2025-04-04", "body", "VILLAGERS_MEETING", "entitled",
				100, "present", 50, "yes", 50);
		assertThat(villagers.status()).isEqualTo(422);
		assertThat(admin.get("/api/decisions/" + id).json().get("steps")).hasSize(2);
	}

	@Test
	void theSameStepRecordedTwiceAtOnceIsRecordedOnce() {
		String id = decision(false);
		List<Api.Response> answers = Race.run(() -> step(id, "PROPOSAL", "2025-05-01", "notes", "甲"),
				() -> step(id, "PROPOSAL", "2025-05-01", "notes", "乙"));
		String told = answers.get(0).body() + " | " + answers.get(1).body();
		assertThat(answers).as(told).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
		assertThat(admin.get("/api/decisions/" + id).json().get("steps")).hasSize(1);
	}

	@Test
	void onlyAVillageDecidesAndCadresOrOutsidersCannotRecord() {
		Api.Response township = admin.post("/api/organizations/" + town + "/decisions",
				Map.of("title", "镇级事项", "category", "PLAN"));
		assertThat(township.status()).isEqualTo(400);
		assertThat(township.body()).contains("不是村（社区）党组织");
		Api.Response badCategory = admin.post("/api/organizations/" + village + "/decisions",
				Map.of("title", "x", "category", "WAR"));
		assertThat(badCategory.status()).isEqualTo(400);
		String id = decision(false);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		Api outsider = account("TOWNSHIP_ADMIN", otherTown);
		assertThat(outsider.get("/api/decisions/" + id).status()).isEqualTo(404);
		assertThat(outsider.post("/api/decisions/" + id + "/steps", Map.of("step", "PROPOSAL", "on", "2025-05-01"))
			.status()).isEqualTo(404);
		Api cadre = account("CADRE", town);
		assertThat(cadre.post("/api/decisions/" + id + "/steps", Map.of("step", "PROPOSAL", "on", "2025-05-01"))
			.status()).isEqualTo(403);
		assertThat(admin.get("/api/decisions/" + id).json().get("steps")).isEmpty();
	}

	Api account(String role, String org) {
		String user = TestData.unique("dc").replace("-", "");
		Api.Response r = admin.post("/api/accounts",
				Map.of("username", user, "password", "Mass-Pass-1", "role", role, "organizationId", org));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Mass-Pass-1");
	}
}
