package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiceng.orglife.MembershipPeriods.Stay;
import cn.jiceng.orglife.MembershipPeriods.Transfer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MembershipPeriodsTest {

	private static final long OLD = 11L;
	private static final long NEW = 22L;
	private static final long THIRD = 33L;

	@Test
	void monthsBeforeJoiningAreNotTheMembers() {
		MembershipPeriods periods = MembershipPeriods.of(OLD, LocalDate.of(2025, 3, 15), List.of());

		assertThat(periods.belongsToBranchInMonth(OLD, YearMonth.of(2025, 2))).isFalse();
		assertThat(periods.branchInMonth(YearMonth.of(2025, 2))).isEmpty();
		assertThat(periods.branchOn(LocalDate.of(2025, 3, 14))).isEmpty();
		assertThat(periods.branchOn(LocalDate.of(2025, 3, 15))).isEqualTo(OptionalLong.of(OLD));
		// The month of joining is the member's: they are in the branch when it closes.
		assertThat(periods.belongsToBranchInMonth(OLD, YearMonth.of(2025, 3))).isTrue();
	}

	@Test
	void transferredMemberBelongsToNewBranchFromTransferDate() {
		MembershipPeriods periods = MembershipPeriods.of(OLD, LocalDate.of(2020, 1, 1),
				List.of(new Transfer(NEW, LocalDate.of(2025, 4, 10))));

		assertThat(periods.isInBranchOn(OLD, LocalDate.of(2025, 4, 9))).isTrue();
		assertThat(periods.isInBranchOn(NEW, LocalDate.of(2025, 4, 9))).isFalse();
		assertThat(periods.isInBranchOn(NEW, LocalDate.of(2025, 4, 10))).isTrue();
		assertThat(periods.isInBranchOn(OLD, LocalDate.of(2025, 4, 10))).isFalse();
		assertThat(periods.belongsToBranchInMonth(OLD, YearMonth.of(2025, 3))).isTrue();
		assertThat(periods.belongsToBranchInMonth(NEW, YearMonth.of(2025, 3))).isFalse();
		assertThat(periods.belongsToBranchInMonth(NEW, YearMonth.of(2025, 5))).isTrue();
		assertThat(periods.stays()).containsExactly(
				new Stay(OLD, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 4, 10)),
				new Stay(NEW, LocalDate.of(2025, 4, 10), null));
	}

	@Test
	void monthSplitByTransferBelongsToTheBranchOnItsLastDay() {
		MembershipPeriods periods = MembershipPeriods.of(OLD, LocalDate.of(2020, 1, 1),
				List.of(new Transfer(NEW, LocalDate.of(2025, 4, 30))));

		assertThat(periods.belongsToBranchInMonth(NEW, YearMonth.of(2025, 4))).isTrue();
		assertThat(periods.belongsToBranchInMonth(OLD, YearMonth.of(2025, 4))).isFalse();
		assertThat(periods.monthsIn(OLD, 2025)).hasSize(3).last().isEqualTo(YearMonth.of(2025, 3));
		assertThat(periods.monthsIn(NEW, 2025)).hasSize(9).first().isEqualTo(YearMonth.of(2025, 4));
	}

	@Test
	void memberWhoLeftKeepsTheMonthOfLeavingInTheirLastBranch() {
		MembershipPeriods periods = MembershipPeriods.of(OLD, LocalDate.of(2020, 1, 1), List.of(),
				LocalDate.of(2025, 6, 10));

		assertThat(periods.isInBranchOn(OLD, LocalDate.of(2025, 6, 9))).isTrue();
		assertThat(periods.branchOn(LocalDate.of(2025, 6, 10))).isEmpty();
		assertThat(periods.belongsToBranchInMonth(OLD, YearMonth.of(2025, 6))).isTrue();
		assertThat(periods.belongsToBranchInMonth(OLD, YearMonth.of(2025, 7))).isFalse();
	}

	@Test
	void transfersApplyInDateOrderWhateverTheListOrder() {
		MembershipPeriods periods = MembershipPeriods.of(OLD, LocalDate.of(2024, 1, 1), List.of(
				new Transfer(THIRD, LocalDate.of(2025, 8, 1)),
				new Transfer(NEW, LocalDate.of(2025, 2, 1))));

		assertThat(periods.branchOn(LocalDate.of(2025, 5, 5))).isEqualTo(OptionalLong.of(NEW));
		assertThat(periods.branchOn(LocalDate.of(2025, 9, 1))).isEqualTo(OptionalLong.of(THIRD));
		assertThat(periods.stays()).extracting(Stay::branchId).containsExactly(OLD, NEW, THIRD);
	}

	@Test
	void transferAwayAndBackOnOneDayKeepsOneStay() {
		LocalDate day = LocalDate.of(2025, 2, 1);
		MembershipPeriods periods = MembershipPeriods.of(OLD, LocalDate.of(2024, 1, 1), List.of(
				new Transfer(NEW, day), new Transfer(OLD, day)));

		assertThat(periods.stays()).containsExactly(new Stay(OLD, LocalDate.of(2024, 1, 1), null));
	}

	@Test
	void transferBeforeJoiningIsRejected() {
		assertThatThrownBy(() -> MembershipPeriods.of(OLD, LocalDate.of(2025, 3, 1),
				List.of(new Transfer(NEW, LocalDate.of(2025, 2, 1)))))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
