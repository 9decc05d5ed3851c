package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

class SecretaryAppraisalPolicyTest {

	private final SecretaryAppraisalPolicy policy = new SecretaryAppraisalPolicy(RuleSettings.defaults());

	private static BigDecimal d(String s) {
		return new BigDecimal(s);
	}

	@Test
	void ninetyIsGoodAndJustBelowIsFairlyGood() {
		assertThat(policy.grade(d("90"))).isEqualTo(SecretaryGrade.GOOD);
		assertThat(policy.grade(d("100"))).isEqualTo(SecretaryGrade.GOOD);
		assertThat(policy.grade(d("89.99"))).isEqualTo(SecretaryGrade.FAIRLY_GOOD);
	}

	@Test
	void eightyIsFairlyGoodSixtyIsAverageAndBelowSixtyIsPoor() {
		assertThat(policy.grade(d("80"))).isEqualTo(SecretaryGrade.FAIRLY_GOOD);
		assertThat(policy.grade(d("79.99"))).isEqualTo(SecretaryGrade.AVERAGE);
		assertThat(policy.grade(d("60"))).isEqualTo(SecretaryGrade.AVERAGE);
		assertThat(policy.grade(d("59.99"))).isEqualTo(SecretaryGrade.POOR);
		assertThat(policy.grade(BigDecimal.ZERO)).isEqualTo(SecretaryGrade.POOR);
	}

	@Test
	void gradesFollowTheCountysSettings() {
		SecretaryAppraisalPolicy strict = new SecretaryAppraisalPolicy(
				RuleSettings.defaults().with(RuleCatalog.SECRETARY_APPRAISAL_GOOD_AT.name(), 95));
		assertThat(strict.grade(d("94"))).isEqualTo(SecretaryGrade.FAIRLY_GOOD);
	}

	@Test
	void aGoodSecretaryEarnsTheRedFlagWithoutInterview() {
		SecretaryAppraisalPolicy.Outcome o = policy.atFinalization(d("92"));
		assertThat(o.award()).isEqualTo(AppraisalAward.RED_FLAG);
		assertThat(o.interview()).isFalse();
	}

	@Test
	void aFairlyGoodSecretaryGetsNeitherFlagNorCard() {
		SecretaryAppraisalPolicy.Outcome o = policy.atFinalization(d("85"));
		assertThat(o.award()).isNull();
		assertThat(o.interview()).isFalse();
	}

	@Test
	void averageAndPoorSecretariesGetTheYellowCardAndAnInterview() {
		for (String score : new String[] { "79", "60", "59.5", "0" }) {
			SecretaryAppraisalPolicy.Outcome o = policy.atFinalization(d(score));
			assertThat(o.award()).as(score).isEqualTo(AppraisalAward.YELLOW_CARD);
			assertThat(o.interview()).as(score).isTrue();
		}
	}

	@Test
	void aScoreIsZeroToOneHundredWithTwoDecimals() {
		assertThat(SecretaryAppraisalPolicy.scoreRefusal(d("0"))).isNull();
		assertThat(SecretaryAppraisalPolicy.scoreRefusal(d("100"))).isNull();
		assertThat(SecretaryAppraisalPolicy.scoreRefusal(d("88.25"))).isNull();
		assertThat(SecretaryAppraisalPolicy.scoreRefusal(d("100.01"))).contains("0到100");
		assertThat(SecretaryAppraisalPolicy.scoreRefusal(d("-1"))).contains("0到100");
		assertThat(SecretaryAppraisalPolicy.scoreRefusal(d("80.125"))).contains("两位小数");
		assertThat(SecretaryAppraisalPolicy.scoreRefusal(null)).contains("请填写");
	}

	@Test
	void aFinalizedAppraisalIsNotChanged() {
		assertThat(SecretaryAppraisalPolicy.changeRefusal(true, 2025)).contains("已定稿");
		assertThat(SecretaryAppraisalPolicy.changeRefusal(false, 2025)).isNull();
	}
}
