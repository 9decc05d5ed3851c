package cn.jiceng.dues;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesApiTest {

	@LocalServerPort
	int port;

	private Api admin;
	private String township;
	private String branch;
	private String otherBranch;

	@BeforeAll
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String root = TestData.rootId(admin);
		township = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("党费测试镇党委"));
		branch = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("党费一村党支部"));
		otherBranch = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("党费二村党支部"));
	}

	private String member(String branchId) {
		return TestData.createMember(admin, branchId, "党员" + TestData.unique("").substring(1, 6), Gender.MALE, "FULL",
				"2020-01-01");
	}

	private static Map<String, Object> base(String month, String category, Object base, Object fixed) {
		Map<String, Object> body = new HashMap<>();
		body.put("effectiveMonth", month);
		body.put("category", category);
		if (base != null) {
			body.put("base", base);
		}
		if (fixed != null) {
			body.put("fixedAmount", fixed);
		}
		return body;
	}

	private static Map<String, Object> payment(String month, Object amount, String paidOn, String channel) {
		Map<String, Object> body = new HashMap<>();
		body.put("month", month);
		body.put("amount", amount);
		body.put("paidOn", paidOn);
		body.put("channel", channel);
		return body;
	}

	private Api.Response putBase(String memberId, Map<String, Object> body) {
		return admin.put("/api/members/" + memberId + "/dues-base", body);
	}

	private void pay(String memberId, String month, String amount, String paidOn) {
		Api.Response r = admin.post("/api/members/" + memberId + "/dues-payments", payment(month, amount, paidOn, "CASH"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	private static List<String> fields(Api.Response r) {
		List<String> out = new ArrayList<>();
		JsonNode errors = r.json().get("errors");
		if (errors != null) {
			errors.forEach(e -> out.add(e.get("field").asText()));
		}
		return out;
	}

	@Test
	void officialExamplesGiveTheMonthlyDueWithTwoDecimals() {
		String m = member(branch);

		Api.Response r5100 = putBase(m, base("2025-01", "PAYROLL", 5100, null));
		Api.Response r4900 = putBase(m, base("2025-02", "PAYROLL", 4900, null));

		assertThat(r5100.status()).as(r5100.body()).isEqualTo(200);
		assertThat(r5100.body()).contains("\"monthlyDue\":76.50");
		assertThat(r4900.body()).contains("\"monthlyDue\":49.00");
		assertThat(r4900.json().get("rate").decimalValue()).isEqualByComparingTo("0.01");
	}

	@Test
	void eachFixedCategoryGetsItsAmount() {
		String m = member(branch);

		assertThat(putBase(m, base("2025-01", "STUDENT", null, null)).body()).contains("\"monthlyDue\":0.20");
		assertThat(putBase(m, base("2025-02", "UNEMPLOYED", null, null)).body()).contains("\"monthlyDue\":0.20");
		assertThat(putBase(m, base("2025-03", "RELIEF", null, null)).body()).contains("\"monthlyDue\":0.20");
		assertThat(putBase(m, base("2025-04", "LOW_INCOME", 8000, null)).body()).contains("\"monthlyDue\":0.20");
		assertThat(putBase(m, base("2025-05", "FARMER", null, "0.5")).body()).contains("\"monthlyDue\":0.50");
		assertThat(putBase(m, base("2025-06", "RETIRED", 6000, null)).body()).contains("\"monthlyDue\":60.00");
		assertThat(putBase(m, base("2025-07", "ANNUAL_SALARY", 12000, null)).body()).contains("\"monthlyDue\":240.00");
		assertThat(putBase(m, base("2025-08", "SELF_EMPLOYED", 3000, null)).body()).contains("\"monthlyDue\":15.00");
	}

	@Test
	void farmerAmountOutsideTheRangeIsRefusedOnItsField() {
		String m = member(branch);

		Api.Response r = putBase(m, base("2025-01", "FARMER", null, "1.5"));

		assertThat(r.status()).isEqualTo(400);
		assertThat(fields(r)).containsExactly("fixedAmount");
		assertThat(r.body()).contains("0.20元至1.00元");
	}

	@Test
	void invalidBaseInputIsRefusedFieldByField() {
		String m = member(branch);

		Api.Response noBase = putBase(m, base("2025-01", "PAYROLL", null, null));
		Api.Response badMonth = putBase(m, base("2025-13", "WHATEVER", 3000, null));
		Api.Response beforeJoining = putBase(m, base("2019-12", "PAYROLL", 3000, null));

		assertThat(noBase.status()).isEqualTo(400);
		assertThat(fields(noBase)).containsExactly("base");
		assertThat(badMonth.status()).isEqualTo(400);
		assertThat(fields(badMonth)).containsExactlyInAnyOrder("effectiveMonth", "category");
		assertThat(beforeJoining.status()).isEqualTo(400);
		assertThat(fields(beforeJoining)).containsExactly("effectiveMonth");
		assertThat(admin.get("/api/members/" + m + "/dues-base").json()).isEmpty();
	}

	@Test
	void secondBaseForTheSameMonthReplacesTheFirst() {
		String m = member(branch);

		putBase(m, base("2025-03", "PAYROLL", 3000, null));
		Api.Response second = putBase(m, base("2025-03", "PAYROLL", 5100, null));

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("replaced").asBoolean()).isTrue();
		JsonNode history = admin.get("/api/members/" + m + "/dues-base").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("monthlyDue").decimalValue()).isEqualByComparingTo("76.50");
		JsonNode audit = admin.get("/api/audit?entityId=" + m).json().get("items");
		List<String> actions = new ArrayList<>();
		audit.forEach(a -> actions.add(a.get("action").asText()));
		assertThat(actions).contains("SET_DUES_BASE", "REPLACE_DUES_BASE");
	}

	@Test
	void yearShowsTwelveMonthsWithNoneBeforeTheFirstBase() {
		String m = member(branch);
		putBase(m, base("2025-04", "PAYROLL", 4900, null));
		pay(m, "2025-04", "49.00", "2025-04-10");
		pay(m, "2025-05", "20.00", "2025-05-10");

		JsonNode months = admin.get("/api/members/" + m + "/dues?year=2025").json().get("months");

		assertThat(months).hasSize(12);
		assertThat(months.get(0).get("month").asText()).isEqualTo("2025-01");
		assertThat(months.get(2).get("status").asText()).isEqualTo("NONE");
		assertThat(months.get(3).get("status").asText()).isEqualTo("PAID");
		assertThat(months.get(3).get("due").decimalValue()).isEqualByComparingTo("49.00");
		assertThat(months.get(4).get("status").asText()).isEqualTo("UNPAID");
		assertThat(months.get(4).get("paid").decimalValue()).isEqualByComparingTo("20.00");
		assertThat(months.get(11).get("month").asText()).isEqualTo("2025-12");
	}

	@Test
	void paymentIsRecordedWithItsChannel() {
		String m = member(branch);
		putBase(m, base("2025-01", "PAYROLL", 5100, null));

		Api.Response r = admin.post("/api/members/" + m + "/dues-payments",
				payment("2025-02", "76.50", "2025-02-15", "MOBILE_APP"));

		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("channel")).isEqualTo("MOBILE_APP");
		assertThat(r.text("monthStatus")).isEqualTo("PAID");
		assertThat(r.body()).contains("\"amount\":76.50");
		JsonNode list = admin.get("/api/members/" + m + "/dues-payments?year=2025").json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("paidOn").asText()).isEqualTo("2025-02-15");
	}

	@Test
	void paymentInputErrorsAreRefusedFieldByField() {
		String m = member(branch);
		putBase(m, base("2025-01", "PAYROLL", 3000, null));
		String url = "/api/members/" + m + "/dues-payments";

		Api.Response zero = admin.post(url, payment("2025-02", 0, "2025-02-01", "CASH"));
		Api.Response mills = admin.post(url, payment("2025-02", "1.234", "2025-02-01", "CASH"));
		Api.Response channel = admin.post(url, payment("2025-02", "15", "2025-02-01", "WECHAT"));
		Api.Response future = admin.post(url, payment("2025-02", "15", "2999-01-01", "CASH"));
		Api.Response month = admin.post(url, payment("2025/02", "15", "2025-02-01", "CASH"));

		assertThat(fields(zero)).containsExactly("amount");
		assertThat(fields(mills)).containsExactly("amount");
		assertThat(fields(channel)).containsExactly("channel");
		assertThat(fields(future)).containsExactly("paidOn");
		assertThat(fields(month)).containsExactly("month");
		assertThat(List.of(zero.status(), mills.status(), channel.status(), future.status(), month.status()))
			.containsOnly(400);
		assertThat(admin.get(url).json()).isEmpty();
	}

	@Test
	void catchingUpSixMonthsIsAllowedAndSevenIsRefused() {
		String m = member(branch);
		putBase(m, base("2024-01", "PAYROLL", 3000, null));
		String url = "/api/members/" + m + "/dues-payments";

		Api.Response six = admin.post(url, payment("2024-09", "15", "2025-03-20", "CASH"));
		Api.Response seven = admin.post(url, payment("2024-08", "15", "2025-03-20", "CASH"));

		assertThat(six.status()).as(six.body()).isEqualTo(201);
		assertThat(seven.status()).isEqualTo(422);
		assertThat(seven.text("detail")).contains("补交一般不超过6个月");
	}

	@Test
	void payingAheadSixMonthsIsAllowedAndSevenIsRefused() {
		String m = member(branch);
		putBase(m, base("2024-01", "PAYROLL", 3000, null));
		String url = "/api/members/" + m + "/dues-payments";

		Api.Response six = admin.post(url, payment("2025-07", "15", "2025-01-05", "BANK"));
		Api.Response seven = admin.post(url, payment("2025-08", "15", "2025-01-05", "BANK"));

		assertThat(six.status()).as(six.body()).isEqualTo(201);
		assertThat(seven.status()).isEqualTo(422);
		assertThat(seven.text("detail")).contains("预交不得超过6个月");
	}

	@Test
	void paymentForAMonthWithoutBaseIsRefused() {
		String m = member(branch);
		putBase(m, base("2025-05", "PAYROLL", 3000, null));

		Api.Response r = admin.post("/api/members/" + m + "/dues-payments", payment("2025-04", "15", "2025-04-10", "CASH"));

		assertThat(r.status()).isEqualTo(422);
		assertThat(r.text("detail")).contains("尚未核定党费基数");
	}

	@Test
	void secondPaymentForAPaidMonthIsAConflictUnlessVoluntary() {
		String m = member(branch);
		putBase(m, base("2025-01", "PAYROLL", 3000, null));
		pay(m, "2025-03", "15.00", "2025-03-10");

		Api.Response again = admin.post("/api/members/" + m + "/dues-payments",
				payment("2025-03", "15.00", "2025-03-11", "CASH"));
		Map<String, Object> extra = payment("2025-03", "1200", "2025-03-12", "BANK");
		extra.put("voluntary", true);
		Api.Response voluntary = admin.post("/api/members/" + m + "/dues-payments", extra);

		assertThat(again.status()).isEqualTo(409);
		assertThat(voluntary.status()).as(voluntary.body()).isEqualTo(201);
		assertThat(voluntary.json().get("voluntaryExtra").decimalValue()).isEqualByComparingTo("1200");
		assertThat(voluntary.json().get("toCentre").asBoolean()).isTrue();
		assertThat(admin.get("/api/members/" + m + "/dues-payments").json()).hasSize(2);
	}

	@Test
	void partialPaymentsAddUpToAPaidMonth() {
		String m = member(branch);
		putBase(m, base("2025-01", "PAYROLL", 5100, null));

		pay(m, "2025-06", "50", "2025-06-01");
		Api.Response rest = admin.post("/api/members/" + m + "/dues-payments",
				payment("2025-06", "26.50", "2025-06-20", "CASH"));

		assertThat(rest.text("monthStatus")).isEqualTo("PAID");
		assertThat(rest.json().get("monthPaid").decimalValue()).isEqualByComparingTo("76.50");
		assertThat(rest.json().get("voluntaryExtra").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void sixConsecutiveUnpaidMonthsPutTheMemberOnTheArrearsList() {
		String branchId = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("欠交测试支部"));
		String late = member(branchId);
		String partial = member(branchId);
		String paidUp = member(branchId);
		for (String m : List.of(late, partial, paidUp)) {
			putBase(m, base("2024-07", "PAYROLL", 3000, null));
		}
		for (int month = 7; month <= 12; month++) {
			String ym = "2024-" + (month < 10 ? "0" : "") + month;
			pay(late, ym, "15", ym + "-10");
			pay(partial, ym, "15", ym + "-10");
		}
		pay(partial, "2025-01", "14.99", "2025-01-10");
		for (int month = 7; month <= 12; month++) {
			String ym = "2024-" + (month < 10 ? "0" : "") + month;
			pay(paidUp, ym, "15", ym + "-10");
		}
		for (int month = 1; month <= 6; month++) {
			pay(paidUp, "2025-0" + month, "15", "2025-0" + month + "-10");
		}

		JsonNode june = admin.get("/api/organizations/" + branchId + "/dues-arrears?asOf=2025-06").json().get("items");
		JsonNode may = admin.get("/api/organizations/" + branchId + "/dues-arrears?asOf=2025-05").json().get("items");
		JsonNode fromTownship = admin.get("/api/organizations/" + township + "/dues-arrears?asOf=2025-06").json()
			.get("items");

		List<String> juneIds = new ArrayList<>();
		june.forEach(i -> juneIds.add(i.get("memberId").asText()));
		assertThat(juneIds).containsExactlyInAnyOrder(late, partial);
		june.forEach(i -> assertThat(i.get("consecutiveUnpaidMonths").asInt()).isEqualTo(6));
		assertThat(june.get(0).get("message").asText()).contains("提请支部党员大会按自行脱党程序处理");
		assertThat(may).isEmpty();
		List<String> townshipIds = new ArrayList<>();
		fromTownship.forEach(i -> townshipIds.add(i.get("memberId").asText()));
		assertThat(townshipIds).contains(late, partial).doesNotContain(paidUp);
	}

	@Test
	void arrearsCountFromTheFirstBase() {
		String branchId = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("新基数支部"));
		String m = member(branchId);
		putBase(m, base("2025-02", "PAYROLL", 3000, null));

		JsonNode seven = admin.get("/api/organizations/" + branchId + "/dues-arrears?asOf=2025-08").json().get("items");
		JsonNode five = admin.get("/api/organizations/" + branchId + "/dues-arrears?asOf=2025-06").json().get("items");

		assertThat(seven).hasSize(1);
		assertThat(seven.get(0).get("consecutiveUnpaidMonths").asInt()).isEqualTo(7);
		assertThat(seven.get(0).get("since").asText()).isEqualTo("2025-02");
		assertThat(five).isEmpty();
	}

	@Test
	void badAsOfIsRefused() {
		Api.Response r = admin.get("/api/organizations/" + branch + "/dues-arrears?asOf=June");

		assertThat(r.status()).isEqualTo(400);
		assertThat(fields(r)).containsExactly("asOf");
	}

	@Test
	void baseReviewListsMembersWithoutABaseEnteredInTheYear() {
		String branchId = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("复核支部"));
		String confirmed = member(branchId);
		String stale = member(branchId);
		String never = member(branchId);
		putBase(confirmed, base("2024-03", "PAYROLL", 3000, null));
		putBase(confirmed, base("2025-01", "PAYROLL", 3200, null));
		putBase(stale, base("2024-03", "RETIRED", 4000, null));

		JsonNode review = admin.get("/api/organizations/" + branchId + "/dues-base-review?year=2025").json();

		List<String> ids = new ArrayList<>();
		review.get("items").forEach(i -> ids.add(i.get("memberId").asText()));
		assertThat(ids).containsExactlyInAnyOrder(stale, never);
		assertThat(review.get("members").asInt()).isEqualTo(3);
		assertThat(review.get("confirmed").asInt()).isEqualTo(1);
		assertThat(review.get("total").asInt()).isEqualTo(2);
		JsonNode staleRow = review.get("items").get(ids.indexOf(stale));
		assertThat(staleRow.get("lastEffectiveMonth").asText()).isEqualTo("2024-03");
		assertThat(staleRow.get("category").asText()).isEqualTo("RETIRED");
	}

	@Test
	void summaryCountsPerBranchAndPerTownshipAndExportsToExcel() {
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("汇总镇"));
		String b1 = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("汇总一村"));
		String b2 = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("汇总二村"));
		String a = member(b1);
		String b = member(b1);
		String c = member(b2);
		member(b2);
		putBase(a, base("2025-01", "PAYROLL", 5100, null));
		putBase(b, base("2025-01", "PAYROLL", 4900, null));
		putBase(c, base("2025-01", "STUDENT", null, null));
		pay(a, "2025-03", "76.50", "2025-03-05");
		pay(b, "2025-03", "10", "2025-03-05");

		JsonNode s = admin.get("/api/organizations/" + town + "/dues-summary?month=2025-03").json();

		JsonNode totals = s.get("totals");
		assertThat(totals.get("members").asInt()).isEqualTo(4);
		assertThat(totals.get("dueMembers").asInt()).isEqualTo(3);
		assertThat(totals.get("paidMembers").asInt()).isEqualTo(1);
		assertThat(totals.get("dueAmount").decimalValue()).isEqualByComparingTo("125.70");
		assertThat(totals.get("paidAmount").decimalValue()).isEqualByComparingTo("86.50");
		assertThat(totals.get("rate").asDouble()).isEqualTo(0.3333);
		assertThat(s.get("branches")).hasSize(2);
		JsonNode first = s.get("branches").get(0).get("organizationId").asText().equals(b1) ? s.get("branches").get(0)
				: s.get("branches").get(1);
		assertThat(first.get("dueMembers").asInt()).isEqualTo(2);
		assertThat(first.get("paidMembers").asInt()).isEqualTo(1);

		JsonNode county = admin.get("/api/organizations/" + TestData.rootId(admin) + "/dues-summary?month=2025-03").json();
		JsonNode townRow = null;
		for (JsonNode row : county.get("children")) {
			if (row.get("organizationId").asText().equals(town)) {
				townRow = row;
			}
		}
		assertThat(townRow).isNotNull();
		assertThat(townRow.get("paidAmount").decimalValue()).isEqualByComparingTo("86.50");

		Api.Response xlsx = admin.get("/api/organizations/" + town + "/dues-summary.xlsx?month=2025-03");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.bytes())).sheet("按党支部")
			.headRowNumber(1).doReadSync();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(2).get(0)).startsWith("合计");
		assertThat(rows.get(2).get(7)).isEqualTo("86.5");
	}

	@Test
	void bulkEntryPaysWhatIsStillDueAndReportsEachRow() {
		String branchId = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("批量支部"));
		String a = member(branchId);
		String b = member(branchId);
		String noBase = member(branchId);
		String outside = member(otherBranch);
		putBase(a, base("2025-01", "PAYROLL", 5100, null));
		putBase(b, base("2025-01", "FARMER", null, "1"));
		pay(a, "2025-04", "6.50", "2025-04-02");

		Map<String, Object> body = new HashMap<>();
		body.put("month", "2025-04");
		body.put("paidOn", "2025-04-20");
		body.put("channel", "CASH");
		body.put("memberIds", List.of(a, b, noBase, outside));
		Api.Response r = admin.post("/api/organizations/" + branchId + "/dues-payments", body);

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("saved").asInt()).isEqualTo(2);
		assertThat(r.json().get("refused").asInt()).isEqualTo(2);
		JsonNode collection = admin.get("/api/organizations/" + branchId + "/dues-collection?month=2025-04").json();
		Map<String, String> status = new HashMap<>();
		collection.get("rows").forEach(row -> status.put(row.get("memberId").asText(), row.get("status").asText()));
		assertThat(status).containsEntry(a, "PAID").containsEntry(b, "PAID").containsEntry(noBase, "NONE");
		JsonNode aPayments = admin.get("/api/members/" + a + "/dues-payments").json();
		assertThat(aPayments.get(1).get("amount").decimalValue()).isEqualByComparingTo("70.00");
		assertThat(admin.get("/api/members/" + outside + "/dues-payments").json()).isEmpty();
	}

	@Test
	void collectionTableIsForABranch() {
		Api.Response r = admin.get("/api/organizations/" + township + "/dues-collection?month=2025-04");

		assertThat(r.status()).isEqualTo(400);
	}

	@Test
	void memberReadsOwnDuesButWritesNothing() {
		String me = member(branch);
		String other = member(branch);
		putBase(me, base("2025-01", "PAYROLL", 3000, null));
		String username = "dues-m-" + System.nanoTime() % 1_000_000_000L;
		Api.Response created = admin.post("/api/accounts", Map.of("username", username, "password", "Member-Pass-1",
				"role", "MEMBER", "organizationId", branch, "memberId", me));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Api member = Api.login(port, username, "Member-Pass-1");

		assertThat(member.get("/api/members/" + me + "/dues?year=2025").status()).isEqualTo(200);
		assertThat(member.get("/api/members/" + other + "/dues?year=2025").status()).isEqualTo(404);
		assertThat(member.put("/api/members/" + me + "/dues-base", base("2025-02", "PAYROLL", 1, null)).status())
			.isEqualTo(403);
		assertThat(member.post("/api/members/" + me + "/dues-payments", payment("2025-02", "15", "2025-02-02", "CASH"))
			.status()).isEqualTo(403);
		assertThat(member.get("/api/organizations/" + branch + "/dues-arrears?asOf=2025-06").status()).isEqualTo(403);
	}

	@Test
	void secretaryRecordsInOwnBranchOnly() {
		String mine = member(branch);
		String theirs = member(otherBranch);
		putBase(theirs, base("2025-01", "PAYROLL", 3000, null));
		String username = "dues-s-" + System.nanoTime() % 1_000_000_000L;
		admin.post("/api/accounts", Map.of("username", username, "password", "Secretary-Pass-1", "role",
				"BRANCH_SECRETARY", "organizationId", branch));
		Api secretary = Api.login(port, username, "Secretary-Pass-1");

		Api.Response own = secretary.put("/api/members/" + mine + "/dues-base", base("2025-01", "PAYROLL", 3000, null));
		Api.Response foreign = secretary.post("/api/members/" + theirs + "/dues-payments",
				payment("2025-02", "15", "2025-02-02", "CASH"));

		assertThat(own.status()).isEqualTo(200);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(admin.get("/api/members/" + theirs + "/dues-payments").json()).isEmpty();
	}

	@Test
	void unknownMemberIs404() {
		assertThat(admin.get("/api/members/999999999/dues?year=2025").status()).isEqualTo(404);
		assertThat(admin.put("/api/members/999999999/dues-base", base("2025-01", "STUDENT", null, null)).status())
			.isEqualTo(404);
	}
}
