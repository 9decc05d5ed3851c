package cn.jiceng.member;

import java.time.LocalDate;
import java.util.Objects;

import cn.jiceng.common.SqlCodes;

/**
 * When a member is on the county roll (SPEC.md §4.2): from {@code joinedOn} until {@code leftOn}, exclusive, the
 * day a status off the roll (transferred out, deceased) took effect ({@code status_changed_on}); null while on the
 * roll, or when the date of leaving was not recorded. A membership that ended on or before the day it began is
 * empty: never on the roll.
 *
 * <p>The same rule as SQL over {@code member m} comes from the {@code sql…} methods, so the set-based reads
 * (vanguard index, four colors, compliance) and the per-member path share one definition.
 */
public record RollMembership(LocalDate joinedOn, LocalDate leftOn) {

	public RollMembership {
		Objects.requireNonNull(joinedOn, "joinedOn");
	}

	public static RollMembership of(LocalDate joinedOn, MemberStatus status, LocalDate statusChangedOn) {
		Objects.requireNonNull(status, "status");
		return new RollMembership(joinedOn, status.onRoll() ? null : statusChangedOn);
	}

	public boolean isEmpty() {
		return leftOn != null && !leftOn.isAfter(joinedOn);
	}

	/** On the roll on at least one day from {@code from} to {@code to}, both inclusive. */
	public boolean onRollDuring(LocalDate from, LocalDate to) {
		return !isEmpty() && !joinedOn.isAfter(to) && (leftOn == null || leftOn.isAfter(from));
	}

	/** Not gone by the end of {@code day}: still on the roll that day if they had joined. */
	public boolean notLeftBy(LocalDate day) {
		return leftOn == null || leftOn.isAfter(day);
	}

	/** {@code leftOn} of {@code member m} as a SQL expression. */
	public static String sqlLeftOn() {
		return "CASE WHEN " + MemberStatus.sqlOffRoll("m.status") + " THEN m.status_changed_on END";
	}

	/**
	 * {@link #onRollDuring} as a condition on {@code member m}; {@code from} and {@code to} are SQL date expressions
	 * (e.g. {@code CAST(:yearStart AS date)}).
	 */
	public static String sqlOnRollDuring(String from, String to) {
		return """
				m.joined_on <= %2$s
				AND (%3$s OR m.status_changed_on IS NULL
				     OR (m.status_changed_on > %1$s AND m.status_changed_on > m.joined_on))"""
			.formatted(from, to, notOffRoll());
	}

	/**
	 * {@link #notLeftBy} as a condition on {@code member m}. Unknown for a member off the roll without a recorded
	 * date (SQL null where the rule says not left), so callers must treat null as "cannot tell", not as false.
	 */
	public static String sqlNotLeftBy(String day) {
		return "(" + notOffRoll() + " OR m.status_changed_on > " + day + ")";
	}

	private static String notOffRoll() {
		return SqlCodes.notIn("m.status", MemberStatus.offRollStatuses());
	}
}
