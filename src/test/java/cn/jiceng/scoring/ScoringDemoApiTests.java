package cn.jiceng.scoring;

import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo county's catalogue and a year of claims give the ranking and the warning list something to show. */
@ApiTest
class ScoringDemoApiTests {

	// A year no other test looks at: the demo claims land on every member of the shared test county.
	private static final int YEAR = 2020;

	@LocalServerPort
	int port;

	@Autowired
	ScoringDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedingGivesACatalogueAndAYearOfDecidedClaimsOnceOnly() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		VanguardIndexApiTests.Fixture f = new VanguardIndexApiTests.Fixture(admin);
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		for (int i = 0; i < 40; i++) {
			f.member(branch, "演示" + i, "2019-03-01");
		}
		long county = jdbc.sql("SELECT county_id FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query(Long.class).single();

		ScoringDemoData.SeedResult first = demo.seed(county, YEAR);
		ScoringDemoData.SeedResult second = demo.seed(county, YEAR);

		assertThat(first.claims()).isPositive();
		assertThat(second.claims()).isZero();
		assertThat(second.itemsCreated()).isZero();
		Map<String, Long> byStatus = new java.util.HashMap<>();
		jdbc.sql("SELECT status, count(*) FROM point_claim WHERE county_id = :c AND month BETWEEN '2020-01-01' AND '2020-12-01' GROUP BY status")
			.param("c", county)
			.query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(byStatus.get("APPROVED")).isPositive();
		assertThat(byStatus.get("REJECTED")).isPositive();
		// No claim breaks its item's yearly cap.
		long overCap = jdbc.sql("""
				SELECT count(*) FROM (
				    SELECT c.member_id, c.item_code, sum(abs(c.points)) AS used, max(i.yearly_cap) AS cap
				    FROM point_claim c JOIN point_item i ON i.id = c.item_id
				    WHERE c.county_id = :c AND c.status = 'APPROVED' AND c.month BETWEEN '2020-01-01' AND '2020-12-01'
				    GROUP BY c.member_id, c.item_code) x
				WHERE x.cap IS NOT NULL AND x.used > x.cap""")
			.param("c", county)
			.query(Long.class)
			.single();
		assertThat(overCap).isZero();

		JsonNode items = admin.get("/api/point-items").json().get("items");
		assertThat(items).extracting(i -> i.get("code").asText()).contains("VOLUNTEER", "DISCIPLINE", "CADRE_LOG_MISSED");
		JsonNode ranking = admin.get("/api/organizations/" + branch + "/vanguard-ranking?year=" + YEAR).json().get("items");
		assertThat(ranking).hasSize(40);
		assertThat(ranking).extracting(r -> r.get("index").asInt()).isSortedAccordingTo((a, b) -> b - a);
		assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);
	}
}
