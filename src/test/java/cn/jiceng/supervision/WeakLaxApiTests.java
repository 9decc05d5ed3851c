package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

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
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API.md "Responsibility and supervision", weak-and-lax: the candidate run with its criteria, the county's
 * confirmation, measures, the stages and the closing rule, and what the list changes elsewhere.
 */
@ApiTest
class WeakLaxApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	Api account(Api admin, String role, String org) {
		String user = TestData.unique("wl").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "WeakLax-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "WeakLax-Pass-1");
	}

	static Map<String, Object> confirmation(int year, String org, List<Object> criteria, String helper) {
		Map<String, Object> body = new HashMap<>();
		body.put("year", year);
		body.put("organizationId", org);
		body.put("criteria", criteria);
		body.put("countyLeaderMemberId", helper);
		body.put("townshipSecretaryMemberId", helper);
		body.put("residentCadreMemberId", helper);
		return body;
	}

	static JsonNode candidate(JsonNode candidates, String org) {
		for (JsonNode i : candidates.get("items")) {
			if (i.get("organizationId").asText().equals(org)) {
				return i;
			}
		}
		return null;
	}

	static List<String> codes(JsonNode criteria) {
		return criteria.valueStream().map(c -> c.get("code").asText()).toList();
	}

	@Test
	void theCountyConfirmsACandidateOnceAndItsStagesMoveInOrder() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		int year = TODAY.getYear() - 1;
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("整顿镇"));
		String good = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("先进村"));
		String weak = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("涣散村"));
		String helper = TestData.createMember(admin, good, "帮扶干部", Gender.MALE, "FULL", "2005-07-01");
		String former = TestData.createMember(admin, weak, "原书记", Gender.MALE, "FULL", "2005-07-01");
		assertThat(admin.post("/api/organizations/" + weak + "/offices", Map.of("memberId", former, "office",
				"SECRETARY", "startedOn", "2015-01-01", "endedOn", year + "-03-31")).status()).isEqualTo(201);
		Api.Response round = admin.post("/api/inspections", Map.of("name", "村级党建专项赛", "kind", "THEMATIC", "heldOn",
				year + "-06-01", "organizationIds", List.of(good, weak), "items",
				List.of(Map.of("code", "ALL", "name", "综合", "points", 100))));
		assertThat(round.status()).as(round.body()).isEqualTo(201);
		String roundId = round.text("id");
		assertThat(admin.put("/api/inspections/" + roundId + "/scores", Map.of("scores", List.of(
				Map.of("organizationId", good, "itemCode", "ALL", "points", 90),
				Map.of("organizationId", weak, "itemCode", "ALL", "points", 60)))).status()).isEqualTo(200);
		assertThat(admin.post("/api/inspections/" + roundId + "/publish", Map.of()).status()).isEqualTo(200);

		Api.Response run = admin.get("/api/organizations/" + town + "/weak-and-lax/candidates?year=" + year);
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(codes(run.json().get("criteria"))).contains("SECRETARY_VACANT", "ORG_LIFE_NOT_HELD",
				"NO_NEW_CANDIDATES", "LAST_IN_INSPECTION");
		JsonNode weakCandidate = candidate(run.json(), weak);
		assertThat(weakCandidate).isNotNull();
		assertThat(codes(weakCandidate.get("criteria"))).contains("SECRETARY_VACANT", "NO_NEW_CANDIDATES",
				"LAST_IN_INSPECTION");
		assertThat(weakCandidate.get("criteria").get(0).get("message").asText())
			.isEqualTo("书记岗位自" + year + "-04-01起空缺至" + year + "-12-31，超过3个月");
		assertThat(codes(candidate(run.json(), good).get("criteria"))).doesNotContain("SECRETARY_VACANT",
				"LAST_IN_INSPECTION");

		Api township = account(admin, "TOWNSHIP_ADMIN", town);
		List<Object> criteria = List.of("SECRETARY_VACANT", "LAST_IN_INSPECTION",
				Map.of("code", "MANUAL", "note", "班子不团结、内耗严重、工作不能正常开展"));
		assertThat(township.get("/api/organizations/" + town + "/weak-and-lax/candidates?year=" + year).status())
			.isEqualTo(200);
		assertThat(township.post("/api/weak-and-lax", confirmation(year, weak, criteria, helper)).status())
			.isEqualTo(403);
		Api.Response noHelper = admin.post("/api/weak-and-lax", confirmation(year, weak, criteria, null));
		assertThat(noHelper.status()).isEqualTo(400);
		assertThat(noHelper.body()).contains("countyLeaderMemberId", "请选择挂点县级领导");
		assertThat(admin.post("/api/weak-and-lax", confirmation(year, weak, List.of("MANUAL"), helper)).status())
			.isEqualTo(400);
		Api.Response unmet = admin.post("/api/weak-and-lax", confirmation(year, good, List.of("LAST_IN_INSPECTION"), helper));
		assertThat(unmet.status()).isEqualTo(422);
		assertThat(unmet.body()).contains("考核排名末位");

		List<Api.Response> confirmed = Race.run(
				() -> admin.post("/api/weak-and-lax", confirmation(year, weak, criteria, helper)),
				() -> admin.post("/api/weak-and-lax", confirmation(year, weak, criteria, helper)));
		assertThat(confirmed).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
		Api.Response created = confirmed.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
		assertThat(created.text("status")).isEqualTo("RECTIFYING");
		String id = created.text("id");

		JsonNode list = admin.get("/api/organizations/" + town + "/weak-and-lax?year=" + year).json();
		assertThat(list.get("items")).hasSize(1);
		JsonNode item = list.get("items").get(0);
		assertThat(item.get("organizationId").asText()).isEqualTo(weak);
		assertThat(item.get("countyLeaderMemberId").asText()).isEqualTo(helper);
		assertThat(codes(item.get("criteria"))).containsExactly("SECRETARY_VACANT", "LAST_IN_INSPECTION", "MANUAL");
		assertThat(item.get("criteria").get(2).get("note").asText()).isEqualTo("班子不团结、内耗严重、工作不能正常开展");
		assertThat(candidate(admin.get("/api/organizations/" + town + "/weak-and-lax/candidates?year=" + year).json(),
				weak).get("listedStatus").asText()).isEqualTo("RECTIFYING");

		assertThat(township.post("/api/weak-and-lax/" + id + "/measures", Map.of("on", year + "-05-10", "kind",
				"STRENGTHEN_TEAM", "note", "选派驻村第一书记，配齐村“两委”班子")).status()).isEqualTo(201);
		assertThat(admin.post("/api/weak-and-lax/" + id + "/measures", Map.of("on", year + "-05-10", "kind",
				"HELP", "note", "x")).status()).isEqualTo(400);
		assertThat(admin.post("/api/weak-and-lax/" + id + "/measures", Map.of("on", TODAY.plusDays(1).toString(),
				"kind", "GROW_INDUSTRY", "note", "x")).status()).isEqualTo(400);

		assertThat(admin.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "CONSOLIDATED")).status())
			.isEqualTo(422);
		List<Api.Response> advanced = Race.run(
				() -> admin.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "TRANSFORMED")),
				() -> township.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "TRANSFORMED")));
		assertThat(advanced).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		assertThat(township.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "CONSOLIDATED")).status())
			.isEqualTo(200);
		assertThat(township.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "CLOSED")).status())
			.isEqualTo(403);
		Api.Response notCompliant = admin.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "CLOSED"));
		assertThat(notCompliant.status()).isEqualTo(422);
		assertThat(notCompliant.body()).contains("组织生活未达标");
		assertThat(admin.get("/api/weak-and-lax/" + id).text("status")).isEqualTo("CONSOLIDATED");

		Map<String, Object> nomination = new HashMap<>(Map.of("year", year, "award", "ADVANCED_ORGANIZATION", "level",
				"COUNTY", "organizationId", weak));
		Api.Response refused = admin.post("/api/commendations", nomination);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("reasons").valueStream().map(r -> r.get("code").asText()))
			.contains("WEAK_AND_LAX");
		JsonNode coverage = admin.get("/api/organizations/" + town + "/contact-assignments?year=" + year).json();
		assertThat(coverage.get("uncovered")).anyMatch(u -> u.get("organizationId").asText().equals(weak)
				&& u.get("kind").asText().equals("FIRST_SECRETARY_TO_VILLAGE"));
		assertThat(coverage.get("uncovered")).noneMatch(u -> u.get("organizationId").asText().equals(good)
				&& u.get("kind").asText().equals("FIRST_SECRETARY_TO_VILLAGE"));
	}

	@Test
	void closingNeedsTheLatestThreeEndedMonthsCompliantInEveryBranch() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		int year = TODAY.getYear();
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("销号镇"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("转化村"));
		String member = TestData.createMember(admin, village, "村党员", Gender.FEMALE, "FULL", "2005-07-01");
		Api.Response created = admin.post("/api/weak-and-lax", confirmation(year, village,
				List.of(Map.of("code", "MANUAL", "note", "无村级组织活动场所")), member));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.text("id");
		assertThat(admin.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "TRANSFORMED")).status())
			.isEqualTo(200);
		assertThat(admin.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "CONSOLIDATED")).status())
			.isEqualTo(200);
		for (YearMonth month : WeakLaxPolicy.closingMonths(TODAY, 3)) {
			meeting(admin, village, "THEMED_DAY", month.atDay(10));
			if (month.getMonthValue() % 3 == 0) {
				meeting(admin, village, "BRANCH_ASSEMBLY", month.atDay(11));
				meeting(admin, village, "PARTY_LECTURE", month.atDay(12));
			}
		}

		Api.Response closed = admin.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "CLOSED"));

		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.text("status")).isEqualTo("CLOSED");
		assertThat(admin.post("/api/weak-and-lax/" + id + "/measures", Map.of("on", TODAY.toString(), "kind",
				"ENRICH_PEOPLE", "note", "发展村集体经济")).status()).isEqualTo(409);
		assertThat(admin.post("/api/weak-and-lax/" + id + "/advance", Map.of("to", "CLOSED")).status()).isEqualTo(409);

		PageSession page = new PageSession(port);
		page.login("admin", ApiTest.ADMIN_PASSWORD);
		assertThat(page.get("/supervision/weak-and-lax?org=" + town + "&year=" + year).body()).contains("已销号",
				"无村级组织活动场所");
		assertThat(page.get("/audit?entityId=" + id).body()).contains("软弱涣散党组织", "推进整顿阶段", "已销号");
		Api.Response excel = admin.get("/api/organizations/" + town + "/weak-and-lax.xlsx?year=" + year);
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.contentType()).contains("spreadsheetml");
	}

	private static void meeting(Api admin, String branch, String type, LocalDate on) {
		Map<String, Object> body = new HashMap<>();
		body.put("type", type);
		body.put("heldOn", on.toString());
		body.put("theme", "组织生活主题 " + on);
		body.put("firstTopic", "学习贯彻党的二十届四中全会精神");
		body.put("minutes", "会议记录");
		body.put("attendance", List.of());
		Api.Response r = admin.post("/api/organizations/" + branch + "/meetings", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}
}
