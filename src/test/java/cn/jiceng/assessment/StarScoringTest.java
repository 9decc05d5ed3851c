package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StarScoringTest {

	private static final List<StarScoring.Item> STANDARD = List.of(
			new StarScoring.Item("ORG", "组织建设", 40, null),
			new StarScoring.Item("LIFE", "组织生活", 30, StarIndicator.COMPLIANCE_RATE),
			new StarScoring.Item("DUES", "党费交纳", 20, StarIndicator.DUES_PAID_RATE),
			new StarScoring.Item("WARN", "党员表现", 10, StarIndicator.WARNING_FREE));

	@Test
	void theReviewScoreCountsOverTheSelfScore() {
		StarScoring.Result r = StarScoring.score(STANDARD, Map.of("ORG", new BigDecimal("38")),
				Map.of("ORG", new BigDecimal("35.5")), StarScoring.Facts.NONE);
		assertThat(r.items().get(0).awarded()).isEqualByComparingTo("35.5");
		assertThat(r.items().get(0).explanation()).contains("乡镇评星 35.5", "自评 38");
	}

	@Test
	void indicatorsScorePointsTimesTheRate() {
		// 11 of 12 months compliant, 90 of 100 member-months paid, 1 warning member of 20
		StarScoring.Facts facts = new StarScoring.Facts(11, 12, 100, 90, 20, 1);
		StarScoring.Result r = StarScoring.score(STANDARD, Map.of("ORG", new BigDecimal("40")), Map.of(), facts);
		assertThat(r.items().get(1).awarded()).isEqualByComparingTo("27.5");
		assertThat(r.items().get(2).awarded()).isEqualByComparingTo("18");
		assertThat(r.items().get(3).awarded()).isEqualByComparingTo("9.5");
		assertThat(r.score()).isEqualByComparingTo("95.00");
		assertThat(r.items().get(1).explanation()).contains("11/12");
	}

	@Test
	void theTotalRoundsHalfUpToTwoDecimals() {
		// 2 of 3 months: 30 × 0.6666667 = 20.000001 → with 40 + 0 + 0 = 60.00
		StarScoring.Facts facts = new StarScoring.Facts(2, 3, 0, 0, 0, 0);
		StarScoring.Result r = StarScoring.score(STANDARD, Map.of("ORG", new BigDecimal("40")), Map.of(), facts);
		assertThat(r.score()).isEqualByComparingTo("60.00");
		assertThat(r.score().scale()).isEqualTo(2);
	}

	@Test
	void nothingCountedScoresZeroAndSaysSo() {
		StarScoring.Result r = StarScoring.score(STANDARD, Map.of(), Map.of(), StarScoring.Facts.NONE);
		assertThat(r.score()).isEqualByComparingTo("0");
		assertThat(r.items().get(1).explanation()).contains("无可统计");
		assertThat(r.items().get(0).explanation()).contains("未评分");
	}

	@Test
	void aHandScoreAboveALoweredItemCountsAsTheItemsPoints() {
		List<StarScoring.Item> lowered = List.of(new StarScoring.Item("ORG", "组织建设", 100, null));
		StarScoring.Result r = StarScoring.score(List.of(new StarScoring.Item("ORG", "组织建设", 30, null)),
				Map.of("ORG", new BigDecimal("35")), Map.of(), StarScoring.Facts.NONE);
		assertThat(r.score()).isEqualByComparingTo("30");
		assertThat(StarScoring.score(lowered, Map.of("ORG", new BigDecimal("35")), Map.of(), StarScoring.Facts.NONE)
			.score()).isEqualByComparingTo("35");
	}
}
