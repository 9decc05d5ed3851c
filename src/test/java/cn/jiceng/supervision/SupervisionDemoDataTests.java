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

/** The demo's notices, problems in every state with their evidence and rhythm, and the villages' three lists. */
@ApiTest
class SupervisionDemoDataTests {

	@LocalServerPort
	int port;

	@Autowired
	SupervisionDemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void townshipsAndTheCountyIssueNoticesAndEveryVillageKeepsItsThreeLists() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String county = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("演示督办县"));
		for (int t = 0; t < 2; t++) {
			String town = TestData.createOrg(admin, county, "COMMITTEE", "RURAL", TestData.unique("演示督办镇"));
			for (int v = 0; v < 5; v++) {
				String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("演示督办村"));
				for (int m = 0; m < 3; m++) {
					TestData.createMember(admin, village, "村民党员" + m, cn.jiceng.member.Gender.MALE, "FULL", "2012-07-01");
				}
			}
		}
		var ref = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id").param("id", Long.parseLong(county))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		long started = System.nanoTime();
		SupervisionDemoData.Seeded seeded = demo.seed((Long) ref[0], (String) ref[1], today);
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
		// three per township and one from above
		assertThat(seeded.notices()).isEqualTo(7);
		// four villages per township notice, both townships for the one from above
		assertThat(seeded.problems()).isEqualTo(6 * 4 + 2);
		assertThat(seeded.open() + seeded.rectified() + seeded.closed()).isEqualTo(seeded.problems());
		assertThat(seeded.closed()).isPositive();
		assertThat(seeded.followUps()).isPositive();
		assertThat(seeded.lists()).isEqualTo(10 * 2 * 3);
		assertThat(seeded.items()).isEqualTo(10 * 2 * 3 * 4);

		// a leader for each township and a department for most villages, with a year of activities
		assertThat(seeded.assignments()).isGreaterThanOrEqualTo(2 + 5);
		assertThat(seeded.activities()).isPositive();
		JsonNode contacts = admin.get("/api/organizations/" + county + "/contact-assignments?year="
				+ (today.getYear() - 1)).json();
		assertThat(contacts.get("items").size()).isEqualTo(seeded.assignments());
		assertThat(contacts.get("items")).allMatch(i -> !i.get("effective").isNull());
		assertThat(contacts.get("items")).anyMatch(i -> i.get("effective").asBoolean());

		JsonNode problems = admin.get("/api/organizations/" + county + "/problems?size=100").json();
		assertThat(problems.get("total").asInt()).isEqualTo(seeded.problems());
		JsonNode closed = admin.get("/api/organizations/" + county + "/problems?status=CLOSED").json();
		String id = closed.get("items").get(0).get("id").asText();
		JsonNode detail = admin.get("/api/problems/" + id).json();
		assertThat(detail.get("files")).hasSize(1);
		assertThat(detail.get("steps")).extracting(s -> s.get("step").asText()).containsExactly("RECTIFIED", "ACCEPTED");
		assertThat(admin.get(detail.get("files").get(0).get("url").asText()).status()).isEqualTo(200);

		JsonNode lists = admin.get("/api/organizations/" + county + "/duty-lists?year=" + today.getYear()).json();
		assertThat(lists.get("items")).hasSize(10 * 3);
		int done = 0;
		for (JsonNode l : lists.get("items")) {
			done += l.get("done").asInt();
		}
		assertThat(done).isPositive();
	}
}
