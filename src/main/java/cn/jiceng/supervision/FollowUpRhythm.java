package cn.jiceng.supervision;

import static cn.jiceng.settings.RuleCatalog.FOLLOW_UP_REVIEW_MONTHS;
import static cn.jiceng.settings.RuleCatalog.FOLLOW_UP_URGE_MONTHS;
import static cn.jiceng.settings.RuleCatalog.FOLLOW_UP_VISIT_MONTHS;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cn.jiceng.settings.RuleSettings;

/**
 * The follow-up rhythm of an assigned problem (鲁甸 问题交办: 一月随访、一季督促、半年考核、年终总评; API.md). While a
 * problem is not closed, a rolling follow-up is due when the last one of its kind — or, before the first, the
 * notice — is more than its interval old (today after that date plus the interval, months from the settings); the
 * year-end review is due in December until one dated that December exists. Plain Java.
 */
record FollowUpRhythm(int visitMonths, int urgeMonths, int reviewMonths) {

	public static FollowUpRhythm of(RuleSettings settings) {
		return new FollowUpRhythm(settings.get(FOLLOW_UP_VISIT_MONTHS), settings.get(FOLLOW_UP_URGE_MONTHS),
				settings.get(FOLLOW_UP_REVIEW_MONTHS));
	}

	/** A recorded follow-up. */
	public record FollowUp(FollowUpKind kind, LocalDate on) {
	}

	/** The follow-ups due today, in rhythm order; none once the problem is closed. */
	public List<FollowUpKind> due(LocalDate issuedOn, Collection<FollowUp> recorded, ProblemStatus status,
			LocalDate today) {
		List<FollowUpKind> due = new ArrayList<>();
		if (status == ProblemStatus.CLOSED) {
			return due;
		}
		for (FollowUpKind kind : FollowUpKind.values()) {
			LocalDate from = nextDueAfter(kind, issuedOn, recorded, today);
			if (from != null && today.isAfter(from)) {
				due.add(kind);
			}
		}
		return due;
	}

	/**
	 * The day after which a rolling follow-up becomes due (the last one of its kind, or the notice, plus its
	 * interval); for the year-end review the last day of November of today's year when none is dated that December,
	 * else null.
	 */
	public LocalDate nextDueAfter(FollowUpKind kind, LocalDate issuedOn, Collection<FollowUp> recorded,
			LocalDate today) {
		if (kind == FollowUpKind.YEAR_END_REVIEW) {
			boolean held = recorded.stream()
				.anyMatch(f -> f.kind() == kind && f.on().getYear() == today.getYear()
						&& f.on().getMonth() == Month.DECEMBER);
			return held ? null : LocalDate.of(today.getYear(), Month.NOVEMBER, 30);
		}
		LocalDate last = issuedOn;
		for (FollowUp f : recorded) {
			if (f.kind() == kind && f.on().isAfter(last)) {
				last = f.on();
			}
		}
		return last.plusMonths(months(kind));
	}

	private int months(FollowUpKind kind) {
		return switch (kind) {
			case MONTHLY_VISIT -> visitMonths;
			case QUARTERLY_URGE -> urgeMonths;
			case HALF_YEAR_REVIEW -> reviewMonths;
			case YEAR_END_REVIEW -> 12;
		};
	}
}
