package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;

import java.util.function.Function;

import cn.jiceng.settings.RuleSettings;

/**
 * Year-end grade of a vanguard index (SPEC.md §4.3); thresholds come from the year's settings. Grades are declared
 * best first, each from its lower bound on; {@link #sqlOf} writes the same rule as a SQL CASE.
 */
public enum Grade {
	EXCELLENT("优秀"),
	QUALIFIED("合格"),
	BASIC("基本合格"),
	WARNING("警示");

	private final String label;

	Grade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The lowest index of the grade under the settings; the last grade takes everything below the others. */
	int lowestIndex(RuleSettings settings) {
		return switch (this) {
			case EXCELLENT -> settings.get(GRADE_EXCELLENT_AT);
			case QUALIFIED -> settings.get(GRADE_QUALIFIED_AT);
			case BASIC -> settings.get(GRADE_BASIC_AT);
			case WARNING -> Integer.MIN_VALUE;
		};
	}

	public static Grade of(int index, RuleSettings settings) {
		for (Grade grade : values()) {
			if (index >= grade.lowestIndex(settings)) {
				return grade;
			}
		}
		throw new IllegalStateException("no grade for " + index);
	}

	/**
	 * {@link #of} as SQL over an integer expression, each grade written as {@code value} gives it (its quoted name,
	 * a code…): {@code CASE WHEN x >= 90 THEN … WHEN x >= 75 THEN … ELSE … END}.
	 */
	static String sqlOf(String index, RuleSettings settings, Function<Grade, String> value) {
		StringBuilder sql = new StringBuilder("CASE");
		Grade[] grades = values();
		for (int i = 0; i < grades.length - 1; i++) {
			sql.append(" WHEN ").append(index).append(" >= ").append(grades[i].lowestIndex(settings))
				.append(" THEN ").append(value.apply(grades[i]));
		}
		return sql.append(" ELSE ").append(value.apply(grades[grades.length - 1])).append(" END").toString();
	}

	/** The grade's name as a SQL string literal. */
	static String sqlName(Grade grade) {
		return "'" + grade.name() + "'";
	}

	/** A small number per grade, higher for better ones (for packing a row's numbers). */
	static int code(Grade grade) {
		return values().length - 1 - grade.ordinal();
	}

	/** A SQL CASE from a stored grade column to {@link #code}. */
	static String sqlCodeOfName(String column) {
		StringBuilder sql = new StringBuilder("CASE ").append(column);
		Grade[] grades = values();
		for (int i = 0; i < grades.length - 1; i++) {
			sql.append(" WHEN ").append(sqlName(grades[i])).append(" THEN ").append(code(grades[i]));
		}
		return sql.append(" ELSE ").append(code(grades[grades.length - 1])).append(" END").toString();
	}
}
