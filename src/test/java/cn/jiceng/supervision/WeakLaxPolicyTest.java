package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The candidate run's aggregation, the helpers, the stage order and the closing rule of weak-and-lax rectification. */
class WeakLaxPolicyTest {

	@Test
	void aCandidateListsEveryCriterionItMeetsInTheApiOrderWithItsReason() {
		Map<String, Map<Long, String>> matches = new LinkedHashMap<>();
		matches.put("LAST_IN_INSPECTION", Map.of(7L, "定期赛排名末位"));
		matches.put("SECRETARY_VACANT", Map.of(7L, "书记岗位空缺", 9L, "书记岗位空缺"));
		matches.put("ORG_LIFE_NOT_HELD", Map.of());

		List<WeakLaxPolicy.Candidate> candidates = WeakLaxPolicy.candidates(matches, List.of(9L, 7L));

		assertThat(candidates).extracting(WeakLaxPolicy.Candidate::organizationId).containsExactly(9L, 7L);
		assertThat(candidates.get(1).criteria()).extracting(WeakLaxPolicy.Criterion::code)
			.containsExactly("SECRETARY_VACANT", "LAST_IN_INSPECTION");
		assertThat(candidates.get(1).criteria().get(1).message()).isEqualTo("定期赛排名末位");
		assertThat(candidates.get(1).criteria().get(0).label()).isEqualTo("书记长期缺职");
	}

	@Test
	void anOrganizationMatchedByNoCriterionIsNoCandidate() {
		assertThat(WeakLaxPolicy.candidates(Map.of("NO_NEW_CANDIDATES", Map.of()), List.of(1L))).isEmpty();
	}

	@Test
	void aCriterionOfALaterModuleIsListedAfterTheKnownOnes() {
		Map<String, Map<Long, String>> matches = new LinkedHashMap<>();
		matches.put("ZONING_DISPUTES", Map.of(1L, "x"));
		matches.put("LOW_SATISFACTION", Map.of(1L, "y"));

		assertThat(WeakLaxPolicy.candidates(matches, List.of(1L)).get(0).criteria())
			.extracting(WeakLaxPolicy.Criterion::code)
			.containsExactly("LOW_SATISFACTION", "ZONING_DISPUTES");
	}

	@Test
	void theManualCriteriaComeFromTheNationalList() {
		assertThat(WeakLaxPolicy.NATIONAL_LIST).hasSize(12).contains("班子不团结、内耗严重、工作不能正常开展");
		assertThat(WeakLaxPolicy.manualMessage(" 无村级组织活动场所 ")).isEqualTo("无村级组织活动场所");
		assertThat(WeakLaxPolicy.label(WeakLaxPolicy.MANUAL)).isEqualTo("人工认定");
	}

	@Test
	void everyHelperMustBeNamed() {
		assertThat(WeakLaxPolicy.helperMissing("挂点县级领导", null)).isEqualTo("请选择挂点县级领导");
		assertThat(WeakLaxPolicy.helperMissing("挂点县级领导", 5L)).isNull();
	}

	@Test
	void theStagesMoveOneAtATimeInOrder() {
		assertThat(WeakLaxPolicy.step(WeakLaxStatus.RECTIFYING, WeakLaxStatus.TRANSFORMED)).isEqualTo(WeakLaxPolicy.Step.NEXT);
		assertThat(WeakLaxPolicy.step(WeakLaxStatus.TRANSFORMED, WeakLaxStatus.CONSOLIDATED)).isEqualTo(WeakLaxPolicy.Step.NEXT);
		assertThat(WeakLaxPolicy.step(WeakLaxStatus.CONSOLIDATED, WeakLaxStatus.CLOSED)).isEqualTo(WeakLaxPolicy.Step.NEXT);
	}

	@Test
	void skippingAStageOrGoingBackIsOutOfOrder() {
		assertThat(WeakLaxPolicy.step(WeakLaxStatus.RECTIFYING, WeakLaxStatus.CLOSED))
			.isEqualTo(WeakLaxPolicy.Step.OUT_OF_ORDER);
		assertThat(WeakLaxPolicy.step(WeakLaxStatus.CONSOLIDATED, WeakLaxStatus.TRANSFORMED))
			.isEqualTo(WeakLaxPolicy.Step.OUT_OF_ORDER);
		assertThat(WeakLaxPolicy.outOfOrderReason(WeakLaxStatus.RECTIFYING, WeakLaxStatus.CLOSED))
			.isEqualTo("当前为“整顿中”，只能推进到“已转化”，不能跳到“已销号”");
		assertThat(WeakLaxPolicy.outOfOrderReason(WeakLaxStatus.CLOSED, WeakLaxStatus.TRANSFORMED))
			.isEqualTo("该组织已销号，不能再变更阶段");
	}

	@Test
	void advancingToTheStageAlreadyReachedIsAConflictNotAnOrderProblem() {
		assertThat(WeakLaxPolicy.step(WeakLaxStatus.TRANSFORMED, WeakLaxStatus.TRANSFORMED))
			.isEqualTo(WeakLaxPolicy.Step.ALREADY);
	}

	@Test
	void theClosingMonthsAreTheLatestEndedMonthsBeforeToday() {
		assertThat(WeakLaxPolicy.closingMonths(LocalDate.of(2026, 2, 10), 3))
			.containsExactly(YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1));
	}

	@Test
	void closingNeedsEveryBranchCompliantInEachMonth() {
		List<WeakLaxPolicy.MonthCompliance> good = List.of(
				new WeakLaxPolicy.MonthCompliance(YearMonth.of(2026, 1), 2, List.of()),
				new WeakLaxPolicy.MonthCompliance(YearMonth.of(2026, 2), 2, List.of()),
				new WeakLaxPolicy.MonthCompliance(YearMonth.of(2026, 3), 2, List.of()));
		assertThat(WeakLaxPolicy.closingRefusal(good)).isNull();

		List<WeakLaxPolicy.MonthCompliance> oneMissed = List.of(good.get(0),
				new WeakLaxPolicy.MonthCompliance(YearMonth.of(2026, 2), 2, List.of("二组支部")), good.get(2));
		assertThat(WeakLaxPolicy.closingRefusal(oneMissed))
			.isEqualTo("销号需此前连续3个月每个支部组织生活达标（2026-01至2026-03）：2026-02组织生活未达标：二组支部");
	}

	@Test
	void aSubtreeWithoutBranchesWithMembersCannotBeClosed() {
		List<WeakLaxPolicy.MonthCompliance> empty = List.of(
				new WeakLaxPolicy.MonthCompliance(YearMonth.of(2026, 1), 0, List.of()));
		assertThat(WeakLaxPolicy.closingRefusal(empty)).contains("2026-01没有有党员的支部可考核");
	}
}
