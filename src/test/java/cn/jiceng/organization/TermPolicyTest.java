package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.TERM_YEARS_BRANCH;
import static cn.jiceng.settings.RuleCatalog.TERM_YEARS_COMMITTEE;
import static cn.jiceng.settings.RuleCatalog.TERM_YEARS_RURAL_COMMUNITY;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiceng.organization.TermPolicy.TermState;
import cn.jiceng.organization.TermPolicy.TermStatus;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TermPolicyTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 5, 15);

	private final TermPolicy policy = new TermPolicy(RuleSettings.defaults());

	private static RuleSettings termYears(int committee, int branch, int ruralCommunity) {
		return RuleSettings.defaults()
			.with(TERM_YEARS_COMMITTEE, committee)
			.with(TERM_YEARS_BRANCH, branch)
			.with(TERM_YEARS_RURAL_COMMUNITY, ruralCommunity);
	}

	@Test
	void ruralBranchTermIsFiveYears() {
		assertThat(policy.defaultTermYears(OrgKind.BRANCH, Field.RURAL)).hasValue(5);
	}

	@Test
	void communityGeneralBranchTermIsFiveYears() {
		assertThat(policy.defaultTermYears(OrgKind.GENERAL_BRANCH, Field.COMMUNITY)).hasValue(5);
	}

	@Test
	void agencyBranchTermIsThreeYears() {
		assertThat(policy.defaultTermYears(OrgKind.BRANCH, Field.AGENCY)).hasValue(3);
	}

	@Test
	void enterpriseGeneralBranchTermIsThreeYears() {
		assertThat(policy.defaultTermYears(OrgKind.GENERAL_BRANCH, Field.ENTERPRISE)).hasValue(3);
	}

	@Test
	void committeeTermIsFiveYears() {
		assertThat(policy.defaultTermYears(OrgKind.COMMITTEE, Field.AGENCY)).hasValue(5);
	}

	@Test
	void groupHasNoTerm() {
		assertThat(policy.defaultTermYears(OrgKind.GROUP, Field.RURAL)).isEmpty();
	}

	@Test
	void defaultTermYearsFollowTheSettings() {
		TermPolicy changed = new TermPolicy(termYears(4, 2, 6));

		assertThat(changed.defaultTermYears(OrgKind.COMMITTEE, Field.AGENCY)).hasValue(4);
		assertThat(changed.defaultTermYears(OrgKind.COMMITTEE, Field.RURAL)).hasValue(6);
		assertThat(changed.defaultTermYears(OrgKind.BRANCH, Field.INSTITUTION)).hasValue(2);
		assertThat(changed.defaultTermYears(OrgKind.BRANCH, Field.COMMUNITY)).hasValue(6);
	}

	@Test
	void termEndsOnTheAnniversaryOfItsStart() {
		assertThat(TermPolicy.termEndsOn(LocalDate.of(2021, 3, 15), 3)).isEqualTo(LocalDate.of(2024, 3, 15));
	}

	@Test
	void termStartedOnLeapDayEndsOnTheTwentyEighth() {
		assertThat(TermPolicy.termEndsOn(LocalDate.of(2020, 2, 29), 5)).isEqualTo(LocalDate.of(2025, 2, 28));
	}

	@Test
	void termOfZeroYearsIsRejected() {
		assertThatThrownBy(() -> TermPolicy.termEndsOn(TODAY, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void termEndingWithinSixMonthsIsExpiring() {
		TermState state = policy.status(LocalDate.of(2025, 11, 15), TODAY);

		assertThat(state.status()).isEqualTo(TermStatus.EXPIRING);
		assertThat(state.reason()).isEqualTo("任期将于2025-11-15届满（还有184天），不足6个月，请做好换届准备");
	}

	@Test
	void termEndingAfterSixMonthsIsCurrent() {
		TermState state = policy.status(LocalDate.of(2025, 11, 16), TODAY);

		assertThat(state.status()).isEqualTo(TermStatus.CURRENT);
		assertThat(state.reason()).isEqualTo("任期至2025-11-16届满");
	}

	@Test
	void termEndingTodayIsStillExpiring() {
		assertThat(policy.status(TODAY, TODAY).status()).isEqualTo(TermStatus.EXPIRING);
	}

	@Test
	void termPastItsEndIsOverdue() {
		TermState state = policy.status(LocalDate.of(2025, 5, 14), TODAY);

		assertThat(state.status()).isEqualTo(TermStatus.OVERDUE);
		assertThat(state.endsOn()).isEqualTo(LocalDate.of(2025, 5, 14));
		assertThat(state.reason()).startsWith("任期已于2025-05-14届满，已超期1天未换届");
	}

	@Test
	void noRecordedTermIsNone() {
		assertThat(policy.status(null, TODAY).status()).isEqualTo(TermStatus.NONE);
	}

	@Test
	void groupTermIsNoneEvenWithAnEndDate() {
		TermState state = policy.status(OrgKind.GROUP, LocalDate.of(2020, 1, 1), TODAY);

		assertThat(state.status()).isEqualTo(TermStatus.NONE);
		assertThat(state.reason()).isEqualTo("党小组不实行任期制");
	}
}
