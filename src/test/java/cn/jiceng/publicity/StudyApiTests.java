package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Learning, publicity and care": night study sessions, the weeks without one, cross lectures. */
@ApiTest
class StudyApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String root;

	String town;

	String village;

	String member;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		root = TestData.rootId(admin);
		town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("夜学镇"));
		village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("夜学村"));
		member = TestData.createMember(admin, village, "参学甲", Gender.MALE, "FULL", "2015-07-01");
	}

	private Api.Response session(String org, String on, String form, List<String> attendees) {
		Map<String, Object> body = new HashMap<>();
		body.put("heldOn", on);
		body.put("form", form);
		body.put("topic", "学习党的二十届三中全会精神");
		body.put("lecturer", "王老师");
		body.put("attendeeMemberIds", attendees);
		return admin.post("/api/organizations/" + org + "/study-sessions", body);
	}

	@Test
	void aSessionIsRecordedWithItsAttendanceAndItsWeekLeavesTheGaps() {
		Api.Response r = session(town, "2021-01-06", "EXPERT_LECTURE", List.of(member, member));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("form")).isEqualTo("EXPERT_LECTURE");
		assertThat(r.json().get("attendeeMemberIds").valueStream().map(JsonNode::asText).toList()).containsExactly(member);
		assertThat(session(town, "2021-01-20", "ONLINE", List.of()).status()).isEqualTo(201);

		JsonNode gaps = admin.get("/api/organizations/" + town + "/study-gaps?year=2021").json().get("weeksWithout");
		List<String> weeks = gaps.valueStream().map(JsonNode::asText).toList();
		assertThat(weeks).hasSize(50).doesNotContain("2021-W01", "2021-W03").contains("2021-W02", "2021-W52");
		JsonNode list = admin.get("/api/organizations/" + town + "/study-sessions?year=2021").json();
		assertThat(list.get("items")).hasSize(2);
	}

	@Test
	void aVillageBranchHoldsNoNightStudyAndBadInputSavesNothing() {
		assertThat(session(village, "2021-01-06", "ONLINE", List.of()).status()).isEqualTo(400);
		Map<String, Object> body = new HashMap<>();
		body.put("heldOn", "2021-02-30");
		body.put("form", "KARAOKE");
		body.put("attendeeMemberIds", List.of("987654321012"));
		Api.Response bad = admin.post("/api/organizations/" + town + "/study-sessions", body);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("heldOn", "form", "topic", "attendeeMemberIds");
		assertThat(admin.get("/api/organizations/" + town + "/study-sessions?year=2021").json().get("items")).isEmpty();
	}

	@Test
	void aCrossLecturerMustComeFromAnotherTownship() {
		String other = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("巡讲镇"));
		String otherVillage = TestData.createOrg(admin, other, "BRANCH", "RURAL", TestData.unique("巡讲村"));
		String guest = TestData.createMember(admin, otherVillage, "书记乙", Gender.FEMALE, "FULL", "2010-07-01");

		Api.Response own = admin.post("/api/cross-lectures",
				Map.of("lecturerMemberId", member, "organizationId", town, "heldOn", "2025-03-01", "topic", "书记讲给书记听"));
		assertThat(own.status()).as(own.body()).isEqualTo(422);
		assertThat(own.json().get("detail").asText()).contains("其他乡镇");

		Api.Response ok = admin.post("/api/cross-lectures",
				Map.of("lecturerMemberId", guest, "organizationId", village, "heldOn", "2025-03-01", "topic", "强村富民"));
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		assertThat(ok.text("lecturerName")).isEqualTo("书记乙");
		assertThat(admin.get("/api/organizations/" + town + "/cross-lectures?year=2025").json().get("items")).hasSize(1);
	}

	@Test
	void aTownshipCannotRecordTheStudyOfAnotherTownship() {
		String other = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("别镇"));
		String user = TestData.unique("study").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Study-1234", "role",
				"TOWNSHIP_ADMIN", "organizationId", town)).status()).isEqualTo(201);
		Api township = admin.as(user, "Study-1234");
		Map<String, Object> body = Map.of("heldOn", "2025-01-06", "form", "LEADER_LED", "topic", "学习");
		assertThat(township.post("/api/organizations/" + other + "/study-sessions", body).status()).isEqualTo(404);
		assertThat(township.post("/api/organizations/" + town + "/study-sessions", body).status()).isEqualTo(201);
		assertThat(township.get("/api/organizations/" + other + "/study-gaps?year=2025").status()).isEqualTo(404);
		assertThat(township.post("/api/cross-lectures", Map.of("lecturerMemberId", member, "organizationId", other,
				"heldOn", "2025-03-01", "topic", "越界")).status()).isEqualTo(404);
	}
}
