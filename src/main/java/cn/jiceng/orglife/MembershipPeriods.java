package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A member's stays in branches (SPEC.md §4.2): the creating branch from {@code joinedOn}, each transfer's
 * branch from {@code transferredOn}; the old branch keeps the days before.
 *
 * <p>A month split by a transfer is attributed to exactly one branch: the one the member is in on the last
 * day of the month they are a member (the month's last day, or their last day if they left during it).
 * One owner per month keeps the four-color chart and its distribution free of double counting, and the
 * owner is the branch responsible for the member when the month closes. So the month of joining (or of a
 * transfer in) belongs to the new branch, and a member who left during a month still owns it in the branch
 * they left from.
 */
final class MembershipPeriods {

	/** {@code to} is exclusive; null while the stay lasts. */
	public record Stay(long branchId, LocalDate from, LocalDate to) {

		public Stay {
			Objects.requireNonNull(from, "from");
			if (to != null && !to.isAfter(from)) {
				throw new IllegalArgumentException("stay must end after it starts: " + from + " → " + to);
			}
		}

		public boolean contains(LocalDate date) {
			return !date.isBefore(from) && (to == null || date.isBefore(to));
		}

		/** Last day of this stay within the month, or null when the stay does not touch the month. */
		LocalDate lastDayIn(YearMonth month) {
			LocalDate monthEnd = month.atEndOfMonth();
			LocalDate last = to == null || to.isAfter(monthEnd) ? monthEnd : to.minusDays(1);
			return last.isBefore(month.atDay(1)) || last.isBefore(from) ? null : last;
		}
	}

	public record Transfer(long toBranchId, LocalDate transferredOn) {

		public Transfer {
			Objects.requireNonNull(transferredOn, "transferredOn");
		}
	}

	private final List<Stay> stays;

	private MembershipPeriods(List<Stay> stays) {
		this.stays = List.copyOf(stays);
	}

	public static MembershipPeriods of(long branchId, LocalDate joinedOn, List<Transfer> transfers) {
		return of(branchId, joinedOn, transfers, null);
	}

	/**
	 * {@code leftOn} (exclusive, nullable) ends the last stay: transferred out of the county, deceased, lost
	 * membership. Transfers on the same date apply in list order.
	 */
	public static MembershipPeriods of(long branchId, LocalDate joinedOn, List<Transfer> transfers, LocalDate leftOn) {
		Objects.requireNonNull(joinedOn, "joinedOn");
		if (leftOn != null && !leftOn.isAfter(joinedOn)) {
			throw new IllegalArgumentException("left on " + leftOn + " but joined on " + joinedOn);
		}
		List<Transfer> ordered = new ArrayList<>(transfers);
		ordered.sort(Comparator.comparing(Transfer::transferredOn)); // stable: same-day transfers keep list order
		List<Stay> stays = new ArrayList<>();
		long current = branchId;
		LocalDate since = joinedOn;
		for (Transfer transfer : ordered) {
			LocalDate on = transfer.transferredOn();
			if (on.isBefore(joinedOn)) {
				throw new IllegalArgumentException("transfer on " + on + " before joining on " + joinedOn);
			}
			if (leftOn != null && !on.isBefore(leftOn)) {
				throw new IllegalArgumentException("transfer on " + on + " after leaving on " + leftOn);
			}
			if (transfer.toBranchId() == current) {
				continue;
			}
			if (on.isAfter(since)) {
				append(stays, new Stay(current, since, on));
				since = on;
			}
			current = transfer.toBranchId();
		}
		append(stays, new Stay(current, since, leftOn));
		return new MembershipPeriods(stays);
	}

	// A transfer away and back on the same day leaves two adjacent stays in one branch: keep them as one.
	private static void append(List<Stay> stays, Stay next) {
		if (!stays.isEmpty()) {
			Stay last = stays.get(stays.size() - 1);
			if (last.branchId() == next.branchId() && next.from().equals(last.to())) {
				stays.set(stays.size() - 1, new Stay(last.branchId(), last.from(), next.to()));
				return;
			}
		}
		stays.add(next);
	}

	public List<Stay> stays() {
		return stays;
	}

	public OptionalLong branchOn(LocalDate date) {
		Objects.requireNonNull(date, "date");
		for (Stay stay : stays) {
			if (stay.contains(date)) {
				return OptionalLong.of(stay.branchId());
			}
		}
		return OptionalLong.empty();
	}

	public boolean isInBranchOn(long branchId, LocalDate date) {
		OptionalLong branch = branchOn(date);
		return branch.isPresent() && branch.getAsLong() == branchId;
	}

	/** The branch that owns the month for this member (see the class comment), empty before joining or after leaving. */
	public OptionalLong branchInMonth(YearMonth month) {
		Objects.requireNonNull(month, "month");
		// Stays are in date order, so the last one touching the month holds the member's last day in it.
		for (int i = stays.size() - 1; i >= 0; i--) {
			if (stays.get(i).lastDayIn(month) != null) {
				return OptionalLong.of(stays.get(i).branchId());
			}
		}
		return OptionalLong.empty();
	}

	public boolean belongsToBranchInMonth(long branchId, YearMonth month) {
		OptionalLong branch = branchInMonth(month);
		return branch.isPresent() && branch.getAsLong() == branchId;
	}

	/** Months of {@code year} that are the member's in the branch, in order. */
	public List<YearMonth> monthsIn(long branchId, int year) {
		List<YearMonth> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(year, m);
			if (belongsToBranchInMonth(branchId, month)) {
				months.add(month);
			}
		}
		return months;
	}
}
