package cn.jiceng.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Leadership offices": one secretary at a time, holders on a date, who may record them. */
@ApiTest
class OfficeApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String branch;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String root = TestData.rootId(admin);
		town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("村"));
	}

	private String member(String name) {
		return TestData.createMember(admin, branch, name, Gender.MALE, "FULL", "2010-05-01");
	}

	private Api.Response appoint(Api api, String org, String member, String office, String from, String to) {
		Map<String, Object> body = new HashMap<>();
		body.put("memberId", member);
		body.put("office", office);
		body.put("startedOn", from);
		if (to != null) {
			body.put("endedOn", to);
		}
		return api.post("/api/organizations/" + org + "/offices", body);
	}

	@Test
	void aSecondSecretaryIsRefusedUntilTheFirstOneEnds() {
		String a = member("甲书记");
		String b = member("乙书记");
		Api.Response first = appoint(admin, branch, a, "SECRETARY", "2023-01-01", null);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.text("name")).isEqualTo("甲书记");

		Api.Response second = appoint(admin, branch, b, "SECRETARY", "2025-07-01", null);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("detail").asText()).contains("已有书记");

		Api.Response ended = admin.patch("/api/offices/" + first.text("id"), Map.of("endedOn", "2025-06-30"));
		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(ended.text("endedOn")).isEqualTo("2025-06-30");
		assertThat(appoint(admin, branch, b, "SECRETARY", "2025-07-01", null).status()).isEqualTo(201);

		assertThat(names(admin.get("/api/organizations/" + branch + "/offices?on=2025-06-30"))).containsExactly("甲书记");
		assertThat(names(admin.get("/api/organizations/" + branch + "/offices?on=2025-07-01"))).containsExactly("乙书记");
	}

	@Test
	void holdersOnADateListEveryPostSecretaryFirst() {
		String a = member("书记甲");
		String c = member("委员丙");
		String o = member("组织委员丁");
		assertThat(appoint(admin, branch, c, "COMMITTEE_MEMBER", "2024-01-01", null).status()).isEqualTo(201);
		assertThat(appoint(admin, branch, o, "ORGANIZATION_MEMBER", "2024-01-01", null).status()).isEqualTo(201);
		assertThat(appoint(admin, branch, a, "SECRETARY", "2024-01-01", null).status()).isEqualTo(201);

		JsonNode holders = admin.get("/api/organizations/" + branch + "/offices?on=2024-06-01").json();
		assertThat(holders.valueStream().map(h -> h.get("office").asText()).toList())
			.containsExactly("SECRETARY", "ORGANIZATION_MEMBER", "COMMITTEE_MEMBER");
		assertThat(holders.get(0).get("memberId").asText()).isEqualTo(a);
		assertThat(admin.get("/api/organizations/" + branch + "/offices?on=2023-12-31").json().size()).isZero();
	}

	@Test
	void badInputIsRefusedWithTheFieldAndChangesNothing() {
		String a = member("错填");
		Api.Response bad = appoint(admin, branch, a, "CHAIRMAN", "2025-13-01", null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("office", "startedOn");
		Api.Response backwards = appoint(admin, branch, a, "SECRETARY", "2025-05-01", "2025-04-30");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(appoint(admin, branch, "999999999", "SECRETARY", "2025-05-01", null).status()).isEqualTo(400);
		assertThat(admin.get("/api/organizations/" + branch + "/office-history").json().get("items").size()).isZero();
	}

	@Test
	void aBranchSecretaryAccountCannotRecordOffices() {
		String a = member("自任");
		String user = TestData.unique("sec").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Secret-12", "role",
				"BRANCH_SECRETARY", "organizationId", branch)).status()).isEqualTo(201);
		Api secretary = admin.as(user, "Secret-12");

		assertThat(appoint(secretary, branch, a, "SECRETARY", "2025-01-01", null).status()).isEqualTo(403);
		assertThat(secretary.get("/api/organizations/" + branch + "/offices").status()).isEqualTo(200);
	}

	@Test
	void aTownshipRecordsItsBranchesButNotItsOwnCommittee() {
		String a = member("镇书记");
		String user = TestData.unique("town").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Town-1234", "role",
				"TOWNSHIP_ADMIN", "organizationId", town)).status()).isEqualTo(201);
		Api township = admin.as(user, "Town-1234");

		assertThat(appoint(township, branch, a, "SECRETARY", "2025-01-01", null).status()).isEqualTo(201);
		assertThat(appoint(township, town, a, "SECRETARY", "2025-01-01", null).status()).isEqualTo(403);
	}

	@Test
	void theHistoryShowsAVacancyOfMoreThanThreeMonths() {
		String a = member("前任");
		String b = member("后任");
		assertThat(appoint(admin, branch, a, "SECRETARY", "2020-01-01", "2024-12-31").status()).isEqualTo(201);
		assertThat(appoint(admin, branch, b, "SECRETARY", "2025-06-01", null).status()).isEqualTo(201);

		JsonNode vacancies = admin.get("/api/organizations/" + branch + "/office-history").json().get("vacancies");
		assertThat(vacancies.size()).isEqualTo(1);
		assertThat(vacancies.get(0).get("from").asText()).isEqualTo("2025-01-01");
		assertThat(vacancies.get(0).get("to").asText()).isEqualTo("2025-05-31");
	}

	@Test
	void anElectionHandsTheSecretaryPostToTheElectedMember() {
		String old = member("老书记");
		String elected = member("新书记");
		assertThat(appoint(admin, branch, old, "SECRETARY", "2019-03-01", null).status()).isEqualTo(201);

		Api.Response election = admin.post("/api/organizations/" + branch + "/elections",
				Map.of("heldOn", "2024-03-10", "secretaryMemberId", elected, "committeeMembers", List.of("委员甲", "委员乙")));
		assertThat(election.status()).as(election.body()).isEqualTo(201);

		assertThat(names(admin.get("/api/organizations/" + branch + "/offices?on=2024-03-09"))).containsExactly("老书记");
		assertThat(names(admin.get("/api/organizations/" + branch + "/offices?on=2024-03-10"))).containsExactly("新书记");
	}

	@Test
	void twoSecretariesSentTogetherLeaveExactlyOne() throws Exception {
		for (int trial = 0; trial < 3; trial++) {
			String org = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("并发村"));
			List<String> candidates = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				candidates.add(TestData.createMember(admin, org, "候选" + i, Gender.FEMALE, "FULL", "2012-01-01"));
			}
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (String c : candidates) {
					results.add(pool.submit(() -> {
						go.await();
						return appoint(admin, org, c, "SECRETARY", "2025-01-01", null).status();
					}));
				}
				go.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> f : results) {
					statuses.add(f.get());
				}
				assertThat(statuses).containsOnly(201, 409);
				assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
				assertThat(admin.get("/api/organizations/" + org + "/office-history").json().get("items").size())
					.isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private static List<String> names(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().valueStream().map(h -> h.get("name").asText()).toList();
	}
}
