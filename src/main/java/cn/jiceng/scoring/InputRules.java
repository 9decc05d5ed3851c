package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.SECRETARY_MIN_LECTURES_PER_YEAR;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.settings.RuleSettings;

/**
 * Other work that feeds the index through entries (SPEC.md §3 C): cadres' daily logs (日志日销) and village
 * secretaries' lectures. Points come from catalogue items, so a county sets them like any other item.
 */
final class InputRules {

	private final RuleSettings settings;

	public InputRules(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** All twelve months of a year, for a cadre on duty the whole year. */
	public static List<YearMonth> monthsOf(int year) {
		List<YearMonth> months = new ArrayList<>(12);
		for (int m = 1; m <= 12; m++) {
			months.add(YearMonth.of(year, m));
		}
		return months;
	}

	/**
	 * One entry per ended duty month without any log, dated on the month's last day. Months not yet ended
	 * are not judged. The item's yearly cap (per calendar year) is honoured visibly: once it is used up,
	 * further missed months still appear, with 0 points and the reason saying so.
	 *
	 * @param dutyMonths months in which the member served as a cadre (the caller knows the assignment)
	 */
	public List<ScoreEntry> missedCadreLogs(Collection<YearMonth> dutyMonths, Set<YearMonth> monthsWithLogs,
			LocalDate today, PointItem item) {
		List<ScoreEntry> entries = new ArrayList<>();
		List<YearMonth> missed = dutyMonths.stream()
				.distinct()
				.sorted()
				.filter(m -> today.isAfter(m.atEndOfMonth()))
				.filter(m -> !monthsWithLogs.contains(m))
				.toList();
		int year = Integer.MIN_VALUE;
		long usedThisYear = 0;
		for (YearMonth month : missed) {
			if (month.getYear() != year) {
				year = month.getYear();
				usedThisYear = 0;
			}
			int points = withinCap(item, usedThisYear);
			usedThisYear += Math.abs(points);
			String reason = month + " 未提交工作日志（日志日销）" + Points.signed(points)
					+ (points != item.points() ? "（已达本项年度上限 " + item.yearlyCap() + " 分）" : "");
			entries.add(new ScoreEntry(month.atEndOfMonth(), EntrySource.CADRE_LOG, points, reason, item.veto()));
		}
		return entries;
	}

	/**
	 * A village secretary who gave fewer lectures in a year than the settings require gets one entry,
	 * dated 12-31 of that year. The year is judged only once it has ended (today after 12-31); until then
	 * there is time left to give them.
	 */
	public Optional<ScoreEntry> secretaryLectureShortfall(int year, int lecturesGiven, LocalDate today,
			PointItem item) {
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		int required = settings.get(SECRETARY_MIN_LECTURES_PER_YEAR);
		if (!today.isAfter(yearEnd) || lecturesGiven >= required) {
			return Optional.empty();
		}
		String reason = year + " 年讲党课 " + lecturesGiven + " 次，少于每年 " + required + " 次 "
				+ Points.signed(item.points());
		return Optional.of(new ScoreEntry(yearEnd, EntrySource.SECRETARY_LECTURE, item.points(), reason,
				item.veto()));
	}

	private static int withinCap(PointItem item, long usedThisYear) {
		if (item.yearlyCap() == null) {
			return item.points();
		}
		long left = Math.max(0, item.yearlyCap() - usedThisYear);
		int magnitude = (int) Math.min(Math.abs((long) item.points()), left);
		return item.points() < 0 ? -magnitude : magnitude;
	}
}
