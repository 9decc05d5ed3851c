package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.INACTIVE_AFTER_MONTHS;
import static cn.jiceng.settings.RuleCatalog.UPGRADE_TO_GENERAL_BRANCH_ABOVE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiceng.organization.OrganizationAdvicePolicy.Advice;
import cn.jiceng.organization.OrganizationAdvicePolicy.Facts;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationAdvicePolicyTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 5, 15);
	private static final LocalDate SET_UP = LocalDate.of(2020, 1, 1);
	private static final LocalDate RECENT_MEETING = LocalDate.of(2025, 4, 20);
	private static final LocalDate TERM_FAR_AWAY = LocalDate.of(2027, 1, 1);

	private final OrganizationAdvicePolicy policy = new OrganizationAdvicePolicy(RuleSettings.defaults());

	private static Facts branch(int members, int fullMembers) {
		return new Facts(OrgKind.BRANCH, Field.AGENCY, members, fullMembers, SET_UP, RECENT_MEETING, TERM_FAR_AWAY, TODAY);
	}

	private static Facts org(OrgKind kind, int members) {
		return new Facts(kind, Field.ENTERPRISE, members, members, SET_UP, RECENT_MEETING, TERM_FAR_AWAY, TODAY);
	}

	private static Facts branchLastMet(LocalDate lastMeetingOn, LocalDate establishedOn, LocalDate today) {
		return new Facts(OrgKind.BRANCH, Field.AGENCY, 20, 20, establishedOn, lastMeetingOn, TERM_FAR_AWAY, today);
	}

	private static Facts branchWithTermEnding(LocalDate termEndsOn) {
		return new Facts(OrgKind.BRANCH, Field.AGENCY, 20, 20, SET_UP, RECENT_MEETING, termEndsOn, TODAY);
	}

	private static List<AdviceCode> codes(List<Advice> advice) {
		return advice.stream().map(Advice::code).toList();
	}

	private static RuleSettings settings(int upgradeToGeneralBranchAbove, int inactiveAfterMonths) {
		return RuleSettings.defaults()
			.with(UPGRADE_TO_GENERAL_BRANCH_ABOVE, upgradeToGeneralBranchAbove)
			.with(INACTIVE_AFTER_MONTHS, inactiveAfterMonths);
	}

	@Test
	void healthyBranchGetsNoAdvice() {
		assertThat(policy.advise(branch(30, 25))).isEmpty();
	}

	@Test
	void branchWithTwoFullMembersShouldJoin() {
		List<Advice> advice = policy.advise(branch(2, 2));

		assertThat(advice).containsExactly(new Advice(AdviceCode.JOIN_BRANCH,
				"党支部共有正式党员2名，不足3名，建议与相邻支部组建联合党支部"));
	}

	@Test
	void probationaryMembersDoNotCountTowardsTheThreeFullMembers() {
		assertThat(codes(policy.advise(branch(5, 2)))).containsExactly(AdviceCode.JOIN_BRANCH);
	}

	@Test
	void branchWithThreeFullMembersNeedNotJoin() {
		assertThat(policy.advise(branch(3, 3))).isEmpty();
	}

	@Test
	void smallVillageBranchIsToldToJoinANeighbouringVillage() {
		Facts village = new Facts(OrgKind.BRANCH, Field.RURAL, 2, 2, SET_UP, RECENT_MEETING, TERM_FAR_AWAY, TODAY);

		assertThat(policy.advise(village)).extracting(Advice::message)
				.containsExactly("党支部共有正式党员2名，不足3名，建议与相邻村组建联合党支部");
	}

	@Test
	void branchWithFiftyOneMembersShouldUpgrade() {
		List<Advice> advice = policy.advise(branch(51, 40));

		assertThat(advice).containsExactly(new Advice(AdviceCode.UPGRADE_TO_GENERAL_BRANCH,
				"党支部共有党员51名，超过50名，建议拆分支部或升格为党总支"));
	}

	@Test
	void fiftyMembersIsNotAboveTheThreshold() {
		assertThat(policy.advise(branch(50, 50))).isEmpty();
	}

	@Test
	void changedThresholdOf80ChangesTheAdvice() {
		OrganizationAdvicePolicy jinyun = new OrganizationAdvicePolicy(settings(80, 3));

		assertThat(codes(policy.advise(branch(60, 60)))).containsExactly(AdviceCode.UPGRADE_TO_GENERAL_BRANCH);
		assertThat(jinyun.advise(branch(60, 60))).isEmpty();
		assertThat(jinyun.advise(branch(80, 80))).isEmpty();
		assertThat(jinyun.advise(branch(81, 81))).extracting(Advice::message)
				.containsExactly("党支部共有党员81名，超过80名，建议拆分支部或升格为党总支");
	}

	@Test
	void hundredMembersSuggestsCommittee() {
		List<Advice> advice = policy.advise(org(OrgKind.GENERAL_BRANCH, 100));

		assertThat(advice).containsExactly(new Advice(AdviceCode.UPGRADE_TO_COMMITTEE,
				"党总支共有党员100名，达到100名，可申请设立基层党委，须报县级党委批准"));
	}

	@Test
	void ninetyNineMembersDoNotSuggestCommittee() {
		assertThat(policy.advise(org(OrgKind.GENERAL_BRANCH, 99))).isEmpty();
	}

	@Test
	void hundredMemberBranchIsOfferedBothWaysUp() {
		assertThat(codes(policy.advise(branch(100, 100))))
				.containsExactly(AdviceCode.UPGRADE_TO_GENERAL_BRANCH, AdviceCode.UPGRADE_TO_COMMITTEE);
	}

	@Test
	void committeeIsNotToldToBecomeACommittee() {
		assertThat(policy.advise(org(OrgKind.COMMITTEE, 300))).isEmpty();
	}

	@Test
	void branchWithoutMeetingForThreeFullMonthsIsInactive() {
		// Today is 2025-05-15: the last three full calendar months are February, March and April.
		List<Advice> advice = policy.advise(branchLastMet(LocalDate.of(2025, 1, 31), SET_UP, TODAY));

		assertThat(advice).containsExactly(new Advice(AdviceCode.INACTIVE,
				"党支部最近一次组织生活会议在2025-01-31，近3个完整自然月（2025-02至2025-04）未开展组织生活，疑似空壳支部，建议整顿"));
	}

	@Test
	void meetingOnTheFirstDayOfTheWindowKeepsTheBranchActive() {
		assertThat(policy.advise(branchLastMet(LocalDate.of(2025, 2, 1), SET_UP, TODAY))).isEmpty();
	}

	@Test
	void windowIsTheSameOnEveryDayOfTheMonth() {
		LocalDate lastMet = LocalDate.of(2025, 1, 31);

		assertThat(OrganizationAdvicePolicy.inactivityWindowStart(LocalDate.of(2025, 5, 1), 3))
				.isEqualTo(LocalDate.of(2025, 2, 1));
		assertThat(OrganizationAdvicePolicy.inactivityWindowStart(LocalDate.of(2025, 5, 31), 3))
				.isEqualTo(LocalDate.of(2025, 2, 1));
		assertThat(codes(policy.advise(branchLastMet(lastMet, SET_UP, LocalDate.of(2025, 5, 1)))))
				.containsExactly(AdviceCode.INACTIVE);
		// On the last day of April, January is still one of the three full months before it.
		assertThat(policy.advise(branchLastMet(lastMet, SET_UP, LocalDate.of(2025, 4, 30)))).isEmpty();
	}

	@Test
	void windowCrossesTheYearBoundary() {
		assertThat(OrganizationAdvicePolicy.inactivityWindowStart(LocalDate.of(2025, 2, 10), 3))
				.isEqualTo(LocalDate.of(2024, 11, 1));
	}

	@Test
	void meetingThisMonthKeepsTheBranchActive() {
		assertThat(policy.advise(branchLastMet(LocalDate.of(2025, 5, 2), SET_UP, TODAY))).isEmpty();
	}

	@Test
	void branchWithoutAnyMeetingIsInactive() {
		assertThat(policy.advise(branchLastMet(null, SET_UP, TODAY))).extracting(Advice::message)
				.containsExactly("党支部没有组织生活会议记录，近3个完整自然月（2025-02至2025-04）未开展组织生活，疑似空壳支部，建议整顿");
	}

	@Test
	void branchSetUpAfterTheWindowStartedIsNotYetInactive() {
		assertThat(policy.advise(branchLastMet(null, LocalDate.of(2025, 2, 2), TODAY))).isEmpty();
		assertThat(codes(policy.advise(branchLastMet(null, LocalDate.of(2025, 2, 1), TODAY))))
				.containsExactly(AdviceCode.INACTIVE);
	}

	@Test
	void inactivityMonthsComeFromTheSettings() {
		OrganizationAdvicePolicy twoMonths = new OrganizationAdvicePolicy(settings(50, 2));

		assertThat(codes(twoMonths.advise(branchLastMet(LocalDate.of(2025, 2, 28), SET_UP, TODAY))))
				.containsExactly(AdviceCode.INACTIVE);
		assertThat(policy.advise(branchLastMet(LocalDate.of(2025, 2, 28), SET_UP, TODAY))).isEmpty();
	}

	@Test
	void generalBranchIsNotCheckedForMeetings() {
		Facts general = new Facts(OrgKind.GENERAL_BRANCH, Field.AGENCY, 60, 60, SET_UP, null, TERM_FAR_AWAY, TODAY);

		assertThat(policy.advise(general)).isEmpty();
	}

	@Test
	void termEndingWithinSixMonthsIsExpiring() {
		List<Advice> advice = policy.advise(branchWithTermEnding(LocalDate.of(2025, 11, 15)));

		assertThat(advice).containsExactly(new Advice(AdviceCode.TERM_EXPIRING,
				"党支部任期将于2025-11-15届满（还有184天），不足6个月，请做好换届准备"));
	}

	@Test
	void termEndingOneDayAfterSixMonthsIsNotYetExpiring() {
		assertThat(policy.advise(branchWithTermEnding(LocalDate.of(2025, 11, 16)))).isEmpty();
	}

	@Test
	void termEndingTodayIsExpiringNotOverdue() {
		assertThat(codes(policy.advise(branchWithTermEnding(TODAY)))).containsExactly(AdviceCode.TERM_EXPIRING);
	}

	@Test
	void termPastItsEndIsOverdue() {
		List<Advice> advice = policy.advise(branchWithTermEnding(LocalDate.of(2025, 5, 14)));

		assertThat(advice).containsExactly(new Advice(AdviceCode.TERM_OVERDUE,
				"党支部任期已于2025-05-14届满，已超期1天未换届，请按期换届，确需延期须报上级党组织批准"));
	}

	@Test
	void committeeTermIsCheckedToo() {
		Facts committee = new Facts(OrgKind.COMMITTEE, Field.RURAL, 40, 40, SET_UP, RECENT_MEETING,
				LocalDate.of(2024, 12, 31), TODAY);

		assertThat(codes(policy.advise(committee))).containsExactly(AdviceCode.TERM_OVERDUE);
	}

	@Test
	void branchWithoutRecordedTermGetsNoTermAdvice() {
		assertThat(policy.advise(branchWithTermEnding(null))).isEmpty();
	}

	@Test
	void groupGetsNoAdvice() {
		Facts group = new Facts(OrgKind.GROUP, Field.AGENCY, 1, 1, SET_UP, null, LocalDate.of(2020, 1, 1), TODAY);

		assertThat(policy.advise(group)).isEmpty();
	}

	@Test
	void adviceComesInAFixedOrder() {
		Facts all = new Facts(OrgKind.BRANCH, Field.AGENCY, 120, 2, SET_UP, null, LocalDate.of(2025, 1, 1), TODAY);

		assertThat(codes(policy.advise(all))).containsExactly(AdviceCode.JOIN_BRANCH,
				AdviceCode.UPGRADE_TO_GENERAL_BRANCH, AdviceCode.UPGRADE_TO_COMMITTEE, AdviceCode.INACTIVE,
				AdviceCode.TERM_OVERDUE);
	}

	@Test
	void moreFullMembersThanMembersIsRejected() {
		assertThatThrownBy(() -> branch(2, 3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void adviceCodesCarryChineseLabels() {
		assertThat(AdviceCode.JOIN_BRANCH.label()).isEqualTo("建议组建联合党支部");
		assertThat(AdviceCode.TERM_OVERDUE.label()).isEqualTo("任期届满未换届");
	}
}
