package cn.jiceng.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.jiceng.common.FieldProblem;

/** Reading the JSON bodies of this module: every problem becomes a Chinese field message (400). */
final class Inputs {

	private Inputs() {
	}

	static LocalDate date(String value, String field, String label, boolean required, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "请填写" + label));
			}
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
			problems.add(new FieldProblem(field, label + "不能超过" + max + "字"));
			return null;
		}
		return v;
	}

	static Long id(String value, String field, String label, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "请选择" + label));
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, label + "编号格式不正确"));
			return null;
		}
	}
}
