package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Who verifies, who rectifies, when a problem is overdue and what each status allows. */
class ProblemPolicyTest {

	private static final String COUNTY = "/1/";
	private static final String TOWN = "/1/12/";
	private static final String VILLAGE = "/1/12/305/";
	private static final String BRANCH = "/1/12/305/306/";
	private static final String OTHER_TOWN = "/1/13/";

	@Test
	void theIssuingTownshipAndTheCountyAboveItAreTheIssuingSide() {
		assertThat(ProblemPolicy.side(TOWN, TOWN, VILLAGE)).isEqualTo(ProblemPolicy.Side.ISSUING);
		assertThat(ProblemPolicy.side(COUNTY, TOWN, VILLAGE)).isEqualTo(ProblemPolicy.Side.ISSUING);
	}

	@Test
	void theVillageAndItsBranchesAreTheAssignee() {
		assertThat(ProblemPolicy.side(VILLAGE, TOWN, VILLAGE)).isEqualTo(ProblemPolicy.Side.ASSIGNEE);
		assertThat(ProblemPolicy.side(BRANCH, TOWN, VILLAGE)).isEqualTo(ProblemPolicy.Side.ASSIGNEE);
	}

	@Test
	void anotherTownshipIsNeitherSide() {
		assertThat(ProblemPolicy.side(OTHER_TOWN, TOWN, VILLAGE)).isEqualTo(ProblemPolicy.Side.NEITHER);
	}

	@Test
	void aNoticeGoesOnlyStrictlyBelowItsIssuer() {
		assertThat(ProblemPolicy.strictlyBelow(VILLAGE, TOWN)).isTrue();
		assertThat(ProblemPolicy.strictlyBelow(TOWN, TOWN)).isFalse();
		assertThat(ProblemPolicy.strictlyBelow(OTHER_TOWN, TOWN)).isFalse();
	}

	@Test
	void anOpenProblemPastItsDeadlineIsOverdueButNotOnTheDeadlineItself() {
		LocalDate due = LocalDate.of(2025, 6, 30);
		assertThat(ProblemPolicy.overdue(due, ProblemStatus.OPEN, due)).isFalse();
		assertThat(ProblemPolicy.overdue(due, ProblemStatus.OPEN, due.plusDays(1))).isTrue();
	}

	@Test
	void aRectifiedOrClosedProblemIsNeverOverdue() {
		LocalDate due = LocalDate.of(2025, 6, 30);
		assertThat(ProblemPolicy.overdue(due, ProblemStatus.RECTIFIED, due.plusMonths(3))).isFalse();
		assertThat(ProblemPolicy.overdue(due, ProblemStatus.CLOSED, due.plusMonths(3))).isFalse();
	}

	@Test
	void rectificationWithoutEvidenceIsRefusedWithAReason() {
		assertThat(ProblemPolicy.evidenceRefusal(0)).contains("佐证材料");
		assertThat(ProblemPolicy.evidenceRefusal(1)).isNull();
	}

	@Test
	void onlyAnOpenProblemCanBeReportedRectified() {
		assertThat(ProblemPolicy.rectifyConflict(ProblemStatus.OPEN)).isNull();
		assertThat(ProblemPolicy.rectifyConflict(ProblemStatus.RECTIFIED)).isNotNull();
		assertThat(ProblemPolicy.rectifyConflict(ProblemStatus.CLOSED)).isNotNull();
	}

	@Test
	void onlyARectifiedProblemCanBeVerified() {
		assertThat(ProblemPolicy.verifyConflict(ProblemStatus.RECTIFIED)).isNull();
		assertThat(ProblemPolicy.verifyConflict(ProblemStatus.OPEN)).isNotNull();
		assertThat(ProblemPolicy.verifyConflict(ProblemStatus.CLOSED)).isNotNull();
	}

	@Test
	void acceptanceClosesAndRejectionReopens() {
		assertThat(ProblemPolicy.verdict(true)).isEqualTo(ProblemStatus.CLOSED);
		assertThat(ProblemPolicy.verdict(false)).isEqualTo(ProblemStatus.OPEN);
	}

	@Test
	void aClosedProblemTakesNoMoreFollowUps() {
		assertThat(ProblemPolicy.followUpConflict(ProblemStatus.CLOSED)).isNotNull();
		assertThat(ProblemPolicy.followUpConflict(ProblemStatus.RECTIFIED)).isNull();
	}

	@Test
	void aDutyItemIsDoneByItsLatestNoteAndOverdueOnlyWhenNotDone() {
		LocalDate due = LocalDate.of(2025, 6, 30);
		assertThat(DutyProgressPolicy.overdue(due, null, due.plusDays(1))).isTrue();
		assertThat(DutyProgressPolicy.overdue(due, due.plusDays(1), due.plusDays(2))).isFalse();
		assertThat(DutyProgressPolicy.doneOnAfter(null, due, true)).isEqualTo(due);
		assertThat(DutyProgressPolicy.doneOnAfter(due, due.plusDays(5), true)).isEqualTo(due);
		assertThat(DutyProgressPolicy.doneOnAfter(due, due.plusDays(5), false)).isNull();
		assertThat(DutyProgressPolicy.completionRate(0, 0)).isNull();
		assertThat(DutyProgressPolicy.completionRate(1, 4)).isEqualTo(0.25);
	}
}
