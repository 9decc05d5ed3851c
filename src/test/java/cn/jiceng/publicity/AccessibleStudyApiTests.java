package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Learning, publicity and care": study needs, home deliveries and the quarter's gaps. */
@ApiTest
class AccessibleStudyApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String branch;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("送学镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("送学村"));
	}

	private String member(String name, String birth) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("gender", "MALE");
		body.put("idNumber", cn.jiceng.member.IdNumber.generate("330122", java.time.LocalDate.parse(birth),
				(int) (System.nanoTime() % 1000), Gender.MALE));
		body.put("organizationId", branch);
		body.put("category", "FULL");
		body.put("joinedOn", "2010-07-01");
		Api.Response r = admin.post("/api/members", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	@Test
	void theElderlyAndThoseWhoAskWaitForTheirQuartersDeliveryUntilItIsRecorded() {
		String old = member("老党员", "1950-03-01");
		String justSeventy = member("刚满七十", "1955-09-30");
		String young = member("年轻人", "1990-01-01");
		String declined = member("不需要", "1945-01-01");
		String instructor = member("红色指导员", "1980-01-01");
		assertThat(admin.put("/api/members/" + young + "/study-needs",
				Map.of("largePrint", false, "dialectAudio", true, "homeDelivery", true)).status()).isEqualTo(200);
		Api.Response no = admin.put("/api/members/" + declined + "/study-needs",
				Map.of("largePrint", true, "dialectAudio", false, "homeDelivery", false));
		assertThat(no.status()).as(no.body()).isEqualTo(200);
		assertThat(no.json().get("largePrint").asBoolean()).isTrue();

		JsonNode gaps = admin.get("/api/organizations/" + branch + "/home-delivery-gaps?quarter=2025-Q3").json();
		assertThat(gaps.get("items").valueStream().map(i -> i.get("memberId").asText()).toList())
			.containsExactlyInAnyOrder(old, justSeventy, young);

		Api.Response d = admin.post("/api/members/" + old + "/home-deliveries",
				Map.of("on", "2025-08-15", "instructorMemberId", instructor, "note", "送去大字版学习资料"));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		assertThat(admin.post("/api/members/" + young + "/home-deliveries",
				Map.of("on", "2025-06-30", "instructorMemberId", instructor, "note", "上季度")).status()).isEqualTo(201);
		gaps = admin.get("/api/organizations/" + branch + "/home-delivery-gaps?quarter=2025-Q3").json();
		assertThat(gaps.get("items").valueStream().map(i -> i.get("name").asText()).toList())
			.containsExactlyInAnyOrder("刚满七十", "年轻人");
		assertThat(admin.get("/api/organizations/" + branch + "/home-delivery-gaps?quarter=2025-Q5").status())
			.isEqualTo(400);
	}

	@Test
	void badInputChangesNothing() {
		String m = member("待定", "1950-01-01");
		Map<String, Object> partial = new HashMap<>();
		partial.put("largePrint", true);
		Api.Response bad = admin.put("/api/members/" + m + "/study-needs", partial);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("dialectAudio", "homeDelivery");
		Api.Response badDelivery = admin.post("/api/members/" + m + "/home-deliveries",
				Map.of("on", "2025-13-01", "instructorMemberId", "987654321012"));
		assertThat(badDelivery.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("on", "instructorMemberId");
		JsonNode needs = admin.get("/api/members/" + m + "/study-needs").json();
		assertThat(needs.get("recorded").asBoolean()).isFalse();
		assertThat(needs.get("homeDelivery").asBoolean()).as("suggested for 70+").isTrue();
		assertThat(needs.get("deliveries")).isEmpty();
	}
}
