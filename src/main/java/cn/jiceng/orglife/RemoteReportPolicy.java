package cn.jiceng.orglife;

import java.time.YearMonth;
import java.util.Objects;

/** Who may file a remote report (三信联系法, SPEC.md §4.2): a member flagged mobile in the month, once a month. */
final class RemoteReportPolicy {

	public enum Refusal {
		/** API 422. */
		NOT_MOBILE,
		/** API 409. */
		ALREADY_FILED
	}

	public sealed interface Decision {

		String reason();

		boolean allowed();

		record Allowed(String reason) implements Decision {

			@Override
			public boolean allowed() {
				return true;
			}
		}

		record Refused(Refusal refusal, String reason) implements Decision {

			@Override
			public boolean allowed() {
				return false;
			}
		}
	}

	/**
	 * @param mobileInMonth the member is flagged mobile on at least one day of {@code month}
	 * @param alreadyFiled a report for {@code month} exists
	 */
	public Decision mayFile(YearMonth month, boolean mobileInMonth, boolean alreadyFiled) {
		Objects.requireNonNull(month, "month");
		// Not mobile is checked first: a duplicate of a report that should never have existed is still refused
		// for the underlying reason.
		if (!mobileInMonth) {
			return new Decision.Refused(Refusal.NOT_MOBILE, month + " 该党员不是流动党员，不能报送三信联系报告");
		}
		if (alreadyFiled) {
			return new Decision.Refused(Refusal.ALREADY_FILED, month + " 已报送三信联系报告，每月只能报送一次");
		}
		return new Decision.Allowed(month + " 流动党员可报送三信联系报告");
	}

	/**
	 * A secretary entering the report for the member: as {@link #mayFile}. SPEC names letters, but members in
	 * the reports also send WeChat messages or texts to the secretary, who transcribes them; every channel may
	 * therefore be entered on behalf, and the record keeps that it was.
	 */
	public Decision mayFileOnBehalf(YearMonth month, RemoteChannel channel, boolean mobileInMonth, boolean alreadyFiled) {
		Objects.requireNonNull(channel, "channel");
		return mayFile(month, mobileInMonth, alreadyFiled);
	}
}
