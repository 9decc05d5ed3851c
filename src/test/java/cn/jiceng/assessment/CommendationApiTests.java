package cn.jiceng.assessment;

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

/** API.md commendations: 201 when eligible, else 422 with every reason; the list of a subtree. */
@ApiTest
class CommendationApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("评优镇"));
	}

	Api account(String role, String org) {
		String user = TestData.unique("cm").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Commend-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
		return admin.as(user, "Commend-Pass-1");
	}

	Api.Response nominate(Api api, int year, String award, String memberId, String organizationId) {
		Map<String, Object> body = new HashMap<>();
		body.put("year", year);
		body.put("award", award);
		body.put("level", "COUNTY");
		if (memberId != null) {
			body.put("memberId", memberId);
		}
		if (organizationId != null) {
			body.put("organizationId", organizationId);
		}
		return api.post("/api/commendations", body);
	}

	static List<String> codes(Api.Response r) {
		return r.json().get("reasons").valueStream().map(x -> x.get("code").asText()).toList();
	}

	@Test
	void anEligibleMemberIsNominatedOnceAndListed() {
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("评优村"));
		String m = TestData.createMember(admin, branch, "好党员", Gender.FEMALE, "FULL", "2012-03-01");
		Api.Response ok = nominate(admin, 2018, "OUTSTANDING_MEMBER", m, null);
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		assertThat(ok.text("name")).isEqualTo("好党员");
		assertThat(ok.text("memberId")).isEqualTo(m);
		assertThat(nominate(admin, 2018, "OUTSTANDING_MEMBER", m, null).status()).isEqualTo(409);

		JsonNode list = admin.get("/api/organizations/" + town + "/commendations?year=2018").json();
		assertThat(list.get("items")).hasSize(1);
		JsonNode item = list.get("items").get(0);
		assertThat(item.get("award").asText()).isEqualTo("OUTSTANDING_MEMBER");
		assertThat(item.get("level").asText()).isEqualTo("COUNTY");
		assertThat(item.get("year").asInt()).isEqualTo(2018);
		assertThat(item.get("organizationId").isNull()).isTrue();
		assertThat(admin.get("/api/organizations/" + town + "/commendations?year=2017").json().get("items")).isEmpty();
	}

	@Test
	void aVetoedMemberInArrearsIsRefusedWithEveryReason() {
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("欠费村"));
		String m = TestData.createMember(admin, branch, "欠费党员", Gender.MALE, "FULL", "2012-03-01");
		Api.Response base = admin.put("/api/members/" + m + "/dues-base",
				Map.of("effectiveMonth", "2018-01", "category", "PAYROLL", "base", 4000));
		assertThat(base.status()).as(base.body()).isEqualTo(200);
		String code = "CM_VETO_" + System.nanoTime() % 100_000_000L;
		assertThat(admin.post("/api/point-items", Map.of("code", code, "name", "受到党纪处分", "points", 0, "veto", true))
			.status()).isEqualTo(201);
		Api township = account("TOWNSHIP_ADMIN", town);
		Api.Response claim = township.post("/api/members/" + m + "/point-claims",
				Map.of("month", "2018-08", "itemCode", code, "note", "县纪委通报"));
		assertThat(claim.status()).as(claim.body()).isEqualTo(201);
		assertThat(admin.post("/api/point-claims/" + claim.text("id") + "/approve", Map.of("reason", "属实")).status())
			.isEqualTo(200);

		Api.Response refused = nominate(township, 2018, "OUTSTANDING_PARTY_WORKER", m, null);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(codes(refused)).containsExactly("WARNING_MEMBER", "VETO", "DUES_ARREARS");
		assertThat(refused.json().get("detail").asText()).contains("一票否决", "连续12个月");
		assertThat(admin.get("/api/organizations/" + town + "/commendations?year=2018").json().get("items")).isEmpty();
	}

	@Test
	void theSecretaryOfAnAgencyBranchThatMissedThemedDaysIsDisqualified() {
		String branch = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("机关支部"));
		String secretary = TestData.createMember(admin, branch, "问责书记", Gender.MALE, "FULL", "2012-03-01");
		String member = TestData.createMember(admin, branch, "普通党员", Gender.MALE, "FULL", "2012-03-01");
		assertThat(admin.post("/api/organizations/" + branch + "/offices",
				Map.of("memberId", secretary, "office", "SECRETARY", "startedOn", "2015-01-01")).status()).isEqualTo(201);

		Api.Response refused = nominate(admin, 2018, "OUTSTANDING_MEMBER", secretary, null);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(codes(refused)).containsExactly("SECRETARY_DISQUALIFIED");
		assertThat(nominate(admin, 2018, "OUTSTANDING_MEMBER", member, null).status()).isEqualTo(201);

		Api.Response organization = nominate(admin, 2018, "ADVANCED_ORGANIZATION", null, branch);
		assertThat(organization.status()).isEqualTo(422);
		assertThat(codes(organization)).containsExactly("MISSED_THEMED_DAY");
	}

	@Test
	void anOrganizationBelowThreeStarsIsRefusedButOneWithoutAssessmentIsNot() {
		String empty = TestData.createOrg(admin, town, "BRANCH", "COMMUNITY", TestData.unique("无人支部"));
		Api.Response ok = nominate(admin, 2013, "ADVANCED_ORGANIZATION", null, empty);
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);

		String weak = TestData.createOrg(admin, town, "BRANCH", "COMMUNITY", TestData.unique("一星支部"));
		TestData.createMember(admin, weak, "社区党员", Gender.MALE, "FULL", "2010-01-01");
		assertThat(admin.put("/api/star-standards?year=2013&field=COMMUNITY", Map.of("items", List.of(
				Map.of("code", "A", "name", "综合", "points", 100)))).status()).isEqualTo(200);
		String id = admin.post("/api/organizations/" + weak + "/star-assessments",
				Map.of("year", 2013, "scores", Map.of("A", 20))).text("id");
		assertThat(admin.post("/api/star-assessments/" + id + "/review", Map.of()).status()).isEqualTo(200);
		Api.Response before = nominate(admin, 2013, "ADVANCED_ORGANIZATION", null, weak);
		assertThat(codes(before)).containsExactly("MISSED_THEMED_DAY");
		assertThat(admin.post("/api/star-assessments/" + id + "/confirm", Map.of()).status()).isEqualTo(200);

		Api.Response refused = nominate(admin, 2013, "ADVANCED_ORGANIZATION", null, weak);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(codes(refused)).containsExactly("MISSED_THEMED_DAY", "BELOW_THREE_STARS");
		assertThat(refused.json().get("reasons").get(1).get("message").asText()).contains("1星");
	}

	@Test
	void theAwardNamesWhoMayBeNominatedAndTheScopeWhere() {
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("范围村"));
		String m = TestData.createMember(admin, branch, "范围党员", Gender.MALE, "FULL", "2012-03-01");
		assertThat(nominate(admin, 2018, "ADVANCED_ORGANIZATION", m, null).status()).isEqualTo(400);
		assertThat(nominate(admin, 2018, "OUTSTANDING_MEMBER", null, branch).status()).isEqualTo(400);
		assertThat(nominate(admin, 2018, "NOBEL_PRIZE", m, null).status()).isEqualTo(400);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外镇"));
		Api outsider = account("TOWNSHIP_ADMIN", otherTown);
		assertThat(nominate(outsider, 2018, "OUTSTANDING_MEMBER", m, null).status()).isEqualTo(404);
		assertThat(nominate(account("INSPECTOR", town), 2018, "OUTSTANDING_MEMBER", m, null).status()).isEqualTo(403);
	}
}
