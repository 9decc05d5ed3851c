package cn.jiceng.organization;

import static org.assertj.core.api.Assertions.assertThat;

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
class OfficeDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	OfficeDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyBranchAndTheTownshipGetALeadershipOnce() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示班子镇"));
		int branches = 0;
		for (int b = 0; b < 3; b++) {
			String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示班子村"));
			for (int i = 0; i < 4; i++) {
				TestData.createMember(admin, branch, "班子" + b + i, Gender.MALE, "FULL", "2015-07-01");
			}
			branches++;
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();

		int written = demo.seed((Long) ref[0], (String) ref[1], java.time.LocalDate.of(2026, 6, 1));

		// a branch of four: secretary, organization member, deputy, committee member; the township two
		assertThat(written).isEqualTo(branches * 4 + 2);
		assertThat(demo.seed((Long) ref[0], (String) ref[1], java.time.LocalDate.of(2026, 6, 1))).isZero();
		JsonNode holders = admin.get("/api/organizations/" + town + "/offices").json();
		assertThat(holders.valueStream().map(h -> h.get("office").asText()).toList())
			.containsExactly("SECRETARY", "ORGANIZATION_MEMBER");
	}
}
