package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Responsibility and supervision", pairing and micro-wishes (携手联心). */
@ApiTest
class PairingApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
	static final int LAST_YEAR = TODAY.getYear() - 1;

	@LocalServerPort
	int port;

	private String wish(Api api, String pairing, String postedOn, String member, String claimedOn, String doneOn) {
		Api.Response w = api.post("/api/pairings/" + pairing + "/wishes", Map.of("postedOn", postedOn, "content",
				"为老人购买助听器"));
		assertThat(w.status()).as(w.body()).isEqualTo(201);
		String id = w.text("id");
		if (member != null) {
			Api.Response c = api.post("/api/wishes/" + id + "/claim", Map.of("memberId", member, "on", claimedOn));
			assertThat(c.status()).as(c.body()).isEqualTo(200);
			assertThat(c.text("status")).isEqualTo("CLAIMED");
		}
		if (doneOn != null) {
			Api.Response d = api.post("/api/wishes/" + id + "/complete", Map.of("on", doneOn));
			assertThat(d.status()).as(d.body()).isEqualTo(200);
			assertThat(d.text("status")).isEqualTo("COMPLETED");
		}
		return id;
	}

	private JsonNode item(JsonNode report, String id) {
		for (JsonNode i : report.get("items")) {
			if (i.get("id").asText().equals(id)) {
				return i;
			}
		}
		throw new AssertionError("pairing " + id + " not listed: " + report);
	}

	@Test
	void anAgencyBranchsYearOfServicesWishesAndDifficultiesIsJudgedOnceTheYearHasEnded() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "AGENCY", TestData.unique("机关工委"));
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("县民政局党支部"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("结对村"));
		String member = TestData.createMember(admin, agency, "认领人", Gender.FEMALE, "FULL", "2010-07-01");

		assertThat(admin.post("/api/organizations/" + village + "/pairings",
				Map.of("siteName", "某村照料中心", "startedOn", LAST_YEAR + "-01-01")).status()).isEqualTo(400);
		assertThat(admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", " ", "startedOn", LAST_YEAR + "-01-01")).status()).isEqualTo(400);
		assertThat(admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "东山照料中心", "startedOn", TODAY.plusDays(1).toString())).status()).isEqualTo(400);
		Api.Response good = admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "东山村居家养老照料中心", "startedOn", LAST_YEAR + "-01-01"));
		assertThat(good.status()).as(good.body()).isEqualTo(201);
		String full = good.text("id");
		assertThat(admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "东山村居家养老照料中心", "startedOn", LAST_YEAR + "-02-01")).status()).isEqualTo(409);
		String gap = admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "西岭村居家养老照料中心", "startedOn", LAST_YEAR + "-01-01")).text("id");

		for (String on : List.of("-03-05", "-06-05", "-09-05")) {
			assertThat(admin.post("/api/pairings/" + full + "/services", Map.of("on", LAST_YEAR + on, "content",
					"为老人理发、打扫卫生")).status()).isEqualTo(201);
			assertThat(admin.post("/api/pairings/" + gap + "/services", Map.of("on", LAST_YEAR + on, "content",
					"文艺慰问")).status()).isEqualTo(201);
		}
		assertThat(admin.post("/api/pairings/" + full + "/services", Map.of("on", (LAST_YEAR - 1) + "-12-05",
				"content", "结对之前")).status()).isEqualTo(400);
		assertThat(admin.post("/api/pairings/" + full + "/difficulties", Map.of("on", LAST_YEAR + "-10-08", "content",
				"协调修缮照料中心屋顶")).status()).isEqualTo(201);
		assertThat(admin.post("/api/pairings/" + gap + "/difficulties", Map.of("on", LAST_YEAR + "-10-08", "content",
				"协调添置康复器材")).status()).isEqualTo(201);
		for (String[] q : new String[][] { { "-01-10", "-02-10" }, { "-04-10", "-06-30" }, { "-07-10", "-09-30" },
				{ "-10-10", "-12-31" } }) {
			wish(admin, full, LAST_YEAR + q[0], member, LAST_YEAR + q[0], LAST_YEAR + q[1]);
			if (!q[0].equals("-07-10")) {
				wish(admin, gap, LAST_YEAR + q[0], member, LAST_YEAR + q[0], LAST_YEAR + q[1]);
			}
		}
		// completed in the next quarter: counts there, not where it was posted
		wish(admin, full, LAST_YEAR + "-06-20", member, LAST_YEAR + "-06-21", LAST_YEAR + "-07-05");

		JsonNode report = admin.get("/api/organizations/" + town + "/pairings?year=" + LAST_YEAR).json();
		JsonNode f = item(report, full);
		assertThat(f.get("organizationId").asText()).isEqualTo(agency);
		assertThat(f.get("siteName").asText()).isEqualTo("东山村居家养老照料中心");
		assertThat(f.get("services").asInt()).isEqualTo(3);
		assertThat(f.get("difficultiesSolved").asInt()).isEqualTo(1);
		assertThat(f.get("wishesCompleted").get("Q1").asInt()).isEqualTo(1);
		assertThat(f.get("wishesCompleted").get("Q2").asInt()).isEqualTo(1);
		assertThat(f.get("wishesCompleted").get("Q3").asInt()).isEqualTo(2);
		assertThat(f.get("wishesCompleted").get("Q4").asInt()).isEqualTo(1);
		assertThat(f.get("compliant").asBoolean()).isTrue();
		JsonNode g = item(report, gap);
		assertThat(g.get("wishesCompleted").get("Q3").asInt()).isZero();
		assertThat(g.get("compliant").asBoolean()).isFalse();
		assertThat(g.get("shortfalls").get(0).asText()).contains("第3季度");

		JsonNode running = admin.get("/api/organizations/" + agency + "/pairings").json();
		assertThat(item(running, gap).get("services").asInt()).isZero();
		assertThat(item(running, full).get("compliant").isNull()).isTrue();
		assertThat(admin.get("/api/organizations/" + agency + "/pairings?year=1999").status()).isEqualTo(400);
	}

	@Test
	void twoMembersClaimingOneWishAtOnceGetOneClaimAndOneConflict() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "AGENCY", TestData.unique("机关工委"));
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("县卫健局党支部"));
		String a = TestData.createMember(admin, agency, "甲认领", Gender.MALE, "FULL", "2010-07-01");
		String b = TestData.createMember(admin, agency, "乙认领", Gender.FEMALE, "FULL", "2010-07-01");
		String pairing = admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "南坪村居家养老照料中心", "startedOn", TODAY.minusDays(30).toString())).text("id");
		String wish = wish(admin, pairing, TODAY.minusDays(2).toString(), null, null, null);
		String today = TODAY.toString();

		assertThat(admin.post("/api/wishes/" + wish + "/complete", Map.of("on", today)).status()).isEqualTo(409);
		assertThat(admin.post("/api/wishes/" + wish + "/claim", Map.of("memberId", a, "on",
				TODAY.minusDays(3).toString())).status()).isEqualTo(400);
		List<Api.Response> claims = Race.run(
				() -> admin.post("/api/wishes/" + wish + "/claim", Map.of("memberId", a, "on", today)),
				() -> admin.post("/api/wishes/" + wish + "/claim", Map.of("memberId", b, "on", today)));
		assertThat(claims).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		Api.Response lost = claims.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertThat(lost.json().get("detail").asText()).contains("已被认领");
		JsonNode detail = admin.get("/api/pairings/" + pairing).json();
		assertThat(detail.get("wishes").get(0).get("status").asText()).isEqualTo("CLAIMED");

		// a member account claims only for itself, in its own branch; another township sees nothing
		String other = TestData.createMember(admin, agency, "丙认领", Gender.MALE, "FULL", "2010-07-01");
		String own = wish(admin, pairing, today, null, null, null);
		Api self = account(admin, "MEMBER", agency, other);
		assertThat(self.post("/api/wishes/" + own + "/claim", Map.of("memberId", a, "on", today)).status())
			.isEqualTo(403);
		Api.Response mine = self.post("/api/wishes/" + own + "/claim", Map.of("memberId", other, "on", today));
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		assertThat(self.post("/api/pairings/" + pairing + "/services", Map.of("on", today, "content", "x")).status())
			.isEqualTo(403);
		String elsewhere = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外镇"));
		Api outsider = account(admin, "TOWNSHIP_ADMIN", elsewhere, null);
		assertThat(outsider.get("/api/organizations/" + agency + "/pairings").status()).isEqualTo(404);
		assertThat(outsider.post("/api/wishes/" + own + "/complete", Map.of("on", today)).status()).isEqualTo(404);
		assertThat(outsider.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "外来站点", "startedOn", today)).status()).isEqualTo(404);
		assertThat(self.post("/api/wishes/" + own + "/complete", Map.of("on", today)).text("status"))
			.isEqualTo("COMPLETED");
	}

	private Api account(Api admin, String role, String org, String member) {
		String user = TestData.unique("pr").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Pairing-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		body.put("memberId", member);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Pairing-Pass-1");
	}
}
