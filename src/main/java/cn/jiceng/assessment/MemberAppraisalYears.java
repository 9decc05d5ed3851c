package cn.jiceng.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;

/** The year of an appraisal and the decimals of its scores, as the appraisal endpoints read them. */
final class MemberAppraisalYears {

	private MemberAppraisalYears() {
	}

	/** A year from a path or form: 2000 to this year, else 400. */
	static int parse(String text, Clock clock) {
		int current = LocalDate.now(clock).getYear();
		try {
			int year = Integer.parseInt(text == null ? "" : text.trim());
			if (year >= 2000 && year <= current) {
				return year;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw InvalidInputException.of("year", "年度应在2000到" + current + "之间");
	}

	static int orThisYear(Integer year, Clock clock) {
		return year == null ? LocalDate.now(clock).getYear() : parse(Integer.toString(year), clock);
	}

	/** A number (JSON number or numeric text) or null; anything else adds a problem on the field. */
	static BigDecimal decimal(Object value, String field, List<FieldProblem> problems) {
		if (value == null || value instanceof String s && s.isBlank()) {
			return null;
		}
		try {
			if (value instanceof Number n) {
				return new BigDecimal(n.toString());
			}
			if (value instanceof String s) {
				return new BigDecimal(s.trim());
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		problems.add(new FieldProblem(field, "得分应为数字"));
		return null;
	}
}
