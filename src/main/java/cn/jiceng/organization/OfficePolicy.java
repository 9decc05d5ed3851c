package cn.jiceng.organization;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an organization's offices (SPEC.md §4.6, API.md "Leadership offices"): one secretary at a time,
 * one answer to "who held the post on a date", the secretary of a month is the holder on its last day, and a
 * secretary post empty for more than a number of calendar months is a vacancy.
 */
final class OfficePolicy {

	/** One holding of a post; {@code endedOn} is the last day in office, null while it lasts. */
	public record Period(long id, long memberId, Office office, LocalDate startedOn, LocalDate endedOn) {

		public boolean covers(LocalDate day) {
			return !day.isBefore(startedOn) && (endedOn == null || !day.isAfter(endedOn));
		}

		boolean overlaps(LocalDate start, LocalDate end) {
			return (end == null || !end.isBefore(startedOn)) && (endedOn == null || !endedOn.isBefore(start));
		}
	}

	/** A new or changed holding is allowed, or refused with the reason a person reads. */
	public record Decision(boolean allowed, String reason) {

		static Decision allow() {
			return new Decision(true, null);
		}

		static Decision refuse(String reason) {
			return new Decision(false, reason);
		}
	}

	/** A stretch without a secretary, both days included; {@code to} null while it lasts. */
	public record Vacancy(LocalDate from, LocalDate to) {
	}

	private final int vacancyAfterMonths;

	public OfficePolicy(int vacancyAfterMonths) {
		this.vacancyAfterMonths = vacancyAfterMonths;
	}

	/**
	 * Whether {@code candidate} may stand beside the organization's other holdings: a second secretary overlapping
	 * a secretary's period is refused (end the old one first), and so is the same person holding the same post twice
	 * at once. {@code others} leaves out the candidate's own earlier version when it is a change.
	 */
	public static Decision check(Period candidate, List<Period> others) {
		if (candidate.endedOn() != null && candidate.endedOn().isBefore(candidate.startedOn())) {
			return Decision.refuse("离任日期不能早于任职日期");
		}
		for (Period p : others) {
			if (p.id() == candidate.id() || !p.overlaps(candidate.startedOn(), candidate.endedOn())) {
				continue;
			}
			if (candidate.office() == Office.SECRETARY && p.office() == Office.SECRETARY) {
				return Decision.refuse("该组织在此期间已有书记（" + p.startedOn() + "起"
						+ (p.endedOn() == null ? "，仍在任" : "至" + p.endedOn()) + "），请先填写其离任日期；新任书记可从其离任次日起任职");
			}
			if (p.memberId() == candidate.memberId() && p.office() == candidate.office()) {
				return Decision.refuse("该党员在此期间已担任" + p.office().label());
			}
		}
		return Decision.allow();
	}

	/** The holder of a post on a day; for the secretary there is at most one. */
	public Optional<Period> holderOn(List<Period> periods, Office office, LocalDate day) {
		return periods.stream().filter(p -> p.office() == office && p.covers(day)).findFirst();
	}

	/** The secretary of a month is the holder on its last day. */
	public Optional<Period> secretaryOf(List<Period> periods, YearMonth month) {
		return holderOn(periods, Office.SECRETARY, month.atEndOfMonth());
	}

	/**
	 * Stretches between {@code from} and {@code until} without a secretary that last more than the vacancy limit
	 * in calendar months (a gap of exactly three months is not yet a vacancy with the default of 3).
	 */
	public List<Vacancy> vacancies(List<Period> periods, LocalDate from, LocalDate until) {
		List<Period> secretaries = periods.stream()
			.filter(p -> p.office() == Office.SECRETARY)
			.sorted(Comparator.comparing(Period::startedOn))
			.toList();
		List<Vacancy> gaps = new ArrayList<>();
		LocalDate emptyFrom = from;
		for (Period p : secretaries) {
			if (p.endedOn() != null && p.endedOn().isBefore(emptyFrom)) {
				continue;
			}
			if (p.startedOn().isAfter(emptyFrom)) {
				addIfVacancy(gaps, emptyFrom, min(p.startedOn().minusDays(1), until), until);
			}
			if (p.endedOn() == null) {
				return gaps;
			}
			emptyFrom = p.endedOn().plusDays(1);
			if (emptyFrom.isAfter(until)) {
				return gaps;
			}
		}
		addIfVacancy(gaps, emptyFrom, until, until);
		return gaps;
	}

	/** Whether a post left empty since {@code emptySince} is a vacancy on {@code day}. */
	public boolean isVacancy(LocalDate emptySince, LocalDate day) {
		return day.isAfter(emptySince.plusMonths(vacancyAfterMonths).minusDays(1));
	}

	private void addIfVacancy(List<Vacancy> gaps, LocalDate emptyFrom, LocalDate lastEmptyDay, LocalDate until) {
		if (lastEmptyDay.isBefore(emptyFrom)) {
			return;
		}
		if (isVacancy(emptyFrom, lastEmptyDay)) {
			gaps.add(new Vacancy(emptyFrom, lastEmptyDay.equals(until) ? null : lastEmptyDay));
		}
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}
}
