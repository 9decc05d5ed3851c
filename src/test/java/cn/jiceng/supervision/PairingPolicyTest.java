package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import org.junit.jupiter.api.Test;

class PairingPolicyTest {

	static final PairingPolicy.Rule RULE = new PairingPolicy.Rule(3, 1, 1);

	static Map<String, Integer> quarters(int q1, int q2, int q3, int q4) {
		return Map.of("Q1", q1, "Q2", q2, "Q3", q3, "Q4", q4);
	}

	@Test
	void onlyAnAgencyBranchPairsWithASite() {
		assertThat(PairingPolicy.pairingRefusal(OrgKind.BRANCH, Field.AGENCY)).isNull();
		assertThat(PairingPolicy.pairingRefusal(OrgKind.BRANCH, Field.RURAL)).contains("机关党支部");
		assertThat(PairingPolicy.pairingRefusal(OrgKind.COMMITTEE, Field.AGENCY)).contains("机关党支部");
	}

	@Test
	void aWishCountsInTheQuarterItWasCompleted() {
		Map<String, Integer> q = PairingPolicy.byQuarter(List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1),
				LocalDate.of(2025, 12, 31), LocalDate.of(2024, 12, 31)), 2025);

		assertThat(q).containsExactly(Map.entry("Q1", 1), Map.entry("Q2", 1), Map.entry("Q3", 0), Map.entry("Q4", 1));
	}

	@Test
	void aYearWithThreeServicesAWishEveryQuarterAndADifficultySolvedIsCompliant() {
		var v = PairingPolicy.verdict(new PairingPolicy.Year(2025, 3, quarters(1, 1, 2, 1), 1), RULE,
				LocalDate.of(2026, 1, 1));

		assertThat(v.compliant()).isTrue();
		assertThat(v.shortfalls()).isEmpty();
	}

	@Test
	void aQuarterWithoutACompletedWishMakesTheYearNonCompliantAndSaysWhich() {
		var v = PairingPolicy.verdict(new PairingPolicy.Year(2025, 5, quarters(1, 0, 1, 1), 2), RULE,
				LocalDate.of(2026, 2, 1));

		assertThat(v.compliant()).isFalse();
		assertThat(v.shortfalls()).containsExactly("2025年第2季度完成微心愿0个，少于1个");
	}

	@Test
	void twoServicesOrNoDifficultySolvedMakeTheYearNonCompliant() {
		assertThat(PairingPolicy.verdict(new PairingPolicy.Year(2025, 2, quarters(1, 1, 1, 1), 1), RULE,
				LocalDate.of(2026, 1, 1)).compliant()).isFalse();
		assertThat(PairingPolicy.verdict(new PairingPolicy.Year(2025, 3, quarters(1, 1, 1, 1), 0), RULE,
				LocalDate.of(2026, 1, 1)).compliant()).isFalse();
	}

	@Test
	void whileTheYearRunsTheVerdictIsUnknownButEndedQuartersShowTheirShortfall() {
		var v = PairingPolicy.verdict(new PairingPolicy.Year(2025, 3, quarters(1, 0, 0, 0), 1), RULE,
				LocalDate.of(2025, 8, 15));

		assertThat(v.compliant()).isNull();
		assertThat(v.shortfalls()).containsExactly("2025年第2季度完成微心愿0个，少于1个");
	}

	@Test
	void theLastDayOfTheYearStillBelongsToTheRunningYear() {
		assertThat(PairingPolicy.verdict(new PairingPolicy.Year(2025, 3, quarters(1, 1, 1, 1), 1), RULE,
				LocalDate.of(2025, 12, 31)).compliant()).isNull();
	}

	@Test
	void theSettingsRaiseTheCounts() {
		var v = PairingPolicy.verdict(new PairingPolicy.Year(2025, 3, quarters(1, 1, 1, 1), 1),
				new PairingPolicy.Rule(4, 2, 2), LocalDate.of(2026, 1, 1));

		assertThat(v.compliant()).isFalse();
		assertThat(v.shortfalls()).hasSize(6);
	}

	@Test
	void aWishIsClaimedOnceAndCompletedOnlyAfterItsClaim() {
		assertThat(PairingPolicy.claimConflict(WishStatus.POSTED)).isNull();
		assertThat(PairingPolicy.claimConflict(WishStatus.CLAIMED)).contains("已被认领");
		assertThat(PairingPolicy.claimConflict(WishStatus.COMPLETED)).contains("已被认领");
		assertThat(PairingPolicy.completeConflict(WishStatus.CLAIMED)).isNull();
		assertThat(PairingPolicy.completeConflict(WishStatus.POSTED)).contains("尚未认领");
		assertThat(PairingPolicy.completeConflict(WishStatus.COMPLETED)).contains("已经完成");
	}
}
