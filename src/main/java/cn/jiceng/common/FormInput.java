package cn.jiceng.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.validation.BindingResult;

/** Reading the text fields of server-rendered forms the same way on every page. */
public final class FormInput {

	private FormInput() {
	}

	/** A code of an enum: null when blank or not one of its constants. */
	public static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/**
	 * A code of an enum from a request: an unknown code, or a blank one where it is required, adds the message on
	 * the field to {@code problems} and gives null.
	 */
	public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, String message,
			List<FieldProblem> problems, boolean required) {
		E parsed = enumOrNull(type, value);
		boolean blank = value == null || value.isBlank();
		if (parsed == null && (required || !blank)) {
			problems.add(new FieldProblem(field, message));
		}
		return parsed;
	}

	public static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** A date field: blank is null; a malformed date is rejected on the field with a Chinese message, then null. */
	public static LocalDate parseDate(String value, String field, BindingResult errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			errors.rejectValue(field, "date", "日期格式应为 年-月-日，如 2024-03-15");
			return null;
		}
	}
}
