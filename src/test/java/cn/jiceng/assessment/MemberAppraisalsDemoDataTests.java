package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
class MemberAppraisalsDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberAppraisalsDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void lastYearsDemocraticAppraisalKeepsEveryCapAndSecretariesHaveThreeYearsOfTreeRootAppraisals() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示考评镇"));
		List<String> branches = new ArrayList<>();
		for (int b = 0; b < 8; b++) {
			String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示考评村"));
			branches.add(branch);
			String secretary = TestData.createMember(admin, branch, "书记" + b, Gender.MALE, "FULL", "2005-07-01");
			for (int m = 0; m < 6; m++) {
				TestData.createMember(admin, branch, "党员" + b + m, Gender.FEMALE, "FULL", "2010-07-01");
			}
			TestData.createMember(admin, branch, "预备" + b, Gender.FEMALE, "PROBATIONARY", "2010-07-01");
			Api.Response office = admin.post("/api/organizations/" + branch + "/offices",
					Map.of("memberId", secretary, "office", "SECRETARY", "startedOn", "2015-01-01"));
			assertThat(office.status()).as(office.body()).isEqualTo(201);
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		int lastYear = today.getYear() - 1;

		long started = System.nanoTime();
		MemberAppraisalsDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
		assertThat(seeded.democratic()).isEqualTo(8 * 7);
		assertThat(seeded.cadres()).isEqualTo(8 * 3);
		MemberAppraisalsDemoData.Seeded again = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat(again.democratic()).isZero();
		assertThat(again.cadres()).isZero();

		JsonNode democratic = admin.get("/api/organizations/" + town + "/democratic-appraisals?year=" + lastYear).json();
		int excellent = 0;
		for (JsonNode b : democratic.get("branches")) {
			assertThat(b.get("excellent").asInt()).isLessThanOrEqualTo(b.get("excellentCap").asInt());
			assertThat(b.get("graded").asInt()).isEqualTo(7);
			excellent += b.get("excellent").asInt();
		}
		assertThat(excellent).isPositive();
		democratic.get("items").forEach(i -> {
			if ("PROBATIONARY".equals(i.get("category").asText())) {
				assertThat(i.get("grade").isNull()).isTrue();
			}
		});

		JsonNode cadres = admin.get("/api/organizations/" + town + "/cadre-appraisals?year=" + lastYear).json();
		assertThat(cadres.get("items")).hasSize(8);
		for (JsonNode c : cadres.get("items")) {
			JsonNode history = admin.get("/api/members/" + c.get("memberId").asText() + "/cadre-appraisals").json();
			assertThat(history.get("items")).hasSize(3);
			boolean allExcellent = history.get("items").valueStream()
				.allMatch(i -> "EXCELLENT".equals(i.get("grade").asText()));
			assertThat(history.get("promotionPriority").asBoolean()).isEqualTo(allExcellent);
		}
	}
}
