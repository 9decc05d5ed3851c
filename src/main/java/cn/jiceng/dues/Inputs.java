package cn.jiceng.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;

/** Parsing of request values with field errors, so a bad month says which field and why. */
final class Inputs {

	private Inputs() {
	}

	static YearMonth month(String value, String field, String label, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "请填写" + label + "（YYYY-MM）"));
			return null;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, label + "格式应为YYYY-MM"));
			return null;
		}
	}

	static YearMonth month(String value, String field, String label) {
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth m = month(value, field, label, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.get(0).message(), problems);
		}
		return m;
	}

	static LocalDate date(String value, String field, String label, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "请填写" + label + "（YYYY-MM-DD）"));
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

	/** Amounts are kept in fen: more than two decimals is a typing error, not something to round silently. */
	static boolean fen(BigDecimal amount) {
		return amount.stripTrailingZeros().scale() <= 2;
	}

	static int year(Integer year, int fallback) {
		int y = year == null ? fallback : year;
		if (y < 2000 || y > 2100) {
			throw InvalidInputException.of("year", "年份不正确");
		}
		return y;
	}
}
