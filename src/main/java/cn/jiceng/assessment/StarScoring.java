package cn.jiceng.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The score of a star assessment against its standard (SPEC.md §4.7): a hand item counts the township's review
 * score, else the branch's own, else 0; an indicator item counts its points × the branch's rate from the
 * platform's records (0 when nothing can be counted). The total rounds half-up to 2 decimals; every item says why.
 */
final class StarScoring {

	/** An item of the standard; {@code indicator} null for an item scored by hand. */
	public record Item(String code, String name, int points, StarIndicator indicator) {

		public Item {
			Objects.requireNonNull(code, "code");
			Objects.requireNonNull(name, "name");
			if (points < 1 || points > 100) {
				throw new IllegalArgumentException("points " + points);
			}
		}

		public boolean byHand() {
			return indicator == null;
		}
	}

	/**
	 * A branch's records of a year for the indicators: compliant months of the ended months in which it had members;
	 * due and paid member-months of the ended months; members with a vanguard index and warning members among them.
	 */
	public record Facts(int compliantMonths, int monthsWithMembers, int dueMemberMonths, int paidMemberMonths,
			int indexedMembers, int warningMembers) {

		public static final Facts NONE = new Facts(0, 0, 0, 0, 0, 0);

		public Facts {
			if (compliantMonths > monthsWithMembers || paidMemberMonths > dueMemberMonths
					|| warningMembers > indexedMembers || compliantMonths < 0 || paidMemberMonths < 0
					|| warningMembers < 0) {
				throw new IllegalArgumentException("inconsistent facts");
			}
		}
	}

	public record Scored(String code, String name, int points, StarIndicator indicator, BigDecimal selfPoints,
			BigDecimal reviewPoints, BigDecimal awarded, String explanation) {
	}

	public record Result(BigDecimal score, List<Scored> items) {
	}

	private static final int SCALE = 8;

	private StarScoring() {
	}

	public static Result score(List<Item> standard, Map<String, BigDecimal> selfScores,
			Map<String, BigDecimal> reviewScores, Facts facts) {
		Objects.requireNonNull(facts, "facts");
		List<Scored> items = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (Item item : standard) {
			Scored s = item.byHand() ? hand(item, selfScores.get(item.code()), reviewScores.get(item.code()))
					: indicator(item, facts);
			items.add(s);
			total = total.add(s.awarded());
		}
		return new Result(round(total), items);
	}

	/** Half-up to 2 decimals: the score that is banded into stars. */
	public static BigDecimal round(BigDecimal score) {
		return score.setScale(2, RoundingMode.HALF_UP);
	}

	private static Scored hand(Item item, BigDecimal self, BigDecimal review) {
		BigDecimal max = BigDecimal.valueOf(item.points());
		BigDecimal counted;
		String why;
		if (review != null) {
			counted = review;
			why = "乡镇评星 " + plain(review) + " 分" + (self == null ? "" : "（自评 " + plain(self) + " 分）");
		}
		else if (self != null) {
			counted = self;
			why = "自评 " + plain(self) + " 分";
		}
		else {
			counted = BigDecimal.ZERO;
			why = "未评分，计 0 分";
		}
		if (counted.compareTo(max) > 0) {
			// the standard was lowered after the score was given
			why += "，超过本项分值按 " + item.points() + " 分计";
			counted = max;
		}
		return new Scored(item.code(), item.name(), item.points(), null, self, review,
				counted.setScale(SCALE, RoundingMode.HALF_UP), why);
	}

	private static Scored indicator(Item item, Facts f) {
		int numerator;
		int denominator;
		String what;
		switch (item.indicator()) {
			case COMPLIANCE_RATE -> {
				numerator = f.compliantMonths();
				denominator = f.monthsWithMembers();
				what = "组织生活达标 " + numerator + "/" + denominator + " 个月";
			}
			case DUES_PAID_RATE -> {
				numerator = f.paidMemberMonths();
				denominator = f.dueMemberMonths();
				what = "党费按时交纳 " + numerator + "/" + denominator + " 人月";
			}
			default -> {
				numerator = f.indexedMembers() - f.warningMembers();
				denominator = f.indexedMembers();
				what = "警示党员 " + f.warningMembers() + " 名/党员 " + denominator + " 名";
			}
		}
		if (denominator == 0) {
			return new Scored(item.code(), item.name(), item.points(), item.indicator(), null, null,
					BigDecimal.ZERO.setScale(SCALE), item.indicator().label() + "：无可统计的记录，计 0 分");
		}
		BigDecimal rate = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE,
				RoundingMode.HALF_UP);
		BigDecimal awarded = BigDecimal.valueOf((long) item.points() * numerator)
			.divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
		String why = what + "，" + item.points() + " × " + rate.multiply(BigDecimal.valueOf(100))
			.setScale(2, RoundingMode.HALF_UP).toPlainString() + "% = " + round(awarded).toPlainString() + " 分";
		return new Scored(item.code(), item.name(), item.points(), item.indicator(), null, null, awarded, why);
	}

	private static String plain(BigDecimal b) {
		return b.stripTrailingZeros().toPlainString();
	}
}
