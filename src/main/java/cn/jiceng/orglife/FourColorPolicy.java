package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Four colors (SPEC.md §4.2, 四色纪实法): from the effective statuses at the month's themed days, RED for
 * PRESENT/REMOTE, PINK for LEAVE, GREEN for LATE_OR_EARLY, BLACK for ABSENT; the worst when several; NONE
 * when the branch held none; no color at all for a month that is not the member's or has not ended.
 */
final class FourColorPolicy {

	public record ThemedDayAttendance(LocalDate heldOn, AttendanceStatus status) {

		public ThemedDayAttendance {
			Objects.requireNonNull(heldOn, "heldOn");
			Objects.requireNonNull(status, "status");
		}
	}

	/**
	 * The member's cell in a branch's chart.
	 *
	 * @param themedDaysHeld every themed day the branch held in {@code month}
	 * @param effectiveStatusOn the member's effective status at the themed day of that date (see
	 *        {@link AttendanceResolution}); asked only for days the member belonged to the branch
	 */
	public MonthColor colorOf(long branchId, YearMonth month, LocalDate today, MembershipPeriods periods,
			List<LocalDate> themedDaysHeld, Function<LocalDate, AttendanceStatus> effectiveStatusOn) {
		Objects.requireNonNull(month, "month");
		Objects.requireNonNull(today, "today");
		Objects.requireNonNull(periods, "periods");
		Objects.requireNonNull(effectiveStatusOn, "effectiveStatusOn");
		requireInMonth(month, themedDaysHeld);
		if (!periods.belongsToBranchInMonth(branchId, month)) {
			return new MonthColor.NotApplicable(month, month + " 不是该党员在本支部的月份");
		}
		if (!hasEnded(month, today)) {
			return notEnded(month);
		}
		List<ThemedDayAttendance> attendances = new ArrayList<>();
		for (LocalDate heldOn : themedDaysHeld) {
			if (periods.isInBranchOn(branchId, heldOn)) {
				attendances.add(new ThemedDayAttendance(heldOn, effectiveStatusOn.apply(heldOn)));
			}
		}
		if (attendances.isEmpty() && !themedDaysHeld.isEmpty()) {
			// The branch did hold its themed day, just not while the member belonged to it: neither the
			// branch's failure (NONE) nor the member's absence (BLACK).
			return new MonthColor.NotApplicable(month, month + " 主题党日召开时该党员尚未转入或已转出本支部");
		}
		return colorOf(month, today, attendances);
	}

	/**
	 * For a month already known to be the member's: the effective statuses at the themed days held while
	 * they belonged to the branch. None → NONE.
	 */
	public MonthColor colorOf(YearMonth month, LocalDate today, List<ThemedDayAttendance> attendances) {
		Objects.requireNonNull(month, "month");
		Objects.requireNonNull(today, "today");
		requireInMonth(month, attendances.stream().map(ThemedDayAttendance::heldOn).toList());
		if (!hasEnded(month, today)) {
			return notEnded(month);
		}
		if (attendances.isEmpty()) {
			return new MonthColor.Colored(month, FourColor.NONE, month + " 支部未召开主题党日（支部责任，不计党员本人）");
		}
		if (attendances.size() == 1) {
			AttendanceStatus status = attendances.get(0).status();
			FourColor color = FourColor.of(status);
			return new MonthColor.Colored(month, color, month + " 主题党日" + status.label() + "（" + color.label() + "）");
		}
		FourColor worst = FourColor.worst(attendances.stream().map(a -> FourColor.of(a.status())).toList());
		String each = attendances.stream()
				.map(a -> a.heldOn() + " " + a.status().label())
				.collect(Collectors.joining("、"));
		return new MonthColor.Colored(month, worst,
				month + " 召开" + attendances.size() + "次主题党日（" + each + "），取最差：" + worst.label());
	}

	private static MonthColor notEnded(YearMonth month) {
		return new MonthColor.NotApplicable(month, month + " 尚未结束，暂不评定");
	}

	// A month has ended once today lies in a later month.
	private static boolean hasEnded(YearMonth month, LocalDate today) {
		return month.isBefore(YearMonth.from(today));
	}

	private static void requireInMonth(YearMonth month, List<LocalDate> dates) {
		for (LocalDate date : dates) {
			if (!YearMonth.from(date).equals(month)) {
				throw new IllegalArgumentException("themed day " + date + " is not in " + month);
			}
		}
	}
}
