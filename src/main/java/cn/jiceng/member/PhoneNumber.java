package cn.jiceng.member;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers and fixed lines with an area code (手机号 / 固定电话, RULES.md §9.1). */
public final class PhoneNumber {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
	// Area code 0 + 2 or 3 digits (010, 0578), optional hyphen, 7-8 digit local number; a local number
	// starting with 0 would be read as a second area code.
	private static final Pattern FIXED_LINE = Pattern.compile("0\\d{2,3}-?[1-9]\\d{6,7}");

	private PhoneNumber() {
	}

	/** Empty when valid; otherwise a reason for people. */
	public static Optional<String> problem(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.of("电话号码不能为空");
		}
		String s = raw.strip();
		if (MOBILE.matcher(s).matches() || FIXED_LINE.matcher(s).matches()) {
			return Optional.empty();
		}
		if (s.startsWith("1")) {
			return Optional.of("手机号码应为11位数字，以13至19开头");
		}
		if (s.startsWith("0")) {
			return Optional.of("固定电话应为区号加7至8位号码，如0578-1234567");
		}
		return Optional.of("电话号码格式不正确：手机号码应为11位数字，固定电话应带区号，如0578-1234567");
	}

	/** Keeps the first 3 and last 4 characters (138****5678); shorter input is masked entirely. */
	public static String mask(String phone) {
		if (phone == null) {
			return null;
		}
		String s = phone.strip();
		int n = s.length();
		if (n <= 7) {
			return "*".repeat(n);
		}
		return s.substring(0, 3) + "*".repeat(n - 7) + s.substring(n - 4);
	}
}
