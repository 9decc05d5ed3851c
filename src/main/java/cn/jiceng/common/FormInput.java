package cn.jiceng.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.validation.BindingResult;

/** Reading the text fields of server-rendered forms the same way on every page. */
public final class FormInput {

	private FormInput() {
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
