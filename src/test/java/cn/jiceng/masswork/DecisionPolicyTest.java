package cn.jiceng.masswork;

import static cn.jiceng.masswork.DecisionStep.DELIBERATION;
import static cn.jiceng.masswork.DecisionStep.MEMBERS_REVIEW;
import static cn.jiceng.masswork.DecisionStep.PROPOSAL;
import static cn.jiceng.masswork.DecisionStep.RESOLUTION_DISCLOSED;
import static cn.jiceng.masswork.DecisionStep.RESULT_DISCLOSED;
import static cn.jiceng.masswork.DecisionStep.VILLAGERS_RESOLUTION;
import static cn.jiceng.masswork.ResolutionBody.REPRESENTATIVES;
import static cn.jiceng.masswork.ResolutionBody.VILLAGERS_MEETING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 四议两公开: the order of the six steps, the combined first step of 一肩挑 villages, every threshold on its boundary. */
class DecisionPolicyTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

	private static List<DecisionPolicy.Recorded> done(DecisionStep... steps) {
		List<DecisionPolicy.Recorded> r = new ArrayList<>();
		for (int i = 0; i < steps.length; i++) {
			r.add(new DecisionPolicy.Recorded(steps[i], LocalDate.of(2025, 6, 1 + i)));
		}
		return r;
	}

	private static DecisionPolicy.Outcome record(boolean combined, List<DecisionPolicy.Recorded> done, DecisionStep s) {
		return DecisionPolicy.order(combined, done, s, LocalDate.of(2025, 6, 20), TODAY);
	}

	@Test
	void theSixStepsGoInOrderAndEachFollowsTheOneBefore() {
		List<DecisionPolicy.Recorded> d = new ArrayList<>();
		for (DecisionStep s : DecisionStep.values()) {
			assertThat(DecisionPolicy.next(false, d)).isEqualTo(s);
			assertThat(record(false, d, s).allowed()).as(s.name()).isTrue();
			d.add(new DecisionPolicy.Recorded(s, LocalDate.of(2025, 6, 20)));
		}
		assertThat(DecisionPolicy.next(false, d)).isNull();
		assertThat(record(false, d, RESULT_DISCLOSED).reason()).contains("全部完成");
	}

	@Test
	void aStepCannotBeSkipped() {
		DecisionPolicy.Outcome o = record(false, done(PROPOSAL), MEMBERS_REVIEW);
		assertThat(o.allowed()).isFalse();
		assertThat(o.reason()).contains("下一步应为“村“两委”会议商议”", "不能跳过");
		assertThat(record(false, done(), DELIBERATION).allowed()).isFalse();
		assertThat(record(false, done(PROPOSAL, DELIBERATION, MEMBERS_REVIEW), RESULT_DISCLOSED).allowed()).isFalse();
	}

	@Test
	void aCombinedProposalStandsForTheProposalAndTheDeliberation() {
		assertThat(DecisionPolicy.sequence(true)).containsExactly(PROPOSAL, MEMBERS_REVIEW, VILLAGERS_RESOLUTION,
				RESOLUTION_DISCLOSED, RESULT_DISCLOSED);
		assertThat(DecisionPolicy.next(true, done(PROPOSAL))).isEqualTo(MEMBERS_REVIEW);
		assertThat(record(true, done(PROPOSAL), MEMBERS_REVIEW).allowed()).isTrue();
		DecisionPolicy.Outcome separate = record(true, done(PROPOSAL), DELIBERATION);
		assertThat(separate.allowed()).isFalse();
		assertThat(separate.reason()).contains("一肩挑");
		assertThat(PROPOSAL.label(true)).contains("商议");
	}

	@Test
	void aStepIsNotDatedBeforeTheStepBeforeItNorInTheFuture() {
		List<DecisionPolicy.Recorded> d = List.of(new DecisionPolicy.Recorded(PROPOSAL, LocalDate.of(2025, 6, 10)));
		assertThat(DecisionPolicy.order(false, d, DELIBERATION, LocalDate.of(2025, 6, 9), TODAY).reason())
			.contains("不能早于上一步");
		assertThat(DecisionPolicy.order(false, d, DELIBERATION, LocalDate.of(2025, 6, 10), TODAY).allowed()).isTrue();
		assertThat(DecisionPolicy.order(false, d, DELIBERATION, TODAY.plusDays(1), TODAY).reason()).contains("不能晚于今天");
	}

	@Test
	void theMembersReviewNeedsTwoThirdsOfTheMembersPresent() {
		assertThat(DecisionPolicy.membersReview(9, 6, 5).allowed()).isTrue();
		DecisionPolicy.Outcome five = DecisionPolicy.membersReview(9, 5, 5);
		assertThat(five.allowed()).isFalse();
		assertThat(five.reason()).contains("不足应到会党员9名的三分之二", "至少应到会6名");
		// 2/3 of 10 is 6.67: 7 present are needed
		assertThat(DecisionPolicy.membersReview(10, 6, 6).allowed()).isFalse();
		assertThat(DecisionPolicy.membersReview(10, 7, 6).allowed()).isTrue();
	}

	@Test
	void theMembersReviewNeedsYesFromMoreThanHalfOfThoseWhoShouldAttendNotOfThosePresent() {
		// 7 of 10 present, 4 yes: more than half of those present but not of the 10 who should attend
		DecisionPolicy.Outcome o = DecisionPolicy.membersReview(10, 7, 4);
		assertThat(o.allowed()).isFalse();
		assertThat(o.reason()).contains("未超过应到会党员10名的半数", "至少需6票");
		assertThat(DecisionPolicy.membersReview(10, 7, 5).allowed()).isFalse();
		assertThat(DecisionPolicy.membersReview(10, 7, 6).allowed()).isTrue();
		assertThat(DecisionPolicy.membersReview(9, 9, 5).allowed()).isTrue();
	}

	@Test
	void theVillagersMeetingNeedsMoreThanHalfPresentAndMoreThanHalfOfThemForIt() {
		assertThat(DecisionPolicy.villagersResolution(VILLAGERS_MEETING, 100, 50, 50).reason()).contains("未超过应参加村民100人的半数");
		assertThat(DecisionPolicy.villagersResolution(VILLAGERS_MEETING, 100, 51, 26).allowed()).isTrue();
		assertThat(DecisionPolicy.villagersResolution(VILLAGERS_MEETING, 100, 51, 25).reason()).contains("未超过到会村民51人的半数");
		assertThat(DecisionPolicy.villagersResolution(VILLAGERS_MEETING, 100, 60, 30).allowed()).isFalse();
		assertThat(DecisionPolicy.villagersResolution(VILLAGERS_MEETING, 100, 60, 31).allowed()).isTrue();
	}

	@Test
	void theRepresentativesMeetingNeedsTwoThirdsPresentAndMoreThanHalfOfAllRepresentativesForIt() {
		assertThat(DecisionPolicy.villagersResolution(REPRESENTATIVES, 30, 19, 19).reason()).contains("不足代表总数30名的三分之二");
		assertThat(DecisionPolicy.villagersResolution(REPRESENTATIVES, 30, 20, 16).allowed()).isTrue();
		// 15 of 20 present is a majority of those present but not of all 30 representatives
		assertThat(DecisionPolicy.villagersResolution(REPRESENTATIVES, 30, 20, 15).reason()).contains("未超过全体村民代表30名的半数");
	}
}
