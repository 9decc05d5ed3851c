package cn.jiceng.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

/** SPEC.md §4.3 end to end: entries from attendance and claims, warnings, rankings, settings per year. */
@ApiTest
class VanguardIndexApiTests {

	@LocalServerPort
	int port;

	Fixture f;

	@BeforeEach
	void setUp() {
		f = new Fixture(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
	}

	@Test
	void everyAttendanceDeductionIsAnEntryWithDateSourceAndReason() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String absent = f.member(branch, "缺席者");
		String late = f.member(branch, "迟到者");
		String present = f.member(branch, "出席者");
		f.meeting(branch, "THEMED_DAY", "2025-03-15", Map.of(late, "LATE_OR_EARLY", present, "PRESENT"));

		JsonNode a = f.index(absent, 2025);
		assertThat(a.get("memberId").asText()).isEqualTo(absent);
		assertThat(a.get("year").asInt()).isEqualTo(2025);
		assertThat(a.get("index").asInt()).isEqualTo(90);
		assertThat(a.get("grade").asText()).isEqualTo("EXCELLENT");
		assertThat(a.get("warning").asBoolean()).isFalse();
		JsonNode entry = a.get("entries").get(0);
		assertThat(a.get("entries")).hasSize(1);
		assertThat(entry.get("date").asText()).isEqualTo("2025-03-15");
		assertThat(entry.get("source").asText()).isEqualTo("ATTENDANCE");
		assertThat(entry.get("points").asInt()).isEqualTo(-10);
		assertThat(entry.get("reason").asText()).contains("主题党日", "缺席");
		assertThat(a.get("explanation").toString()).contains("基础分 100");
		assertThat(a.get("quarters").get(0).get("index").asInt()).isEqualTo(90);

		assertThat(f.index(late, 2025).get("index").asInt()).isEqualTo(97);
		JsonNode p = f.index(present, 2025);
		assertThat(p.get("index").asInt()).isEqualTo(100);
		assertThat(p.get("entries")).isEmpty();
	}

	@Test
	void sixtyIsNotAWarningButFiftyNineIs() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String sixty = f.member(branch, "六十分");
		String fiftyNine = f.member(branch, "五十九");
		for (String day : List.of("2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10")) {
			f.meeting(branch, "THEMED_DAY", day, Map.of());
		}
		f.meeting(branch, "BRANCH_ASSEMBLY", "2025-05-10", Map.of(sixty, "PRESENT", fiftyNine, "LEAVE"));

		assertThat(f.index(sixty, 2025).get("index").asInt()).isEqualTo(60);
		JsonNode low = f.index(fiftyNine, 2025);
		assertThat(low.get("index").asInt()).isEqualTo(59);
		assertThat(low.get("warning").asBoolean()).isTrue();
		assertThat(low.get("grade").asText()).isEqualTo("WARNING");

