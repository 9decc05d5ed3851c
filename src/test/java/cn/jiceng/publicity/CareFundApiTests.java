package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Learning, publicity and care", care fund: contributions, disbursements, the balance and the ledger. */
@ApiTest
class CareFundApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String branch;

	String member;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String root = TestData.rootId(admin);
		town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("关爱镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("关爱村"));
		member = TestData.createMember(admin, branch, "困难党员", Gender.MALE, "FULL", "2015-07-01");
	}

	private Api.Response contribute(Api api, String org, String on, String source, Object amount) {
		return api.post("/api/organizations/" + org + "/care-fund/contributions",
				Map.of("on", on, "source", source, "amount", amount, "donor", "爱心企业"));
	}

	private Api.Response disburse(Api api, String org, String on, String reason, Object amount) {
		Map<String, Object> body = new HashMap<>();
		body.put("on", on);
		body.put("memberId", member);
		body.put("reason", reason);
		body.put("amount", amount);
		body.put("note", "住院慰问");
		return api.post("/api/organizations/" + org + "/care-fund/disbursements", body);
	}

	private Api township() {
		String user = TestData.unique("care").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Care-1234", "role",
				"TOWNSHIP_ADMIN", "organizationId", town)).status()).isEqualTo(201);
		return admin.as(user, "Care-1234");
	}

	@Test
	void contributionsAndDisbursementsMoveTheBalanceAndTheYearsSums() {
		Api.Response in = contribute(admin, town, "2024-12-20", "CROWDFUNDING", 300);
		assertThat(in.status()).as(in.body()).isEqualTo(201);
		assertThat(in.text("kind")).isEqualTo("CONTRIBUTION");
		assertThat(contribute(admin, town, "2025-03-01", "DONATION", "200.50").status()).isEqualTo(201);
		Api.Response out = disburse(admin, town, "2025-04-02", "ILLNESS", 100);
		assertThat(out.status()).as(out.body()).isEqualTo(201);
		assertThat(out.text("memberId")).isEqualTo(member);

		JsonNode fund = admin.get("/api/organizations/" + town + "/care-fund?year=2025").json();
		assertThat(fund.get("balance").decimalValue()).isEqualByComparingTo("400.50");
		assertThat(fund.get("contributed").decimalValue()).isEqualByComparingTo("200.50");
		assertThat(fund.get("disbursed").decimalValue()).isEqualByComparingTo("100");
		assertThat(fund.get("items").valueStream().map(i -> i.get("kind").asText()).toList())
			.containsExactly("CONTRIBUTION", "DISBURSEMENT");
		JsonNode item = fund.get("items").get(1);
		assertThat(item.get("reason").asText()).isEqualTo("ILLNESS");
		assertThat(item.get("on").asText()).isEqualTo("2025-04-02");
		assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(fund.get("items").get(0).get("source").asText()).isEqualTo("DONATION");
	}

	@Test
	void aDisbursementAboveTheBalanceIsRefusedWithAChineseReasonAndBooksNothing() {
		assertThat(contribute(admin, town, "2025-01-05", "DUES_RETURN", 50).status()).isEqualTo(201);
		Api.Response refused = disburse(admin, town, "2025-01-06", "HARDSHIP", "50.01");
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("detail").asText()).contains("余额不足");
		JsonNode fund = admin.get("/api/organizations/" + town + "/care-fund?year=2025").json();
		assertThat(fund.get("balance").decimalValue()).isEqualByComparingTo("50");
		assertThat(fund.get("items")).hasSize(1);
		assertThat(disburse(admin, branch, "2025-01-06", "FUNERAL", 1).status()).as("a branch without a fund").isEqualTo(422);
	}

	@Test
	void twoDisbursementsRacingForTheLastYuanLeaveTheBalanceAtZero() {
		assertThat(contribute(admin, town, "2025-02-01", "RETAINED_REWARD", 100).status()).isEqualTo(201);
		Api township = township();
		List<Api.Response> raced = Race.run(() -> disburse(township, town, "2025-02-02", "ILLNESS", 60),
				() -> disburse(admin, town, "2025-02-02", "HARDSHIP", 60));
		String told = raced.get(0).body() + " | " + raced.get(1).body();
		assertThat(raced).as(told).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 422);
		assertThat(raced.stream().filter(r -> r.status() == 422).findFirst().orElseThrow().json().get("detail").asText())
			.contains("余额不足");
		List<Api.Response> last = Race.run(() -> disburse(township, town, "2025-02-03", "ILLNESS", 40),
				() -> disburse(admin, town, "2025-02-03", "FUNERAL", 40));
		assertThat(last).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 422);
		JsonNode fund = admin.get("/api/organizations/" + town + "/care-fund?year=2025").json();
		assertThat(fund.get("balance").decimalValue()).isEqualByComparingTo("0");
		assertThat(fund.get("disbursed").decimalValue()).isEqualByComparingTo("100");
	}

	@Test
	void badInputNamesEveryFieldAndBooksNothing() {
		Map<String, Object> body = new HashMap<>();
		body.put("on", "2025-02-30");
		body.put("source", "LOTTERY");
		body.put("amount", "-3");
		Api.Response bad = admin.post("/api/organizations/" + town + "/care-fund/contributions", body);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("on", "source", "amount");
		Api.Response badOut = admin.post("/api/organizations/" + town + "/care-fund/disbursements",
				Map.of("on", "2025-02-01", "memberId", "x", "reason", "PARTY", "amount", 1.234));
		assertThat(badOut.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("memberId", "reason", "amount");
		String elsewhere = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		assertThat(contribute(admin, elsewhere, "2025-01-01", "DONATION", 10).status()).isEqualTo(201);
		Map<String, Object> outsider = new HashMap<>(Map.of("on", "2025-01-02", "memberId", member, "reason", "ILLNESS",
				"amount", 1));
		Api.Response notOurs = admin.post("/api/organizations/" + elsewhere + "/care-fund/disbursements", outsider);
		assertThat(notOurs.status()).isEqualTo(400);
		assertThat(notOurs.body()).contains("本组织");
		assertThat(admin.get("/api/organizations/" + town + "/care-fund?year=2025").json().get("items")).isEmpty();
	}

	@Test
	void aBranchSecretaryContributesButOnlyATownshipOrHigherDisburses() {
		String user = TestData.unique("sec").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Secret-12", "role",
				"BRANCH_SECRETARY", "organizationId", branch)).status()).isEqualTo(201);
		Api secretary = admin.as(user, "Secret-12");
		assertThat(contribute(secretary, branch, "2025-03-01", "CROWDFUNDING", 80).status()).isEqualTo(201);
		assertThat(disburse(secretary, branch, "2025-03-02", "ILLNESS", 10).status()).isEqualTo(403);
		assertThat(disburse(township(), branch, "2025-03-02", "ILLNESS", 10).status()).isEqualTo(201);
		assertThat(secretary.get("/api/organizations/" + town + "/care-fund").status()).isEqualTo(404);
	}

	@Test
	void theLedgerWorkbookCarriesTheOpeningBalanceEveryMovementAndTheRunningBalance() throws Exception {
		assertThat(contribute(admin, town, "2024-06-01", "DONATION", 1000).status()).isEqualTo(201);
		assertThat(disburse(admin, town, "2025-05-01", "FUNERAL", 300).status()).isEqualTo(201);
		Api.Response xlsx = admin.get("/api/organizations/" + town + "/care-fund/ledger.xlsx?year=2025");
		assertThat(xlsx.status()).isEqualTo(200);
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.bytes())).sheet(0).doReadSync();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).get(1)).isEqualTo("上年结转");
		assertThat(rows.get(0).get(7)).startsWith("1000");
		assertThat(rows.get(1).get(2)).isEqualTo("去世送别");
		assertThat(rows.get(1).get(7)).startsWith("700");
	}
}
