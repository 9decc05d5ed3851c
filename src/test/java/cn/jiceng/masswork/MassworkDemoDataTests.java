package cn.jiceng.masswork;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class MassworkDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	MassworkDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void villagesGetHouseholdsMostlyVisitedTwiceAndErrandsWithAFewOvernight() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示群众镇"));
		for (int v = 0; v < 5; v++) {
			TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示群众村"));
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		MassworkDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat(seeded.households()).isEqualTo(5 * MassworkDemoData.HOUSEHOLDS_PER_VILLAGE);
		assertThat(seeded.errands()).isEqualTo(5 * MassworkDemoData.ERRANDS_PER_VILLAGE);
		assertThat(demo.seed((Long) ref[0], (String) ref[1], today).households()).isZero();

		JsonNode coverage = admin.get("/api/organizations/" + town + "/visit-coverage?year=" + today.getYear()).json();
		assertThat(coverage.get("households").asInt()).isEqualTo(200);
		assertThat(coverage.get("rate").asDouble()).isBetween(0.7, 0.9);
		JsonNode errands = admin.get("/api/organizations/" + town + "/errands?from=" + today.minusYears(1) + "&to=" + today)
			.json();
		JsonNode s = errands.get("summary");
		assertThat(s.get("received").asInt()).isEqualTo(seeded.errands());
		assertThat(s.get("overnight").asInt()).isBetween(5, 30);
		assertThat(s.get("overdue").asInt()).isPositive();
		assertThat(s.get("satisfactionRate").asDouble()).isBetween(0.8, 1.0);
		long overnightItems = 0;
		for (JsonNode i : errands.get("items")) {
			overnightItems += i.get("overnight").asBoolean() ? 1 : 0;
		}
		assertThat(overnightItems).isEqualTo(s.get("overnight").asLong());

		// governance: each demo decision's steps agree with its next step as the rule computes it
		MassworkDemoData.Governance g = seeded.governance();
		assertThat(g.bodies() + g.decisions()).as("most of five villages keep 135 records").isPositive();
		JsonNode decisions = admin.get("/api/organizations/" + town + "/decisions?size=100").json().get("items");
		assertThat(decisions.size()).isEqualTo(g.decisions());
		int steps = 0;
		for (JsonNode d : decisions) {
			JsonNode full = admin.get("/api/decisions/" + d.get("id").asText()).json();
			List<DecisionPolicy.Recorded> done = new java.util.ArrayList<>();
			for (JsonNode st : full.get("steps")) {
				done.add(new DecisionPolicy.Recorded(DecisionStep.valueOf(st.get("step").asText()), LocalDate.parse(st.get("on").asText())));
			}
			DecisionStep next = DecisionPolicy.next(full.get("combinedProposal").asBoolean(), done);
			assertThat(full.get("nextStep").isNull() ? null : full.get("nextStep").asText())
				.isEqualTo(next == null ? null : next.name());
			steps += done.size();
		}
		assertThat(steps).isEqualTo(g.steps());
		JsonNode villages = admin.get("/api/organizations/" + town + "/governance-135/villages").json();
		assertThat(villages).hasSize(5);
	}
}
