package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;
import static cn.jiceng.settings.RuleCatalog.MEETING_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.SECRETARY_MIN_LECTURES_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.WARNING_BELOW;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jiceng.orglife.AttendanceStatus;
import cn.jiceng.orglife.MeetingType;
import cn.jiceng.settings.RuleSettings;

class VanguardIndexCalculatorTest {

	private final VanguardIndexCalculator calculator = new VanguardIndexCalculator(RuleSettings.defaults());

	private static ScoreEntry entry(String date, int points) {
		return ScoreEntry.of(LocalDate.parse(date), EntrySource.POINT_CLAIM, points, "测试 " + Points.signed(points));
	}

	private static ScoreEntry deduction(String date, int points) {
		return ScoreEntry.of(LocalDate.parse(date), EntrySource.ATTENDANCE, points, "缺席 " + Points.signed(points));
	}

	@Test
	void indexStartsAtHundredWithoutEntries() {
		VanguardIndex result = calculator.forYear(2025, List.of());

		assertThat(result.index()).isEqualTo(100);
		assertThat(result.grade()).isEqualTo(Grade.EXCELLENT);
		assertThat(result.warning()).isFalse();
		assertThat(result.entries()).isEmpty();
		assertThat(result.explanation()).contains("基础分 100");
	}

	@Test
	void entriesAreSummedOntoTheBase() {
		VanguardIndex result = calculator.forYear(2025,
				List.of(deduction("2025-02-10", -10), deduction("2025-05-10", -3), entry("2025-06-30", 5)));

		assertThat(result.index()).isEqualTo(92);
		assertThat(result.entries()).hasSize(3);
		assertThat(result.explanation()).contains("扣分合计 −13（2 项）", "加分合计 +5（1 项）");
	}

	@Test
	void entriesOfAnotherYearAreNotCounted() {
		VanguardIndex result = calculator.forYear(2025,
				List.of(deduction("2024-12-31", -10), deduction("2025-01-01", -5), deduction("2026-01-01", -7)));

		assertThat(result.index()).isEqualTo(95);
		assertThat(result.entries()).extracting(ScoreEntry::date).containsExactly(LocalDate.of(2025, 1, 1));
	}

	@Test
	void entriesAreListedByDate() {
		VanguardIndex result = calculator.forYear(2025,
				List.of(deduction("2025-09-01", -1), deduction("2025-01-01", -2), deduction("2025-05-01", -3)));

		assertThat(result.entries()).extracting(ScoreEntry::points).containsExactly(-2, -3, -1);
	}

	@Test
	void indexNeverGoesBelowZero() {
		List<ScoreEntry> absences = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			absences.add(deduction(LocalDate.of(2025, month, 15).toString(), -10));
		}

		VanguardIndex result = calculator.forYear(2025, absences);

