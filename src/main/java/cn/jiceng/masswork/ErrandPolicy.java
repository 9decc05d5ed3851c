package cn.jiceng.masswork;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 事不过夜 (SPEC.md §4.9, API.md "Mass work"): an errand received on a day must be done, or answered with a promised
 * date, before that day ends in the county's time zone, whatever zone the clock or the request speaks; otherwise it
 * went overnight (过夜). Deferred and not done by the end of the promised date, or done after it, it is overdue.
 * "Now" comes from the injected clock, so the same errand can be judged at any moment.
 */
final class ErrandPolicy {

	/** The county's time zone (API.md conventions). */
	public static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	private final Clock clock;

	public ErrandPolicy(Clock clock) {
		this.clock = clock;
	}

	/** What is known of an errand; the instants and the promise are null until they happen. */
	public record Facts(ErrandStatus status, Instant receivedAt, Instant doneAt, Instant deferredAt,
			LocalDate promisedOn) {
	}

	/** The state flags API.md lists for every errand, judged now. */
	public record Flags(boolean doneSameDay, boolean overnight, boolean overdue) {
	}

	/** Allowed, or refused with the Chinese reason. */
	public record Decision(boolean allowed, String reason) {

		static final Decision OK = new Decision(true, null);

		static Decision refuse(String reason) {
			return new Decision(false, reason);
		}
	}

	public Instant now() {
		return clock.instant();
	}

	/** The county day an instant falls on. */
	public static LocalDate countyDay(Instant at) {
		return at.atZone(COUNTY).toLocalDate();
	}

	/** The instant the errand goes overnight: the start of the county day after the day it was received. */
	public static Instant deadline(Instant receivedAt) {
		return countyDay(receivedAt).plusDays(1).atStartOfDay(COUNTY).toInstant();
	}

	/** The instant a promise is broken: the start of the county day after the promised date. */
	public static Instant promiseEnd(LocalDate promisedOn) {
		return promisedOn == null ? null : promisedOn.plusDays(1).atStartOfDay(COUNTY).toInstant();
	}

	/** A request is received now or earlier, never in the future. */
	public Decision receive(Instant receivedAt) {
		if (receivedAt.isAfter(now())) {
			return Decision.refuse("受理时间不能晚于当前时间");
		}
		return Decision.OK;
	}

	/** Done at an instant: not before it was received, not in the future, and only once. */
	public Decision complete(Facts e, Instant at) {
		if (e.status() == ErrandStatus.DONE) {
			return Decision.refuse("该事项已办结，不能重复办结");
		}
		return sensibleInstant(e, at, "办结时间");
	}

	/**
	 * Answered with a promised date: only a received errand (a promise is given once), at an instant after receipt
	 * and not in the future, with a date after the day of the answer (what can be done that day is simply done).
	 */
	public Decision defer(Facts e, Instant at, LocalDate promisedOn) {
		if (e.status() == ErrandStatus.DONE) {
			return Decision.refuse("该事项已办结，无需再答复承诺办结日期");
		}
		if (e.status() == ErrandStatus.DEFERRED) {
			return Decision.refuse("该事项已答复并承诺于 " + e.promisedOn() + " 前办结，承诺日期不能更改");
		}
		Decision d = sensibleInstant(e, at, "答复时间");
		if (!d.allowed()) {
			return d;
		}
		if (!promisedOn.isAfter(countyDay(at))) {
			return Decision.refuse("承诺办结日期应晚于答复当日（" + countyDay(at) + "）；当日能办的应当日办结");
		}
		return Decision.OK;
	}

	/** Satisfaction is asked of the requester only once the errand is done. */
	public Decision feedback(Facts e) {
		if (e.status() != ErrandStatus.DONE) {
			return Decision.refuse("事项办结后才能登记群众满意度（当前：" + e.status().label() + "）");
		}
		return Decision.OK;
	}

	public Flags flags(Facts e) {
		Instant now = now();
		Instant deadline = deadline(e.receivedAt());
		boolean doneSameDay = e.doneAt() != null && e.doneAt().isBefore(deadline);
		Instant firstAnswer = earliest(e.doneAt(), e.deferredAt());
		boolean overnight = !(firstAnswer == null ? now : firstAnswer).isBefore(deadline);
		Instant promiseEnd = promiseEnd(e.promisedOn());
		boolean overdue = promiseEnd != null && !(e.doneAt() == null ? now : e.doneAt()).isBefore(promiseEnd);
		return new Flags(doneSameDay, overnight, overdue);
	}

	/** Satisfied and basically satisfied over all rated errands; null when none was rated (API.md). */
	public static Double satisfactionRate(long satisfied, long basic, long unsatisfied) {
		long rated = satisfied + basic + unsatisfied;
		return rated == 0 ? null : (double) (satisfied + basic) / rated;
	}

	private Decision sensibleInstant(Facts e, Instant at, String label) {
		if (at.isBefore(e.receivedAt())) {
			return Decision.refuse(label + "不能早于受理时间");
		}
		if (at.isAfter(now())) {
			return Decision.refuse(label + "不能晚于当前时间");
		}
		return Decision.OK;
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.isBefore(b) ? a : b;
	}
}
