package cn.jiceng.orglife;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class ReminderJobApiTests {

	@LocalServerPort
	int port;

	MeetingApiTests.Fixture f;

	@BeforeEach
	void setUp() {
		f = new MeetingApiTests.Fixture(port);
	}

	Api.Response run(String today, String lastRun, String town) {
		return f.admin.post("/api/jobs/reminders/run?today=" + today + "&lastRun=" + lastRun + "&organizationId=" + town,
				Map.of());
	}

	/** Inbox entries of a kind whose title mentions the text. */
	static List<JsonNode> inbox(Api account, String kind, String titleContains) {
		List<JsonNode> found = new ArrayList<>();
		account.get("/api/notifications?limit=200").json().get("items").forEach(n -> {
			if (n.get("kind").asText().equals(kind) && n.get("title").asText().contains(titleContains)) {
				found.add(n);
			}
		});
		return found;
	}

	@Test
	void runningTheSameDayTwicePublishesNothingNew() {
		String town = f.township();
		String idle = f.branch(town, "RURAL");
		String active = f.branch(town, "RURAL");
		f.member(idle, "未开展", "2020-01-01");
		f.member(active, "已开展", "2020-01-01");
		f.meeting(f.admin, active, MeetingApiTests.Fixture.themedDay("2025-03-05", Map.of()));
		Api idleSecretary = f.account("BRANCH_SECRETARY", idle, null);
		Api activeSecretary = f.account("BRANCH_SECRETARY", active, null);

		Api.Response first = run("2025-03-21", "2025-03-20", town);
		Api.Response second = run("2025-03-21", "2025-03-20", town);

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("published").asInt()).isEqualTo(1);
		assertThat(second.json().get("published").asInt()).isZero();
		assertThat(inbox(idleSecretary, "DAILY_REMINDER", "2025-03")).hasSize(1);
		assertThat(inbox(activeSecretary, "DAILY_REMINDER", "2025-03")).as("held its themed day").isEmpty();
	}

	@Test
	void catchUpRunsEveryOccasionMissedSinceTheLastRun() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		f.member(branch, "补跑", "2020-01-01");
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		String name = f.admin.get("/api/organizations/" + branch).text("name");

		Api.Response r = run("2025-03-25", "2025-03-20", town);

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("from").asText()).isEqualTo("2025-03-21");
		assertThat(r.json().get("occasions").valueStream().map(JsonNode::asText)).containsExactly(
				"DAILY:2025-03-21", "DAILY:2025-03-22", "DAILY:2025-03-23", "WEEKLY:2025-03-24", "DAILY:2025-03-24",
				"DAILY:2025-03-25");
		assertThat(inbox(secretary, "DAILY_REMINDER", "2025-03")).hasSize(5);
		List<JsonNode> weekly = inbox(township, "WEEKLY_BULLETIN", "2025-02");
		assertThat(weekly).hasSize(1);
		assertThat(weekly.get(0).get("body").asText()).contains(name).contains("主题党日");
		assertThat(run("2025-03-25", "2025-03-20", town).json().get("published").asInt()).isZero();
	}

	@Test
	void monthlyInterviewListNamesTheSecretariesOfNonCompliantBranches() {
		String town = f.township();
		String missed = f.branch(town, "RURAL");
		String held = f.branch(town, "RURAL");
		String secretaryMember = f.member(missed, "书记甲某", "2020-01-01");
		f.member(held, "达标党员", "2020-01-01");
		f.meeting(f.admin, held, MeetingApiTests.Fixture.themedDay("2025-04-10", Map.of()));
		f.account("BRANCH_SECRETARY", missed, secretaryMember);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		String missedName = f.admin.get("/api/organizations/" + missed).text("name");
		String heldName = f.admin.get("/api/organizations/" + held).text("name");

		Api.Response r = run("2025-05-01", "2025-04-30", town);

		assertThat(r.json().get("occasions").valueStream().map(JsonNode::asText)).containsExactly("MONTHLY:2025-04");
		List<JsonNode> list = inbox(township, "MONTHLY_INTERVIEW", "2025-04");
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("body").asText()).contains(missedName).contains("书记甲某").doesNotContain(heldName);
	}

	@Test
	void onlyTheCountyRunsJobs() {
		String town = f.township();
		Api township = f.account("TOWNSHIP_ADMIN", town, null);

		Api.Response r = township.post("/api/jobs/reminders/run?today=2025-03-21&organizationId=" + town, Map.of());

		assertThat(r.status()).isEqualTo(403);
		assertThat(f.admin.post("/api/jobs/reminders/run?today=2025-03-21&organizationId=" + town, Map.of()).status())
			.isEqualTo(200);
	}
}
