package cn.jiceng.common;

import java.time.LocalDate;

/**
 * Overdue items of one kind in a subtree, as the command center counts them (SPEC.md §4.11, API.md "Command
 * center" {@code overdue}). A module that owns such items (problems, errands, duty items, development records)
 * implements it as a Spring bean; the dashboard sums the beans of each kind, and a kind without a bean counts 0.
 * Implementations apply their own module's rule of "overdue" and check no scope (the dashboard has checked it).
 */
public interface OverdueItems {

	/** Problems (问题清单) past their due date. */
	String PROBLEMS = "problems";

	/** Errands (为民办事) overnight or past their due date. */
	String ERRANDS = "errands";

	/** Three-list duty items (责任清单事项) past their due date. */
	String DUTY_ITEMS = "dutyItems";

	/** Development records (发展党员) with a warning. */
	String DEVELOPMENT = "development";

	/** One of {@link #PROBLEMS}, {@link #ERRANDS}, {@link #DUTY_ITEMS}, {@link #DEVELOPMENT}. */
	String kind();

	/**
	 * Items of the kind overdue on {@code today} whose organization lies in the subtree: its
	 * {@code organization.path} starts with {@code organizationPath} (the subtree root's path, e.g. {@code "/1/5/"}).
	 */
	long overdueIn(String organizationPath, LocalDate today);
}
