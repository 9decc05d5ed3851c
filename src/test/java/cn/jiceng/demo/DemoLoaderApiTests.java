package cn.jiceng.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jiceng.demo.DemoCounty.Plan;
import cn.jiceng.demo.DemoCounty.PlannedOrganization;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads a small demo county (scale 0.05, about a thousand members) and then every module's demo seed, which works
 * county-wide: so this class has its own context and its own embedded database (a blank datasource URL, even when the
 * suite runs against an external PostgreSQL, where every other context shares one database), or the seeds would fill every other test's organizations too (a county's 100 selected stories of a year, the
 * county's study materials) and make their results depend on the order the classes run in.
 */
@ApiTest
@org.springframework.test.context.TestPropertySource(properties = { "jiceng.test.context=demo-seeded", "spring.datasource.url=" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoLoaderApiTests {

	private static final double SCALE = 0.05;
	private static final String PREFIX = "demo-it-";

	// loaded once per test run: the plan is deterministic, so a second load would repeat its ID numbers
	private static DemoLoader.LoadResult loaded;

	@LocalServerPort
	int port;

	@Autowired
	DemoLoader loader;

	@Autowired
	Clock clock;

	@Autowired
	DemoStartup startup;

	// every module's demo data, seeded once per test run over the county the demo was loaded into
	private static boolean modulesSeeded;

	Api admin;
	String root;
	Plan plan;

	@BeforeEach
	void loadTheDemoCountyOnce() {
		synchronized (DemoLoaderApiTests.class) {
			if (loaded == null) {
				loaded = loader.load(SCALE, PREFIX);
			}
		}
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		root = TestData.rootId(admin);
		plan = DemoCounty.plan(SCALE, LocalDate.now(clock));
	}

	@Test
	void theLoadReportsWhatThePlanHolds() {
		assertThat(loaded.members()).isEqualTo(plan.memberCount()).isPositive();
		assertThat(loaded.organizations()).isEqualTo(plan.organizations().size());
		assertThat(loaded.branches()).isEqualTo((int) plan.count(cn.jiceng.organization.OrgKind.BRANCH));
		assertThat(loaded.accounts()).containsExactly(PREFIX + "township1", PREFIX + "secretary1", PREFIX + "member1",
				PREFIX + "inspector1");
	}

	@Test
	void theRootListsTheTwelveTownshipsAsCommittees() {
		JsonNode children = admin.get("/api/organizations/" + root + "/children").json();
		List<String> townshipNames = new ArrayList<>();
		for (int t : plan.townships()) {
			townshipNames.add(plan.organizations().get(t).name());
		}
		List<JsonNode> townships = new ArrayList<>();
		for (JsonNode child : children) {
			if (townshipNames.contains(child.get("name").asText())) {
				townships.add(child);
			}
		}
		assertThat(townships).hasSize(12);
		for (JsonNode t : townships) {
			assertThat(t.get("kind").asText()).isEqualTo("COMMITTEE");
			assertThat(t.get("field").asText()).isIn("RURAL", "COMMUNITY");
		}
	}

	@Test
	void aTownshipSubtreeHoldsItsPlannedMembersWithMaskedIdNumbers() {
		String township = townshipId(0);
		int planned = plannedMembersUnder(plan.townships().get(0));

		JsonNode org = admin.get("/api/organizations/" + township).json();
		assertThat(org.get("memberCount").asInt()).isEqualTo(planned).isPositive();
		JsonNode page = admin.get("/api/members?organizationId=" + township + "&subtree=true&size=50").json();
		assertThat(page.get("total").asInt()).isEqualTo(planned);
		assertThat(page.get("items")).isNotEmpty();
		for (JsonNode m : page.get("items")) {
			assertThat(m.get("idNumber").asText()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
		}
	}

	@Test
	void theDemoAccountsLogInWithTheirScopes() {
		String township = townshipId(0);
		Api townshipAdmin = Api.login(port, PREFIX + "township1", DemoLoader.DEMO_PASSWORD);
		JsonNode me = townshipAdmin.get("/api/me").json();
		assertThat(me.get("role").asText()).isEqualTo("TOWNSHIP_ADMIN");
		assertThat(me.get("organizationId").asText()).isEqualTo(township);
		assertThat(townshipAdmin.get("/api/organizations/" + root).status()).isEqualTo(404);

		Api secretary = Api.login(port, PREFIX + "secretary1", DemoLoader.DEMO_PASSWORD);
		String branch = secretary.get("/api/me").text("organizationId");
		assertThat(secretary.get("/api/organizations/" + branch).json().get("kind").asText()).isEqualTo("BRANCH");
		assertThat(secretary.get("/api/organizations/" + township).status()).isEqualTo(404);

		Api member = Api.login(port, PREFIX + "member1", DemoLoader.DEMO_PASSWORD);
		JsonNode self = member.get("/api/me").json();
		assertThat(self.get("role").asText()).isEqualTo("MEMBER");
		String memberId = self.get("memberId").asText();
		JsonNode record = member.get("/api/members/" + memberId).json();
		assertThat(record.get("organizationId").asText()).isEqualTo(branch);

		Api inspector = Api.login(port, PREFIX + "inspector1", DemoLoader.DEMO_PASSWORD);
		assertThat(inspector.get("/api/me").text("role")).isEqualTo("INSPECTOR");
		assertThat(inspector.get("/api/organizations/" + township).status()).isEqualTo(200);
	}

	@Test
	void theLoadIsAuditedAsOneEntryOnTheRoot() {
		List<JsonNode> loads = demoLoads();
		assertThat(loads).hasSize(1);
		JsonNode entry = loads.get(0);
		assertThat(entry.get("entityId").asText()).isEqualTo(root);
		assertThat(entry.get("actor").asText()).isEqualTo("system");
	}

	@Test
	void theStartUpRunnerDoesNotLoadInTests() {
		// the test context has jiceng.demo.enabled false: only this class's own load is in the audit trail
		assertThat(demoLoads()).hasSize(1);
		assertThat(loader.rosterEmpty()).isFalse();
	}

	// last: the modules' seeds change the loaded county (a probationary member is cancelled, for one)
	@Test
	@Order(Integer.MAX_VALUE)
	void everySectionOfTheCountysDashboardIsFilledForTheMonthItShows() {
		synchronized (DemoLoaderApiTests.class) {
			if (!modulesSeeded) {
				startup.seedModules();
				modulesSeeded = true;
			}
		}
		// the month the dashboard shows by default (the last ended one)
		JsonNode d = admin.get("/api/organizations/" + root + "/dashboard").json();

		assertThat(d.get("members").get("total").asLong()).isPositive();
		assertThat(d.get("members").get("probationary").asLong()).isPositive();
		assertThat(d.get("members").get("mobile").asLong()).isPositive();
		for (String kind : List.of("COMMITTEE", "GENERAL_BRANCH", "BRANCH")) {
			assertThat(d.get("organizations").get(kind).asLong()).as(kind).isPositive();
		}
		assertThat(d.get("compliance").get("rate").asDouble()).isPositive();
		assertThat(d.get("compliance").get("trend")).hasSize(12);
		d.get("compliance").get("trend").forEach(p -> assertThat(p.get("rate").asDouble()).as(p.toString()).isPositive());
		for (String color : List.of("RED", "PINK", "GREEN", "BLACK")) {
			assertThat(d.get("fourColors").get(color).asInt()).as(color).isPositive();
		}
		assertThat(d.get("warningMembers").asInt()).isPositive();
		int rated = 0;
		for (JsonNode n : d.get("stars").get("distribution")) {
			rated += n.asInt();
		}
		assertThat(rated).as("this year's stars").isPositive();
		assertThat(d.get("stars").get("threeStarShare").isNull()).isFalse();
		for (String kind : List.of("problems", "errands", "dutyItems", "development")) {
			assertThat(d.get("overdue").get(kind).asLong()).as("overdue " + kind).isPositive();
		}
		assertThat(d.get("duesPaidRate").asDouble()).isPositive();
		for (String stage : List.of("APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY")) {
			assertThat(d.get("development").get(stage).asLong()).as(stage).isPositive();
		}
		assertThat(d.get("children")).isNotEmpty();
		assertThat(d.get("latestInspection").get("bottom")).isNotEmpty();
		// the county's monthly bulletin of the same month, kept to be looked at as images
		Api.Response pdf = admin.get("/api/organizations/" + root + "/bulletin.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try {
			java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
			java.nio.file.Files.write(dir.resolve("bulletin-county.pdf"), pdf.bytes());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The audit entries of demo loads (the modules' seeds audit themselves as DemoCounty too, by other actions). */
	private List<JsonNode> demoLoads() {
		List<JsonNode> loads = new ArrayList<>();
		for (JsonNode e : admin.get("/api/audit?entityType=DemoCounty&size=50").json().get("items")) {
			if (e.get("action").asText().equals("DEMO_LOAD")) {
				loads.add(e);
			}
		}
		return loads;
	}

	private String townshipId(int t) {
		String name = plan.organizations().get(plan.townships().get(t)).name();
		for (JsonNode child : admin.get("/api/organizations/" + root + "/children").json()) {
			if (child.get("name").asText().equals(name)) {
				return child.get("id").asText();
			}
		}
		throw new AssertionError("township not found: " + name);
	}

	private int plannedMembersUnder(int ancestor) {
		int sum = 0;
		for (PlannedOrganization o : plan.organizations()) {
			for (int i = o.index(); i >= 0; i = plan.organizations().get(i).parentIndex()) {
				if (i == ancestor) {
					sum += o.memberCount();
					break;
				}
			}
		}
		return sum;
	}
}
