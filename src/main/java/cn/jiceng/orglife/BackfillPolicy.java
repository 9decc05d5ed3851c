package cn.jiceng.orglife;

import static cn.jiceng.settings.RuleCatalog.BACKFILL_DAYS;

import cn.jiceng.access.Role;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Controlled late entry (SPEC.md §4.2): a meeting recorded more than {@code backfillDays} after it was held
 * is back-filled and needs a township-or-higher account; records of a closed year only change by the county.
 * Whether the caller may record for this branch at all is data scope, checked elsewhere.
 */
final class BackfillPolicy {

	public enum Refusal {
		/** 403. */
		NEEDS_TOWNSHIP_ACCOUNT,
		/** 403. */
		YEAR_CLOSED,
		/** 400: a record is of a meeting that took place; plans live elsewhere. */
		HELD_IN_FUTURE
	}

	public sealed interface Decision {

		String reason();

		boolean allowed();

		/** {@code backfilled} is stored with the record (API field {@code backfilled}). */
		record Accepted(boolean backfilled, long daysAfterHeld, String reason) implements Decision {

			@Override
			public boolean allowed() {
				return true;
			}
		}

		record Refused(Refusal refusal, String reason) implements Decision {

			@Override
			public boolean allowed() {
				return false;
			}
		}
	}

	private final RuleSettings settings;

	public BackfillPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** @param heldYearClosed the year of {@code heldOn} has been closed */
	public Decision mayRecord(LocalDate heldOn, LocalDate recordedOn, Role role, boolean heldYearClosed) {
		Objects.requireNonNull(heldOn, "heldOn");
		Objects.requireNonNull(recordedOn, "recordedOn");
		Objects.requireNonNull(role, "role");
		if (heldYearClosed && !mayChangeClosedYear(role)) {
			return closed(heldOn);
		}
		long days = ChronoUnit.DAYS.between(heldOn, recordedOn);
		if (days < 0) {
			return new Decision.Refused(Refusal.HELD_IN_FUTURE, "会议日期" + heldOn + "晚于录入日期" + recordedOn);
		}
		int window = settings.get(BACKFILL_DAYS);
		if (days <= window) {
			return new Decision.Accepted(false, days, "会后" + days + "天录入，在" + window + "天内");
		}
		if (!role.isTownshipOrHigher()) {
			return new Decision.Refused(Refusal.NEEDS_TOWNSHIP_ACCOUNT,
					"会后" + days + "天录入，超过" + window + "天须由乡镇及以上账号补录，" + role.label() + "不可补录");
		}
		return new Decision.Accepted(true, days, "会后" + days + "天录入，超过" + window + "天，由" + role.label() + "补录");
	}

	/**
	 * Changing an existing record follows the same gates: a closed year is the county's, and reworking a
	 * meeting older than the window is late entry too (it moves colors and scores after the fact). The
	 * record's own back-filled flag does not change.
	 */
	public Decision mayChange(LocalDate heldOn, LocalDate changedOn, Role role, boolean heldYearClosed) {
		Decision decision = mayRecord(heldOn, changedOn, role, heldYearClosed);
		if (decision instanceof Decision.Accepted accepted) {
			long days = accepted.daysAfterHeld();
			String late = days > settings.get(BACKFILL_DAYS) ? "，超过" + settings.get(BACKFILL_DAYS) + "天，由" + role.label() + "修改" : "";
			return new Decision.Accepted(false, days, "会后" + days + "天修改" + late);
		}
		return decision;
	}

	public boolean mayChangeClosedYear(Role role) {
		return role == Role.COUNTY_ADMIN;
	}

	private static Decision closed(LocalDate heldOn) {
		return new Decision.Refused(Refusal.YEAR_CLOSED, heldOn.getYear() + "年度已关账，仅县级管理员可修改该年度记录");
	}
}