		await().untilAsserted(() -> {
			JsonNode items = f.admin.get("/api/organizations/" + town + "/warning-members?year=2025").json().get("items");
			assertThat(items).extracting(i -> i.get("memberId").asText()).containsExactly(fiftyNine);
			assertThat(items.get(0).get("index").asInt()).isEqualTo(59);
			assertThat(items.get(0).get("organizationId").asText()).isEqualTo(branch);
			assertThat(items.get(0).get("name").asText()).startsWith("五十九");
		});
	}

	@Test
	void rankingIsHighestFirstAndEqualIndexesShareARank() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String a = f.member(branch, "甲");
		String b = f.member(branch, "乙");
		String c = f.member(branch, "丙");
		f.meeting(branch, "THEMED_DAY", "2025-06-10", Map.of(a, "PRESENT", b, "PRESENT", c, "LEAVE"));

		await().untilAsserted(() -> {
			JsonNode items = f.admin.get("/api/organizations/" + branch + "/vanguard-ranking?year=2025").json().get("items");
			assertThat(items).extracting(i -> i.get("rank").asInt()).containsExactly(1, 1, 3);
			assertThat(items).extracting(i -> i.get("index").asInt()).containsExactly(100, 100, 98);
			assertThat(items.get(2).get("memberId").asText()).isEqualTo(c);
			assertThat(items.get(2).get("name").asText()).startsWith("丙");
		});
		JsonNode town2025 = f.admin.get("/api/organizations/" + town + "/vanguard-ranking?year=2025").json();
		assertThat(town2025.get("items")).hasSize(3);
	}

	@Test
	void aMemberSeesOnlyTheirOwnIndexAndTheirOwnRowOfTheRanking() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String me = f.member(branch, "本人");
		String other = f.member(branch, "他人");
		f.meeting(branch, "THEMED_DAY", "2025-06-10", Map.of(other, "PRESENT"));
		Api member = f.account("MEMBER", branch, me);

		assertThat(member.get("/api/members/" + me + "/vanguard-index?year=2025").status()).isEqualTo(200);
		assertThat(member.get("/api/members/" + other + "/vanguard-index?year=2025").status()).isEqualTo(404);
		JsonNode items = member.get("/api/organizations/" + branch + "/vanguard-ranking?year=2025").json().get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("memberId").asText()).isEqualTo(me);
		assertThat(items.get(0).get("rank").asInt()).isEqualTo(2);
		assertThat(member.get("/api/organizations/" + town + "/vanguard-ranking?year=2025").status()).isEqualTo(404);
	}

	@Test
	void correctedAttendanceUpdatesTheStoredIndexThroughOrglifesEvents() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "更正");
		// The list makes the county-year fresh first, so what follows must come through the events.
		assertThat(f.admin.get("/api/organizations/" + branch + "/vanguard-ranking?year=2025").status()).isEqualTo(200);
		String meeting = f.meeting(branch, "THEMED_DAY", "2025-07-10", Map.of());
		await().untilAsserted(() -> assertThat(f.rankedIndex(branch, m)).isEqualTo(90));

		int version = f.admin.get("/api/meetings/" + meeting).json().get("version").asInt();
		Api.Response corrected = f.admin.put("/api/meetings/" + meeting + "/attendance",
				Map.of("version", version, "attendance", List.of(Map.of("memberId", m, "status", "PRESENT"))));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		await().untilAsserted(() -> assertThat(f.rankedIndex(branch, m)).isEqualTo(100));
	}

	@Test
	void changingALecturesHostMovesTheVillageSecretarysLectureCount() {
		f.inputItem("SECRETARY_LECTURE_SHORT", "村书记讲党课不足", -5, null);
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String secretary = f.member(branch, "讲课书记");
		String other = f.member(branch, "代讲党员");
		Api.Response designated = f.admin.put("/api/organizations/" + branch + "/village-secretary",
				Map.of("memberId", secretary, "startedOn", "2024-01-01"));
		assertThat(designated.status()).as(designated.body()).isEqualTo(200);
		lecture(branch, "2025-04-10", secretary, List.of(secretary, other));
		String second = lecture(branch, "2025-09-10", other, List.of(secretary, other));
		// One lecture of the required two in 2025: the deduction of the county's item.
		await().untilAsserted(() -> assertThat(f.rankedIndex(branch, secretary)).isEqualTo(95));

		int version = f.admin.get("/api/meetings/" + second).json().get("version").asInt();
		Api.Response corrected = f.admin.patch("/api/meetings/" + second, Map.of("version", version, "hostMemberId", secretary));

		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		await().untilAsserted(() -> assertThat(f.rankedIndex(branch, secretary)).isEqualTo(100));
	}

	private String lecture(String branch, String heldOn, String host, List<String> present) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "PARTY_LECTURE");
		body.put("heldOn", heldOn);
		body.put("theme", "书记讲党课");
		body.put("hostMemberId", host);
		body.put("attendance", present.stream().map(m -> Map.of("memberId", m, "status", "PRESENT")).toList());
		Api.Response r = f.admin.post("/api/organizations/" + branch + "/meetings", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	@Test
	void theSettingsOfEachYearAreUsedAndAChangedSettingIsPickedUpOnRead() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "规则", "2019-05-01");
		f.meeting(branch, "THEMED_DAY", "2021-03-10", Map.of());
		f.meeting(branch, "THEMED_DAY", "2022-03-10", Map.of());
		assertThat(f.index(m, 2021).get("index").asInt()).isEqualTo(90);
		assertThat(f.rankedIndex(branch, m, 2021)).isEqualTo(90);

		Api.Response patched = f.admin.patch("/api/rule-settings?year=2021",
				Map.of("themedDayDeductions", Map.of("LEAVE", -2, "LATE_OR_EARLY", -3, "ABSENT", -25)));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);

		assertThat(f.rankedIndex(branch, m, 2021)).isEqualTo(75);
		JsonNode y2021 = f.index(m, 2021);
		assertThat(y2021.get("index").asInt()).isEqualTo(75);
		assertThat(y2021.get("entries").get(0).get("points").asInt()).isEqualTo(-25);
		assertThat(y2021.get("explanation").toString()).contains("依据 2021 年规则设置");
		assertThat(f.index(m, 2022).get("index").asInt()).isEqualTo(90);
	}

	@Test
	void bonusBeyondTwentyAYearIsNotCounted() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "加分");
		for (String day : List.of("2025-01-10", "2025-02-10", "2025-03-10")) {
			f.meeting(branch, "THEMED_DAY", day, Map.of());
		}
		String big = f.item("BIG", "重大贡献", 15, null, false);
		String small = f.item("SMALL", "志愿服务", 10, null, false);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		f.approved(township, m, "2025-04", big);
		f.approved(township, m, "2025-05", small);

		JsonNode index = f.index(m, 2025);
		// 100 − 30 + min(25, 20) = 90
		assertThat(index.get("index").asInt()).isEqualTo(90);
		assertThat(index.get("entries")).hasSize(5);
		assertThat(index.get("explanation").toString()).contains("超出的 5 分不计入");
	}

	@Test
	void anApprovedVetoClaimSetsTheYearToZero() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "否决");
		String veto = f.item("VETO", "受到党纪处分", 0, null, true);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		f.approved(township, m, "2025-08", veto);

		JsonNode index = f.index(m, 2025);
		assertThat(index.get("index").asInt()).isZero();
		assertThat(index.get("warning").asBoolean()).isTrue();
		assertThat(index.get("explanation").toString()).contains("一票否决");
		JsonNode quarters = index.get("quarters");
		assertThat(quarters).extracting(q -> q.get("index").asInt()).containsExactly(100, 100, 0, 0);
	}

	@Test
	void rankingsExportToExcel() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		f.member(branch, "导出");
		Api.Response xlsx = f.admin.get("/api/organizations/" + town + "/vanguard-ranking.xlsx?year=2025");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).contains("spreadsheetml");
		assertThat(xlsx.bytes()[0]).isEqualTo((byte) 'P');
		assertThat(xlsx.bytes()[1]).isEqualTo((byte) 'K');
		Api.Response warnings = f.admin.get("/api/organizations/" + town + "/warning-members.xlsx?year=2025");
		assertThat(warnings.status()).isEqualTo(200);
	}

	@Test
	void quarterRankingsAreOnlyForEndedQuartersAndYearsMustBeSensible() {
		String town = f.township();
		assertThat(f.admin.get("/api/organizations/" + town + "/vanguard-ranking?year=2025&quarter=2").status())
			.isEqualTo(200);
		assertThat(f.admin.get("/api/organizations/" + town + "/vanguard-ranking?year=2025&quarter=5").status())
			.isEqualTo(400);
		assertThat(f.admin.get("/api/organizations/" + town + "/vanguard-ranking?year=1999").status()).isEqualTo(400);
		int next = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
		assertThat(f.admin.get("/api/organizations/" + town + "/vanguard-ranking?year=" + next).status()).isEqualTo(400);
	}

	@Test
	void cadresMissingADailyLogInAnEndedMonthLosePointsWithinTheItemsCap() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String cadre = f.member(branch, "驻村干部");
		JsonNode item = f.inputItem("CADRE_LOG_MISSED", "未按月填写工作日志", -2, 12);
		int points = item.get("points").asInt();
		Integer cap = item.get("yearlyCap").isNull() ? null : item.get("yearlyCap").asInt();
		Api.Response duty = f.admin.post("/api/members/" + cadre + "/cadre-duties",
				Map.of("organizationId", branch, "startedOn", "2025-09-01", "endedOn", "2025-12-31"));
		assertThat(duty.status()).as(duty.body()).isEqualTo(201);
		Api cadreAccount = f.account("CADRE", branch, cadre);
		Api.Response log = cadreAccount.post("/api/cadre-logs", Map.of("date", "2025-10-08", "content", "走访农户5户"));
		assertThat(log.status()).as(log.body()).isEqualTo(201);
		assertThat(cadreAccount.post("/api/cadre-logs", Map.of("date", "2025-10-08", "content", "重复")).status())
			.isEqualTo(409);
		assertThat(cadreAccount.post("/api/cadre-logs", Map.of("date", "2025-08-08", "content", "无任务")).status())
			.isEqualTo(422);

		JsonNode index = f.index(cadre, 2025);
		// September, November and December were missed.
		int expected = 0;
		for (int i = 0; i < 3; i++) {
			int left = cap == null ? Math.abs(points) : Math.max(0, cap - i * Math.abs(points));
			expected += Integer.signum(points) * Math.min(Math.abs(points), left);
		}
		assertThat(index.get("index").asInt()).isEqualTo(Math.min(100, 100 + expected));
		assertThat(index.get("entries")).extracting(e -> e.get("source").asText()).containsOnly("CADRE_LOG");
		assertThat(index.get("entries")).extracting(e -> e.get("date").asText())
			.containsExactly("2025-09-30", "2025-11-30", "2025-12-31");
	}

	@Test
	void recomputeIsForAdminsAndIsAudited() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		f.member(branch, "重算");
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		assertThat(secretary.post("/api/organizations/" + branch + "/vanguard-recompute?year=2025", Map.of()).status())
			.isEqualTo(403);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		Api.Response r = township.post("/api/organizations/" + town + "/vanguard-recompute?year=2025", Map.of());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("members").asInt()).isEqualTo(1);
		JsonNode audit = f.admin.get("/api/audit?entityId=" + town + "/2025").json().get("items");
		assertThat(audit).extracting(e -> e.get("action").asText()).contains("RECOMPUTE");
	}

	/** Organizations, members, accounts, meetings and claims for these tests, through the API. */
	static final class Fixture {

		private static final AtomicInteger CODES = new AtomicInteger();

		final Api admin;
		final String root;

		Fixture(Api admin) {
			this.admin = admin;
			this.root = TestData.rootId(admin);
		}

		String township() {
			return TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("积分镇"));
		}

		String branch(String parent, String field) {
			return TestData.createOrg(admin, parent, "BRANCH", field, TestData.unique("积分支部"));
		}

		String member(String branch, String name) {
			return member(branch, name, "2020-06-01");
		}

		String member(String branch, String name, String joinedOn) {
			return TestData.createMember(admin, branch, TestData.unique(name), Gender.MALE, "FULL", joinedOn);
		}

		Api account(String role, String organizationId, String memberId) {
			String user = TestData.unique("sc").replace("-", "");
			Map<String, Object> body = new HashMap<>();
			body.put("username", user);
			body.put("password", "Scoring-Test-1");
			body.put("role", role);
			body.put("organizationId", organizationId);
			if (memberId != null) {
				body.put("memberId", memberId);
			}
			Api.Response r = admin.post("/api/accounts", body);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			return admin.as(user, "Scoring-Test-1");
		}

		/** Records a meeting; members of the branch not listed count as absent. */
		String meeting(String branch, String type, String heldOn, Map<String, String> attendance) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", type);
			body.put("heldOn", heldOn);
			body.put("theme", "主题 " + heldOn);
			body.put("firstTopic", "学习贯彻党的二十届四中全会精神");
			List<Map<String, String>> lines = new ArrayList<>();
			attendance.forEach((member, status) -> lines.add(Map.of("memberId", member, "status", status)));
			body.put("attendance", lines);
			Api.Response r = admin.post("/api/organizations/" + branch + "/meetings", body);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			return r.text("id");
		}

		/** A catalogue item with a code unique to this test run. */
		String item(String prefix, String name, int points, Integer cap, boolean veto) {
			String code = prefix + "_" + System.nanoTime() % 100_000_000L + "_" + CODES.incrementAndGet();
			Map<String, Object> body = new HashMap<>();
			body.put("code", code);
			body.put("name", name);
			body.put("points", points);
			body.put("yearlyCap", cap);
			body.put("veto", veto);
			Api.Response r = admin.post("/api/point-items", body);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			return code;
		}

		/** The county's item of a system input, defined once for the shared test county. */
		synchronized JsonNode inputItem(String code, String name, int points, Integer cap) {
			for (JsonNode i : admin.get("/api/point-items").json().get("items")) {
				if (i.get("code").asText().equals(code)) {
					return i;
				}
			}
			Map<String, Object> body = new HashMap<>();
			body.put("code", code);
			body.put("name", name);
			body.put("points", points);
			body.put("yearlyCap", cap);
			Api.Response r = admin.post("/api/point-items", body);
			assertThat(r.status()).as(r.body()).isIn(201, 409);
			return inputItem(code, name, points, cap);
		}

		String claim(Api filer, String member, String month, String code) {
			Api.Response r = filer.post("/api/members/" + member + "/point-claims",
					Map.of("month", month, "itemCode", code, "note", "申报说明 " + month));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			assertThat(r.text("status")).isEqualTo("PENDING");
			return r.text("id");
		}

		/** Filed by {@code filer}, approved by the county admin (a different account). */
		String approved(Api filer, String member, String month, String code) {
			String id = claim(filer, member, month, code);
			Api.Response r = admin.post("/api/point-claims/" + id + "/approve", Map.of("reason", "情况属实"));
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			return id;
		}

		JsonNode index(String member, int year) {
			Api.Response r = admin.get("/api/members/" + member + "/vanguard-index?year=" + year);
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			return r.json();
		}

		Integer rankedIndex(String branch, String member) {
			return rankedIndex(branch, member, 2025);
		}

		Integer rankedIndex(String branch, String member, int year) {
			Api.Response r = admin.get("/api/organizations/" + branch + "/vanguard-ranking?year=" + year);
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			for (JsonNode i : r.json().get("items")) {
				if (i.get("memberId").asText().equals(member)) {
					return i.get("index").asInt();
				}
			}
			return null;
		}
	}
}
