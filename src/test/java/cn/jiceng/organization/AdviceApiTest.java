package cn.jiceng.organization;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceApiTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	private Api admin;
	private String root;

	@BeforeAll
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		root = TestData.rootId(admin);
	}

	private String township() {
		return TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("建议测试镇"));
	}

	private String org(String parent, String kind, String field, LocalDate termStartedOn, Integer termYears) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", TestData.unique("建议测试" + kind));
		body.put("kind", kind);
		body.put("field", field);
		body.put("parentId", parent);
		body.put("termStartedOn", termStartedOn == null ? null : termStartedOn.toString());
		body.put("termYears", termYears);
		Api.Response r = admin.post("/api/organizations", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	private void members(String branch, int count, String category) {
		for (int i = 0; i < count; i++) {
			TestData.createMember(admin, branch, "成员" + i, i % 2 == 0 ? Gender.MALE : Gender.FEMALE, category,
					"2015-07-01");
		}
	}

	/** organizationId → advice codes of the subtree. */
	private Map<String, List<String>> advice(String organizationId) {
		Api.Response r = admin.get("/api/organizations/" + organizationId + "/advice");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<String, List<String>> out = new HashMap<>();
		for (JsonNode a : r.json()) {
			out.computeIfAbsent(a.get("organizationId").asText(), k -> new ArrayList<>()).add(a.get("code").asText());
		}
		return out;
	}

	private String message(String organizationId, String scopeId, String code) {
		for (JsonNode a : admin.get("/api/organizations/" + scopeId + "/advice").json()) {
			if (a.get("organizationId").asText().equals(organizationId) && a.get("code").asText().equals(code)) {
				return a.get("message").asText();
			}
		}
		return null;
	}

	private int setting(String key) {
		return admin.get("/api/rule-settings?year=" + TODAY.getYear()).json().get(key).asInt();
	}

	private void patchSetting(String key, int value) {
		Api.Response r = admin.patch("/api/rule-settings?year=" + TODAY.getYear(), Map.of(key, value));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	@Test
	void branchWithTwoFullMembersIsToldToJoinAndThreeIsEnough() {
		String town = township();
		String small = org(town, "BRANCH", "AGENCY", null, null);
		String three = org(town, "BRANCH", "AGENCY", null, null);
		members(small, 2, "FULL");
		members(small, 1, "PROBATIONARY");
		members(three, 3, "FULL");

		Map<String, List<String>> advice = advice(town);

		assertThat(advice.get(small)).containsExactly("JOIN_BRANCH");
		assertThat(advice.get(three)).isNull();
		assertThat(message(small, town, "JOIN_BRANCH")).isEqualTo("党支部共有正式党员2名，不足3名，建议与相邻支部组建联合党支部");
	}

	@Test
	void memberCountThresholdsAtTheirBoundariesAndJinyunsEighty() {
		String town = township();
		String general = org(town, "GENERAL_BRANCH", "ENTERPRISE", null, null);
		String big = org(general, "BRANCH", "ENTERPRISE", null, null);
		String other = org(general, "BRANCH", "ENTERPRISE", null, null);
		members(big, 50, "FULL");
		members(other, 49, "FULL");

		Map<String, List<String>> at50 = advice(town);
		TestData.createMember(admin, big, "第五十一名", Gender.MALE, "FULL", "2015-07-01");
		Map<String, List<String>> at51 = advice(town);

		assertThat(at50.get(big)).isNull();
		assertThat(at50.get(general)).isNull();
		assertThat(at51.get(big)).containsExactly("UPGRADE_TO_GENERAL_BRANCH");
		assertThat(at51.get(general)).containsExactly("UPGRADE_TO_COMMITTEE");
		assertThat(message(general, town, "UPGRADE_TO_COMMITTEE"))
			.isEqualTo("党总支共有党员100名，达到100名，可申请设立基层党委，须报县级党委批准");

		int before = setting("upgradeToGeneralBranchAbove");
		try {
			patchSetting("upgradeToGeneralBranchAbove", 80);
			assertThat(advice(town).get(big)).isNull();
		}
		finally {
			patchSetting("upgradeToGeneralBranchAbove", before);
		}
		assertThat(advice(town).get(big)).containsExactly("UPGRADE_TO_GENERAL_BRANCH");
	}

	@Test
	void changedThresholdsChangeTheAdvice() {
		String town = township();
		String general = org(town, "GENERAL_BRANCH", "AGENCY", null, null);
		String branch = org(general, "BRANCH", "AGENCY", null, null);
		members(branch, 4, "FULL");
		int upgrade = setting("upgradeToGeneralBranchAbove");
		int committee = setting("upgradeToCommitteeAt");
		int join = setting("joinBranchBelowFullMembers");
		Map<String, List<String>> changed;
		String message;
		try {
			patchSetting("upgradeToGeneralBranchAbove", 3);
			patchSetting("upgradeToCommitteeAt", 4);
			patchSetting("joinBranchBelowFullMembers", 5);
			changed = advice(town);
			message = message(branch, town, "UPGRADE_TO_GENERAL_BRANCH");
		}
		finally {
			patchSetting("upgradeToGeneralBranchAbove", upgrade);
			patchSetting("upgradeToCommitteeAt", committee);
			patchSetting("joinBranchBelowFullMembers", join);
		}

		assertThat(changed.get(branch)).containsExactly("JOIN_BRANCH", "UPGRADE_TO_GENERAL_BRANCH",
				"UPGRADE_TO_COMMITTEE");
		assertThat(changed.get(general)).containsExactly("UPGRADE_TO_COMMITTEE");
		assertThat(message).isEqualTo("党支部共有党员4名，超过3名，建议拆分支部或升格为党总支");
		assertThat(advice(town).get(branch)).isNull();
	}

	@Test
	void branchWithoutMeetingsSinceTheWindowIsInactiveUnlessItMet() {
		String town = township();
		LocalDate longAgo = TODAY.minusMonths(12);
		String shell = org(town, "BRANCH", "AGENCY", longAgo, null);
		String active = org(town, "BRANCH", "AGENCY", longAgo, null);
		String fresh = org(town, "BRANCH", "AGENCY", null, null);
		for (String b : List.of(shell, active, fresh)) {
			members(b, 3, "FULL");
		}
		Map<String, Object> meeting = new HashMap<>();
		meeting.put("type", "BRANCH_ASSEMBLY");
		meeting.put("heldOn", TODAY.toString());
		meeting.put("theme", "支部党员大会");
		meeting.put("attendance", List.of());
		Api.Response met = admin.post("/api/organizations/" + active + "/meetings", meeting);
		assertThat(met.status()).as(met.body()).isEqualTo(201);

		Map<String, List<String>> advice = advice(town);

		assertThat(advice.get(shell)).containsExactly("INACTIVE");
		assertThat(message(shell, town, "INACTIVE")).startsWith("党支部没有组织生活会议记录，近3个完整自然月");
		assertThat(advice.get(active)).isNull();
		assertThat(advice.get(fresh)).isNull();
	}

	@Test
	void termsExpiringWithinSixMonthsOrOverdueAreAdvisedAtTheirBoundaries() {
		String town = township();
		String atSixMonths = org(town, "BRANCH", "AGENCY", TODAY.plusMonths(6).minusYears(3), null);
		String dayAfterSixMonths = org(town, "BRANCH", "AGENCY", TODAY.plusMonths(6).plusDays(1).minusYears(3), null);
		String endsToday = org(town, "BRANCH", "AGENCY", TODAY.minusYears(3), null);
		String endedYesterday = org(town, "BRANCH", "AGENCY", TODAY.minusYears(3).minusDays(1), null);
		String ruralSameStart = org(town, "BRANCH", "RURAL", TODAY.minusYears(3).minusDays(1), null);
		String committeeOverdue = org(town, "GENERAL_BRANCH", "ENTERPRISE", TODAY.minusYears(4), null);
		for (String b : List.of(atSixMonths, dayAfterSixMonths, endsToday, endedYesterday, ruralSameStart)) {
			members(b, 3, "FULL");
		}
		// Meetings keep the branches active, so only the term advice is left to look at.
		for (String b : List.of(atSixMonths, dayAfterSixMonths, endsToday, endedYesterday, ruralSameStart)) {
			Map<String, Object> meeting = new HashMap<>();
			meeting.put("type", "BRANCH_ASSEMBLY");
			meeting.put("heldOn", TODAY.toString());
			meeting.put("theme", "支部党员大会");
			meeting.put("attendance", List.of());
			assertThat(admin.post("/api/organizations/" + b + "/meetings", meeting).status()).isEqualTo(201);
		}

		Map<String, List<String>> advice = advice(town);

		assertThat(advice.get(atSixMonths)).containsExactly("TERM_EXPIRING");
		assertThat(advice.get(dayAfterSixMonths)).isNull();
		assertThat(advice.get(endsToday)).containsExactly("TERM_EXPIRING");
		assertThat(advice.get(endedYesterday)).containsExactly("TERM_OVERDUE");
		assertThat(advice.get(ruralSameStart)).isNull();
		assertThat(advice.get(committeeOverdue)).containsExactly("TERM_OVERDUE");
		assertThat(message(endedYesterday, town, "TERM_OVERDUE"))
			.startsWith("党支部任期已于" + TODAY.minusDays(1) + "届满，已超期1天未换届");
	}

	@Test
	void adviceCoversTheWholeSubtreeOnly() {
		String town = township();
		String otherTown = township();
		String inside = org(town, "BRANCH", "AGENCY", null, null);
		String outside = org(otherTown, "BRANCH", "AGENCY", null, null);

		Map<String, List<String>> advice = advice(town);

		assertThat(advice).containsKey(inside).doesNotContainKey(outside);
		assertThat(advice(root)).containsKeys(inside, outside);
	}

	@Test
	void townshipMarksAnAdviceAsHandled() {
		String town = township();
		String small = org(town, "BRANCH", "RURAL", null, null);
		members(small, 1, "FULL");
		String username = "advice-t-" + System.nanoTime() % 1_000_000_000L;
		admin.post("/api/accounts", Map.of("username", username, "password", "Township-Pass-1", "role", "TOWNSHIP_ADMIN",
				"organizationId", town));
		Api townshipAdmin = Api.login(port, username, "Township-Pass-1");

		Api.Response handled = townshipAdmin.post("/api/organizations/" + small + "/advice/JOIN_BRANCH/handling",
				Map.of("note", "已与相邻村商定组建联合党支部，报镇党委审批"));
		Api.Response notApplicable = townshipAdmin.post("/api/organizations/" + small + "/advice/INACTIVE/handling",
				Map.of("note", "无"));
		Api.Response empty = townshipAdmin.post("/api/organizations/" + small + "/advice/JOIN_BRANCH/handling",
				Map.of("note", " "));

		assertThat(handled.status()).as(handled.body()).isEqualTo(201);
		assertThat(handled.json().get("handled").asBoolean()).isTrue();
		assertThat(notApplicable.status()).isEqualTo(422);
		assertThat(empty.status()).isEqualTo(400);
		JsonNode item = townshipAdmin.get("/api/organizations/" + town + "/advice").json().get(0);
		assertThat(item.get("organizationId").asText()).isEqualTo(small);
		assertThat(item.get("handled").asBoolean()).isTrue();
		assertThat(item.get("handledNote").asText()).isEqualTo("已与相邻村商定组建联合党支部，报镇党委审批");
		assertThat(item.get("factKey").asText()).isEqualTo(Integer.toString(TODAY.getYear()));
		assertThat(townshipAdmin.get("/api/organizations/" + root + "/advice").status()).isEqualTo(404);
	}

	@Test
	void secretaryCannotMarkAdviceAndMembersCannotReadIt() {
		String town = township();
		String small = org(town, "BRANCH", "RURAL", null, null);
		String memberId = TestData.createMember(admin, small, "孤雁", Gender.MALE, "FULL", "2015-07-01");
		String secretary = "advice-s-" + System.nanoTime() % 1_000_000_000L;
		admin.post("/api/accounts", Map.of("username", secretary, "password", "Secretary-Pass-1", "role",
				"BRANCH_SECRETARY", "organizationId", small));
		String member = "advice-m-" + System.nanoTime() % 1_000_000_000L;
		admin.post("/api/accounts", Map.of("username", member, "password", "Member-Pass-1", "role", "MEMBER",
				"organizationId", small, "memberId", memberId));

		Api s = Api.login(port, secretary, "Secretary-Pass-1");
		Api m = Api.login(port, member, "Member-Pass-1");

		assertThat(s.get("/api/organizations/" + small + "/advice").status()).isEqualTo(200);
		assertThat(s.post("/api/organizations/" + small + "/advice/JOIN_BRANCH/handling", Map.of("note", "自查"))
			.status()).isEqualTo(403);
		assertThat(m.get("/api/organizations/" + small + "/advice").status()).isEqualTo(403);
	}
}
