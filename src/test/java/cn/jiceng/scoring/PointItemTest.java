package cn.jiceng.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class PointItemTest {

	@Test
	void itemWithoutCapNeverHitsOne() {
		PointItem item = new PointItem("ARTICLE", "撰写心得", 3, null, false);

		assertThat(item.capProblem(1_000)).isNull();
		assertThat(item.bonus()).isTrue();
	}

	@Test
	void capBelowOneClaimIsRefusedWhenTheItemIsDefined() {
		assertThatThrownBy(() -> new PointItem("LECTURE", "微党课", 5, 4, false))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("年度上限 4");
	}

	@Test
	void codeMustBeAnUpperCaseCodeAndPointsNonZero() {
		assertThatThrownBy(() -> new PointItem("bad code", "项目", 1, null, false))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PointItem("ZERO", "零分", 0, null, false))
				.isInstanceOf(IllegalArgumentException.class);
		assertThat(new PointItem("SANCTION", "受到党纪处分", 0, null, true).veto()).isTrue();
	}

	@Test
	void approvedClaimBecomesAnEntryAtTheEndOfItsMonth() {
		PointItem item = new PointItem("VOLUNTEER", "志愿服务", 5, 10, false);
		PointClaim claim = new PointClaim(100, YearMonth.of(2025, 2), "VOLUNTEER", 1, ClaimStatus.APPROVED);

		ScoreEntry entry = ClaimScoring.entryFor(claim, item).orElseThrow();

		assertThat(entry.date()).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(entry.source()).isEqualTo(EntrySource.POINT_CLAIM);
		assertThat(entry.points()).isEqualTo(5);
		assertThat(entry.reason()).isEqualTo("2025-02 积分申报：志愿服务 +5");
		assertThat(entry.veto()).isFalse();
	}

	@Test
	void pendingAndRejectedClaimsGiveNoEntry() {
		PointItem item = new PointItem("VOLUNTEER", "志愿服务", 5, 10, false);

		assertThat(ClaimScoring.entryFor(
				new PointClaim(100, YearMonth.of(2025, 2), "VOLUNTEER", 1, ClaimStatus.PENDING), item)).isEmpty();
		assertThat(ClaimScoring.entryFor(
				new PointClaim(100, YearMonth.of(2025, 2), "VOLUNTEER", 1, ClaimStatus.REJECTED), item)).isEmpty();
	}

	@Test
	void approvedVetoClaimBecomesAVetoEntry() {
		PointItem sanction = new PointItem("SANCTION", "受到党纪处分", 0, null, true);
		PointClaim claim = new PointClaim(100, YearMonth.of(2025, 7), "SANCTION", 7, ClaimStatus.APPROVED);

		ScoreEntry entry = ClaimScoring.entryFor(claim, sanction).orElseThrow();

		assertThat(entry.veto()).isTrue();
		assertThat(entry.reason()).isEqualTo("2025-07 积分申报：受到党纪处分（一票否决）");
	}

	@Test
	void unknownSourceCodeKeepsItsOwnLabel() {
		assertThat(EntrySource.label(EntrySource.CADRE_LOG)).isEqualTo("日志日销");
		assertThat(EntrySource.label("HOUSEHOLD_VISIT")).isEqualTo("HOUSEHOLD_VISIT");
		assertThat(ScoreEntry.of(LocalDate.of(2025, 1, 1), "HOUSEHOLD_VISIT", -1, "未走访").source())
				.isEqualTo("HOUSEHOLD_VISIT");
		assertThatThrownBy(() -> ScoreEntry.of(LocalDate.of(2025, 1, 1), "visit", -1, "未走访"))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
