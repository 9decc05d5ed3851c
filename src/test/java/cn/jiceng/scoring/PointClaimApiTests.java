package cn.jiceng.scoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Point claims: filing, review with separation of duties, caps, ended quarters, the catalogue and the audit. */
@ApiTest
class PointClaimApiTests {

	@LocalServerPort
	int port;

	VanguardIndexApiTests.Fixture f;
	String thisMonth;

	@BeforeEach
	void setUp() {
		f = new VanguardIndexApiTests.Fixture(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	@Test
	void aMemberFilesAClaimForThisMonthAndItIsPending() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "申报人");
		Api member = f.account("MEMBER", branch, m);
		String code = f.item("VOL", "志愿服务", 2, 10, false);

		Api.Response r = member.post("/api/members/" + m + "/point-claims",
				Map.of("month", thisMonth, "itemCode", code, "note", "参加社区清洁志愿服务"));

		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("status")).isEqualTo("PENDING");
		assertThat(r.text("id")).isNotBlank();
		JsonNode mine = member.get("/api/members/" + m + "/point-claims").json().get("items");
		assertThat(mine).extracting(c -> c.get("id").asText()).containsExactly(r.text("id"));
	}

	@Test
	void badClaimsAreRefusedWithTheFieldAndChangeNothing() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "填错");
		Api member = f.account("MEMBER", branch, m);

		Api.Response unknown = member.post("/api/members/" + m + "/point-claims",
				Map.of("month", thisMonth, "itemCode", "NO_SUCH_ITEM_X", "note", "说明"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("itemCode");
		Api.Response month = member.post("/api/members/" + m + "/point-claims",
				Map.of("month", "2025-13", "itemCode", "X", "note", "说明"));
		assertThat(month.status()).isEqualTo(400);
		String code = f.item("FUT", "未来", 2, null, false);
		Api.Response future = member.post("/api/members/" + m + "/point-claims",
				Map.of("month", YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString(), "itemCode", code,
						"note", "说明"));
		assertThat(future.status()).isEqualTo(422);
		assertThat(member.get("/api/members/" + m + "/point-claims").json().get("items")).isEmpty();
	}

	@Test
	void aMemberCannotFileForAnotherMember() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "本人");
		String other = f.member(branch, "他人");
		Api member = f.account("MEMBER", branch, m);
		String code = f.item("VOL", "志愿服务", 2, null, false);

		Api.Response r = member.post("/api/members/" + other + "/point-claims",
				Map.of("month", thisMonth, "itemCode", code, "note", "替别人申报"));
		assertThat(r.status()).isEqualTo(404);
	}

	@Test
	void theSecretaryApprovesAndTheIndexChanges() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "被审核");
		Api member = f.account("MEMBER", branch, m);
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		String minus = f.item("LATE_DUES", "未按时交纳党费", -5, null, false);
		String plus = f.item("VOL", "志愿服务", 3, null, false);
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		f.approved(secretary, m, thisMonth, minus);
		assertThat(f.index(m, year).get("index").asInt()).isEqualTo(95);

		String claim = f.claim(member, m, thisMonth, plus);
		assertThat(f.index(m, year).get("index").asInt()).isEqualTo(95);
		Api.Response approved = secretary.post("/api/point-claims/" + claim + "/approve", Map.of("reason", "属实"));

		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		JsonNode index = f.index(m, year);
		assertThat(index.get("index").asInt()).isEqualTo(98);
		assertThat(index.get("entries")).extracting(e -> e.get("source").asText()).containsOnly("POINT_CLAIM");
		assertThat(f.rankedIndex(branch, m, year)).isEqualTo(98);
	}

	@Test
	void approvingAClaimOneFiledIsForbidden() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "代报");
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		String code = f.item("VOL", "志愿服务", 2, null, false);
		String claim = f.claim(secretary, m, thisMonth, code);

		Api.Response r = secretary.post("/api/point-claims/" + claim + "/approve", Map.of());
		assertThat(r.status()).isEqualTo(403);
		assertThat(r.text("detail")).contains("本账号提交");
		assertThat(f.admin.get("/api/point-claims/" + claim).json().get("status").asText()).isEqualTo("PENDING");
	}

	@Test
	void approvingAClaimForOneselfIsForbiddenEvenForAnAdmin() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String official = f.member(branch, "镇干部");
		Api township = f.account("TOWNSHIP_ADMIN", town, official);
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		Api member = f.account("MEMBER", branch, official);
		String code = f.item("VOL", "志愿服务", 2, null, false);
		String filedBySecretary = f.claim(secretary, official, thisMonth, code);
		String filedByMember = f.claim(member, official, thisMonth, code);

		Api.Response own = township.post("/api/point-claims/" + filedBySecretary + "/approve", Map.of());
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.text("detail")).contains("本人");
		assertThat(member.post("/api/point-claims/" + filedByMember + "/approve", Map.of()).status()).isEqualTo(403);
		assertThat(secretary.post("/api/point-claims/" + filedByMember + "/approve", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void rejectingNeedsAReasonAndARejectedClaimCountsNothing() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "驳回");
		Api member = f.account("MEMBER", branch, m);
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		String code = f.item("DED", "违反村规民约", -5, null, false);
		String claim = f.claim(member, m, thisMonth, code);

		assertThat(secretary.post("/api/point-claims/" + claim + "/reject", Map.of()).status()).isEqualTo(400);
		Api.Response r = secretary.post("/api/point-claims/" + claim + "/reject", Map.of("reason", "材料不全"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.text("status")).isEqualTo("REJECTED");
		assertThat(r.text("reviewReason")).isEqualTo("材料不全");
		assertThat(f.index(m, LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()).get("index").asInt()).isEqualTo(100);
		Api.Response again = secretary.post("/api/point-claims/" + claim + "/approve", Map.of());
		assertThat(again.status()).isEqualTo(422);
	}

	@Test
	void claimsForAMonthOfAnEndedQuarterNeedATownshipAccount() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "补报");
		Api member = f.account("MEMBER", branch, m);
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		String code = f.item("VOL", "志愿服务", 4, null, false);
		Map<String, Object> body = Map.of("month", "2025-06", "itemCode", code, "note", "补报六月");

		Api.Response byMember = member.post("/api/members/" + m + "/point-claims", body);
		assertThat(byMember.status()).isEqualTo(422);
		assertThat(byMember.text("detail")).contains("乡镇");
		assertThat(secretary.post("/api/members/" + m + "/point-claims", body).status()).isEqualTo(422);
		String claim = f.claim(township, m, "2025-06", code);
		Api.Response secretaryApproves = secretary.post("/api/point-claims/" + claim + "/approve", Map.of());
		assertThat(secretaryApproves.status()).isEqualTo(422);
		assertThat(f.admin.post("/api/point-claims/" + claim + "/approve", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void anItemsYearlyCapRefusesTheClaimBeyondIt() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "上限");
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		String code = f.item("ARTICLE", "撰写心得体会", 5, 10, false);
		f.approved(township, m, "2025-02", code);
		String second = f.claim(township, m, "2025-03", code);
		String third = f.claim(township, m, "2025-04", code);
		assertThat(f.admin.post("/api/point-claims/" + second + "/approve", Map.of()).status()).isEqualTo(200);

		Api.Response overCap = f.admin.post("/api/point-claims/" + third + "/approve", Map.of());
		assertThat(overCap.status()).isEqualTo(422);
		assertThat(overCap.text("detail")).contains("年度上限 10");
		Api.Response fourth = township.post("/api/members/" + m + "/point-claims",
				Map.of("month", "2025-05", "itemCode", code, "note", "再报"));
		assertThat(fourth.status()).isEqualTo(422);
	}

	@Test
	void systemInputItemsCannotBeClaimed() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "系统项");
		f.inputItem("SECRETARY_LECTURE_SHORT", "村书记讲党课不足", -5, null);
		Api.Response r = f.admin.post("/api/members/" + m + "/point-claims",
				Map.of("month", thisMonth, "itemCode", "SECRETARY_LECTURE_SHORT", "note", "说明"));
		assertThat(r.status()).isEqualTo(422);
	}

	@Test
	void onlyTheCountyAdminDefinesCatalogueItems() {
		String town = f.township();
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		Map<String, Object> body = new HashMap<>();
		body.put("code", "TOWN_ITEM_" + System.nanoTime() % 100000);
		body.put("name", "乡镇自定");
		body.put("points", 2);
		assertThat(township.post("/api/point-items", body).status()).isEqualTo(403);

		String code = f.item("HONOR", "受到县级以上表彰", 5, 10, false);
		body.put("code", code);
		assertThat(f.admin.post("/api/point-items", body).status()).isEqualTo(409);
		Api.Response bad = f.admin.post("/api/point-items", Map.of("code", "bad code", "name", "", "points", 0));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText()).contains("code", "name", "points");
		Api.Response capBelowPoints = f.admin.post("/api/point-items",
				Map.of("code", code + "_CAP", "name", "上限过小", "points", 5, "yearlyCap", 3));
		assertThat(capBelowPoints.status()).isEqualTo(400);

		JsonNode listed = null;
		for (JsonNode i : township.get("/api/point-items").json().get("items")) {
			if (i.get("code").asText().equals(code)) {
				listed = i;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("points").asInt()).isEqualTo(5);
		assertThat(listed.get("yearlyCap").asInt()).isEqualTo(10);
		assertThat(listed.get("veto").asBoolean()).isFalse();
		assertThat(listed.get("kind").asText()).isEqualTo("BONUS");
	}

	@Test
	void everyFilingAndDecisionIsAudited() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String m = f.member(branch, "留痕");
		Api member = f.account("MEMBER", branch, m);
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		String code = f.item("VOL", "志愿服务", 2, null, false);
		String claim = f.claim(member, m, thisMonth, code);
		secretary.post("/api/point-claims/" + claim + "/reject", Map.of("reason", "时间不符"));

		JsonNode audit = f.admin.get("/api/audit?entityId=" + claim).json().get("items");
		assertThat(audit).extracting(e -> e.get("action").asText()).containsExactly("REJECT", "CREATE");
		assertThat(audit.get(0).get("changes").toString()).contains("时间不符");
	}

	@Test
	void theReviewQueueListsThePendingClaimsOfTheSubtree() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String otherBranch = f.branch(town, "RURAL");
		String m = f.member(branch, "排队");
		String o = f.member(otherBranch, "别支部");
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		String code = f.item("VOL", "志愿服务", 2, null, false);
		String mine = f.claim(f.admin, m, thisMonth, code);
		String theirs = f.claim(f.admin, o, thisMonth, code);

		JsonNode queue = secretary.get("/api/organizations/" + branch + "/point-claims?status=PENDING").json();
		assertThat(queue.get("items")).extracting(c -> c.get("id").asText()).containsExactly(mine);
		assertThat(queue.get("total").asInt()).isEqualTo(1);
		assertThat(secretary.get("/api/organizations/" + otherBranch + "/point-claims").status()).isEqualTo(404);
		assertThat(secretary.post("/api/point-claims/" + theirs + "/approve", Map.of()).status()).isEqualTo(404);
		JsonNode townQueue = f.admin.get("/api/organizations/" + town + "/point-claims?status=PENDING").json();
		assertThat(townQueue.get("items")).hasSize(2);
	}
}
