package cn.jiceng.publicity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.TextRule;

/** Reading the JSON bodies of this module into values, collecting Chinese problems instead of throwing. */
final class Inputs {

	private Inputs() {
	}

	static LocalDate date(String value, String field, String label, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "请填写" + label));
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, label + "格式应为YYYY-MM-DD"));
			return null;
		}
	}

	static String text(String value, String field, String label, int max, boolean required,
			List<FieldProblem> problems) {
		String v = value == null ? null : value.strip();
		if (v == null || v.isEmpty()) {
			if (required) {
				problems.add(new FieldProblem(field, "请填写" + label));
			}
			return null;
		}
		if (v.length() > max) {
			problems.add(new FieldProblem(field, label + "不能超过" + max + "个字"));
			return null;
		}
		var bad = TextRule.problem(v);
		if (bad.isPresent()) {
			problems.add(new FieldProblem(field, label + bad.get()));
			return null;
		}
		return v;
	}

	static Long id(Object value, String field, String label, boolean required, List<FieldProblem> problems) {
		if (value == null || value.toString().isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "请选择" + label));
			}
			return null;
		}
		try {
			return Long.parseLong(value.toString().trim());
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, label + "编号格式不正确"));
			return null;
		}
	}

	static BigDecimal amount(Object value, String field, List<FieldProblem> problems) {
		BigDecimal amount = null;
		if (value instanceof Number n) {
			amount = new BigDecimal(n.toString());
		}
		else if (value instanceof String s && !s.isBlank()) {
			try {
				amount = new BigDecimal(s.trim());
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem(field, "金额应为数字（元）"));
				return null;
			}
		}
		else if (value != null) {
			problems.add(new FieldProblem(field, "金额应为数字（元）"));
			return null;
		}
		String problem = CareFundPolicy.amountProblem(amount);
		if (problem != null) {
			problems.add(new FieldProblem(field, problem));
			return null;
		}
		return amount.setScale(2);
	}

	static <E extends Enum<E>> E code(Class<E> type, String value, String field, String message,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, message));
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem(field, message));
			return null;
		}
	}

	static int year(Integer year, int fallback, List<FieldProblem> problems) {
		if (year == null) {
			return fallback;
		}
		if (year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "年度应在2000至2100之间"));
			return fallback;
		}
		return year;
	}
}
