package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data of learning, publicity and care, seeded under a county-like subtree of the shared test database. */
@ApiTest
class PublicityDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	PublicityDemoData demo;

	@Autowired
	JdbcClient jdbc;

	private static void elderly(Api admin, String branch, String name) {
		java.util.Map<String, Object> body = new java.util.HashMap<>();
		body.put("name", name);
		body.put("gender", "MALE");
		body.put("idNumber", cn.jiceng.member.IdNumber.generate("330122", LocalDate.of(1944, 4, 4),
				(int) (System.nanoTime() % 1000), Gender.MALE));
		body.put("organizationId", branch);
		body.put("category", "FULL");
		body.put("joinedOn", "1970-07-01");
		assertThat(admin.post("/api/members", body).status()).isEqualTo(201);
	}

	@Test
	void aYearOfStudyStoriesAndACareFundThatNeverGoesBelowZero() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String county = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示宣传县"));
		String[] towns = new String[2];
		for (int t = 0; t < 2; t++) {
			towns[t] = TestData.createOrg(admin, county, "COMMITTEE", "RURAL", TestData.unique("演示宣传镇"));
			for (int b = 0; b < 3; b++) {
				String branch = TestData.createOrg(admin, towns[t], "BRANCH", b == 0 ? "AGENCY" : "RURAL",
						TestData.unique("演示宣传支部"));
				for (int i = 0; i < 3; i++) {
					TestData.createMember(admin, branch, "宣传" + t + b + i, Gender.MALE, "FULL", "2015-07-01");
				}
				elderly(admin, branch, "老宣传" + t + b);
			}
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(county))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.of(2026, 6, 1);

		PublicityDemoData.Seeded s = demo.seed((Long) ref[0], (String) ref[1], today);

		assertThat(s.sessions()).isGreaterThan(4 * 50);
		assertThat(s.attendees()).isGreaterThan(s.sessions());
		assertThat(s.lectures()).isPositive();
		assertThat(s.stories()).isPositive();
		assertThat(s.movements()).isPositive();
		assertThat(s.materials()).as("three of the county, one of each township").isEqualTo(5);
		assertThat(s.deliveries()).as("at least six members aged 70+, the last four quarters").isGreaterThan(6);
		PublicityDemoData.Seeded again = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat(again.sessions()).isZero();
		assertThat(again.materials() + again.deliveries()).isZero();
		JsonNode materials = admin.get("/api/organizations/" + towns[1] + "/study-materials").json().get("items");
		assertThat(materials.size()).as("the township's and the county's").isGreaterThanOrEqualTo(4);
		Api.Response largePrint = admin.get(materials.get(0).get("largePrintUrl").asText());
		assertThat(largePrint.status()).isEqualTo(200);
		try {
			java.nio.file.Files.write(java.nio.file.Path.of("target", "demo-large-print.pdf"), largePrint.bytes());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		JsonNode owed = admin.get("/api/organizations/" + county + "/home-delivery-gaps?quarter=2026-Q1").json()
			.get("items");
		assertThat(owed.size()).as("one in seven missed").isLessThan(6);

		JsonNode gaps = admin.get("/api/organizations/" + towns[0] + "/study-gaps?year=2025").json().get("weeksWithout");
		assertThat(gaps.size()).isBetween(1, 12);
		for (String org : new String[] { county, towns[0], towns[1] }) {
			JsonNode fund = admin.get("/api/organizations/" + org + "/care-fund?year=2025").json();
			assertThat(fund.get("balance").decimalValue()).isPositive();
			assertThat(fund.get("items").size()).isGreaterThan(12);
		}
		Api.Response booklet = admin.get("/api/organizations/" + county + "/stories/booklet.pdf?year=2025");
		assertThat(booklet.status()).isEqualTo(200);
		assertThat(admin.get("/api/organizations/" + county + "/stories?year=2025&status=SELECTED").json().get("items")
			.size()).isPositive();
		try {
			java.nio.file.Files.write(java.nio.file.Path.of("target", "demo-booklet.pdf"), booklet.bytes());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		assertThat(jdbc.sql("""
				SELECT count(*) FROM care_fund_movement a
				WHERE (SELECT sum(CASE WHEN b.kind = 'CONTRIBUTION' THEN b.amount ELSE -b.amount END)
				       FROM care_fund_movement b WHERE b.fund_id = a.fund_id
				         AND (b.moved_on, b.id) <= (a.moved_on, a.id)) < 0 AND a.recorded_by = 'demo'""").query(Long.class).single())
			.as("no running balance below zero").isZero();
	}
}
