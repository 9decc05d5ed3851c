package cn.jiceng.orglife;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class MeetingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	AttendanceReconciliation reconciliation;

	Fixture f;

	@BeforeEach
	void setUp() {
		f = new Fixture(port);
	}

	@Test
	void themedDayStoresEveryBranchMemberWithTheirEffectiveStatus() {
		String branch = f.branch(f.township(), "RURAL");
		String present = f.member(branch, "张出席", "2020-03-01");
		String leave = f.member(branch, "李请假", "2020-03-01");
		String unlisted = f.member(branch, "王未列", "2020-03-01");

		Api.Response r = f.postMeeting(f.admin, branch, Fixture.themedDay("2025-03-10",
				Map.of(present, "PRESENT", leave, "LEAVE")));

		assertThat(r.status()).as(r.body()).isEqualTo(201);
		JsonNode m = r.json();
		assertThat(m.get("id").asText()).isNotBlank();
		assertThat(m.get("type").asText()).isEqualTo("THEMED_DAY");
		assertThat(m.get("firstTopic").asText()).isEqualTo("学习贯彻党的二十届四中全会精神");
		assertThat(m.get("backfilled").asBoolean()).as("recorded long after 2025-03-10").isTrue();
		assertThat(m.get("recordedBy").asText()).isEqualTo("admin");
		Map<String, String> statuses = Fixture.statuses(f.admin.get("/api/meetings/" + m.get("id").asText()).json());
		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(
				Map.of(present, "PRESENT", leave, "LEAVE", unlisted, "ABSENT"));
		assertThat(f.admin.get("/api/audit?entityId=" + m.get("id").asText()).json().get("items").get(0)
			.get("action").asText()).isEqualTo("BACKFILL");
	}

	@Test
	void attendanceOfSomeoneNotInTheBranchOnTheDateIs400() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String other = f.branch(town, "RURAL");
		String outsider = f.member(other, "赵外支", "2020-01-01");
		String latecomer = f.member(branch, "钱后来", "2025-06-01");

		Api.Response wrongBranch = f.postMeeting(f.admin, branch, Fixture.themedDay("2025-03-10", Map.of(outsider, "PRESENT")));
		Api.Response notYetMember = f.postMeeting(f.admin, branch, Fixture.themedDay("2025-03-10", Map.of(latecomer, "PRESENT")));

		assertThat(wrongBranch.status()).isEqualTo(400);
		assertThat(wrongBranch.json().get("errors").get(0).get("field").asText()).isEqualTo("attendance[0].memberId");
		assertThat(notYetMember.status()).isEqualTo(400);
		assertThat(f.admin.get("/api/organizations/" + branch + "/meetings").json().get("total").asInt()).isZero();
	}

	@Test
	void invalidMeetingInputIs400WithEveryFieldError() {
		String branch = f.branch(f.township(), "RURAL");
		String member = f.member(branch, "孙状态", "2020-01-01");
		Map<String, Object> body = new HashMap<>();
		body.put("type", "TEA_PARTY");
		body.put("heldOn", "2025-03-10");
		body.put("attendance", List.of(Map.of("memberId", member, "status", "REMOTE")));

		Api.Response r = f.admin.post("/api/organizations/" + branch + "/meetings", body);
		Api.Response future = f.postMeeting(f.admin, branch, Fixture.themedDay(
				LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString(), Map.of()));
		Api.Response onTownship = f.postMeeting(f.admin, f.township(), Fixture.themedDay("2025-03-10", Map.of()));

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").findValuesAsString("field"))
			.contains("type", "theme", "attendance[0].status");
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("errors").get(0).get("field").asText()).isEqualTo("heldOn");
		assertThat(onTownship.status()).isEqualTo(400);
	}

	@Test
	void lateRecordNeedsATownshipAccountAndIsMarkedBackfilled() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String member = f.member(branch, "周补录", "2020-01-01");
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		String recent = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).toString();

		Api.Response late = f.postMeeting(secretary, branch, Fixture.themedDay("2025-05-12", Map.of(member, "PRESENT")));
		Api.Response timely = f.postMeeting(secretary, branch, Fixture.meeting("PARTY_LECTURE", recent, Map.of(member, "PRESENT")));
		Api.Response backfill = f.postMeeting(township, branch, Fixture.themedDay("2025-05-12", Map.of(member, "PRESENT")));

		assertThat(late.status()).isEqualTo(403);
		assertThat(late.json().get("detail").asText()).contains("乡镇及以上");
		assertThat(timely.status()).as(timely.body()).isEqualTo(201);
		assertThat(timely.json().get("backfilled").asBoolean()).isFalse();
		assertThat(backfill.status()).as(backfill.body()).isEqualTo(201);
		assertThat(backfill.json().get("backfilled").asBoolean()).isTrue();
		assertThat(backfill.json().get("recordedBy").asText()).isNotBlank();
		assertThat(secretary.patch("/api/meetings/" + backfill.text("id"), Map.of("version", 0, "theme", "改主题")).status())
			.as("a late change is late entry too").isEqualTo(403);
	}

	@Test
	void closedYearIsChangedOnlyByTheCounty() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String member = f.member(branch, "吴关账", "2015-01-01");
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		Api.Response closed = f.admin.post("/api/orglife/closed-years", Map.of("year", 2019));
		try {
			assertThat(closed.status()).as(closed.body()).isEqualTo(201);
			assertThat(township.post("/api/orglife/closed-years", Map.of("year", 2018)).status()).isEqualTo(403);

			Api.Response byTownship = f.postMeeting(township, branch, Fixture.themedDay("2019-06-10", Map.of(member, "PRESENT")));
			Api.Response byCounty = f.postMeeting(f.admin, branch, Fixture.themedDay("2019-06-10", Map.of(member, "PRESENT")));

			assertThat(byTownship.status()).isEqualTo(403);
			assertThat(byTownship.json().get("detail").asText()).contains("关账");
			assertThat(byCounty.status()).as(byCounty.body()).isEqualTo(201);
			assertThat(township.patch("/api/meetings/" + byCounty.text("id"), Map.of("version", 0, "theme", "改")).status())
				.isEqualTo(403);
		}
		finally {
			f.delete("/api/orglife/closed-years/2019");
		}
	}

	@Test
	void correctingAttendanceNeedsTheLastVersionAndAStaleOneIs409() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String a = f.member(branch, "郑更正", "2020-01-01");
		String b = f.member(branch, "王更正", "2020-01-01");
		String id = f.meeting(f.admin, branch, Fixture.themedDay("2025-04-08", Map.of(a, "PRESENT")));

		Api.Response patched = f.admin.patch("/api/meetings/" + id,
				Map.of("version", 0, "attendance", List.of(Map.of("memberId", b, "status", "LATE_OR_EARLY"))));
		Api.Response stale = f.admin.patch("/api/meetings/" + id,
				Map.of("version", 0, "attendance", List.of(Map.of("memberId", b, "status", "PRESENT"))));
		Api.Response replaced = f.admin.put("/api/meetings/" + id + "/attendance",
				Map.of("version", 1, "attendance", List.of(Map.of("memberId", b, "status", "PRESENT"))));

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("version").asInt()).isEqualTo(1);
		assertThat(Fixture.statuses(patched.json())).containsEntry(a, "PRESENT").containsEntry(b, "LATE_OR_EARLY");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(Fixture.statuses(replaced.json())).containsEntry(a, "ABSENT").containsEntry(b, "PRESENT");
		assertThat(f.delete("/api/meetings/" + id + "?version=1")).as("deleting needs the last version")
			.isEqualTo(409);
		assertThat(f.delete("/api/meetings/" + id + "?version=2")).isEqualTo(204);
		assertThat(f.admin.get("/api/meetings/" + id).status()).isEqualTo(404);
	}

	@Test
	void meetingListIsPagedOverTheSubtreeAndFiltersByTypeAndDate() {
		String town = f.township();
		String b1 = f.branch(town, "RURAL");
		String b2 = f.branch(town, "RURAL");
		f.member(b1, "甲列表", "2020-01-01");
		f.member(b2, "乙列表", "2020-01-01");
		f.meeting(f.admin, b1, Fixture.themedDay("2025-01-10", Map.of()));
		f.meeting(f.admin, b1, Fixture.meeting("PARTY_LECTURE", "2025-02-10", Map.of()));
		f.meeting(f.admin, b2, Fixture.themedDay("2025-03-10", Map.of()));

		JsonNode all = f.admin.get("/api/organizations/" + town + "/meetings?size=2").json();
		JsonNode themed = f.admin.get("/api/organizations/" + town + "/meetings?type=THEMED_DAY&from=2025-02-01&to=2025-12-31").json();

		assertThat(all.get("total").asInt()).isEqualTo(3);
		assertThat(all.get("items")).hasSize(2);
		assertThat(all.get("items").get(0).get("heldOn").asText()).isEqualTo("2025-03-10");
		assertThat(themed.get("total").asInt()).isEqualTo(1);
		assertThat(themed.get("items").get(0).get("organizationId").asText()).isEqualTo(b2);
		Api other = f.account("TOWNSHIP_ADMIN", f.township(), null);
		assertThat(other.get("/api/organizations/" + town + "/meetings").status()).isEqualTo(404);
	}

	@Test
	void themedDayLinksToThePlanOfItsMonth() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		f.member(branch, "冯方案", "2020-01-01");
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		String nextMonth = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();

		Api.Response ahead = secretary.post("/api/organizations/" + branch + "/plans",
				Map.of("month", nextMonth, "theme", "下月主题", "content", "一月一方案"));
		Api.Response again = secretary.post("/api/organizations/" + branch + "/plans",
				Map.of("month", nextMonth, "theme", "下月主题（修改）"));
		Api.Response past = secretary.post("/api/organizations/" + branch + "/plans",
				Map.of("month", "2025-03", "theme", "补报"));
		Api.Response backfilledPlan = f.admin.post("/api/organizations/" + branch + "/plans",
				Map.of("month", "2025-03", "theme", "三月主题：乡村振兴"));
		String meeting = f.meeting(f.admin, branch, Fixture.themedDay("2025-03-10", Map.of()));
		String earlier = f.meeting(f.admin, branch, Fixture.themedDay("2025-04-10", Map.of()));
		Api.Response aprilPlan = f.admin.post("/api/organizations/" + branch + "/plans",
				Map.of("month", "2025-04", "theme", "四月主题"));

		assertThat(ahead.status()).as(ahead.body()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("theme").asText()).isEqualTo("下月主题（修改）");
		assertThat(past.status()).isEqualTo(422);
		assertThat(backfilledPlan.status()).isEqualTo(201);
		JsonNode linked = f.admin.get("/api/meetings/" + meeting).json();
		assertThat(linked.get("planId").asText()).isEqualTo(backfilledPlan.text("id"));
		assertThat(linked.get("planTheme").asText()).isEqualTo("三月主题：乡村振兴");
		assertThat(f.admin.get("/api/meetings/" + earlier).json().get("planId").asText()).isEqualTo(aprilPlan.text("id"));
		JsonNode plans = f.admin.get("/api/organizations/" + branch + "/plans?year=2025").json().get("items");
		assertThat(plans.findValuesAsString("month")).containsExactly("2025-03", "2025-04");
	}

	@Test
	void remoteReportNeedsAMobileMemberOncePerMonthAndTurnsAbsenceIntoRemote() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String mobile = f.member(branch, "卫流动", "2020-01-01");
		String home = f.member(branch, "蒋在家", "2020-01-01");
		f.mobile(mobile, "2025-01-01", "2025-12-31");
		String themed = f.meeting(f.admin, branch, Fixture.themedDay("2025-05-10", Map.of(home, "PRESENT")));
		String julyFirst = f.meeting(f.admin, branch, Fixture.generalMeeting("2025-07-01", "JULY_FIRST", Map.of()));
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		Api self = f.account("MEMBER", branch, mobile);

		Api.Response notMobile = f.report(f.admin, home, "2025-05", "LETTER");
		Api.Response byProxy = f.report(secretary, mobile, "2025-05", "WECHAT");
		Api.Response second = f.report(self, mobile, "2025-05", "WECHAT");
		Api.Response july = f.report(self, mobile, "2025-07", "WECHAT");

		assertThat(notMobile.status()).isEqualTo(422);
		assertThat(notMobile.json().get("detail").asText()).contains("不是流动党员");
		assertThat(byProxy.status()).as(byProxy.body()).isEqualTo(201);
		assertThat(byProxy.json().get("onBehalf").asBoolean()).isTrue();
		assertThat(second.status()).isEqualTo(409);
		assertThat(july.status()).as(july.body()).isEqualTo(201);
		assertThat(Fixture.statuses(f.admin.get("/api/meetings/" + themed).json())).containsEntry(mobile, "REMOTE")
			.containsEntry(home, "PRESENT");
		assertThat(Fixture.statuses(f.admin.get("/api/meetings/" + julyFirst).json())).containsEntry(mobile, "ABSENT");
		String afterReport = f.meeting(f.admin, branch, Fixture.themedDay("2025-07-20", Map.of(home, "PRESENT")));
		assertThat(Fixture.statuses(f.admin.get("/api/meetings/" + afterReport).json())).as("report filed before the meeting")
			.containsEntry(mobile, "REMOTE");
		assertThat(self.get("/api/members/" + mobile + "/remote-reports?year=2025").json().get("items")).hasSize(2);
		assertThat(self.get("/api/members/" + home + "/remote-reports?year=2025").status()).isEqualTo(404);
	}

	@Test
	void backdatedTransferMovesTheMembersAttendanceInTheSameTransaction() {
		String town = f.township();
		String from = f.branch(town, "RURAL");
		String to = f.branch(town, "RURAL");
		String mover = f.member(from, "沈补转", "2020-01-01");
		f.member(to, "韩原有", "2020-01-01");
		String oldBranchMeeting = f.meeting(f.admin, from, Fixture.themedDay("2025-08-15", Map.of(mover, "PRESENT")));
		String newBranchMeeting = f.meeting(f.admin, to, Fixture.themedDay("2025-08-20", Map.of()));
		Api.Response moved = f.admin.post("/api/members/" + mover + "/transfers",
				Map.of("toOrganizationId", to, "transferredOn", "2025-08-01"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(201);

		assertThat(Fixture.statuses(f.admin.get("/api/meetings/" + oldBranchMeeting).json())).doesNotContainKey(mover);
		assertThat(Fixture.statuses(f.admin.get("/api/meetings/" + newBranchMeeting).json())).containsEntry(mover, "ABSENT");
		assertThat(reconciliation.reconcileMember(Long.parseLong(mover))).as("the roster event already fixed it").isEmpty();
	}

	@Test
	void evidenceFileComesBackByteIdenticalWithItsChecksum() throws Exception {
		String branch = f.branch(f.township(), "RURAL");
		String meeting = f.meeting(f.admin, branch, Fixture.themedDay("2025-06-10", Map.of()));
		byte[] png = new byte[70_000];
		new java.util.Random(7).nextBytes(png);
		png[0] = (byte) 0x89;
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));

		Api.Response up = f.admin.postMultipart("/api/meetings/" + meeting + "/files", "主题党日合影.png", "image/png", png);

		assertThat(up.status()).as(up.body()).isEqualTo(201);
		assertThat(up.json().get("name").asText()).isEqualTo("主题党日合影.png");
		assertThat(up.json().get("size").asLong()).isEqualTo(png.length);
		assertThat(up.json().get("sha256").asText()).isEqualTo(sha);
		Api.Response down = f.admin.get(up.text("url"));
		assertThat(down.status()).isEqualTo(200);
		assertThat(down.contentType()).startsWith("image/png");
		assertThat(down.bytes()).isEqualTo(png);
		assertThat(f.admin.get("/api/meetings/" + meeting).json().get("files").get(0).get("sha256").asText()).isEqualTo(sha);
		Api other = f.account("TOWNSHIP_ADMIN", f.township(), null);
		assertThat(other.get(up.text("url")).status()).isEqualTo(404);
	}

	@Test
	void evidenceOutsideTheAllowListIs415AndOverTheLimitIs413() {
		String branch = f.branch(f.township(), "RURAL");
		String meeting = f.meeting(f.admin, branch, Fixture.themedDay("2025-06-10", Map.of()));
		byte[] tooBig = new byte[50 * 1024 * 1024 + 1];

		Api.Response exe = f.admin.postMultipart("/api/meetings/" + meeting + "/files", "setup.exe",
				"application/octet-stream", new byte[] { 'M', 'Z' });
		Api.Response big = f.admin.postMultipart("/api/meetings/" + meeting + "/files", "录像.mp4", "video/mp4", tooBig);

		assertThat(exe.status()).isEqualTo(415);
		assertThat(exe.contentType()).contains("application/problem+json");
		assertThat(big.status()).isEqualTo(413);
		assertThat(f.admin.get("/api/meetings/" + meeting + "/files").json().get("items")).isEmpty();
	}

	/** Builders shared by the organizational-life API tests: every test makes its own township, branches and members. */
	static final class Fixture {

		final int port;
		final Api admin;
		final String root;

		Fixture(int port) {
			this.port = port;
			this.admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
			this.root = TestData.rootId(admin);
		}

		String township() {
			return TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("镇"));
		}

		String branch(String parent, String field) {
			return TestData.createOrg(admin, parent, "BRANCH", field, TestData.unique("支部"));
		}

		String member(String branch, String name, String joinedOn) {
			return TestData.createMember(admin, branch, name, Gender.MALE, "FULL", joinedOn);
		}

		Api account(String role, String organizationId, String memberId) {
			String user = TestData.unique("ol").replace("-", "");
			Map<String, Object> body = new HashMap<>();
			body.put("username", user);
			body.put("password", "Orglife-Test-1");
			body.put("role", role);
			body.put("organizationId", organizationId);
			if (memberId != null) {
				body.put("memberId", memberId);
			}
			Api.Response r = admin.post("/api/accounts", body);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			return admin.as(user, "Orglife-Test-1");
		}

		static Map<String, Object> meeting(String type, String heldOn, Map<String, String> attendance) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", type);
			body.put("heldOn", heldOn);
			body.put("theme", "组织生活主题 " + heldOn); // user text: no code in it, or the page scan sees an English code
			body.put("firstTopic", "学习贯彻党的二十届四中全会精神");
			body.put("minutes", "会议记录");
			List<Map<String, String>> lines = new ArrayList<>();
			attendance.forEach((member, status) -> lines.add(Map.of("memberId", member, "status", status)));
			body.put("attendance", lines);
			return body;
		}

		static Map<String, Object> themedDay(String heldOn, Map<String, String> attendance) {
			return meeting("THEMED_DAY", heldOn, attendance);
		}

		static Map<String, Object> generalMeeting(String heldOn, String flag, Map<String, String> attendance) {
			Map<String, Object> body = meeting("THEMED_DAY", heldOn, attendance);
			body.put("generalMeeting", flag);
			return body;
		}

		Api.Response postMeeting(Api as, String branch, Map<String, Object> body) {
			return as.post("/api/organizations/" + branch + "/meetings", body);
		}

		String meeting(Api as, String branch, Map<String, Object> body) {
			Api.Response r = postMeeting(as, branch, body);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			return r.text("id");
		}

		void mobile(String member, String startedOn, String endedOn) {
			Map<String, Object> body = new HashMap<>();
			body.put("destination", "浙江省杭州市");
			body.put("startedOn", startedOn);
			if (endedOn != null) {
				body.put("endedOn", endedOn);
			}
			Api.Response r = admin.post("/api/members/" + member + "/mobility", body);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
		}

		Api.Response report(Api as, String member, String month, String channel) {
			return as.post("/api/members/" + member + "/remote-reports",
					Map.of("month", month, "channel", channel, "content", month + " 学习情况汇报"));
		}

		/** DELETE as the county admin (the shared client has no DELETE); returns the status. */
		int delete(String path) {
			try {
				java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
				String base = "http://localhost:" + port;
				String login = "{\"username\":\"admin\",\"password\":\"" + ApiTest.ADMIN_PASSWORD + "\"}";
				java.net.http.HttpResponse<String> token = http.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create(base + "/api/auth/token"))
					.header("Content-Type", "application/json")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(login))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
				String bearer = tools.jackson.databind.json.JsonMapper.builder().build().readTree(token.body())
					.get("token").asText();
				return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
					.header("Authorization", "Bearer " + bearer)
					.DELETE()
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (java.io.IOException | InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}

		static Map<String, String> statuses(JsonNode meeting) {
			Map<String, String> map = new HashMap<>();
			meeting.get("attendance").forEach(a -> map.put(a.get("memberId").asText(), a.get("status").asText()));
			return map;
		}
	}
}
