package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * API.md "Organization assessment", inspection rankings: a round of a township over its branches, the score table,
 * the ranking with shared ranks, publication with the interviews of the bottom-ranked's secretary and organization
 * member, the bulletin and recording the interviews as held.
 */
@ApiTest
class InspectionApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String a;

	String b;

	String c;

	String secretaryC;

	String organizerC;

	Api township;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("赛事镇"));
		a = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("甲村党支部"));
		b = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("乙村党支部"));
		c = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("丙村党支部"));
		secretaryC = TestData.createMember(admin, c, "丙书记", Gender.MALE, "FULL", "2010-05-01");
		organizerC = TestData.createMember(admin, c, "丙组委", Gender.FEMALE, "FULL", "2012-05-01");
		office(c, secretaryC, "SECRETARY", "2020-01-01");
		office(c, organizerC, "ORGANIZATION_MEMBER", "2020-01-01");
		township = account("TOWNSHIP_ADMIN", town);
	}

	void office(String org, String member, String office, String from) {
		Api.Response r = admin.post("/api/organizations/" + org + "/offices",
				Map.of("memberId", member, "office", office, "startedOn", from));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	Api account(String role, String org) {
		String user = TestData.unique("in").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Inspect-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Inspect-Pass-1");
	}

	Api.Response round(Api api, String kind, List<String> targets) {
		return api.post("/api/inspections", Map.of("name", "第一季度经常赛", "kind", kind, "heldOn", "2024-03-20",
				"organizationIds", targets, "items", List.of(Map.of("code", "BASE", "name", "基础工作", "points", 60),
						Map.of("code", "FEAT", "name", "特色亮点", "points", 40))));
	}

	static Map<String, Object> cell(String org, String item, Object points) {
		return Map.of("organizationId", org, "itemCode", item, "points", points);
	}

	@Test
	void aPublishedRankingSharesRanksAndInterviewsTheBottomRankedsSecretaryAndOrganizationMember() throws Exception {
		Api.Response created = round(township, "FREQUENT", List.of(a, b, c));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.text("id");
		assertThat(created.json().get("targets")).hasSize(3);
		Api.Response scored = township.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(
				cell(a, "BASE", 50), cell(a, "FEAT", 30), cell(b, "BASE", 40), cell(b, "FEAT", 40),
				cell(c, "BASE", 50), cell(c, "FEAT", 19.5))));
		assertThat(scored.status()).as(scored.body()).isEqualTo(200);

		JsonNode live = township.get("/api/inspections/" + id + "/ranking").json();
		assertThat(live.get("items").get(0).get("rank").asInt()).isEqualTo(1);
		assertThat(live.get("items").get(1).get("rank").asInt()).isEqualTo(1);
		assertThat(live.get("items").get(2).get("rank").asInt()).isEqualTo(3);
		assertThat(live.get("items").get(2).get("organizationId").asText()).isEqualTo(c);
		assertThat(live.get("items").get(2).get("score").decimalValue()).isEqualByComparingTo("69.5");
		assertThat(live.get("interviews")).isEmpty();

		Api.Response published = township.post("/api/inspections/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		JsonNode ranking = township.get("/api/inspections/" + id + "/ranking").json();
		JsonNode interviews = ranking.get("interviews");
		assertThat(interviews).hasSize(2);
		List<String> offices = new ArrayList<>();
		for (JsonNode v : interviews) {
			assertThat(v.get("organizationId").asText()).isEqualTo(c);
			assertThat(v.get("heldOn").isNull()).isTrue();
			offices.add(v.get("office").asText() + ":" + v.get("memberId").asText() + ":" + v.get("name").asText());
		}
		assertThat(offices).containsExactlyInAnyOrder("SECRETARY:" + secretaryC + ":丙书记",
				"ORGANIZATION_MEMBER:" + organizerC + ":丙组委");

		// frozen after publication
		assertThat(township.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(cell(c, "BASE", 60))))
			.status()).isEqualTo(409);
		assertThat(township.post("/api/inspections/" + id + "/publish", Map.of()).status()).isEqualTo(409);

		// recorded when held
		String interview = interviews.get(0).get("id").asText();
		assertThat(township.post("/api/interviews/" + interview + "/held", Map.of("heldOn", "2024-03-25")).status())
			.isEqualTo(400);
		Api.Response held = township.post("/api/interviews/" + interview + "/held",
				Map.of("heldOn", "2024-03-25", "notes", "指出问题三条，限期整改"));
		assertThat(held.status()).as(held.body()).isEqualTo(200);
		assertThat(held.text("heldOn")).isEqualTo("2024-03-25");
		assertThat(township.post("/api/interviews/" + interview + "/held",
				Map.of("heldOn", "2024-03-26", "notes", "再记一次")).status()).isEqualTo(409);
		JsonNode ofTown = township.get("/api/organizations/" + town + "/interviews?year=2024").json();
		assertThat(ofTown.get("items")).hasSize(2);

		JsonNode list = township.get("/api/inspections?year=2024").json();
		assertThat(list.get("items").findValuesAsString("id")).contains(id);

		Api.Response pdf = township.get("/api/inspections/" + id + "/bulletin.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).contains("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
		Files.write(Path.of("target", "inspection-bulletin.pdf"), pdf.bytes());

		Api.Response xlsx = township.get("/api/inspections/" + id + "/ranking.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(new String(xlsx.bytes(), 0, 2)).isEqualTo("PK");

		// a target's own secretary reads the ranking but cannot enter scores
		Api branchC = account("BRANCH_SECRETARY", c);
		assertThat(branchC.get("/api/inspections/" + id + "/ranking").status()).isEqualTo(200);
		assertThat(branchC.post("/api/interviews/" + interview + "/held", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedWithAReasonAndNothingIsSaved() {
		assertThat(round(account("BRANCH_SECRETARY", a), "FREQUENT", List.of(a)).status()).isEqualTo(403);
		assertThat(round(township, "REGULAR", List.of(a)).status()).isEqualTo(400);
		assertThat(round(township, "FREQUENT", List.of(town)).status()).isEqualTo(400);
		Api.Response noItems = township.post("/api/inspections", Map.of("name", "空赛", "kind", "THEMATIC",
				"heldOn", "2024-05-01", "organizationIds", List.of(a), "items", List.of()));
		assertThat(noItems.status()).isEqualTo(400);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外镇"));
		String outside = TestData.createOrg(admin, otherTown, "BRANCH", "RURAL", TestData.unique("外村党支部"));
		assertThat(round(township, "FREQUENT", List.of(a, outside)).status()).isEqualTo(404);

		String id = round(township, "FREQUENT", List.of(a, b)).text("id");
		Api.Response above = township.put("/api/inspections/" + id + "/scores",
				Map.of("scores", List.of(cell(a, "BASE", 30), cell(b, "BASE", 61))));
		assertThat(above.status()).isEqualTo(400);
		assertThat(above.json().get("errors").get(0).get("field").asText()).isEqualTo("scores[1].points");
		assertThat(above.json().get("errors").get(0).get("message").asText()).contains("不能超过本项分值60分");
		assertThat(township.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(cell(c, "BASE", 30))))
			.status()).isEqualTo(400);
		assertThat(township.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(cell(a, "NOPE", 3))))
			.status()).isEqualTo(400);
		JsonNode round = township.get("/api/inspections/" + id).json();
		assertThat(round.get("scores")).isEmpty();
		assertThat(round.get("version").asInt()).isZero();

		// publishing with cells still empty is refused with the missing ones named
		township.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(cell(a, "BASE", 30))));
		Api.Response early = township.post("/api/inspections/" + id + "/publish", Map.of());
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("detail").asText()).contains("未评分");
		assertThat(township.get("/api/inspections/" + id + "/ranking").json().get("interviews")).isEmpty();

		// another township's round is not there
		Api otherAdmin = account("TOWNSHIP_ADMIN", otherTown);
		assertThat(otherAdmin.get("/api/inspections/" + id + "/ranking").status()).isEqualTo(404);
		assertThat(otherAdmin.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(cell(a, "BASE", 1))))
			.status()).isEqualTo(404);
	}

	@Test
	void twoScoreEntriesOnTheSameVersionSaveOneAndRefuseTheOther() {
		String id = round(township, "FREQUENT", List.of(a, b)).text("id");
		List<Api.Response> results = Race.run(
				() -> township.put("/api/inspections/" + id + "/scores",
						Map.of("version", 0, "scores", List.of(cell(a, "BASE", 10)))),
				() -> township.put("/api/inspections/" + id + "/scores",
						Map.of("version", 0, "scores", List.of(cell(a, "BASE", 20)))));
		assertThat(results).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		JsonNode round = township.get("/api/inspections/" + id).json();
		assertThat(round.get("version").asInt()).isEqualTo(1);
	}

	@Test
	void twoPublicationsAtOnceCreateTheInterviewsOnce() {
		String id = round(township, "FREQUENT", List.of(a, c)).text("id");
		township.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(cell(a, "BASE", 50),
				cell(a, "FEAT", 30), cell(c, "BASE", 10), cell(c, "FEAT", 10))));
		List<Api.Response> results = Race.run(() -> township.post("/api/inspections/" + id + "/publish", Map.of()),
				() -> admin.post("/api/inspections/" + id + "/publish", Map.of()));
		assertThat(results).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		assertThat(township.get("/api/inspections/" + id + "/ranking").json().get("interviews")).hasSize(2);
	}

	@Test
	void aVacantOrganizationMemberPostIsNamedInsteadOfInterviewed() {
		String id = round(township, "FREQUENT", List.of(a, b)).text("id");
		township.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(cell(a, "BASE", 50),
				cell(a, "FEAT", 30), cell(b, "BASE", 10), cell(b, "FEAT", 10))));
		JsonNode published = township.post("/api/inspections/" + id + "/publish", Map.of()).json();
		assertThat(published.get("interviews")).isEmpty();
		assertThat(published.get("vacancies")).hasSize(2);
		assertThat(published.get("vacancies").get(0).asText()).contains("无在任书记");
	}
}
