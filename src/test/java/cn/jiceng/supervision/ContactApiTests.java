package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Responsibility and supervision", contact assignments: targets, activities, duties, coverage. */
@ApiTest
class ContactApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	Api.Response assign(Api api, String kind, String member, String org, String startedOn) {
		return api.post("/api/contact-assignments",
				Map.of("kind", kind, "memberId", member, "organizationId", org, "startedOn", startedOn));
	}

	@Test
	void assignmentsCountTheirDutiesAndTheSubtreeShowsWhoIsNotCovered() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("挂联镇"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("挂联村"));
		String other = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("未挂联村"));
		String cadre = TestData.createMember(admin, village, "包村干部", Gender.MALE, "FULL", "2000-07-01");
		int lastYear = TODAY.getYear() - 1;

		assertThat(assign(admin, "LEADER_TO_TOWNSHIP", cadre, village, lastYear + "-01-01").status()).isEqualTo(400);
		assertThat(assign(admin, "TOWNSHIP_MEMBER_TO_BRANCH", cadre, town, lastYear + "-01-01").status()).isEqualTo(400);
		assertThat(assign(admin, "DEPARTMENT_TO_VILLAGE", "987654321012", village, lastYear + "-01-01").status())
			.isEqualTo(400);
		Api.Response leader = assign(admin, "LEADER_TO_TOWNSHIP", cadre, town, lastYear + "-01-01");
		assertThat(leader.status()).as(leader.body()).isEqualTo(201);
		Api.Response dept = assign(admin, "DEPARTMENT_TO_VILLAGE", cadre, village, lastYear + "-01-01");
		assertThat(dept.status()).as(dept.body()).isEqualTo(201);
		String id = dept.text("id");
		for (int v = 0; v < 4; v++) {
			assertThat(admin.post("/api/contact-assignments/" + id + "/activities",
					Map.of("on", lastYear + "-0" + (v + 2) + "-10", "kind", "VISIT", "note", "入户走访")).status())
				.isEqualTo(201);
		}
		assertThat(admin.post("/api/contact-assignments/" + id + "/activities",
				Map.of("on", lastYear + "-06-10", "kind", "PROBLEM_SOLVED", "note", "解决灌溉用水")).status())
			.isEqualTo(201);
		assertThat(admin.post("/api/contact-assignments/" + id + "/activities",
				Map.of("on", lastYear + "-06-10", "kind", "WALK", "note", "x")).status()).isEqualTo(400);
		assertThat(admin.post("/api/contact-assignments/" + id + "/activities",
				Map.of("on", TODAY.plusDays(1).toString(), "kind", "VISIT", "note", "x")).status()).isEqualTo(400);

		JsonNode report = admin.get("/api/organizations/" + town + "/contact-assignments?year=" + lastYear).json();
		JsonNode item = null;
		for (JsonNode i : report.get("items")) {
			if (i.get("id").asText().equals(id)) {
				item = i;
			}
		}
		assertThat(item).isNotNull();
		assertThat(item.get("memberId").asText()).isEqualTo(cadre);
		assertThat(item.get("duties").get("VISIT").get("required").asInt()).isEqualTo(4);
		assertThat(item.get("duties").get("VISIT").get("done").asInt()).isEqualTo(4);
		assertThat(item.get("duties").get("PROBLEM_SOLVED").get("done").asInt()).isEqualTo(1);
		assertThat(item.get("effective").asBoolean()).isFalse();
		assertThat(report.get("uncovered")).anyMatch(u -> u.get("organizationId").asText().equals(other)
				&& u.get("kind").asText().equals("DEPARTMENT_TO_VILLAGE"));
		assertThat(report.get("uncovered")).noneMatch(u -> u.get("organizationId").asText().equals(town));

		JsonNode thisYear = admin.get("/api/organizations/" + town + "/contact-assignments").json();
		assertThat(thisYear.get("items").get(0).get("effective").isNull()).isTrue();
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外乡"));
		String user = TestData.unique("ct").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Contact-Pass-1");
		body.put("role", "TOWNSHIP_ADMIN");
		body.put("organizationId", otherTown);
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
		Api outsider = admin.as(user, "Contact-Pass-1");
		assertThat(outsider.get("/api/organizations/" + town + "/contact-assignments").status()).isEqualTo(404);
		assertThat(assign(outsider, "DEPARTMENT_TO_VILLAGE", cadre, village, lastYear + "-01-01").status())
			.isEqualTo(404);
		assertThat(outsider.post("/api/contact-assignments/" + id + "/activities",
				Map.of("on", lastYear + "-06-10", "kind", "VISIT", "note", "x")).status()).isEqualTo(404);
	}

	@Test
	void anIneffectiveAssignmentCapsTheCadresAppraisalAtGoodAndSaysWhy() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("树根镇"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("树根村"));
		String idle = TestData.createMember(admin, village, "未履职干部", Gender.MALE, "FULL", "2000-07-01");
		String none = TestData.createMember(admin, village, "未挂联干部", Gender.FEMALE, "FULL", "2000-07-01");
		int lastYear = TODAY.getYear() - 1;
		assertThat(assign(admin, "DEPARTMENT_TO_VILLAGE", idle, village, lastYear + "-01-01").status()).isEqualTo(201);
		Map<String, Object> excellent = Map.of("leader", 20, "masses", 40, "departments", 10, "yearEnd", 30);

		Api.Response capped = admin.put("/api/members/" + idle + "/cadre-appraisals/" + lastYear, excellent);
		assertThat(capped.status()).as(capped.body()).isEqualTo(200);
		assertThat(capped.text("grade")).isEqualTo("GOOD");
		assertThat(capped.text("capReason")).contains("挂联帮扶不力", "走访应");

		Api.Response free = admin.put("/api/members/" + none + "/cadre-appraisals/" + lastYear, excellent);
		assertThat(free.text("grade")).isEqualTo("EXCELLENT");
		assertThat(free.json().get("capReason").isNull()).isTrue();
	}
}
