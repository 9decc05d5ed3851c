package cn.jiceng.foundation;

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

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class FoundationApiTests {

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
	void healthAnswersUpWithoutAuthentication() {
		Api.Response r = Api.anonymous(port).get("/actuator/health");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("status").asText()).isEqualTo("UP");
	}

	@Test
	void apiWithoutTokenIsUnauthorizedAndWrongPasswordGives401() {
		assertThat(Api.anonymous(port).get("/api/me").status()).isEqualTo(401);
		Api.Response wrong = Api.anonymous(port).post("/api/auth/token", Map.of("username", "admin", "password", "nope"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).contains("application/problem+json");
	}

	@Test
	void meDescribesTheBootstrapAdminBoundToTheRoot() {
		JsonNode me = admin.get("/api/me").json();
		assertThat(me.get("username").asText()).isEqualTo("admin");
		assertThat(me.get("role").asText()).isEqualTo("COUNTY_ADMIN");
		JsonNode rootOrg = admin.get("/api/organizations/" + root).json();
		assertThat(rootOrg.get("kind").asText()).isEqualTo("COMMITTEE");
		assertThat(rootOrg.get("parentId").isNull()).isTrue();
	}

	@Test
	void treeRulesRefuseAGroupOutsideABranchAndACommitteeUnderABranch() {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("村支部"));
		Api.Response group = admin.post("/api/organizations",
				Map.of("name", "第一党小组", "kind", "GROUP", "field", "RURAL", "parentId", town));
		assertThat(group.status()).isEqualTo(400);
		assertThat(group.json().get("errors").get(0).get("field").asText()).isEqualTo("parentId");
		Api.Response underBranch = admin.post("/api/organizations",
				Map.of("name", "错层党委", "kind", "COMMITTEE", "field", "RURAL", "parentId", branch));
		assertThat(underBranch.status()).isEqualTo(400);
		assertThat(TestData.createOrg(admin, branch, "GROUP", "RURAL", "第一党小组")).isNotBlank();
		assertThat(admin.get("/api/organizations/" + branch + "/children").json()).hasSize(1);
	}

	@Test
	void termEndsFollowTheKindAndFieldDefaultsAndPatchUpdatesThem() {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("机关支部"));
		Api.Response patched = admin.patch("/api/organizations/" + agency, Map.of("termStartedOn", "2024-03-01"));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.text("termEndsOn")).isEqualTo("2027-03-01");
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("村支部"));
		assertThat(admin.patch("/api/organizations/" + village, Map.of("termStartedOn", "2021-03-01")).text("termEndsOn"))
			.isEqualTo("2026-03-01");
		assertThat(admin.patch("/api/organizations/" + village, Map.of("termYears", 4)).text("termEndsOn"))
			.isEqualTo("2025-03-01");
		assertThat(admin.patch("/api/organizations/" + village, Map.of("termYears", 40)).status()).isEqualTo(400);
	}

	@Test
	void memberWithBadCheckDigitIsRefusedOnIdNumberAndNothingIsSaved() {
		String branch = newBranch();
		String good = TestData.idNumber(Gender.MALE);
		String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		Api.Response r = admin.post("/api/members", memberBody(branch, "李四", "MALE", bad));
		assertThat(r.status()).isEqualTo(400);
		assertThat(fields(r)).contains("idNumber");
		assertThat(admin.get("/api/members?organizationId=" + branch).json().get("total").asInt()).isZero();
	}

	@Test
	void memberWhoseGenderDisagreesWithTheIdNumberIsRefused() {
		String branch = newBranch();
		Api.Response r = admin.post("/api/members", memberBody(branch, "王五", "FEMALE", TestData.idNumber(Gender.MALE)));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("idNumber");
		assertThat(r.json().get("errors").get(0).get("message").asText()).contains("性别");
	}

	@Test
	void memberIsCreatedReadAndListedWithMaskedIdNumber() {
		String branch = newBranch();
		String id = TestData.idNumber(Gender.FEMALE);
		Map<String, Object> body = memberBody(branch, "赵敏", "FEMALE", id);
		body.put("ethnicity", "03");
		body.put("education", "21");
		body.put("phone", "13812345678");
		Api.Response created = admin.post("/api/members", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("version").asInt()).isZero();
		assertThat(created.text("birthDate")).isEqualTo(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
		assertThat(created.text("status")).isEqualTo("NORMAL");
		JsonNode one = admin.get("/api/members/" + created.text("id")).json();
		assertThat(one.get("idNumber").asText()).isEqualTo(id);
		JsonNode list = admin.get("/api/members?organizationId=" + branch + "&page=0&size=20").json();
		assertThat(list.get("total").asInt()).isEqualTo(1);
		assertThat(list.get("page").asInt()).isZero();
		assertThat(list.get("size").asInt()).isEqualTo(20);
		String masked = list.get("items").get(0).get("idNumber").asText();
		assertThat(masked).startsWith(id.substring(0, 6)).endsWith(id.substring(14)).contains("********");
		assertThat(list.get("items").get(0).get("phone").asText()).isEqualTo("138****5678");
	}

	@Test
	void duplicateIdNumberConflictsAndANonBranchOrganizationIsRefused() {
		String branch = newBranch();
		String id = TestData.idNumber(Gender.MALE);
		assertThat(admin.post("/api/members", memberBody(branch, "甲", "MALE", id)).status()).isEqualTo(201);
		assertThat(admin.post("/api/members", memberBody(branch, "乙", "MALE", id)).status()).isEqualTo(409);
		Api.Response wrongOrg = admin.post("/api/members", memberBody(root, "丙", "MALE", TestData.idNumber(Gender.MALE)));
		assertThat(wrongOrg.status()).isEqualTo(400);
		assertThat(fields(wrongOrg)).contains("organizationId");
	}

	@Test
	void staleVersionIsRefusedWithConflictAndTheCurrentEditSurvives() {
		String branch = newBranch();
		String memberId = TestData.createMember(admin, branch, "钱七", Gender.MALE, "FULL", "2010-07-01");
		Api.Response first = admin.patch("/api/members/" + memberId, Map.of("version", 0, "phone", "13900001111"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("version").asInt()).isEqualTo(1);
		Api.Response stale = admin.patch("/api/members/" + memberId, Map.of("version", 0, "phone", "13900002222"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(admin.get("/api/members/" + memberId).text("phone")).isEqualTo("13900001111");
	}

	@Test
	void transferMovesTheMemberAndKeepsHistory() {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
		String from = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("甲村支部"));
		String to = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("乙村支部"));
		String memberId = TestData.createMember(admin, from, "孙八", Gender.MALE, "FULL", "2012-07-01");
		Api.Response t = admin.post("/api/members/" + memberId + "/transfers",
				Map.of("toOrganizationId", to, "transferredOn", "2025-06-15"));
		assertThat(t.status()).as(t.body()).isEqualTo(201);
		assertThat(admin.get("/api/members/" + memberId).text("organizationId")).isEqualTo(to);
		JsonNode history = admin.get("/api/members/" + memberId + "/transfers").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("fromOrganizationId").asText()).isEqualTo(from);
		assertThat(history.get(0).get("transferredOn").asText()).isEqualTo("2025-06-15");
		Api.Response earlier = admin.post("/api/members/" + memberId + "/transfers",
				Map.of("toOrganizationId", from, "transferredOn", "2025-01-01"));
		assertThat(earlier.status()).isEqualTo(400);
	}

	@Test
	void mobilityMakesTheMemberMobileAndOverlapsAreRefused() {
		String branch = newBranch();
		String memberId = TestData.createMember(admin, branch, "周九", Gender.MALE, "FULL", "2012-07-01");
		Api.Response m = admin.post("/api/members/" + memberId + "/mobility",
				Map.of("destination", "浙江省杭州市", "startedOn", "2025-03-01"));
		assertThat(m.status()).as(m.body()).isEqualTo(201);
		assertThat(admin.get("/api/members/" + memberId).json().get("mobile").asBoolean()).isTrue();
		Api.Response overlap = admin.post("/api/members/" + memberId + "/mobility",
				Map.of("destination", "上海市", "startedOn", "2025-05-01", "endedOn", "2025-06-01"));
		assertThat(overlap.status()).isEqualTo(422);
	}

	@Test
	void townshipAdminSeesOnlyItsSubtreeAndOutsideIs404() {
		String townA = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("甲镇"));
		String townB = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("乙镇"));
		String branchA = TestData.createOrg(admin, townA, "BRANCH", "RURAL", TestData.unique("村"));
		String branchB = TestData.createOrg(admin, townB, "BRANCH", "RURAL", TestData.unique("村"));
		String memberB = TestData.createMember(admin, branchB, "吴十", Gender.MALE, "FULL", "2012-07-01");
		String user = TestData.unique("town").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Township-1", "role",
				"TOWNSHIP_ADMIN", "organizationId", townA)).status()).isEqualTo(201);
		Api township = admin.as(user, "Township-1");
		assertThat(township.get("/api/organizations/" + branchA).status()).isEqualTo(200);
		assertThat(township.get("/api/organizations/" + branchB).status()).isEqualTo(404);
		assertThat(township.get("/api/organizations/" + root).status()).isEqualTo(404);
		assertThat(township.get("/api/members/" + memberB).status()).isEqualTo(404);
		Api.Response write = township.post("/api/members", memberBody(branchB, "外人", "MALE", TestData.idNumber(Gender.MALE)));
		assertThat(write.status()).isEqualTo(404);
		assertThat(admin.get("/api/members?organizationId=" + branchB).json().get("total").asInt()).isEqualTo(1);
		Api.Response above = township.post("/api/accounts", Map.of("username", TestData.unique("x").replace("-", ""),
				"password", "Password-1", "role", "COUNTY_ADMIN", "organizationId", townA));
		assertThat(above.status()).isEqualTo(403);
	}

	@Test
	void memberAccountSeesOnlyItself() {
		String branch = newBranch();
		String me = TestData.createMember(admin, branch, "党员甲", Gender.MALE, "FULL", "2012-07-01");
		String other = TestData.createMember(admin, branch, "党员乙", Gender.MALE, "FULL", "2012-07-01");
		String user = TestData.unique("m").replace("-", "");
		Api.Response acc = admin.post("/api/accounts", Map.of("username", user, "password", "Member-123", "role",
				"MEMBER", "organizationId", branch, "memberId", me));
		assertThat(acc.status()).as(acc.body()).isEqualTo(201);
		Api member = admin.as(user, "Member-123");
		assertThat(member.get("/api/me").text("memberId")).isEqualTo(me);
		assertThat(member.get("/api/members/" + me).status()).isEqualTo(200);
		assertThat(member.get("/api/members/" + other).status()).isEqualTo(404);
		JsonNode list = member.get("/api/members").json();
		assertThat(list.get("total").asInt()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(me);
		assertThat(member.post("/api/members", memberBody(branch, "新人", "MALE", TestData.idNumber(Gender.MALE))).status())
			.isEqualTo(403);
	}

	@Test
	void fiveFailedLoginsLockTheAccountEvenForTheRightPassword() {
		String branch = newBranch();
		String user = TestData.unique("lock").replace("-", "");
		admin.post("/api/accounts", Map.of("username", user, "password", "Right-Pass-1", "role", "BRANCH_SECRETARY",
				"organizationId", branch));
		Api anon = Api.anonymous(port);
		for (int i = 0; i < 4; i++) {
			assertThat(anon.post("/api/auth/token", Map.of("username", user, "password", "wrong")).status()).isEqualTo(401);
		}
		assertThat(anon.post("/api/auth/token", Map.of("username", user, "password", "Right-Pass-1")).status())
			.as("four failures do not lock").isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			anon.post("/api/auth/token", Map.of("username", user, "password", "wrong"));
		}
		Api.Response locked = anon.post("/api/auth/token", Map.of("username", user, "password", "Right-Pass-1"));
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.text("detail")).contains("锁定");
	}

	@Test
	void movingATownshipBranchKeepsItsMembersAndTheNewTownshipSeesThem() {
		String townA = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("并入镇"));
		String townB = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("撤并镇"));
		String village = TestData.createOrg(admin, townB, "GENERAL_BRANCH", "RURAL", TestData.unique("村总支"));
		String branch = TestData.createOrg(admin, village, "BRANCH", "RURAL", TestData.unique("第一支部"));
		String memberId = TestData.createMember(admin, branch, "郑一", Gender.MALE, "FULL", "2012-07-01");
		String user = TestData.unique("ta").replace("-", "");
		admin.post("/api/accounts", Map.of("username", user, "password", "Township-1", "role", "TOWNSHIP_ADMIN",
				"organizationId", townA));
		Api townshipA = admin.as(user, "Township-1");
		assertThat(townshipA.get("/api/members/" + memberId).status()).isEqualTo(404);
		Api.Response moved = admin.post("/api/organizations/" + village + "/move", Map.of("parentId", townA));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.text("parentId")).isEqualTo(townA);
		assertThat(admin.get("/api/organizations/" + townA).json().get("memberCount").asInt()).isEqualTo(1);
		assertThat(admin.get("/api/organizations/" + townB).json().get("memberCount").asInt()).isZero();
		assertThat(townshipA.get("/api/members/" + memberId).status()).isEqualTo(200);
		assertThat(townshipA.get("/api/members?organizationId=" + townA).json().get("total").asInt()).isEqualTo(1);
		assertThat(admin.post("/api/organizations/" + townA + "/move", Map.of("parentId", branch)).status())
			.as("a subtree cannot move under itself").isIn(400, 422);
	}

	@Test
	void everyWriteLeavesAnAuditEntryWithChangedFields() {
		String branch = newBranch();
		String memberId = TestData.createMember(admin, branch, "冯二", Gender.MALE, "FULL", "2012-07-01");
		admin.patch("/api/members/" + memberId, Map.of("version", 0, "name", "冯二二"));
		JsonNode items = admin.get("/api/audit?entityId=" + memberId).json().get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("action").asText()).isEqualTo("UPDATE");
		assertThat(items.get(0).get("actor").asText()).isEqualTo("admin");
		assertThat(items.get(0).get("entityType").asText()).isEqualTo("Member");
		assertThat(items.get(0).get("changes").get("name").get("to").asText()).isEqualTo("冯二二");
		assertThat(items.get(1).get("action").asText()).isEqualTo("CREATE");
	}

	@Test
	void ruleSettingsDefaultToTheSpecAndAPatchIsPerYearAndAudited() {
		JsonNode defaults = admin.get("/api/rule-settings?year=2031").json();
		assertThat(defaults.get("upgradeToGeneralBranchAbove").asInt()).isEqualTo(50);
		assertThat(defaults.get("themedDayDeductions").get("ABSENT").asInt()).isEqualTo(-10);
		Api.Response patched = admin.patch("/api/rule-settings?year=2031", Map.of("upgradeToGeneralBranchAbove", 80));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(admin.get("/api/rule-settings?year=2031").json().get("upgradeToGeneralBranchAbove").asInt()).isEqualTo(80);
		assertThat(admin.get("/api/rule-settings?year=2032").json().get("upgradeToGeneralBranchAbove").asInt()).isEqualTo(50);
		Api.Response bad = admin.patch("/api/rule-settings?year=2031", Map.of("noSuchRule", 1, "warningBelow", -5));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).contains("noSuchRule", "warningBelow");
		assertThat(admin.get("/api/audit?entityType=RuleSettings").json().get("total").asInt()).isPositive();
	}

	@Test
	void onlyTheCountyChangesRuleSettings() {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
		String user = TestData.unique("ts").replace("-", "");
		admin.post("/api/accounts", Map.of("username", user, "password", "Township-1", "role", "TOWNSHIP_ADMIN",
				"organizationId", town));
		Api township = admin.as(user, "Township-1");
		assertThat(township.patch("/api/rule-settings?year=2033", Map.of("warningBelow", 50)).status()).isEqualTo(403);
		assertThat(admin.get("/api/rule-settings?year=2033").json().get("warningBelow").asInt()).isEqualTo(60);
	}

	@Test
	void malformedJsonGivesAChineseProblem() {
		Api.Response r = admin.post("/api/members", "{not json");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.text("detail")).contains("格式");
	}

	@Test
	void openApiDocumentIsPublished() {
		Api.Response r = Api.anonymous(port).get("/v3/api-docs");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("/api/members").contains("/api/organizations/{id}/move");
	}

	private String newBranch() {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
		return TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("村支部"));
	}

	private static Map<String, Object> memberBody(String branch, String name, String gender, String idNumber) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("gender", gender);
		body.put("idNumber", idNumber);
		body.put("organizationId", branch);
		body.put("category", "FULL");
		body.put("joinedOn", "2015-07-01");
		return body;
	}

	private static List<String> fields(Api.Response r) {
		return r.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList();
	}
}
