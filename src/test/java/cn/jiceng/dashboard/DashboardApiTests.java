package cn.jiceng.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import static org.awaitility.Awaitility.await;

/**
 * API.md "Command center" on a small township: every figure equals the one its module's own endpoint gives for the
 * same subtree and period, the children rows drill down, scope and bad months (400) are refused.
 *
 * <p>The township: branch A (three full members; themed days January to April, only the first member listed in
 * April; the second on leave from the May assembly, the third not listed there: both warning members), branch B (one full member, mobile, dues based
 * from January and paid for January and February), general branch G with branch C (one probationary member).
 */
@ApiTest
class DashboardApiTests {

	private static final String MONTH = "2025-04";

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String a;

	String b;

	String g;

	String c;

	String a1;

	String a2;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("指挥镇"));
		a = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("甲村支部"));
		b = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("乙村支部"));
		g = TestData.createOrg(admin, town, "GENERAL_BRANCH", "RURAL", TestData.unique("丙村总支"));
		c = TestData.createOrg(admin, g, "BRANCH", "RURAL", TestData.unique("丙村第一支部"));
		a1 = TestData.createMember(admin, a, "指挥甲一", Gender.MALE, "FULL", "2015-07-01");
		a2 = TestData.createMember(admin, a, "指挥甲二", Gender.FEMALE, "FULL", "2015-07-01");
		TestData.createMember(admin, a, "指挥甲三", Gender.MALE, "FULL", "2015-07-01");
		String b1 = TestData.createMember(admin, b, "指挥乙一", Gender.MALE, "FULL", "2016-07-01");
		TestData.createMember(admin, c, "指挥丙一", Gender.FEMALE, "PROBATIONARY", "2024-12-01");
		for (String day : new String[] { "2025-01-10", "2025-02-10", "2025-03-10" }) {
			meeting(a, "THEMED_DAY", day, Map.of());
		}
		meeting(a, "THEMED_DAY", "2025-04-10", Map.of(a1, "PRESENT"));
		meeting(a, "BRANCH_ASSEMBLY", "2025-05-10", Map.of(a1, "PRESENT", a2, "LEAVE"));
		Api.Response mobile = admin.post("/api/members/" + b1 + "/mobility",
				Map.of("destination", "浙江省杭州市", "startedOn", "2025-01-01"));
		assertThat(mobile.status()).as(mobile.body()).isEqualTo(201);
		Api.Response base = admin.put("/api/members/" + b1 + "/dues-base",
				Map.of("effectiveMonth", "2025-01", "category", "PAYROLL", "base", 5100));
		assertThat(base.status()).as(base.body()).isEqualTo(200);
		pay(b1, "2025-01", "2025-01-15");
		pay(b1, "2025-02", "2025-02-15");
	}

	private void meeting(String branch, String type, String heldOn, Map<String, String> attendance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("heldOn", heldOn);
		body.put("theme", "指挥中心测试 " + heldOn);
		body.put("firstTopic", "学习贯彻党的二十届四中全会精神");
		body.put("minutes", "会议记录");
		body.put("attendance", attendance.entrySet().stream()
			.map(e -> Map.of("memberId", e.getKey(), "status", e.getValue()))
			.toList());
		Api.Response r = admin.post("/api/organizations/" + branch + "/meetings", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	private void pay(String member, String month, String paidOn) {
		Api.Response r = admin.post("/api/members/" + member + "/dues-payments",
				Map.of("month", month, "amount", "76.50", "paidOn", paidOn, "channel", "CASH"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	private JsonNode dashboard(String org, String month) {
		Api.Response r = admin.get("/api/organizations/" + org + "/dashboard?month=" + month);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private Map<String, Integer> fourColorCounts(String branch, String month) {
		JsonNode grid = admin.get("/api/organizations/" + branch + "/four-color?year=" + month.substring(0, 4)).json();
		Map<String, Integer> counts = new HashMap<>();
		grid.get("members").forEach(m -> {
			JsonNode color = m.get("months").get(month);
			if (color != null && !color.isNull()) {
				counts.merge(color.asText(), 1, Integer::sum);
			}
		});
		return counts;
	}

	@Test
	void everyFigureEqualsItsModulesOwnEndpointForTheSameSubtreeAndPeriod() {
		// the vanguard index follows the meetings through events
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin
			.get("/api/organizations/" + town + "/warning-members?year=2025").json().get("items")).hasSize(2));

		JsonNode d = dashboard(town, MONTH);

		assertThat(d.get("organizationId").asText()).isEqualTo(town);
		assertThat(d.get("month").asText()).isEqualTo(MONTH);
		// today's roll and tree below the township
		JsonNode members = d.get("members");
		assertThat(members.get("total").asLong()).isEqualTo(5);
		assertThat(members.get("full").asLong()).isEqualTo(4);
		assertThat(members.get("probationary").asLong()).isEqualTo(1);
		assertThat(members.get("mobile").asLong()).isEqualTo(1);
		assertThat(members.get("total").asLong())
			.isEqualTo(admin.get("/api/members?organizationId=" + town + "&subtree=true").json().get("total").asLong());
		assertThat(d.get("organizations").get("COMMITTEE").asLong()).isZero();
		assertThat(d.get("organizations").get("GENERAL_BRANCH").asLong()).isEqualTo(1);
		assertThat(d.get("organizations").get("BRANCH").asLong()).isEqualTo(3);
		// compliance rate = /compliance?month=; the trend: twelve months ending at the month, each = /compliance
		JsonNode compliance = admin.get("/api/organizations/" + town + "/compliance?month=" + MONTH).json();
		assertThat(d.get("compliance").get("rate").asDouble()).isEqualTo(compliance.get("rate").asDouble());
		assertThat(d.get("compliance").get("rate").asDouble()).isEqualTo(0.3333);
		JsonNode trend = d.get("compliance").get("trend");
		assertThat(trend).hasSize(12);
		assertThat(trend.get(0).get("month").asText()).isEqualTo("2024-05");
		assertThat(trend.get(11).get("month").asText()).isEqualTo(MONTH);
		for (JsonNode point : trend) {
			assertThat(point.get("rate").asDouble()).as(point.get("month").asText()).isEqualTo(admin
				.get("/api/organizations/" + town + "/compliance?month=" + point.get("month").asText()).json()
				.get("rate").asDouble());
		}
		// four colors of the month = the counts of that month in /four-color over the subtree's branches
		Map<String, Integer> colors = new HashMap<>();
		for (String branch : new String[] { a, b, c }) {
			fourColorCounts(branch, MONTH).forEach((k, v) -> colors.merge(k, v, Integer::sum));
		}
		for (String color : new String[] { "RED", "PINK", "GREEN", "BLACK", "NONE" }) {
			assertThat(d.get("fourColors").get(color).asInt()).as(color).isEqualTo(colors.getOrDefault(color, 0));
		}
		assertThat(d.get("fourColors").get("RED").asInt()).isEqualTo(1);
		assertThat(d.get("fourColors").get("BLACK").asInt()).isEqualTo(2);
		// warning members = the length of /warning-members of the month's year
		assertThat(d.get("warningMembers").asInt()).isEqualTo(admin
			.get("/api/organizations/" + town + "/warning-members?year=2025").json().get("items").size());
		assertThat(d.get("warningMembers").asInt()).isEqualTo(2);
		// stars = /stars of the month's year
		JsonNode stars = admin.get("/api/organizations/" + town + "/stars?year=2025").json();
		assertThat(d.get("stars").get("distribution")).isEqualTo(stars.get("distribution"));
		assertThat(d.get("stars").get("threeStarShare")).isEqualTo(stars.get("threeStarShare"));
		// dues: paid over due member-months, January to the month
		assertThat(d.get("duesPaidRate").asDouble()).isEqualTo(0.5);
		// figures of modules not contributing yet
		assertThat(d.get("overdue").get("problems").asLong()).isZero();
		assertThat(d.get("overdue").get("errands").asLong()).isZero();
		assertThat(d.get("overdue").get("dutyItems").asLong()).isZero();
		assertThat(d.get("overdue").get("development").asLong()).isZero();
		assertThat(d.get("development").get("APPLICANT").asLong()).isZero();
		assertThat(d.get("latestInspection").isNull()).isTrue();
	}

	@Test
	void childrenRowsDrillDownAndEqualTheChildsOwnDashboard() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin
			.get("/api/organizations/" + town + "/warning-members?year=2025").json().get("items")).hasSize(2));

		JsonNode d = dashboard(town, MONTH);

		Map<String, JsonNode> children = new HashMap<>();
		d.get("children").forEach(ch -> children.put(ch.get("organizationId").asText(), ch));
		assertThat(children).containsOnlyKeys(a, b, g);
		for (String child : new String[] { a, b, g }) {
			JsonNode row = children.get(child);
			JsonNode own = dashboard(child, MONTH);
			assertThat(row.get("name").asText()).isNotBlank();
			assertThat(row.get("members").asLong()).as("members").isEqualTo(own.get("members").get("total").asLong());
			assertThat(row.get("complianceRate").asDouble()).as("compliance")
				.isEqualTo(own.get("compliance").get("rate").asDouble());
			assertThat(row.get("warningMembers").asInt()).as("warnings").isEqualTo(own.get("warningMembers").asInt());
		}
		assertThat(children.get(a).get("complianceRate").asDouble()).isEqualTo(1.0);
		assertThat(children.get(a).get("warningMembers").asInt()).isEqualTo(2);
		assertThat(children.get(g).get("members").asLong()).isEqualTo(1);
		assertThat(children.get(g).get("complianceRate").asDouble()).isZero();
		assertThat(dashboard(a, MONTH).get("children")).isEmpty();
	}

	@Test
	void anOrganizationOutsideTheCallersScopeIsNotFound() {
		String other = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		String user = TestData.unique("dash").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Dashboard-Test-1");
		body.put("role", "TOWNSHIP_ADMIN");
		body.put("organizationId", other);
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
		Api township = admin.as(user, "Dashboard-Test-1");

		assertThat(township.get("/api/organizations/" + town + "/dashboard?month=" + MONTH).status()).isEqualTo(404);
		assertThat(township.get("/api/organizations/" + other + "/dashboard?month=" + MONTH).status()).isEqualTo(200);
	}

	@Test
	void aBadMonthIsRefusedInChinese() {
		for (String month : new String[] { "2025-13", "2025/04", "abc", "1899-01" }) {
			Api.Response r = admin.get("/api/organizations/" + town + "/dashboard?month=" + month);
			assertThat(r.status()).as(month).isEqualTo(400);
			assertThat(r.body()).as(month).contains("月份格式应为");
		}
	}
}
