package cn.jiceng.member;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollMembershipTest {

	private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
	private static final LocalDate DEC_31 = LocalDate.of(2025, 12, 31);

	private static RollMembership member(String joinedOn, MemberStatus status, String changedOn) {
		return RollMembership.of(LocalDate.parse(joinedOn), status, changedOn == null ? null : LocalDate.parse(changedOn));
	}

	@Test
	void aMemberOnTheRollHasNoLastDayWhateverTheirStatusDateSays() {
		assertThat(member("2020-06-01", MemberStatus.SUSPENDED, "2024-03-01").leftOn()).isNull();
		assertThat(member("2020-06-01", MemberStatus.LOST_CONTACT, "2024-03-01").onRollDuring(JAN_1, DEC_31)).isTrue();
	}

	@Test
	void theDayAStatusOffTheRollTookEffectIsNoLongerTheMembers() {
		assertThat(member("2020-06-01", MemberStatus.TRANSFERRED_OUT, "2025-01-01").onRollDuring(JAN_1, DEC_31)).isFalse();
		assertThat(member("2020-06-01", MemberStatus.DECEASED, "2025-01-02").onRollDuring(JAN_1, DEC_31)).isTrue();
	}

	@Test
	void aMemberWhoJoinsOnTheLastDayOfThePeriodIsOnTheRollDuringIt() {
		assertThat(member("2025-12-31", MemberStatus.NORMAL, null).onRollDuring(JAN_1, DEC_31)).isTrue();
		assertThat(member("2026-01-01", MemberStatus.NORMAL, null).onRollDuring(JAN_1, DEC_31)).isFalse();
	}

	@Test
	void aMembershipThatEndedTheDayItBeganIsNeverOnTheRoll() {
		RollMembership empty = member("2025-03-01", MemberStatus.TRANSFERRED_OUT, "2025-03-01");
		assertThat(empty.isEmpty()).isTrue();
		assertThat(empty.onRollDuring(JAN_1, DEC_31)).isFalse();
	}

	@Test
	void aMemberOffTheRollWithoutARecordedDateCountsAsStillOnIt() {
		RollMembership undated = member("2020-06-01", MemberStatus.TRANSFERRED_OUT, null);
		assertThat(undated.onRollDuring(JAN_1, DEC_31)).isTrue();
		assertThat(undated.notLeftBy(DEC_31)).isTrue();
	}

	@Test
	void aMemberWhoLeavesTheDayAfterThePeriodIsNotGoneByItsEnd() {
		assertThat(member("2020-06-01", MemberStatus.DECEASED, "2026-01-01").notLeftBy(DEC_31)).isTrue();
		assertThat(member("2020-06-01", MemberStatus.DECEASED, "2025-12-31").notLeftBy(DEC_31)).isFalse();
	}

	@Test
	void theRollStatusesAreThoseTheEnumCallsOnTheRoll() {
		assertThat(MemberStatus.sqlOnRoll("m.status")).isEqualTo("m.status IN ('NORMAL', 'SUSPENDED', 'LOST_CONTACT')");
		assertThat(MemberStatus.sqlOffRoll("m.status")).isEqualTo("m.status IN ('TRANSFERRED_OUT', 'DECEASED', 'PROBATION_CANCELLED')");
	}
}
