package cn.jiceng.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.settings.Setting.IntSetting;
import cn.jiceng.settings.Setting.PointsByStatus;

/**
 * Every rule number of {@link RuleCatalog}, as in force for one county and one year: the defaults with the county's
 * changes laid over them. Rules read their numbers from here and nowhere else ({@code settings.get(WARNING_BELOW)}).
 * Immutable; {@link #with} gives a copy with one value changed.
 */
public final class RuleSettings {

	private static final RuleSettings DEFAULTS;

	static {
		Map<String, Object> values = new LinkedHashMap<>();
		RuleCatalog.ALL.forEach(s -> values.put(s.name(), s.defaultValue()));
		DEFAULTS = new RuleSettings(values);
	}

	private final Map<String, Object> values;

	private RuleSettings(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	public static RuleSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * The defaults with a county's stored changes laid over them, and a problem for each change that is not a
	 * value of its setting or breaks a {@link RuleCatalog.Relation}. Invalid changes are left out of the settings.
	 */
	public static Overlay overlay(Map<String, ?> changes) {
		Map<String, Object> values = new LinkedHashMap<>(DEFAULTS.values);
		List<FieldProblem> problems = new ArrayList<>();
		changes.forEach((name, raw) -> {
			var setting = RuleCatalog.find(name);
			if (setting.isEmpty()) {
				problems.add(new FieldProblem(name, "未知的规则参数：" + name));
				return;
			}
			Setting.Parsed<?> parsed = parse(setting.get(), raw, values.get(name));
			if (parsed.problem() != null) {
				problems.add(new FieldProblem(name, parsed.problem()));
			}
			else {
				values.put(name, parsed.value());
			}
		});
		RuleSettings settings = new RuleSettings(values);
		problems.addAll(RuleCatalog.relationProblems(settings));
		return new Overlay(settings, List.copyOf(problems));
	}

	public record Overlay(RuleSettings settings, List<FieldProblem> problems) {
	}

	@SuppressWarnings("unchecked")
	public <T> T get(Setting<T> setting) {
		return (T) values.get(setting.name());
	}

	public int get(IntSetting setting) {
		return (Integer) values.get(setting.name());
	}

	/** Points for an attendance status under a points setting; 0 for a status it does not name. */
	public int points(PointsByStatus setting, String status) {
		return setting.pointsOf(get(setting), status);
	}

	/**
	 * A copy with one setting replaced by exactly this value (points by status: statuses left out give 0); a value
	 * outside the setting's range is refused.
	 */
	public <T> RuleSettings with(Setting<T> setting, T value) {
		return with(setting, value, setting instanceof PointsByStatus ? Map.of() : values.get(setting.name()));
	}

	/** A copy with one setting, named and valued as in the API (a points change keeps the statuses it omits). */
	public RuleSettings with(String name, Object value) {
		Setting<?> setting = RuleCatalog.find(name)
			.orElseThrow(() -> new IllegalArgumentException("未知的规则参数：" + name));
		return with(setting, value, values.get(name));
	}

	private RuleSettings with(Setting<?> setting, Object value, Object current) {
		String name = setting.name();
		Setting.Parsed<?> parsed = parse(setting, value, current);
		if (parsed.problem() != null) {
			throw new IllegalArgumentException(name + "：" + parsed.problem());
		}
		Map<String, Object> next = new LinkedHashMap<>(values);
		next.put(name, parsed.value());
		return new RuleSettings(next);
	}

	/** Code name → value in catalogue order: the API's shape and what the database stores for overrides. */
	public Map<String, Object> asMap() {
		return values;
	}

	/** Only the values that differ from the defaults. */
	public Map<String, Object> changesFromDefaults() {
		return changesFrom(DEFAULTS);
	}

	/** Only the values that differ from {@code other}'s. */
	public Map<String, Object> changesFrom(RuleSettings other) {
		Map<String, Object> changed = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (!Objects.equals(other.values.get(k), v)) {
				changed.put(k, v);
			}
		});
		return changed;
	}

	@SuppressWarnings("unchecked")
	private static <T> Setting.Parsed<T> parse(Setting<T> setting, Object raw, Object current) {
		return setting.parse(raw, (T) current);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof RuleSettings other && values.equals(other.values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return "RuleSettings" + changesFromDefaults();
	}
}
