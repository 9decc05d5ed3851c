package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

class StarPolicyTest {

	private final StarPolicy policy = new StarPolicy(RuleSettings.defaults());

	@Test
	void scoreOf90GivesFiveStarsAndJustBelowGivesFour() {
		assertThat(policy.band(new BigDecimal("90"))).isEqualTo(5);
		assertThat(policy.band(new BigDecimal("89.99"))).isEqualTo(4);
	}

	@Test
	void theScoreRoundsHalfUpToTwoDecimalsBeforeBanding() {
		assertThat(policy.band(new BigDecimal("89.995"))).isEqualTo(5);
		assertThat(policy.band(new BigDecimal("79.994"))).isEqualTo(3);
	}

	@Test
	void bandsFollowTheDefaultsDownToOneStar() {
		assertThat(policy.band(new BigDecimal("80"))).isEqualTo(4);
		assertThat(policy.band(new BigDecimal("70"))).isEqualTo(3);
		assertThat(policy.band(new BigDecimal("60"))).isEqualTo(2);
		assertThat(policy.band(new BigDecimal("59.99"))).isEqualTo(1);
		assertThat(policy.band(BigDecimal.ZERO)).isEqualTo(1);
	}

	@Test
	void bandsFollowTheCountysSettings() {
		StarPolicy strict = new StarPolicy(RuleSettings.defaults().with(RuleCatalog.STAR_FIVE_AT.name(), 95));
		assertThat(strict.band(new BigDecimal("94"))).isEqualTo(4);
	}

	@Test
	void aWeakAndLaxOrganizationIsCappedAtTwoStarsWhenRead() {
		StarPolicy.Stars read = policy.asRead(5, true);
		assertThat(read.stars()).isEqualTo(2);
		assertThat(read.capped()).isTrue();
		assertThat(read.reason()).contains("软弱涣散");
		assertThat(policy.asRead(5, false).stars()).isEqualTo(5);
		assertThat(policy.asRead(1, true).capped()).isFalse();
	}

	@Test
	void theCapFollowsTheSetting() {
		StarPolicy three = new StarPolicy(RuleSettings.defaults().with(RuleCatalog.WEAK_LAX_MAX_STARS.name(), 3));
		assertThat(three.asRead(5, true).stars()).isEqualTo(3);
	}

	@Test
	void aRevocationLowersByOneOrToTheChosenStars() {
		assertThat(policy.revoke(4, null).toStars()).isEqualTo(3);
		assertThat(policy.revoke(4, 2).toStars()).isEqualTo(2);
	}

	@Test
	void aRevocationNeverRaisesNorGoesBelowOneStar() {
		assertThat(policy.revoke(1, null).allowed()).isFalse();
		assertThat(policy.revoke(3, 3).allowed()).isFalse();
		assertThat(policy.revoke(3, 4).reason()).contains("应低于");
		assertThat(policy.revoke(3, 0).allowed()).isFalse();
	}

	@Test
	void confirmationNeedsTheTownshipsReviewFirst() {
		assertThat(StarPolicy.refusal(StarStatus.SELF_ASSESSED, StarPolicy.Step.CONFIRM)).contains("乡镇");
		assertThat(StarPolicy.refusal(StarStatus.REVIEWED, StarPolicy.Step.CONFIRM)).isNull();
		assertThat(StarPolicy.refusal(StarStatus.CONFIRMED, StarPolicy.Step.CONFIRM)).isNotNull();
	}

	@Test
	void onlyConfirmedAssessmentsArePublishedAndOnlyRatedOnesRevoked() {
		assertThat(StarPolicy.refusal(StarStatus.CONFIRMED, StarPolicy.Step.PUBLISH)).isNull();
		assertThat(StarPolicy.refusal(StarStatus.REVIEWED, StarPolicy.Step.PUBLISH)).isNotNull();
		assertThat(StarPolicy.refusal(StarStatus.PUBLISHED, StarPolicy.Step.REVOKE)).isNull();
		assertThat(StarPolicy.refusal(StarStatus.REVIEWED, StarPolicy.Step.REVOKE)).isNotNull();
		assertThat(StarPolicy.refusal(StarStatus.CONFIRMED, StarPolicy.Step.REVIEW)).isNotNull();
		assertThat(StarPolicy.refusal(StarStatus.REVIEWED, StarPolicy.Step.REVIEW)).isNull();
	}
}
