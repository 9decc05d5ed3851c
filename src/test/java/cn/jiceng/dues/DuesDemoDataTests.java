package cn.jiceng.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
class DuesDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	DuesDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMemberOnTheRollGetsABaseWorkedOutByThePolicyAndPaysTheEndedMonthsUnlessBehind() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示党费镇"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示党费村"));
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("演示党费机关"));
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			members.add(TestData.createMember(admin, i % 2 == 0 ? village : agency, "党费" + i, Gender.FEMALE, "FULL",
					"2012-03-01"));
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.of(2026, 6, 15);

		DuesDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);

		assertThat(seeded.bases()).isEqualTo(30);
		// five ended months each, less the few members who fell behind
		assertThat(seeded.payments()).isBetween(30 * 5 - 30, 30 * 5);
		int paidThrough = 0;
		for (String m : members) {
			JsonNode months = admin.get("/api/members/" + m + "/dues?year=2026").json().get("months");
			assertThat(months.get(0).get("due").decimalValue()).as("January's due of " + m).isPositive();
			if ("PAID".equals(months.get(4).get("status").asText())) {
				paidThrough++;
			}
			assertThat(months.get(5).get("status").asText()).as("June has not ended").isEqualTo("UNPAID");
		}
		assertThat(paidThrough).isGreaterThan(20);
		List<String> categories = jdbc.sql("SELECT DISTINCT b.category FROM dues_base b JOIN member m ON m.id = b.member_id "
				+ "JOIN organization o ON o.id = m.organization_id WHERE o.path LIKE :p").param("p", ref[1] + "%")
			.query(String.class).list();
		assertThat(categories).contains("FARMER", "PAYROLL");
		assertThat(demo.seed((Long) ref[0], (String) ref[1], today).bases()).isZero();
	}
}
