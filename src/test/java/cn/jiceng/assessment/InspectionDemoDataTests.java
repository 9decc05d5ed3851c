package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
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
class InspectionDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	InspectionDemoData demo;

	@Autowired
	JdbcClient jdbc;

	Api admin;

	String withSecretaryAndOrganizationMember(String org, String branchForMembers) {
		String s = TestData.createMember(admin, branchForMembers, "书记", Gender.MALE, "FULL", "2010-07-01");
		String m = TestData.createMember(admin, branchForMembers, "组委", Gender.FEMALE, "FULL", "2010-07-01");
		assertThat(admin.post("/api/organizations/" + org + "/offices",
				Map.of("memberId", s, "office", "SECRETARY", "startedOn", "2015-01-01")).status()).isEqualTo(201);
		assertThat(admin.post("/api/organizations/" + org + "/offices",
				Map.of("memberId", m, "office", "ORGANIZATION_MEMBER", "startedOn", "2015-01-01")).status()).isEqualTo(201);
		return s;
	}

	@Test
	void twoPublishedRoundsRankTheTownshipsAndTheFirstTownshipsBranchesAndLastYearsAppraisalsAreFinal() throws Exception {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String county = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示排名县"));
		for (int t = 0; t < 3; t++) {
			String town = TestData.createOrg(admin, county, "COMMITTEE", "RURAL", TestData.unique("演示排名镇"));
			for (int b = 0; b < 4; b++) {
				String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示排名村"));
				withSecretaryAndOrganizationMember(branch, branch);
				if (b == 0) {
					withSecretaryAndOrganizationMember(town, branch);
				}
			}
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(county))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		long started = System.nanoTime();
		InspectionDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
		assertThat(seeded.rounds()).isEqualTo(2);
		assertThat(seeded.scores()).isEqualTo(3 * 3 + 4 * 4);
		assertThat(seeded.appraisals()).isEqualTo(15);
		assertThat(seeded.interviews()).isGreaterThanOrEqualTo(4);
		assertThat(demo.seed((Long) ref[0], (String) ref[1], today).rounds()).isZero();

		JsonNode rounds = admin.get("/api/inspections?year=" + (today.getYear() - 1)).json().get("items");
		String regular = null;
		for (JsonNode r : rounds) {
			if (r.get("kind").asText().equals("REGULAR") && r.get("organizerName").asText().startsWith("演示排名县")
					&& r.get("targets").asInt() == 3) {
				regular = r.get("id").asText();
			}
		}
		assertThat(regular).isNotNull();
		JsonNode ranking = admin.get("/api/inspections/" + regular + "/ranking").json();
		assertThat(ranking.get("published").asBoolean()).isTrue();
		assertThat(ranking.get("items")).hasSize(3);
		assertThat(ranking.get("interviews").size()).isGreaterThanOrEqualTo(2);
		assertThat(ranking.get("interviews").get(0).get("heldOn").isNull()).isFalse();

		JsonNode appraisals = admin.get("/api/organizations/" + county + "/secretary-appraisals?year=" + (today.getYear() - 1))
			.json().get("items");
		assertThat(appraisals).hasSize(15);
		for (JsonNode a : appraisals) {
			String grade = a.get("grade").asText();
			String award = a.get("award").isNull() ? null : a.get("award").asText();
			switch (grade) {
				case "GOOD" -> assertThat(award).isEqualTo("RED_FLAG");
				case "FAIRLY_GOOD" -> assertThat(award).isNull();
				default -> {
					assertThat(award).isEqualTo("YELLOW_CARD");
					assertThat(a.get("interview").asBoolean()).isTrue();
				}
			}
		}
		Api.Response pdf = admin.get("/api/inspections/" + regular + "/bulletin.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		java.nio.file.Files.write(java.nio.file.Path.of("target", "demo-bulletin.pdf"), pdf.bytes());
	}
}
