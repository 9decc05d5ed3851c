package cn.jiceng.masswork;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.Workbooks;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Mass work": households, visits and coverage, errands that never go overnight, scope and roles. */
@ApiTest
class MassworkApiTests {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String village;

	String cadreMember;

	Api cadre;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("群众镇"));
		village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("群众村"));
		cadreMember = TestData.createMember(admin, village, "驻村甲", Gender.MALE, "FULL", "2010-05-01");
		cadre = account("CADRE", town);
	}

	Api account(String role, String org) {
		String user = TestData.unique("mw").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Mass-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Mass-Pass-1");
	}

	String household(Api api, String head, String... tags) {
		Api.Response r = api.post("/api/organizations/" + village + "/households",
				Map.of("head", head, "address", "一组12号", "group", "一组", "phone", "13812345678", "tags", List.of(tags)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	static String countyTime(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(COUNTY).toOffsetDateTime().toString();
	}

	@Test
	void aCadreRecordsHouseholdsWithTagsAndInspectorsSeeTheirPhonesMasked() {
		String id = household(cadre, "王大山", "POOR", "ELDERLY_ALONE");
		JsonNode list = cadre.get("/api/organizations/" + town + "/households?q=王大").json();
		assertThat(list.get("total").asInt()).isEqualTo(1);
		JsonNode h = list.get("items").get(0);
		assertThat(h.get("id").asText()).isEqualTo(id);
		assertThat(h.get("phone").asText()).isEqualTo("13812345678");
		assertThat(h.get("tags").toString()).contains("POOR", "ELDERLY_ALONE");
		Api inspector = account("INSPECTOR", town);
		assertThat(inspector.get("/api/organizations/" + village + "/households").json().get("items").get(0).get("phone")
			.asText()).isEqualTo("138****5678");
		assertThat(inspector.post("/api/organizations/" + village + "/households",
				Map.of("head", "李", "address", "二组")).status()).isEqualTo(403);
	}

	@Test
	void anImportWithOneBadRowSavesNothingAndNamesTheRowAndColumn() {
		byte[] bad = Workbooks.write("农户", HouseholdExcel.HEAD, List.of(
				List.of("钱一", "二组3号", "二组", "13912345678", "留守、残疾"),
				List.of("钱二", "二组4号", "二组", "1391234", "")));
		Api.Response r = cadre.postMultipart("/api/organizations/" + village + "/households/import", "农户.xlsx",
				Workbooks.XLSX.toString(), bad);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("saved").asInt()).isZero();
		assertThat(r.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(r.json().get("errors").get(0).get("column").asText()).isEqualTo("联系电话");
		assertThat(cadre.get("/api/organizations/" + village + "/households").json().get("total").asInt()).isZero();

		byte[] good = Workbooks.write("农户", HouseholdExcel.HEAD, List.of(
				List.of("钱一", "二组3号", "二组", "13912345678", "留守、残疾"),
				List.of("钱二", "二组4号", "二组", "", "")));
		Api.Response ok = cadre.postMultipart("/api/organizations/" + village + "/households/import", "农户.xlsx",
				Workbooks.XLSX.toString(), good);
		assertThat(ok.json().get("saved").asInt()).as(ok.body()).isEqualTo(2);
		JsonNode first = cadre.get("/api/organizations/" + village + "/households?q=钱一").json().get("items").get(0);
		assertThat(first.get("tags").toString()).contains("LEFT_BEHIND", "DISABLED");
		Api.Response export = cadre.get("/api/organizations/" + town + "/households/export");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).contains("spreadsheetml");
		assertThat(cadre.get("/api/organizations/" + village + "/households/import-template").status()).isEqualTo(200);
	}

	@Test
	void badHouseholdInputIsRefusedInChineseAndNothingIsSaved() {
		Api.Response r = cadre.post("/api/organizations/" + village + "/households",
				Map.of("head", "", "address", "一组", "phone", "12345", "tags", List.of("RICH")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body()).contains("请填写户主姓名", "tags", "phone");
		assertThat(cadre.get("/api/organizations/" + village + "/households").json().get("total").asInt()).isZero();
	}

	@Test
	void coverageListsTheHouseholdsUnderTwoVisitsOfTheYear() {
		String a = household(cadre, "甲户");
		String b = household(cadre, "乙户");
		household(cadre, "丙户");
		for (String on : List.of("2024-03-06", "2024-09-07")) {
			Api.Response v = cadre.post("/api/households/" + a + "/visits", Map.of("on", on, "visitorMemberId",
					cadreMember, "notes", "问群众愁什么：灌溉水渠", "questions", List.of("WORRYING", "NEEDING")));
			assertThat(v.status()).as(v.body()).isEqualTo(201);
		}
		assertThat(cadre.post("/api/households/" + b + "/visits",
				Map.of("on", "2024-05-06", "visitorMemberId", cadreMember, "notes", "走访")).status()).isEqualTo(201);
		// a visit of another year does not count
		assertThat(cadre.post("/api/households/" + b + "/visits",
				Map.of("on", "2023-12-31", "visitorMemberId", cadreMember, "notes", "走访")).status()).isEqualTo(201);
		JsonNode c = admin.get("/api/organizations/" + town + "/visit-coverage?year=2024").json();
		assertThat(c.get("households").asInt()).isEqualTo(3);
		assertThat(c.get("visitedEnough").asInt()).isEqualTo(1);
		assertThat(c.get("rate").asDouble()).isEqualTo(1.0 / 3);
		assertThat(c.get("underVisited")).hasSize(2);
		assertThat(c.get("underVisited").get(0).get("visits").asInt()).isZero();
		assertThat(c.get("underVisited").get(1).get("householdId").asText()).isEqualTo(b);
		assertThat(c.get("underVisited").get(1).get("visits").asInt()).isEqualTo(1);
		JsonNode visits = cadre.get("/api/households/" + a + "/visits").json();
		assertThat(visits).hasSize(2);
		assertThat(visits.get(0).get("questions").toString()).contains("WORRYING");
		Api.Response future = cadre.post("/api/households/" + a + "/visits", Map.of("on",
				LocalDate.now(COUNTY).plusDays(2).toString(), "visitorMemberId", cadreMember, "notes", "走访"));
		assertThat(future.status()).isEqualTo(422);
		assertThat(cadre.get("/api/households/" + a + "/visits").json()).hasSize(2);
	}

	@Test
	void errandsDoneOrAnsweredTheSameDayDoNotGoOvernightAndTheSummaryCountsThem() {
		LocalDate day = LocalDate.of(2024, 6, 3);
		String done = errand(countyTime(day, 9, 0));
		assertThat(cadre.post("/api/errands/" + done + "/complete",
				Map.of("at", countyTime(day, 23, 59), "result", "已代办医保")).json().get("status").asText()).isEqualTo("DONE");
		String late = errand(countyTime(day, 10, 0));
		JsonNode lateDone = cadre.post("/api/errands/" + late + "/complete",
				Map.of("at", countyTime(day.plusDays(1), 0, 0), "result", "次日办结")).json();
		assertThat(lateDone.get("overnight").asBoolean()).isTrue();
		String deferred = errand(countyTime(day, 11, 0));
		JsonNode d = cadre.post("/api/errands/" + deferred + "/defer", Map.of("at", countyTime(day, 17, 0), "reply",
				"需镇里审批", "promisedOn", day.plusDays(3).toString())).json();
		assertThat(d.get("status").asText()).isEqualTo("DEFERRED");
		assertThat(d.get("overnight").asBoolean()).isFalse();
		assertThat(d.get("overdue").asBoolean()).isTrue();
		String open = errand(countyTime(day, 15, 0));

		Api.Response early = cadre.post("/api/errands/" + open + "/feedback", Map.of("satisfaction", "SATISFIED"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("detail").asText()).contains("办结后");
		assertThat(cadre.post("/api/errands/" + done + "/feedback", Map.of("satisfaction", "SATISFIED")).status())
			.isEqualTo(200);
		assertThat(cadre.post("/api/errands/" + late + "/feedback", Map.of("satisfaction", "UNSATISFIED")).status())
			.isEqualTo(200);

		JsonNode list = admin.get("/api/organizations/" + town + "/errands?from=" + day + "&to=" + day).json();
		assertThat(list.get("items")).hasSize(4);
		JsonNode s = list.get("summary");
		assertThat(s.get("received").asInt()).isEqualTo(4);
		assertThat(s.get("doneSameDay").asInt()).isEqualTo(1);
		assertThat(s.get("overnight").asInt()).isEqualTo(2);
		assertThat(s.get("overdue").asInt()).isEqualTo(1);
		assertThat(s.get("satisfactionRate").asDouble()).isEqualTo(0.5);
		long overnightItems = 0;
		for (JsonNode i : list.get("items")) {
			overnightItems += i.get("overnight").asBoolean() ? 1 : 0;
		}
		assertThat(overnightItems).isEqualTo(2);
		assertThat(admin.get("/api/organizations/" + town + "/errands?from=" + day.plusDays(1)).json().get("items"))
			.isEmpty();
		JsonNode table = admin.get("/api/organizations/" + town + "/mass-work?year=2024").json().get("rows");
		assertThat(table.get(0).get("organizationId").asText()).isEqualTo(town);
		assertThat(table.get(0).get("received").asInt()).isEqualTo(4);
		assertThat(table.get(1).get("organizationId").asText()).isEqualTo(village);
		assertThat(table.get(1).get("overnight").asInt()).isEqualTo(2);
	}

	@Test
	void refusedErrandWritesChangeNothing() {
		Api.Response noOffset = cadre.post("/api/organizations/" + village + "/errands",
				Map.of("requester", "赵四", "content", "代缴电费", "receivedAt", "2024-06-03T09:00:00"));
		assertThat(noOffset.status()).isEqualTo(400);
		assertThat(noOffset.body()).contains("带时区");
		Api.Response future = cadre.post("/api/organizations/" + village + "/errands", Map.of("requester", "赵四",
				"content", "代缴电费", "receivedAt", OffsetDateTime.now(COUNTY).plusHours(2).toString()));
		assertThat(future.status()).isEqualTo(422);
		assertThat(admin.get("/api/organizations/" + village + "/errands?from=2000-01-01&to=2100-01-01").json()
			.get("items")).isEmpty();

		LocalDate day = LocalDate.of(2024, 6, 4);
		String id = errand(countyTime(day, 9, 0));
		Api.Response before = cadre.post("/api/errands/" + id + "/complete",
				Map.of("at", countyTime(day, 8, 0), "result", "办结"));
		assertThat(before.status()).isEqualTo(422);
		assertThat(before.json().get("detail").asText()).isEqualTo("办结时间不能早于受理时间");
		Api.Response sameDayPromise = cadre.post("/api/errands/" + id + "/defer",
				Map.of("at", countyTime(day, 10, 0), "reply", "再等等", "promisedOn", day.toString()));
		assertThat(sameDayPromise.status()).isEqualTo(422);
		JsonNode unchanged = cadre.get("/api/errands/" + id).json();
		assertThat(unchanged.get("status").asText()).isEqualTo("RECEIVED");
		assertThat(unchanged.get("version").asInt()).isZero();
		Api.Response stale = cadre.post("/api/errands/" + id + "/complete",
				Map.of("at", countyTime(day, 11, 0), "result", "办结", "version", 7));
		assertThat(stale.status()).isEqualTo(409);
	}

	@Test
	void twoCadresCompletingTheSameErrandCompleteItOnce() {
		Api other = account("CADRE", village);
		LocalDate day = LocalDate.of(2024, 6, 5);
		String id = errand(countyTime(day, 9, 0));
		List<Api.Response> answers = Race.run(
				() -> cadre.post("/api/errands/" + id + "/complete", Map.of("at", countyTime(day, 10, 0), "result", "甲办结")),
				() -> other.post("/api/errands/" + id + "/complete", Map.of("at", countyTime(day, 11, 0), "result", "乙办结")));
		String told = answers.get(0).body() + " | " + answers.get(1).body();
		assertThat(answers).as(told).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
		JsonNode after = cadre.get("/api/errands/" + id).json();
		assertThat(after.get("version").asInt()).isEqualTo(1);
		String winner = answers.get(0).status() == 200 ? "甲办结" : "乙办结";
		assertThat(after.get("result").asText()).isEqualTo(winner);
	}

	@Test
	void errandsOutsideTheScopeAreNotFoundAndMembersCannotSeeTheLedger() {
		String id = errand(countyTime(LocalDate.of(2024, 6, 6), 9, 0));
		String otherTown = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他镇"));
		Api outsider = account("CADRE", otherTown);
		assertThat(outsider.get("/api/errands/" + id).status()).isEqualTo(404);
		assertThat(outsider.post("/api/errands/" + id + "/complete",
				Map.of("at", countyTime(LocalDate.of(2024, 6, 6), 10, 0), "result", "x")).status()).isEqualTo(404);
		assertThat(outsider.get("/api/organizations/" + town + "/errands").status()).isEqualTo(404);
		assertThat(outsider.get("/api/organizations/" + town + "/visit-coverage").status()).isEqualTo(404);
	}

	String errand(String receivedAt) {
		Api.Response r = cadre.post("/api/organizations/" + village + "/errands", Map.of("requester", "赵四", "content",
				"代办新农合缴费", "receivedAt", receivedAt, "handlerMemberId", cadreMember));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("status")).isEqualTo("RECEIVED");
		return r.text("id");
	}
}
