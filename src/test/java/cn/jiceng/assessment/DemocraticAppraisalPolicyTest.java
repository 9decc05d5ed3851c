package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

class DemocraticAppraisalPolicyTest {

	private final DemocraticAppraisalPolicy policy = new DemocraticAppraisalPolicy(RuleSettings.defaults());

	@Test
	void atMostOneThirdOfTheFullMembersRoundedDownAreExcellent() {
		assertThat(policy.excellentCap(9)).isEqualTo(3);
		assertThat(policy.excellentCap(11)).isEqualTo(3);
		assertThat(policy.excellentCap(2)).isZero();
		assertThat(policy.excellentCap(0)).isZero();
	}

	@Test
	void oneExcellentMoreThanTheCapIsRefusedWithTheNumbers() {
		assertThat(policy.excellentWithinCap(3, 9).allowed()).isTrue();
		DemocraticAppraisalPolicy.Decision d = policy.excellentWithinCap(4, 9);
		assertThat(d.allowed()).isFalse();
		assertThat(d.reason()).contains("三分之一", "9名", "最多3名", "4名");
	}

	@Test
	void aBranchOfTwoFullMembersHasNoExcellent() {
		assertThat(policy.excellentWithinCap(1, 2).allowed()).isFalse();
		assertThat(policy.excellentWithinCap(0, 2).allowed()).isTrue();
	}

	@Test
	void probationaryMembersAreNotGraded() {
		DemocraticAppraisalPolicy.Decision d = policy.mayGrade(true);
		assertThat(d.allowed()).isFalse();
		assertThat(d.reason()).contains("预备党员");
		assertThat(policy.mayGrade(false).allowed()).isTrue();
	}

	@Test
	void theShareIsACountySetting() {
		DemocraticAppraisalPolicy quarter = new DemocraticAppraisalPolicy(
				RuleSettings.defaults().with(RuleCatalog.DEMOCRATIC_EXCELLENT_DIVISOR.name(), 4));
		assertThat(quarter.excellentCap(9)).isEqualTo(2);
		assertThat(quarter.excellentWithinCap(3, 9).reason()).contains("四分之一");
	}
}
