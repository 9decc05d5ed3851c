package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API.md "Responsibility and supervision", assigned problems: the notice, the assignee's rectification with evidence,
 * the issuing side's verification and reopening, the follow-up rhythm, overdue problems and deadline reminders.
 */
@ApiTest
class ProblemApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	ProblemReminderJob reminders;

	Api admin;

	String town;

	String village;

	Api township;

	Api villageAccount;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("交办镇"));
		village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("交办村支部"));
		township = account("TOWNSHIP_ADMIN", town);
		villageAccount = account("BRANCH_SECRETARY", village);
	}

	Api account(String role, String org) {
		String user = TestData.unique("pb").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Problem-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Problem-Pass-1");
	}

	Api.Response issue(Api api, LocalDate issuedOn, List<Map<String, Object>> problems) {
		return api.post("/api/rectification-notices",
				Map.of("title", "关于村级党组织问题整改的通知", "issuedOn", issuedOn.toString(), "problems", problems));
	}

	Map<String, Object> problem(String org, String description, LocalDate dueOn) {
		return Map.of("organizationId", org, "description", description, "dueOn", dueOn.toString());
	}

	String oneProblem(LocalDate issuedOn, LocalDate dueOn) {
		Api.Response r = issue(township, issuedOn, List.of(problem(village, "三会一课记录不全", dueOn)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("problems").get(0).get("id").asText();
	}

	Api.Response photo(Api api, String problem) {
		return api.postMultipart("/api/problems/" + problem + "/files", "整改照片.jpg", "image/jpeg",
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 });
	}

	Api.Response rectified(Api api, String problem) {
		return api.post("/api/problems/" + problem + "/rectified", Map.of("on", TODAY.toString(), "note", "已补齐记录"));
	}

	@Test
	void aProblemIsIssuedRectifiedWithEvidenceVerifiedAndClosed() {
		Api.Response notice = issue(township, TODAY.minusDays(3),
				List.of(problem(village, "三会一课记录不全", TODAY.plusDays(20)), problem(village, "党员档案缺失", TODAY.plusDays(30))));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		assertThat(notice.text("id")).isNotBlank();
		assertThat(notice.json().get("problems")).hasSize(2);
		JsonNode first = notice.json().get("problems").get(0);
		assertThat(first.get("status").asText()).isEqualTo("OPEN");
		assertThat(first.get("organizationId").asText()).isEqualTo(village);
		String id = first.get("id").asText();

		Api.Response bare = rectified(villageAccount, id);
		assertThat(bare.status()).as(bare.body()).isEqualTo(422);
		assertThat(bare.json().get("detail").asText()).contains("佐证材料");
		assertThat(admin.get("/api/problems/" + id).json().get("problem").get("status").asText()).isEqualTo("OPEN");

		assertThat(photo(villageAccount, id).status()).isEqualTo(201);
		Api.Response done = rectified(villageAccount, id);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.text("status")).isEqualTo("RECTIFIED");
		assertThat(rectified(villageAccount, id).status()).isEqualTo(409);

		Api.Response self = villageAccount.post("/api/problems/" + id + "/verify", Map.of("accepted", true));
		assertThat(self.status()).as(self.body()).isEqualTo(403);
		Api.Response reopened = township.post("/api/problems/" + id + "/verify",
				Map.of("accepted", false, "note", "照片不能反映整改情况"));
		assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
		assertThat(reopened.text("status")).isEqualTo("OPEN");
		// the old photo was evidence of the rejected round
		assertThat(rectified(villageAccount, id).status()).isEqualTo(422);
		assertThat(photo(villageAccount, id).status()).isEqualTo(201);
		assertThat(rectified(villageAccount, id).status()).isEqualTo(200);
		Api.Response closed = township.post("/api/problems/" + id + "/verify", Map.of("accepted", true, "note", "整改到位"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.text("status")).isEqualTo("CLOSED");
		assertThat(township.post("/api/problems/" + id + "/verify", Map.of("accepted", true)).status()).isEqualTo(409);

		JsonNode detail = villageAccount.get("/api/problems/" + id).json();
		assertThat(detail.get("files")).hasSize(2);
		assertThat(detail.get("steps")).extracting(s -> s.get("step").asText())
			.containsExactly("RECTIFIED", "REOPENED", "RECTIFIED", "ACCEPTED");
		assertThat(detail.get("problem").get("followUpsDue")).isEmpty();
		String file = detail.get("files").get(0).get("id").asText();
		Api.Response download = villageAccount.get("/api/supervision-files/" + file);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).hasSize(6);

		JsonNode closedList = township.get("/api/organizations/" + town + "/problems?status=CLOSED").json();
		assertThat(closedList.get("total").asInt()).isEqualTo(1);
		assertThat(closedList.get("items").get(0).get("id").asText()).isEqualTo(id);
		JsonNode open = township.get("/api/organizations/" + town + "/problems?status=OPEN").json();
		assertThat(open.get("total").asInt()).isEqualTo(1);
		assertThat(open.get("page").asInt()).isZero();
		assertThat(open.get("size").asInt()).isEqualTo(20);
	}

	@Test
	void aNoticeGoesOnlyToOrganizationsBelowTheIssuerAndABadOneSavesNothing() {
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		Api.Response own = issue(township, TODAY, List.of(problem(town, "自己的问题", TODAY.plusDays(5))));
		assertThat(own.status()).as(own.body()).isEqualTo(400);
		assertThat(own.json().get("errors").get(0).get("field").asText()).isEqualTo("problems[0].organizationId");
		assertThat(issue(township, TODAY, List.of(problem(otherTown, "他镇的问题", TODAY.plusDays(5)))).status())
			.isEqualTo(404);
		Api.Response early = issue(township, TODAY, List.of(problem(village, "期限早于发文", TODAY.minusDays(1))));
		assertThat(early.status()).isEqualTo(400);
		assertThat(issue(township, TODAY, List.of()).status()).isEqualTo(400);
		assertThat(issue(township, TODAY.plusDays(1), List.of(problem(village, "未来发文", TODAY.plusDays(5)))).status())
			.isEqualTo(400);
		assertThat(issue(villageAccount, TODAY, List.of(problem(village, "支部发文", TODAY.plusDays(5)))).status())
			.isEqualTo(403);
		assertThat(issue(account("INSPECTOR", town), TODAY, List.of(problem(village, "巡查发文", TODAY.plusDays(5))))
			.status()).isEqualTo(403);
		assertThat(township.get("/api/organizations/" + town + "/problems").json().get("total").asInt()).isZero();
		// the county may assign to the township itself
		assertThat(issue(admin, TODAY, List.of(problem(town, "乡镇的问题", TODAY.plusDays(5)))).status()).isEqualTo(201);
		assertThat(township.get("/api/organizations/" + otherTown + "/problems").status()).isEqualTo(404);
	}

	@Test
	void theIssuingSideRecordsTheRhythmAndSeesWhatIsDue() {
		String id = oneProblem(TODAY.minusMonths(3).minusDays(1), TODAY.minusDays(1));
		JsonNode row = township.get("/api/organizations/" + town + "/problems").json().get("items").get(0);
		assertThat(row.get("overdue").asBoolean()).isTrue();
		assertThat(row.get("followUpsDue")).extracting(JsonNode::asText)
			.contains("MONTHLY_VISIT", "QUARTERLY_URGE")
			.doesNotContain("HALF_YEAR_REVIEW");

		Api.Response visit = township.post("/api/problems/" + id + "/follow-ups",
				Map.of("on", TODAY.toString(), "kind", "MONTHLY_VISIT", "note", "到村随访"));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		assertThat(visit.text("kind")).isEqualTo("MONTHLY_VISIT");
		assertThat(villageAccount.post("/api/problems/" + id + "/follow-ups",
				Map.of("on", TODAY.toString(), "kind", "MONTHLY_VISIT", "note", "自己随访")).status()).isEqualTo(403);
		assertThat(township.post("/api/problems/" + id + "/follow-ups",
				Map.of("on", TODAY.toString(), "kind", "WEEKLY", "note", "x")).status()).isEqualTo(400);
		assertThat(township.post("/api/problems/" + id + "/follow-ups",
				Map.of("on", TODAY.plusDays(1).toString(), "kind", "MONTHLY_VISIT", "note", "x")).status()).isEqualTo(400);

		JsonNode after = township.get("/api/organizations/" + town + "/problems?overdue=true").json();
		assertThat(after.get("total").asInt()).isEqualTo(1);
		assertThat(after.get("items").get(0).get("followUpsDue")).extracting(JsonNode::asText)
			.contains("QUARTERLY_URGE")
			.doesNotContain("MONTHLY_VISIT");
		assertThat(township.get("/api/organizations/" + town + "/problems?overdue=false").json().get("total").asInt())
			.isZero();
		assertThat(township.get("/api/organizations/" + town + "/problems?overdue=maybe").status()).isEqualTo(400);
		assertThat(township.get("/api/organizations/" + town + "/problems?status=DONE").status()).isEqualTo(400);
		// the village sees its own problem but does not follow it up; another township does not see it at all
		assertThat(villageAccount.get("/api/organizations/" + village + "/problems").json().get("total").asInt())
			.isEqualTo(1);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("远镇"));
		assertThat(account("TOWNSHIP_ADMIN", otherTown).get("/api/problems/" + id).status()).isEqualTo(404);
	}

	@Test
	void twoVerificationsAtOnceDecideOnce() {
		String id = oneProblem(TODAY, TODAY.plusDays(10));
		assertThat(photo(villageAccount, id).status()).isEqualTo(201);
		assertThat(rectified(villageAccount, id).status()).isEqualTo(200);
		List<Integer> verdicts = Race.run(
				() -> township.post("/api/problems/" + id + "/verify", Map.of("accepted", true)).status(),
				() -> admin.post("/api/problems/" + id + "/verify", Map.of("accepted", false, "note", "不合格")).status());
		assertThat(verdicts).containsExactlyInAnyOrder(200, 409);
		JsonNode detail = admin.get("/api/problems/" + id).json();
		assertThat(detail.get("steps")).hasSize(2);
	}

	@Test
	void deadlinesRemindTheAssigneeBeforeAndBothSidesAfterOnce() {
		oneProblem(TODAY, TODAY.plusDays(3));
		oneProblem(TODAY.minusDays(20), TODAY.minusDays(2));
		int first = reminders.run(TODAY);
		assertThat(first).isGreaterThanOrEqualTo(3);
		assertThat(reminders.run(TODAY)).isZero();
		JsonNode inbox = villageAccount.get("/api/notifications").json().get("items");
		assertThat(inbox).extracting(n -> n.get("title").asText())
			.contains("整改提醒：交办问题即将到期", "整改逾期：交办问题已超过整改期限");
		JsonNode issuer = township.get("/api/notifications").json().get("items");
		assertThat(issuer).extracting(n -> n.get("title").asText()).anyMatch(t -> t.startsWith("整改逾期："));
	}
}
