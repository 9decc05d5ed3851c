package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

class CadreAppraisalPolicyTest {

	private final CadreAppraisalPolicy policy = new CadreAppraisalPolicy(RuleSettings.defaults());

	private static CadreAppraisalPolicy.Components of(String leader, String masses, String departments, String yearEnd) {
		return new CadreAppraisalPolicy.Components(new BigDecimal(leader), new BigDecimal(masses),
				new BigDecimal(departments), new BigDecimal(yearEnd));
	}

	private static final ContactAssignmentEffectiveness.Finding NONE = ContactAssignmentEffectiveness.Finding.NONE;

	@Test
	void theFourComponentsAddUpToTheTotal() {
		CadreAppraisalPolicy.Result r = policy.appraise(of("18", "36.5", "9", "27"), NONE);
		assertThat(r.total()).isEqualByComparingTo("90.50");
		assertThat(r.grade()).isEqualTo(CadreGrade.EXCELLENT);
		assertThat(r.capped()).isFalse();
	}

	@Test
	void ninetyIsExcellentEightyGoodSixtyFairAndBelowPoor() {
		assertThat(policy.band(new BigDecimal("90"))).isEqualTo(CadreGrade.EXCELLENT);
		assertThat(policy.band(new BigDecimal("89.99"))).isEqualTo(CadreGrade.GOOD);
		assertThat(policy.band(new BigDecimal("80"))).isEqualTo(CadreGrade.GOOD);
		assertThat(policy.band(new BigDecimal("79.99"))).isEqualTo(CadreGrade.FAIR);
		assertThat(policy.band(new BigDecimal("60"))).isEqualTo(CadreGrade.FAIR);
		assertThat(policy.band(new BigDecimal("59.99"))).isEqualTo(CadreGrade.POOR);
		assertThat(policy.band(BigDecimal.ZERO)).isEqualTo(CadreGrade.POOR);
	}

	@Test
	void gradesFollowTheCountysSettings() {
		CadreAppraisalPolicy strict = new CadreAppraisalPolicy(
				RuleSettings.defaults().with(RuleCatalog.CADRE_EXCELLENT_AT.name(), 95));
		assertThat(strict.band(new BigDecimal("94"))).isEqualTo(CadreGrade.GOOD);
	}

	@Test
	void aComponentAboveItsFullPointsIsRefusedWithItsChineseName() {
		assertThat(policy.check(new BigDecimal("21"), new BigDecimal("40"), new BigDecimal("10"), new BigDecimal("30")))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.field()).isEqualTo("leader");
				assertThat(p.message()).contains("领导评价", "0到20分");
			});
		assertThat(policy.check(new BigDecimal("20"), new BigDecimal("40.01"), new BigDecimal("-1"), null))
			.extracting(p -> p.field())
			.containsExactly("masses", "departments", "yearEnd");
		assertThat(policy.check(new BigDecimal("20"), new BigDecimal("40"), new BigDecimal("10"), new BigDecimal("30")))
			.isEmpty();
	}

	@Test
	void moreThanTwoDecimalsAreRefused() {
		assertThat(policy.check(new BigDecimal("19.555"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
			.singleElement()
			.satisfies(p -> assertThat(p.message()).contains("两位小数"));
	}

	@Test
	void theFullPointsOfEachComponentAreSettings() {
		CadreAppraisalPolicy other = new CadreAppraisalPolicy(RuleSettings.defaults()
			.with(RuleCatalog.CADRE_LEADER_POINTS.name(), 30)
			.with(RuleCatalog.CADRE_MASSES_POINTS.name(), 30));
		assertThat(other.check(new BigDecimal("25"), new BigDecimal("30"), BigDecimal.ZERO, BigDecimal.ZERO)).isEmpty();
		assertThat(other.check(BigDecimal.ZERO, new BigDecimal("31"), BigDecimal.ZERO, BigDecimal.ZERO)).hasSize(1);
	}

	@Test
	void anIneffectiveContactAssignmentCapsAnExcellentGradeAtGood() {
		CadreAppraisalPolicy.Result r = policy.appraise(of("20", "40", "10", "25"),
				ContactAssignmentEffectiveness.Finding.ineffective("联系村三个问题逾期未办结"));
		assertThat(r.banded()).isEqualTo(CadreGrade.EXCELLENT);
		assertThat(r.grade()).isEqualTo(CadreGrade.GOOD);
		assertThat(r.capReason()).contains("挂钩帮扶不力", "不得评为优秀", "联系村三个问题逾期未办结");
	}

	@Test
	void anIneffectiveContactAssignmentLeavesALowerGradeAlone() {
		CadreAppraisalPolicy.Result r = policy.appraise(of("10", "30", "5", "20"),
				ContactAssignmentEffectiveness.Finding.ineffective(null));
		assertThat(r.grade()).isEqualTo(CadreGrade.FAIR);
		assertThat(r.capped()).isFalse();
	}

	@Test
	void withNoInformationOnContactAssignmentsNothingIsCapped() {
		ContactAssignmentEffectiveness.Finding f = ContactAssignmentEffectiveness.NO_INFORMATION.of(1L, 2025);
		assertThat(f.verdict()).isEqualTo(ContactAssignmentEffectiveness.Verdict.NO_INFORMATION);
		assertThat(policy.appraise(of("20", "40", "10", "30"), f).grade()).isEqualTo(CadreGrade.EXCELLENT);
	}

	@Test
	void threeConsecutiveExcellentYearsGivePromotionPriority() {
		assertThat(policy.promotionPriority(List.of(new CadreAppraisalPolicy.Year(2023, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2025, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2024, CadreGrade.EXCELLENT)))).isTrue();
	}

	@Test
	void aGapBetweenExcellentYearsGivesNoPromotionPriority() {
		assertThat(policy.promotionPriority(List.of(new CadreAppraisalPolicy.Year(2021, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2023, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2024, CadreGrade.EXCELLENT)))).isFalse();
	}

	@Test
	void onlyTheLatestYearsCountForPromotionPriority() {
		List<CadreAppraisalPolicy.Year> lastYearGood = List.of(new CadreAppraisalPolicy.Year(2021, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2022, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2023, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2024, CadreGrade.GOOD));
		assertThat(policy.promotionPriority(lastYearGood)).isFalse();
		assertThat(policy.promotionPriority(List.of(new CadreAppraisalPolicy.Year(2024, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2025, CadreGrade.EXCELLENT)))).isFalse();
	}

	@Test
	void theNumberOfYearsForPromotionPriorityIsASetting() {
		CadreAppraisalPolicy two = new CadreAppraisalPolicy(
				RuleSettings.defaults().with(RuleCatalog.PROMOTION_PRIORITY_YEARS.name(), 2));
		assertThat(two.promotionPriority(List.of(new CadreAppraisalPolicy.Year(2024, CadreGrade.EXCELLENT),
				new CadreAppraisalPolicy.Year(2025, CadreGrade.EXCELLENT)))).isTrue();
	}
}
