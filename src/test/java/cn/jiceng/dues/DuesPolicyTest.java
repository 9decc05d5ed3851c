package cn.jiceng.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DuesPolicyTest {

	private final DuesPolicy policy = new DuesPolicy(DuesRates.defaults());

	private MonthlyDue payroll(String base) {
		return policy.monthlyDue(DuesCategory.PAYROLL, new BigDecimal(base), null);
	}

	private MonthlyDue retired(String base) {
		return policy.monthlyDue(DuesCategory.RETIRED, new BigDecimal(base), null);
	}

	@Test
	void baseOf5100PaysOnePointFivePercentOnTheWholeBase() {
		MonthlyDue due = payroll("5100");

		assertThat(due.accepted()).isTrue();
		assertThat(due.amount()).isEqualTo(new BigDecimal("76.50"));
		assertThat(due.rate()).isEqualByComparingTo("0.015");
		assertThat(due.reason()).isEqualTo("基数5100.00元，适用1.5%，月交76.50元");
	}

	@Test
	void baseOf4900Pays49Yuan() {
		MonthlyDue due = payroll("4900");

		assertThat(due.amount()).isEqualTo(new BigDecimal("49.00"));
		assertThat(due.reason()).isEqualTo("基数4900.00元，适用1%，月交49.00元");
	}

	@Test
	void baseOf3000StillPaysHalfPercent() {
		MonthlyDue due = payroll("3000");

		assertThat(due.rate()).isEqualByComparingTo("0.005");
		assertThat(due.amount()).isEqualTo(new BigDecimal("15.00"));
		assertThat(due.reason()).isEqualTo("基数3000.00元，适用0.5%，月交15.00元");
	}

	@Test
	void baseOneFenAbove3000PaysOnePercent() {
		MonthlyDue due = payroll("3000.01");

		assertThat(due.rate()).isEqualByComparingTo("0.01");
		assertThat(due.amount()).isEqualTo(new BigDecimal("30.00"));
	}

	@Test
	void baseOf5000StillPaysOnePercent() {
		MonthlyDue due = payroll("5000");

		assertThat(due.rate()).isEqualByComparingTo("0.01");
		assertThat(due.amount()).isEqualTo(new BigDecimal("50.00"));
	}

	@Test
	void baseOneFenAbove5000PaysOnePointFivePercent() {
		MonthlyDue due = payroll("5000.01");

		assertThat(due.rate()).isEqualByComparingTo("0.015");
		assertThat(due.amount()).isEqualTo(new BigDecimal("75.00"));
	}

	@Test
	void baseOf10000StillPaysOnePointFivePercent() {
		MonthlyDue due = payroll("10000");

		assertThat(due.rate()).isEqualByComparingTo("0.015");
		assertThat(due.amount()).isEqualTo(new BigDecimal("150.00"));
	}

	@Test
	void baseOneFenAbove10000PaysTwoPercent() {
		MonthlyDue due = payroll("10000.01");

		assertThat(due.rate()).isEqualByComparingTo("0.02");
		assertThat(due.amount()).isEqualTo(new BigDecimal("200.00"));
		assertThat(due.reason()).isEqualTo("基数10000.01元，适用2%，月交200.00元");
	}

	@Test
	void retiredBaseOf5000StillPaysHalfPercent() {
		MonthlyDue due = retired("5000");

		assertThat(due.rate()).isEqualByComparingTo("0.005");
		assertThat(due.amount()).isEqualTo(new BigDecimal("25.00"));
	}

	@Test
	void retiredBaseOneFenAbove5000PaysOnePercent() {
		MonthlyDue due = retired("5000.01");

		assertThat(due.rate()).isEqualByComparingTo("0.01");
		assertThat(due.amount()).isEqualTo(new BigDecimal("50.00"));
	}

	@Test
	void retiredBaseOf12000StillPaysOnlyOnePercent() {
		assertThat(retired("12000").amount()).isEqualTo(new BigDecimal("120.00"));
	}

	@ParameterizedTest
	@EnumSource(value = DuesCategory.class, names = { "ANNUAL_SALARY", "SELF_EMPLOYED" })
	void annualSalaryAndSelfEmployedUseThePayrollScale(DuesCategory category) {
		MonthlyDue due = policy.monthlyDue(category, new BigDecimal("5100"), null);

		assertThat(due.amount()).isEqualTo(new BigDecimal("76.50"));
	}

	@Test
	void amountsAreRoundedHalfUpToTheFen() {
		// 4322.50 × 1% = 43.225: half-up gives 43.23 where half-even or half-down would give 43.22.
		assertThat(payroll("4322.50").amount()).isEqualTo(new BigDecimal("43.23"));
		// 1234.56 × 0.5% = 6.1728
		assertThat(payroll("1234.56").amount()).isEqualTo(new BigDecimal("6.17"));
	}

	@Test
	void baseIsRoundedToTheFenBeforeTheRateIsChosen() {
		MonthlyDue due = payroll("3000.004");

		assertThat(due.base()).isEqualTo(new BigDecimal("3000.00"));
		assertThat(due.rate()).isEqualByComparingTo("0.005");
	}

	@Test
	void studentPaysTwentyFen() {
		MonthlyDue due = policy.monthlyDue(DuesCategory.STUDENT, null, null);

		assertThat(due.accepted()).isTrue();
		assertThat(due.amount()).isEqualTo(new BigDecimal("0.20"));
		assertThat(due.reason()).isEqualTo("学生党员每月交纳党费0.20元");
	}

	@ParameterizedTest
	@EnumSource(value = DuesCategory.class, names = { "UNEMPLOYED", "RELIEF", "LOW_INCOME" })
	void otherReducedCategoriesPayTwentyFenWhateverBaseIsSent(DuesCategory category) {
		MonthlyDue due = policy.monthlyDue(category, new BigDecimal("8000"), new BigDecimal("5"));

		assertThat(due.amount()).isEqualTo(new BigDecimal("0.20"));
	}

	@ParameterizedTest
	@CsvSource({ "0.19", "0.10", "1.01", "1.50" })
	void farmerAmountOutsideRangeIsRefused(String amount) {
		MonthlyDue due = policy.monthlyDue(DuesCategory.FARMER, null, new BigDecimal(amount));

		assertThat(due.refused()).isTrue();
		assertThat(due.amount()).isNull();
		assertThat(due.reason()).contains("超出规定范围（0.20元至1.00元）");
	}

	@ParameterizedTest
	@CsvSource({ "0.20, 0.20", "0.5, 0.50", "1.00, 1.00" })
	void farmerAmountWithinRangeIsTheBranchesChoice(String amount, String expected) {
		MonthlyDue due = policy.monthlyDue(DuesCategory.FARMER, null, new BigDecimal(amount));

		assertThat(due.accepted()).isTrue();
		assertThat(due.amount()).isEqualTo(new BigDecimal(expected));
	}

	@Test
	void farmerWithoutAmountIsRefused() {
		MonthlyDue due = policy.monthlyDue(DuesCategory.FARMER, new BigDecimal("3000"), null);

		assertThat(due.refused()).isTrue();
		assertThat(due.reason()).isEqualTo("农民党员的月交纳额须由党支部在0.20元至1.00元之间确定");
	}

	@Test
	void missingBaseIsRefused() {
		MonthlyDue due = policy.monthlyDue(DuesCategory.PAYROLL, null, new BigDecimal("0.20"));

		assertThat(due.refused()).isTrue();
		assertThat(due.reason()).contains("须填写党费计算基数");
	}

	@Test
	void negativeBaseIsRefused() {
		MonthlyDue due = payroll("-1");

		assertThat(due.refused()).isTrue();
		assertThat(due.reason()).contains("不能为负数");
	}

	@Test
	void zeroBaseIsRefusedAndPointsToTheFixedCategories() {
		MonthlyDue due = retired("0");

		assertThat(due.refused()).isTrue();
		assertThat(due.reason()).contains("须大于0元").contains("领取低保");
	}

	@Test
	void missingCategoryIsRefused() {
		assertThat(policy.monthlyDue(null, new BigDecimal("5100"), null).refused()).isTrue();
	}

	@Test
	void ratesComeFromTheRatesRecord() {
		DuesRates d = DuesRates.defaults();
		DuesRates custom = new DuesRates(
				new DuesRates.RateScale(List.of(new DuesRates.Bracket(new BigDecimal("6000"), new BigDecimal("0.01"))),
						new BigDecimal("0.03")),
				d.retiredScale(), new BigDecimal("0.50"), new BigDecimal("2.00"), new BigDecimal("0.30"));
		DuesPolicy changed = new DuesPolicy(custom);

		assertThat(changed.monthlyDue(DuesCategory.PAYROLL, new BigDecimal("5100"), null).amount())
				.isEqualTo(new BigDecimal("51.00"));
		assertThat(changed.monthlyDue(DuesCategory.PAYROLL, new BigDecimal("7000"), null).amount())
				.isEqualTo(new BigDecimal("210.00"));
		assertThat(changed.monthlyDue(DuesCategory.STUDENT, null, null).amount()).isEqualTo(new BigDecimal("0.30"));
		assertThat(changed.monthlyDue(DuesCategory.FARMER, null, new BigDecimal("1.50")).accepted()).isTrue();
	}

	@Test
	void categoriesSayWhetherTheyAreBaseRated() {
		assertThat(DuesCategory.values()).filteredOn(DuesCategory::baseRated)
				.containsExactly(DuesCategory.PAYROLL, DuesCategory.ANNUAL_SALARY, DuesCategory.SELF_EMPLOYED,
						DuesCategory.RETIRED);
		assertThat(DuesCategory.FARMER.fixedAmount()).isTrue();
		assertThat(DuesCategory.LOW_INCOME.label()).isEqualTo("领取低保");
	}
}
