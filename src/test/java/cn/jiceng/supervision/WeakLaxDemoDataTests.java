package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's weak-and-lax ledger: some villages listed last year and this year, with helpers and measures. */
@ApiTest
class WeakLaxDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	WeakLaxDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTownshipHasAVillageOnTheListOfLastYearAndOfThisYear() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String county = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示整顿县"));
		String town = TestData.createOrg(admin, county, "COMMITTEE", "RURAL", TestData.unique("演示整顿镇"));
		for (int v = 0; v < 4; v++) {
			String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示整顿村"));
			TestData.createMember(admin, village, "村民党员" + v, cn.jiceng.member.Gender.MALE, "FULL", "2012-07-01");
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(county))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		long started = System.nanoTime();
		WeakLaxDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);

		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
		assertThat(seeded.listed()).isEqualTo(2);
		assertThat(seeded.measures()).isPositive();
		JsonNode lastYear = admin.get("/api/organizations/" + county + "/weak-and-lax?year=" + (today.getYear() - 1)).json();
		assertThat(lastYear.get("items")).hasSize(1);
		JsonNode item = lastYear.get("items").get(0);
		assertThat(item.get("criteria").get(0).get("code").asText()).isEqualTo("MANUAL");
		assertThat(item.get("measures")).hasSize(3);
		assertThat(item.get("countyLeaderMemberId").isNull()).isFalse();
		assertThat(admin.get("/api/organizations/" + county + "/weak-and-lax?year=" + today.getYear()).json()
			.get("items")).hasSize(1);
		assertThat(demo.seed((Long) ref[0], (String) ref[1], today).listed()).isZero();
	}
}
