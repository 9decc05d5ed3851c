package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class AssessmentStarsDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	AssessmentStarsDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void lastYearIsRatedMostlyAtThreeStarsOrMoreAndThisYearIsInProgress() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示星级镇"));
		for (int b = 0; b < 40; b++) {
			String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示星级村"));
			TestData.createMember(admin, branch, "演示" + b, Gender.MALE, "FULL", "2015-07-01");
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		AssessmentStarsDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat(seeded.lastYear()).isBetween(32, 40);
		assertThat(seeded.thisYear()).isBetween(5, 25);
		assertThat(demo.seed((Long) ref[0], (String) ref[1], today).lastYear()).isZero();

		JsonNode stars = admin.get("/api/organizations/" + town + "/stars?year=" + (today.getYear() - 1)).json();
		assertThat(stars.get("items").size()).isEqualTo(seeded.lastYear());
		assertThat(stars.get("threeStarShare").asDouble()).isBetween(0.75, 1.0);
		assertThat(stars.get("distribution").get("5").asInt()).isPositive();
		JsonNode standard = admin.get("/api/star-standards?year=" + today.getYear() + "&field=RURAL").json();
		assertThat(standard.get("items")).hasSize(5);
		// a demo assessment explains itself like a real one
		String id = stars.get("items").get(0).get("assessmentId").asText();
		JsonNode one = admin.get("/api/star-assessments/" + id).json();
		assertThat(one.get("items")).hasSize(5);
		assertThat(one.get("items").get(0).get("explanation").asText()).isNotBlank();
	}
}
