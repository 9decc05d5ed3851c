package cn.jiceng.orglife;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.support.Api;
import tools.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jiceng.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class FourColorApiTests {

	@LocalServerPort
	int port;

	@Autowired
	FourColorRecompute recompute;

	@Autowired
	JdbcClient jdbc;

	MeetingApiTests.Fixture f;

	@BeforeEach
	void setUp() {
		f = new MeetingApiTests.Fixture(port);
	}

	/** A branch-year shaped to give every color: see each member's comment. */
	record Scene(String town, String branch, String previousBranch, String present, String leave, String late,
			String absent, String remote, String generalAbsent, String joiner, String transferee) {
	}

	Scene scene() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		String previous = f.branch(town, "RURAL");
		String present = f.member(branch, "红出席", "2020-01-01");
		String leave = f.member(branch, "粉请假", "2020-01-01");
		String late = f.member(branch, "绿迟到", "2020-01-01");
		String absent = f.member(branch, "黑缺席", "2020-01-01");
		String remote = f.member(branch, "流动报告", "2020-01-01"); // mobile, reports March
		String generalAbsent = f.member(branch, "流动七一", "2020-01-01"); // mobile, reports July (a general meeting)
		String joiner = f.member(branch, "年中入党", "2025-05-10");
		String transferee = f.member(previous, "转入党员", "2020-01-01");
		f.mobile(remote, "2025-01-01", null);
		f.mobile(generalAbsent, "2025-01-01", null);
		f.meeting(f.admin, previous, MeetingApiTests.Fixture.themedDay("2025-02-10", Map.of(transferee, "LEAVE")));
		f.meeting(f.admin, previous, MeetingApiTests.Fixture.themedDay("2025-06-05", Map.of(transferee, "PRESENT")));
		Api.Response moved = f.admin.post("/api/members/" + transferee + "/transfers",
				Map.of("toOrganizationId", branch, "transferredOn", "2025-06-15"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(201);
		f.meeting(f.admin, branch, MeetingApiTests.Fixture.themedDay("2025-03-10",
				Map.of(present, "PRESENT", leave, "LEAVE", late, "LATE_OR_EARLY", absent, "ABSENT")));
		f.meeting(f.admin, branch, MeetingApiTests.Fixture.themedDay("2025-03-25",
				Map.of(present, "PRESENT", leave, "PRESENT", late, "PRESENT", absent, "ABSENT")));
		f.meeting(f.admin, branch, MeetingApiTests.Fixture.themedDay("2025-06-20", Map.of(transferee, "PRESENT")));
		f.meeting(f.admin, branch, MeetingApiTests.Fixture.generalMeeting("2025-07-01", "JULY_FIRST",
				Map.of(present, "PRESENT", leave, "PRESENT", late, "PRESENT", transferee, "PRESENT", joiner, "PRESENT")));
		assertThat(f.report(f.admin, remote, "2025-03", "LETTER").status()).isEqualTo(201);
		assertThat(f.report(f.admin, generalAbsent, "2025-07", "LETTER").status()).isEqualTo(201);
		return new Scene(town, branch, previous, present, leave, late, absent, remote, generalAbsent, joiner, transferee);
	}

	static Map<String, JsonNode> byMember(JsonNode grid) {
		Map<String, JsonNode> rows = new HashMap<>();
		grid.get("members").forEach(m -> rows.put(m.get("memberId").asText(), m.get("months")));
		return rows;
	}

	static String color(JsonNode months, String month) {
		JsonNode c = months.get(month);
		return c == null || c.isNull() ? null : c.asText();
	}

	@Test
	void gridShowsEveryColorAndTheGeneralMeetingException() {
		Scene s = scene();

		Api.Response r = f.admin.get("/api/organizations/" + s.branch() + "/four-color?year=2025");

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode grid = r.json();
		assertThat(grid.get("organizationId").asText()).isEqualTo(s.branch());
		assertThat(grid.get("year").asInt()).isEqualTo(2025);
		Map<String, JsonNode> rows = byMember(grid);
		assertThat(rows.get(s.present()).propertyNames()).hasSize(12).contains("2025-01", "2025-12");
		assertThat(color(rows.get(s.present()), "2025-03")).isEqualTo("RED");
		assertThat(color(rows.get(s.leave()), "2025-03")).isEqualTo("PINK");
		assertThat(color(rows.get(s.late()), "2025-03")).as("worst of 03-10 late and 03-25 present").isEqualTo("GREEN");
		assertThat(color(rows.get(s.absent()), "2025-03")).isEqualTo("BLACK");
		assertThat(color(rows.get(s.remote()), "2025-03")).as("remote report stands in").isEqualTo("RED");
		assertThat(color(rows.get(s.generalAbsent()), "2025-03")).as("mobile without a report").isEqualTo("BLACK");
		assertThat(color(rows.get(s.generalAbsent()), "2025-07")).as("reports do not count at 七一").isEqualTo("BLACK");
		assertThat(color(rows.get(s.present()), "2025-07")).isEqualTo("RED");
		assertThat(color(rows.get(s.present()), "2025-01")).as("no themed day held").isEqualTo("NONE");
		assertThat(rows.get(s.present()).has("2025-01")).isTrue();
	}

	@Test
	void memberWhoJoinedMidYearHasNoColorBeforeJoining() {
		Scene s = scene();

		Map<String, JsonNode> rows = byMember(f.admin.get("/api/organizations/" + s.branch() + "/four-color?year=2025").json());

		JsonNode joiner = rows.get(s.joiner());
		for (String month : new String[] { "2025-01", "2025-02", "2025-03", "2025-04" }) {
			assertThat(joiner.has(month)).isTrue();
			assertThat(color(joiner, month)).as(month).isNull();
		}
		assertThat(color(joiner, "2025-05")).isEqualTo("NONE");
		assertThat(color(joiner, "2025-07")).isEqualTo("RED");
	}

	@Test
	void transferSplitsTheMonthsBetweenTheBranches() {
		Scene s = scene();

		Map<String, JsonNode> newBranch = byMember(f.admin.get("/api/organizations/" + s.branch() + "/four-color?year=2025").json());
		Map<String, JsonNode> oldBranch = byMember(f.admin.get("/api/organizations/" + s.previousBranch() + "/four-color?year=2025").json());

		JsonNode before = oldBranch.get(s.transferee());
		JsonNode after = newBranch.get(s.transferee());
		assertThat(color(before, "2025-02")).isEqualTo("PINK");
		assertThat(color(before, "2025-05")).isEqualTo("NONE");
		assertThat(color(before, "2025-06")).as("June belongs to the branch on its last day").isNull();
		assertThat(color(before, "2025-07")).isNull();
		assertThat(color(after, "2025-05")).isNull();
		assertThat(color(after, "2025-06")).isEqualTo("RED");
		assertThat(color(after, "2025-07")).isEqualTo("RED");
		assertThat(color(after, "2025-08")).isEqualTo("NONE");
	}

	@Test
	void setBasedRecomputeAgreesWithThePerBranchGrid() {
		Scene s = scene();
		// A member who leaves the branch and comes back within September: only the themed day before leaving counts.
		String roundTrip = f.member(s.previousBranch(), "往返党员", "2020-01-01");
		f.meeting(f.admin, s.previousBranch(), MeetingApiTests.Fixture.themedDay("2025-09-02", Map.of(roundTrip, "LEAVE")));
		assertThat(f.admin.post("/api/members/" + roundTrip + "/transfers",
				Map.of("toOrganizationId", s.branch(), "transferredOn", "2025-09-05")).status()).isEqualTo(201);
		assertThat(f.admin.post("/api/members/" + roundTrip + "/transfers",
				Map.of("toOrganizationId", s.previousBranch(), "transferredOn", "2025-09-20")).status()).isEqualTo(201);
		f.meeting(f.admin, s.previousBranch(), MeetingApiTests.Fixture.themedDay("2025-09-10", Map.of()));
		// Taken off the roll on a period's edge: the year's first day (no month of 2025 is theirs), the day of a themed
		// day (not at it), the day after it (at it).
		String leftOnJan1 = f.member(s.branch(), "元旦转出", "2020-01-01");
		String leftOnTheDay = f.member(s.branch(), "当日转出", "2020-01-01");
		String leftTheDayAfter = f.member(s.branch(), "次日转出", "2020-01-01");
		f.meeting(f.admin, s.branch(), MeetingApiTests.Fixture.themedDay("2025-10-10",
				Map.of(leftOnTheDay, "LEAVE", leftTheDayAfter, "LATE_OR_EARLY")));
		Map.of(leftOnJan1, "2025-01-01", leftOnTheDay, "2025-10-10", leftTheDayAfter, "2025-10-11").forEach((member, day) -> jdbc
			.sql("UPDATE member SET status = 'TRANSFERRED_OUT', status_changed_on = CAST(:d AS date) WHERE id = :id")
			.param("d", day)
			.param("id", Long.parseLong(member))
			.update());

		recomputeAndCompare(s);
		Map<Long, Map<YearMonth, FourColor>> stored = recompute.branchYear(Long.parseLong(s.branch()), 2025);
		assertThat(stored).doesNotContainKey(Long.parseLong(leftOnJan1));
		assertThat(stored.get(Long.parseLong(leftTheDayAfter))).containsEntry(YearMonth.of(2025, 10), FourColor.GREEN)
			.doesNotContainKey(YearMonth.of(2025, 11));
		assertThat(stored.getOrDefault(Long.parseLong(leftOnTheDay), Map.of())).doesNotContainKey(YearMonth.of(2025, 11));
		assertThat(color(byMember(f.admin.get("/api/organizations/" + s.previousBranch() + "/four-color?year=2025")
			.json()).get(roundTrip), "2025-09")).isEqualTo("PINK");

		// A correction changes one cell; the second run writes only the difference and still agrees.
		JsonNode march = f.admin.get("/api/organizations/" + s.branch() + "/meetings?type=THEMED_DAY&from=2025-03-01&to=2025-03-15")
			.json().get("items").get(0);
		JsonNode meeting = f.admin.get("/api/meetings/" + march.get("id").asText()).json();
		Api.Response corrected = f.admin.patch("/api/meetings/" + march.get("id").asText(), Map.of("version",
				meeting.get("version").asInt(), "attendance", java.util.List.of(Map.of("memberId", s.late(), "status", "PRESENT"))));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		recomputeAndCompare(s);
		assertThat(recompute.branchYear(Long.parseLong(s.branch()), 2025).get(Long.parseLong(s.late()))
			.get(YearMonth.of(2025, 3))).as("was GREEN before the correction").isEqualTo(FourColor.RED);
	}

	void recomputeAndCompare(Scene s) {
		Api.Response run = f.admin.post("/api/jobs/four-color/recompute?year=2025", Map.of());
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(run.json().get("cells").asInt()).isPositive();
		for (String branch : new String[] { s.branch(), s.previousBranch() }) {
			Map<String, JsonNode> api = byMember(f.admin.get("/api/organizations/" + branch + "/four-color?year=2025").json());
			Map<Long, Map<YearMonth, FourColor>> stored = recompute.branchYear(Long.parseLong(branch), 2025);
			Map<String, Map<String, String>> expected = new LinkedHashMap<>();
			Map<String, Map<String, String>> actual = new LinkedHashMap<>();
			api.forEach((member, months) -> {
				Map<String, String> want = new LinkedHashMap<>();
				Map<String, String> got = new LinkedHashMap<>();
				Map<YearMonth, FourColor> row = stored.getOrDefault(Long.parseLong(member), Map.of());
				months.propertyNames().forEach(m -> {
					want.put(m, color(months, m));
					FourColor c = row.get(YearMonth.parse(m));
					got.put(m, c == null ? null : c.name());
				});
				expected.put(member, want);
				actual.put(member, got);
			});
			assertThat(actual).as("branch " + branch).isEqualTo(expected);
			assertThat(stored.keySet().stream().map(String::valueOf)).allMatch(api::containsKey);
		}
	}

	@Test
	void recomputeRepairsMissingRowsAndDropsMonthsNoLongerOwned() {
		Scene s = scene();
		recomputeAndCompare(s);
		// A whole-year member whose rows do not add up (a row lost by hand): the missing themed day is absent.
		jdbc.sql("""
				DELETE FROM meeting_attendance WHERE member_id = :m AND meeting_id IN (SELECT id FROM meeting
				    WHERE organization_id = :b AND held_on = DATE '2025-03-25')""")
			.param("m", Long.parseLong(s.present()))
			.param("b", Long.parseLong(s.branch()))
			.update();
		// A member whose joining date is corrected to next year owns no month of 2025 any more.
		jdbc.sql("UPDATE member SET joined_on = DATE '2026-02-01' WHERE id = :m").param("m", Long.parseLong(s.leave())).update();

		recomputeAndCompare(s);

		Map<Long, Map<YearMonth, FourColor>> stored = recompute.branchYear(Long.parseLong(s.branch()), 2025);
		assertThat(stored.get(Long.parseLong(s.present())).get(YearMonth.of(2025, 3))).isEqualTo(FourColor.BLACK);
		assertThat(stored).doesNotContainKey(Long.parseLong(s.leave()));
		assertThat(stored.get(Long.parseLong(s.absent())).get(YearMonth.of(2025, 3))).isEqualTo(FourColor.BLACK);
	}

	@Test
	void subtreeRecomputeLeavesOtherBranchesAlone() {
		Scene s = scene();
		recomputeAndCompare(s);
		jdbc.sql("UPDATE four_color_year SET colors = 'RRRRRRRRRRRR' WHERE branch_id = :b")
			.param("b", Long.parseLong(s.previousBranch()))
			.update();

		Api.Response run = f.admin.post("/api/jobs/four-color/recompute?year=2025&organizationId=" + s.branch(), Map.of());

		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(recompute.branchYear(Long.parseLong(s.previousBranch()), 2025).values())
			.as("outside the subtree: untouched")
			.allSatisfy(row -> assertThat(row).hasSize(12).containsValue(FourColor.RED).doesNotContainValue(FourColor.NONE));
		assertThat(recompute.branchYear(Long.parseLong(s.branch()), 2025).get(Long.parseLong(s.late()))
			.get(YearMonth.of(2025, 3))).isEqualTo(FourColor.GREEN);
	}

	@Test
	void wallChartPdfRendersTheChineseTitleAndNames() throws Exception {
		Scene s = scene();

		Api.Response a4 = f.admin.get("/api/organizations/" + s.branch() + "/four-color.pdf?year=2025");
		Api.Response a3 = f.admin.get("/api/organizations/" + s.branch() + "/four-color.pdf?year=2025&size=A3");

		assertThat(a4.status()).isEqualTo(200);
		assertThat(a4.contentType()).startsWith("application/pdf");
		Path out = Path.of("target", "orglife");
		Files.createDirectories(out);
		Files.write(out.resolve("four-color-2025-a4.pdf"), a4.bytes());
		try (PDDocument doc = Loader.loadPDF(a4.bytes()); PDDocument big = Loader.loadPDF(a3.bytes())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("2025年度党员四色纪实公示表", "红出席", "转入党员", "红=参加", "黑=缺席");
			float width = doc.getPage(0).getMediaBox().getWidth();
			assertThat(width).as("A4 landscape").isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
			assertThat(big.getPage(0).getMediaBox().getWidth()).as("A3 is larger").isGreaterThan(width * 1.3f);
		}
	}

	@Test
	void memberAccountSeesItsBranchChartButNotAnother() {
		Scene s = scene();
		Api member = f.account("MEMBER", s.branch(), s.present());

		assertThat(member.get("/api/organizations/" + s.branch() + "/four-color?year=2025").status()).isEqualTo(200);
		assertThat(member.get("/api/organizations/" + s.previousBranch() + "/four-color?year=2025").status()).isEqualTo(404);
		assertThat(f.admin.get("/api/organizations/" + s.town() + "/four-color?year=2025").status()).isEqualTo(400);
	}

	@Test
	void theCommandCentersMonthCountsOfASubtreeEqualTheSumOfItsBranchGrids() {
		Scene s = scene();
		// out and back within September: the cells of both branches, read for the whole township at once
		String roundTrip = f.member(s.previousBranch(), "往返党员", "2020-01-01");
		f.meeting(f.admin, s.previousBranch(), MeetingApiTests.Fixture.themedDay("2025-09-02", Map.of(roundTrip, "LEAVE")));
		f.meeting(f.admin, s.branch(), MeetingApiTests.Fixture.themedDay("2025-09-08", Map.of()));
		assertThat(f.admin.post("/api/members/" + roundTrip + "/transfers",
				Map.of("toOrganizationId", s.branch(), "transferredOn", "2025-09-05")).status()).isEqualTo(201);
		assertThat(f.admin.post("/api/members/" + roundTrip + "/transfers",
				Map.of("toOrganizationId", s.previousBranch(), "transferredOn", "2025-09-20")).status()).isEqualTo(201);

		for (int month = 1; month <= 12; month++) {
			String m = YearMonth.of(2025, month).toString();
			Map<String, Integer> expected = new HashMap<>();
			for (String color : new String[] { "RED", "PINK", "GREEN", "BLACK", "NONE" }) {
				expected.put(color, 0);
			}
			for (String branch : new String[] { s.branch(), s.previousBranch() }) {
				byMember(f.admin.get("/api/organizations/" + branch + "/four-color?year=2025").json()).values()
					.forEach(months -> {
						String c = color(months, m);
						if (c != null) {
							expected.merge(c, 1, Integer::sum);
						}
					});
			}
			JsonNode counts = f.admin.get("/api/organizations/" + s.town() + "/dashboard?month=" + m).json().get("fourColors");
			Map<String, Integer> actual = new HashMap<>();
			counts.propertyNames().forEach(c -> actual.put(c, counts.get(c).asInt()));
			assertThat(actual).as(m).isEqualTo(expected);
		}
	}
}
