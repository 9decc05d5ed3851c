package cn.jiceng.supervision;

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

/** The demo's agency branches paired with village care centers, with a year of services, wishes and difficulties. */
@ApiTest
class PairingDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	PairingDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAgencyBranchPairsWithAVillageCareCenterAndLastYearIsJudged() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String county = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示联心县"));
		String town = TestData.createOrg(admin, county, "COMMITTEE", "RURAL", TestData.unique("演示联心镇"));
		TestData.createOrg(admin, town, "BRANCH", "RURAL", "演示东山村党支部");
		TestData.createOrg(admin, town, "BRANCH", "RURAL", "演示西岭村党支部");
		for (int b = 0; b < 3; b++) {
			String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("演示机关支部"));
			for (int m = 0; m < 3; m++) {
				TestData.createMember(admin, agency, "机关党员" + m, Gender.FEMALE, "FULL", "2012-07-01");
			}
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(county))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		long started = System.nanoTime();
		PairingDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
		assertThat(seeded.pairings()).isEqualTo(3);
		assertThat(seeded.services()).isPositive();
		assertThat(seeded.wishes()).isPositive();

		JsonNode report = admin.get("/api/organizations/" + county + "/pairings?year=" + (today.getYear() - 1)).json();
		assertThat(report.get("items")).hasSize(3);
		assertThat(report.get("items")).allMatch(i -> i.get("siteName").asText().endsWith("村居家养老照料中心"));
		assertThat(report.get("items")).allMatch(i -> !i.get("compliant").isNull());
		assertThat(report.get("items")).allMatch(i -> i.get("wishesCompleted").get("Q1").asInt() > 0);
		assertThat(jdbc.sql("SELECT count(*) FROM micro_wish w JOIN pairing p ON p.id = w.pairing_id "
				+ "JOIN organization o ON o.id = p.organization_id WHERE o.path LIKE :p AND w.status = 'COMPLETED'")
			.param("p", ref[1] + "%").query(Long.class).single()).isPositive();
	}
}
