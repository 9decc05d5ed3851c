package cn.jiceng.hardening;

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

/**
 * Issue 11: requests sent at the same instant (threads released together) must not break what one request at a
 * time keeps: no cycle in the tree, no overlapping periods.
 */
@ApiTest
class RaceApiTests {

	static final int TRIALS = 5;

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
	void movingTwoOrganizationsUnderEachOtherAtOnceMovesOneAndRefusesTheOther() {
		for (int trial = 0; trial < TRIALS; trial++) {
			String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
			String x = TestData.createOrg(admin, town, "COMMITTEE", "RURAL", TestData.unique("片区甲"));
			String y = TestData.createOrg(admin, town, "COMMITTEE", "RURAL", TestData.unique("片区乙"));
			TestData.createMember(admin, TestData.createOrg(admin, x, "BRANCH", "RURAL", TestData.unique("支部")),
					"甲片党员", Gender.MALE, "FULL", "2020-01-01");
			TestData.createMember(admin, TestData.createOrg(admin, y, "BRANCH", "RURAL", TestData.unique("支部")),
					"乙片党员", Gender.FEMALE, "FULL", "2020-01-01");

			List<Api.Response> answers = Race.run(
					() -> admin.post("/api/organizations/" + x + "/move", Map.of("parentId", y)),
					() -> admin.post("/api/organizations/" + y + "/move", Map.of("parentId", x)));

			String label = "trial " + trial + ": " + answers.get(0).body() + " / " + answers.get(1).body();
			assertThat(answers.stream().map(Api.Response::status).sorted().toList()).as(label).containsExactly(200, 422);
			String px = admin.get("/api/organizations/" + x).text("parentId");
			String py = admin.get("/api/organizations/" + y).text("parentId");
			assertThat(List.of(px, py)).as(label).containsExactlyInAnyOrder(town, px.equals(town) ? x : y);
			assertThat(admin.get("/api/organizations/" + town).json().get("memberCount").asInt())
				.as("both members still inside the township, " + label).isEqualTo(2);
			assertThat(admin.get("/api/members?organizationId=" + town + "&subtree=true").json().get("total").asInt())
				.as(label).isEqualTo(2);
		}
	}

	@Test
	void overlappingMobilityPeriodsSentTogetherStoreOnlyOne() {
		for (int trial = 0; trial < TRIALS; trial++) {
			String member = member();
			List<Api.Response> answers = Race.run(
					() -> admin.post("/api/members/" + member + "/mobility",
							Map.of("destination", "浙江省杭州市", "startedOn", "2025-01-01")),
					() -> admin.post("/api/members/" + member + "/mobility",
							Map.of("destination", "江苏省苏州市", "startedOn", "2025-03-01", "endedOn", "2025-06-30")));

			assertThat(answers.stream().map(Api.Response::status).sorted().toList()).as("trial " + trial)
				.containsExactly(201, 422);
			assertThat(admin.get("/api/members/" + member + "/mobility").json().size()).as("trial " + trial).isEqualTo(1);
		}
	}

	@Test
	void overlappingCadreDutiesInOneVillageSentTogetherStoreOnlyOne() {
		for (int trial = 0; trial < TRIALS; trial++) {
			String cadre = member();
			String village = TestData.createOrg(admin, TestData.createOrg(admin, root, "COMMITTEE", "RURAL",
					TestData.unique("镇")), "BRANCH", "RURAL", TestData.unique("村支部"));
			List<Api.Response> answers = Race.run(
					() -> admin.post("/api/members/" + cadre + "/cadre-duties",
							Map.of("organizationId", village, "startedOn", "2025-01-01")),
					() -> admin.post("/api/members/" + cadre + "/cadre-duties",
							Map.of("organizationId", village, "startedOn", "2025-02-01", "endedOn", "2025-12-31")));

			assertThat(answers.stream().map(Api.Response::status).sorted().toList()).as("trial " + trial)
				.containsExactly(201, 409);
			assertThat(admin.get("/api/members/" + cadre + "/cadre-duties").json().get("items").size())
				.as("trial " + trial).isEqualTo(1);
		}
	}

	@Test
	void twoVillageSecretariesDesignatedTogetherLeaveOneOpenTermAndNoOverlap() {
		for (int trial = 0; trial < TRIALS; trial++) {
			String village = TestData.createOrg(admin, TestData.createOrg(admin, root, "COMMITTEE", "RURAL",
					TestData.unique("镇")), "BRANCH", "RURAL", TestData.unique("村支部"));
			String first = TestData.createMember(admin, village, "书记甲", Gender.MALE, "FULL", "2010-01-01");
			String second = TestData.createMember(admin, village, "书记乙", Gender.MALE, "FULL", "2010-01-01");

			List<Api.Response> answers = Race.run(
					() -> admin.put("/api/organizations/" + village + "/village-secretary",
							Map.of("memberId", first, "startedOn", "2024-01-01")),
					() -> admin.put("/api/organizations/" + village + "/village-secretary",
							Map.of("memberId", second, "startedOn", "2024-06-01")));

			assertThat(answers).as("trial " + trial).anyMatch(a -> a.status() == 200);
			JsonNode terms = admin.get("/api/organizations/" + village + "/village-secretary").json().get("items");
			int open = 0;
			for (JsonNode t : terms) {
				open += t.get("endedOn").isNull() ? 1 : 0;
			}
			assertThat(open).as("trial " + trial + ": " + terms).isEqualTo(1);
			if (terms.size() == 2) {
				// newest first: the earlier term ends the day before the later one starts
				assertThat(terms.get(1).get("endedOn").asText()).as("trial " + trial).isEqualTo("2024-05-31");
			}
		}
	}

	private String member() {
		String branch = TestData.createOrg(admin, root, "BRANCH", "RURAL", TestData.unique("支部"));
		return TestData.createMember(admin, branch, "流动党员", Gender.MALE, "FULL", "2015-01-01");
	}
}
