package cn.jiceng.scoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.jiceng.settings.RuleSettings;

/**
 * What every input needs to produce a county-year's entries: the settings in force for that year, the county's
 * active catalogue items by code, and today (inputs judge only what has ended).
 */
record ScoreContext(long countyId, int year, RuleSettings settings, Map<String, PointItem> catalogue,
		LocalDate today) {

	public ScoreContext {
		Objects.requireNonNull(settings, "settings");
		catalogue = Map.copyOf(catalogue);
		Objects.requireNonNull(today, "today");
	}

	public LocalDate yearStart() {
		return LocalDate.of(year, 1, 1);
	}

	public LocalDate yearEnd() {
		return LocalDate.of(year, 12, 31);
	}

	/** The active catalogue item an input scores with; empty turns the input off for the county. */
	public Optional<PointItem> item(String code) {
		return Optional.ofNullable(catalogue.get(code));
	}
}
