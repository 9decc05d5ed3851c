package cn.jiceng.orglife;

import java.util.HashMap;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class ComplianceApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	MeetingApiTests.Fixture f;

	@BeforeEach
	void setUp() {
		f = new MeetingApiTests.Fixture(port);
	}

	static Map<String, JsonNode> items(JsonNode report) {
		Map<String, JsonNode> items = new HashMap<>();
		report.get("items").forEach(i -> items.put(i.get("organizationId").asText(), i));
		return items;
	}

	static String missing(JsonNode item) {
		StringBuilder sb = new StringBuilder();
		item.get("missing").forEach(t -> sb.append(sb.isEmpty() ? "" : ",").append(t.asText()));
		return sb.toString();
	}

	@Test
	void complianceRateCountsCompliantBranchesOverBranchesWithMembers() {
		String town = f.township();
		String held = f.branch(town, "RURAL");
		String missed = f.branch(town, "RURAL");
		String empty = f.branch(town, "RURAL");
		f.member(held, "甲达标", "2020-01-01");
		f.member(missed, "乙未达标", "2020-01-01");
		f.meeting(f.admin, held, MeetingApiTests.Fixture.themedDay("2025-02-12", Map.of()));

		Api.Response r = f.admin.get("/api/organizations/" + town + "/compliance?month=2025-02");

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode report = r.json();
		assertThat(report.get("month").asText()).isEqualTo("2025-02");
		assertThat(report.get("branches").asInt()).isEqualTo(2);
		assertThat(report.get("compliantBranches").asInt()).isEqualTo(1);
		assertThat(report.get("rate").asDouble()).isEqualTo(0.5);
		Map<String, JsonNode> items = items(report);
		assertThat(items).containsOnlyKeys(held, missed).doesNotContainKey(empty);
		assertThat(items.get(held).get("compliant").asBoolean()).isTrue();
		assertThat(items.get(missed).get("compliant").asBoolean()).isFalse();
		assertThat(missing(items.get(missed))).isEqualTo("THEMED_DAY");
	}

	@Test
	void quarterEndNeedsTheAssemblyAndTheLectureHeldInTheQuarter() {
		String town = f.township();
		String full = f.branch(town, "RURAL");
		String themedOnly = f.branch(town, "RURAL");
		f.member(full, "丙季度", "2020-01-01");
		f.member(themedOnly, "丁季度", "2020-01-01");
		f.meeting(f.admin, full, MeetingApiTests.Fixture.meeting("BRANCH_ASSEMBLY", "2025-01-08", Map.of()));
		f.meeting(f.admin, full, MeetingApiTests.Fixture.meeting("PARTY_LECTURE", "2025-02-08", Map.of()));
		f.meeting(f.admin, full, MeetingApiTests.Fixture.themedDay("2025-03-10", Map.of()));
		f.meeting(f.admin, themedOnly, MeetingApiTests.Fixture.themedDay("2025-03-10", Map.of()));

		Map<String, JsonNode> items = items(f.admin.get("/api/organizations/" + town + "/compliance?month=2025-03").json());

		assertThat(items.get(full).get("compliant").asBoolean()).isTrue();
		assertThat(missing(items.get(themedOnly))).isEqualTo("BRANCH_ASSEMBLY,PARTY_LECTURE");
	}

	@Test
	void eachGroupOfTheBranchMustHoldItsGroupMeeting() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String group = TestData.createOrg(f.admin, branch, "GROUP", "RURAL", "第一党小组");
		f.member(branch, "戊小组", "2020-01-01");
		f.meeting(f.admin, branch, MeetingApiTests.Fixture.themedDay("2025-05-10", Map.of()));

		JsonNode before = items(f.admin.get("/api/organizations/" + town + "/compliance?month=2025-05").json()).get(branch);
		Api.Response withoutGroup = f.postMeeting(f.admin, branch, MeetingApiTests.Fixture.meeting("GROUP_MEETING", "2025-05-12", Map.of()));
		Map<String, Object> groupMeeting = MeetingApiTests.Fixture.meeting("GROUP_MEETING", "2025-05-12", Map.of());
		groupMeeting.put("groupId", group);
		f.meeting(f.admin, branch, groupMeeting);
		JsonNode after = items(f.admin.get("/api/organizations/" + town + "/compliance?month=2025-05").json()).get(branch);

		assertThat(missing(before)).isEqualTo("GROUP_MEETING");
		assertThat(withoutGroup.status()).isEqualTo(400);
		assertThat(withoutGroup.json().get("errors").get(0).get("field").asText()).isEqualTo("groupId");
		assertThat(after.get("compliant").asBoolean()).isTrue();
	}

	@Test
	void branchWithSevenFullMembersMustAlsoHoldItsCommitteeMeeting() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		for (int i = 0; i < 7; i++) {
			f.member(branch, "正式党员" + i, "2020-01-01");
		}
		f.meeting(f.admin, branch, MeetingApiTests.Fixture.themedDay("2025-04-10", Map.of()));

		JsonNode item = items(f.admin.get("/api/organizations/" + town + "/compliance?month=2025-04").json()).get(branch);

		assertThat(item.get("fullMembers").asInt()).isEqualTo(7);
		assertThat(missing(item)).isEqualTo("COMMITTEE_MEETING");
		assertThat(f.admin.get("/api/organizations/" + town + "/compliance/year?year=2025").json().get("months")).hasSize(12);
	}

	@Test
	void membersAndFullMembersOfEachMonthFollowJoiningTransfersAndFullMembership() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String other = f.branch(town, "RURAL");
		f.member(branch, "全年正式", "2020-01-01");
		String probation = f.member(branch, "年中转正", "2020-01-01");
		jdbc.sql("UPDATE member SET full_member_on = DATE '2025-06-15' WHERE id = :id").param("id", Long.parseLong(probation)).update();
		f.member(branch, "五月入党", "2025-05-10");
		String mover = f.member(other, "六月转入", "2020-01-01");
		Api.Response moved = f.admin.post("/api/members/" + mover + "/transfers",
				Map.of("toOrganizationId", branch, "transferredOn", "2025-06-15"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(201);

		// month → {members, full members} of the branch; June belongs to the branch the mover is in on its last day.
		Map<String, int[]> expected = Map.of("2025-04", new int[] { 2, 1 }, "2025-05", new int[] { 3, 2 },
				"2025-06", new int[] { 4, 4 }, "2025-12", new int[] { 4, 4 });
		expected.forEach((month, want) -> {
			Map<String, JsonNode> items = items(f.admin.get("/api/organizations/" + town + "/compliance?month=" + month).json());
			assertThat(items.get(branch).get("members").asInt()).as(month).isEqualTo(want[0]);
			assertThat(items.get(branch).get("fullMembers").asInt()).as(month).isEqualTo(want[1]);
		});
		Map<String, JsonNode> may = items(f.admin.get("/api/organizations/" + town + "/compliance?month=2025-05").json());
		Map<String, JsonNode> june = items(f.admin.get("/api/organizations/" + town + "/compliance?month=2025-06").json());
		assertThat(may.get(other).get("members").asInt()).isEqualTo(1);
		assertThat(june).as("no members left in June").doesNotContainKey(other);
		JsonNode year = f.admin.get("/api/organizations/" + town + "/compliance/year?year=2025").json().get("months");
		assertThat(items(year.get(4)).get(branch).get("members").asInt()).as("the year's May agrees").isEqualTo(3);
	}
}
