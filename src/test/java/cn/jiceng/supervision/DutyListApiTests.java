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
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Responsibility and supervision", the three lists: items, progress, completion rate and overdue items. */
@ApiTest
class DutyListApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String village;

	String member;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("清单镇"));
		village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("清单村支部"));
		member = TestData.createMember(admin, village, "领办人", Gender.MALE, "FULL", "2010-05-01");
	}

	Api account(String role, String org) {
		String user = TestData.unique("dl").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Duty-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
		return admin.as(user, "Duty-Pass-1");
	}

	Api.Response create(Api api, String org, String kind, List<Map<String, Object>> items) {
		return api.post("/api/organizations/" + org + "/duty-lists",
				Map.of("year", TODAY.getYear(), "kind", kind, "items", items));
	}

	@Test
	void progressMakesItemsDoneAndTheSubtreeShowsRatesAndOverdueItems() {
		Api secretary = account("BRANCH_SECRETARY", village);
		Api.Response list = create(secretary, village, "LIVELIHOOD", List.of(
				Map.of("title", "修缮村道", "dueOn", TODAY.minusDays(1).toString(), "leadMemberId", member),
				Map.of("title", "安装路灯", "dueOn", TODAY.plusMonths(1).toString()),
				Map.of("title", "整治河塘", "dueOn", TODAY.minusDays(10).toString())));
		assertThat(list.status()).as(list.body()).isEqualTo(201);
		assertThat(list.text("id")).isNotBlank();
		JsonNode items = list.json().get("items");
		assertThat(items).hasSize(3);
		assertThat(items.get(0).get("title").asText()).isEqualTo("修缮村道");
		assertThat(items.get(0).get("dueOn").asText()).isEqualTo(TODAY.minusDays(1).toString());
		assertThat(items.get(0).get("leadMemberId").asText()).isEqualTo(member);

		Api.Response progress = secretary.post("/api/duty-items/" + items.get(2).get("id").asText() + "/progress",
				Map.of("on", TODAY.toString(), "note", "河塘清淤完成", "done", true));
		assertThat(progress.status()).as(progress.body()).isEqualTo(201);
		assertThat(secretary.post("/api/duty-items/" + items.get(1).get("id").asText() + "/progress",
				Map.of("on", TODAY.toString(), "note", "已采购路灯", "done", false)).status()).isEqualTo(201);
		Api.Response evidence = secretary.postMultipart("/api/duty-items/" + items.get(2).get("id").asText() + "/files",
				"河塘.jpg", "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, 9 });
		assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);

		JsonNode summary = admin.get("/api/organizations/" + town + "/duty-lists?year=" + TODAY.getYear()).json();
		assertThat(summary.get("items")).hasSize(1);
		JsonNode row = summary.get("items").get(0);
		assertThat(row.get("organizationId").asText()).isEqualTo(village);
		assertThat(row.get("kind").asText()).isEqualTo("LIVELIHOOD");
		assertThat(row.get("total").asInt()).isEqualTo(3);
		assertThat(row.get("done").asInt()).isEqualTo(1);
		assertThat(row.get("overdue").asInt()).isEqualTo(1);
		assertThat(row.get("completionRate").asDouble()).isEqualTo(1 / 3.0);

		JsonNode detail = secretary.get("/api/duty-lists/" + list.text("id")).json();
		assertThat(detail.get("list").get("items").get(2).get("done").asBoolean()).isTrue();
		assertThat(detail.get("files").get(items.get(2).get("id").asText())).hasSize(1);

		// a later note saying it is not done after all undoes it
		secretary.post("/api/duty-items/" + items.get(2).get("id").asText() + "/progress",
				Map.of("on", TODAY.toString(), "note", "验收发现仍有淤积", "done", false));
		JsonNode again = admin.get("/api/organizations/" + village + "/duty-lists").json().get("items").get(0);
		assertThat(again.get("done").asInt()).isZero();
		assertThat(again.get("overdue").asInt()).isEqualTo(2);
		assertThat(again.get("completionRate").asDouble()).isZero();
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		Api.Response noItems = create(admin, village, "ORGANIZATION", List.of());
		assertThat(noItems.status()).isEqualTo(400);
		assertThat(create(admin, village, "OTHER", List.of(Map.of("title", "x", "dueOn", TODAY.toString()))).status())
			.isEqualTo(400);
		assertThat(create(admin, village, "ORGANIZATION", List.of(Map.of("title", "x", "dueOn", "明天"))).status())
			.isEqualTo(400);
		assertThat(create(admin, village, "ORGANIZATION",
				List.of(Map.of("title", "x", "dueOn", TODAY.toString(), "leadMemberId", "987654321012"))).status())
			.isEqualTo(400);
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("机关支部"));
		assertThat(create(admin, agency, "ORGANIZATION", List.of(Map.of("title", "x", "dueOn", TODAY.toString())))
			.status()).isEqualTo(400);
		assertThat(create(account("INSPECTOR", town), village, "ORGANIZATION",
				List.of(Map.of("title", "x", "dueOn", TODAY.toString()))).status()).isEqualTo(403);
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外镇"));
		assertThat(create(account("TOWNSHIP_ADMIN", otherTown), village, "ORGANIZATION",
				List.of(Map.of("title", "x", "dueOn", TODAY.toString()))).status()).isEqualTo(404);
		assertThat(admin.get("/api/organizations/" + village + "/duty-lists").json().get("items")).isEmpty();

		Api.Response made = create(admin, village, "ORGANIZATION", List.of(Map.of("title", "x", "dueOn", TODAY.toString())));
		assertThat(made.status()).isEqualTo(201);
		assertThat(create(admin, village, "ORGANIZATION", List.of(Map.of("title", "y", "dueOn", TODAY.toString())))
			.status()).isEqualTo(409);
		String item = made.json().get("items").get(0).get("id").asText();
		assertThat(admin.post("/api/duty-items/" + item + "/progress", Map.of("on", TODAY.toString(), "note", "x"))
			.status()).isEqualTo(400);
		assertThat(admin.post("/api/duty-items/" + item + "/progress",
				Map.of("on", TODAY.plusDays(1).toString(), "note", "x", "done", true)).status()).isEqualTo(400);
	}
}
