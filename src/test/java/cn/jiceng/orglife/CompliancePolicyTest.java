package cn.jiceng.orglife;

import cn.jiceng.settings.RuleCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiceng.orglife.CompliancePolicy.BranchCompliance;
import cn.jiceng.orglife.CompliancePolicy.BranchFacts;
import cn.jiceng.orglife.CompliancePolicy.HeldMeeting;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompliancePolicyTest {

	private static final YearMonth FEBRUARY = YearMonth.of(2025, 2);
	private static final YearMonth MARCH = YearMonth.of(2025, 3);

	private final CompliancePolicy policy = new CompliancePolicy(RuleSettings.defaults());
	private final BranchFacts small = new BranchFacts(1L, 5, 5, Set.of());

	private static HeldMeeting held(MeetingType type, int year, int month, int day) {
		return HeldMeeting.of(type, LocalDate.of(year, month, day));
	}

	@Test
	void branchWithItsThemedDayIsCompliantInAnOrdinaryMonth() {
		BranchCompliance result = policy.evaluate(small, FEBRUARY, List.of(held(MeetingType.THEMED_DAY, 2025, 2, 10)));

		assertThat(result.compliant()).isTrue();
		assertThat(result.missing()).isEmpty();
	}

	@Test
	void themedDayOfAnotherMonthDoesNotCount() {
		BranchCompliance result = policy.evaluate(small, FEBRUARY, List.of(held(MeetingType.THEMED_DAY, 2025, 1, 31)));

		assertThat(result.compliant()).isFalse();
		assertThat(result.missingTypes()).containsExactly(MeetingType.THEMED_DAY);
		assertThat(result.reasons()).containsExactly("2025-02 未召开主题党日");
	}

	@Test
	void quarterlyAssemblyHeldInFirstMonthSatisfiesLastMonth() {
		List<HeldMeeting> held = List.of(
				held(MeetingType.BRANCH_ASSEMBLY, 2025, 1, 8),
				held(MeetingType.PARTY_LECTURE, 2025, 2, 8),
				held(MeetingType.THEMED_DAY, 2025, 3, 10));

		BranchCompliance result = policy.evaluate(small, MARCH, held);

		assertThat(result.compliant()).isTrue();
	}

	@Test
	void quarterlyMeetingsOfThePreviousQuarterDoNotCount() {
		List<HeldMeeting> held = List.of(
				held(MeetingType.BRANCH_ASSEMBLY, 2024, 12, 20),
				held(MeetingType.PARTY_LECTURE, 2024, 12, 20),
				held(MeetingType.THEMED_DAY, 2025, 3, 10));

		BranchCompliance result = policy.evaluate(small, MARCH, held);

		assertThat(result.missingTypes()).containsExactly(MeetingType.BRANCH_ASSEMBLY, MeetingType.PARTY_LECTURE);
		assertThat(result.reasons()).contains("2025年第1季度 未召开支部党员大会");
	}

	@Test
	void quarterlyMeetingsAreNotDueBeforeTheQuartersLastMonth() {
		assertThat(policy.dueIn(small, FEBRUARY)).extracting(CompliancePolicy.Due::type)
				.containsExactly(MeetingType.THEMED_DAY);
	}

	@Test
	void committeeMeetingOnlyDueWithSevenFullMembers() {
		List<HeldMeeting> themedDayOnly = List.of(held(MeetingType.THEMED_DAY, 2025, 2, 10));
		BranchFacts six = new BranchFacts(1L, 9, 6, Set.of());
		BranchFacts seven = new BranchFacts(2L, 9, 7, Set.of());

		assertThat(policy.evaluate(six, FEBRUARY, themedDayOnly).compliant()).isTrue();
		BranchCompliance result = policy.evaluate(seven, FEBRUARY, themedDayOnly);
		assertThat(result.missingTypes()).containsExactly(MeetingType.COMMITTEE_MEETING);
		assertThat(result.reasons().get(0)).contains("正式党员7名");
		List<HeldMeeting> both = new ArrayList<>(themedDayOnly);
		both.add(held(MeetingType.COMMITTEE_MEETING, 2025, 2, 3));
		assertThat(policy.evaluate(seven, FEBRUARY, both).compliant()).isTrue();
	}

	@Test
	void changedSettingsChangeTheCommitteeThreshold() {
		CompliancePolicy lower = new CompliancePolicy(TestSettings.with("committeeMeetingMinFullMembers", 5));

		assertThat(lower.evaluate(small, FEBRUARY, List.of(held(MeetingType.THEMED_DAY, 2025, 2, 10))).missingTypes())
				.containsExactly(MeetingType.COMMITTEE_MEETING);
	}

	@Test
	void eachGroupNeedsItsGroupMeeting() {
		BranchFacts grouped = new BranchFacts(1L, 5, 5, Set.of(101L, 102L));
		List<HeldMeeting> held = List.of(
				held(MeetingType.THEMED_DAY, 2025, 2, 10),
				new HeldMeeting(MeetingType.GROUP_MEETING, LocalDate.of(2025, 2, 12), 101L),
				new HeldMeeting(MeetingType.GROUP_MEETING, LocalDate.of(2025, 2, 13), 101L));

		BranchCompliance result = policy.evaluate(grouped, FEBRUARY, held);

		assertThat(result.compliant()).isFalse();
		assertThat(result.missing()).extracting(CompliancePolicy.Missing::groupId).containsExactly(102L);
		assertThat(result.reasons().get(0)).contains("党小组（102）").contains("党小组会");
	}

	@Test
	void yearlyMeetingsAreDueInDecemberAndMayBeHeldAnyMonth() {
		BranchFacts branch = small;
		List<HeldMeeting> held = new ArrayList<>(List.of(
				held(MeetingType.THEMED_DAY, 2025, 12, 10),
				held(MeetingType.BRANCH_ASSEMBLY, 2025, 10, 10),
				held(MeetingType.PARTY_LECTURE, 2025, 11, 10),
				held(MeetingType.LIFE_MEETING, 2025, 2, 10)));

		BranchCompliance withoutAppraisal = policy.evaluate(branch, YearMonth.of(2025, 12), held);
		assertThat(withoutAppraisal.missingTypes()).containsExactly(MeetingType.DEMOCRATIC_APPRAISAL);
		assertThat(withoutAppraisal.reasons()).containsExactly("2025年度 未召开民主评议党员");

		held.add(held(MeetingType.DEMOCRATIC_APPRAISAL, 2025, 1, 20));
		assertThat(policy.evaluate(branch, YearMonth.of(2025, 12), held).compliant()).isTrue();
		assertThat(policy.dueIn(branch, YearMonth.of(2025, 11))).extracting(CompliancePolicy.Due::type)
				.doesNotContain(MeetingType.LIFE_MEETING, MeetingType.DEMOCRATIC_APPRAISAL);
	}

	@Test
	void yearlyPartyLectureIsDueOnlyInDecember() {
		CompliancePolicy yearly = new CompliancePolicy(TestSettings.with("partyLecturePeriod", RuleCatalog.PERIOD_YEAR));
		List<HeldMeeting> held = List.of(
				held(MeetingType.THEMED_DAY, 2025, 3, 10),
				held(MeetingType.BRANCH_ASSEMBLY, 2025, 3, 10));

		assertThat(yearly.evaluate(small, MARCH, held).compliant()).isTrue();
		assertThat(yearly.dueIn(small, YearMonth.of(2025, 12))).extracting(CompliancePolicy.Due::type)
				.contains(MeetingType.PARTY_LECTURE);
		assertThatThrownBy(() -> new CompliancePolicy(TestSettings.with("partyLecturePeriod", "MONTH")))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void complianceRateIsCompliantOverBranchesWithMembers() {
		List<HeldMeeting> themedDay = List.of(held(MeetingType.THEMED_DAY, 2025, 2, 10));
		List<BranchCompliance> results = List.of(
				policy.evaluate(new BranchFacts(1L, 5, 5, Set.of()), FEBRUARY, themedDay),
				policy.evaluate(new BranchFacts(2L, 5, 5, Set.of()), FEBRUARY, themedDay),
				policy.evaluate(new BranchFacts(3L, 5, 5, Set.of()), FEBRUARY, themedDay),
				policy.evaluate(new BranchFacts(4L, 5, 5, Set.of()), FEBRUARY, List.of()),
				policy.evaluate(new BranchFacts(5L, 0, 0, Set.of()), FEBRUARY, List.of()));

		ComplianceRate rate = ComplianceRate.of(FEBRUARY, results);

		assertThat(rate.branches()).isEqualTo(4);
		assertThat(rate.compliantBranches()).isEqualTo(3);
		assertThat(rate.rate()).isEqualTo(0.75);
	}

	@Test
	void complianceRateOfNoBranchesIsZero() {
		ComplianceRate rate = ComplianceRate.of(FEBRUARY,
				List.of(policy.evaluate(new BranchFacts(5L, 0, 0, Set.of()), FEBRUARY, List.of())));

		assertThat(rate.branches()).isZero();
		assertThat(rate.rate()).isZero();
	}
}
