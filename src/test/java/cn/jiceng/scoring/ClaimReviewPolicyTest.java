package cn.jiceng.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jiceng.access.Role;

class ClaimReviewPolicyTest {

	private static final long MEMBER = 100;
	private static final LocalDate TODAY = LocalDate.of(2025, 5, 20);
	private static final PointItem VOLUNTEER = new PointItem("VOLUNTEER", "志愿服务", 5, 10, false);

	private static final Actor SECRETARY = new Actor(7, Role.BRANCH_SECRETARY, 200L);
	private static final Actor OTHER_SECRETARY = new Actor(8, Role.BRANCH_SECRETARY, 201L);
	private static final Actor TOWNSHIP = new Actor(9, Role.TOWNSHIP_ADMIN, null);

	private static PointClaim claim(YearMonth month, long filedBy, ClaimStatus status) {
		return new PointClaim(MEMBER, month, "VOLUNTEER", filedBy, status);
	}

	private static final PointClaim FILED_BY_SECRETARY = claim(YearMonth.of(2025, 5), 7, ClaimStatus.PENDING);
	private static final PointClaim FILED_BY_MEMBER = claim(YearMonth.of(2025, 5), 50, ClaimStatus.PENDING);

	@Test
	void secretaryCannotApproveAClaimTheyFiled() {
		Decision own = ClaimReviewPolicy.approve(SECRETARY, FILED_BY_SECRETARY, VOLUNTEER, 0, TODAY);
		Decision other = ClaimReviewPolicy.approve(OTHER_SECRETARY, FILED_BY_SECRETARY, VOLUNTEER, 0, TODAY);

		assertThat(own.allowed()).isFalse();
		assertThat(own.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
		assertThat(own.reason()).isEqualTo("不能审核本账号提交的积分申报");
		assertThat(other.allowed()).isTrue();
	}

	@Test
	void secretaryCannotRejectAClaimTheyFiledEither() {
		Decision own = ClaimReviewPolicy.reject(SECRETARY, FILED_BY_SECRETARY, TODAY);

		assertThat(own.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
	}

	@Test
	void memberCannotApproveTheirOwnClaim() {
		Actor secretaryWhoIsTheMember = new Actor(11, Role.BRANCH_SECRETARY, MEMBER);

		Decision decision = ClaimReviewPolicy.approve(secretaryWhoIsTheMember, FILED_BY_MEMBER, VOLUNTEER, 0, TODAY);

		assertThat(decision.allowed()).isFalse();
		assertThat(decision.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
		assertThat(decision.reason()).isEqualTo("不能审核本人的积分申报");
	}

	@Test
	void rolesBelowBranchSecretaryCannotReview() {
		for (Role role : new Role[] { Role.MEMBER, Role.CADRE, Role.INSPECTOR }) {
			Decision decision = ClaimReviewPolicy.approve(new Actor(12, role, 300L), FILED_BY_MEMBER, VOLUNTEER, 0,
					TODAY);
			assertThat(decision.refusal()).as(role.name()).isEqualTo(Decision.Refusal.FORBIDDEN);
		}
		assertThat(ClaimReviewPolicy.approve(TOWNSHIP, FILED_BY_MEMBER, VOLUNTEER, 0, TODAY).allowed()).isTrue();
	}

	@Test
	void onlyPendingClaimsCanBeReviewed() {
		Decision approvedAgain = ClaimReviewPolicy.approve(SECRETARY,
				claim(YearMonth.of(2025, 5), 50, ClaimStatus.APPROVED), VOLUNTEER, 0, TODAY);
		Decision rejectRejected = ClaimReviewPolicy.reject(SECRETARY,
				claim(YearMonth.of(2025, 5), 50, ClaimStatus.REJECTED), TODAY);

		assertThat(approvedAgain.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(approvedAgain.reason()).contains("已通过");
		assertThat(rejectRejected.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(rejectRejected.reason()).contains("已驳回");
	}

	@Test
	void claimForEndedQuarterNeedsTownshipAccount() {
		PointClaim march = claim(YearMonth.of(2025, 3), 50, ClaimStatus.PENDING);

		Decision secretaryInApril = ClaimReviewPolicy.approve(SECRETARY, march, VOLUNTEER, 0, LocalDate.of(2025, 4, 1));
		Decision secretaryOnQuarterEnd = ClaimReviewPolicy.approve(SECRETARY, march, VOLUNTEER, 0,
				LocalDate.of(2025, 3, 31));
		Decision townshipInApril = ClaimReviewPolicy.approve(TOWNSHIP, march, VOLUNTEER, 0, LocalDate.of(2025, 4, 1));
		Decision secretaryRejectsInApril = ClaimReviewPolicy.reject(SECRETARY, march, LocalDate.of(2025, 4, 1));

		assertThat(secretaryInApril.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(secretaryInApril.reason()).isEqualTo("2025 年第 1 季度已结束，审核须乡镇或以上账号");
		assertThat(secretaryRejectsInApril.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(secretaryOnQuarterEnd.allowed()).isTrue();
		assertThat(townshipInApril.allowed()).isTrue();
	}

	@Test
	void itemYearlyCapRefusesTheClaimThatWouldExceedIt() {
		Decision second = ClaimReviewPolicy.approve(SECRETARY, FILED_BY_MEMBER, VOLUNTEER, 5, TODAY);
		Decision third = ClaimReviewPolicy.approve(SECRETARY, FILED_BY_MEMBER, VOLUNTEER, 10, TODAY);

		assertThat(second.allowed()).isTrue();
		assertThat(third.allowed()).isFalse();
		assertThat(third.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(third.reason()).isEqualTo("「志愿服务」本年度已计 10 分，年度上限 10 分，本次 +5 将超出上限");
	}

	@Test
	void deductionItemsAreCappedByAbsolutePoints() {
		PointItem lateDues = new PointItem("LATE_DUES", "未按时交纳党费", -3, 6, false);
		PointClaim claim = new PointClaim(MEMBER, YearMonth.of(2025, 5), "LATE_DUES", 50, ClaimStatus.PENDING);

		assertThat(ClaimReviewPolicy.approve(SECRETARY, claim, lateDues, 3, TODAY).allowed()).isTrue();
		assertThat(ClaimReviewPolicy.approve(SECRETARY, claim, lateDues, 6, TODAY).refusal())
				.isEqualTo(Decision.Refusal.RULE);
	}

	@Test
	void forbiddenIsDecidedBeforeBusinessRules() {
		PointClaim approvedLongAgo = claim(YearMonth.of(2024, 3), 7, ClaimStatus.APPROVED);

		Decision decision = ClaimReviewPolicy.reject(SECRETARY, approvedLongAgo, TODAY);

		assertThat(decision.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
	}

	@Test
	void refusalsRaiseTheCallersExceptionOfTheirKind() {
		Decision forbidden = Decision.forbidden("不行");
		Decision rule = Decision.rule("规则不允许");

		assertThatThrownBy(() -> forbidden.throwIfRefused(SecurityException::new, IllegalStateException::new))
				.isInstanceOf(SecurityException.class).hasMessage("不行");
		assertThatThrownBy(() -> rule.throwIfRefused(SecurityException::new, IllegalStateException::new))
				.isInstanceOf(IllegalStateException.class).hasMessage("规则不允许");
		Decision.allow().throwIfRefused(SecurityException::new, IllegalStateException::new);
	}

	// ---- independence of the reviewer (issue 11: self-approval by proxy) ----

	private static final long FILER_ACCOUNT = 7;
	private static final long FILER_MEMBER = 200;

	private static PointClaim filedBySecretaryFor(long member) {
		return new PointClaim(member, YearMonth.of(2025, 5), "VOLUNTEER", FILER_ACCOUNT, FILER_MEMBER,
				ClaimStatus.PENDING);
	}

	private static Actor reviewer(Long memberId, Set<Long> creators, Set<Long> creatorMembers) {
		return new Actor(30, Role.BRANCH_SECRETARY, memberId, creators, creatorMembers);
	}

	@Test
	void accountCreatedByTheFilerCannotApproveTheClaim() {
		Decision d = ClaimReviewPolicy.approve(reviewer(null, Set.of(FILER_ACCOUNT), Set.of()),
				filedBySecretaryFor(MEMBER), VOLUNTEER, 0, TODAY);

		assertThat(d.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
		assertThat(d.reason()).isEqualTo("本账号由申报账号创建，不能审核该账号提交的积分申报");
	}

	@Test
	void accountCreatedFurtherUpTheChainByTheFilerCannotApproveEither() {
		Decision d = ClaimReviewPolicy.approve(reviewer(null, Set.of(44L, FILER_ACCOUNT), Set.of()),
				filedBySecretaryFor(MEMBER), VOLUNTEER, 0, TODAY);

		assertThat(d.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
	}

	@Test
	void accountCreatedByTheMemberConcernedCannotApproveTheirClaim() {
		Decision d = ClaimReviewPolicy.approve(reviewer(null, Set.of(55L), Set.of(MEMBER)), FILED_BY_MEMBER, VOLUNTEER,
				0, TODAY);

		assertThat(d.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
		assertThat(d.reason()).isEqualTo("本账号由被申报党员本人的账号创建，不能审核其积分申报");
	}

	@Test
	void accountCreatedByAnotherAccountOfTheFilerCannotApproveTheClaim() {
		Decision d = ClaimReviewPolicy.approve(reviewer(null, Set.of(56L), Set.of(FILER_MEMBER)),
				filedBySecretaryFor(MEMBER), VOLUNTEER, 0, TODAY);

		assertThat(d.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
		assertThat(d.reason()).isEqualTo("本账号由申报人本人的账号创建，不能审核其提交的积分申报");
	}

	@Test
	void secondAccountOfTheFilersMemberCannotApproveTheClaim() {
		Decision d = ClaimReviewPolicy.approve(reviewer(FILER_MEMBER, Set.of(), Set.of()), filedBySecretaryFor(MEMBER),
				VOLUNTEER, 0, TODAY);

		assertThat(d.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
		assertThat(d.reason()).isEqualTo("不能审核本人以其他账号提交的积分申报");
	}

	@Test
	void anIndependentAccountCreatedByTheTownshipMayApprove() {
		Decision d = ClaimReviewPolicy.independentOfTheClaimant(reviewer(300L, Set.of(9L, 1L), Set.of(400L)),
				filedBySecretaryFor(MEMBER));

		assertThat(d.allowed()).isTrue();
	}
}
