package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.orglife.FourColorPolicy.ThemedDayAttendance;
import cn.jiceng.orglife.MembershipPeriods.Transfer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FourColorPolicyTest {

	private static final long BRANCH = 7L;
	private static final long OTHER = 8L;
	private static final YearMonth MARCH = YearMonth.of(2025, 3);
	private static final LocalDate APRIL_2 = LocalDate.of(2025, 4, 2);
	private static final LocalDate THEMED = LocalDate.of(2025, 3, 10);

	private final FourColorPolicy policy = new FourColorPolicy();

	private MonthColor colorAt(AttendanceStatus... statuses) {
		List<ThemedDayAttendance> attendances = new ArrayList<>();
		for (int i = 0; i < statuses.length; i++) {
			attendances.add(new ThemedDayAttendance(MARCH.atDay(5 + 10 * i), statuses[i]));
		}
		return policy.colorOf(MARCH, APRIL_2, attendances);
	}

	@Test
	void absentMemberOnThemedDayTurnsBlack() {
		MonthColor color = colorAt(AttendanceStatus.ABSENT);

		assertThat(color.colorIfApplicable()).contains(FourColor.BLACK);
		assertThat(color.reason()).startsWith("2025-03 主题党日缺席");
	}

	@Test
	void leaveTurnsPink() {
		assertThat(colorAt(AttendanceStatus.LEAVE).colorIfApplicable()).contains(FourColor.PINK);
	}

	@Test
	void lateOrEarlyTurnsGreen() {
		assertThat(colorAt(AttendanceStatus.LATE_OR_EARLY).colorIfApplicable()).contains(FourColor.GREEN);
	}

	@Test
	void presentOrRemoteTurnsRed() {
		assertThat(colorAt(AttendanceStatus.PRESENT).colorIfApplicable()).contains(FourColor.RED);
		MonthColor remote = colorAt(AttendanceStatus.REMOTE);
		assertThat(remote.colorIfApplicable()).contains(FourColor.RED);
		assertThat(remote.reason()).contains("三信联系");
	}

	@Test
	void worstOfSeveralThemedDaysCounts() {
		MonthColor color = colorAt(AttendanceStatus.PRESENT, AttendanceStatus.LATE_OR_EARLY, AttendanceStatus.LEAVE);

		assertThat(color.colorIfApplicable()).contains(FourColor.GREEN);
		assertThat(color.reason()).contains("2025-03-05 出席", "2025-03-15 迟到早退", "2025-03-25 请假", "取最差：绿");
		assertThat(colorAt(AttendanceStatus.LEAVE, AttendanceStatus.ABSENT).colorIfApplicable())
				.contains(FourColor.BLACK);
	}

	@Test
	void severityRunsRedPinkGreenBlackWithNoneBelowAll() {
		assertThat(FourColor.BLACK.isWorseThan(FourColor.GREEN)).isTrue();
		assertThat(FourColor.GREEN.isWorseThan(FourColor.PINK)).isTrue();
		assertThat(FourColor.PINK.isWorseThan(FourColor.RED)).isTrue();
		assertThat(FourColor.RED.isWorseThan(FourColor.NONE)).isTrue();
		assertThat(FourColor.worst(List.of(FourColor.PINK, FourColor.RED))).isEqualTo(FourColor.PINK);
	}

	@Test
	void monthWithoutThemedDayIsNone() {
		MonthColor color = policy.colorOf(MARCH, APRIL_2, List.of());

		assertThat(color).isInstanceOf(MonthColor.Colored.class);
		assertThat(color.colorIfApplicable()).contains(FourColor.NONE);
		assertThat(color.reason()).contains("支部未召开主题党日");
	}

	@Test
	void currentMonthHasNoColorYet() {
		MonthColor color = policy.colorOf(MARCH, LocalDate.of(2025, 3, 31),
				List.of(new ThemedDayAttendance(THEMED, AttendanceStatus.ABSENT)));

		assertThat(color).isInstanceOf(MonthColor.NotApplicable.class);
		assertThat(color.colorIfApplicable()).isEmpty();
		assertThat(color.reason()).contains("尚未结束");
	}

	@Test
	void monthBeforeJoiningHasNoColorEvenWithoutThemedDay() {
		MembershipPeriods periods = MembershipPeriods.of(BRANCH, LocalDate.of(2025, 4, 1), List.of());

		MonthColor color = policy.colorOf(BRANCH, MARCH, APRIL_2, periods, List.of(), day -> AttendanceStatus.ABSENT);

		assertThat(color).isInstanceOf(MonthColor.NotApplicable.class);
		assertThat(color.reason()).contains("不是该党员在本支部的月份");
	}

	@Test
	void memberColorComesFromTheBranchThatOwnsTheMonth() {
		MembershipPeriods periods = MembershipPeriods.of(OTHER, LocalDate.of(2020, 1, 1),
				List.of(new Transfer(BRANCH, LocalDate.of(2025, 3, 5))));

		MonthColor color = policy.colorOf(BRANCH, MARCH, APRIL_2, periods, List.of(THEMED),
				day -> AttendanceStatus.LEAVE);

		assertThat(color.colorIfApplicable()).contains(FourColor.PINK);
		assertThat(policy.colorOf(OTHER, MARCH, APRIL_2, periods, List.of(LocalDate.of(2025, 3, 3)),
				day -> AttendanceStatus.PRESENT).colorIfApplicable()).isEmpty();
	}

	@Test
	void themedDayHeldBeforeTransferInIsNeitherNoneNorBlack() {
		MembershipPeriods periods = MembershipPeriods.of(OTHER, LocalDate.of(2020, 1, 1),
				List.of(new Transfer(BRANCH, LocalDate.of(2025, 3, 20))));
		List<LocalDate> asked = new ArrayList<>();

		MonthColor color = policy.colorOf(BRANCH, MARCH, APRIL_2, periods, List.of(THEMED), day -> {
			asked.add(day);
			return AttendanceStatus.ABSENT;
		});

		assertThat(color).isInstanceOf(MonthColor.NotApplicable.class);
		assertThat(color.reason()).contains("尚未转入");
		assertThat(asked).isEmpty();
	}

	@Test
	void onlyThemedDaysWhileAMemberCount() {
		MembershipPeriods periods = MembershipPeriods.of(OTHER, LocalDate.of(2020, 1, 1),
				List.of(new Transfer(BRANCH, LocalDate.of(2025, 3, 12))));

		MonthColor color = policy.colorOf(BRANCH, MARCH, APRIL_2, periods,
				List.of(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 20)),
				day -> day.getDayOfMonth() == 3 ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT);

		assertThat(color.colorIfApplicable()).contains(FourColor.RED);
	}
}
