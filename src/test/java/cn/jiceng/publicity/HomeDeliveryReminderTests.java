package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily home-delivery reminder tells the branch and its township, once a quarter, who is still owed a delivery
 * from {@code homeDeliveryReminderDaysBefore} (15) days before the quarter ends; the roster page and its Excel list
 * the same gaps.
 */
@ApiTest
class HomeDeliveryReminderTests {

	@LocalServerPort
	int port;

	@Autowired
	HomeDeliveryReminderJob job;

	@Autowired
	JdbcClient jdbc;

	private String member(Api admin, String branch, String name, LocalDate birth) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("gender", "FEMALE");
		body.put("idNumber", IdNumber.generate("330122", birth, (int) (System.nanoTime() % 1000), Gender.FEMALE));
		body.put("organizationId", branch);
		body.put("category", "FULL");
		body.put("joinedOn", "1980-07-01");
		Api.Response r = admin.post("/api/members", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	private long count(String key) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key = :k").param("k", key).query(Long.class).single();
	}

	private String body(String key) {
		return jdbc.sql("SELECT body FROM notification WHERE dedup_key = :k").param("k", key).query(String.class).single();
	}

	@Test
	void theBranchAndItsTownshipAreRemindedOnceFromFifteenDaysBeforeTheQuarterEnds() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("提醒镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("提醒村"));
		member(admin, branch, "王奶奶", LocalDate.of(1940, 2, 1));
		String served = member(admin, branch, "李爷爷", LocalDate.of(1942, 3, 1));
		// born 1960: under 70, so she needs no delivery herself (a random test birth from 1950 would)
		String instructor = member(admin, branch, "小红", LocalDate.of(1960, 5, 1));
		assertThat(admin.post("/api/members/" + served + "/home-deliveries",
				Map.of("on", "2024-08-01", "instructorMemberId", instructor, "note", "送学")).status()).isEqualTo(201);
		String branchKey = "HOME_DELIVERY_DUE:" + branch + ":2024-Q3";
		String townKey = "HOME_DELIVERY_DUE_TOWNSHIP:" + town + ":2024-Q3";

		job.run(LocalDate.of(2024, 9, 14));
		assertThat(count(branchKey)).as("16 days before the end: not yet").isZero();
		job.run(LocalDate.of(2024, 9, 15));
		assertThat(count(branchKey)).isOne();
		assertThat(count(townKey)).isOne();
		assertThat(body(branchKey)).contains("王奶奶", "2024-09-30").doesNotContain("李爷爷", "小红");
		assertThat(body(townKey)).contains("1个支部共1名");
		job.run(LocalDate.of(2024, 9, 20));
		assertThat(count(branchKey)).as("once a quarter").isOne();

		PageSession page = new PageSession(port);
		page.login("admin", ApiTest.ADMIN_PASSWORD);
		HttpResponse<String> roster = page.get("/publicity/accessible?organizationId=" + town + "&quarter=2024-Q3&need=GAP");
		assertThat(roster.statusCode()).isEqualTo(200);
		assertThat(roster.body()).contains("王奶奶").doesNotContain("李爷爷");
		HttpResponse<byte[]> excel = page.getBytes("/publicity/accessible.xlsx?organizationId=" + town + "&quarter=2024-Q3");
		assertThat(excel.statusCode()).isEqualTo(200);
		assertThat(excel.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		assertThat(page.get("/publicity/materials?organizationId=" + town).statusCode()).isEqualTo(200);
		assertThat(page.get("/publicity/accessible/members/" + served).body()).contains("李爷爷", "2024-08-01", "小红");

		// the pages' own routes to the files: the /api chain takes bearer tokens only
		Api.Response material = admin.post("/api/organizations/" + town + "/study-materials",
				Map.of("title", "提醒镇读本", "text", "大字版正文"));
		Api.Response audio = admin.postMultipart("/api/study-materials/" + material.text("id") + "/audio", "读本.mp3",
				"audio/mpeg", StudyMaterialApiTests.MP3);
		assertThat(audio.status()).as(audio.body()).isEqualTo(201);
		assertThat(page.get("/publicity/materials?organizationId=" + town).body()).contains("提醒镇读本", "<audio");
		HttpResponse<byte[]> pdf = page.getBytes("/publicity/materials/items/" + material.text("id") + "/large-print.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
		assertThat(page.getBytes("/publicity/material-audio/" + audio.text("id")).body()).isEqualTo(StudyMaterialApiTests.MP3);
		assertThat(page.getBytes("/publicity/stories/booklet.pdf?organizationId=" + town + "&year=2024").statusCode())
			.isEqualTo(200);
		assertThat(page.getBytes("/publicity/care-fund/ledger.xlsx?organizationId=" + town).statusCode()).isEqualTo(200);
	}

	@Test
	void aBranchSecretaryFindsRedInstructorsByNameAcrossTheTownshipButNotInAnother() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("指导镇"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("指导村"));
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("镇机关"));
		String other = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("别镇"));
		String elsewhere = TestData.createOrg(admin, other, "BRANCH", "RURAL", TestData.unique("别村"));
		String elder = member(admin, village, "赵老伯", LocalDate.of(1938, 1, 1));
		String tag = Long.toString(System.nanoTime() % 100000);
		TestData.createMember(admin, agency, "红指导" + tag, Gender.MALE, "FULL", "2015-07-01");
		TestData.createMember(admin, elsewhere, "红指导" + tag + "外", Gender.MALE, "FULL", "2015-07-01");
		String user = TestData.unique("instr").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Instructor-1234", "role",
				"BRANCH_SECRETARY", "organizationId", village)).status()).isEqualTo(201);

		PageSession page = new PageSession(port);
		page.login(user, "Instructor-1234");
		String found = page.get("/publicity/accessible/instructors?q=%E7%BA%A2%E6%8C%87%E5%AF%BC" + tag + "&memberId="
				+ elder).body();
		assertThat(found).contains("红指导" + tag + "（").doesNotContain("红指导" + tag + "外");
		assertThat(page.get("/publicity/accessible/instructors?q=x&memberId=" + member(admin, elsewhere, "外人",
				LocalDate.of(1950, 1, 1))).statusCode()).as("a member outside the caller's scope").isEqualTo(404);
	}
}
