package cn.jiceng.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

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
class DevelopmentDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoSpreadsRecordsOverTheStagesAndTheStoredStageIsTheRulesOwn() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示发展镇"));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		for (int b = 0; b < 16; b++) {
			String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示发展村"));
			for (int m = 0; m < 3; m++) {
				TestData.createMember(admin, branch, "党员" + b + m, Gender.MALE, "FULL", "2015-07-01");
			}
			TestData.createMember(admin, branch, "预备" + b, Gender.FEMALE, "PROBATIONARY",
					today.minusDays(20 + 20 * b).toString());
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();

		DevelopmentDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat(seeded.records()).isGreaterThan(16);
		assertThat(seeded.cancellations()).isEqualTo(1);
		assertThat(seeded.plans()).isZero(); // the town is not just below this subtree's top

		JsonNode list = admin.get("/api/organizations/" + town + "/development-records?size=200").json();
		Set<String> stages = new HashSet<>();
		for (JsonNode item : list.get("items")) {
			stages.add(item.get("stage").asText());
			JsonNode one = admin.get("/api/development-records/" + item.get("id").asText()).json();
			assertThat(one.get("stage").asText()).as(one.toString()).isEqualTo(item.get("stage").asText());
			assertThat(one.get("nextStep").asText(null)).as(one.toString()).isEqualTo(item.get("nextStep").asText(null));
		}
		assertThat(stages).contains("APPLICANT", "CANDIDATE", "PROBATIONARY", "CANCELLED");
		assertThat(admin.get("/api/organizations/" + town + "/development-warnings").json().get("total").asInt())
			.isPositive();
	}
}
