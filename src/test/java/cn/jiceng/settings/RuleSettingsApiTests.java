package cn.jiceng.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class RuleSettingsApiTests {

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void login() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
	}

	@Test
	void aPreviewNamesTheMembersWhoseWarningAChangeWouldChangeAndSavesNothing() {
		String root = cn.jiceng.support.TestData.rootId(admin);
		String town = cn.jiceng.support.TestData.createOrg(admin, root, "COMMITTEE", "RURAL",
				cn.jiceng.support.TestData.unique("预览镇"));
		String branch = cn.jiceng.support.TestData.createOrg(admin, town, "BRANCH", "RURAL",
				cn.jiceng.support.TestData.unique("预览村"));
		String name = cn.jiceng.support.TestData.unique("预览党员");
		String member = cn.jiceng.support.TestData.createMember(admin, branch, name, cn.jiceng.member.Gender.MALE, "FULL",
				"2010-07-01");
		for (int month = 3; month <= 6; month++) {
			Map<String, Object> meeting = new java.util.LinkedHashMap<>();
			meeting.put("type", "THEMED_DAY");
			meeting.put("heldOn", "2019-0" + month + "-10");
			meeting.put("theme", "主题党日");
			meeting.put("firstTopic", "学习贯彻党的二十届四中全会精神");
			meeting.put("minutes", "会议记录");
			meeting.put("attendance", List.of(Map.of("memberId", member, "status", "ABSENT")));
			Api.Response r = admin.post("/api/organizations/" + branch + "/meetings", meeting);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
		}
		assertThat(admin.get("/api/members/" + member + "/vanguard-index?year=2019").json().get("index").asInt())
			.isEqualTo(60);
		int audited = audited();

		Api.Response preview = admin.post("/api/rule-settings/preview?year=2019", Map.of("warningBelow", 61));

		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("changes").get("warningBelow").asInt()).isEqualTo(61);
		String said = preview.json().get("consequences").toString();
		assertThat(said).contains("新增警示党员", name + "：60分（基本合格） → 60分（基本合格，警示党员）");
		assertThat(admin.get("/api/rule-settings?year=2019").json().get("warningBelow").asInt()).isEqualTo(60);
		assertThat(audited()).isEqualTo(audited);
		Api.Response bad = admin.post("/api/rule-settings/preview?year=2019", Map.of("gradeBasicAt", 95));
		assertThat(bad.status()).isEqualTo(400);
	}

	@Test
	void contradictoryGradeThresholdsAreRefusedAndNothingChanges() {
		int audited = audited();
		Api.Response bad = admin.patch("/api/rule-settings?year=2041",
				Map.of("gradeExcellentAt", 70, "themedDayReminderFromDay", 40));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).containsExactlyInAnyOrder("gradeExcellentAt", "themedDayReminderFromDay");
		assertThat(bad.body()).contains("应高于“合格”等次最低分", "应为1到31之间的整数");
		var now = admin.get("/api/rule-settings?year=2041").json();
		assertThat(now.get("gradeExcellentAt").asInt()).isEqualTo(90);
		assertThat(now.get("themedDayReminderFromDay").asInt()).isEqualTo(20);
		assertThat(audited()).isEqualTo(audited);
	}

	@Test
	void loweringTheLowerGradeBelowAStoredHigherOneIsAcceptedButCrossingItIsNot() {
		assertThat(admin.patch("/api/rule-settings?year=2042", Map.of("gradeQualifiedAt", 80)).status()).isEqualTo(200);
		Api.Response crossing = admin.patch("/api/rule-settings?year=2042", Map.of("gradeExcellentAt", 80));

		assertThat(crossing.status()).isEqualTo(400);
		assertThat(fields(crossing)).containsExactly("gradeExcellentAt");
	}

	@Test
	void aPatchThatChangesNothingWritesNoHistory() {
		assertThat(admin.patch("/api/rule-settings?year=2043", Map.of("warningBelow", 55)).status()).isEqualTo(200);
		int audited = audited();

		assertThat(admin.patch("/api/rule-settings?year=2043", Map.of("warningBelow", 55)).status()).isEqualTo(200);
		assertThat(admin.patch("/api/rule-settings?year=2043", Map.of()).status()).isEqualTo(200);

		assertThat(audited()).isEqualTo(audited);
	}

	@Test
	void oneDeductionChangedKeepsTheOthersOfItsSetting() {
		Api.Response patched = admin.patch("/api/rule-settings?year=2044",
				Map.of("meetingDeductions", Map.of("ABSENT", -7)));

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		var deductions = admin.get("/api/rule-settings?year=2044").json().get("meetingDeductions");
		assertThat(deductions.get("ABSENT").asInt()).isEqualTo(-7);
		assertThat(deductions.get("LEAVE").asInt()).isEqualTo(-1);
		assertThat(deductions.get("LATE_OR_EARLY").asInt()).isEqualTo(-1);
	}

	private int audited() {
		return admin.get("/api/audit?entityType=RuleSettings").json().get("total").asInt();
	}

	private static List<String> fields(Api.Response r) {
		return r.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList();
	}
}
