package cn.jiceng.scoring;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based full-year recompute and the per-member calculator give the same rows for the tricky cases: the
 * bonus cap, clamping at 100 and at 0, veto, quarter snapshots, and the inputs of other work.
 */
@ApiTest
class VanguardRecomputeApiTests {

	@LocalServerPort
	int port;

	@Autowired
	VanguardEngine engine;

	@Autowired
	JdbcClient jdbc;


	@Test
	void theSetBasedRecomputeAgreesWithThePerMemberCalculator() {
		VanguardIndexApiTests.Fixture f = new VanguardIndexApiTests.Fixture(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		String capped = f.member(branch, "封顶");
		String high = f.member(branch, "满分");
		String low = f.member(branch, "清零");
		String veto = f.member(branch, "否决");
		String cadre = f.member(branch, "干部");
		String secretary = f.member(branch, "书记");
		String late = f.member(branch, "晚入党", "2025-05-20");

		// Everyone but the listed is absent: −10 each for capped, low, veto, cadre; secretary present twice.
		for (String day : List.of("2025-01-10", "2025-02-10", "2025-03-10")) {
			f.meeting(branch, "THEMED_DAY", day, Map.of(high, "PRESENT", secretary, "PRESENT"));
		}
		Map<String, String> lecture = new LinkedHashMap<>();
		for (String m : List.of(capped, high, low, veto, cadre, secretary)) {
			lecture.put(m, "PRESENT");
		}
		Map<String, Object> lectureBody = new LinkedHashMap<>();
		lectureBody.put("type", "PARTY_LECTURE");
		lectureBody.put("heldOn", "2025-05-10");
		lectureBody.put("theme", "书记讲党课");
		lectureBody.put("hostMemberId", secretary);
		lectureBody.put("attendance", lecture.entrySet().stream().map(e -> Map.of("memberId", e.getKey(), "status", e.getValue())).toList());
		assertThat(f.admin.post("/api/organizations/" + branch + "/meetings", lectureBody).status()).isEqualTo(201);
		f.meeting(branch, "THEMED_DAY", "2025-08-10", Map.of(capped, "LEAVE", high, "PRESENT", low, "PRESENT",
				veto, "PRESENT", cadre, "PRESENT", secretary, "PRESENT"));

		String big = f.item("BIG", "重大贡献", 15, null, false);
		String small = f.item("SMALL", "志愿服务", 10, null, false);
		String heavy = f.item("HEAVY", "严重违纪", -50, null, false);
		String vetoItem = f.item("VETO", "受到党纪处分", 0, null, true);
		f.approved(township, capped, "2025-04", big);
		f.approved(township, capped, "2025-11", small);
		f.approved(township, high, "2025-06", big);
		for (String month : List.of("2025-06", "2025-07", "2025-09")) {
			f.approved(township, low, month, heavy);
		}
		f.approved(township, veto, "2025-08", vetoItem);
		f.approved(township, late, "2025-12", big);

		f.inputItem("CADRE_LOG_MISSED", "未按月填写工作日志", -2, 12);
		f.inputItem("SECRETARY_LECTURE_SHORT", "村书记讲党课不足", -5, null);
		assertThat(f.admin.post("/api/members/" + cadre + "/cadre-duties",
				Map.of("organizationId", branch, "startedOn", "2025-01-15")).status()).isEqualTo(201);
		assertThat(f.admin.post("/api/cadre-logs", Map.of("memberId", cadre, "date", "2025-03-03", "content", "入户走访"))
			.status()).isEqualTo(201);
		Api.Response designated = f.admin.put("/api/organizations/" + branch + "/village-secretary",
				Map.of("memberId", secretary, "startedOn", "2024-01-01"));
		assertThat(designated.status()).as(designated.body()).isEqualTo(200);

		var org = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id")
			.param("id", Long.parseLong(town))
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		List<Long> members = List.of(capped, high, low, veto, cadre, secretary, late).stream().map(Long::parseLong).toList();

		engine.recomputeMembers(org.getKey(), 2025, members);
		Map<Long, List<Object>> perMember = rows(members);
		jdbc.sql("DELETE FROM vanguard_index WHERE year = 2025 AND member_id IN (:ids)").param("ids", members).update();
		VanguardEngine.SetResult set = engine.recomputeSet(org.getKey(), 2025, org.getValue());
		Map<Long, List<Object>> setBased = rows(members);

		assertThat(set.members()).isEqualTo(7);
		assertThat(setBased).isEqualTo(perMember);
		// score, grade, warning, deductions, bonus, bonus_counted, veto, q1..q4
		assertThat(numbers(perMember, capped)).containsExactly(88, "QUALIFIED", false, -32, 25, 20, false, 70, 85, 83, 88);
		assertThat(numbers(perMember, high)).containsExactly(100, "EXCELLENT", false, 0, 15, 15, false, 100, 100, 100, 100);
		assertThat(numbers(perMember, low)).containsExactly(0, "WARNING", true, -180, 0, 0, false, 70, 20, 0, 0);
		assertThat(numbers(perMember, veto)).containsExactly(0, "WARNING", true, -30, 0, 0, true, 70, 70, 0, 0);
		// joined in May: not at the first quarter's meetings, absent at August's themed day
		assertThat(numbers(perMember, late)).containsExactly(100, "EXCELLENT", false, -10, 15, 15, false, 100, 100, 90, 100);
		JsonNode cadreIndex = f.index(cadre, 2025);
		assertThat((int) perMember.get(Long.parseLong(cadre)).get(0)).isEqualTo(cadreIndex.get("index").asInt());
		assertThat(cadreIndex.get("entries")).extracting(e -> e.get("source").asText()).contains("CADRE_LOG", "ATTENDANCE");
		JsonNode secretaryIndex = f.index(secretary, 2025);
		assertThat(secretaryIndex.get("entries")).extracting(e -> e.get("source").asText()).containsExactly("SECRETARY_LECTURE");
		assertThat(secretaryIndex.get("entries").get(0).get("date").asText()).isEqualTo("2025-12-31");
		assertThat(secretaryIndex.get("entries").get(0).get("reason").asText()).contains("讲党课 1 次");
	}

	@Test
	void aRecomputeWritesOnlyTheRowsThatDifferAndPutsBackAnyColumnChangedByHand() {
		VanguardIndexApiTests.Fixture f = new VanguardIndexApiTests.Fixture(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		String absent = f.member(branch, "缺席");
		String rewarded = f.member(branch, "受奖");
		f.meeting(branch, "THEMED_DAY", "2025-02-10", Map.of(rewarded, "PRESENT"));
		f.approved(township, rewarded, "2025-07", f.item("GOOD", "志愿服务", 15, null, false));
		var org = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id")
			.param("id", Long.parseLong(town))
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		List<Long> members = List.of(Long.parseLong(absent), Long.parseLong(rewarded));

		assertThat(engine.recomputeSet(org.getKey(), 2025, org.getValue()).members()).isEqualTo(2);
		Map<Long, List<Object>> computed = rows(members);
		assertThat(numbers(computed, absent)).containsExactly(90, "EXCELLENT", false, -10, 0, 0, false, 90, 90, 90, 90);
		assertThat(numbers(computed, rewarded)).containsExactly(100, "EXCELLENT", false, 0, 15, 15, false, 100, 100, 100, 100);
		assertThat(engine.recomputeSet(org.getKey(), 2025, org.getValue()).changedRows()).isZero();

		for (String change : List.of("score = 99", "grade = 'BASIC'", "warning = NOT warning", "deductions = -1",
				"bonus = 16", "bonus_counted = 0", "veto = NOT veto", "q1 = NULL", "q2 = 55", "q3 = 0", "q4 = 1",
				"county_id = county_id + 1")) {
			jdbc.sql("UPDATE vanguard_index SET " + change + " WHERE year = 2025 AND member_id = :m")
				.param("m", Long.parseLong(rewarded))
				.update();
			assertThat(engine.recomputeSet(org.getKey(), 2025, org.getValue()).changedRows()).as(change).isEqualTo(1);
			assertThat(rows(members)).as(change).isEqualTo(computed);
			assertThat(jdbc.sql("SELECT county_id FROM vanguard_index WHERE year = 2025 AND member_id = :m")
				.param("m", Long.parseLong(rewarded))
				.query(Long.class)
				.single()).isEqualTo(org.getKey());
		}

		// The running year: quarters not yet ended stay empty, and an unchanged year writes nothing the second time.
		int year = engine.today().getYear();
		engine.recomputeSet(org.getKey(), year, org.getValue());
		assertThat(engine.recomputeSet(org.getKey(), year, org.getValue()).changedRows()).isZero();
		List<LocalDate> ends = Quarters.endsOf(year);
		List<Object> runningRow = jdbc.sql("SELECT q1, q2, q3, q4 FROM vanguard_index WHERE year = :y AND member_id = :m")
			.param("y", year)
			.param("m", Long.parseLong(absent))
			.query((rs, i) -> java.util.Arrays.<Object>asList(rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4)))
			.single();
		List<Object> running = runningRow.stream().map(v -> v == null ? null : (Object) ((Number) v).intValue()).toList();
		for (int q = 0; q < 4; q++) {
			assertThat(running.get(q)).as("Q" + (q + 1)).isEqualTo(engine.today().isAfter(ends.get(q)) ? (Object) 100 : null);
		}
	}

	@Test
	void theSetBasedRecomputeAgreesWithThePerMemberCalculatorAtEveryGradeEdgeAndOnTheEdgesOfTheRoll() {
		VanguardIndexApiTests.Fixture f = new VanguardIndexApiTests.Fixture(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		// index → member: 59/60 the warning line and the BASIC edge, 74/75 QUALIFIED, 89/90 EXCELLENT
		Map<Integer, String> byIndex = new LinkedHashMap<>();
		for (int index : new int[] { 59, 60, 74, 75, 89, 90 }) {
			String member = f.member(branch, "边界" + index);
			f.approved(township, member, "2025-03", f.item("EDGE" + index, "扣分" + index, index - 100, null, false));
			byIndex.put(index, member);
		}
		// taken off the roll on the year's first day (not on it in 2025), on the second (one day), on the day they joined
		String leftOnJan1 = f.member(branch, "元旦转出");
		String leftOnJan2 = f.member(branch, "次日转出");
		String leftOnJoining = f.member(branch, "当日转出", "2025-01-01");
		Map<String, LocalDate> leftOn = Map.of(leftOnJan1, LocalDate.of(2025, 1, 1), leftOnJan2, LocalDate.of(2025, 1, 2),
				leftOnJoining, LocalDate.of(2025, 1, 1));
		leftOn.forEach((member, day) -> jdbc
			.sql("UPDATE member SET status = 'TRANSFERRED_OUT', status_changed_on = :d WHERE id = :id")
			.param("d", day)
			.param("id", Long.parseLong(member))
			.update());

		var org = jdbc.sql("SELECT county_id, path FROM organization WHERE id = :id")
			.param("id", Long.parseLong(town))
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		List<String> all = new java.util.ArrayList<>(byIndex.values());
		all.addAll(List.of(leftOnJan1, leftOnJan2, leftOnJoining));
		List<Long> members = all.stream().map(Long::parseLong).toList();

		engine.recomputeMembers(org.getKey(), 2025, members);
		Map<Long, List<Object>> perMember = rows(members);
		jdbc.sql("DELETE FROM vanguard_index WHERE year = 2025 AND member_id IN (:ids)").param("ids", members).update();
		engine.recomputeSet(org.getKey(), 2025, org.getValue());
		Map<Long, List<Object>> setBased = rows(members);

		assertThat(setBased).isEqualTo(perMember);
		Map<Integer, List<Object>> expected = Map.of(59, List.of("WARNING", true), 60, List.of("BASIC", false), 74,
				List.of("BASIC", false), 75, List.of("QUALIFIED", false), 89, List.of("QUALIFIED", false), 90,
				List.of("EXCELLENT", false));
		byIndex.forEach((index, member) -> {
			List<Object> row = numbers(perMember, member);
			assertThat(row.get(0)).as("index").isEqualTo(index);
			assertThat(row.subList(1, 3)).as("grade and warning at %d", index).isEqualTo(expected.get(index));
		});
		// the roll's rule decides who has a row: both paths use it
		leftOn.forEach((member, day) -> {
			LocalDate joined = member.equals(leftOnJoining) ? LocalDate.of(2025, 1, 1) : LocalDate.of(2020, 6, 1);
			boolean onRoll = cn.jiceng.member.RollMembership.of(joined, cn.jiceng.member.MemberStatus.TRANSFERRED_OUT, day)
				.onRollDuring(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
			assertThat(perMember.containsKey(Long.parseLong(member))).as("row of the member who left on %s", day).isEqualTo(onRoll);
			assertThat(engine.qualifies(Long.parseLong(member), 2025)).isEqualTo(onRoll);
		});
		assertThat(perMember).containsKey(Long.parseLong(leftOnJan2)).doesNotContainKey(Long.parseLong(leftOnJan1))
			.doesNotContainKey(Long.parseLong(leftOnJoining));
	}

	private Map<Long, List<Object>> rows(List<Long> members) {
		Map<Long, List<Object>> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT member_id, score, grade, warning, deductions, bonus, bonus_counted, veto, q1, q2, q3, q4
				FROM vanguard_index WHERE year = 2025 AND member_id IN (:ids) ORDER BY member_id""")
			.param("ids", members)
			.query((rs, i) -> {
				List<Object> values = new java.util.ArrayList<>();
				values.add(rs.getInt(2));
				values.add(rs.getString(3));
				values.add(rs.getBoolean(4));
				values.add(rs.getInt(5));
				values.add(rs.getInt(6));
				values.add(rs.getInt(7));
				values.add(rs.getBoolean(8));
				for (int q = 9; q <= 12; q++) {
					values.add(rs.getObject(q) == null ? null : rs.getInt(q));
				}
				rows.put(rs.getLong(1), values);
				return 1;
			})
			.list();
		return rows;
	}

	private List<Object> numbers(Map<Long, List<Object>> rows, String member) {
		return rows.get(Long.parseLong(member));
	}
}
