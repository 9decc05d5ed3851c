package cn.jiceng.supervision;

import static cn.jiceng.supervision.FollowUpKind.HALF_YEAR_REVIEW;
import static cn.jiceng.supervision.FollowUpKind.MONTHLY_VISIT;
import static cn.jiceng.supervision.FollowUpKind.QUARTERLY_URGE;
import static cn.jiceng.supervision.FollowUpKind.YEAR_END_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

/** 一月随访、一季督促、半年考核、年终总评 (API.md): rolling intervals from the last follow-up of each kind. */
class FollowUpRhythmTest {

	private final FollowUpRhythm rhythm = FollowUpRhythm.of(RuleSettings.defaults());

	private static final LocalDate ISSUED = LocalDate.of(2025, 3, 10);

	private static FollowUpRhythm.FollowUp f(FollowUpKind kind, String on) {
		return new FollowUpRhythm.FollowUp(kind, LocalDate.parse(on));
	}

	@Test
	void nothingIsDueWithinAMonthOfTheNotice() {
		assertThat(rhythm.due(ISSUED, List.of(), ProblemStatus.OPEN, LocalDate.of(2025, 4, 10))).isEmpty();
	}

	@Test
	void aMonthlyVisitIsDueTheDayAfterAMonthHasPassed() {
		assertThat(rhythm.due(ISSUED, List.of(), ProblemStatus.OPEN, LocalDate.of(2025, 4, 11)))
			.containsExactly(MONTHLY_VISIT);
	}

	@Test
	void aRecordedVisitRestartsTheMonthlyClockButNotTheQuarterlyOne() {
		List<FollowUpRhythm.FollowUp> done = List.of(f(MONTHLY_VISIT, "2025-06-01"));
		assertThat(rhythm.due(ISSUED, done, ProblemStatus.OPEN, LocalDate.of(2025, 6, 11)))
			.containsExactly(QUARTERLY_URGE);
	}

	@Test
	void aQuarterlyUrgeIsDueAfterThreeMonthsAndAHalfYearReviewAfterSix() {
		assertThat(rhythm.due(ISSUED, List.of(), ProblemStatus.RECTIFIED, LocalDate.of(2025, 9, 11)))
			.containsExactly(MONTHLY_VISIT, QUARTERLY_URGE, HALF_YEAR_REVIEW);
	}

	@Test
	void theYearEndReviewIsDueInDecemberUntilOneIsDatedThatDecember() {
		LocalDate december = LocalDate.of(2025, 12, 5);
		List<FollowUpRhythm.FollowUp> recent = List.of(f(MONTHLY_VISIT, "2025-12-01"), f(QUARTERLY_URGE, "2025-11-01"),
				f(HALF_YEAR_REVIEW, "2025-09-01"));
		assertThat(rhythm.due(ISSUED, recent, ProblemStatus.OPEN, december)).containsExactly(YEAR_END_REVIEW);
		List<FollowUpRhythm.FollowUp> reviewed = List.of(recent.get(0), recent.get(1), recent.get(2),
				f(YEAR_END_REVIEW, "2025-12-03"));
		assertThat(rhythm.due(ISSUED, reviewed, ProblemStatus.OPEN, december)).isEmpty();
	}

	@Test
	void lastDecembersYearEndReviewDoesNotCountThisDecember() {
		List<FollowUpRhythm.FollowUp> lastYear = List.of(f(YEAR_END_REVIEW, "2024-12-20"),
				f(MONTHLY_VISIT, "2025-12-01"), f(QUARTERLY_URGE, "2025-11-01"), f(HALF_YEAR_REVIEW, "2025-09-01"));
		assertThat(rhythm.due(LocalDate.of(2024, 12, 1), lastYear, ProblemStatus.OPEN, LocalDate.of(2025, 12, 2)))
			.containsExactly(YEAR_END_REVIEW);
	}

	@Test
	void aClosedProblemHasNothingDue() {
		assertThat(rhythm.due(ISSUED, List.of(), ProblemStatus.CLOSED, LocalDate.of(2025, 12, 31))).isEmpty();
	}

	@Test
	void theIntervalsAreTheCountysSettings() {
		FollowUpRhythm twoMonthly = FollowUpRhythm.of(RuleSettings.defaults()
			.with(RuleCatalog.FOLLOW_UP_VISIT_MONTHS.name(), 2));
		assertThat(twoMonthly.due(ISSUED, List.of(), ProblemStatus.OPEN, LocalDate.of(2025, 4, 11))).isEmpty();
		assertThat(twoMonthly.due(ISSUED, List.of(), ProblemStatus.OPEN, LocalDate.of(2025, 5, 11)))
			.containsExactly(MONTHLY_VISIT);
	}
}
