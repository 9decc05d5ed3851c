package cn.jiceng.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;

/**
 * Pairing and micro-wishes (携手联心, SPEC.md §4.8, API.md): only an agency branch pairs with a service site; a wish
 * goes posted → claimed → completed, once each; and the year's rule — at least {@code pairingServicesPerYear}
 * services, {@code pairingWishesPerQuarter} completed wishes in every ended quarter (a wish counts in the quarter it
 * was completed) and {@code pairingDifficultiesPerYear} difficulties solved — is judged once the year has ended
 * (unknown, null, while it runs). Plain Java.
 */
final class PairingPolicy {

	private PairingPolicy() {
	}

	/** The numbers of the yearly and quarterly rule (settings). */
	record Rule(int servicesPerYear, int wishesPerQuarter, int difficultiesPerYear) {
	}

	/** A pairing's year as counted: services, completed wishes per quarter 1–4, difficulties solved. */
	record Year(int year, int services, Map<String, Integer> wishesCompleted, int difficultiesSolved) {
	}

	/** The verdict (null while the year runs) and, for people, every shortfall so far. */
	record Verdict(Boolean compliant, List<String> shortfalls) {
	}

	static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");

	/** Why this organization cannot pair, or null: only a branch of the agency field (机关党支部). */
	static String pairingRefusal(OrgKind kind, Field field) {
		return kind == OrgKind.BRANCH && field == Field.AGENCY ? null : "只有机关党支部可以结对服务站点（携手联心）";
	}

	/** The quarter ("Q1"–"Q4") of a date. */
	static String quarterOf(LocalDate on) {
		return QUARTERS.get((on.getMonthValue() - 1) / 3);
	}

	/** Completed wishes per quarter, every quarter present (0 when none). */
	static Map<String, Integer> byQuarter(List<LocalDate> completedOn, int year) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		QUARTERS.forEach(q -> counts.put(q, 0));
		for (LocalDate d : completedOn) {
			if (d.getYear() == year) {
				counts.merge(quarterOf(d), 1, Integer::sum);
			}
		}
		return counts;
	}

	/** The last day of a quarter of a year. */
	static LocalDate quarterEnd(int year, String quarter) {
		int q = QUARTERS.indexOf(quarter) + 1;
		return LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
	}

	/**
	 * The year's verdict as of {@code today}: compliant when the year has ended with every rule met, not compliant
	 * when it has ended with one unmet, null before. The shortfalls list what is missing so far (ended quarters
	 * without their wishes; services and difficulties below the yearly count), so the page can warn during the year.
	 */
	static Verdict verdict(Year y, Rule rule, LocalDate today) {
		List<String> shortfalls = new ArrayList<>();
		if (y.services() < rule.servicesPerYear()) {
			shortfalls.add("服务" + y.services() + "次，少于每年" + rule.servicesPerYear() + "次");
		}
		for (String q : QUARTERS) {
			if (today.isAfter(quarterEnd(y.year(), q))) {
				int n = y.wishesCompleted().getOrDefault(q, 0);
				if (n < rule.wishesPerQuarter()) {
					shortfalls.add(y.year() + "年第" + (QUARTERS.indexOf(q) + 1) + "季度完成微心愿" + n + "个，少于"
							+ rule.wishesPerQuarter() + "个");
				}
			}
		}
		if (y.difficultiesSolved() < rule.difficultiesPerYear()) {
			shortfalls.add("解决实际困难" + y.difficultiesSolved() + "个，少于每年" + rule.difficultiesPerYear() + "个");
		}
		boolean ended = today.isAfter(LocalDate.of(y.year(), 12, 31));
		return new Verdict(ended ? shortfalls.isEmpty() : null, List.copyOf(shortfalls));
	}

	/** Why a wish cannot be claimed now (409), or null: only a posted wish is claimed, and only once. */
	static String claimConflict(WishStatus status) {
		return status == WishStatus.POSTED ? null : "该微心愿已被认领，不能重复认领";
	}

	/** Why a wish cannot be completed now (409), or null: it must have been claimed and not yet completed. */
	static String completeConflict(WishStatus status) {
		return switch (status) {
			case CLAIMED -> null;
			case POSTED -> "该微心愿尚未认领，不能标记完成";
			case COMPLETED -> "该微心愿已经完成";
		};
	}
}
