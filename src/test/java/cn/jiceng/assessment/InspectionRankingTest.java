package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.jiceng.organization.OrgKind;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

class InspectionRankingTest {

	private static final List<InspectionRanking.Item> ITEMS = List.of(new InspectionRanking.Item("A", "基础工作", 60),
			new InspectionRanking.Item("B", "特色亮点", 40));

	private final InspectionRanking ranking = new InspectionRanking(RuleSettings.defaults());

	private static InspectionRanking.Target t(long id, String name) {
		return new InspectionRanking.Target(id, name);
	}

	private static Map<String, BigDecimal> s(String a, String b) {
		return Map.of("A", new BigDecimal(a), "B", new BigDecimal(b));
	}

	@Test
	void aTargetsScoreIsTheSumOfItsItemsAndAnItemNotScoredCountsZero() {
		assertThat(InspectionRanking.total(ITEMS, s("50.5", "30"))).isEqualByComparingTo("80.50");
		assertThat(InspectionRanking.total(ITEMS, Map.of("A", new BigDecimal("41")))).isEqualByComparingTo("41");
		assertThat(InspectionRanking.total(ITEMS, null)).isEqualByComparingTo("0");
	}

	@Test
	void tiesShareARankAndTheNextRankSkipsAsInSport() {
		List<InspectionRanking.Place> places = ranking.rank(List.of(t(1, "甲"), t(2, "乙"), t(3, "丙")), ITEMS,
				Map.of(1L, s("50", "30"), 2L, s("40", "40"), 3L, s("50", "20")));
		assertThat(places).extracting(InspectionRanking.Place::rank).containsExactly(1, 1, 3);
		assertThat(places.get(2).organizationId()).isEqualTo(3);
	}

	@Test
	void theLastPlacedTargetIsBottomRankedByDefault() {
		List<InspectionRanking.Place> places = ranking.rank(List.of(t(1, "甲"), t(2, "乙"), t(3, "丙")), ITEMS,
				Map.of(1L, s("50", "30"), 2L, s("40", "30"), 3L, s("50", "25")));
		assertThat(places).extracting(InspectionRanking.Place::bottom).containsExactly(false, false, true);
		assertThat(places.get(2).organizationId()).isEqualTo(2);
	}

	@Test
	void everyTargetSharingTheLastPlaceIsBottomRanked() {
		List<InspectionRanking.Place> places = ranking.rank(List.of(t(1, "甲"), t(2, "乙"), t(3, "丙")), ITEMS,
				Map.of(1L, s("60", "30"), 2L, s("40", "30"), 3L, s("50", "20")));
		assertThat(places).extracting(InspectionRanking.Place::rank).containsExactly(1, 2, 2);
		assertThat(places).extracting(InspectionRanking.Place::bottom).containsExactly(false, true, true);
	}

	@Test
	void withTheBottomTwoATieAcrossTheSecondToLastPlaceBringsTheWholeTie() {
		InspectionRanking two = new InspectionRanking(
				RuleSettings.defaults().with(RuleCatalog.INSPECTION_INTERVIEW_BOTTOM.name(), 2));
		List<InspectionRanking.Place> places = two.rank(List.of(t(1, "甲"), t(2, "乙"), t(3, "丙"), t(4, "丁")), ITEMS,
				Map.of(1L, s("60", "40"), 2L, s("50", "30"), 3L, s("40", "40"), 4L, s("10", "10")));
		assertThat(places).extracting(InspectionRanking.Place::rank).containsExactly(1, 2, 2, 4);
		assertThat(places).extracting(InspectionRanking.Place::bottom).containsExactly(false, true, true, true);
	}

	@Test
	void aSettingOfZeroInterviewsNobody() {
		InspectionRanking none = new InspectionRanking(
				RuleSettings.defaults().with(RuleCatalog.INSPECTION_INTERVIEW_BOTTOM.name(), 0));
		assertThat(none.rank(List.of(t(1, "甲"), t(2, "乙")), ITEMS, Map.of()))
			.noneMatch(InspectionRanking.Place::bottom);
	}

	@Test
	void whenAllTargetsTieAllAreFirstAndAllAreBottomRanked() {
		List<InspectionRanking.Place> places = ranking.rank(List.of(t(1, "甲"), t(2, "乙")), ITEMS, Map.of());
		assertThat(places).extracting(InspectionRanking.Place::rank).containsExactly(1, 1);
		assertThat(places).allMatch(InspectionRanking.Place::bottom);
	}

	@Test
	void aCellAcceptsZeroUpToTheItemsPointsWithTwoDecimals() {
		InspectionRanking.Item a = ITEMS.get(0);
		assertThat(InspectionRanking.cellRefusal(a, new BigDecimal("60"))).isNull();
		assertThat(InspectionRanking.cellRefusal(a, BigDecimal.ZERO)).isNull();
		assertThat(InspectionRanking.cellRefusal(a, new BigDecimal("59.75"))).isNull();
		assertThat(InspectionRanking.cellRefusal(a, new BigDecimal("60.01"))).contains("不能超过本项分值60分");
		assertThat(InspectionRanking.cellRefusal(a, new BigDecimal("-1"))).contains("不能为负数");
		assertThat(InspectionRanking.cellRefusal(a, new BigDecimal("1.125"))).contains("两位小数");
		assertThat(InspectionRanking.cellRefusal(a, null)).contains("应为数字");
	}

	@Test
	void eachKindRanksItsOwnKindOfOrganization() {
		assertThat(InspectionKind.REGULAR.accepts(OrgKind.COMMITTEE)).isTrue();
		assertThat(InspectionKind.REGULAR.accepts(OrgKind.BRANCH)).isFalse();
		assertThat(InspectionKind.FREQUENT.accepts(OrgKind.BRANCH)).isTrue();
		assertThat(InspectionKind.FREQUENT.accepts(OrgKind.GENERAL_BRANCH)).isTrue();
		assertThat(InspectionKind.FREQUENT.accepts(OrgKind.COMMITTEE)).isFalse();
		assertThat(InspectionKind.THEMATIC.accepts(OrgKind.COMMITTEE)).isTrue();
		assertThat(InspectionKind.THEMATIC.accepts(OrgKind.GROUP)).isFalse();
	}
}
