package cn.jiceng.common;

import java.time.LocalDate;
import java.util.Map;

/**
 * One automatic criterion of the yearly weak-and-lax candidate run (软弱涣散, SPEC.md §4.8; API.md
 * "weak-and-lax/candidates"). The module that holds the criterion's facts implements it as a Spring bean (the
 * development module for {@code NO_NEW_CANDIDATES}, mass work for {@code LOW_SATISFACTION}, …); the supervision
 * module's candidate run asks every bean, so a later module adds a criterion without touching the run's rule.
 * Implementations apply their own module's rule and the county's settings, and check no scope (the caller has).
 */
public interface WeakLaxCriterion {

	/** The criterion's code in the API: {@code SECRETARY_VACANT}, {@code ORG_LIFE_NOT_HELD}, … */
	String code();

	/**
	 * The organizations of the subtree meeting the criterion in {@code year}, each with its reason in Chinese
	 * (e.g. "2026年为民办事满意率 52.0%，低于 60%"). The subtree: {@code organization.path} starts with
	 * {@code organizationPath} (the root's path, e.g. {@code "/1/5/"}). {@code today} bounds a running year.
	 */
	Map<Long, String> matches(String organizationPath, int year, LocalDate today);
}
