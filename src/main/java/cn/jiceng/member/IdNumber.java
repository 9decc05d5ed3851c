package cn.jiceng.member;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GB 11643-1999 公民身份号码: 6 address digits, 8 birth-date digits, 3 sequence digits (odd = male)
 * and an ISO 7064 MOD 11-2 check character (RULES.md §9.2).
 */
public final class IdNumber {

	/**
	 * Earliest accepted birth date. The standard's own published example 440524188001010014 is born in
	 * 1880, so a 1900 floor would reject it; living-member age limits belong to member validation.
	 */
	public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1800, 1, 1);

	// "Today" is a Chinese calendar day, whatever zone the server runs in.
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

	// Province-level codes of GB/T 2260; only these 2 digits are checked because old numbers keep retired area codes.
	private static final boolean[] PROVINCES = new boolean[100];

	static {
		int[][] ranges = { { 11, 15 }, { 21, 23 }, { 31, 37 }, { 41, 46 }, { 50, 54 }, { 61, 65 }, { 71, 71 },
				{ 81, 82 } };
		for (int[] range : ranges) {
			for (int code = range[0]; code <= range[1]; code++) {
				PROVINCES[code] = true;
			}
		}
	}

	private IdNumber() {
	}

	/** Outcome of {@link #check}: either a parsed number or a reason for people. */
	public sealed interface IdCheck permits IdCheck.Valid, IdCheck.Invalid {

		/** A valid number, normalized to 18 upper-case characters. */
		record Valid(String value, LocalDate birthDate, Gender gender) implements IdCheck {
			public Valid {
				Objects.requireNonNull(value, "value");
				Objects.requireNonNull(birthDate, "birthDate");
				Objects.requireNonNull(gender, "gender");
			}
		}

		record Invalid(String reason) implements IdCheck {
			public Invalid {
				Objects.requireNonNull(reason, "reason");
			}
		}

		default boolean isValid() {
			return this instanceof Valid;
		}

		default Optional<String> problem() {
			return this instanceof Invalid invalid ? Optional.of(invalid.reason()) : Optional.empty();
		}
	}

	public static IdCheck check(String raw) {
		return check(raw, LocalDate.now(CHINA));
	}

	public static IdCheck check(String raw, LocalDate today) {
		Objects.requireNonNull(today, "today");
		if (raw == null || raw.isBlank()) {
			return new IdCheck.Invalid("身份证号码不能为空");
		}
		String trimmed = raw.strip();
		if (trimmed.length() != 18) {
			return new IdCheck.Invalid("身份证号码应为18位");
		}
		char[] chars = new char[18];
		for (int i = 0; i < 18; i++) {
			char c = halfWidth(trimmed.charAt(i));
			if (i == 17 && (c == 'x' || c == 'X')) {
				c = 'X';
			} else if (c < '0' || c > '9') {
				return new IdCheck.Invalid("身份证号码只能包含数字，最后一位可为X");
			}
			chars[i] = c;
		}
		if (!PROVINCES[digits(chars, 0, 2)]) {
			return new IdCheck.Invalid("身份证号码的省份代码不正确");
		}
		int year = digits(chars, 6, 4);
		int month = digits(chars, 10, 2);
		int day = digits(chars, 12, 2);
		// Checked by hand so that a bad date costs no exception.
		if (year == 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return new IdCheck.Invalid("身份证号码中的出生日期不存在");
		}
		LocalDate birthDate = LocalDate.of(year, month, day);
		if (birthDate.isAfter(today)) {
			return new IdCheck.Invalid("出生日期不能晚于今天");
		}
		if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
			return new IdCheck.Invalid("出生日期不能早于1800年1月1日");
		}
		if (chars[17] != checkChar(chars)) {
			return new IdCheck.Invalid("身份证号码校验位不正确");
		}
		Gender gender = (chars[16] - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
		return new IdCheck.Valid(new String(chars), birthDate, gender);
	}

	/** Appends the MOD 11-2 check character to 17 digits. */
	public static String withCheckDigit(String first17) {
		if (first17 == null || first17.length() != 17) {
			throw new IllegalArgumentException("需要17位数字: " + first17);
		}
		char[] chars = new char[18];
		for (int i = 0; i < 17; i++) {
			char c = first17.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("需要17位数字: " + first17);
			}
			chars[i] = c;
		}
		chars[17] = checkChar(chars);
		return new String(chars);
	}

	/**
	 * Builds a valid number. The lowest bit of the sequence is flipped when its parity does not match the
	 * gender, so 0..999 stays in range. Whether the birth date is in the future is the caller's concern.
	 */
	public static String generate(String areaCode6, LocalDate birthDate, int sequence3, Gender gender) {
		Objects.requireNonNull(birthDate, "birthDate");
		Objects.requireNonNull(gender, "gender");
		if (areaCode6 == null || areaCode6.length() != 6) {
			throw new IllegalArgumentException("行政区划代码应为6位数字: " + areaCode6);
		}
		char[] chars = new char[18];
		for (int i = 0; i < 6; i++) {
			char c = areaCode6.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("行政区划代码应为6位数字: " + areaCode6);
			}
			chars[i] = c;
		}
		if (!PROVINCES[digits(chars, 0, 2)]) {
			throw new IllegalArgumentException("省份代码不正确: " + areaCode6);
		}
		int year = birthDate.getYear();
		if (birthDate.isBefore(EARLIEST_BIRTH_DATE) || year > 9999) {
			throw new IllegalArgumentException("出生日期超出范围: " + birthDate);
		}
		if (sequence3 < 0 || sequence3 > 999) {
			throw new IllegalArgumentException("顺序码应在0到999之间: " + sequence3);
		}
		int sequence = sequence3;
		boolean odd = (sequence & 1) == 1;
		if (odd != (gender == Gender.MALE)) {
			sequence ^= 1;
		}
		putDigits(chars, 6, 4, year);
		putDigits(chars, 10, 2, birthDate.getMonthValue());
		putDigits(chars, 12, 2, birthDate.getDayOfMonth());
		putDigits(chars, 14, 3, sequence);
		chars[17] = checkChar(chars);
		return new String(chars);
	}

	/** Keeps the first 6 and last 4 characters (110105********002X); shorter input is masked entirely. */
	public static String mask(String id) {
		if (id == null) {
			return null;
		}
		String s = id.strip();
		int n = s.length();
		if (n <= 10) {
			return "*".repeat(n);
		}
		return s.substring(0, 6) + "*".repeat(n - 10) + s.substring(n - 4);
	}

	/** Where a record's declared 性别 and 出生日期 disagree with its ID number; null declarations are skipped. */
	public static List<String> consistencyProblems(IdCheck.Valid valid, LocalDate declaredBirthDate,
			Gender declaredGender) {
		Objects.requireNonNull(valid, "valid");
		List<String> problems = new ArrayList<>(2);
		if (declaredGender != null && declaredGender != valid.gender()) {
			problems.add("身份证号码与性别不一致");
		}
		if (declaredBirthDate != null && !declaredBirthDate.equals(valid.birthDate())) {
			problems.add("身份证号码与出生日期不一致");
		}
		return List.copyOf(problems);
	}

	private static char checkChar(char[] chars) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (chars[i] - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS[sum % 11];
	}

	private static int digits(char[] chars, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			value = value * 10 + (chars[i] - '0');
		}
		return value;
	}

	private static void putDigits(char[] chars, int from, int count, int value) {
		for (int i = from + count - 1; i >= from; i--) {
			chars[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	// Chinese input methods often produce full-width digits and Ｘ.
	private static char halfWidth(char c) {
		return c >= '０' && c <= 'ｚ' ? (char) (c - '０' + '0') : c;
	}
}
