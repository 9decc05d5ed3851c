package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.BONUS_CAP_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;
import static cn.jiceng.settings.RuleCatalog.WARNING_BELOW;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jiceng.settings.RuleSettings;

class InputRulesTest {

	private static final PointItem LOG_MISSED = new PointItem("CADRE_LOG_MISSED", "未提交工作日志", -2, null, false);
	private static final PointItem LECTURE_SHORT = new PointItem("SECRETARY_LECTURE_SHORT", "讲党课次数不足", -5, null,
			false);

	private final InputRules rules = new InputRules(RuleSettings.defaults());

	@Test
	void missedCadreLogMonthIsADeduction() {
		Set<YearMonth> logged = Set.of(YearMonth.of(2025, 1), YearMonth.of(2025, 3));

		List<ScoreEntry> entries = rules.missedCadreLogs(InputRules.monthsOf(2025), logged, LocalDate.of(2025, 4, 10),
				LOG_MISSED);

		// February is the only ended month without a log; April has not ended yet.
		assertThat(entries).hasSize(1);
		ScoreEntry feb = entries.get(0);
		assertThat(feb.date()).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(feb.source()).isEqualTo(EntrySource.CADRE_LOG);
		assertThat(feb.points()).isEqualTo(-2);
		assertThat(feb.reason()).isEqualTo("2025-02 未提交工作日志（日志日销）−2");
	}

	@Test
	void monthsOffDutyAreNotJudged() {
		List<YearMonth> fromJuly = InputRules.monthsOf(2025).subList(6, 12);

		List<ScoreEntry> entries = rules.missedCadreLogs(fromJuly, Set.of(), LocalDate.of(2026, 1, 1), LOG_MISSED);

		assertThat(entries).extracting(ScoreEntry::date).first().isEqualTo(LocalDate.of(2025, 7, 31));
		assertThat(entries).hasSize(6);
	}

	@Test
	void cadreLogItemCapStopsDeductingVisibly() {
		PointItem capped = new PointItem("CADRE_LOG_MISSED", "未提交工作日志", -2, 5, false);

		List<ScoreEntry> entries = rules.missedCadreLogs(InputRules.monthsOf(2025), Set.of(), LocalDate.of(2026, 1, 1),
				capped);

		assertThat(entries).hasSize(12);
		assertThat(entries).extracting(ScoreEntry::points).startsWith(-2, -2, -1, 0);
		assertThat(entries.stream().mapToInt(ScoreEntry::points).sum()).isEqualTo(-5);
		assertThat(entries.get(3).reason()).contains("已达本项年度上限 5 分");
	}

	@Test
	void missedLogsFeedTheIndexLikeAnyEntry() {
		List<ScoreEntry> entries = rules.missedCadreLogs(InputRules.monthsOf(2025), Set.of(YearMonth.of(2025, 1)),
				LocalDate.of(2025, 4, 1), LOG_MISSED);

		VanguardIndex index = new VanguardIndexCalculator(RuleSettings.defaults()).forYear(2025, entries);

		assertThat(index.index()).isEqualTo(96);
	}

	@Test
	void secretaryWithOneLectureInAYearGetsADeduction() {
		ScoreEntry entry = rules.secretaryLectureShortfall(2025, 1, LocalDate.of(2026, 1, 1), LECTURE_SHORT)
				.orElseThrow();

		assertThat(entry.date()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(entry.source()).isEqualTo(EntrySource.SECRETARY_LECTURE);
		assertThat(entry.points()).isEqualTo(-5);
		assertThat(entry.reason()).isEqualTo("2025 年讲党课 1 次，少于每年 2 次 −5");
	}

	@Test
	void secretaryWithTwoLecturesGetsNothing() {
		assertThat(rules.secretaryLectureShortfall(2025, 2, LocalDate.of(2026, 1, 1), LECTURE_SHORT)).isEmpty();
	}

	@Test
	void lecturesAreJudgedOnlyAfterTheYearEnded() {
		assertThat(rules.secretaryLectureShortfall(2025, 0, LocalDate.of(2025, 12, 31), LECTURE_SHORT)).isEmpty();
		assertThat(rules.secretaryLectureShortfall(2025, 0, LocalDate.of(2026, 1, 1), LECTURE_SHORT)).isPresent();
	}

	@Test
	void requiredLecturesComeFromTheSettings() {
		RuleSettings d = RuleSettings.defaults();
		InputRules three = new InputRules(TestSettings.scoring(d.get(WARNING_BELOW), d.get(BONUS_CAP_PER_YEAR),
				d.get(GRADE_EXCELLENT_AT), d.get(GRADE_QUALIFIED_AT), d.get(GRADE_BASIC_AT), Map.of(), Map.of(), 3));

		assertThat(three.secretaryLectureShortfall(2025, 2, LocalDate.of(2026, 1, 1), LECTURE_SHORT)).isPresent();
	}
}
