package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

class CommendationPolicyTest {

	private final CommendationPolicy policy = new CommendationPolicy(RuleSettings.defaults());

	private static CommendationPolicy.MemberFacts clean() {
		return new CommendationPolicy.MemberFacts(2025, true, 96, false, List.of(), 0, "2025-12", List.of());
	}

	private static List<String> codes(List<CommendationPolicy.Reason> reasons) {
		return reasons.stream().map(CommendationPolicy.Reason::code).toList();
	}

	@Test
	void aMemberWithNothingAgainstThemIsEligible() {
		assertThat(policy.member(clean())).isEmpty();
	}

	@Test
	void aWarningMemberIsIneligible() {
		var f = new CommendationPolicy.MemberFacts(2025, true, 55, true, List.of(), 0, "2025-12", List.of());
		assertThat(codes(policy.member(f))).containsExactly("WARNING_MEMBER");
		assertThat(policy.member(f).get(0).message()).contains("55");
	}

	@Test
	void aVetoThatYearMakesAMemberIneligible() {
		var f = new CommendationPolicy.MemberFacts(2025, true, 0, true, List.of("受到党内警告处分"), 0, "2025-12", List.of());
		assertThat(codes(policy.member(f))).containsExactly("WARNING_MEMBER", "VETO");
		assertThat(policy.member(f).get(1).message()).contains("党内警告");
	}

	@Test
	void sixConsecutiveUnpaidMonthsAreDuesArrearsButFiveAreNot() {
		var six = new CommendationPolicy.MemberFacts(2025, true, 96, false, List.of(), 6, "2025-12", List.of());
		var five = new CommendationPolicy.MemberFacts(2025, true, 96, false, List.of(), 5, "2025-12", List.of());
		assertThat(codes(policy.member(six))).containsExactly("DUES_ARREARS");
		assertThat(policy.member(five)).isEmpty();
	}

	@Test
	void theArrearsThresholdIsTheDuesSetting() {
		var four = new CommendationPolicy.MemberFacts(2025, true, 96, false, List.of(), 4, "2025-12", List.of());
		CommendationPolicy strict = new CommendationPolicy(
				RuleSettings.defaults().with(RuleCatalog.DUES_ARREARS_MONTHS.name(), 4));
		assertThat(codes(strict.member(four))).containsExactly("DUES_ARREARS");
	}

	@Test
	void theSecretaryOfADisqualifiedBranchIsIneligible() {
		var f = new CommendationPolicy.MemberFacts(2025, true, 96, false, List.of(), 0, "2025-12", List.of("财政局机关党支部"));
		assertThat(codes(policy.member(f))).containsExactly("SECRETARY_DISQUALIFIED");
		assertThat(policy.member(f).get(0).message()).contains("财政局机关党支部");
	}

	@Test
	void everyReasonIsGivenNotJustTheFirst() {
		var f = new CommendationPolicy.MemberFacts(2025, true, 0, true, List.of("开除党籍"), 8, "2025-12", List.of("某支部"));
		assertThat(codes(policy.member(f))).containsExactly("WARNING_MEMBER", "VETO", "DUES_ARREARS",
				"SECRETARY_DISQUALIFIED");
	}

	@Test
	void anOrganizationWithAMissedThemedDayIsIneligible() {
		var f = new CommendationPolicy.OrganizationFacts(2025, List.of("2025-03"), false, 5);
		assertThat(codes(policy.organization(f))).containsExactly("MISSED_THEMED_DAY");
		assertThat(policy.organization(f).get(0).message()).contains("2025-03");
	}

	@Test
	void anOrganizationOnTheWeakAndLaxListIsIneligible() {
		var f = new CommendationPolicy.OrganizationFacts(2025, List.of(), true, null);
		assertThat(codes(policy.organization(f))).containsExactly("WEAK_AND_LAX");
	}

	@Test
	void aConfirmedAssessmentUnderThreeStarsIsAReasonButNoAssessmentIsNot() {
		assertThat(codes(policy.organization(new CommendationPolicy.OrganizationFacts(2025, List.of(), false, 2))))
			.containsExactly("BELOW_THREE_STARS");
		assertThat(policy.organization(new CommendationPolicy.OrganizationFacts(2025, List.of(), false, 3))).isEmpty();
		assertThat(policy.organization(new CommendationPolicy.OrganizationFacts(2025, List.of(), false, null))).isEmpty();
	}
}
