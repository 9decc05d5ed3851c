package cn.jiceng.assessment;

import static cn.jiceng.settings.RuleCatalog.STAR_FIVE_AT;
import static cn.jiceng.settings.RuleCatalog.STAR_FOUR_AT;
import static cn.jiceng.settings.RuleCatalog.STAR_THREE_AT;
import static cn.jiceng.settings.RuleCatalog.STAR_TWO_AT;
import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_MAX_STARS;

import java.math.BigDecimal;
import java.util.Objects;

import cn.jiceng.settings.RuleSettings;

/**
 * Stars of an organization (SPEC.md §4.7): the score (rounded half-up to 2 decimals) banded by the settings
 * {@code starFiveAt … starTwoAt} (below two stars: one); an organization on that year's weak-and-lax list shows at
 * most {@code weakLaxMaxStars}, applied when read; a revocation (摘星) lowers the stars as read by one, or to a
 * chosen lower number, never below one. The state machine of the yearly cycle is here too.
 */
final class StarPolicy {

	public static final int MIN_STARS = 1;
	public static final int MAX_STARS = 5;

	/** Stars as read, and why they are lower than the band when they are. */
	public record Stars(int stars, boolean capped, String reason) {
	}

	/** A revocation: allowed with the new stars, or refused with the reason. */
	public record Revocation(boolean allowed, int toStars, String reason) {
	}

	private final RuleSettings settings;

	public StarPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	public int band(BigDecimal score) {
		BigDecimal s = StarScoring.round(score);
		if (s.compareTo(BigDecimal.valueOf(settings.get(STAR_FIVE_AT))) >= 0) {
			return 5;
		}
		if (s.compareTo(BigDecimal.valueOf(settings.get(STAR_FOUR_AT))) >= 0) {
			return 4;
		}
		if (s.compareTo(BigDecimal.valueOf(settings.get(STAR_THREE_AT))) >= 0) {
			return 3;
		}
		if (s.compareTo(BigDecimal.valueOf(settings.get(STAR_TWO_AT))) >= 0) {
			return 2;
		}
		return 1;
	}

	/** The stars shown: the stored stars, capped while the organization is on the year's weak-and-lax list. */
	public Stars asRead(int stored, boolean weakAndLax) {
		int cap = settings.get(WEAK_LAX_MAX_STARS);
		if (weakAndLax && stored > cap) {
			return new Stars(cap, true, "列入当年软弱涣散党组织名单，最多评定" + cap + "星");
		}
		return new Stars(stored, false, null);
	}

	/** Lowers the stars as read by one, or to {@code requested} (1–5, below the current). */
	public Revocation revoke(int current, Integer requested) {
		if (requested == null) {
			if (current <= MIN_STARS) {
				return new Revocation(false, current, "已是一星，不能再摘星");
			}
			return new Revocation(true, current - 1, null);
		}
		if (requested < MIN_STARS || requested > MAX_STARS) {
			return new Revocation(false, current, "星级应在1到5之间");
		}
		if (requested >= current) {
			return new Revocation(false, current, "摘星后的星级（" + requested + "星）应低于当前星级（" + current + "星）");
		}
		return new Revocation(true, requested, null);
	}

	/** Why a step may not be taken from a status, or null when it may. */
	public static String refusal(StarStatus status, Step step) {
		switch (step) {
			case REVIEW:
				return status == StarStatus.SELF_ASSESSED || status == StarStatus.REVIEWED ? null
						: "已" + status.label().replace("已", "") + "，不能再评星";
			case CONFIRM:
				if (status == StarStatus.REVIEWED) {
					return null;
				}
				return status == StarStatus.SELF_ASSESSED ? "尚未经乡镇党委评星，不能定星" : "已定星，不能重复定星";
			case PUBLISH:
				return status == StarStatus.CONFIRMED ? null : "只有已定星的评定可以挂星";
			case REVOKE:
				return status.rated() ? null : "尚未定星，不能摘星";
			default:
				throw new IllegalArgumentException(step.name());
		}
	}

	public enum Step {
		REVIEW, CONFIRM, PUBLISH, REVOKE
	}
}