		assertThat(result.index()).isZero();
		assertThat(result.grade()).isEqualTo(Grade.WARNING);
		assertThat(result.explanation()).contains("合计 -20，低于 0，按 0 计");
	}

	@Test
	void indexNeverExceedsHundred() {
		VanguardIndex result = calculator.forYear(2025, List.of(entry("2025-03-31", 15)));

		assertThat(result.index()).isEqualTo(100);
		assertThat(result.explanation()).contains("合计 115，超过 100，按 100 计");
	}

	@Test
	void bonusBeyondTwentyAYearIsCappedAndExplained() {
		VanguardIndex result = calculator.forYear(2025, List.of(deduction("2025-01-20", -10),
				deduction("2025-02-20", -10), deduction("2025-03-20", -10), entry("2025-04-30", 15),
				entry("2025-05-31", 10)));

		// 100 − 30 + min(25, 20) = 90, not 95
		assertThat(result.index()).isEqualTo(90);
		assertThat(result.entries()).extracting(ScoreEntry::points).contains(15, 10);
		assertThat(result.explanation()).contains("加分每年最多计 +20，超出的 5 分不计入");
	}

	@Test
	void bonusWithinTheCapIsNotExplainedAsCapped() {
		VanguardIndex result = calculator.forYear(2025, List.of(deduction("2025-01-20", -30), entry("2025-04-30", 20)));

		assertThat(result.index()).isEqualTo(90);
		assertThat(result.explanation()).noneMatch(line -> line.contains("不计入"));
	}

	@Test
	void vetoItemSetsTheYearToZero() {
		ScoreEntry veto = new ScoreEntry(LocalDate.of(2025, 8, 31), EntrySource.POINT_CLAIM, 0, "受到党纪处分", true);

		VanguardIndex result = calculator.forYear(2025, List.of(entry("2025-03-31", 10), veto));

		assertThat(result.index()).isZero();
		assertThat(result.grade()).isEqualTo(Grade.WARNING);
		assertThat(result.warning()).isTrue();
		assertThat(result.explanation()).contains("一票否决（受到党纪处分），全年先锋指数为 0");
	}

	@Test
	void vetoLaterInTheYearDoesNotZeroEarlierQuarters() {
		ScoreEntry veto = new ScoreEntry(LocalDate.of(2025, 8, 31), EntrySource.POINT_CLAIM, 0, "受到党纪处分", true);

		List<QuarterSnapshot> quarters = calculator.quarterEnds(2025, List.of(deduction("2025-02-01", -5), veto));

		assertThat(quarters).extracting(q -> q.index().index()).containsExactly(95, 95, 0, 0);
	}

	@Test
	void sixtyIsNotAWarning() {
		VanguardIndex result = calculator.forYear(2025, List.of(deduction("2025-06-01", -40)));

		assertThat(result.index()).isEqualTo(60);
		assertThat(result.warning()).isFalse();
		assertThat(result.grade()).isEqualTo(Grade.BASIC);
	}

	@Test
	void fiftyNineIsAWarning() {
		VanguardIndex result = calculator.forYear(2025, List.of(deduction("2025-06-01", -41)));

		assertThat(result.index()).isEqualTo(59);
		assertThat(result.warning()).isTrue();
		assertThat(result.grade()).isEqualTo(Grade.WARNING);
		assertThat(result.explanation()).anyMatch(line -> line.contains("为警示党员"));
	}

	@Test
	void gradesFollowTheSettings() {
		RuleSettings defaults = RuleSettings.defaults();
		assertThat(Grade.of(90, defaults)).isEqualTo(Grade.EXCELLENT);
		assertThat(Grade.of(89, defaults)).isEqualTo(Grade.QUALIFIED);
		assertThat(Grade.of(75, defaults)).isEqualTo(Grade.QUALIFIED);
		assertThat(Grade.of(74, defaults)).isEqualTo(Grade.BASIC);
		assertThat(Grade.of(60, defaults)).isEqualTo(Grade.BASIC);
		assertThat(Grade.of(59, defaults)).isEqualTo(Grade.WARNING);

		RuleSettings stricter = TestSettings.scoring(70, 20, 95, 85, 70, defaults.get(THEMED_DAY_DEDUCTIONS),
				defaults.get(MEETING_DEDUCTIONS), 2);
		assertThat(Grade.of(90, stricter)).isEqualTo(Grade.QUALIFIED);
		assertThat(Grade.of(80, stricter)).isEqualTo(Grade.BASIC);
		assertThat(Grade.of(65, stricter)).isEqualTo(Grade.WARNING);

		VanguardIndex result = new VanguardIndexCalculator(stricter).forYear(2025,
				List.of(deduction("2025-06-01", -35)));
		assertThat(result.grade()).isEqualTo(Grade.WARNING);
		assertThat(result.warning()).isTrue();
	}

	@Test
	void changedSettingsForAYearChangeTheIndex() {
		RuleSettings d = RuleSettings.defaults();
		RuleSettings y2026 = TestSettings.scoring(d.get(WARNING_BELOW), 10, d.get(GRADE_EXCELLENT_AT), d.get(GRADE_QUALIFIED_AT),
				d.get(GRADE_BASIC_AT), Map.of("ABSENT", -20), d.get(MEETING_DEDUCTIONS), d.get(SECRETARY_MIN_LECTURES_PER_YEAR));

		VanguardIndex under2025 = yearWithAbsenceAndBonus(d, 2025);
		VanguardIndex under2026 = yearWithAbsenceAndBonus(y2026, 2026);

		// 2025: 100 − 10 − 10 + 15 = 95; 2026: 100 − 20 − 20 + min(15, 10) = 70
		assertThat(under2025.index()).isEqualTo(95);
		assertThat(under2026.index()).isEqualTo(70);
		assertThat(under2026.explanation()).contains("加分每年最多计 +10，超出的 5 分不计入");
		assertThat(under2026.explanation()).anyMatch(line -> line.startsWith("依据 2026 年规则设置") && line.contains("加分上限 10"));
	}

	private static VanguardIndex yearWithAbsenceAndBonus(RuleSettings settings, int year) {
		AttendanceScoring attendance = new AttendanceScoring(settings);
		List<ScoreEntry> entries = new ArrayList<>();
		attendance.entryFor(LocalDate.of(year, 1, 20), MeetingType.THEMED_DAY, AttendanceStatus.ABSENT).ifPresent(entries::add);
		attendance.entryFor(LocalDate.of(year, 2, 20), MeetingType.THEMED_DAY, AttendanceStatus.ABSENT).ifPresent(entries::add);
		entries.add(entry(year + "-03-31", 15));
		return new VanguardIndexCalculator(settings).forYear(year, entries);
	}

	@Test
	void quarterEndSnapshotsCountOnlyEntriesUpToThatDay() {
		List<ScoreEntry> entries = List.of(deduction("2024-12-31", -50), deduction("2025-03-31", -10),
				deduction("2025-04-01", -5), deduction("2025-09-30", -3), deduction("2025-10-01", -2));

		List<QuarterSnapshot> quarters = calculator.quarterEnds(2025, entries);

		assertThat(quarters).extracting(QuarterSnapshot::quarter).containsExactly(1, 2, 3, 4);
		assertThat(quarters).extracting(QuarterSnapshot::endsOn).containsExactly(LocalDate.of(2025, 3, 31),
				LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31));
		assertThat(quarters).extracting(q -> q.index().index()).containsExactly(90, 85, 82, 80);
		assertThat(quarters.get(0).index().entries()).hasSize(1);
		assertThat(quarters.get(0).index().explanation()).contains("2025 年先锋指数，统计截至 2025-03-31");
	}

	@Test
	void asOfCountsOnlyEntriesOfThatDaysYearUpToIt() {
		List<ScoreEntry> entries = List.of(deduction("2024-11-01", -20), deduction("2025-05-10", -4),
				deduction("2025-05-11", -6));

		assertThat(calculator.asOf(LocalDate.of(2025, 5, 10), entries).index()).isEqualTo(96);
		assertThat(calculator.asOf(LocalDate.of(2025, 5, 11), entries).index()).isEqualTo(90);
	}
}
