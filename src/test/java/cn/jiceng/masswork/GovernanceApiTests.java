package cn.jiceng.masswork;

import java.util.List;
import java.util.Map;

import cn.jiceng.common.MemberCommitments;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Mass work": the village "135" records and the yearly view of which bodies exist and which systems ran. */
@ApiTest
class GovernanceApiTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberCommitments memberCommitments;

	Api admin;

	String town;

	String village;

	String m1;

	String m2;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("一三五镇"));
		village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("一三五村"));
		m1 = TestData.createMember(admin, village, "值班甲", Gender.MALE, "FULL", "2010-05-01");
		m2 = TestData.createMember(admin, village, "值班乙", Gender.FEMALE, "FULL", "2012-05-01");
	}

	Api account(String role, String org, String member) {
		String user = TestData.unique("gv").replace("-", "");
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("username", user, "password", "Mass-Pass-1", "role", role, "organizationId", org));
		if (member != null) {
			body.put("memberId", member);
		}
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Mass-Pass-1");
	}

	@Test
	void aVillageRunsTheFiveSystemsOfTheYearItHasRecordsFor() {
		JsonNode empty = admin.get("/api/organizations/" + village + "/governance-135?year=2025").json();
		assertThat(empty.get("bodies").get("VILLAGE_COMMITTEE").asBoolean()).isFalse();
		assertThat(empty.get("systems").get("COMMITMENTS").asBoolean()).isFalse();

		for (String kind : List.of("VILLAGE_COMMITTEE", "VILLAGERS_COUNCIL", "SUPERVISION_COMMITTEE")) {
			Api.Response b = admin.post("/api/organizations/" + village + "/village-bodies",
					Map.of("kind", kind, "memberNames", List.of("张主任", "李委员")));
			assertThat(b.status()).as(b.body()).isEqualTo(201);
		}
		Api.Response again = admin.post("/api/organizations/" + village + "/village-bodies",
				Map.of("kind", "VILLAGE_COMMITTEE", "memberNames", List.of("王")));
		assertThat(again.status()).isEqualTo(409);

		Api member = account("MEMBER", village, m1);
		Api.Response own = member.post("/api/members/" + m1 + "/commitments",
				Map.of("year", 2025, "text", "带头清理河道垃圾", "post", "GREEN_GUARD"));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		assertThat(own.text("postLabel")).isEqualTo("护绿岗");
		assertThat(member.post("/api/members/" + m2 + "/commitments", Map.of("year", 2025, "text", "代写承诺"))
			.status()).isEqualTo(404);
		assertThat(member.post("/api/members/" + m1 + "/commitments", Map.of("year", 2025, "text", "再来一条"))
			.status()).isEqualTo(409);
		assertThat(memberCommitments.of(Long.parseLong(m1)))
			.containsExactly(new MemberCommitments.Commitment(2025, "带头清理河道垃圾", "护绿岗"));

		Api.Response tuesday = admin.post("/api/organizations/" + village + "/duty-roster",
				Map.of("weekOf", "2025-03-04", "memberIds", List.of(m1)));
		assertThat(tuesday.status()).isEqualTo(400);
		assertThat(tuesday.body()).contains("2025-03-03");
		assertThat(admin.post("/api/organizations/" + village + "/duty-roster",
				Map.of("weekOf", "2025-03-03", "memberIds", List.of(m1, m2))).status()).isEqualTo(201);
		assertThat(admin.post("/api/organizations/" + village + "/duty-roster",
				Map.of("weekOf", "2025-03-03", "memberIds", List.of(m2))).status()).isEqualTo(409);
		JsonNode dutyOnly = admin.get("/api/organizations/" + village + "/governance-135?year=2025").json();
		assertThat(dutyOnly.get("systems").get("DUTY_AND_WEEKLY_MEETINGS").asBoolean()).as("a roster without a meeting")
			.isFalse();
		Api.Response meeting = admin.post("/api/organizations/" + village + "/weekly-meetings",
				Map.of("heldOn", "2025-03-03", "topic", "安排春耕和秤砣工作日", "attendeeMemberIds", List.of(m1, m2)));
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
		assertThat(meeting.json().get("attendees").get(1).get("name").asText()).isEqualTo("值班乙");

		assertThat(admin.post("/api/organizations/" + village + "/errands", Map.of("requester", "赵四", "content", "代缴医保",
				"receivedAt", "2025-05-06T09:00:00+08:00")).status()).isEqualTo(201);
		String decision = admin.post("/api/organizations/" + village + "/decisions",
				Map.of("title", "修订村规民约", "category", "VILLAGE_RULES")).text("id");
		assertThat(admin.post("/api/decisions/" + decision + "/steps", Map.of("step", "PROPOSAL", "on", "2025-06-01"))
			.status()).isEqualTo(201);
		approvedClaim(m2, "2025-04");

		JsonNode g = admin.get("/api/organizations/" + village + "/governance-135?year=2025").json();
		assertThat(g.get("bodies").toString()).doesNotContain("false");
		for (String s : List.of("COMMITMENTS", "DUTY_AND_WEEKLY_MEETINGS", "SERVICE_AGENCY", "MEMBER_POINTS",
				"FOUR_DELIBERATIONS")) {
			assertThat(g.get("systems").get(s).asBoolean()).as(s).isTrue();
		}
		JsonNode before = admin.get("/api/organizations/" + village + "/governance-135?year=2024").json();
		assertThat(before.get("bodies").get("VILLAGERS_COUNCIL").asBoolean()).isTrue();
		assertThat(before.get("systems").toString()).doesNotContain("true");

		JsonNode table = admin.get("/api/organizations/" + town + "/governance-135/villages?year=2025").json();
		assertThat(table).hasSize(1);
		assertThat(table.get(0).get("systemsRun").asInt()).isEqualTo(5);
		Api.Response xlsx = admin.get("/api/organizations/" + town + "/governance-135/villages.xlsx?year=2025");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).contains("spreadsheetml");
		assertThat(admin.get("/api/organizations/" + town + "/governance-135").status()).isEqualTo(400);
	}

	@Test
	void aRegisteredBodysMembersAreChangedWithItsVersionAndAStaleEditIsRefused() {
		Api.Response b = admin.post("/api/organizations/" + village + "/village-bodies",
				Map.of("kind", "VILLAGERS_COUNCIL", "memberNames", List.of("赵议事", "钱议事")));
		assertThat(b.status()).as(b.body()).isEqualTo(201);
		String id = b.text("id");
		int version = b.json().get("version").asInt();
		Api.Response empty = admin.patch("/api/village-bodies/" + id, Map.of("memberNames", List.of(), "version", version));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("请填写组织成员姓名");

		List<Api.Response> race = Race.run(
				() -> admin.patch("/api/village-bodies/" + id, Map.of("memberNames", List.of("孙议事"), "version", version)),
				() -> admin.patch("/api/village-bodies/" + id, Map.of("memberNames", List.of("李议事"), "version", version)));
		assertThat(race).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		Api.Response stale = race.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertThat(stale.body()).contains("已被他人修改");
		Api.Response won = race.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
		assertThat(won.json().get("version").asInt()).isEqualTo(version + 1);
		JsonNode bodies = admin.get("/api/organizations/" + village + "/village-bodies").json();
		assertThat(bodies.get(0).get("memberNames").size()).isEqualTo(1);
		assertThat(admin.get("/api/audit?entityId=" + id).body()).contains("UPDATE", "赵议事、钱议事");
		PageSession page = new PageSession(port);
		page.login("admin", ApiTest.ADMIN_PASSWORD);
		String villagePage = "/masswork/governance?organizationId=" + village;
		assertThat(page.get(villagePage).body()).contains("body-edit", "修改成员");
		java.net.http.HttpResponse<String> edited = page.postForm(villagePage, "/masswork/governance/bodies/" + id,
				Map.of("memberNames", "孙议事、吴议事", "version", Integer.toString(version + 1)));
		assertThat(edited.statusCode()).isEqualTo(302);
		assertThat(page.get(villagePage).body()).contains("孙议事、吴议事");
		page.postForm(villagePage, "/masswork/governance/bodies/" + id,
				Map.of("memberNames", "郑议事", "version", Integer.toString(version)));
		assertThat(page.get(villagePage).body()).contains("已被他人修改", "孙议事、吴议事");

		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("改他镇"));
		Api outsider = account("TOWNSHIP_ADMIN", otherTown, null);
		assertThat(outsider.patch("/api/village-bodies/" + id, Map.of("memberNames", List.of("周"), "version",
				version + 1)).status()).isEqualTo(404);
		Api cadre = account("CADRE", town, null);
		assertThat(cadre.patch("/api/village-bodies/" + id, Map.of("memberNames", List.of("周"), "version",
				version + 1)).status()).isEqualTo(403);
	}

	@Test
	void cadresAndInspectorsDoNotWriteTheVillageRecordsAndOutsidersDoNotSeeThem() {
		Api cadre = account("CADRE", town, null);
		assertThat(cadre.post("/api/organizations/" + village + "/weekly-meetings",
				Map.of("heldOn", "2025-03-03", "topic", "例会", "attendeeMemberIds", List.of(m1))).status()).isEqualTo(403);
		assertThat(cadre.post("/api/members/" + m1 + "/commitments", Map.of("year", 2025, "text", "承诺")).status())
			.isEqualTo(403);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		Api outsider = account("TOWNSHIP_ADMIN", otherTown, null);
		assertThat(outsider.get("/api/organizations/" + village + "/governance-135").status()).isEqualTo(404);
		assertThat(outsider.post("/api/organizations/" + village + "/duty-roster",
				Map.of("weekOf", "2025-03-03", "memberIds", List.of(m1))).status()).isEqualTo(404);
		Api.Response future = admin.post("/api/organizations/" + village + "/weekly-meetings",
				Map.of("heldOn", "2099-01-05", "topic", "例会", "attendeeMemberIds", List.of(m1)));
		assertThat(future.status()).isEqualTo(422);
		assertThat(admin.get("/api/organizations/" + village + "/weekly-meetings?year=2099").json()).isEmpty();
	}

	/** A vanguard point claim filed by the township and approved by the county (scoring's own API). */
	private void approvedClaim(String memberId, String month) {
		String code = TestData.unique("GV").replace("-", "_");
		Api.Response item = admin.post("/api/point-items", Map.of("code", code, "name", "志愿服务", "points", 2));
		assertThat(item.status()).as(item.body()).isEqualTo(201);
		Api township = account("TOWNSHIP_ADMIN", town, null);
		Api.Response claim = township.post("/api/members/" + memberId + "/point-claims",
				Map.of("month", month, "itemCode", code, "note", "参加河道清理"));
		assertThat(claim.status()).as(claim.body()).isEqualTo(201);
		Api.Response ok = admin.post("/api/point-claims/" + claim.text("id") + "/approve", Map.of());
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
	}
}
