package cn.jiceng.organization;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.organization.TermReminderJob;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermApiTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	TermReminderJob reminders;

	private Api admin;
	private String root;

	@BeforeAll
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		root = TestData.rootId(admin);
	}

	private String org(String parent, String kind, String field, String termStartedOn, Integer termYears) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", TestData.unique("任期测试" + kind));
		body.put("kind", kind);
		body.put("field", field);
		body.put("parentId", parent);
		body.put("termStartedOn", termStartedOn);
		body.put("termYears", termYears);
		Api.Response r = admin.post("/api/organizations", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	private Map<String, JsonNode> items(String organizationId, int year) {
		Api.Response r = admin.get("/api/organizations/" + organizationId + "/terms?year=" + year);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<String, JsonNode> out = new HashMap<>();
		r.json().get("items").forEach(i -> out.put(i.get("organizationId").asText(), i));
		return out;
	}

	private static Map<String, Object> election(String heldOn, String secretaryName) {
		Map<String, Object> body = new HashMap<>();
		body.put("heldOn", heldOn);
		body.put("secretaryName", secretaryName);
		body.put("committeeMembers", List.of("张三", "李四"));
		return body;
	}

	@Test
	void termEndsByKindAndField() {
		String town = org(root, "COMMITTEE", "RURAL", "2023-03-15", null);
		String agencyCommittee = org(root, "COMMITTEE", "AGENCY", "2023-03-15", null);
		String enterpriseGeneral = org(town, "GENERAL_BRANCH", "ENTERPRISE", "2023-03-15", null);
		String communityGeneral = org(town, "GENERAL_BRANCH", "COMMUNITY", "2023-03-15", null);
		String agencyBranch = org(town, "BRANCH", "AGENCY", "2023-03-15", null);
		String ruralBranch = org(town, "BRANCH", "RURAL", "2023-03-15", null);
		String communityBranch = org(town, "BRANCH", "COMMUNITY", "2023-03-15", null);
		String institutionBranch = org(enterpriseGeneral, "BRANCH", "INSTITUTION", "2023-03-15", null);
		String fourYears = org(town, "BRANCH", "SOCIAL", "2023-03-15", 4);
		String group = org(agencyBranch, "GROUP", "AGENCY", "2023-03-15", null);
		String unrecorded = org(town, "BRANCH", "AGENCY", null, null);

		Map<String, JsonNode> items = items(town, 2026);
		Map<String, JsonNode> agency = items(agencyCommittee, 2026);

		assertThat(items.get(town).get("termEndsOn").asText()).isEqualTo("2028-03-15");
		assertThat(agency.get(agencyCommittee).get("termEndsOn").asText()).isEqualTo("2028-03-15");
		assertThat(items.get(enterpriseGeneral).get("termEndsOn").asText()).isEqualTo("2026-03-15");
		assertThat(items.get(communityGeneral).get("termEndsOn").asText()).isEqualTo("2028-03-15");
		assertThat(items.get(agencyBranch).get("termEndsOn").asText()).isEqualTo("2026-03-15");
		assertThat(items.get(ruralBranch).get("termEndsOn").asText()).isEqualTo("2028-03-15");
		assertThat(items.get(communityBranch).get("termEndsOn").asText()).isEqualTo("2028-03-15");
		assertThat(items.get(institutionBranch).get("termEndsOn").asText()).isEqualTo("2026-03-15");
		assertThat(items.get(fourYears).get("termEndsOn").asText()).isEqualTo("2027-03-15");
		assertThat(items.get(fourYears).get("termYearsDefault").asBoolean()).isFalse();
		assertThat(items.get(ruralBranch).get("termYears").asInt()).isEqualTo(5);
		assertThat(items).doesNotContainKey(group);
		assertThat(items.get(unrecorded).get("status").asText()).isEqualTo("NONE");
		// The organization API reads the same term end.
		assertThat(admin.get("/api/organizations/" + ruralBranch).text("termEndsOn")).isEqualTo("2028-03-15");
	}

	@Test
	void electionStartsTheNextTermAndIsKeptInHistory() {
		String town = org(root, "COMMITTEE", "RURAL", null, null);
		String branch = org(town, "BRANCH", "AGENCY", "2022-05-01", null);
		String secretary = TestData.createMember(admin, branch, "王书记", Gender.FEMALE, "FULL", "2010-07-01");
		Map<String, Object> body = new HashMap<>();
		body.put("heldOn", "2025-04-20");
		body.put("secretaryMemberId", secretary);
		body.put("committeeMembers", List.of("张三", Map.of("name", "李四", "position", "组织委员")));

		Api.Response r = admin.post("/api/organizations/" + branch + "/elections", body);

		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("secretaryName")).isEqualTo("王书记");
		assertThat(r.text("termStartedOn")).isEqualTo("2025-04-20");
		assertThat(r.text("termEndsOn")).isEqualTo("2028-04-20");
		assertThat(r.text("previousTermEndsOn")).isEqualTo("2025-05-01");
		assertThat(r.text("note")).startsWith("提前11天换届");
		assertThat(r.json().get("committeeMembers").get(1).get("position").asText()).isEqualTo("组织委员");
		JsonNode org = admin.get("/api/organizations/" + branch).json();
		assertThat(org.get("termStartedOn").asText()).isEqualTo("2025-04-20");
		assertThat(org.get("termEndsOn").asText()).isEqualTo("2028-04-20");
		assertThat(admin.get("/api/organizations/" + branch + "/elections").json()).hasSize(1);
		List<String> audited = new ArrayList<>();
		admin.get("/api/audit?entityId=" + r.text("id")).json().get("items")
			.forEach(a -> audited.add(a.get("entityType").asText() + ":" + a.get("action").asText()));
		assertThat(audited).contains("Election:CREATE");
	}

	@Test
	void electionCanSetANewTermLength() {
		String branch = org(root, "COMMITTEE", "AGENCY", "2020-06-01", null);
		Map<String, Object> body = election("2025-06-01", "赵书记");
		body.put("termYears", 4);

		Api.Response r = admin.post("/api/organizations/" + branch + "/elections", body);

		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("termEndsOn")).isEqualTo("2029-06-01");
		assertThat(r.text("note")).isEqualTo("按期换届");
		assertThat(admin.get("/api/organizations/" + branch).json().get("termYears").asInt()).isEqualTo(4);
	}

	@Test
	void badElectionsAreRefusedAndChangeNothing() {
		String town = org(root, "COMMITTEE", "RURAL", null, null);
		String branch = org(town, "BRANCH", "AGENCY", "2022-05-01", null);
		String otherBranch = org(town, "BRANCH", "AGENCY", null, null);
		String stranger = TestData.createMember(admin, otherBranch, "外支部党员", Gender.MALE, "FULL", "2010-07-01");
		String group = org(branch, "GROUP", "AGENCY", null, null);
		String url = "/api/organizations/" + branch + "/elections";
		Map<String, Object> foreignSecretary = election("2025-04-20", null);
		foreignSecretary.put("secretaryMemberId", stranger);
		Map<String, Object> zeroYears = election("2025-04-20", "甲");
		zeroYears.put("termYears", 0);

		Api.Response future = admin.post(url, election(TODAY.plusDays(1).toString(), "甲"));
		Api.Response noSecretary = admin.post(url, election("2025-04-20", null));
		Api.Response foreign = admin.post(url, foreignSecretary);
		Api.Response years = admin.post(url, zeroYears);
		Api.Response beforeTerm = admin.post(url, election("2022-05-01", "甲"));
		Api.Response groupElection = admin.post("/api/organizations/" + group + "/elections", election("2025-04-20", "甲"));
		Api.Response unknown = admin.post("/api/organizations/999999999/elections", election("2025-04-20", "甲"));

		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("errors").get(0).get("field").asText()).isEqualTo("heldOn");
		assertThat(noSecretary.status()).isEqualTo(400);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo("secretaryMemberId");
		assertThat(years.status()).isEqualTo(400);
		assertThat(beforeTerm.status()).isEqualTo(422);
		assertThat(groupElection.status()).isEqualTo(422);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(admin.get(url).json()).isEmpty();
		assertThat(admin.get("/api/organizations/" + branch).text("termStartedOn")).isEqualTo("2022-05-01");
	}

	@Test
	void renewalCompletionRateCountsTheTermsThatFellDueInTheYear() {
		String town = org(root, "COMMITTEE", "RURAL", null, null);
		String onTime = org(town, "BRANCH", "AGENCY", "2022-03-01", null);
		String late = org(town, "BRANCH", "AGENCY", "2022-06-01", null);
		String missed = org(town, "BRANCH", "AGENCY", "2022-08-01", null);
		String lastYear = org(town, "BRANCH", "AGENCY", "2021-05-01", null);
		String notDue = org(town, "BRANCH", "RURAL", "2022-08-01", null);
		assertThat(admin.post("/api/organizations/" + onTime + "/elections", election("2025-02-20", "甲")).status())
			.isEqualTo(201);
		assertThat(admin.post("/api/organizations/" + late + "/elections", election("2025-09-01", "乙")).status())
			.isEqualTo(201);
		assertThat(admin.post("/api/organizations/" + lastYear + "/elections", election("2025-01-10", "丙")).status())
			.isEqualTo(201);

		JsonNode y2025 = admin.get("/api/organizations/" + town + "/terms?year=2025").json();
		JsonNode y2024 = admin.get("/api/organizations/" + town + "/terms?year=2024").json();

		assertThat(y2025.get("due").asInt()).isEqualTo(3);
		assertThat(y2025.get("renewed").asInt()).isEqualTo(2);
		assertThat(y2025.get("onTime").asInt()).isEqualTo(1);
		assertThat(y2025.get("rate").asDouble()).isEqualTo(0.6667);
		Map<String, JsonNode> items = new HashMap<>();
		y2025.get("items").forEach(i -> items.put(i.get("organizationId").asText(), i));
		assertThat(items.get(onTime).get("renewedOn").asText()).isEqualTo("2025-02-20");
		assertThat(items.get(onTime).get("dueOn").asText()).isEqualTo("2025-03-01");
		assertThat(items.get(late).get("onTime").asBoolean()).isFalse();
		assertThat(items.get(missed).get("renewed").asBoolean()).isFalse();
		assertThat(items.get(missed).get("due").asBoolean()).isTrue();
		assertThat(items.get(notDue).get("due").asBoolean()).isFalse();
		assertThat(y2024.get("due").asInt()).isEqualTo(1);
		assertThat(y2024.get("renewed").asInt()).isZero();
		assertThat(y2024.get("rate").asDouble()).isZero();
		JsonNode y2030 = admin.get("/api/organizations/" + town + "/terms?year=2030").json();
		assertThat(y2030.get("rate").isNull()).isTrue();
	}

	@Test
	void reminderGoesOnceToTheParentsInbox() {
		String town = org(root, "COMMITTEE", "RURAL", null, null);
		String expiring = org(town, "BRANCH", "AGENCY", TODAY.plusMonths(2).minusYears(3).toString(), null);
		String current = org(town, "BRANCH", "AGENCY", TODAY.plusMonths(7).minusYears(3).toString(), null);
		String username = "term-t-" + System.nanoTime() % 1_000_000_000L;
		admin.post("/api/accounts", Map.of("username", username, "password", "Township-Pass-1", "role", "TOWNSHIP_ADMIN",
				"organizationId", town));
		Api township = Api.login(port, username, "Township-Pass-1");
		String expiringName = admin.get("/api/organizations/" + expiring).text("name");
		String currentName = admin.get("/api/organizations/" + current).text("name");

		reminders.run();
		reminders.run();

		JsonNode inbox = township.get("/api/notifications").json().get("items");
		List<String> titles = new ArrayList<>();
		inbox.forEach(n -> titles.add(n.get("title").asText()));
		assertThat(titles).filteredOn(t -> t.contains(expiringName)).hasSize(1);
		assertThat(titles).noneMatch(t -> t.contains(currentName));
		assertThat(inbox.get(0).get("kind").asText()).isEqualTo("TERM_RENEWAL");
		assertThat(inbox.get(0).get("body").asText()).contains("任期将于" + TODAY.plusMonths(2) + "届满");
		assertThat(inbox.get(0).get("link").asText()).isEqualTo("/terms?organizationId=" + town);
	}

	@Test
	void memberAccountsCannotRecordElections() {
		String branch = org(root, "COMMITTEE", "AGENCY", "2020-01-01", null);
		String sub = org(branch, "BRANCH", "AGENCY", "2020-01-01", null);
		String memberId = TestData.createMember(admin, sub, "普通党员", Gender.MALE, "FULL", "2010-07-01");
		String username = "term-m-" + System.nanoTime() % 1_000_000_000L;
		admin.post("/api/accounts", Map.of("username", username, "password", "Member-Pass-1", "role", "MEMBER",
				"organizationId", sub, "memberId", memberId));
		Api member = Api.login(port, username, "Member-Pass-1");

		assertThat(member.post("/api/organizations/" + sub + "/elections", election("2023-01-05", "甲")).status())
			.isEqualTo(403);
		assertThat(member.get("/api/organizations/" + sub + "/terms").status()).isEqualTo(403);
	}
}
