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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads a small demo county (scale 0.05, about a thousand members) under the shared test database's root. */
@ApiTest
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
		JsonNode entries = admin.get("/api/audit?entityType=DemoCounty&size=50").json();
		assertThat(entries.get("total").asInt()).isEqualTo(1);
		JsonNode entry = entries.get("items").get(0);
		assertThat(entry.get("action").asText()).isEqualTo("DEMO_LOAD");
		assertThat(entry.get("entityId").asText()).isEqualTo(root);
		assertThat(entry.get("actor").asText()).isEqualTo("system");
	}

	@Test
	void theStartUpRunnerDoesNotLoadInTests() {
		// the test context has jiceng.demo.enabled false: only this class's own load is in the audit trail
		assertThat(admin.get("/api/audit?entityType=DemoCounty").json().get("total").asInt()).isEqualTo(1);
		assertThat(loader.rosterEmpty()).isFalse();
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
