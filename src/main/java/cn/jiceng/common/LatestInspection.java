package cn.jiceng.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The latest inspection (考核检查) covering a subtree and its lowest-scored organizations, as the command center shows
 * it (API.md "Command center" {@code latestInspection}). The inspection module implements it as a Spring bean;
 * without one, or without an inspection, the dashboard shows {@code null}. No scope checks (the dashboard has
 * checked the subtree).
 */
public interface LatestInspection {

	/** One organization at the bottom of the inspection's ranking. */
	record Scored(String organizationId, String name, BigDecimal score) {
	}

	/** {@code bottom}: the lowest scores of organizations in the subtree, lowest first (at most a handful). */
	record Summary(String id, String name, LocalDate heldOn, List<Scored> bottom) {
	}

	/**
	 * The most recent inspection (by {@code heldOn}) that scored organizations whose {@code organization.path}
	 * starts with {@code organizationPath}, with the bottom of its ranking among them; empty when there is none.
	 */
	Optional<Summary> latestIn(String organizationPath);
}
