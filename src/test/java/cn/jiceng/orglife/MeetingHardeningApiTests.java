package cn.jiceng.orglife;

import java.util.List;
import java.util.Map;

import cn.jiceng.orglife.MeetingApiTests.Fixture;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11: a meeting's host is one of the branch's members, and the same meeting is not stored twice. */
@ApiTest
class MeetingHardeningApiTests {

	@LocalServerPort
	int port;

	Fixture f;

	@BeforeEach
	void setUp() {
		f = new Fixture(port);
	}

	@Test
	void aHostFromAnotherTownshipIs400AndTheirNameIsNotShown() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String own = f.member(branch, "本支部党员", "2020-01-01");
		String elsewhere = f.member(f.branch(f.township(), "RURAL"), "外镇主持人", "2020-01-01");
		Api townAdmin = f.account("TOWNSHIP_ADMIN", town, null);
		Map<String, Object> body = Fixture.themedDay("2025-03-10", Map.of(own, "PRESENT"));
		body.put("hostMemberId", elsewhere);

		Api.Response r = f.postMeeting(townAdmin, branch, body);

		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).contains("application/problem+json");
		assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("hostMemberId");
		assertThat(r.body()).doesNotContain("外镇主持人");
		assertThat(f.admin.get("/api/organizations/" + branch + "/meetings").json().get("total").asInt()).isZero();
	}

	@Test
	void aHostWhoJoinedTheBranchAfterTheDateIs400AndAMemberOnTheDateIsAccepted() {
		String branch = f.branch(f.township(), "RURAL");
		String member = f.member(branch, "老党员", "2020-01-01");
		String latecomer = f.member(branch, "新党员", "2025-06-01");
		Map<String, Object> body = Fixture.themedDay("2025-03-10", Map.of(member, "PRESENT"));
		body.put("hostMemberId", latecomer);
		Api.Response tooEarly = f.postMeeting(f.admin, branch, body);
		body.put("hostMemberId", member);
		Api.Response ok = f.postMeeting(f.admin, branch, body);

		assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(400);
		assertThat(tooEarly.json().get("errors").get(0).get("field").asText()).isEqualTo("hostMemberId");
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		assertThat(ok.text("hostName")).isEqualTo("老党员");
	}

	@Test
	void changingTheHostToAnOutsiderIs400AndKeepsTheHost() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String member = f.member(branch, "原主持人", "2020-01-01");
		String outsider = f.member(f.branch(town, "RURAL"), "邻支部党员", "2020-01-01");
		Map<String, Object> body = Fixture.themedDay("2025-03-10", Map.of(member, "PRESENT"));
		body.put("hostMemberId", member);
		String id = f.meeting(f.admin, branch, body);
		int version = f.admin.get("/api/meetings/" + id).json().get("version").asInt();

		Api.Response r = f.admin.patch("/api/meetings/" + id, Map.of("version", version, "hostMemberId", outsider));

		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("hostMemberId");
		assertThat(f.admin.get("/api/meetings/" + id).text("hostMemberId")).isEqualTo(member);
	}

	@Test
	void twoIdenticalMeetingsSentTogetherStoreOneAndAnswerTheOther409() {
		for (int trial = 0; trial < 5; trial++) {
			String branch = f.branch(f.township(), "RURAL");
			String member = f.member(branch, "同日党员", "2020-01-01");
			Map<String, Object> body = Fixture.themedDay("2025-04-10", Map.of(member, "PRESENT"));

			List<Api.Response> answers = Race.run(() -> f.postMeeting(f.admin, branch, body),
					() -> f.postMeeting(f.admin, branch, body));

			assertThat(answers.stream().map(Api.Response::status).sorted().toList()).as("trial " + trial)
				.containsExactly(201, 409);
			Api.Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
			assertThat(refused.contentType()).contains("application/problem+json");
			assertThat(refused.text("detail")).contains("已有一条");
			assertThat(f.admin.get("/api/organizations/" + branch + "/meetings").json().get("total").asInt())
				.as("trial " + trial).isEqualTo(1);
		}
	}

	@Test
	void aSecondMeetingTheSameDayIsStoredWhenTheRequestSaysItIsAdditional() {
		String branch = f.branch(f.township(), "RURAL");
		String member = f.member(branch, "两次会议", "2020-01-01");
		Map<String, Object> body = Fixture.meeting("BRANCH_ASSEMBLY", "2025-05-10", Map.of(member, "PRESENT"));
		f.meeting(f.admin, branch, body);

		Api.Response repeat = f.postMeeting(f.admin, branch, body);
		body.put("additional", true);
		Api.Response onPurpose = f.postMeeting(f.admin, branch, body);
		body.put("type", "COMMITTEE_MEETING");
		body.remove("additional");
		Api.Response otherType = f.postMeeting(f.admin, branch, body);

		assertThat(repeat.status()).as(repeat.body()).isEqualTo(409);
		assertThat(onPurpose.status()).as(onPurpose.body()).isEqualTo(201);
		assertThat(otherType.status()).as(otherType.body()).isEqualTo(201);
		assertThat(f.admin.get("/api/organizations/" + branch + "/meetings").json().get("total").asInt()).isEqualTo(3);
	}
}
