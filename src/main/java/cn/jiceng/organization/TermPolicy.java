package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.TERM_EXPIRING_WITHIN_MONTHS;
import static cn.jiceng.settings.RuleCatalog.TERM_YEARS_BRANCH;
import static cn.jiceng.settings.RuleCatalog.TERM_YEARS_COMMITTEE;
import static cn.jiceng.settings.RuleCatalog.TERM_YEARS_RURAL_COMMUNITY;

import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Terms of office (任期) per the 2018 中办 notice (RULES.md §1.4) and the 6-month changeover reminder (§1.5).
 * The term length is stored on each organization; this gives the default for a new one.
 */
public final class TermPolicy {

	public enum TermStatus {
		NONE("无任期"),
		CURRENT("任期内"),
		EXPIRING("任期即将届满"),
		OVERDUE("任期届满未换届");

		private final String label;

		TermStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** {@code endsOn} is null when the status is NONE. */
	public record TermState(TermStatus status, LocalDate endsOn, String reason) {
	}

	private final RuleSettings settings;

	public TermPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** Empty for a GROUP, which is not elected for a term. Village and community bodies take 5 years whatever their kind. */
	public OptionalInt defaultTermYears(OrgKind kind, Field field) {
		Objects.requireNonNull(kind, "kind");
		if (kind == OrgKind.GROUP) {
			return OptionalInt.empty();
		}
		if (field != null && field.isVillageOrCommunity()) {
			return OptionalInt.of(settings.get(TERM_YEARS_RURAL_COMMUNITY));
		}
		return OptionalInt.of(kind == OrgKind.COMMITTEE ? settings.get(TERM_YEARS_COMMITTEE) : settings.get(TERM_YEARS_BRANCH));
	}

	/**
	 * The anniversary of the start, without subtracting a day: a term started 2021-03-15 for 3 years ends on
	 * 2024-03-15, the date by which the new body should be elected. 29 February falls back to 28 February.
	 */
	public static LocalDate termEndsOn(LocalDate startedOn, int years) {
		Objects.requireNonNull(startedOn, "startedOn");
		if (years <= 0) {
			throw new IllegalArgumentException("term years must be positive: " + years);
		}
		return startedOn.plusYears(years);
	}

	/**
	 * OVERDUE once the end date is before today (the end date itself is still within the term); EXPIRING
	 * when it is no later than today plus settings.termExpiringWithinMonths months; NONE without an end date.
	 */
	public TermState status(LocalDate endsOn, LocalDate today) {
		Objects.requireNonNull(today, "today");
		if (endsOn == null) {
			return new TermState(TermStatus.NONE, null, "未登记任期，无法提醒换届");
		}
		int within = settings.get(TERM_EXPIRING_WITHIN_MONTHS);
		if (endsOn.isBefore(today)) {
			long days = ChronoUnit.DAYS.between(endsOn, today);
			return new TermState(TermStatus.OVERDUE, endsOn, "任期已于" + endsOn + "届满，已超期" + days
					+ "天未换届，请按期换届，确需延期须报上级党组织批准");
		}
		if (!endsOn.isAfter(today.plusMonths(within))) {
			long days = ChronoUnit.DAYS.between(today, endsOn);
			return new TermState(TermStatus.EXPIRING, endsOn, "任期将于" + endsOn + "届满（还有" + days
					+ "天），不足" + within + "个月，请做好换届准备");
		}
		return new TermState(TermStatus.CURRENT, endsOn, "任期至" + endsOn + "届满");
	}

	/** As {@link #status(LocalDate, LocalDate)}, but a GROUP never has a term. */
	public TermState status(OrgKind kind, LocalDate endsOn, LocalDate today) {
		if (kind == OrgKind.GROUP) {
			return new TermState(TermStatus.NONE, null, "党小组不实行任期制");
		}
		return status(endsOn, today);
	}
}
