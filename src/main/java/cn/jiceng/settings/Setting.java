package cn.jiceng.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One rule number of SPEC.md §4 as declared in {@link RuleCatalog}: its code name (the key in the API and the
 * database), its default, where it shows on the settings page and which values a county may choose.
 */
public sealed interface Setting<T> permits Setting.IntSetting, Setting.ChoiceSetting, Setting.PointsByStatus {

	String name();

	T defaultValue();

	Section section();

	String label();

	/** A JSON value (as Jackson reads it) turned into this setting's type, or a Chinese reason why it cannot be. */
	Parsed<T> parse(Object raw, T current);

	/** How a value reads for a person (the page's "默认" badge, the audit trail). */
	String describe(Object value);

	record Parsed<T>(T value, String problem) {

		static <T> Parsed<T> ok(T value) {
			return new Parsed<>(value, null);
		}

		static <T> Parsed<T> bad(String problem) {
			return new Parsed<>(null, problem);
		}

		public Optional<String> problemIfAny() {
			return Optional.ofNullable(problem);
		}
	}

	/** A whole number in a closed range. */
	record IntSetting(String name, Integer defaultValue, Section section, String label, String unit, int min,
			int max) implements Setting<Integer> {

		public IntSetting {
			if (defaultValue < min || defaultValue > max) {
				throw new IllegalArgumentException(name + ": default outside its range");
			}
		}

		@Override
		public Parsed<Integer> parse(Object raw, Integer current) {
			Long n = wholeNumber(raw);
			if (n == null || n < min || n > max) {
				return Parsed.bad("应为" + min + "到" + max + "之间的整数");
			}
			return Parsed.ok(n.intValue());
		}

		@Override
		public String describe(Object value) {
			return String.valueOf(value);
		}
	}

	/** One of a few codes, each with its Chinese label. */
	record ChoiceSetting(String name, String defaultValue, Section section, String label,
			Map<String, String> choices) implements Setting<String> {

		public ChoiceSetting {
			choices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
			if (!choices.containsKey(defaultValue)) {
				throw new IllegalArgumentException(name + ": default is not one of its choices");
			}
		}

		@Override
		public Parsed<String> parse(Object raw, String current) {
			if (raw instanceof String s && choices.containsKey(s)) {
				return Parsed.ok(s);
			}
			return Parsed.bad("应为 " + String.join(" 或 ", choices.keySet()) + "（" + String.join("、", choices.values()) + "）");
		}

		@Override
		public String describe(Object value) {
			return choices.getOrDefault(String.valueOf(value), String.valueOf(value));
		}
	}

	/**
	 * Points per attendance status (deductions are negative). A change names only the statuses it changes;
	 * the others keep their value, so a county never loses a deduction by leaving it out.
	 */
	record PointsByStatus(String name, Map<String, Integer> defaultValue, Section section, String label, String unit,
			Map<String, String> statuses, int min, int max, Wording wording) implements Setting<Map<String, Integer>> {

		/**
		 * How refusals name the keys and the numbers: the attendance deductions speak of statuses and points, other
		 * per-code settings (the contact duties) of their own codes and counts.
		 */
		public record Wording(String key, String value, String objectExample, String numberExample) {

			public static final Wording ATTENDANCE = new Wording("出勤状态", "分值", "{\"ABSENT\": -10}", "-5");
		}

		public PointsByStatus {
			defaultValue = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaultValue));
			statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
			if (!statuses.keySet().containsAll(defaultValue.keySet())) {
				throw new IllegalArgumentException(name + ": default names an unknown status");
			}
		}

		/** An attendance setting: statuses and their points. */
		public PointsByStatus(String name, Map<String, Integer> defaultValue, Section section, String label, String unit,
				Map<String, String> statuses, int min, int max) {
			this(name, defaultValue, section, label, unit, statuses, min, max, Wording.ATTENDANCE);
		}

		/** The settings page's refusal of a box that is not a whole number. */
		public String notAWholeNumber() {
			return wording.value() + "应为整数，如 " + wording.numberExample();
		}

		@Override
		public Parsed<Map<String, Integer>> parse(Object raw, Map<String, Integer> current) {
			if (!(raw instanceof Map<?, ?> m)) {
				return Parsed.bad("应为按" + wording.key() + "给出" + wording.value() + "的对象，如 " + wording.objectExample());
			}
			Map<String, Integer> next = new LinkedHashMap<>(current == null ? defaultValue : current);
			for (var e : m.entrySet()) {
				String status = String.valueOf(e.getKey());
				if (!statuses.containsKey(status)) {
					return Parsed.bad("未知的" + wording.key() + "：" + status);
				}
				Long n = wholeNumber(e.getValue());
				if (n == null || n < min || n > max) {
					return Parsed.bad(statuses.get(status) + "的" + wording.value() + "应为" + min + "到" + max + "之间的整数");
				}
				next.put(status, n.intValue());
			}
			return Parsed.ok(java.util.Collections.unmodifiableMap(next));
		}

		@Override
		public String describe(Object value) {
			if (!(value instanceof Map<?, ?> map)) {
				return String.valueOf(value);
			}
			var parts = new java.util.ArrayList<String>();
			map.forEach((k, v) -> parts.add(statuses.getOrDefault(String.valueOf(k), String.valueOf(k)) + " " + v));
			return String.join("，", parts);
		}

		/** Points for a status; 0 for a status this setting does not name (PRESENT, REMOTE). */
		public int pointsOf(Map<String, Integer> value, String status) {
			return value.getOrDefault(status, 0);
		}
	}

	private static Long wholeNumber(Object raw) {
		if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
			return ((Number) raw).longValue();
		}
		if (raw instanceof java.math.BigInteger b && b.bitLength() < 63) {
			return b.longValue();
		}
		return null;
	}
}
