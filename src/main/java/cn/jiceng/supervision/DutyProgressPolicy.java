package cn.jiceng.supervision;

import java.time.LocalDate;

/**
 * When a duty item counts as done and overdue (三张清单, SPEC.md §4.8, API.md): the latest progress note's done flag
 * decides (a note saying "not done" after a done one undoes it); overdue means the due date has passed (before today)
 * and the item is not done; the completion rate is done over total, null when nothing is counted. Plain Java.
 */
final class DutyProgressPolicy {

	private DutyProgressPolicy() {
	}

	static boolean overdue(LocalDate dueOn, LocalDate doneOn, LocalDate today) {
		return doneOn == null && dueOn.isBefore(today);
	}

	static Double completionRate(int done, int total) {
		return total == 0 ? null : done / (double) total;
	}

	/** The item's done date after a progress note: kept when already done, the note's date when newly done. */
	static LocalDate doneOnAfter(LocalDate doneOn, LocalDate noteOn, boolean done) {
		if (!done) {
			return null;
		}
		return doneOn != null ? doneOn : noteOn;
	}
}
