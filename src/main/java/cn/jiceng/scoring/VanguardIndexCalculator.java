package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.BONUS_CAP_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;
import static cn.jiceng.settings.RuleCatalog.WARNING_BELOW;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.jiceng.settings.RuleSettings;

/**
 * SPEC.md §4.3: per member per calendar year, index = clamp(0, 100, 100 + Σ entries), bonus capped per
 * year, a veto entry zeroes the year. The rule knows no source codes, so new inputs need no change here.
 */
final class VanguardIndexCalculator {

	static final int BASE = 100;
	static final int MAX = 100;
	static final int MIN = 0;

	private final RuleSettings settings;

	/** settings: the ones in force for the year being computed. */
	public VanguardIndexCalculator(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** The whole year; entries dated outside the year are not the year's and are left out. */
	public VanguardIndex forYear(int year, Collection<ScoreEntry> entries) {
		return compute(year, LocalDate.of(year, 12, 31), entries, false);
	}

	/** The index of day's year counting only entries dated on or before day. */
	public VanguardIndex asOf(LocalDate day, Collection<ScoreEntry> entries) {
		return compute(day.getYear(), day, entries, true);
	}

	/**
	 * The four quarter-end values of a year. A quarter that has not ended yet shows the entries known so
	 * far; publishing (and keeping) only ended quarters is the caller's business.
	 */
	public List<QuarterSnapshot> quarterEnds(int year, Collection<ScoreEntry> entries) {
		List<QuarterSnapshot> snapshots = new ArrayList<>(4);
		List<LocalDate> ends = Quarters.endsOf(year);
		for (int q = 0; q < ends.size(); q++) {
			snapshots.add(new QuarterSnapshot(q + 1, ends.get(q), asOf(ends.get(q), entries)));
		}
		return snapshots;
	}

	private VanguardIndex compute(int year, LocalDate until, Collection<ScoreEntry> all, boolean snapshot) {
		LocalDate from = LocalDate.of(year, 1, 1);
		List<ScoreEntry> counted = all.stream()
				.filter(e -> !e.date().isBefore(from) && !e.date().isAfter(until))
				.sorted(Comparator.comparing(ScoreEntry::date))
				.toList();

		long deductions = 0;
		long bonus = 0;
		int deductionCount = 0;
		int bonusCount = 0;
		for (ScoreEntry e : counted) {
			if (e.points() < 0) {
				deductions += e.points();
				deductionCount++;
			}
			else if (e.points() > 0) {
				bonus += e.points();
				bonusCount++;
			}
		}
		// Every positive entry shares the one yearly cap, whatever its source: a new input cannot become
		// a way around it. Only the total matters, so snapshots stay consistent with the year-end value.
		long cap = Math.max(0, settings.get(BONUS_CAP_PER_YEAR));
		long bonusCounted = Math.min(bonus, cap);
		long raw = BASE + deductions + bonusCounted;
		Optional<ScoreEntry> veto = counted.stream().filter(ScoreEntry::veto).findFirst();
		int index = veto.isPresent() ? 0 : (int) Math.max(MIN, Math.min(MAX, raw));
		Grade grade = Grade.of(index, settings);
		boolean warning = isWarning(index, settings);

		List<String> lines = new ArrayList<>();
		lines.add(snapshot ? year + " 年先锋指数，统计截至 " + until : year + " 年先锋指数");
		lines.add("基础分 " + BASE);
		if (deductionCount > 0) {
			lines.add("扣分合计 " + Points.signed(deductions) + "（" + deductionCount + " 项）");
		}
		if (bonusCount > 0) {
			lines.add("加分合计 " + Points.signed(bonus) + "（" + bonusCount + " 项）");
		}
		if (bonus > bonusCounted) {
			lines.add("加分每年最多计 " + Points.signed(cap) + "，超出的 " + (bonus - bonusCounted) + " 分不计入");
		}
		if (raw > MAX) {
			lines.add("合计 " + raw + "，超过 " + MAX + "，按 " + MAX + " 计");
		}
		else if (raw < MIN) {
			lines.add("合计 " + raw + "，低于 " + MIN + "，按 " + MIN + " 计");
		}
		veto.ifPresent(v -> lines.add("一票否决（" + v.reason() + "），全年先锋指数为 0"));
		lines.add("先锋指数 " + index + "，等级 " + grade.label()
				+ (warning ? "，低于 " + settings.get(WARNING_BELOW) + "，为警示党员" : ""));
		lines.add("依据 " + year + " 年规则设置：警示线 " + settings.get(WARNING_BELOW) + "，加分上限 " + cap
				+ "，优秀 ≥ " + settings.get(GRADE_EXCELLENT_AT) + "，合格 ≥ " + settings.get(GRADE_QUALIFIED_AT)
				+ "，基本合格 ≥ " + settings.get(GRADE_BASIC_AT));
		return new VanguardIndex(index, grade, warning, counted, lines);
	}

	/** A warning member (SPEC.md §4.3): index below the warning line; the line itself is not a warning. */
	static boolean isWarning(int index, RuleSettings settings) {
		return index < settings.get(WARNING_BELOW);
	}

	/** {@link #isWarning} as SQL over an integer expression. */
	static String sqlIsWarning(String index, RuleSettings settings) {
		return index + " < " + settings.get(WARNING_BELOW);
	}
}
