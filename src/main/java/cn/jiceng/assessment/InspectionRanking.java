package cn.jiceng.assessment;

import static cn.jiceng.settings.RuleCatalog.INSPECTION_INTERVIEW_BOTTOM;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import cn.jiceng.settings.RuleSettings;

/**
 * The ranking of an inspection round (通报排名法, SPEC.md §4.7): a target's score is the sum of its item points (an item
 * not scored counts 0), ranks are as in sport (ties share a rank, the next rank skips: 1, 1, 3), and the
 * bottom-ranked are every target sharing the last {@code inspectionInterviewBottom} places — a target is among them
 * when fewer than that many targets scored below it. Whether a cell may be entered is decided here too.
 */
final class InspectionRanking {

	/** An item of a round with its full points. */
	public record Item(String code, String name, int points) {
	}

	/** A ranked organization. */
	public record Target(long organizationId, String name) {
	}

	/** A target's place: rank, total, and whether it is among the bottom-ranked that get an interview. */
	public record Place(int rank, long organizationId, String name, BigDecimal score, boolean bottom) {
	}

	private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

	private final int bottomPlaces;

	public InspectionRanking(RuleSettings settings) {
		this.bottomPlaces = Objects.requireNonNull(settings, "settings").get(INSPECTION_INTERVIEW_BOTTOM);
	}

	/** Why points may not be given on an item, or null when they may (0 up to the item's points, two decimals). */
	public static String cellRefusal(Item item, BigDecimal points) {
		if (points == null) {
			return "“" + item.name() + "”的得分应为数字";
		}
		if (points.stripTrailingZeros().scale() > 2) {
			return "“" + item.name() + "”的得分最多保留两位小数";
		}
		if (points.signum() < 0) {
			return "“" + item.name() + "”的得分不能为负数";
		}
		if (points.compareTo(BigDecimal.valueOf(item.points())) > 0) {
			return "“" + item.name() + "”的得分不能超过本项分值" + item.points() + "分";
		}
		return null;
	}

	/** A target's total over the round's items: {@code scores} by item code, a missing item counts 0. */
	public static BigDecimal total(List<Item> items, Map<String, BigDecimal> scores) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Item item : items) {
			BigDecimal p = scores == null ? null : scores.get(item.code());
			if (p != null) {
				sum = sum.add(p);
			}
		}
		return sum.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * The targets ranked by total, best first; ties share the rank and are listed by name. {@code scores}: by
	 * organization id, then item code.
	 */
	public List<Place> rank(List<Target> targets, List<Item> items, Map<Long, Map<String, BigDecimal>> scores) {
		record Scored(Target target, BigDecimal score) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Target t : targets) {
			scored.add(new Scored(t, total(items, scores.get(t.organizationId()))));
		}
		scored.sort(Comparator.comparing(Scored::score, Comparator.reverseOrder())
			.thenComparing(s -> s.target().name(), CHINESE)
			.thenComparingLong(s -> s.target().organizationId()));
		List<Place> places = new ArrayList<>();
		int n = scored.size();
		for (int i = 0; i < n; i++) {
			BigDecimal score = scored.get(i).score();
			int rank = i + 1;
			if (i > 0 && scored.get(i - 1).score().compareTo(score) == 0) {
				rank = places.get(i - 1).rank();
			}
			int below = 0;
			for (Scored other : scored) {
				if (other.score().compareTo(score) < 0) {
					below++;
				}
			}
			Target t = scored.get(i).target();
			places.add(new Place(rank, t.organizationId(), t.name(), score, below < bottomPlaces));
		}
		return places;
	}

	public int bottomPlaces() {
		return bottomPlaces;
	}
}
