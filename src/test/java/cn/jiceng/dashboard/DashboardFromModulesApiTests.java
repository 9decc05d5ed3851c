package cn.jiceng.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's figures from the later modules (one record feeds every ledger): a development record, an overdue
 * problem, an overdue three-list item, an errand gone overnight and a published inspection round each show up in the
 * dashboard of their township, through the modules' own implementations of the common interfaces.
 */
@ApiTest
class DashboardFromModulesApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Test
	void recordsOfTheLaterModulesFeedTheDashboardOfTheirTownship() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("指挥镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("指挥村"));
		String low = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("末位村"));
		TestData.createMember(admin, branch, "指挥党员", Gender.MALE, "FULL", "2010-05-01");
		JsonNode before = admin.get("/api/organizations/" + town + "/dashboard").json();
		assertThat(before.get("overdue").get("problems").asLong()).isZero();
		assertThat(before.get("latestInspection").isNull()).isTrue();

		Api.Response record = admin.post("/api/development-records", Map.of("name", "指挥申请人", "gender", "MALE",
				"idNumber", TestData.idNumber(Gender.MALE), "organizationId", branch, "appliedOn",
				TODAY.minusMonths(2).toString()));
		assertThat(record.status()).as(record.body()).isEqualTo(201);
		Api.Response notice = admin.post("/api/rectification-notices", Map.of("title", "指挥整改通知", "issuedOn",
				TODAY.minusDays(20).toString(), "problems", List.of(Map.of("organizationId", branch, "description",
						"台账不全", "dueOn", TODAY.minusDays(1).toString()))));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		Api.Response list = admin.post("/api/organizations/" + branch + "/duty-lists", Map.of("year", TODAY.getYear(),
				"kind", "LIVELIHOOD", "items", List.of(Map.of("title", "修缮村道", "dueOn", TODAY.minusDays(1).toString()))));
		assertThat(list.status()).as(list.body()).isEqualTo(201);
		Api.Response errand = admin.post("/api/organizations/" + branch + "/errands", Map.of("requester", "指挥群众",
				"content", "代办低保", "receivedAt", TODAY.minusDays(3) + "T09:00:00+08:00"));
		assertThat(errand.status()).as(errand.body()).isEqualTo(201);
		Api.Response round = admin.post("/api/inspections", Map.of("name", "指挥经常赛", "kind", "FREQUENT", "heldOn",
				TODAY.minusDays(5).toString(), "organizationIds", List.of(branch, low), "items",
				List.of(Map.of("code", "ALL", "name", "综合", "points", 100))));
		assertThat(round.status()).as(round.body()).isEqualTo(201);
		String id = round.text("id");
		assertThat(admin.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(
				Map.of("organizationId", branch, "itemCode", "ALL", "points", 90),
				Map.of("organizationId", low, "itemCode", "ALL", "points", 60)))).status()).isEqualTo(200);
		assertThat(admin.post("/api/inspections/" + id + "/publish", Map.of()).status()).isEqualTo(200);

		JsonNode after = admin.get("/api/organizations/" + town + "/dashboard").json();
		assertThat(after.get("development").get("APPLICANT").asLong()).isEqualTo(1);
		assertThat(after.get("overdue").get("problems").asLong()).isEqualTo(1);
		assertThat(after.get("overdue").get("dutyItems").asLong()).isEqualTo(1);
		assertThat(after.get("overdue").get("errands").asLong()).isEqualTo(1);
		JsonNode inspection = after.get("latestInspection");
		assertThat(inspection.get("id").asText()).isEqualTo(id);
		assertThat(inspection.get("bottom").get(0).get("organizationId").asText()).isEqualTo(low);
		assertThat(inspection.get("bottom").get(0).get("score").decimalValue()).isEqualByComparingTo("60");
		// the other township sees none of it
		String other = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他指挥镇"));
		JsonNode elsewhere = admin.get("/api/organizations/" + other + "/dashboard").json();
		assertThat(elsewhere.get("overdue").get("errands").asLong()).isZero();
		assertThat(elsewhere.get("latestInspection").isNull()).isTrue();
	}
}
